#include "routesheetreport.h"
#include "reporttestsupport.h"

#include <QBuffer>
#include <QDir>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::ensureGuiApp;

namespace {

Letterhead letterhead()
{
    Letterhead l;
    l.name = QStringLiteral("Cooperativa de Ahorro y Crédito Señor de los Milagros Ltda.");
    l.ruc = QStringLiteral("1091234567001");
    l.address = QStringLiteral("Calle Bolívar 4-56 y García Moreno, Otavalo");
    l.phone = QStringLiteral("06 292 1234");
    return l;
}

RouteVisit makeVisit(int order, const QString &name, const QString &sector, qint64 overdueCents)
{
    RouteVisit v;
    v.bookingId = order;
    v.order = order;
    v.creditNumber = QStringLiteral("CR-%1").arg(order, 6, 10, QLatin1Char('0'));
    v.memberNumber = QStringLiteral("S-%1").arg(order, 5, 10, QLatin1Char('0'));
    v.cedula = QStringLiteral("10%1").arg(order, 8, 10, QLatin1Char('0'));
    v.memberName = name;
    v.homeAddress = QStringLiteral("Calle Sucre %1 y Piedrahíta, junto a la tienda Doña Inés").arg(order);
    v.businessAddress = QStringLiteral("Mercado 24 de Mayo, puesto %1").arg(order);
    v.sector = sector;
    v.phones = QStringLiteral("099%1 / 06261%2").arg(order, 7, 10, QLatin1Char('0')).arg(order, 4, 10, QLatin1Char('0'));
    v.daysPastDue = 10 + order % 40;
    v.overdue = Money::fromCents(overdueCents);
    v.balance = Money::fromCents(overdueCents * 10);
    v.rating = Rating::A3;
    Guarantor g;
    g.cedula = QStringLiteral("17%1").arg(order, 8, 10, QLatin1Char('0'));
    g.fullName = QStringLiteral("GARANTE CHALÁN ÑUSTA %1").arg(order, 3, 10, QLatin1Char('0'));
    g.phone = QStringLiteral("098%1").arg(order, 7, 10, QLatin1Char('0'));
    v.guarantors = {g};
    v.action = QStringLiteral("Visitar a socio y garante, entregar la primera notificación");
    v.notice = NoticeType::F1TG;
    v.source = QStringLiteral("TRAY");
    return v;
}

RouteSheet makeSheet(const QList<RouteVisit> &visits, bool approved)
{
    RouteSheet s;
    s.person.id = 7;
    s.person.username = QStringLiteral("jcachimuel");
    s.person.fullName = QStringLiteral("JOSÉ CACHIMUEL ÁLVAREZ");
    s.person.role = Role::OficialCobranzas;
    s.notifier.id = 99;
    s.notifier.username = QStringLiteral("cobranzas");
    s.notifier.fullName = QStringLiteral("COBRANZAS SEÑOR DE LOS MILAGROS");
    s.notifier.role = Role::OficialCobranzas;
    s.notifier.pooled = true;
    s.branch.code = QStringLiteral("OTA");
    s.branch.name = QStringLiteral("Otavalo");
    s.visitDate = QDate(2026, 11, 23);
    if (approved) {
        s.approvedBy = QStringLiteral("MARÍA ÑAUPARI PIVOT");
        s.approvedAt = QDateTime(QDate(2026, 11, 22), QTime(17, 5));
        s.revision = 2;
    }
    s.visits = visits;
    return s;
}

const QStringList kNames = {
    QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL"), QStringLiteral("ÑACATO ÑUSTA MARÍA"),
    QStringLiteral("YÉPEZ CÓRDOVA LUCÍA INÉS"), QStringLiteral("ANDRANGO CACHIMUEL MARÍA JOSEFINA"),
    QStringLiteral("ÁLVAREZ GÜIRACOCHA ÚRSULA"),
};

RouteSheet fiveVisits()
{
    QList<RouteVisit> visits;
    const qint64 cents[] = {12345, 100000, 5, 250075, 9900};
    for (int i = 0; i < kNames.size(); ++i)
        visits.append(makeVisit(i + 1, kNames.at(i), QStringLiteral("SAN ANTONIO DE IBARRA"), cents[i]));
    return makeSheet(visits, true);
}

QString memberName(int order) { return QStringLiteral("SOCIO NÚMERO %1").arg(order, 3, 10, QLatin1Char('0')); }

RouteSheet manyVisits(int count)
{
    QList<RouteVisit> visits;
    for (int i = 1; i <= count; ++i)
        visits.append(makeVisit(i, memberName(i), QStringLiteral("PEGUCHE"), 1000 * i + i));
    return makeSheet(visits, false);
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(30000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The PDF's text as poppler lays it out: pages are separated by form feeds.
QString layoutText(const QString &pdf)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                             pdf, QStringLiteral("-")});
}

// The text in the order it was painted, whitespace collapsed: a name wrapped over two lines of its
// cell reads whole again.
QString paintedText(const QString &pdf)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                             pdf, QStringLiteral("-")})
        .simplified();
}

int pdfPages(const QString &pdf)
{
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

QString writeSheet(const QTemporaryDir &dir, const RouteSheet &sheet, const RouteSheetReport &report = RouteSheetReport(letterhead()))
{
    const QString path = dir.filePath(QStringLiteral("hoja-de-ruta.pdf"));
    QString error;
    const bool written = report.writePdf(path, sheet, &error);
    INFO(error.toStdString());
    REQUIRE(written);
    return path;
}

void requireInOrder(const QString &text, const QStringList &needles)
{
    qsizetype last = -1;
    for (const QString &n : needles) {
        INFO(n.toStdString());
        const qsizetype at = text.indexOf(n);
        REQUIRE(at > last);
        last = at;
    }
}

int renderPages(const RouteSheet &sheet, int dpi)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(8, 8, 8, 8),
                                     QPageLayout::Millimeter));
    writer.setResolution(dpi);
    return RouteSheetReport(letterhead()).render(&writer, sheet);
}

} // namespace

TEST_CASE("Route sheet PDF lists every visit in route order with accents intact", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const RouteSheet sheet = fiveVisits();
    const QString pdf = writeSheet(dir, sheet);
    CHECK(pdfPages(pdf) == 1);
    const QString layout = layoutText(pdf);
    const QString painted = paintedText(pdf);

    CHECK(layout.contains(QStringLiteral("HOJA DE RUTA DE VISITAS")));
    CHECK(layout.contains(QStringLiteral("Registro 1 – Formato Hoja de Ruta")));
    CHECK(layout.contains(QStringLiteral("Señor de los Milagros")));
    CHECK(layout.contains(QStringLiteral("Otavalo (OTA)")));
    CHECK(painted.contains(QStringLiteral("JOSÉ CACHIMUEL ÁLVAREZ — Oficial de Cobranzas")));
    CHECK(painted.contains(QStringLiteral("COBRANZAS SEÑOR DE LOS MILAGROS (usuario compartido)")));
    CHECK(layout.contains(QStringLiteral("lunes 23 de noviembre de 2026")));
    CHECK(painted.contains(QStringLiteral("Aprobada por MARÍA ÑAUPARI PIVOT el 22/11/2026 17:05")));
    CHECK_FALSE(layout.contains(QStringLiteral("PENDIENTE")));
    CHECK(layout.contains(QStringLiteral("Revisión:")));
    CHECK(layout.contains(QStringLiteral("Página 1 de 1")));

    // Whole names, in route order, each followed by its own data.
    QStringList expected;
    for (const RouteVisit &v : sheet.visits)
        expected << v.memberName << QStringLiteral("C.I. ") + v.cedula << v.creditNumber;
    requireInOrder(painted, expected);
    CHECK(painted.count(QStringLiteral("SAN ANTONIO DE IBARRA")) == 5);
    CHECK(painted.contains(QStringLiteral("Dom.: Calle Sucre 4 y Piedrahíta, junto a la tienda Doña Inés")));
    CHECK(painted.contains(QStringLiteral("Neg.: Mercado 24 de Mayo, puesto 4")));
    CHECK(painted.contains(QStringLiteral("GARANTE CHALÁN ÑUSTA 003 Tel. 0980000003")));
    CHECK(painted.count(QStringLiteral("Primera notificación (F1TG)")) == 5);
    // Each phone on a line of its own.
    CHECK(layout.contains(QStringLiteral("0990000002")));
    CHECK(layout.contains(QStringLiteral("062610002")));
    // The hand-filled columns are there, empty.
    requireInOrder(layout, {QStringLiteral("Hora"), QStringLiteral("Estado"), QStringLiteral("Acuerdo"),
                            QStringLiteral("Firma")});

    // 123,45 + 1.000,00 + 0,05 + 2.500,75 + 99,00
    CHECK(sheet.totalOverdue() == Money::fromCents(372325));
    CHECK(layout.contains(QStringLiteral("Total: 5 visitas")));
    CHECK(layout.contains(QStringLiteral("$ 3.723,25")));
    CHECK(layout.contains(QStringLiteral("$ 0,05")));
    requireInOrder(painted, {QStringLiteral("Elaborado por"), QStringLiteral("Visto bueno MARÍA ÑAUPARI PIVOT"),
                             QStringLiteral("Funcionario JOSÉ CACHIMUEL ÁLVAREZ Oficial de Cobranzas")});
    CHECK_FALSE(layout.contains(QStringLiteral("Impreso")));
}

TEST_CASE("Route sheet PDF of sixty visits numbers its pages and never splits a visit", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const RouteSheet sheet = manyVisits(60);
    const int pages = renderPages(sheet, 300);
    REQUIRE(pages >= 3);
    const QString pdf = writeSheet(dir, sheet);
    CHECK(pdfPages(pdf) == pages);
    const QString layout = layoutText(pdf);
    QStringList pageTexts = layout.split(u'\f');
    if (pageTexts.last().trimmed().isEmpty())
        pageTexts.removeLast();
    REQUIRE(pageTexts.size() == pages);

    for (int p = 1; p <= pages; ++p) {
        const QString &text = pageTexts.at(p - 1);
        INFO("page " << p);
        CHECK(text.contains(QStringLiteral("Página %1 de %2").arg(p).arg(pages)));
        CHECK(text.contains(QStringLiteral("Valor")));  // the table header repeats
        CHECK(text.contains(QStringLiteral("Acuerdo")));
        CHECK(text.contains(QStringLiteral("PENDIENTE DE VISTO BUENO")));
        CHECK(text.contains(QStringLiteral("(continuación)")) == (p > 1));
    }
    CHECK_FALSE(layout.contains(QStringLiteral("Página %1 de").arg(pages + 1)));
    CHECK_FALSE(layout.contains(QStringLiteral("Aprobada por")));

    // Every visit once, in route order, with all of its row on the page where it starts.
    const QString painted = paintedText(pdf);
    QStringList names;
    for (int i = 1; i <= 60; ++i)
        names << memberName(i);
    requireInOrder(painted, names);
    for (const RouteVisit &v : sheet.visits) {
        INFO(v.memberName.toStdString());
        CHECK(painted.count(v.memberName) == 1);
        const auto onPage = [&](const QString &needle) {
            for (int p = 0; p < pageTexts.size(); ++p)
                if (pageTexts.at(p).contains(needle))
                    return p;
            return -1;
        };
        const int page = onPage(v.cedula);
        CHECK(page >= 0);
        CHECK(onPage(v.creditNumber) == page);
        CHECK(onPage(v.guarantors.first().phone) == page);
    }

    // 1001 + 2002 + … + 60060 cents = 1001 × 1830
    CHECK(sheet.totalOverdue() == Money::fromCents(1831830));
    const QString last = pageTexts.last();
    CHECK(last.contains(QStringLiteral("Total: 60 visitas")));
    CHECK(last.contains(QStringLiteral("$ 18.318,30")));
    CHECK(last.contains(QStringLiteral("Elaborado por")));
    CHECK(last.contains(QStringLiteral("Nombre y firma")));
}

TEST_CASE("Route sheet PDF with no visits says so", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString pdf = writeSheet(dir, makeSheet({}, false));
    const QString layout = layoutText(pdf);
    CHECK(layout.contains(QStringLiteral("HOJA DE RUTA DE VISITAS")));
    CHECK(layout.contains(QStringLiteral("No hay visitas agendadas para este día.")));
    CHECK(layout.contains(QStringLiteral("PENDIENTE DE VISTO BUENO")));
    CHECK(layout.contains(QStringLiteral("Página 1 de 1")));
    CHECK(layout.contains(QStringLiteral("Funcionario")));
    CHECK_FALSE(layout.contains(QStringLiteral("Total:")));
}

TEST_CASE("Route sheet wraps long text in its cell instead of cutting it", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    RouteSheet sheet = fiveVisits();
    RouteVisit &v = sheet.visits[1];
    v.memberName = QStringLiteral("DE LA TORRE VILLAGÓMEZ MARÍA DE LOS ÁNGELES GUADALUPE DEL CONSUELO");
    v.homeAddress = QStringLiteral("Comunidad de Agato, vía a la cascada de Peguche, kilómetro 3 1/2, pasando la "
                                   "escuela fiscal mixta Jaime Roldós Aguilera, casa de dos pisos color celeste con "
                                   "portón negro, preguntar por la señora Rosa Ñacata en la tienda de la esquina");
    v.sector = QStringLiteral("PARROQUIA MIGUEL EGAS CABEZAS (PEGUCHE)");
    v.phones = QStringLiteral("0991111111 / 0992222222 / 062922333");
    Guarantor second;
    second.fullName = QStringLiteral("SEGUNDO GARANTE QUISHPE ÑAUPARI");
    second.phone = QStringLiteral("0987654321");
    v.guarantors.append(second);
    v.creditNumber = QStringLiteral("CR-2026-OTA-0000012345678");
    v.overdue = Money::fromCents(123456789);
    const QString pdf = writeSheet(dir, sheet);
    const QString painted = paintedText(pdf);

    CHECK(painted.contains(v.memberName));
    CHECK(painted.contains(QStringLiteral("Dom.: ") + v.homeAddress));
    CHECK(painted.contains(v.sector));
    for (const QString &phone : v.phones.split(QStringLiteral(" / ")))
        CHECK(painted.contains(phone));
    CHECK(painted.contains(QStringLiteral("SEGUNDO GARANTE QUISHPE ÑAUPARI Tel. 0987654321")));
    // A word wider than its column breaks inside the word; no character is lost.
    CHECK(QString(painted).remove(u' ').contains(v.creditNumber));
    CHECK_FALSE(painted.contains(QStringLiteral("…")));
    // An amount wider than its column is printed smaller, never broken over two lines.
    CHECK(layoutText(pdf).contains(QStringLiteral("$ 1.234.567,89")));
}

TEST_CASE("Route sheet pagination does not depend on the device or its resolution", "[reports][routesheet]")
{
    ensureGuiApp();
    const RouteSheet sheet = manyVisits(60);
    const int pages = renderPages(sheet, 300);
    CHECK(pages >= 3);
    CHECK(renderPages(sheet, 300) == pages);
    CHECK(renderPages(sheet, 600) == pages);
    CHECK(renderPages(sheet, 150) == pages);

    // The print path: what the preview and the printer get.
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("impresora.pdf")));
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(8, 8, 8, 8),
                                      QPageLayout::Millimeter));
    CHECK(RouteSheetReport(letterhead()).render(&printer, sheet) == pages);

    CHECK(renderPages(makeSheet({}, true), 300) == 1);
    CHECK(renderPages(manyVisits(1), 300) == 1);
}

TEST_CASE("Route sheet prints the time it was printed only when told", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    RouteSheetReport report(letterhead());
    report.setPrintedAt(QDateTime(QDate(2026, 11, 23), QTime(8, 50)));
    const QString layout = layoutText(writeSheet(dir, fiveVisits(), report));
    CHECK(layout.contains(QStringLiteral("Impreso el 23/11/2026 08:50 · Página 1 de 1")));
}

TEST_CASE("Route sheet PDF says in Spanish why it could not be written", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("no-existe/hoja.pdf"));
    CHECK_FALSE(RouteSheetReport(letterhead()).writePdf(path, fiveVisits(), &error));
    CHECK(error.startsWith(QStringLiteral("No se pudo")));
    CHECK(error.contains(path));
}

TEST_CASE("Route sheet elides only text too long for a whole page", "[reports][routesheet]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    RouteSheet sheet = fiveVisits();
    QStringList words;
    for (int i = 0; i < 900; ++i)
        words << QStringLiteral("palabra%1").arg(i);
    sheet.visits[2].homeAddress = words.join(u' ');
    const QString pdf = writeSheet(dir, sheet);
    const QString painted = paintedText(pdf);
    CHECK(painted.contains(QStringLiteral("Dom.: palabra0 palabra1 palabra2")));
    CHECK(painted.contains(QStringLiteral("…")));
    CHECK_FALSE(painted.contains(QStringLiteral("palabra899")));
    // The row still fits on one page, and the visits around it are printed whole.
    requireInOrder(painted, {kNames.at(1), kNames.at(2), kNames.at(3), kNames.at(4)});
    CHECK(pdfPages(pdf) <= 3);
}

// Hidden (run with "[.samples]"): writes sample sheets for a person to look at, to the directory
// in COBRANZA_SAMPLES_DIR or /tmp/routesheet-samples.
TEST_CASE("Route sheet sample PDFs for review", "[.samples]")
{
    ensureGuiApp();
    const QString dir = qEnvironmentVariableIsEmpty("COBRANZA_SAMPLES_DIR")
                            ? QStringLiteral("/tmp/routesheet-samples")
                            : qEnvironmentVariable("COBRANZA_SAMPLES_DIR");
    REQUIRE(QDir().mkpath(dir));
    RouteSheet approved = fiveVisits();
    approved.visits[1].homeAddress = QStringLiteral(
        "Comunidad de Agato, vía a la cascada de Peguche, kilómetro 3 1/2, pasando la escuela fiscal mixta Jaime "
        "Roldós Aguilera, casa de dos pisos color celeste con portón negro");
    approved.visits[2].guarantors.clear();
    approved.visits[3].notice.reset();
    approved.visits[3].action = QStringLiteral("Visitar al socio; sin acuerdo, llamar al garante");
    RouteSheetReport report(letterhead());
    QString error;
    CHECK(report.writePdf(dir + QStringLiteral("/hoja-5-aprobada.pdf"), approved, &error));
    CHECK(report.writePdf(dir + QStringLiteral("/hoja-60-pendiente.pdf"), manyVisits(60), &error));
    CHECK(report.writePdf(dir + QStringLiteral("/hoja-vacia.pdf"), makeSheet({}, false), &error));
    RouteSheet absurd = fiveVisits();
    QStringList words;
    for (int i = 0; i < 900; ++i)
        words << QStringLiteral("palabra%1").arg(i);
    absurd.visits[2].homeAddress = words.join(u' ');
    absurd.visits[3].memberName = QStringLiteral("DE LA TORRE VILLAGÓMEZ MARÍA DE LOS ÁNGELES GUADALUPE DEL CONSUELO");
    absurd.visits[3].creditNumber = QStringLiteral("CR-2026-OTA-0000012345678");
    absurd.visits[3].overdue = Money::fromCents(1234567890);
    CHECK(report.writePdf(dir + QStringLiteral("/hoja-texto-excesivo.pdf"), absurd, &error));
}
