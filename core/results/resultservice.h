#pragma once

#include "clock.h"
#include "permissions.h"
#include "results/visitresult.h"
#include "session.h"
#include "timewindows.h"
#include "workingcalendar.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// What came of saving a result: saved (maybe late), or refused with every problem at its field.
struct ResultOutcome
{
    bool ok = false;
    QList<ResultProblem> problems;
    bool late = false;
    qint64 bookingId = 0;             // the visit the result is for (new for a Gestión Propia)
    qint64 rescheduledBookingId = 0;  // the visit booked on the Reagendamiento date
    QString summary;                  // one Spanish sentence
    QStringList messages() const;
};

// A stored result with what the form shows read-only beside it.
struct StoredResult
{
    VisitResult result;
    bool late = false;
    QDateTime enteredAt; // local time
    QString enteredBy;   // username
};

// Enters and corrects the results of one's own visits (domain.md, "Visit results"): the rules of
// resultrules.h, the initials, the late mark, the promise to pay, the re-scheduled visit and
// Gestión Propia — each save one audited transaction, all or nothing.
class ResultService final
{
public:
    ResultService(const Database &db, Session session, PermissionTable permissions, TimeWindows windows,
                  WorkingCalendar calendar, const Clock &clock);

    // Saves (or corrects) the result of a booked visit.
    ResultOutcome save(const VisitResult &result) const;
    // Gestión Propia: puts the credit on the user's own day `workDay` and saves its result there.
    ResultOutcome saveOwnInitiative(const QString &creditNumber, QDate workDay, VisitResult result) const;
    std::optional<StoredResult> load(qint64 bookingId) const;

private:
    ResultOutcome saveInTransaction(VisitResult result) const;
    bool reschedule(qint64 bookingId, QDate newDate, ResultOutcome *outcome) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    TimeWindows m_windows;
    WorkingCalendar m_calendar;
    const Clock &m_clock;
};

} // namespace cobranza
