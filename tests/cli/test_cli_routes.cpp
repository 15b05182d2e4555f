// End-to-end route sheets through cobranza-cli on the demo cooperative: tray, book, approve,
// agenda and the printed sheet, each under the rules and permissions of the window.
#include "testsupport.h"

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

// The demo cooperative (every user's password is the demo one) with a 400-credit cut-off of yesterday.
struct DemoCli
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    // The CLI's clock is pinned (kCliNow): tomorrow's sheet is always inside the booking window.
    QString tomorrow = cobranza::test::kCliNow.date().addDays(1).toString(Qt::ISODate);

    DemoCli()
    {
        const CliRun r = as(QStringLiteral("admin"), {QStringLiteral("demo"), QStringLiteral("--credits"),
                                                      QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("7")});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    }
    CliRun as(const QString &user, QStringList args) const
    {
        args = QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), user} + args;
        return runCli(args, {},
                      {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026"), QStringLiteral("COBRANZA_TEST_FAST_HASH=1"),
                       cobranza::test::cliNowEnv()});
    }
    // Credit numbers of the coordinator's tray whose RESPONSABLE is `role`.
    QStringList trayCredits(const QString &role, int count) const
    {
        const CliRun r = as(QStringLiteral("mvbenalcazar"), {QStringLiteral("tray"), QStringLiteral("--format"),
                                                             QStringLiteral("csv")});
        REQUIRE(r.exitCode == 0);
        QStringList out;
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        REQUIRE(lines.first().startsWith(QStringLiteral("SUCURSAL,NUMERO_CREDITO")));
        for (const QString &line : lines.mid(1)) {
            const QStringList f = line.split(u',');
            if (f.size() > 9 && f[9] == role && out.size() < count)
                out.append(f[1]);
        }
        return out;
    }
};

int rowCount(const QString &csv) { return static_cast<int>(csv.split(u'\n', Qt::SkipEmptyParts).size()) - 1; }

} // namespace

TEST_CASE("cobranza-cli route sheets: a coordinator books an advisor's day - gets it approved - prints it", "[cli]")
{
    DemoCli demo;
    const QStringList credits = demo.trayCredits(QStringLiteral("Asesor de Negocios"), 5);
    REQUIRE(credits.size() == 5);
    const CliRun unbookedBefore = demo.as(QStringLiteral("mvbenalcazar"),
                                          {QStringLiteral("tray"), QStringLiteral("--sin-agendar"), QStringLiteral("--count")});

    const CliRun booked = demo.as(QStringLiteral("mvbenalcazar"),
                                  QStringList{QStringLiteral("book"), QStringLiteral("--date"), demo.tomorrow,
                                              QStringLiteral("--staff"), QStringLiteral("agchamorro")}
                                      + credits);
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);
    CHECK(booked.out.contains(QStringLiteral("Se agendaron 5 crédito(s)")));
    const CliRun unbookedAfter = demo.as(QStringLiteral("mvbenalcazar"),
                                         {QStringLiteral("tray"), QStringLiteral("--sin-agendar"), QStringLiteral("--count")});
    CHECK(unbookedAfter.out.trimmed().toInt() == unbookedBefore.out.trimmed().toInt() - 5);

    // Once a day: the second person is told who has it; nothing is written.
    const CliRun twice = demo.as(QStringLiteral("mvbenalcazar"),
                                 {QStringLiteral("book"), QStringLiteral("--date"), demo.tomorrow, QStringLiteral("--staff"),
                                  QStringLiteral("epsubia"), credits.first()});
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.contains(QStringLiteral("ya está agendado")));
    CHECK(twice.err.contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA")));
    // A rating that goes to another role is refused with the reason.
    const QStringList coordinators = demo.trayCredits(QStringLiteral("Coordinador de Agencia"), 1);
    REQUIRE(coordinators.size() == 1);
    const CliRun wrongRole = demo.as(QStringLiteral("mvbenalcazar"),
                                     {QStringLiteral("book"), QStringLiteral("--date"), demo.tomorrow,
                                      QStringLiteral("--staff"), QStringLiteral("epsubia"), coordinators.first()});
    CHECK(wrongRole.exitCode == 1);
    CHECK(wrongRole.err.contains(QStringLiteral("que corresponde al Coordinador de Agencia")));
    // An advisor books nobody's sheet.
    CHECK(demo.as(QStringLiteral("agchamorro"), {QStringLiteral("book"), QStringLiteral("--date"), demo.tomorrow,
                                                 QStringLiteral("--staff"), QStringLiteral("agchamorro"), credits.last()})
              .exitCode
          == 1);

    // The advisor sees his own agenda, not a colleague's.
    const CliRun own = demo.as(QStringLiteral("agchamorro"), {QStringLiteral("agenda"), QStringLiteral("--date"),
                                                              demo.tomorrow, QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(own.exitCode == 0);
    CHECK(rowCount(own.out) == 5);
    CHECK(own.out.count(QStringLiteral("PENDIENTE")) == 5);
    CHECK(demo.as(QStringLiteral("agchamorro"), {QStringLiteral("agenda"), QStringLiteral("--date"), demo.tomorrow,
                                                 QStringLiteral("--staff"), QStringLiteral("epsubia")})
              .exitCode
          == 1);

    // Nobody approves his own sheet; the coordinator approves the advisor's.
    const CliRun self = demo.as(QStringLiteral("agchamorro"), {QStringLiteral("approve"), QStringLiteral("--date"),
                                                               demo.tomorrow, QStringLiteral("--staff"), QStringLiteral("agchamorro")});
    CHECK(self.exitCode == 1);
    CHECK(self.err.contains(QStringLiteral("propia hoja de ruta")));
    const CliRun approved = demo.as(QStringLiteral("mvbenalcazar"), {QStringLiteral("approve"), QStringLiteral("--date"),
                                                                     demo.tomorrow, QStringLiteral("--staff"),
                                                                     QStringLiteral("agchamorro")});
    INFO(approved.err.toStdString());
    REQUIRE(approved.exitCode == 0);
    const CliRun agenda = demo.as(QStringLiteral("mvbenalcazar"), {QStringLiteral("agenda"), QStringLiteral("--date"),
                                                                   demo.tomorrow, QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(agenda.out.count(QStringLiteral("BENALCÁZAR TERÁN MARCO VINICIO")) == 5);

    const QString pdf = demo.dir.filePath(QStringLiteral("hoja.pdf"));
    const CliRun printed = demo.as(QStringLiteral("agchamorro"),
                                   {QStringLiteral("print"), QStringLiteral("route-sheet"), QStringLiteral("--date"),
                                    demo.tomorrow, QStringLiteral("--staff"), QStringLiteral("agchamorro"),
                                    QStringLiteral("-o"), pdf});
    INFO(printed.err.toStdString());
    REQUIRE(printed.exitCode == 0);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(30000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput());
    CHECK(content.contains(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA")));
    CHECK(content.contains(QStringLiteral("BENALCÁZAR TERÁN MARCO VINICIO")));
    CHECK(content.contains(QStringLiteral("Página 1 de 1")));
    // A colleague's sheet is not the advisor's to print.
    CHECK(demo.as(QStringLiteral("agchamorro"), {QStringLiteral("print"), QStringLiteral("route-sheet"),
                                                 QStringLiteral("--date"), demo.tomorrow, QStringLiteral("--staff"),
                                                 QStringLiteral("epsubia"), QStringLiteral("-o"), pdf})
              .exitCode
          == 1);
}

TEST_CASE("cobranza-cli route sheets: bad input says what and where", "[cli]")
{
    DemoCli demo;
    const CliRun noDate = demo.as(QStringLiteral("mvbenalcazar"),
                                  {QStringLiteral("book"), QStringLiteral("--staff"), QStringLiteral("agchamorro"),
                                   QStringLiteral("X")});
    CHECK(noDate.exitCode == 2);
    CHECK(noDate.err.contains(QStringLiteral("falta --date")));
    const CliRun badDate = demo.as(QStringLiteral("mvbenalcazar"),
                                   {QStringLiteral("agenda"), QStringLiteral("--date"), QStringLiteral("31/02/2026")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("«31/02/2026» no es una fecha")));
    const CliRun nobody = demo.as(QStringLiteral("mvbenalcazar"),
                                  {QStringLiteral("approve"), QStringLiteral("--date"), demo.tomorrow,
                                   QStringLiteral("--staff"), QStringLiteral("nadie")});
    CHECK(nobody.exitCode == 2);
    CHECK(nobody.err.contains(QStringLiteral("no existe el usuario «nadie»")));
    const CliRun noCutOff = demo.as(QStringLiteral("mvbenalcazar"),
                                    {QStringLiteral("tray"), QStringLiteral("--corte"), QStringLiteral("2001-01-01")});
    CHECK(noCutOff.exitCode == 1);
    CHECK(noCutOff.err.contains(QStringLiteral("no existe el corte 2001-01-01")));
    const CliRun what = demo.as(QStringLiteral("mvbenalcazar"), {QStringLiteral("print"), QStringLiteral("notas")});
    CHECK(what.exitCode == 2);
    for (const char *command : {"tray", "book", "approve", "agenda", "print"}) {
        INFO(command);
        const CliRun help = runCli({QString::fromLatin1(command), QStringLiteral("--help")});
        CHECK(help.exitCode == 0);
        CHECK(help.out.contains(QStringLiteral("Uso: cobranza-cli %1").arg(QString::fromLatin1(command))));
    }
}
