#include "backupmanager.h"

#include "clock.h"
#include "store/database.h"
#include "store/maintenance.h"
#include "store/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::BackupManager", s); }

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

const QRegularExpression &backupName()
{
    static const QRegularExpression re(QStringLiteral("^cobranza-(\\d{8})-(\\d{6})(?:-\\d+)?\\.sqlite$"));
    return re;
}

bool makeOwnerOnlyFolder(const QString &folder, QString *error)
{
    if (!QDir().mkpath(folder))
        return fail(error, tr("No se pudo crear la carpeta de respaldos %1.").arg(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

// An empty file readable by its owner only, before SQLite writes a byte of data into it.
bool createOwnerOnlyFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(error, f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

QString sqliteMessage(sqlite3 *db, int rc)
{
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

// Closes a raw connection when it goes out of scope.
struct RawConnection
{
    sqlite3 *db = nullptr;
    RawConnection() = default;
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;
    ~RawConnection() { sqlite3_close(db); }
    bool open(const QString &path, int flags, QString *error)
    {
        const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
        if (rc != SQLITE_OK)
            return fail(error, sqliteMessage(db, rc));
        sqlite3_busy_timeout(db, 10000);
        return true;
    }
};

// Copies every page of `source` into `target` with the online backup API in a single step, so the
// target is written in one transaction: all of it or, on failure, none.
bool copyPages(sqlite3 *source, sqlite3 *target, QString *error)
{
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        return fail(error, sqliteMessage(target, SQLITE_ERROR));
    int rc;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return fail(error, sqliteMessage(target, rc));
    return true;
}

// Copies the file at `path` (a database, perhaps with its WAL) into a new owner-only `target`.
bool copyDatabaseFile(const QString &path, const QString &target, QString *error)
{
    RawConnection source;
    if (!source.open(path, SQLITE_OPEN_READONLY, error))
        return false;
    if (!createOwnerOnlyFile(target, error))
        return false;
    RawConnection copy;
    return copy.open(target, SQLITE_OPEN_READWRITE, error) && copyPages(source.db, copy.db, error);
}

// Copies the backup into `scratch` and checks the copy, migrating it to this program's schema:
// the copy, not the original, is what gets restored, so what was checked is what replaces.
bool prepareScratch(const QString &backupPath, const QString &scratch, QString *error)
{
    const QString name = QFileInfo(backupPath).fileName();
    const auto refuse = [&](const QString &why) {
        return fail(error, tr("No se puede restaurar %1: %2").arg(name, why));
    };
    if (!QFileInfo(backupPath).isFile())
        return refuse(tr("el archivo no existe."));
    // A byte copy (with the WAL, if the backup has one): opening the backup itself, even read-only,
    // would leave -shm and -wal files beside it.
    QString why;
    if (!QFile::copy(backupPath, scratch)
        || (QFileInfo::exists(backupPath + QStringLiteral("-wal"))
            && !QFile::copy(backupPath + QStringLiteral("-wal"), scratch + QStringLiteral("-wal"))))
        return refuse(tr("no se pudo leer el archivo."));
    QFile::setPermissions(scratch, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    {
        RawConnection probe;
        if (!probe.open(scratch, SQLITE_OPEN_READWRITE, &why)
            || sqlite3_exec(probe.db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK)
            return refuse(tr("no es una base de datos legible (%1).").arg(probe.db ? sqliteMessage(probe.db, 0) : why));
    }
    {
        // Version 0: open without migrating; the open itself refuses a schema newer than ours.
        const auto db = Database::openAtVersion(scratch, 0, &why);
        if (!db)
            return refuse(why);
        if (db->schemaVersion() < 1)
            return refuse(tr("no es un respaldo de Cobranza."));
        const QStringList problems = integrityProblems(*db);
        if (!problems.isEmpty())
            return refuse(tr("el respaldo está dañado (%1).")
                              .arg(problems.mid(0, 3).join(QStringLiteral("; "))
                                   + (problems.size() > 3 ? QStringLiteral("; …") : QString())));
    }
    if (!Database::open(scratch, &why))
        return refuse(why);
    return true;
}

QString stamp(const QDateTime &at) { return at.toString(QStringLiteral("yyyyMMdd-HHmmss")); }

// `folder/prefix-stamp.sqlite`, or with -2, -3… when a file of that second exists.
QString freeName(const QString &folder, const QString &prefix, const QDateTime &at)
{
    const QDir dir(folder);
    QString path = dir.filePath(QStringLiteral("%1-%2.sqlite").arg(prefix, stamp(at)));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2-%3.sqlite").arg(prefix, stamp(at)).arg(n));
    return path;
}

} // namespace

QStringList backupsToDelete(const QList<BackupFile> &backups, QDate today)
{
    QList<BackupFile> newestFirst = backups;
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [](const BackupFile &a, const BackupFile &b) { return a.takenAt > b.takenAt; });
    QSet<QDate> days;
    QSet<int> weeks;
    QDate oldestDaily;
    QStringList doomed;
    for (const BackupFile &b : newestFirst) {
        const QDate day = b.takenAt.date();
        if (day > today)
            continue;
        if (days.size() < BackupManager::kDailyKept || day == oldestDaily) {
            if (days.contains(day)) {
                doomed.append(b.path);
            } else {
                days.insert(day);
                oldestDaily = day;
            }
            continue;
        }
        int year = 0;
        const int week = day.weekNumber(&year) + year * 100;
        if (!weeks.contains(week) && weeks.size() < BackupManager::kWeeklyKept)
            weeks.insert(week);
        else
            doomed.append(b.path);
    }
    return doomed;
}

BackupManager::BackupManager(const Database &db, QString backupFolder, const Clock &clock)
    : m_db(db), m_folder(std::move(backupFolder)), m_clock(clock)
{
}

std::optional<QString> BackupManager::backupNow(QString *error) const
{
    if (!makeOwnerOnlyFolder(m_folder, error))
        return std::nullopt;
    const QString target = freeName(m_folder, QStringLiteral("cobranza"), m_clock.now());
    // Written under a name the rotation ignores and renamed when complete, so a copy cut short by
    // a crash never passes for a backup.
    const QString partial = target + QStringLiteral(".parcial");
    if (!backupDatabase(m_db, partial, error)) {
        QFile::remove(partial);
        return std::nullopt;
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        fail(error, tr("No se pudo guardar el respaldo %1.").arg(target));
        return std::nullopt;
    }
    return target;
}

bool BackupManager::dailyBackupDue() const
{
    const QDate today = m_clock.today();
    const QList<BackupFile> all = backups();
    return std::none_of(all.cbegin(), all.cend(), [&](const BackupFile &b) { return b.takenAt.date() == today; });
}

bool BackupManager::runDailyIfDue(QString *error) const
{
    if (!dailyBackupDue())
        return true;
    if (!backupNow(error))
        return false;
    rotate();
    return true;
}

void BackupManager::rotate() const
{
    for (const QString &path : backupsToDelete(backups(), m_clock.today()))
        QFile::remove(path);
}

QList<BackupFile> BackupManager::backups() const
{
    QList<BackupFile> out;
    const QDir dir(m_folder);
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("cobranza-*.sqlite")}, QDir::Files)) {
        const auto m = backupName().match(info.fileName());
        if (!m.hasMatch())
            continue;
        const QDateTime at(QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd")),
                           QTime::fromString(m.captured(2), QStringLiteral("HHmmss")));
        if (at.isValid())
            out.append({info.absoluteFilePath(), at, info.size()});
    }
    std::sort(out.begin(), out.end(), [](const BackupFile &a, const BackupFile &b) {
        return a.takenAt != b.takenAt ? a.takenAt < b.takenAt : a.path < b.path;
    });
    return out;
}

bool BackupManager::restoreFrom(const QString &backupPath, QString *error, QString *safetyCopy) const
{
    return restoreInto(backupPath, m_db.path(), m_folder, m_clock.now(), error, safetyCopy);
}

QString BackupManager::defaultFolder() { return folderFor(defaultDatabasePath()); }

QString BackupManager::folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("respaldos"));
}

bool BackupManager::verify(const QString &backupPath, QString *error)
{
    const QTemporaryDir scratchDir; // owner-only, removed with what is in it
    if (!scratchDir.isValid())
        return fail(error, tr("No se pudo crear una carpeta temporal para revisar el respaldo."));
    return prepareScratch(backupPath, scratchDir.filePath(QStringLiteral("revision.sqlite")), error);
}

bool BackupManager::restore(const QString &backupPath, const QString &databasePath, QString *error,
                            QString *safetyCopy)
{
    return restoreInto(backupPath, databasePath, folderFor(databasePath), QDateTime::currentDateTime(), error,
                       safetyCopy);
}

bool BackupManager::restoreInto(const QString &backupPath, const QString &databasePath, const QString &safetyFolder,
                                const QDateTime &now, QString *error, QString *safetyCopy)
{
    const QFileInfo live(databasePath);
    if (databasePath.isEmpty() || databasePath == QLatin1String(":memory:"))
        return fail(error, tr("Solo se puede restaurar sobre una base de datos en un archivo."));
    if (live.absoluteFilePath() == QFileInfo(backupPath).absoluteFilePath())
        return fail(error, tr("El respaldo y la base de datos son el mismo archivo."));
    if (!QDir().mkpath(live.absolutePath()))
        return fail(error, tr("No se pudo crear la carpeta %1.").arg(live.absolutePath()));

    // The scratch copy sits beside the live database: same disk, and no member data in /tmp.
    const QTemporaryDir scratchDir(live.absoluteDir().filePath(QStringLiteral(".restaurando-XXXXXX")));
    if (!scratchDir.isValid())
        return fail(error, tr("No se pudo crear una carpeta temporal junto a %1.").arg(databasePath));
    const QString scratch = scratchDir.filePath(QStringLiteral("respaldo.sqlite"));
    if (!prepareScratch(backupPath, scratch, error))
        return false;

    QString why;
    if (live.exists()) {
        if (!makeOwnerOnlyFolder(safetyFolder, error))
            return false;
        const QString safety = freeName(safetyFolder, QStringLiteral("antes-de-restaurar"), now);
        if (!copyDatabaseFile(databasePath, safety, &why)) {
            QFile::remove(safety);
            return fail(error, tr("No se restauró nada: no se pudo guardar una copia de la base actual en %1 (%2).")
                                   .arg(safety, why));
        }
        if (safetyCopy)
            *safetyCopy = safety;
    } else if (!createOwnerOnlyFile(databasePath, &why)) {
        return fail(error, tr("No se pudo crear %1: %2").arg(databasePath, why));
    }

    RawConnection source;
    RawConnection target;
    if (!source.open(scratch, SQLITE_OPEN_READONLY, &why) || !target.open(databasePath, SQLITE_OPEN_READWRITE, &why)
        || !copyPages(source.db, target.db, &why))
        return fail(error, tr("No se restauró nada; la base de datos quedó como estaba: %1").arg(why));
    return true;
}

} // namespace cobranza
