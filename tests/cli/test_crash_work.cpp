// The day's work survives a crash the way an import does: bookings and printed notices are killed
// with SIGKILL at seeded moments while a script books batch after batch and prints notice after
// notice; afterwards every batch is there whole or not at all, and the notice numbers have no gaps.
#include "testsupport.h"

#include "store/database.h"
#include "store/maintenance.h"

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <catch2/catch.hpp>

#include <random>
#include <signal.h>
#include <unistd.h>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

const QStringList kEnv = {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026"), QStringLiteral("COBRANZA_TEST_FAST_HASH=1"),
                          QStringLiteral("LC_ALL=C.UTF-8"), cobranza::test::cliNowEnv()};

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : kEnv)
        env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("CLI"), QStringLiteral(COBRANZA_CLI_PATH));
    return env;
}

// Runs `script` under bash in its own process group and kills the whole group (the CLI it runs
// included) after `delayMs` unless it ended first; what it printed stays readable in `writer`.
void runKilledAfter(QProcess &writer, const QString &script, const QProcessEnvironment &env, int delayMs)
{
    writer.setProcessEnvironment(env);
    writer.setChildProcessModifier([] { ::setpgid(0, 0); });
    writer.start(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), script});
    REQUIRE(writer.waitForStarted());
    if (!writer.waitForFinished(delayMs)) {
        ::kill(-static_cast<pid_t>(writer.processId()), SIGKILL);
        REQUIRE(writer.waitForFinished(10000));
    }
}

qint64 count(const cobranza::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("Killing bookings and notice printing at any moment leaves each batch whole or absent", "[crash]")
{
    cobranza::test::ensureCoreApp();
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("base.sqlite"));
    REQUIRE(runCli({QStringLiteral("--db"), base, QStringLiteral("demo"), QStringLiteral("--credits"),
                    QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("11")},
                   {}, kEnv)
                .exitCode
            == 0);
    // The coordinator's advisor-rated credits: each batch books all of them for another day.
    const CliRun tray = runCli({QStringLiteral("--db"), base, QStringLiteral("--user"), QStringLiteral("mvbenalcazar"),
                                QStringLiteral("tray"), QStringLiteral("--format"), QStringLiteral("csv")},
                               {}, kEnv);
    REQUIRE(tray.exitCode == 0);
    QStringList credits;
    for (const QString &line : tray.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
        if (line.split(u',').value(9) == QStringLiteral("Asesor de Negocios"))
            credits << line.section(u',', 1, 1);
    REQUIRE(credits.size() >= 50);
    const QDate first = cobranza::test::kCliNow.date().addDays(1);

    std::mt19937 rng(20261122);
    std::uniform_int_distribution<int> delayMs(300, 4000);
    for (int round = 1; round <= 4; ++round) {
        const QString db = dir.filePath(QStringLiteral("ronda-%1.sqlite").arg(round));
        REQUIRE(QFile::copy(base, db));
        // Batches of bookings and notice prints, each its own transaction, each reported once committed.
        const QString script = QStringLiteral(
            "i=0; for d in 1 2 3 4 5 6 7 8 9 10 11 12; do i=$((i+1)); "
            "day=$(date -d \"$FIRST + $((d-1)) day\" +%F); "
            "\"$CLI\" --db \"$DB\" --user mvbenalcazar book --date $day --staff agchamorro $CREDITS >/dev/null || exit 3; "
            "echo \"BOOK $day\"; "
            "\"$CLI\" --db \"$DB\" --user agchamorro print notices --type F1TG -o \"$DIR/n-$i.pdf\" >/dev/null || exit 4; "
            "echo \"NOTICES $i\"; done");
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DB"), db);
        env.insert(QStringLiteral("DIR"), dir.path());
        env.insert(QStringLiteral("FIRST"), first.toString(Qt::ISODate));
        env.insert(QStringLiteral("CREDITS"), credits.join(u' '));
        QProcess writer;
        const int delay = delayMs(rng);
        runKilledAfter(writer, script, env, delay);
        const QStringList reported = QString::fromUtf8(writer.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        INFO("round " << round << " killed after " << delay << " ms; reported: " << reported.join(u' ').toStdString()
                      << "; stderr: " << QString::fromUtf8(writer.readAllStandardError()).toStdString());
        CHECK(writer.exitCode() != 3);
        CHECK(writer.exitCode() != 4);

        QString error;
        const auto after = cobranza::Database::open(db, &error);
        REQUIRE(after);
        CHECK(cobranza::integrityProblems(*after).isEmpty());
        // Every day's batch: all its credits or none; every reported one there.
        const qint64 batch = credits.size();
        for (int d = 0; d < 12; ++d) {
            const QString day = first.addDays(d).toString(Qt::ISODate);
            const qint64 booked = count(*after, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE visit_date = '%1'").arg(day));
            const qint64 audited = count(*after, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'BOOKED' "
                                                               "AND new_value LIKE '%1%'").arg(day));
            INFO(day.toStdString());
            CHECK((booked == 0 || booked == batch));
            CHECK(audited == booked);
            if (reported.contains(QStringLiteral("BOOK ") + day))
                CHECK(booked == batch);
        }
        // Notices: each print all or nothing, numbers consecutive from 1 with the counter on the last.
        const qint64 originals = count(*after, QStringLiteral("SELECT COUNT(*) FROM notices WHERE copy_of IS NULL"));
        const qint64 pages = count(*after, QStringLiteral("SELECT COUNT(*) FROM notices"));
        const qint64 printsDone = reported.filter(QStringLiteral("NOTICES ")).size();
        if (originals > 0) {
            CHECK(count(*after, QStringLiteral("SELECT MAX(number) FROM notices WHERE copy_of IS NULL")) == originals);
            CHECK(count(*after, QStringLiteral("SELECT last_number FROM notice_counters WHERE notice_type = 'F1TG'")) == originals);
            CHECK(pages % originals == 0); // every later print reprinted the same pages as copies
            CHECK(pages / originals >= printsDone);
            CHECK(pages / originals <= printsDone + 1);
        } else {
            CHECK(printsDone == 0);
            CHECK(count(*after, QStringLiteral("SELECT COUNT(*) FROM notice_counters")) == 0);
        }
    }
}

TEST_CASE("Killing a run of result entries loses none that reported success and leaves none half-saved", "[crash]")
{
    cobranza::test::ensureCoreApp();
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("base.sqlite"));
    REQUIRE(runCli({QStringLiteral("--db"), base, QStringLiteral("demo"), QStringLiteral("--credits"),
                    QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("11")},
                   {}, kEnv)
                .exitCode
            == 0);
    // Today's visits, booked by the Pivot (who may at any hour) for an advisor who then enters them.
    const CliRun tray = runCli({QStringLiteral("--db"), base, QStringLiteral("--user"), QStringLiteral("mfpenaherrera"),
                                QStringLiteral("tray"), QStringLiteral("--format"), QStringLiteral("csv")},
                               {}, kEnv);
    QStringList credits;
    for (const QString &line : tray.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
        if (line.split(u',').value(9) == QStringLiteral("Asesor de Negocios") && credits.size() < 40)
            credits << line.section(u',', 1, 1);
    REQUIRE(credits.size() == 40);
    const QString today = cobranza::test::kCliNow.date().toString(Qt::ISODate);
    const CliRun booked = runCli(QStringList{QStringLiteral("--db"), base, QStringLiteral("--user"),
                                             QStringLiteral("mfpenaherrera"), QStringLiteral("book"), QStringLiteral("--date"),
                                             today, QStringLiteral("--staff"), QStringLiteral("agchamorro")}
                                     + credits,
                                 {}, kEnv);
    INFO(booked.err.toStdString());
    REQUIRE(booked.exitCode == 0);

    std::mt19937 rng(6217);
    std::uniform_int_distribution<int> delayMs(200, 3000);
    for (int round = 1; round <= 3; ++round) {
        const QString db = dir.filePath(QStringLiteral("resultados-%1.sqlite").arg(round));
        REQUIRE(QFile::copy(base, db));
        const QString script = QStringLiteral(
            "for c in $CREDITS; do "
            "\"$CLI\" --db \"$DB\" --user agchamorro result set --date $TODAY --credit $c --estado NO_ENCONTRADO "
            "--hora 10:30 --justificacion \"nadie en casa\" --acuerdo \"pasa por caja\" --fecha-acuerdo $TODAY "
            ">/dev/null || exit 3; echo \"OK $c\"; done");
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DB"), db);
        env.insert(QStringLiteral("TODAY"), today);
        env.insert(QStringLiteral("CREDITS"), credits.join(u' '));
        QProcess writer;
        const int delay = delayMs(rng);
        runKilledAfter(writer, script, env, delay);
        const QStringList reported = QString::fromUtf8(writer.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        INFO("round " << round << " killed after " << delay << " ms; " << reported.size() << " reported; stderr: "
                      << QString::fromUtf8(writer.readAllStandardError()).toStdString());
        CHECK(writer.exitCode() != 3);
        QString error;
        const auto after = cobranza::Database::open(db, &error);
        REQUIRE(after);
        CHECK(cobranza::integrityProblems(*after).isEmpty());
        for (const QString &line : reported)
            CHECK(count(*after, QStringLiteral("SELECT COUNT(*) FROM visit_results r JOIN bookings b ON b.id = r.booking_id "
                                               "WHERE b.credit_number = '%1' AND r.state = 'NO_ENCONTRADO'")
                                    .arg(line.mid(3)))
                  == 1);
        // Each saved result came with its promise and its audit entry, or not at all.
        const qint64 results = count(*after, QStringLiteral("SELECT COUNT(*) FROM visit_results"));
        CHECK(results >= reported.size());
        CHECK(results <= reported.size() + 1);
        CHECK(count(*after, QStringLiteral("SELECT COUNT(*) FROM promises")) == results);
        CHECK(count(*after, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'RESULT_ENTERED'")) == results);
    }
}
