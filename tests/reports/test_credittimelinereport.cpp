#include "credittimelinereport.h"
#include "reporttestsupport.h"
#include "credittimelinexlsx.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::ensureGuiApp;

namespace {

using Kind = CreditEvent::Kind;
using Tone = CreditEvent::Tone;

Letterhead letterhead()
{
    Letterhead l;
    l.name = QStringLiteral("Cooperativa de Ahorro y Crédito Señor de los Milagros Ltda.");
    l.ruc = QStringLiteral("1091234567001");
    l.address = QStringLiteral("Calle Bolívar 4-56 y García Moreno, Otavalo");
    return l;
}

CreditFile creditFile()
{
    CreditFile f;
    f.member.memberNumber = QStringLiteral("S00001");
    f.member.cedula = QStringLiteral("1000000012");
    f.member.fullName = QStringLiteral("PÉREZ ÑAUPARI JOSÉ ÁNGEL");
    f.member.homeAddress = QStringLiteral("Calle Bolívar 5-12 y Sucre, junto a la panadería Doña Inés");
    f.member.phone = QStringLiteral("062612345");
    f.member.mobile = QStringLiteral("0991234567");
    f.credit.creditNumber = QStringLiteral("CR-000001");
    f.credit.memberNumber = f.member.memberNumber;
    f.credit.originalAmount = Money::fromCents(500000);
    f.credit.grantedOn = QDate(2025, 3, 14);
    f.credit.termMonths = 24;
    f.guarantors = {{1, QStringLiteral("1050000017"), QStringLiteral("CACHIMUEL ANDRANGO MARÍA"), {}, QStringLiteral("0987654321")}};
    CreditHistoryPoint p;
    p.cutOff = QDate(2026, 11, 26);
    p.daysPastDue = 10;
    p.rating = Rating::A2;
    p.balance = Money::fromCents(150000);
    p.overdue = Money::fromCents(12050);
    p.officer = QStringLiteral("epsubia");
    f.history = {p};
    return f;
}

CreditEvent event(QDateTime at, bool dateOnly, Kind kind, const QString &title, const QString &detail,
                  const QString &who = {}, std::optional<Money> amount = {}, Tone tone = Tone::Neutral)
{
    CreditEvent e;
    e.at = std::move(at);
    e.dateOnly = dateOnly;
    e.kind = kind;
    e.title = title;
    e.detail = detail;
    e.who = who;
    e.amount = amount;
    e.tone = tone;
    return e;
}

QList<CreditEvent> story()
{
    const QDate monday(2026, 11, 23);
    return {
        event(QDateTime(QDate(2026, 11, 21), QTime(0, 0)), true, Kind::Snapshot, QStringLiteral("Corte de cartera"),
              QStringLiteral("20 días de mora · calificación A3 · vencido $ 241,00 (2 cuotas) · saldo $ 1.500,00 · "
                             "oficial epsubia")),
        event(QDateTime(monday, QTime(8, 0)), false, Kind::Booked, QStringLiteral("Agendado"),
              QStringLiteral("Visita del 23/11/2026 para PINEDA VACA ANA · origen: bandeja del corte 21/11/2026"),
              QStringLiteral("COORDINADOR IBARRA")),
        event(QDateTime(monday, QTime(11, 0)), false, Kind::Result, QStringLiteral("No Encontrado"),
              QStringLiteral("PVA VIAJE A QUITO, REGRESA MAÑANA · reagendado al 24/11/2026"),
              QStringLiteral("PINEDA VACA ANA")),
        event(QDateTime(monday.addDays(1), QTime(9, 30)), false, Kind::Result, QStringLiteral("Visitado"),
              QStringLiteral("PVA SOCIO ATENDIÓ EN SU NEGOCIO · acuerdo: PAGA DOS CUOTAS EL MIÉRCOLES · entregó "
                             "Primera notificación (F1TG)"),
              QStringLiteral("PINEDA VACA ANA")),
        event(QDateTime(monday.addDays(1), QTime(9, 30)), false, Kind::Promise, QStringLiteral("Promesa de pago"),
              QStringLiteral("Pagará el 25/11/2026"), QStringLiteral("PINEDA VACA ANA"), Money::fromCents(24100)),
        event(QDateTime(monday.addDays(2), QTime(16, 0)), false, Kind::Collected, QStringLiteral("Recaudación"),
              QStringLiteral("Recibo R-77"), QStringLiteral("PINEDA VACA ANA"), Money::fromCents(12050), Tone::Good),
        event(QDateTime(QDate(2026, 11, 26), QTime(0, 0)), true, Kind::PromiseJudged,
              QStringLiteral("Promesa de pago: Incumplida"),
              QStringLiteral("prometida para el 25/11/2026 · evaluada con el corte del 26/11/2026"), {}, {}, Tone::Bad),
    };
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(30000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The text in the order it was painted, whitespace collapsed: a detail wrapped over two lines of
// its cell reads whole again.
QString paintedText(const QString &pdf)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                             pdf, QStringLiteral("-")})
        .simplified();
}

int pdfPages(const QString &pdf)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(run(QStringLiteral("pdfinfo"), {pdf}));
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

void requireInOrder(const QString &text, const QStringList &needles)
{
    qsizetype last = -1;
    for (const QString &n : needles) {
        INFO(n.toStdString());
        const qsizetype at = text.indexOf(n, last + 1);
        REQUIRE(at > last);
        last = at;
    }
}

QString writePdf(const QTemporaryDir &dir, const QList<CreditEvent> &events)
{
    const QString path = dir.filePath(QStringLiteral("expediente.pdf"));
    QString error;
    const bool written = CreditTimelineReport(letterhead()).writePdf(path, creditFile(), events, &error);
    INFO(error.toStdString());
    REQUIRE(written);
    return path;
}

} // namespace

TEST_CASE("Expediente PDF lists the events in time order with accents intact", "[reports][expediente]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString pdf = writePdf(dir, story());
    CHECK(pdfPages(pdf) == 1);
    const QString text = paintedText(pdf);
    INFO(text.toStdString());
    requireInOrder(text, {QStringLiteral("Cooperativa de Ahorro y Crédito Señor de los Milagros Ltda."),
                          QStringLiteral("EXPEDIENTE DEL CRÉDITO CR-000001"), QStringLiteral("PÉREZ ÑAUPARI JOSÉ ÁNGEL"),
                          QStringLiteral("CACHIMUEL ANDRANGO MARÍA"), QStringLiteral("Fecha"), QStringLiteral("Evento"),
                          QStringLiteral("Detalle"), QStringLiteral("Usuario"), QStringLiteral("Valor"),
                          QStringLiteral("21/11/2026"), QStringLiteral("Corte de cartera"), QStringLiteral("vencido $ 241,00"),
                          QStringLiteral("Agendado"), QStringLiteral("COORDINADOR IBARRA"), QStringLiteral("No Encontrado"),
                          QStringLiteral("MAÑANA"), QStringLiteral("Visitado"), QStringLiteral("MIÉRCOLES"),
                          QStringLiteral("Promesa de pago"), QStringLiteral("Recaudación"), QStringLiteral("Recibo R-77"),
                          QStringLiteral("$ 120,50"), QStringLiteral("Promesa de pago: Incumplida"),
                          QStringLiteral("Recaudado en campo: $ 120,50"), QStringLiteral("Página 1 de 1")});
    CHECK(text.contains(QStringLiteral("Total: 7 eventos · Recaudado en campo: $ 120,50 · Promesas de pago: 1 (1 incumplida)")));
}

TEST_CASE("Expediente PDF of a long story runs over pages numbered Pagina N de M", "[reports][expediente]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    QList<CreditEvent> events;
    const QDateTime start(QDate(2026, 1, 5), QTime(9, 0));
    for (int i = 0; i < 150; ++i)
        events.append(event(start.addDays(i), false, Kind::Result, QStringLiteral("Visitado"),
                            QStringLiteral("EVENTO NÚMERO %1 · PVA SOCIO ATENDIÓ, ACUERDA PAGAR LA CUOTA DEL MES EN "
                                           "LA VENTANILLA DE LA AGENCIA DE OTAVALO")
                                .arg(i + 1, 3, 10, QLatin1Char('0')),
                            QStringLiteral("PINEDA VACA ANA")));
    const QString pdf = writePdf(dir, events);
    const int pages = pdfPages(pdf);
    CHECK(pages >= 3);
    const QString text = paintedText(pdf);
    for (int p = 1; p <= pages; ++p)
        CHECK(text.contains(QStringLiteral("Página %1 de %2").arg(p).arg(pages)));
    CHECK(text.count(QStringLiteral("EXPEDIENTE DEL CRÉDITO CR-000001 (continuación)")) == pages - 1);
    // Every event once, in order, none lost at a page break.
    QStringList needles;
    for (int i = 1; i <= 150; ++i)
        needles.append(QStringLiteral("EVENTO NÚMERO %1").arg(i, 3, 10, QLatin1Char('0')));
    requireInOrder(text, needles);
    CHECK(text.count(QStringLiteral("EVENTO NÚMERO")) == 150);

    // The same pages at a preview's resolution as at the PDF's.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter preview(&buffer);
    preview.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                                      QPageLayout::Millimeter));
    preview.setResolution(96);
    CHECK(CreditTimelineReport(letterhead()).render(&preview, creditFile(), events) == pages);
}

TEST_CASE("Expediente PDF of a credit without events says so", "[reports][expediente]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString text = paintedText(writePdf(dir, {}));
    CHECK(text.contains(QStringLiteral("No hay eventos registrados para este crédito.")));
    CHECK(text.contains(QStringLiteral("Página 1 de 1")));
}

TEST_CASE("Expediente XLSX has one row per event with dates and amounts as numbers", "[reports][expediente]")
{
    ensureGuiApp();
    if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
        return;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("expediente.xlsx"));
    QString error;
    REQUIRE(exportCreditTimelineXlsx(path, creditFile(), story(), &error));
    CHECK(error.isEmpty());
    const QString strings = run(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/sharedStrings.xml")});
    for (const char *s : {"Expediente del crédito CR-000001 — PÉREZ ÑAUPARI JOSÉ ÁNGEL", "Promesa de pago: Incumplida",
                          "PVA VIAJE A QUITO, REGRESA MAÑANA · reagendado al 24/11/2026", "Recibo R-77", "Usuario"})
        CHECK(strings.contains(QString::fromUtf8(s)));
    const QString sheet = run(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
    CHECK(sheet.contains(QStringLiteral("<autoFilter ref=\"A4:E11\"/>")));
    CHECK(sheet.contains(QStringLiteral("<v>120.5</v>")));
    CHECK(sheet.contains(QStringLiteral("<v>241</v>"))); // the promise
    // 23/11/2026 08:00 as a date serial with the time as its fraction.
    const qint64 serial = QDate(1899, 12, 30).daysTo(QDate(2026, 11, 23));
    CHECK(sheet.contains(QStringLiteral("<v>%1.3333333333").arg(serial)));

    // A folder that does not exist: refused in Spanish, nothing left behind.
    const QString bad = dir.filePath(QStringLiteral("no-existe/expediente.xlsx"));
    CHECK_FALSE(exportCreditTimelineXlsx(bad, creditFile(), story(), &error));
    CHECK(error.contains(QStringLiteral("no se pudo crear el archivo")));
    CHECK_FALSE(QFile::exists(bad));
}

// Hidden (run with "[.samples]"): writes sample expedientes for a person to look at, to the
// directory in COBRANZA_SAMPLES_DIR or /tmp/expediente-samples.
TEST_CASE("Expediente sample PDFs for review", "[.samples]")
{
    ensureGuiApp();
    const QString dir = qEnvironmentVariable("COBRANZA_SAMPLES_DIR", QStringLiteral("/tmp/expediente-samples"));
    REQUIRE(QDir().mkpath(dir));
    CreditTimelineReport report(letterhead());
    report.setPrintedAt(QDateTime(QDate(2026, 11, 27), QTime(10, 5)));
    QString error;
    CHECK(report.writePdf(dir + QStringLiteral("/expediente-corto.pdf"), creditFile(), story(), &error));
    QList<CreditEvent> many;
    for (int week = 0; week < 12; ++week)
        for (const CreditEvent &e : story()) {
            CreditEvent later = e;
            later.at = e.at.addDays(7 * week);
            many.append(later);
        }
    CHECK(report.writePdf(dir + QStringLiteral("/expediente-largo.pdf"), creditFile(), many, &error));
    CHECK(exportCreditTimelineXlsx(dir + QStringLiteral("/expediente.xlsx"), creditFile(), many, &error));
}
