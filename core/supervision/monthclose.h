#pragma once

#include "clock.h"
#include "permissions.h"
#include "session.h"
#include "timewindows.h"
#include "workingcalendar.h"

#include <QDate>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// Closing a month (domain.md, "The month"): its bookings and results become read-only history —
// nothing is deleted, every past month stays browsable and reportable — and the new month starts
// from zero. Closing twice is harmless; each close is audited.
class MonthCloseService final
{
public:
    MonthCloseService(const Database &db, Session session, PermissionTable permissions, const Clock &clock)
        : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_clock(clock)
    {
    }

    // Closes the month of `anyDay`, by Sistemas. A month not yet over cannot be closed.
    bool close(QDate anyDay, QString *error) const;
    // At the start of a month the previous one closes by itself, whoever signs in — once its last
    // day's results were due (08:45 of the next working day), so they could still be entered.
    // True when it was closed now. Months before it are Sistemas' to close.
    bool closePreviousIfDue(const WorkingCalendar &calendar, const TimeWindows &windows, QString *error = nullptr) const;

private:
    bool closeUnchecked(QDate anyDay, const QString &action, QString *error) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
};

bool isMonthClosed(const Database &db, QDate day);
// nullopt when work of `day` may still change; otherwise the Spanish reason.
std::optional<QString> closedMonthRefusal(const Database &db, QDate day);
QString monthName(QDate day); // "noviembre de 2026"

} // namespace cobranza
