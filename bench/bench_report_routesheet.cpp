// Benchmark of the route sheet PDF (Registro 1): how long RouteSheetReport::writePdf takes for a
// day of 60 visits, the most a person is ever booked. Run by hand in a Release build
// (bench/README.md); not a test. Target: under 200 ms, so printing at 08:45 never waits.
#include "routesheetreport.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cobranza;

namespace {

RouteSheet sampleSheet(int visits)
{
    RouteSheet s;
    s.person.id = 7;
    s.person.fullName = QStringLiteral("JOSÉ CACHIMUEL ÁLVAREZ");
    s.person.role = Role::OficialCobranzas;
    s.notifier.id = 99;
    s.notifier.fullName = QStringLiteral("COBRANZAS SEÑOR DE LOS MILAGROS");
    s.notifier.pooled = true;
    s.branch.code = QStringLiteral("OTA");
    s.branch.name = QStringLiteral("Otavalo");
    s.visitDate = QDate(2026, 11, 23);
    for (int i = 1; i <= visits; ++i) {
        RouteVisit v;
        v.order = i;
        v.creditNumber = QStringLiteral("CR-%1").arg(i, 6, 10, QLatin1Char('0'));
        v.cedula = QStringLiteral("10%1").arg(i, 8, 10, QLatin1Char('0'));
        v.memberName = QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL %1").arg(i);
        v.homeAddress = QStringLiteral("Comunidad de Agato, vía a la cascada de Peguche, kilómetro %1, casa celeste").arg(i);
        v.businessAddress = QStringLiteral("Mercado 24 de Mayo, puesto %1").arg(i);
        v.sector = QStringLiteral("SAN ANTONIO DE IBARRA");
        v.phones = QStringLiteral("0991234567 / 062612345");
        v.daysPastDue = 11 + i % 30;
        v.overdue = Money::fromCents(12345 * i);
        v.rating = Rating::A3;
        Guarantor g;
        g.fullName = QStringLiteral("CHALÁN ÑUSTA ROSA ELENA");
        g.phone = QStringLiteral("0987654321");
        v.guarantors = {g};
        v.action = QStringLiteral("Visitar a socio y garante, entregar la primera notificación");
        v.notice = NoticeType::F1TG;
        s.visits.append(v);
    }
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("visits"), QStringLiteral("Visits on the sheet."), QStringLiteral("N"),
                      QStringLiteral("60")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Repetitions."), QStringLiteral("N"),
                      QStringLiteral("50")});
    parser.process(app);
    const int visits = std::max(0, parser.value(QStringLiteral("visits")).toInt());
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    Letterhead letterhead;
    letterhead.name = QStringLiteral("Cooperativa de Ahorro y Crédito Señor de los Milagros Ltda.");
    letterhead.ruc = QStringLiteral("1091234567001");
    letterhead.address = QStringLiteral("Calle Bolívar 4-56 y García Moreno, Otavalo");
    const RouteSheetReport report(letterhead);
    const RouteSheet sheet = sampleSheet(visits);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hoja-de-ruta.pdf"));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(8, 8, 8, 8),
                                     QPageLayout::Millimeter));
    writer.setResolution(300);
    const int pages = report.render(&writer, sheet);

    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        QString error;
        if (!report.writePdf(path, sheet, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const double first = ms.front();
    std::sort(ms.begin(), ms.end());
    std::printf("route sheet PDF, %d visits, %d pages, %lld bytes, %d runs (ms): first %.1f  min %.1f  median %.1f  "
                "max %.1f\n",
                visits, pages, static_cast<long long>(QFileInfo(path).size()), repeat, first, ms.front(),
                ms[ms.size() / 2], ms.back());
    return 0;
}
