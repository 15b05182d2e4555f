// The F.1-A error report on a hand-built month: the PDF read back with pdftotext holds each
// person's counts and the totals, the workbook has its two sheets, the CSV parses back.
#include "errorreport.h"
#include "reporttestsupport.h"
#include "errorreportxlsx.h"

#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::ensureGuiApp;
using cobranza::test::lineStarting;
using cobranza::test::pdfLines;

namespace {

Letterhead letterhead()
{
    Letterhead l;
    l.name = QStringLiteral("Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda.");
    l.ruc = QStringLiteral("1090912344001");
    l.address = QStringLiteral("Calle Bolívar 8-45 y Pedro Moncayo, Ibarra");
    return l;
}

StaffError line(ErrorType type, qint64 staff, const QString &username, const QString &name, int day,
                const QString &credit = {}, const QString &note = {})
{
    StaffError e;
    e.type = type;
    e.staffId = staff;
    e.username = username;
    e.staffName = name;
    e.day = QDate(2026, 11, day);
    e.creditNumber = credit;
    e.note = note;
    return e;
}

void add(ErrorReport *report, MonthlyErrors *person, const StaffError &e)
{
    person->lines.append(e);
    person->counts[e.type] += 1;
    ++person->total;
    report->totals[e.type] += 1;
    ++report->total;
}

// November 2026 at Ibarra: Ana with 4 errors (3 more than October), Juan with 1 (2 fewer), and
// José, who had 2 in October and none now.
ErrorReport november()
{
    ErrorReport r;
    r.branchCode = QStringLiteral("IBA");
    r.year = 2026;
    r.month = 11;
    MonthlyErrors ana{2, QStringLiteral("epsubia"), QStringLiteral("PINEDA VACA ANA"), {}, 0, 1, {}};
    const QString anaName = ana.name;
    add(&r, &ana, line(ErrorType::MissingResult, 2, ana.username, anaName, 23, QStringLiteral("CR-000001")));
    add(&r, &ana, line(ErrorType::MissingResult, 2, ana.username, anaName, 24, QStringLiteral("CR-000002")));
    add(&r, &ana, line(ErrorType::MissingJustification, 2, ana.username, anaName, 24, QStringLiteral("CR-000003")));
    add(&r, &ana, line(ErrorType::Manual, 2, ana.username, anaName, 25, QStringLiteral("CR-000004"),
                       QStringLiteral("no llevó la notificación; el socio dijo \"mañana\"")));
    MonthlyErrors juan{3, QStringLiteral("jtorres"), QStringLiteral("TORRES LUNA JUAN"), {}, 0, 3, {}};
    add(&r, &juan, line(ErrorType::TooFewVisits, 3, juan.username, juan.name, 26, {}, QStringLiteral("3 de 6 visitas")));
    MonthlyErrors jose{4, QStringLiteral("jmnaupari"), QStringLiteral("ÑAUPARI PÉREZ JOSÉ"), {}, 0, 2, {}};
    r.people = {ana, jose, juan};
    r.previousTotal = 6;
    return r;
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

// RFC 4180 with ';': quoted fields may hold the delimiter, doubled quotes and line breaks.
QList<QStringList> parseCsv(QString text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field.append(u'"');
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u';') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field.append(c);
        }
    }
    REQUIRE_FALSE(quoted);
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

} // namespace

TEST_CASE("F.1-A: month and change as the committee reads them", "[errorreport]")
{
    CHECK(errorReportMonthText(2026, 11) == QStringLiteral("noviembre de 2026"));
    CHECK(errorReportMonthText(2027, 1) == QStringLiteral("enero de 2027"));
    CHECK(errorReportChangeText(4, 1) == QStringLiteral("+3"));
    CHECK(errorReportChangeText(1, 3) == QStringLiteral("\u22122"));
    CHECK(errorReportChangeText(2, 2) == QStringLiteral("0"));
    ErrorReport all;
    CHECK(errorReportBranchText(all) == QStringLiteral("Todas las agencias"));
    all.branchCode = QStringLiteral("IBA");
    CHECK(errorReportBranchText(all, QStringLiteral("Ibarra Matriz")) == QStringLiteral("Agencia IBA – Ibarra Matriz"));
}

TEST_CASE("F.1-A PDF: each person's counts with totals and the previous month", "[errorreport]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("f1a.pdf"));
    QString error;
    REQUIRE(writeErrorReport(pdf, november(), letterhead(), &error, QStringLiteral("Ibarra Matriz")));
    CHECK(error.isEmpty());
    const QStringList lines = pdfLines(pdf);
    const QString all = lines.join(u'\n');
    CHECK(all.contains(QStringLiteral("REPORTE DE ERRORES F.1-A")));
    CHECK(all.contains(QStringLiteral("Agencia IBA – Ibarra Matriz")));
    CHECK(all.contains(QStringLiteral("noviembre de 2026")));
    CHECK(all.contains(QStringLiteral("octubre de 2026")));
    CHECK(all.contains(QStringLiteral("Página 1 de 1")));
    // Person, E01…E10 (a dot for none), total, previous month, change.
    CHECK(lineStarting(lines, QStringLiteral("PINEDA VACA ANA "))
          == QStringLiteral("PINEDA VACA ANA 2 · 1 · · · · · · 1 4 1 +3"));
    CHECK(lineStarting(lines, QStringLiteral("TORRES LUNA JUAN "))
          == QStringLiteral("TORRES LUNA JUAN · · · · · · · · 1 · 1 3 \u22122"));
    CHECK(lineStarting(lines, QStringLiteral("ÑAUPARI PÉREZ JOSÉ "))
          == QStringLiteral("ÑAUPARI PÉREZ JOSÉ · · · · · · · · · · 0 2 \u22122"));
    CHECK(lineStarting(lines, QStringLiteral("Total (3 funcionarios)"))
          == QStringLiteral("Total (3 funcionarios) 2 · 1 · · · · · 1 1 5 6 \u22121"));
    // The legend names the codes; the detail groups the lines by person.
    CHECK(all.contains(QStringLiteral("E09 Pocas visitas agendadas")));
    CHECK(lineStarting(lines, QStringLiteral("PINEDA VACA ANA (epsubia)")).contains(QStringLiteral("4 errores en el mes")));
    CHECK(lineStarting(lines, QStringLiteral("25/11/2026"))
          == QStringLiteral("25/11/2026 E10 Registrado por el Pivot CR-000004 no llevó la notificación; el socio dijo "
                            "\"mañana\""));
    CHECK(lineStarting(lines, QStringLiteral("26/11/2026")).contains(QStringLiteral("3 de 6 visitas")));
    // José has nothing to detail this month.
    CHECK(lineStarting(lines, QStringLiteral("ÑAUPARI PÉREZ JOSÉ (")).isEmpty());
}

TEST_CASE("F.1-A PDF: a long month runs over pages - the person's band and header repeat", "[errorreport]")
{
    ensureGuiApp();
    ErrorReport r = november();
    MonthlyErrors &ana = r.people[0];
    for (int i = 0; i < 60; ++i) {
        const StaffError e = line(ErrorType::LateEntry, 2, ana.username, ana.name, 1 + i % 28,
                                  QStringLiteral("CR-%1").arg(100 + i, 6, 10, QLatin1Char('0')),
                                  QStringLiteral("registrado a las 10:%1").arg(i % 60, 2, 10, QLatin1Char('0')));
        ana.lines.append(e);
        ana.counts[e.type] += 1;
        ++ana.total;
        r.totals[e.type] += 1;
        ++r.total;
    }
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("f1a.pdf"));
    ErrorReportDocument document(letterhead());
    QString error;
    REQUIRE(document.writePdf(pdf, r, &error));
    const QString text = pdfLines(pdf).join(u'\n');
    CHECK_FALSE(text.contains(QStringLiteral("Agencia: Agencia"))); // the heading names the branch once
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Página 1 de (\\d+)")).match(text);
    REQUIRE(pages.hasMatch());
    const int count = pages.captured(1).toInt();
    CHECK(count >= 2);
    CHECK(text.contains(QStringLiteral("Página %1 de %1").arg(count)));
    CHECK(text.contains(QStringLiteral("REPORTE DE ERRORES F.1-A (continuación)")));
    CHECK(text.contains(QStringLiteral("PINEDA VACA ANA (epsubia) — continuación")));
    CHECK(text.contains(QStringLiteral("PINEDA VACA ANA 2 60 1 · · · · · · 1 64 1 +63")));
    for (int i = 0; i < 60; ++i)
        CHECK(text.contains(QStringLiteral("CR-%1").arg(100 + i, 6, 10, QLatin1Char('0'))));
}

TEST_CASE("F.1-A PDF: a month without errors says so", "[errorreport]")
{
    ensureGuiApp();
    ErrorReport r;
    r.year = 2026;
    r.month = 12;
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("vacio.pdf"));
    QString error;
    REQUIRE(writeErrorReport(pdf, r, letterhead(), &error));
    const QString text = pdfLines(pdf).join(u'\n');
    CHECK(text.contains(QStringLiteral("Todas las agencias")));
    CHECK(text.contains(QStringLiteral("diciembre de 2026")));
    CHECK(text.contains(QStringLiteral("No hay errores registrados en el mes ni en el anterior.")));
    CHECK(text.contains(QStringLiteral("Página 1 de 1")));
}

TEST_CASE("F.1-A XLSX: the Resumen and Detalle sheets with counts as numbers", "[errorreport]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f1a.xlsx"));
    QString error;
    REQUIRE(writeErrorReport(path, november(), letterhead(), &error));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    REQUIRE(file.readAll().startsWith(QByteArrayLiteral("PK\x03\x04")));
    if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty()) {
        WARN("unzip is missing (installer/install-deps.sh installs it): the sheets' contents were not checked");
        return;
    }
    const QStringList members =
        run(QStringLiteral("unzip"), {QStringLiteral("-Z1"), path}).split(u'\n', Qt::SkipEmptyParts);
    CHECK(members.contains(QStringLiteral("xl/worksheets/sheet1.xml")));
    CHECK(members.contains(QStringLiteral("xl/worksheets/sheet2.xml")));
    const auto member = [&path](const QString &name) {
        return run(QStringLiteral("unzip"), {QStringLiteral("-p"), path, name});
    };
    const QString workbook = member(QStringLiteral("xl/workbook.xml"));
    CHECK(workbook.contains(QStringLiteral("name=\"Resumen\"")));
    CHECK(workbook.contains(QStringLiteral("name=\"Detalle\"")));
    const QString strings = member(QStringLiteral("xl/sharedStrings.xml"));
    CHECK(strings.contains(QStringLiteral("PINEDA VACA ANA")));
    CHECK(strings.contains(QStringLiteral("Reporte de errores F.1-A — Agencia IBA — noviembre de 2026")));
    CHECK(strings.contains(QStringLiteral("no llevó la notificación; el socio dijo \"mañana\"")));
    // Row 5 is Ana's: E01 = 2 as a number, the total and change as formulas with their values.
    const QString summary = member(QStringLiteral("xl/worksheets/sheet1.xml"));
    CHECK(summary.contains(QStringLiteral("<c r=\"C5\" s=\"")));
    CHECK(summary.contains(QStringLiteral("<v>2</v>")));
    CHECK(summary.contains(QStringLiteral("<f>SUM(C5:L5)</f><v>4</v>")));
    CHECK(summary.contains(QStringLiteral("<f>M5-N5</f><v>3</v>")));
    // The totals row (8) adds up the people's rows.
    CHECK(summary.contains(QStringLiteral("<f>SUM(C5:C7)</f><v>2</v>")));
    CHECK(summary.contains(QStringLiteral("<f>SUM(C8:L8)</f><v>5</v>")));
    const QString detail = member(QStringLiteral("xl/worksheets/sheet2.xml"));
    CHECK(detail.contains(QStringLiteral("<autoFilter ref=\"A3:G8\"/>")));
    // The day is a date serial number.
    CHECK(detail.contains(QStringLiteral("<v>%1</v>").arg(QDate(1899, 12, 30).daysTo(QDate(2026, 11, 25)))));
}

TEST_CASE("F.1-A CSV: a header and the detail lines that parse back", "[errorreport]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f1a.csv"));
    QString error;
    REQUIRE(writeErrorReport(path, november(), letterhead(), &error));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
    REQUIRE(rows.size() == 6);
    CHECK(rows[0] == QStringList{QStringLiteral("FUNCIONARIO"), QStringLiteral("USUARIO"), QStringLiteral("CODIGO"),
                                 QStringLiteral("ERROR"), QStringLiteral("FECHA"), QStringLiteral("CREDITO"),
                                 QStringLiteral("NOTA")});
    for (const QStringList &row : rows)
        CHECK(row.size() == 7);
    CHECK(rows[4] == QStringList{QStringLiteral("PINEDA VACA ANA"), QStringLiteral("epsubia"), QStringLiteral("E10"),
                                 QStringLiteral("Registrado por el Pivot"), QStringLiteral("25/11/2026"),
                                 QStringLiteral("CR-000004"),
                                 QStringLiteral("no llevó la notificación; el socio dijo \"mañana\"")});
    CHECK(rows[5][0] == QStringLiteral("TORRES LUNA JUAN"));
    CHECK(rows[5][2] == QStringLiteral("E09"));
}

TEST_CASE("F.1-A: an unknown extension is refused with the formats to use", "[errorreport]")
{
    QTemporaryDir dir;
    QString error;
    CHECK_FALSE(writeErrorReport(dir.filePath(QStringLiteral("f1a.txt")), november(), letterhead(), &error));
    CHECK(error.contains(QStringLiteral(".pdf, .xlsx o .csv")));
}

// Not a check: writes the report for a person to look at.
// COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_reports_tests "[screenshots]"
TEST_CASE("F.1-A: the PDF XLSX and CSV to look at", "[.][screenshots]")
{
    const QString folder = qEnvironmentVariable("COBRANZA_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    ensureGuiApp();
    ErrorReport r = november();
    for (int i = 0; i < 30; ++i) {
        MonthlyErrors &ana = r.people[0];
        const StaffError e = line(i % 3 == 0 ? ErrorType::LateEntry : ErrorType::JustificationWithoutInitials, 2,
                                  ana.username, ana.name, 1 + i % 28, QStringLiteral("CR-%1").arg(100 + i, 6, 10, QLatin1Char('0')),
                                  i % 5 == 0 ? QStringLiteral("registrado el día siguiente a las 11:20; el asesor dice que "
                                                              "no tenía conexión en la agencia y lo avisó al coordinador")
                                             : QString());
        ana.lines.append(e);
        ana.counts[e.type] += 1;
        ++ana.total;
        r.totals[e.type] += 1;
        ++r.total;
    }
    QString error;
    for (const QString &name : {QStringLiteral("f1a.pdf"), QStringLiteral("f1a.xlsx"), QStringLiteral("f1a.csv")})
        CHECK(writeErrorReport(folder + u'/' + name, r, letterhead(), &error, QStringLiteral("Ibarra Matriz")));
}
