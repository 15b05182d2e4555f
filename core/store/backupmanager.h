#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cobranza {

class Clock;
class Database;

// One backup in the rotation folder: its file and the moment it was taken (from its name).
struct BackupFile
{
    QString path;
    QDateTime takenAt;
    qint64 size = 0;
    bool operator==(const BackupFile &) const = default;
};

// Which backups the rotation removes: it keeps the newest backup of each of the last 7 days that
// have backups, plus the newest of each of the 4 most recent ISO weeks before the oldest of those
// days; everything else goes. Backups dated after `today` (a clock set wrong) are always kept
// and never count, so a clock that jumps back cannot make the rotation delete today's copy.
QStringList backupsToDelete(const QList<BackupFile> &backups, QDate today);

// Backups of one database: on demand, daily at the end of the day's first session, kept with
// rotation; and restore, verified before it replaces anything. Files and folder are owner-only.
class BackupManager final
{
public:
    static constexpr int kDailyKept = 7;
    static constexpr int kWeeklyKept = 4;

    BackupManager(const Database &db, QString backupFolder, const Clock &clock);

    QString folder() const { return m_folder; }
    // cobranza-YYYYMMDD-HHMMSS.sqlite in the folder; nullopt + Spanish `error` on failure.
    std::optional<QString> backupNow(QString *error) const;
    // No backup made today yet, judged by the dates of the files in the folder.
    bool dailyBackupDue() const;
    // Backs up and rotates when a backup is due; true when nothing was due or all went well.
    bool runDailyIfDue(QString *error) const;
    void rotate() const;
    QList<BackupFile> backups() const; // oldest first

    // Restores `backupPath` over this manager's database, the safety copy going to its folder.
    bool restoreFrom(const QString &backupPath, QString *error, QString *safetyCopy = nullptr) const;

    // data folder/cobranza/respaldos, next to defaultDatabasePath().
    static QString defaultFolder();
    // The rotation folder of a database file: "respaldos" beside it.
    static QString folderFor(const QString &databasePath);
    // Copies the backup to a scratch file and checks it there: a Cobranza database, sound, with a
    // schema no newer than this program's. false + Spanish `error` naming the problem otherwise.
    static bool verify(const QString &backupPath, QString *error);
    // Verifies the backup, saves a copy of the current database («antes-de-restaurar-…») in
    // folderFor(databasePath), then copies the backup over the live database with the online
    // backup API in one write transaction: open readers and the WAL stay consistent, and a failure
    // leaves the live database as it was.
    static bool restore(const QString &backupPath, const QString &databasePath, QString *error,
                        QString *safetyCopy = nullptr);

private:
    static bool restoreInto(const QString &backupPath, const QString &databasePath, const QString &safetyFolder,
                            const QDateTime &now, QString *error, QString *safetyCopy);

    const Database &m_db;
    QString m_folder;
    const Clock &m_clock;
};

} // namespace cobranza
