#pragma once

#include "clock.h"
#include "session.h"

#include <QWidget>

class QTabWidget;
class QTableWidget;

namespace cobranza {

class AuditView;
class Database;
class UsersView;

// The Administración area: the import log, users, the audit trail, and backups and integrity.
class AdministrationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdministrationView)

public:
    AdministrationView(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);
    void refresh();

signals:
    void importRequested();
    void settingsRequested();
    void databaseRestored();

private:
    void backupNow();
    void backupToFile();
    void restore();
    void checkIntegrity();
    void refreshImports();

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QTabWidget *m_tabs;
    QTableWidget *m_imports;
    UsersView *m_users = nullptr;
    AuditView *m_audit = nullptr;
};

} // namespace cobranza
