#pragma once

#include "permissions.h"
#include "session.h"

#include <QString>
#include <optional>

namespace cobranza {

class Clock;
class Database;

// Backup and restore for the acting user: checks Permission::Backup (Sistemas) and leaves a
// BACKUP or RESTORE line in the audit trail. The menu and cobranza-cli both go through it.
class MaintenanceService final
{
public:
    // `backupFolder` empty: the "respaldos" folder beside the database file.
    MaintenanceService(const Database &db, Session session, PermissionTable permissions, const Clock &clock,
                       QString backupFolder = {});

    QString backupFolder() const { return m_folder; }
    // nullopt when the session may back up and restore; otherwise the Spanish refusal.
    std::optional<QString> refusal() const;

    // A backup into the rotation folder, then the rotation; the new file's path.
    std::optional<QString> backupNow(QString *error) const;
    // A backup into a file the user chose (a USB stick); not part of the rotation.
    bool backupTo(const QString &path, QString *error) const;
    // Verifies `backupPath`, keeps a safety copy of the current data in the backup folder and
    // replaces the database with the backup (BackupManager::restore).
    bool restore(const QString &backupPath, QString *error, QString *safetyCopy = nullptr) const;

private:
    bool allowed(QString *error) const;
    bool audit(const QString &action, const QString &recordId, const QString &oldValue,
               const QString &newValue) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
    QString m_folder;
};

} // namespace cobranza
