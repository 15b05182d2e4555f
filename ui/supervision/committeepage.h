#pragma once

#include "clock.h"
#include "session.h"
#include "supervision/committees.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace cobranza {

class Database;

// The committees' tab: the credits that reached the Subcomité or the Comité de Mora on the newest
// cut-off, a decision typed per credit, the minutes recorded with their number and printed as PDF,
// and the minutes of the year.
class CommitteePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitteePage)

public:
    CommitteePage(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    void setBranch(const QString &branchCode); // empty: every branch (head office) — minutes need one
    void reload();
    // Records the minutes from what is typed; the new minutes' id, or 0 with the reason shown.
    qint64 recordMinutes();

    QComboBox *committeeChooser() const { return m_committee; }
    QTableWidget *agenda() const { return m_agenda; }
    QLineEdit *attendees() const { return m_attendees; }
    QListWidget *minutesList() const { return m_minutes; }
    QLabel *statusLabel() const { return m_status; }

private:
    void saveMinutesPdf(qint64 minutesId);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branch;
    QDate m_cutOff;
    QComboBox *m_committee;
    QLabel *m_cutOffLabel;
    QTableWidget *m_agenda;
    QDateEdit *m_heldOn;
    QLineEdit *m_attendees;
    QLineEdit *m_notes;
    QPushButton *m_record;
    QListWidget *m_minutes;
    QPushButton *m_pdf;
    QLabel *m_status;
};

} // namespace cobranza
