// Import benchmark: PortfolioImporter (validation, upserts, indexes) against the sqlite3 shell's
// `.import` of the same demo portfolio file into a plain table. See bench/README.md.
#include "demo/portfoliogenerator.h"
#include "import/portfolioimporter.h"
#include "permissions.h"
#include "ratingscale.h"
#include "session.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <cstdlib>
#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace cobranza;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

[[noreturn]] void fail(const QString &why)
{
    out().flush();
    err() << "bench_import: " << why << Qt::endl;
    std::exit(1);
}

// User + system CPU time of this process (or of its waited-for children) in ns; -1 where unknown.
// On a busy machine wall time includes waiting for a core; CPU time does not.
qint64 cpuNs(bool children)
{
#ifdef Q_OS_UNIX
    rusage u{};
    if (getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &u) != 0)
        return -1;
    const auto ns = [](const timeval &t) { return qint64{t.tv_sec} * 1'000'000'000 + qint64{t.tv_usec} * 1'000; };
    return ns(u.ru_utime) + ns(u.ru_stime);
#else
    Q_UNUSED(children)
    return -1;
#endif
}

double seconds(qint64 ns) { return static_cast<double>(ns) / 1e9; }

double megabytes(qint64 bytes) { return static_cast<double>(bytes) / 1e6; }

// The database file plus its WAL, if one is left: what the import costs on disk.
qint64 databaseBytes(const QString &path)
{
    const QString wal = path + QStringLiteral("-wal");
    return QFileInfo(path).size() + (QFileInfo::exists(wal) ? QFileInfo(wal).size() : 0);
}

QString fixed(double v, int decimals) { return QString::number(v, 'f', decimals); }

// The 1, 5 and 15 minute load averages: benchmarks on a shared machine are read with them.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("n/a");
    return QString::fromLatin1(f.readLine()).section(u' ', 0, 2);
}

QString perSecond(qint64 rows, qint64 ns)
{
    return QString::number(qRound64(static_cast<double>(rows) / seconds(ns)));
}

struct Timing
{
    qint64 wallNs = 0;
    qint64 cpuNs = -1; // user + system
};

// Runs the sqlite3 shell on `dbPath` with `script` on stdin. Wall time from process start to
// exit, so opening, creating the table, importing, committing and closing; CPU time of the child.
Timing runSqlite3(const QString &program, const QString &dbPath, const QString &script, QByteArray *stdOut)
{
    QProcess p;
    p.setProgram(program);
    p.setArguments({QStringLiteral("-batch"), QStringLiteral("-bail"), dbPath});
    const qint64 cpuBefore = cpuNs(true);
    QElapsedTimer timer;
    timer.start();
    p.start();
    if (!p.waitForStarted(30'000))
        fail(QStringLiteral("cannot run %1: %2").arg(program, p.errorString()));
    p.write(script.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(-1))
        fail(QStringLiteral("%1 did not finish: %2").arg(program, p.errorString()));
    Timing t;
    t.wallNs = timer.nsecsElapsed();
    const qint64 cpuAfter = cpuNs(true);
    t.cpuNs = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
    const QByteArray errors = p.readAllStandardError();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || !errors.trimmed().isEmpty())
        fail(QStringLiteral("%1 failed (exit code %2): %3").arg(program).arg(p.exitCode()).arg(QString::fromUtf8(errors)));
    if (stdOut)
        *stdOut = p.readAllStandardOutput();
    return t;
}

QString sqlQuoted(const QString &path)
{
    QString q = path;
    q.replace(u'"', QStringLiteral("\\\""));
    return u'"' + q + u'"';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_import"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral(
        "Imports a generated portfolio report with PortfolioImporter and the same file with sqlite3's "
        ".import into a plain table, and compares the times."));
    cli.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Credits in the file (default 1000000)."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the demo generator."),
                                        QStringLiteral("S"), QString::number(DemoPortfolioOptions().seed));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Work in DIR and keep the file and both databases."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption sqliteOption(QStringLiteral("sqlite3"), QStringLiteral("The sqlite3 shell (default: sqlite3 on the PATH)."),
                                          QStringLiteral("PATH"), QStringLiteral("sqlite3"));
    cli.addOptions({rowsOption, seedOption, keepOption, sqliteOption});
    cli.process(app);

    bool ok = false;
    const qint64 rows = cli.value(rowsOption).toLongLong(&ok);
    if (!ok || rows <= 0)
        fail(QStringLiteral("--rows must be a positive integer"));
    const quint64 seed = cli.value(seedOption).toULongLong(&ok);
    if (!ok)
        fail(QStringLiteral("--seed must be an unsigned integer"));
    QString sqlite3 = cli.value(sqliteOption);
    if (!sqlite3.contains(u'/')) {
        const QString found = QStandardPaths::findExecutable(sqlite3);
        if (found.isEmpty())
            fail(QStringLiteral("%1 is not on the PATH (use --sqlite3)").arg(sqlite3));
        sqlite3 = found;
    }

    std::optional<QTemporaryDir> temp;
    QString dirPath;
    if (cli.isSet(keepOption)) {
        dirPath = QDir(cli.value(keepOption)).absolutePath();
        if (!QDir().mkpath(dirPath))
            fail(QStringLiteral("cannot create %1").arg(dirPath));
    } else {
        temp.emplace(QDir::tempPath() + QStringLiteral("/bench_import-XXXXXX"));
        if (!temp->isValid())
            fail(QStringLiteral("cannot create a temporary directory: %1").arg(temp->errorString()));
        dirPath = temp->path();
    }
    const QDir dir(dirPath);
    const QString csvPath = dir.filePath(QStringLiteral("cartera.csv"));
    const QString ourDbPath = dir.filePath(QStringLiteral("cobranza.db"));
    const QString plainDbPath = dir.filePath(QStringLiteral("sqlite3-import.db"));
    for (const QString &stale : {ourDbPath, plainDbPath})
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(stale + suffix);

    const QString loadAtStart = loadAverage();

    // 1. The file: generation is timed for information only, it is not part of the comparison.
    const QDate cutOff(2026, 10, 30);
    QElapsedTimer timer;
    qint64 generationNs = 0;
    {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail(QStringLiteral("cannot create %1: %2").arg(csvPath, file.errorString()));
        PortfolioGenerator generator(DemoPortfolioOptions{rows, seed, cutOff});
        timer.start();
        if (!generator.write(&file) || !file.flush())
            fail(QStringLiteral("the generator failed: %1").arg(generator.errorString()));
        file.close();
        generationNs = timer.nsecsElapsed();
    }
    const qint64 fileBytes = QFileInfo(csvPath).size();
    err() << "generated " << csvPath << " (" << fixed(megabytes(fileBytes), 1) << " MB) in "
          << fixed(seconds(generationNs), 2) << " s" << Qt::endl;

    // 2. Ours: a fresh, migrated database; the import as a Sistemas user, as the CLI would run it.
    Timing open, import, close;
    ImportResult result;
    const auto measure = [&timer](Timing *t, const auto &work) {
        const qint64 cpuBefore = cpuNs(false);
        timer.start();
        work();
        t->wallNs = timer.nsecsElapsed();
        const qint64 cpuAfter = cpuNs(false);
        t->cpuNs = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
    };
    {
        std::unique_ptr<Database> db;
        measure(&open, [&] {
            QString why;
            db = Database::open(ourDbPath, &why);
            if (!db)
                fail(QStringLiteral("cannot open %1: %2").arg(ourDbPath, why));
        });

        const Session session{1, QStringLiteral("admin"), QStringLiteral("Administrador del sistema"),
                              QStringLiteral("AS"), Role::Sistemas, 0, QString()};
        {
            QSqlQuery q(db->connection());
            q.prepare(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, created_at) "
                                     "VALUES(?,?,?,?,?,?)"));
            q.addBindValue(session.staffId);
            q.addBindValue(session.username);
            q.addBindValue(session.fullName);
            q.addBindValue(session.initials);
            q.addBindValue(roleCode(session.role));
            q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            if (!q.exec())
                fail(QStringLiteral("cannot insert the admin staff row"));
        }

        PortfolioImporter importer(*db, session, PermissionTable::defaults(), RatingScales::defaults());
        ImportOptions options;
        options.filePath = csvPath;
        measure(&import, [&] { result = importer.run(options); });
        if (result.outcome != ImportResult::Outcome::Accepted || result.rows != rows) {
            for (qsizetype i = 0; i < qMin<qsizetype>(result.messages.size(), 20); ++i)
                err() << result.messages.at(i).format(result.fileName) << Qt::endl;
            fail(QStringLiteral("the import was not accepted with %1 rows: %2").arg(rows).arg(result.summary()));
        }
        // Closing checkpoints the WAL, as the sqlite3 shell does when it exits.
        measure(&close, [&] { db.reset(); });
    }
    Timing ours;
    ours.wallNs = open.wallNs + import.wallNs + close.wallNs;
    ours.cpuNs = open.cpuNs < 0 || import.cpuNs < 0 || close.cpuNs < 0 ? -1
                                                                       : open.cpuNs + import.cpuNs + close.cpuNs;
    err() << "our import: " << fixed(seconds(import.wallNs), 2) << " s, " << result.warningCount << " warnings"
          << Qt::endl;

    // 3. sqlite3's .import of the same file into a plain table (it creates the table from the
    // header, every column TEXT, and imports in one transaction), with our journal settings.
    const QString script = QStringLiteral("PRAGMA journal_mode=WAL;\n"
                                          "PRAGMA synchronous=NORMAL;\n"
                                          ".mode csv\n"
                                          ".separator \";\"\n"
                                          ".import %1 cartera\n")
                               .arg(sqlQuoted(csvPath));
    const Timing plain = runSqlite3(sqlite3, plainDbPath, script, nullptr);
    QByteArray counted;
    runSqlite3(sqlite3, plainDbPath, QStringLiteral("SELECT count(*) FROM cartera;\n"), &counted);
    if (counted.trimmed().toLongLong() != rows)
        fail(QStringLiteral("sqlite3 imported %1 rows, not %2").arg(QString::fromUtf8(counted.trimmed())).arg(rows));
    err() << "sqlite3 .import: " << fixed(seconds(plain.wallNs), 2) << " s" << Qt::endl;

    // 4. The table of figures.
    QProcess version;
    version.start(sqlite3, {QStringLiteral("-version")});
    version.waitForFinished();
    const QString sqliteVersion = QString::fromUtf8(version.readAllStandardOutput()).section(u' ', 0, 0);
    const auto cpu = [](const Timing &t) { return t.cpuNs < 0 ? QStringLiteral("n/a") : fixed(seconds(t.cpuNs), 2); };
    const auto row = [&](const QString &label, const Timing &t, bool withRate) {
        out() << label.leftJustified(40, u' ') << fixed(seconds(t.wallNs), 3).rightJustified(10, u' ')
              << (withRate ? perSecond(rows, t.wallNs) : QString()).rightJustified(10, u' ')
              << cpu(t).rightJustified(10, u' ') << '\n';
    };
    const auto ratio = [](qint64 a, qint64 b) {
        return a < 0 || b <= 0 ? QStringLiteral("n/a")
                               : fixed(static_cast<double>(a) / static_cast<double>(b), 2) + u'x';
    };
    const double wallRatio = static_cast<double>(ours.wallNs) / static_cast<double>(plain.wallNs);

    out() << "bench_import " << QDateTime::currentDateTime().toString(Qt::ISODate) << ", sqlite3 "
          << sqliteVersion << ", " << QThread::idealThreadCount() << " cores, load average " << loadAverage()
          << " (at start: " << loadAtStart << ")\n";
    out() << "rows " << rows << ", file " << fixed(megabytes(fileBytes), 1) << " MB, generated in "
          << fixed(seconds(generationNs), 2) << " s (not part of the comparison)\n";
    out() << QString().leftJustified(40, u' ') << QStringLiteral("wall s").rightJustified(10, u' ')
          << QStringLiteral("rows/s").rightJustified(10, u' ') << QStringLiteral("CPU s").rightJustified(10, u' ')
          << '\n';
    row(QStringLiteral("ours: open + migrate"), open, false);
    row(QStringLiteral("ours: import (PortfolioImporter::run)"), import, true);
    row(QStringLiteral("ours: close (WAL checkpoint)"), close, false);
    row(QStringLiteral("ours: total"), ours, true);
    row(QStringLiteral("sqlite3 .import (whole process)"), plain, true);
    out() << QStringLiteral("ratio ours total / sqlite3").leftJustified(40, u' ')
          << ratio(ours.wallNs, plain.wallNs).rightJustified(10, u' ') << QString().rightJustified(10, u' ')
          << ratio(ours.cpuNs, plain.cpuNs).rightJustified(10, u' ') << "   target <= 2x (wall): "
          << (wallRatio <= 2.0 ? "met" : "NOT met") << '\n';
    out() << "database size: ours " << fixed(megabytes(databaseBytes(ourDbPath)), 1) << " MB, sqlite3 plain table "
          << fixed(megabytes(databaseBytes(plainDbPath)), 1) << " MB\n";
    out() << "warnings in our import: " << result.warningCount << '\n';
    if (!temp)
        out() << "files kept in " << dirPath << '\n';
    out().flush();
    return 0;
}
