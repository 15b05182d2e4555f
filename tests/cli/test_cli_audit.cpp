// An auditor's reading of the physical samples through cobranza-cli on the demo cooperative: the
// month's samples with their checks counted, one sample with its checks, and the replay verdict
// before and after a result entered later changes the day.
#include "testsupport.h"

#include <QDate>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

const QString kPivot = QStringLiteral("mfpenaherrera"); // Pivot de Crédito of Ibarra
const QString kAdvisor = QStringLiteral("agchamorro");  // Asesor de Negocios of Ibarra
const QString kHeadOffice = QStringLiteral("gfpozo");   // reads every branch

// Three visits booked today by the Pivot for the advisor, who enters two; the third stays without
// a result until a test enters it.
struct AuditCli
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    QDateTime now = cobranza::test::kCliNow; // the CLI's clock, moved on by the tests that need it
    QString today = now.date().toString(Qt::ISODate);
    QStringList credits;

    AuditCli()
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
        REQUIRE(enter(credits[0], QStringLiteral("VISITADO")).exitCode == 0);
        REQUIRE(enter(credits[1], QStringLiteral("VISITADO")).exitCode == 0);
    }
    CliRun as(const QString &user, QStringList args) const
    {
        args = QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), user} + args;
        return runCli(args, {},
                      {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026"), QStringLiteral("COBRANZA_TEST_FAST_HASH=1"),
                       QStringLiteral("COBRANZA_TEST_NOW=") + now.toString(Qt::ISODate)});
    }
    CliRun enter(const QString &credit, const QString &state) const
    {
        return as(kAdvisor, {QStringLiteral("result"), QStringLiteral("set"), QStringLiteral("--date"), today,
                             QStringLiteral("--credit"), credit, QStringLiteral("--estado"), state});
    }
    // The CSV rows (header left out) of a command that prints a table; `run` keeps the whole run.
    QList<QStringList> rows(const QString &user, QStringList args, CliRun *run = nullptr) const
    {
        const CliRun r = as(user, args << QStringLiteral("--format") << QStringLiteral("csv"));
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        if (run)
            *run = r;
        QList<QStringList> out;
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
            out.append(line.trimmed().split(u','));
        return out;
    }
};

} // namespace

TEST_CASE("cobranza-cli samples: the month's samples with their checks and whether the seed repeats them", "[cli][samples]")
{
    AuditCli f;
    const QString seed = f.now.date().toString(QStringLiteral("yyyyMMdd"));
    const QList<QStringList> drawn = f.rows(kPivot, {QStringLiteral("sample"), QStringLiteral("--date"), f.today,
                                                     QStringLiteral("--size"), QStringLiteral("5")});
    REQUIRE(drawn.size() == 2); // the two visits with a result
    const QString sampleId = drawn[0][0];
    const QString firstBooking = drawn[0][2];
    const QString secondBooking = drawn[1][2];
    const auto verify = [&](const QString &booking, const QStringList &how) {
        const CliRun r = f.as(kPivot, QStringList{QStringLiteral("verify"), QStringLiteral("--sample"), sampleId,
                                                  QStringLiteral("--booking"), booking}
                                          + how);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    };
    verify(firstBooking, {QStringLiteral("--confirmado")});
    verify(secondBooking, {QStringLiteral("--contradice"), QStringLiteral("--nota"), QStringLiteral("la firma no coincide")});

    const QList<QStringList> listed = f.rows(kPivot, {QStringLiteral("samples")});
    REQUIRE(listed.size() == 1);
    const QStringList &s = listed[0];
    REQUIRE(s.size() == 12);
    CHECK(s[0] == sampleId);
    CHECK(s[1] == f.today);
    CHECK(s[2] == QStringLiteral("IBA"));
    CHECK(s[3] == seed);
    CHECK(s[4] == QStringLiteral("5")); // asked for
    CHECK(s[5] == QStringLiteral("2")); // drawn
    CHECK(s[6] == QStringLiteral("1")); // confirmed
    CHECK(s[7] == QStringLiteral("1")); // contradicted
    CHECK(s[8] == QStringLiteral("0")); // pending
    CHECK(s[9] == QStringLiteral("Sí"));
    CHECK_FALSE(s[10].isEmpty());

    CliRun one;
    const QList<QStringList> checks = f.rows(kPivot, {QStringLiteral("samples"), QStringLiteral("--id"), sampleId}, &one);
    REQUIRE(checks.size() == 2);
    CHECK(checks[0].value(0) == QStringLiteral("1"));
    CHECK(checks[0].value(1) == firstBooking);
    CHECK(checks[0].value(4) == kAdvisor);
    CHECK(checks[0].value(5) == QStringLiteral("Visitado"));
    CHECK(checks[0].value(6) == QStringLiteral("Confirmada"));
    CHECK(checks[1].value(1) == secondBooking);
    CHECK(checks[1].value(6) == QStringLiteral("Contradice"));
    CHECK(checks[1].value(7) == QStringLiteral("la firma no coincide"));
    CHECK_FALSE(checks[1].value(8).isEmpty()); // who checked
    CHECK(one.err.contains(QStringLiteral("semilla %1").arg(seed)));
    CHECK(one.err.contains(QStringLiteral("¿Se repite?: Sí.")));

    // The third visit's result, entered after the draw (a minute later: times are stored to the
    // second), changes the day: said, with the visits on each side.
    f.now = f.now.addSecs(60);
    REQUIRE(f.enter(f.credits[2], QStringLiteral("VISITADO")).exitCode == 0);
    f.rows(kPivot, {QStringLiteral("samples"), QStringLiteral("--id"), sampleId}, &one);
    CHECK(one.err.contains(QStringLiteral("¿Se repite?: No: cambiaron las visitas.")));
    CHECK(one.err.contains(QStringLiteral("1 resultado del día se registró después del sorteo")));
    CHECK(one.err.contains(QStringLiteral("Visitas guardadas: %1, %2").arg(firstBooking, secondBooking)));
    CHECK(f.rows(kPivot, {QStringLiteral("samples")}).value(0).value(9) == QStringLiteral("No: cambiaron las visitas"));

    // Head office reads the branch it names; the month before has none.
    CHECK(f.rows(kHeadOffice, {QStringLiteral("samples"), QStringLiteral("--branch"), QStringLiteral("iba")}).size() == 1);
    const QString previous = f.now.date().addMonths(-1).toString(QStringLiteral("yyyy-MM"));
    CliRun empty;
    CHECK(f.rows(kPivot, {QStringLiteral("samples"), QStringLiteral("--month"), previous}, &empty).isEmpty());
    CHECK(empty.err.contains(QStringLiteral("Ninguna muestra")));
}

TEST_CASE("cobranza-cli samples: bad options are named - other branches and advisors are refused", "[cli][samples]")
{
    AuditCli f;
    const auto samples = [&](const QString &user, const QStringList &more) {
        return f.as(user, QStringList{QStringLiteral("samples")} + more);
    };
    CliRun r = samples(kPivot, {QStringLiteral("--month"), QStringLiteral("2026-13")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("«2026-13» no es un mes (AAAA-MM) en --month")));
    r = samples(kPivot, {QStringLiteral("--id"), QStringLiteral("siete")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("«siete» no es un número de muestra en --id")));
    r = samples(kPivot, {QStringLiteral("--id"), QStringLiteral("1"), QStringLiteral("--month"), QStringLiteral("2026-11")});
    CHECK(r.exitCode == 2);
    r = samples(kPivot, {QStringLiteral("--format"), QStringLiteral("xml")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("«xml» no es un formato en --format")));
    r = samples(kPivot, {QStringLiteral("--branch"), QStringLiteral("ZZZ")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no existe la agencia «ZZZ» en --branch")));
    r = samples(kPivot, {QStringLiteral("--branch"), QStringLiteral("OTA")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("solo ve las muestras de la agencia IBA")));
    r = samples(kPivot, {QStringLiteral("--id"), QStringLiteral("9999")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("no existe la muestra 9999")));
    r = samples(kAdvisor, {});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("no tiene permiso")));
}
