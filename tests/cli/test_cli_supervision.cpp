// The Pivot's supervision through cobranza-cli on the demo cooperative: the daily review of what the
// advisor entered, a phone check that contradicts, the seeded physical sample, an error recorded by
// hand, and the F.1-A report of the month as PDF, Excel and CSV.
#include "testsupport.h"

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

const QString kPivot = QStringLiteral("mfpenaherrera"); // Pivot de Crédito of Ibarra
const QString kAdvisor = QStringLiteral("agchamorro");  // CHAMORRO ROSERO ANDREA GABRIELA, Ibarra

// Three visits booked today by the Pivot for the advisor, who enters two: a No Encontrado with its
// justification and a Visitado; the third stays without a result.
struct SupervisionCli
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    QDate day = cobranza::test::kCliNow.date();
    QString today = day.toString(Qt::ISODate);
    QStringList credits;

    SupervisionCli()
    {
        REQUIRE(as(QStringLiteral("admin"), {QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("400"),
                                             QStringLiteral("--seed"), QStringLiteral("7")})
                    .exitCode
                == 0);
        const CliRun tray = as(kPivot, {QStringLiteral("tray"), QStringLiteral("--format"), QStringLiteral("csv")});
        for (const QString &line : tray.out.split(u'\n', Qt::SkipEmptyParts).mid(1)) {
            const QStringList f = line.split(u',');
            if (f.size() > 9 && f[9] == QStringLiteral("Asesor de Negocios") && credits.size() < 3)
                credits.append(f[1]);
        }
        REQUIRE(credits.size() == 3);
        const CliRun booked = as(kPivot, QStringList{QStringLiteral("book"), QStringLiteral("--date"), today,
                                                     QStringLiteral("--staff"), kAdvisor}
                                             + credits);
        INFO(booked.err.toStdString());
        REQUIRE(booked.exitCode == 0);
        REQUIRE(enter(credits[0], {QStringLiteral("--estado"), QStringLiteral("NO_ENCONTRADO"),
                                   QStringLiteral("--justificacion"), QStringLiteral("nadie en casa")})
                    .exitCode
                == 0);
        REQUIRE(enter(credits[1], {QStringLiteral("--estado"), QStringLiteral("VISITADO")}).exitCode == 0);
    }
    CliRun as(const QString &user, QStringList args) const
    {
        args = QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), user} + args;
        return runCli(args, {},
                      {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026"), QStringLiteral("COBRANZA_TEST_FAST_HASH=1"),
                       cobranza::test::cliNowEnv()});
    }
    CliRun enter(const QString &credit, const QStringList &more) const
    {
        return as(kAdvisor, QStringList{QStringLiteral("result"), QStringLiteral("set"), QStringLiteral("--date"), today,
                                        QStringLiteral("--credit"), credit}
                                + more);
    }
    // The CSV rows (header left out) of a command that prints a table.
    QList<QStringList> rows(const QString &user, QStringList args) const
    {
        const CliRun r = as(user, args << QStringLiteral("--format") << QStringLiteral("csv"));
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        QList<QStringList> out;
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
            out.append(line.trimmed().split(u','));
        return out;
    }
    QStringList rowOf(const QList<QStringList> &all, int column, const QString &value) const
    {
        for (const QStringList &r : all)
            if (r.value(column) == value)
                return r;
        return {};
    }
};

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("cobranza-cli review: the advisor's day with the results to read - for supervisors only", "[cli][supervision]")
{
    SupervisionCli f;
    const QStringList review{QStringLiteral("review"), QStringLiteral("--date"), f.today};
    const QStringList row = f.rowOf(f.rows(kPivot, review), 0, kAdvisor);
    REQUIRE(row.size() == 10);
    CHECK(row[1] == QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA"));
    CHECK(row[2] == QStringLiteral("3")); // booked
    CHECK(row[3] == QStringLiteral("2")); // entered
    CHECK(row[4] == QStringLiteral("1")); // missing
    CHECK(row[7] == QStringLiteral("1")); // the No Encontrado to read

    const QStringList justified =
        f.rowOf(f.rows(kPivot, review + QStringList{QStringLiteral("--ver"), QStringLiteral("justificaciones")}), 2,
                f.credits[0]);
    REQUIRE(justified.size() == 7);
    CHECK(justified[4] == QStringLiteral("No Encontrado"));
    CHECK(justified[5] == QStringLiteral("AGC NADIE EN CASA"));
    CHECK(justified[6] == QStringLiteral("Sin verificar"));

    const CliRun advisor = f.as(kAdvisor, review);
    CHECK(advisor.exitCode == 1);
    CHECK(advisor.err.contains(QStringLiteral("no tiene permiso")));
    const CliRun otherBranch = f.as(kPivot, review + QStringList{QStringLiteral("--branch"), QStringLiteral("OTA")});
    CHECK(otherBranch.exitCode == 1);
    CHECK(otherBranch.err.contains(QStringLiteral("solo puede ver la agencia IBA")));
    CHECK(f.as(kPivot, review + QStringList{QStringLiteral("--ver"), QStringLiteral("todo")}).exitCode == 2);
    CHECK(f.as(kPivot, {QStringLiteral("review"), QStringLiteral("--date"), QStringLiteral("ayer")}).exitCode == 2);
}

TEST_CASE("cobranza-cli verify: a contradicting phone call needs its note and counts as an error", "[cli][supervision]")
{
    SupervisionCli f;
    const QStringList justifiedArgs{QStringLiteral("review"), QStringLiteral("--date"), f.today, QStringLiteral("--ver"),
                                    QStringLiteral("justificaciones")};
    const QString booking = f.rowOf(f.rows(kPivot, justifiedArgs), 2, f.credits[0]).value(0);
    REQUIRE_FALSE(booking.isEmpty());
    const QStringList verify{QStringLiteral("verify"), QStringLiteral("--booking"), booking};

    const CliRun noNote = f.as(kPivot, verify + QStringList{QStringLiteral("--contradice")});
    CHECK(noNote.exitCode == 1);
    CHECK(noNote.err.contains(QStringLiteral("lleva su nota")));
    CHECK(f.as(kPivot, verify).exitCode == 2);
    CHECK(f.as(kPivot, verify + QStringList{QStringLiteral("--confirmado"), QStringLiteral("--contradice")}).exitCode == 2);
    CHECK(f.as(kAdvisor, verify + QStringList{QStringLiteral("--confirmado")}).exitCode == 1);

    const CliRun contradicted = f.as(kPivot, verify + QStringList{QStringLiteral("--contradice"), QStringLiteral("--nota"),
                                                                  QStringLiteral("el socio dice que nadie lo visitó")});
    INFO(contradicted.err.toStdString());
    REQUIRE(contradicted.exitCode == 0);
    CHECK(contradicted.out.contains(QStringLiteral("contradice")));
    CHECK(f.rowOf(f.rows(kPivot, justifiedArgs), 2, f.credits[0]).value(6) == QStringLiteral("Contradice"));
    const QList<QStringList> errors =
        f.rows(kPivot, {QStringLiteral("review"), QStringLiteral("--date"), f.today, QStringLiteral("--ver"),
                        QStringLiteral("errores")});
    CHECK(std::any_of(errors.cbegin(), errors.cend(), [&](const QStringList &r) {
        return r.value(0) == kAdvisor && r.value(1) == QStringLiteral("E08") && r.value(3) == f.credits[0];
    }));
}

TEST_CASE("cobranza-cli sample: the seed is the day unless told and draws the same visits again", "[cli][supervision]")
{
    SupervisionCli f;
    const QStringList sample{QStringLiteral("sample"), QStringLiteral("--date"), f.today, QStringLiteral("--size"),
                             QStringLiteral("5")};
    const CliRun first = f.as(kPivot, sample + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    const QString seed = f.day.toString(QStringLiteral("yyyyMMdd"));
    CHECK(first.err.contains(QStringLiteral("semilla %1").arg(seed)));
    const QStringList lines = first.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3); // header and the two visits with a result
    QStringList ids;
    QString sampleId;
    for (const QString &l : lines.mid(1)) {
        const QStringList r = l.trimmed().split(u',');
        REQUIRE(r.size() == 8);
        CHECK(r[1] == seed);
        CHECK(r[3] == kAdvisor);
        CHECK((r[4] == f.credits[0] || r[4] == f.credits[1]));
        ids.append(r[2]);
        sampleId = r[0];
    }
    QStringList again;
    for (const QStringList &r : f.rows(kPivot, sample))
        again.append(r.value(2));
    CHECK(again == ids);

    const CliRun checked = f.as(kPivot, {QStringLiteral("verify"), QStringLiteral("--sample"), sampleId,
                                         QStringLiteral("--booking"), ids[0], QStringLiteral("--confirmado")});
    INFO(checked.err.toStdString());
    CHECK(checked.exitCode == 0);
    CHECK(f.as(kPivot, sample + QStringList{QStringLiteral("--seed"), QStringLiteral("siete")}).exitCode == 2);
    CHECK(f.as(kPivot, {QStringLiteral("sample"), QStringLiteral("--date"), f.today}).exitCode == 2);
    CHECK(f.as(kAdvisor, sample).exitCode == 1);
}

TEST_CASE("cobranza-cli report errors: the F.1-A of the month as PDF XLSX and CSV", "[cli][supervision]")
{
    SupervisionCli f;
    const QStringList add{QStringLiteral("error"), QStringLiteral("add"), QStringLiteral("--staff"), kAdvisor,
                          QStringLiteral("--date"), f.today, QStringLiteral("--credit"), f.credits[2]};
    const CliRun noNote = f.as(kPivot, add);
    CHECK(noNote.exitCode == 1);
    CHECK(noNote.err.contains(QStringLiteral("describa el error")));
    CHECK(f.as(kAdvisor, add + QStringList{QStringLiteral("--nota"), QStringLiteral("x")}).exitCode == 1);
    CHECK(f.as(kPivot, {QStringLiteral("error"), QStringLiteral("add"), QStringLiteral("--staff"), QStringLiteral("nadie"),
                        QStringLiteral("--date"), f.today, QStringLiteral("--nota"), QStringLiteral("x")})
              .exitCode
          == 2);
    const CliRun added = f.as(kPivot, add + QStringList{QStringLiteral("--nota"), QStringLiteral("no llevó la notificación")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA")));

    const QString month = f.day.toString(QStringLiteral("yyyy-MM"));
    const auto report = [&](const QString &user, const QString &file, QStringList more = {}) {
        return f.as(user, QStringList{QStringLiteral("report"), QStringLiteral("errors"), QStringLiteral("--month"), month,
                                      QStringLiteral("-o"), f.dir.filePath(file)}
                              + more);
    };
    for (const QString &name : {QStringLiteral("f1a.pdf"), QStringLiteral("f1a.xlsx"), QStringLiteral("f1a.csv")}) {
        const CliRun r = report(kPivot, name);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.contains(QStringLiteral("Agencia IBA")));
        CHECK(QFile(f.dir.filePath(name)).size() > 100);
    }
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        const QString text = pdfText(f.dir.filePath(QStringLiteral("f1a.pdf")));
        CHECK(text.contains(QStringLiteral("REPORTE DE ERRORES F.1-A")));
        CHECK(text.contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA")));
        CHECK(text.contains(QStringLiteral("no llevó la notificación")));
    }
    QFile csv(f.dir.filePath(QStringLiteral("f1a.csv")));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QString csvText = QString::fromUtf8(csv.readAll());
    CHECK(csvText.contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA;agchamorro;E10;Registrado por el Pivot;%1;%2;"
                                          "no llevó la notificación")
                               .arg(f.day.toString(QStringLiteral("dd/MM/yyyy")), f.credits[2])));

    // Head office chooses any branch; an advisor may not read it; a Pivot only his own branch.
    const CliRun all = report(QStringLiteral("gfpozo"), QStringLiteral("todas.csv"));
    INFO(all.err.toStdString());
    CHECK(all.exitCode == 0);
    CHECK(all.out.contains(QStringLiteral("Todas las agencias")));
    CHECK(report(QStringLiteral("gfpozo"), QStringLiteral("ota.csv"), {QStringLiteral("--branch"), QStringLiteral("OTA")})
              .exitCode
          == 0);
    CHECK(report(kAdvisor, QStringLiteral("no.csv")).exitCode == 1);
    CHECK(report(kPivot, QStringLiteral("no.csv"), {QStringLiteral("--branch"), QStringLiteral("OTA")}).exitCode == 1);
    CHECK(report(kPivot, QStringLiteral("no.txt")).exitCode == 2);
    CHECK(f.as(kPivot, {QStringLiteral("report"), QStringLiteral("errors"), QStringLiteral("--month"),
                        QStringLiteral("2026-13"), QStringLiteral("-o"), f.dir.filePath(QStringLiteral("x.pdf"))})
              .exitCode
          == 2);
    CHECK(f.as(kPivot, {QStringLiteral("report"), QStringLiteral("routes"), QStringLiteral("--month"), month,
                        QStringLiteral("-o"), f.dir.filePath(QStringLiteral("x.pdf"))})
              .exitCode
          == 2);
}

TEST_CASE("cobranza-cli report errors --date: the day's report per person as PDF and CSV", "[cli][supervision]")
{
    SupervisionCli f;
    const CliRun added = f.as(kPivot, {QStringLiteral("error"), QStringLiteral("add"), QStringLiteral("--staff"), kAdvisor,
                                       QStringLiteral("--date"), f.today, QStringLiteral("--credit"), f.credits[2],
                                       QStringLiteral("--nota"), QStringLiteral("no llevó la notificación")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    const auto report = [&](const QString &user, QStringList more) {
        return f.as(user, QStringList{QStringLiteral("report"), QStringLiteral("errors")} + more);
    };
    const QStringList day{QStringLiteral("--date"), f.today};

    const CliRun pdf = report(kPivot, day + QStringList{QStringLiteral("-o"), f.dir.filePath(QStringLiteral("diario.pdf"))});
    INFO(pdf.err.toStdString());
    REQUIRE(pdf.exitCode == 0);
    CHECK(pdf.out.contains(QStringLiteral("Reporte diario de errores")));
    CHECK(pdf.out.contains(QStringLiteral("Agencia IBA")));
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        const QString text = pdfText(f.dir.filePath(QStringLiteral("diario.pdf"))).simplified();
        CHECK(text.contains(QStringLiteral("Reporte diario de errores —")));
        CHECK(text.contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA (agchamorro)")));
        CHECK(text.contains(QStringLiteral("E10")));
        CHECK(text.contains(QStringLiteral("no llevó la notificación")));
        CHECK(text.contains(f.credits[2]));
        CHECK(text.contains(QStringLiteral("Página 1 de")));
    }
    const CliRun csv = report(kPivot, day + QStringList{QStringLiteral("-o"), f.dir.filePath(QStringLiteral("diario.csv"))});
    INFO(csv.err.toStdString());
    REQUIRE(csv.exitCode == 0);
    QFile file(f.dir.filePath(QStringLiteral("diario.csv")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(file.readAll())
              .contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA;agchamorro;Asesor de Negocios;")));

    // The same branch rules as --month: head office reads every branch, a Pivot only his own.
    const CliRun all = report(QStringLiteral("gfpozo"), day + QStringList{QStringLiteral("-o"),
                                                                            f.dir.filePath(QStringLiteral("todas.csv"))});
    INFO(all.err.toStdString());
    CHECK(all.exitCode == 0);
    CHECK(all.out.contains(QStringLiteral("Todas las agencias")));
    CHECK(report(kAdvisor, day + QStringList{QStringLiteral("-o"), f.dir.filePath(QStringLiteral("no.pdf"))}).exitCode == 1);
    const CliRun other = report(kPivot, day + QStringList{QStringLiteral("--branch"), QStringLiteral("OTA"), QStringLiteral("-o"),
                                                          f.dir.filePath(QStringLiteral("no.pdf"))});
    CHECK(other.exitCode == 1);
    CHECK(other.err.contains(QStringLiteral("solo puede ver la agencia IBA")));

    // Bad input names the option and the value, and writes nothing.
    const CliRun badDate = report(kPivot, {QStringLiteral("--date"), QStringLiteral("2026-13-45"), QStringLiteral("-o"),
                                           f.dir.filePath(QStringLiteral("x.pdf"))});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("«2026-13-45» no es una fecha (AAAA-MM-DD) en --date")));
    const CliRun both = report(kPivot, day + QStringList{QStringLiteral("--month"), f.day.toString(QStringLiteral("yyyy-MM")),
                                                         QStringLiteral("-o"), f.dir.filePath(QStringLiteral("x.pdf"))});
    CHECK(both.exitCode == 2);
    CHECK(both.err.contains(QStringLiteral("no los dos")));
    const CliRun neither = report(kPivot, {QStringLiteral("-o"), f.dir.filePath(QStringLiteral("x.pdf"))});
    CHECK(neither.exitCode == 2);
    CHECK(neither.err.contains(QStringLiteral("falta --month AAAA-MM")));
    CHECK(neither.err.contains(QStringLiteral("--date AAAA-MM-DD")));
    const CliRun xlsx = report(kPivot, day + QStringList{QStringLiteral("-o"), f.dir.filePath(QStringLiteral("x.xlsx"))});
    CHECK(xlsx.exitCode == 2);
    CHECK(xlsx.err.contains(QStringLiteral("x.xlsx")));
    CHECK(xlsx.err.contains(QStringLiteral(".pdf o .csv")));
    const CliRun noFile = report(kPivot, day);
    CHECK(noFile.exitCode == 2);
    CHECK(noFile.err.contains(QStringLiteral("falta -o")));
    CHECK_FALSE(QFile::exists(f.dir.filePath(QStringLiteral("x.pdf"))));
    CHECK_FALSE(QFile::exists(f.dir.filePath(QStringLiteral("x.xlsx"))));

    const CliRun help = f.as(kPivot, {QStringLiteral("report"), QStringLiteral("--help")});
    CHECK(help.out.contains(QStringLiteral("--date")));
    CHECK(help.out.contains(QStringLiteral("reporte diario de errores")));
}
