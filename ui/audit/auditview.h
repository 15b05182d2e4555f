#pragma once

#include "clock.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTableWidget;

namespace cobranza {

class Database;

// The administrator's viewer of the audit trail: filter by user, dates and record; read only.
class AuditView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditView)

public:
    AuditView(const Database &db, const Clock &clock, QWidget *parent = nullptr);
    void refresh();
    int rowCount() const;

private:
    const Database &m_db;
    const Clock &m_clock;
    QComboBox *m_user;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_type;
    QLineEdit *m_record;
    QTableWidget *m_table;
};

} // namespace cobranza
