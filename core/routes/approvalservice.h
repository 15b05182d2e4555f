#pragma once

#include "clock.h"
#include "permissions.h"
#include "portfolio/portfoliotypes.h"
#include "session.h"
#include "timewindows.h"

#include <QDateTime>

#include <QDate>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// Who gives the visto bueno to whose route sheet (domain.md step 4): the coordinator the advisors'
// of his branch, the Pivot de Crédito the collections officers' and the coordinator's own; nobody
// his own. nullopt when `actor` may approve `worker`'s sheet; otherwise the Spanish reason.
std::optional<QString> approvalRefusal(const PermissionTable &table, const Session &actor, const StaffMember &worker);

// Who may change a person's sheet of a day once it is booked (its order, its visits): whoever may
// book it or approve it, inside the booking window (after it, the Pivot). nullopt when allowed;
// otherwise the Spanish reason. The booking service and the agenda's buttons both ask this.
std::optional<QString> routeChangeRefusal(const PermissionTable &table, const Session &actor, const StaffMember &worker,
                                          const TimeWindows &windows, const QDateTime &now, QDate visitDate);

// Approves one person's route sheet for a day: who and when are kept (and printed); any later
// change to the sheet clears the approval and asks for it again (BookingService).
class ApprovalService final
{
public:
    ApprovalService(const Database &db, Session session, PermissionTable permissions, const Clock &clock)
        : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_clock(clock)
    {
    }

    // One transaction, audited. false with a Spanish `error` when refused.
    bool approve(qint64 workerId, QDate visitDate, QString *error) const;

private:
    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
};

} // namespace cobranza
