// The daily error report on a hand-built day: the PDF read back with pdftotext lists everyone with
// his count ("Sin errores" for the clean), gives each person with errors a page of his own with the
// codes, credits and members, and says so when the day is empty; the CSV carries the same rows.
#include "dailyerrordocument.h"
#include "reporttestsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::ensureGuiApp;
using cobranza::test::lineStarting;
using cobranza::test::pdfLayoutText;
using cobranza::test::pdfLines;

namespace {

const QDate kFriday(2026, 11, 20);
const QDateTime kPrintedAt(QDate(2026, 11, 23), QTime(8, 30));

Letterhead letterhead()
{
    Letterhead l;
    l.name = QStringLiteral("Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda.");
    l.ruc = QStringLiteral("1090912344001");
    l.address = QStringLiteral("Calle Bolívar 8-45 y Pedro Moncayo, Ibarra");
    return l;
}

DailyErrorLine error(ErrorType type, const QString &credit = {}, const QString &member = {}, const QString &note = {})
{
    DailyErrorLine l;
    l.error.type = type;
    l.error.day = kFriday;
    l.error.creditNumber = credit;
    l.error.note = note;
    l.memberName = member;
    return l;
}

DailyErrorPerson person(qint64 id, const QString &username, const QString &name, const QString &initials, Role role,
                        int booked, int entered, const QList<DailyErrorLine> &errors = {})
{
    DailyErrorPerson p;
    p.staffId = id;
    p.username = username;
    p.name = name;
    p.initials = initials;
    p.role = role;
    p.branchCode = QStringLiteral("IBA");
    p.booked = booked;
    p.entered = entered;
    p.errors = errors;
    return p;
}

// Friday 20/11/2026 at Ibarra: Ana with three errors, Juan with one, José without any.
DailyErrorReport friday()
{
    DailyErrorReport r;
    r.branchCode = QStringLiteral("IBA");
    r.branchName = QStringLiteral("Ibarra Matriz");
    r.day = kFriday;
    r.people = {person(2, QStringLiteral("epsubia"), QStringLiteral("PINEDA VACA ANA"), QStringLiteral("PVA"),
                       Role::AsesorNegocios, 6, 5,
                       {error(ErrorType::MissingResult, QStringLiteral("CR-000002"), QStringLiteral("GUAMÁN QUISHPE MARÍA")),
                        error(ErrorType::MissingJustification, QStringLiteral("CR-000003"),
                              QStringLiteral("PÉREZ ÑAUPARI JOSÉ")),
                        error(ErrorType::Manual, QStringLiteral("CR-000004"), QStringLiteral("CHALÁ ANDRADE LUIS"),
                              QStringLiteral("no llevó la notificación; el socio dijo \"mañana\""))}),
                person(4, QStringLiteral("jmnaupari"), QStringLiteral("ÑAUPARI PÉREZ JOSÉ"), QStringLiteral("NPJ"),
                       Role::OficialCobranzas, 7, 7),
                person(3, QStringLiteral("jtorres"), QStringLiteral("TORRES LUNA JUAN"), QStringLiteral("TLJ"),
                       Role::AsesorNegocios, 3, 3,
                       {error(ErrorType::TooFewVisits, {}, {}, QStringLiteral("3 visitas agendadas; el mínimo es 6"))})};
    r.total = 4;
    return r;
}

// The printed line below the one that starts with `start`.
QString lineAfter(const QStringList &lines, const QString &start)
{
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        if (lines.at(i).startsWith(start))
            return lines.at(i + 1);
    return {};
}

QString writePdf(const QTemporaryDir &dir, const DailyErrorReport &report)
{
    const QString pdf = dir.filePath(QStringLiteral("diario.pdf"));
    QString error;
    REQUIRE(writeDailyErrorReport(pdf, report, letterhead(), QStringLiteral("PIVOT IBARRA"), kPrintedAt, &error));
    CHECK(error.isEmpty());
    return pdf;
}

} // namespace

TEST_CASE("Daily error report: the day in Spanish and the file name offered", "[dailyerrorreport]")
{
    CHECK(dailyErrorDayText(kFriday) == QStringLiteral("viernes 20 de noviembre de 2026"));
    CHECK(dailyErrorDayText(QDate(2026, 12, 2)) == QStringLiteral("miércoles 2 de diciembre de 2026"));
    CHECK(dailyErrorDayText(QDate(2026, 11, 22)) == QStringLiteral("domingo 22 de noviembre de 2026"));
    CHECK(dailyErrorReportFileName(QStringLiteral("IBA"), kFriday, QStringLiteral("pdf"))
          == QStringLiteral("errores-IBA-2026-11-20.pdf"));
    CHECK(dailyErrorReportFileName({}, kFriday, QStringLiteral("csv")) == QStringLiteral("errores-todas-2026-11-20.csv"));
}

TEST_CASE("Daily error report PDF: everyone with his count - then a page for each person with errors",
          "[dailyerrorreport]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString pdf = writePdf(dir, friday());
    const QStringList lines = pdfLines(pdf);
    const QString all = lines.join(u'\n');
    CHECK(all.contains(QStringLiteral("Reporte diario de errores — viernes 20 de noviembre de 2026")));
    CHECK(all.contains(QStringLiteral("Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda.")));
    CHECK(all.contains(QStringLiteral("Agencia IBA – Ibarra Matriz")));
    CHECK(all.contains(QStringLiteral("Impreso por: PIVOT IBARRA")));
    CHECK(all.contains(QStringLiteral("Impreso el: 23/11/2026 08:30")));

    // The summary: person (his role under the name), initials, booked, entered, errors, codes; then
    // the branch total.
    CHECK(lineStarting(lines, QStringLiteral("PINEDA VACA ANA ")) == QStringLiteral("PINEDA VACA ANA PVA 6 5 3 E01 E03 E10"));
    CHECK(lineAfter(lines, QStringLiteral("PINEDA VACA ANA PVA")) == QStringLiteral("Asesor de Negocios"));
    CHECK(lineStarting(lines, QStringLiteral("TORRES LUNA JUAN ")) == QStringLiteral("TORRES LUNA JUAN TLJ 3 3 1 E09"));
    CHECK(lineStarting(lines, QStringLiteral("ÑAUPARI PÉREZ JOSÉ "))
          == QStringLiteral("ÑAUPARI PÉREZ JOSÉ NPJ 7 7 Sin errores"));
    CHECK(lineAfter(lines, QStringLiteral("ÑAUPARI PÉREZ JOSÉ NPJ")) == QStringLiteral("Oficial de Cobranzas"));
    CHECK(lineStarting(lines, QStringLiteral("Total de la agencia"))
          == QStringLiteral("Total de la agencia (3 funcionarios) 16 15 4"));

    // Page 1 is the summary; Ana's page and Juan's follow, each alone; José, clean, has none.
    const QStringList pages = pdfLayoutText(pdf).split(u'\f', Qt::SkipEmptyParts);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].contains(QStringLiteral("Página 1 de 3")));
    CHECK_FALSE(pages[0].contains(QStringLiteral("PINEDA VACA ANA (epsubia)")));
    const QString ana = pages[1].simplified();
    CHECK(ana.contains(QStringLiteral("PINEDA VACA ANA (epsubia) Siglas: PVA")));
    CHECK(ana.contains(QStringLiteral("Asesor de Negocios 3 errores · 6 visitas agendadas · 5 resultados registrados")));
    // Code, the error's name, credit and member on the error's first line; what it means under the name.
    CHECK(lineStarting(lines, QStringLiteral("E01 "))
          == QStringLiteral("E01 Resultado no registrado CR-000002 GUAMÁN QUISHPE MARÍA"));
    CHECK(lineStarting(lines, QStringLiteral("E03 ")) == QStringLiteral("E03 Sin justificación CR-000003 PÉREZ ÑAUPARI JOSÉ"));
    CHECK(lineStarting(lines, QStringLiteral("E10 "))
              .startsWith(QStringLiteral("E10 Registrado por el Pivot CR-000004 CHALÁ ANDRADE LUIS no llevó la notificación")));
    for (const QString &text : {QStringLiteral("Una visita agendada sin resultado"), QStringLiteral("\"mañana\""),
                                QStringLiteral("Total de PINEDA VACA ANA: 3 errores"),
                                QStringLiteral("PINEDA VACA ANA PIVOT IBARRA"),
                                QStringLiteral("Enterado · firma y fecha Comunicado por · firma y fecha"),
                                QStringLiteral("Página 2 de 3")})
        CHECK(ana.contains(text));
    CHECK_FALSE(ana.contains(QStringLiteral("TORRES LUNA JUAN")));
    const QString juan = pages[2].simplified();
    CHECK(juan.contains(QStringLiteral("TORRES LUNA JUAN (jtorres) Siglas: TLJ")));
    CHECK(juan.contains(QStringLiteral("E09")));
    CHECK(juan.contains(QStringLiteral("3 visitas agendadas; el mínimo es 6")));
    CHECK(juan.contains(QStringLiteral("Total de TORRES LUNA JUAN: 1 error")));
    CHECK(juan.contains(QStringLiteral("Página 3 de 3")));
    // Every page names the day and branch it belongs to.
    for (const QString &page : pages)
        CHECK(page.simplified().contains(QStringLiteral("Reporte diario de errores · Agencia IBA – Ibarra Matriz · 20/11/2026")));
    CHECK_FALSE(all.contains(QStringLiteral("ÑAUPARI PÉREZ JOSÉ (jmnaupari)")));
}

TEST_CASE("Daily error report PDF: a long day continues the person's section under his band", "[dailyerrorreport]")
{
    ensureGuiApp();
    DailyErrorReport r = friday();
    DailyErrorPerson &ana = r.people[0];
    for (int i = 0; i < 45; ++i) {
        ana.errors.append(error(ErrorType::LateEntry, QStringLiteral("CR-%1").arg(100 + i, 6, 10, QLatin1Char('0')),
                                QStringLiteral("SOCIO NÚMERO %1").arg(i),
                                QStringLiteral("registrado a las 10:%1").arg(i % 60, 2, 10, QLatin1Char('0'))));
        ++r.total;
    }
    QTemporaryDir dir;
    const QStringList pages = pdfLayoutText(writePdf(dir, r)).split(u'\f', Qt::SkipEmptyParts);
    REQUIRE(pages.size() >= 4);
    const QString count = QString::number(pages.size());
    // Ana's section runs over her pages, each of which starts with her band again.
    for (qsizetype p = 2; p + 1 < pages.size(); ++p) {
        INFO(pages[p].toStdString());
        CHECK(pages[p].simplified().contains(QStringLiteral("PINEDA VACA ANA (epsubia) — continuación")));
    }
    const QString all = pages.join(u'\n').simplified();
    for (int i = 0; i < 45; ++i)
        CHECK(all.contains(QStringLiteral("CR-%1").arg(100 + i, 6, 10, QLatin1Char('0'))));
    CHECK(all.contains(QStringLiteral("Total de PINEDA VACA ANA: 48 errores")));
    CHECK(pages.last().contains(QStringLiteral("TORRES LUNA JUAN (jtorres)")));
    CHECK(pages.last().contains(QStringLiteral("Página %1 de %1").arg(count)));
}

TEST_CASE("Daily error report PDF: a day without anyone to review says so", "[dailyerrorreport]")
{
    ensureGuiApp();
    DailyErrorReport r;
    r.branchCode = QStringLiteral("IBA");
    r.day = QDate(2026, 11, 22);
    r.workingDay = false;
    QTemporaryDir dir;
    const QString text = pdfLayoutText(writePdf(dir, r)).simplified();
    CHECK(text.contains(QStringLiteral("Reporte diario de errores — domingo 22 de noviembre de 2026")));
    CHECK(text.contains(QStringLiteral("22/11/2026 (día no laborable)")));
    CHECK(text.contains(QStringLiteral("Agencia: IBA Día:"))); // not "Agencia: Agencia IBA"
    CHECK(text.contains(QStringLiteral("Nadie tenía visitas agendadas ni errores el domingo 22 de noviembre de 2026. "
                                       "Es un día no laborable.")));
    CHECK(text.contains(QStringLiteral("Página 1 de 1")));
    CHECK_FALSE(text.contains(QStringLiteral("Total de la agencia")));
}

TEST_CASE("Daily error report PDF: a clean day lists everyone as Sin errores on one page", "[dailyerrorreport]")
{
    ensureGuiApp();
    DailyErrorReport r = friday();
    r.people[0].errors.clear();
    r.people[2].errors.clear();
    r.total = 0;
    QTemporaryDir dir;
    const QStringList lines = pdfLines(writePdf(dir, r));
    CHECK(lineStarting(lines, QStringLiteral("PINEDA VACA ANA ")).endsWith(QStringLiteral("Sin errores")));
    CHECK(lineStarting(lines, QStringLiteral("TORRES LUNA JUAN ")).endsWith(QStringLiteral("Sin errores")));
    CHECK(lineStarting(lines, QStringLiteral("Total de la agencia")) == QStringLiteral("Total de la agencia (3 funcionarios) 16 15 0"));
    const QString all = lines.join(u' ');
    CHECK(all.contains(QStringLiteral("Ningún funcionario tuvo errores este día.")));
    CHECK(all.contains(QStringLiteral("Página 1 de 1")));
}

TEST_CASE("Daily error report CSV: one row per error and one per person without errors", "[dailyerrorreport]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diario.csv"));
    QString error;
    REQUIRE(writeDailyErrorReport(path, friday(), letterhead(), {}, {}, &error));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList rows = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(rows.size() == 6); // header, Ana's three, José's "Sin errores", Juan's one
    CHECK(rows[0] == QStringLiteral("FUNCIONARIO;USUARIO;CARGO;SIGLAS;AGENCIA;FECHA;CODIGO;ERROR;CREDITO;SOCIO;NOTA"));
    CHECK(rows[3] == QStringLiteral("PINEDA VACA ANA;epsubia;Asesor de Negocios;PVA;IBA;20/11/2026;E10;Registrado por "
                                    "el Pivot;CR-000004;CHALÁ ANDRADE LUIS;\"no llevó la notificación; el socio dijo "
                                    "\"\"mañana\"\"\""));
    CHECK(rows[4] == QStringLiteral("ÑAUPARI PÉREZ JOSÉ;jmnaupari;Oficial de Cobranzas;NPJ;IBA;20/11/2026;;Sin errores;;;"));
    CHECK(rows[5].startsWith(QStringLiteral("TORRES LUNA JUAN;jtorres;Asesor de Negocios;TLJ;IBA;20/11/2026;E09;")));

    CHECK_FALSE(writeDailyErrorReport(dir.filePath(QStringLiteral("diario.xlsx")), friday(), letterhead(), {}, {}, &error));
    CHECK(error.contains(QStringLiteral(".pdf o .csv")));
}

// Not a check: writes the report for a person to look at.
// COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_reports_tests "[screenshots]"
TEST_CASE("Daily error report: the PDF to look at", "[.][screenshots]")
{
    const QString folder = qEnvironmentVariable("COBRANZA_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    ensureGuiApp();
    QString error;
    CHECK(writeDailyErrorReport(folder + QStringLiteral("/diario.pdf"), friday(), letterhead(),
                                QStringLiteral("PIVOT IBARRA"), kPrintedAt, &error));
}
