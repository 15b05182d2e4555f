// Visit results through cobranza-cli on the demo cooperative: entered by their visitor under the
// window's rules, listed, refused with the rule's message; Gestión Propia found and entered.
#include "testsupport.h"

#include <QDate>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

struct ResultsCli
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    QString today = cobranza::test::kCliNow.date().toString(Qt::ISODate);
    QStringList credits;

    // Today's visits must be booked outside the morning window whatever the hour the test runs: the
    // Pivot may (audited), for an advisor of his branch.
    ResultsCli()
    {
        REQUIRE(as(QStringLiteral("admin"), {QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("400"),
                                             QStringLiteral("--seed"), QStringLiteral("7")})
                    .exitCode
                == 0);
        const CliRun tray = as(QStringLiteral("mfpenaherrera"), {QStringLiteral("tray"), QStringLiteral("--format"),
                                                                 QStringLiteral("csv")});
        for (const QString &line : tray.out.split(u'\n', Qt::SkipEmptyParts).mid(1)) {
            const QStringList f = line.split(u',');
            if (f.size() > 9 && f[9] == QStringLiteral("Asesor de Negocios") && credits.size() < 3)
                credits.append(f[1]);
        }
        REQUIRE(credits.size() == 3);
        const CliRun booked = as(QStringLiteral("mfpenaherrera"),
                                 QStringList{QStringLiteral("book"), QStringLiteral("--date"), today,
                                             QStringLiteral("--staff"), QStringLiteral("agchamorro")}
                                     + credits);
        INFO(booked.err.toStdString());
        REQUIRE(booked.exitCode == 0);
    }
    CliRun as(const QString &user, QStringList args) const
    {
        args = QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), user} + args;
        return runCli(args, {},
                      {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026"), QStringLiteral("COBRANZA_TEST_FAST_HASH=1"),
                       cobranza::test::cliNowEnv()});
    }
    CliRun set(const QString &credit, QStringList more, const QString &user = QStringLiteral("agchamorro")) const
    {
        return as(user, QStringList{QStringLiteral("result"), QStringLiteral("set"), QStringLiteral("--date"), today,
                                    QStringLiteral("--credit"), credit}
                            + more);
    }
};

} // namespace

TEST_CASE("cobranza-cli results: the advisor enters his visits - the rules refuse with their message", "[cli]")
{
    ResultsCli f;
    const CliRun missing = f.set(f.credits[0], {QStringLiteral("--estado"), QStringLiteral("NO_ENCONTRADO")});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("No Encontrado siempre lleva una justificación")));
    const QString farAway = cobranza::test::kCliNow.date().addDays(6).toString(Qt::ISODate);
    const CliRun tooFar = f.set(f.credits[0], {QStringLiteral("--estado"), QStringLiteral("NO_ENCONTRADO"),
                                               QStringLiteral("--justificacion"), QStringLiteral("viaje"),
                                               QStringLiteral("--reagendar"), farAway});
    CHECK(tooFar.exitCode == 1);
    CHECK(tooFar.err.contains(QStringLiteral("más de 5 días")));
    const CliRun noReceipt = f.set(f.credits[1], {QStringLiteral("--estado"), QStringLiteral("VISITADO"),
                                                  QStringLiteral("--recaudacion"), QStringLiteral("20")});
    CHECK(noReceipt.exitCode == 1);
    CHECK(noReceipt.err.contains(QStringLiteral("número de recibo")));
    CHECK(f.set(f.credits[1], {QStringLiteral("--estado"), QStringLiteral("BAILANDO")}).exitCode == 2);
    CHECK(f.set(f.credits[1], {QStringLiteral("--estado"), QStringLiteral("VISITADO"), QStringLiteral("--hora"),
                               QStringLiteral("25:10")})
              .exitCode
          == 2);
    // Only the visitor enters it.
    CHECK(f.set(f.credits[0], {QStringLiteral("--estado"), QStringLiteral("VISITADO")}, QStringLiteral("epsubia")).exitCode
          == 1);

    const QString inTwoDays = cobranza::test::kCliNow.date().addDays(2).toString(Qt::ISODate);
    REQUIRE(f.set(f.credits[0], {QStringLiteral("--estado"), QStringLiteral("NO_ENCONTRADO"), QStringLiteral("--justificacion"),
                                 QStringLiteral("nadie en casa"), QStringLiteral("--hora"), QStringLiteral("10:30"),
                                 QStringLiteral("--reagendar"), inTwoDays})
                .exitCode
            == 0);
    // A notice never printed cannot have been delivered.
    const QStringList visited{QStringLiteral("--estado"), QStringLiteral("VISITADO"), QStringLiteral("--acuerdo"),
                              QStringLiteral("paga el viernes"), QStringLiteral("--fecha-acuerdo"), inTwoDays,
                              QStringLiteral("--recaudacion"), QStringLiteral("20,50"), QStringLiteral("--recibo"),
                              QStringLiteral("R-1")};
    const CliRun unprinted = f.set(f.credits[1], visited + QStringList{QStringLiteral("--notificacion"), QStringLiteral("F1TG")});
    CHECK(unprinted.exitCode == 1);
    CHECK(unprinted.err.contains(QStringLiteral("no se ha impreso")));
    REQUIRE(f.set(f.credits[1], visited).exitCode == 0);
    const CliRun listed = f.as(QStringLiteral("agchamorro"), {QStringLiteral("results"), QStringLiteral("--date"), f.today,
                                                              QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("No Encontrado,10:30,AGC NADIE EN CASA")));
    CHECK(listed.out.contains(QStringLiteral("PAGA EL VIERNES,%1,,,20.50,R-1").arg(inTwoDays)));
    CHECK(listed.out.contains(QStringLiteral("Agendado")));
    // The re-scheduled visit is on the agenda of its new day.
    const CliRun later = f.as(QStringLiteral("agchamorro"), {QStringLiteral("agenda"), QStringLiteral("--date"), inTwoDays,
                                                             QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(later.out.contains(f.credits[0]));
}

TEST_CASE("cobranza-cli propia: finds the member and enters an own-initiative collection", "[cli]")
{
    ResultsCli f;
    const CliRun found = f.as(QStringLiteral("agchamorro"), {QStringLiteral("propia"), QStringLiteral("--buscar"),
                                                             QStringLiteral("maria"), QStringLiteral("--format"),
                                                             QStringLiteral("csv")});
    REQUIRE(found.exitCode == 0);
    const QStringList rows = found.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(rows.size() > 1);
    const QString credit = rows[1].section(u',', 0, 0);
    CHECK(f.set(credit, {QStringLiteral("--estado"), QStringLiteral("VISITADO")}).exitCode == 1); // not on her agenda
    const CliRun own = f.set(credit, {QStringLiteral("--estado"), QStringLiteral("GESTION_PROPIA"), QStringLiteral("--recaudacion"),
                                      QStringLiteral("15"), QStringLiteral("--recibo"), QStringLiteral("R-9")});
    INFO(own.err.toStdString());
    REQUIRE(own.exitCode == 0);
    const CliRun listed = f.as(QStringLiteral("agchamorro"), {QStringLiteral("results"), QStringLiteral("--date"), f.today,
                                                              QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(listed.out.contains(QStringLiteral("Gestión Propia")));
    CHECK(f.as(QStringLiteral("agchamorro"), {QStringLiteral("propia"), QStringLiteral("--buscar"), QStringLiteral(" ")})
              .exitCode
          == 2);
}
