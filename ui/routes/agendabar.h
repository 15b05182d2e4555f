#pragma once

#include "clock.h"
#include "session.h"
#include "timewindows.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace cobranza {

class Database;

// The Agenda's top bar: which day and whose route sheet (each person with his visits of the day
// and whether they are approved), and the hours when route sheets are printed.
class AgendaBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgendaBar)

public:
    // `seesBranch`: the people of the session's branch scope; otherwise only the session himself.
    AgendaBar(const Database &db, Session session, const Clock &clock, bool seesBranch, QWidget *parent = nullptr);

    qint64 workerId() const; // 0 when there is nobody to choose
    QDate date() const;
    // Chooses the day and, when the session may see him, the person; one choiceChanged().
    void select(qint64 workerId, QDate date);
    // Reads the people's visits and approvals again, keeping the choice; emits nothing.
    void refresh();
    void setTimeWindows(const TimeWindows &windows);

    QDateEdit *dateEdit() const { return m_date; }
    QComboBox *personChooser() const { return m_person; }

signals:
    void choiceChanged(); // the day or the person

private:
    void updatePrintWindow();

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    bool m_seesBranch;
    TimeWindows m_windows;
    QDateEdit *m_date;
    QComboBox *m_person;
    QLabel *m_printWindow;
};

} // namespace cobranza
