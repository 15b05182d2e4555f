#pragma once

#include "session.h"

#include <QWidget>

class QTableWidget;

namespace cobranza {

class Database;

// The Administración area: the import log, and the doors to settings, backup and integrity check.
class AdministrationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdministrationView)

public:
    AdministrationView(const Database &db, Session session, QWidget *parent = nullptr);
    void refresh();

signals:
    void importRequested();
    void settingsRequested();

private:
    void backup();
    void checkIntegrity();

    const Database &m_db;
    Session m_session;
    QTableWidget *m_imports;
};

} // namespace cobranza
