// Benchmark of the notice batch (NoticeReport::writePdf): a morning's F1TG run of 1,000 credits,
// the member and one guarantor each, 2,000 pages in one PDF. Run by hand in a Release build
// (bench/README.md); not a test. Target: under 5 s, so the batch prints before the notifiers leave.
#include "noticereport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cobranza;

namespace {

NoticeDocument page(int credit, bool guarantor)
{
    NoticeDocument d;
    d.type = NoticeType::F1TG;
    d.code = QStringLiteral("F1TG");
    d.year = 2026;
    d.number = credit * 2 + (guarantor ? 1 : 0);
    d.title = QStringLiteral("PRIMERA NOTIFICACIÓN DE COBRANZA");
    d.city = QStringLiteral("Ibarra");
    d.date = QDate(2026, 11, 22);
    d.memberName = QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL %1").arg(credit);
    d.memberCedula = QStringLiteral("10%1").arg(credit, 8, 10, QLatin1Char('0'));
    d.addresseeKind = guarantor ? AddresseeKind::Garante : AddresseeKind::Titular;
    d.addresseeName = guarantor ? QStringLiteral("CHALÁN ÑUSTA ROSA ELENA %1").arg(credit) : d.memberName;
    d.addresseeCedula = guarantor ? QStringLiteral("17%1").arg(credit, 8, 10, QLatin1Char('0')) : d.memberCedula;
    d.addresseeAddress = QStringLiteral("Comunidad de Agato, vía a la cascada de Peguche, kilómetro %1, casa celeste "
                                        "con portón negro")
                             .arg(credit % 40);
    d.creditNumber = QStringLiteral("CR-%1").arg(credit, 6, 10, QLatin1Char('0'));
    d.overdueInstallments = 1 + credit % 3;
    d.daysPastDue = 11 + credit % 10;
    d.overdue = Money::fromCents(12345 + 997 * credit);
    d.totalToPay = Money::fromCents(13000 + 1003 * credit);
    d.payBy = QDate(2026, 11, 30);
    d.branchName = QStringLiteral("Ibarra Centro");
    d.branchAddress = QStringLiteral("Av. Mariano Acosta 12-34 y Juan de Velasco");
    d.branchPhone = QStringLiteral("06 295 5555");
    d.signerName = QStringLiteral("ING. LUIS FERNANDO TORRES ÁLVAREZ");
    d.signerRole = QStringLiteral("Asesor de Negocios");
    d.paragraphs = {
        QStringLiteral("De nuestra consideración:"),
        QStringLiteral("Por medio de la presente le comunicamos que el crédito N.º %1 registra %2 cuotas vencidas con %3 "
                       "días de mora, por un valor vencido de %4. El pago puntual de sus cuotas le permite mantener su "
                       "buen historial crediticio y acceder a nuevos créditos en la cooperativa.")
            .arg(d.creditNumber)
            .arg(d.overdueInstallments)
            .arg(d.daysPastDue)
            .arg(d.overdue.toDisplayString()),
        QStringLiteral("Le solicitamos acercarse a cancelar el valor total de %1 hasta el 30 de noviembre de 2026, a fin "
                       "de evitar el incremento de los intereses de mora, los gastos de cobranza y el reporte a las "
                       "centrales de riesgo.")
            .arg(d.totalToPay.toDisplayString()),
        QStringLiteral("Si a la fecha de recepción de esta notificación usted ya realizó el pago, le agradecemos y le "
                       "solicitamos hacer caso omiso de la misma."),
    };
    return d;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("credits"), QStringLiteral("Credits (two pages each)."), QStringLiteral("N"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Repetitions."), QStringLiteral("N"),
                      QStringLiteral("3")});
    parser.addOption({QStringLiteral("no-logo"), QStringLiteral("Without a logo in the letterhead.")});
    parser.process(app);
    const int credits = std::max(1, parser.value(QStringLiteral("credits")).toInt());
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    Letterhead letterhead;
    letterhead.name = QStringLiteral("Cooperativa de Ahorro y Crédito Señor de los Milagros Ltda.");
    letterhead.ruc = QStringLiteral("1091234567001");
    letterhead.address = QStringLiteral("Calle Bolívar 4-56 y García Moreno, Otavalo");
    letterhead.phone = QStringLiteral("06 292 1234");
    // A logo like the settings page keeps (at most 800 × 400): every page draws it.
    if (!parser.isSet(QStringLiteral("no-logo"))) {
        letterhead.logo = QImage(800, 400, QImage::Format_RGB32);
        letterhead.logo.fill(QColor(20, 80, 40));
    }
    const NoticeReport report(letterhead);
    QList<NoticeDocument> docs;
    for (int i = 1; i <= credits; ++i)
        docs << page(i, false) << page(i, true);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notificaciones.pdf"));

    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        QString error;
        if (!report.writePdf(path, docs, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    const double first = ms.front();
    std::sort(ms.begin(), ms.end());
    std::printf("notice PDF, %d credits, %lld pages, %lld bytes, %d runs (ms): first %.0f  min %.0f  median %.0f  "
                "max %.0f  (%.2f ms a page)\n",
                credits, static_cast<long long>(docs.size()), static_cast<long long>(QFileInfo(path).size()), repeat,
                first, ms.front(), ms[ms.size() / 2], ms.back(), ms[ms.size() / 2] / docs.size());
    return 0;
}
