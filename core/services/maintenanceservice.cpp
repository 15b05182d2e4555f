#include "maintenanceservice.h"

#include "audit/auditlog.h"
#include "store/backupmanager.h"
#include "store/database.h"
#include "store/maintenance.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::MaintenanceService", s); }

const QString kRecordType = QStringLiteral("database");

} // namespace

MaintenanceService::MaintenanceService(const Database &db, Session session, PermissionTable permissions,
                                       const Clock &clock, QString backupFolder)
    : m_db(db),
      m_session(std::move(session)),
      m_permissions(std::move(permissions)),
      m_clock(clock),
      m_folder(backupFolder.isEmpty() ? BackupManager::folderFor(db.path()) : std::move(backupFolder))
{
}

std::optional<QString> MaintenanceService::refusal() const
{
    return cobranza::refusal(m_permissions, m_session, Permission::Backup);
}

bool MaintenanceService::allowed(QString *error) const
{
    if (const auto why = refusal()) {
        if (error)
            *error = *why;
        return false;
    }
    return true;
}

bool MaintenanceService::audit(const QString &action, const QString &recordId, const QString &oldValue,
                               const QString &newValue) const
{
    const AuditLog log(m_db, m_clock);
    if (log.record(m_session, action, kRecordType, recordId, oldValue, newValue))
        return true;
    // A restored database may predate the acting user; the entry then names them in its text.
    Session unbound = m_session;
    unbound.staffId = 0;
    return log.record(unbound, action, kRecordType, recordId, oldValue,
                      tr("%1 (usuario %2)").arg(newValue, m_session.username));
}

std::optional<QString> MaintenanceService::backupNow(QString *error) const
{
    if (!allowed(error))
        return std::nullopt;
    const BackupManager manager(m_db, m_folder, m_clock);
    const auto path = manager.backupNow(error);
    if (!path)
        return std::nullopt;
    manager.rotate();
    audit(QStringLiteral("BACKUP"), QFileInfo(*path).fileName(), {}, *path);
    return path;
}

bool MaintenanceService::backupTo(const QString &path, QString *error) const
{
    if (!allowed(error) || !backupDatabase(m_db, path, error))
        return false;
    audit(QStringLiteral("BACKUP"), QFileInfo(path).fileName(), {}, QFileInfo(path).absoluteFilePath());
    return true;
}

bool MaintenanceService::restore(const QString &backupPath, QString *error, QString *safetyCopy) const
{
    if (!allowed(error))
        return false;
    QString safety;
    if (!BackupManager(m_db, m_folder, m_clock).restoreFrom(backupPath, error, &safety))
        return false;
    // Written after the copy, into the restored data: the entry must survive what it records.
    audit(QStringLiteral("RESTORE"), QFileInfo(backupPath).fileName(), safety,
          QFileInfo(backupPath).absoluteFilePath());
    if (safetyCopy)
        *safetyCopy = safety;
    return true;
}

} // namespace cobranza
