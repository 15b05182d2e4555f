#pragma once

#include "clock.h"
#include "indicators/indicatortable.h"
#include "permissions.h"
#include "session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <map>
#include <optional>

namespace cobranza {

class Database;

// The branch × rating sums of one cut-off; empty when it is not held. `legalDays`: days past due
// after which a credit counts as in legal collection.
QList<PortfolioCell> loadPortfolioCells(const Database &db, QDate cutOff, int legalDays = kDefaultLegalCollectionDays);
// The newest cut-off of each month held, ascending.
QList<QDate> loadMonthEndCutOffs(const Database &db);
// The months (first days) with a cut-off or with visits, ascending: what the dashboard offers.
QList<QDate> loadIndicatorMonths(const Database &db);
// The visits of `month` (any day of it) of the people of `branchCode` (empty: all), with their
// results and promises; the staff who make visits; each error of the month as the F.1-A counts it
// (found by the rules as of `now`, or recorded by hand), by the person's staff id.
struct ActivityFacts
{
    QList<ActivityPerson> people;
    QList<VisitFact> visits;
    QList<qint64> errors;
};
ActivityFacts loadActivityFacts(const Database &db, QDate month, const QString &branchCode, const QDateTime &now);

// What the dashboard asks: the inputs of every indicator for a range of months and a branch, for
// a session that may read supervision; head-office roles choose the branch, the others get theirs.
class IndicatorService final
{
public:
    IndicatorService(const Database &db, Session session, PermissionTable permissions, const Clock &clock)
        : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_clock(clock)
    {
    }
    std::optional<QString> refusal() const; // Spanish, nullopt when the session may read indicators
    bool choosesBranch() const;
    // The branch the figures are computed for: `requested` for head-office roles, else their own.
    QString scopeFor(const QString &requested) const;
    // Inputs for the month-end cut-offs from `fromMonth` to `toMonth` (any day of each); the
    // per-person figures are those of `toMonth`. Refused sessions get empty inputs and `error`.
    IndicatorInputs load(QDate fromMonth, QDate toMonth, const QString &branchCode, QString *error = nullptr) const;

private:
    QList<PortfolioCell> cellsOf(QDate cutOff, int legalDays) const;

    // The sums of each cut-off read so far: a cut-off never changes unless it is replaced, which
    // gives it a new import, so filtering by branch or moving the months reads only what is new.
    struct CachedCells
    {
        qint64 importId = 0;
        int legalDays = 0;
        QList<PortfolioCell> cells;
    };

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
    mutable std::map<QDate, CachedCells> m_cells;
};

} // namespace cobranza
