// A crash or power cut at any moment loses nothing that was committed: writers are killed with
// SIGKILL at seeded moments, then the database must be sound, hold every committed snapshot whole,
// and hold no half of the one that was being written.
#include "testsupport.h"

#include "store/database.h"
#include "store/maintenance.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QVariant>

#include <catch2/catch.hpp>

#include <random>
#include <signal.h>
#include <unistd.h>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

// The demo cooperative's administrator signs in with the demo password (when the CLI asks for
// one); fast hashes keep the sign-ins of many short runs cheap.
const QStringList kEnv = {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026"), QStringLiteral("COBRANZA_TEST_FAST_HASH=1"),
                          QStringLiteral("LC_ALL=C.UTF-8")};

QStringList withDb(const QString &db, QStringList args)
{
    return QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("admin")} + args;
}

// What a snapshot says of itself and what its rows add up to: a partial snapshot cannot match.
struct SnapshotFigures
{
    qint64 declaredCount = 0;
    qint64 declaredBalance = 0;
    qint64 rows = 0;
    qint64 rowsBalance = 0;
    bool operator==(const SnapshotFigures &) const = default;
    bool whole() const { return declaredCount == rows && declaredBalance == rowsBalance; }
};

// Opens the database as the next program would after the crash, and reads every snapshot.
QMap<QString, SnapshotFigures> afterCrash(const QString &path)
{
    QString error;
    const auto db = cobranza::Database::open(path, &error);
    INFO(error.toStdString());
    REQUIRE(db);
    const QStringList problems = cobranza::integrityProblems(*db);
    INFO(problems.join(QStringLiteral("; ")).toStdString());
    REQUIRE(problems.isEmpty());
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral(
        "SELECT s.cut_off, s.credit_count, s.total_balance_cents, "
        "(SELECT count(*) FROM snapshot_credits c WHERE c.snapshot_id = s.id), "
        "(SELECT coalesce(sum(c.balance_cents), 0) FROM snapshot_credits c WHERE c.snapshot_id = s.id) "
        "FROM snapshots s")));
    QMap<QString, SnapshotFigures> out;
    while (q.next())
        out.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                                           q.value(4).toLongLong()});
    // No rows of a snapshot that is not there: a half-written import leaves no orphans.
    QSqlQuery orphans(db->connection());
    REQUIRE(orphans.exec(QStringLiteral(
        "SELECT count(*) FROM snapshot_credits WHERE snapshot_id NOT IN (SELECT id FROM snapshots)")));
    REQUIRE(orphans.next());
    CHECK(orphans.value(0).toLongLong() == 0);
    return out;
}

// A database that already holds a committed snapshot, and a 60,000-credit file, made once.
struct CrashFixture
{
    QTemporaryDir dir;
    QString base = dir.filePath(QStringLiteral("base.sqlite"));
    QString big = dir.filePath(QStringLiteral("grande.csv"));
    const QString baseCutOff = QStringLiteral("2026-11-01");
    const QString bigCutOff = QStringLiteral("2026-11-20");
    QMap<QString, SnapshotFigures> committed;

    CrashFixture()
    {
        cobranza::test::ensureCoreApp();
        const CliRun seeded = runCli(withDb(base, {QStringLiteral("demo"), QStringLiteral("--credits"),
                                                   QStringLiteral("200"), QStringLiteral("--corte"), baseCutOff}),
                                     {}, kEnv);
        INFO(seeded.err.toStdString());
        REQUIRE(seeded.exitCode == 0);
        committed = afterCrash(base);
        REQUIRE(committed.size() == 1);
        REQUIRE(committed.value(baseCutOff).rows == 200);
    }

    void makeBigFile()
    {
        const CliRun file = runCli({QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("60000"),
                                    QStringLiteral("--corte"), bigCutOff, QStringLiteral("--out"), big},
                                   {}, kEnv);
        INFO(file.err.toStdString());
        REQUIRE(file.exitCode == 0);
    }

    // A fresh copy of the committed database for one round.
    QString roundCopy(int round) const
    {
        const QString path = dir.filePath(QStringLiteral("ronda-%1.sqlite").arg(round));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        REQUIRE(QFile::copy(base, path));
        if (QFileInfo::exists(base + QStringLiteral("-wal")))
            REQUIRE(QFile::copy(base + QStringLiteral("-wal"), path + QStringLiteral("-wal")));
        return path;
    }
};

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : kEnv)
        env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    return env;
}

} // namespace

TEST_CASE("Killing an import at any moment leaves the committed snapshot whole and no partial one", "[crash]")
{
    CrashFixture f;
    f.makeBigFile();

    // The whole import once, undisturbed: it must succeed, and its time spaces the kills.
    QElapsedTimer clock;
    clock.start();
    const QString full = f.roundCopy(0);
    const CliRun whole = runCli(withDb(full, {QStringLiteral("import"), f.big}), {}, kEnv);
    const qint64 importMs = clock.elapsed();
    INFO(whole.err.toStdString());
    REQUIRE(whole.exitCode == 0);
    const QMap<QString, SnapshotFigures> complete = afterCrash(full);
    REQUIRE(complete.value(f.bigCutOff).rows == 60000);
    REQUIRE(complete.value(f.bigCutOff).whole());

    // Rounds 1–3 kill once the WAL has grown past a size (while the import's pages are being
    // written out, at commit or when the cache spills); rounds 4–8 at a seeded share of the time.
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<double> share(0.05, 1.05);
    const qint64 walLimits[] = {64 * 1024, 1024 * 1024, 8 * 1024 * 1024};
    int killed = 0;
    for (int round = 1; round <= 8; ++round) {
        const QString db = f.roundCopy(round);
        const QString wal = db + QStringLiteral("-wal");
        QProcess writer;
        writer.setProcessEnvironment(cliEnvironment());
        writer.start(QStringLiteral(COBRANZA_CLI_PATH), withDb(db, {QStringLiteral("import"), f.big}));
        REQUIRE(writer.waitForStarted());
        QElapsedTimer since;
        since.start();
        const qint64 walLimit = round <= 3 ? walLimits[round - 1] : 0;
        const qint64 deadline = round <= 3 ? importMs * 3 : static_cast<qint64>(share(rng) * double(importMs));
        bool finished = false;
        while (!finished && since.elapsed() < deadline) {
            if (walLimit > 0 && QFileInfo(wal).size() > walLimit)
                break;
            finished = writer.waitForFinished(walLimit > 0 ? 1 : 10);
        }
        if (!finished) {
            writer.kill(); // SIGKILL
            REQUIRE(writer.waitForFinished(10000));
            ++killed;
        }
        INFO("round " << round << " after " << since.elapsed() << " ms of " << importMs
                      << (finished ? " (finished)" : " (killed)"));
        const QMap<QString, SnapshotFigures> after = afterCrash(db);
        CHECK(after.value(f.baseCutOff) == f.committed.value(f.baseCutOff));
        if (after.contains(f.bigCutOff)) {
            CHECK(after.value(f.bigCutOff) == complete.value(f.bigCutOff));
        } else {
            CHECK(after.size() == 1);
            CHECK_FALSE(finished); // an import that ran to its end committed
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(db + suffix);
    }
    CHECK(killed >= 4); // most rounds really died mid-way
}

// A run of small imports, each its own committed transaction; the writer says which it committed,
// and all of those must survive the kill. (Results, bookings and notices: test_crash_work.cpp.)
TEST_CASE("Killing a run of committed writes loses none that reported success", "[crash]")
{
    CrashFixture f;
    std::mt19937 rng(4521);
    std::uniform_int_distribution<int> delayMs(800, 5000);
    for (int round = 1; round <= 3; ++round) {
        const QString db = f.roundCopy(round);
        const QString small = f.dir.filePath(QStringLiteral("pequeno-%1.csv").arg(round));
        // One shell per round, in its own process group so the kill takes it and whatever it runs.
        const QString script = QStringLiteral(
            "for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do "
            "\"$CLI\" demo --credits 40 --corte 2026-10-$d --out \"$SMALL\" >/dev/null || exit 3; "
            "\"$CLI\" --db \"$DB\" --user admin import \"$SMALL\" >/dev/null || exit 4; "
            "echo \"OK 2026-10-$d\"; done");
        QProcessEnvironment env = cliEnvironment();
        env.insert(QStringLiteral("CLI"), QStringLiteral(COBRANZA_CLI_PATH));
        env.insert(QStringLiteral("DB"), db);
        env.insert(QStringLiteral("SMALL"), small);
        QProcess writer;
        writer.setProcessEnvironment(env);
        writer.setChildProcessModifier([] { ::setpgid(0, 0); });
        writer.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
        REQUIRE(writer.waitForStarted());
        const int delay = delayMs(rng);
        const bool finished = writer.waitForFinished(delay);
        if (!finished) {
            ::kill(-static_cast<pid_t>(writer.processId()), SIGKILL);
            REQUIRE(writer.waitForFinished(10000));
        }
        const QStringList reported =
            QString::fromUtf8(writer.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        INFO("round " << round << ", killed after " << delay << " ms; committed: "
                      << reported.join(u' ').toStdString() << "; stderr: "
                      << QString::fromUtf8(writer.readAllStandardError()).toStdString());
        CHECK(writer.exitCode() != 3);
        CHECK(writer.exitCode() != 4);
        const QMap<QString, SnapshotFigures> after = afterCrash(db);
        CHECK(after.value(f.baseCutOff) == f.committed.value(f.baseCutOff));
        for (const QString &line : reported)
            CHECK(after.value(line.mid(3)).rows == 40);
        // Whatever is there is whole, including one committed just before the kill but not yet reported.
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            INFO(it.key().toStdString());
            CHECK(it.value().whole());
        }
        CHECK(after.size() - 1 >= reported.size());
        CHECK(after.size() - 1 <= reported.size() + 1);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(db + suffix);
    }
}
