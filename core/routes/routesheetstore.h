#pragma once

#include "ladder.h"
#include "permissions.h"
#include "routes/routesheet.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// Whether a role sees everyone's agenda of its branch (planners, approvers, supervisors) or, like
// an advisor, only its own.
bool seesBranchAgenda(const PermissionTable &table, Role role);

// Reads route sheets as the agenda, the route planner and the printed sheet show them.
class RouteSheetStore final
{
public:
    RouteSheetStore(const Database &db, CollectionsLadder ladder) : m_db(db), m_ladder(std::move(ladder)) {}

    // One person's active visits of a day in route order, with approval; nullopt for an unknown
    // person. A day without visits gives a sheet with none.
    std::optional<RouteSheet> load(qint64 workerId, QDate visitDate) const;
    // Every sheet of a day with at least one visit: one branch's (or all, when empty), or only
    // `workerId`'s when given. Ordered by branch and person's name.
    QList<RouteSheet> agenda(QDate visitDate, const QString &branchCode = {}, qint64 workerId = 0) const;
    // The people of a branch who may have a route sheet (advisors, coordinators, collections
    // officers), active ones only, by name; every branch when `branchCode` is empty.
    QList<StaffMember> planners(const QString &branchCode = {}) const;

private:
    QList<RouteVisit> visits(qint64 workerId, QDate visitDate) const;
    QList<Guarantor> guarantors(const QString &creditNumber) const;

    const Database &m_db;
    CollectionsLadder m_ladder;
};

} // namespace cobranza
