#pragma once

#include "portfolio/portfolioquery.h"
#include "visitstate.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace cobranza {

class Database;

// What the workstation knows of a credit beyond the report: its bookings, results and promises.
struct TrayStatus
{
    QDate bookedOn;   // the newest active booking from the cut-off on; invalid when none
    QString bookedTo; // who makes that visit
    std::optional<VisitState> lastResult;
    QDate lastResultOn;   // the visit date of that result
    QDate rescheduledTo;  // Fecha REAGENDAMIENTO of the newest result that set one
    QDate promisedOn;     // a promise to pay not yet judged
    QDate brokenPromiseOn; // the newest promise of this month judged broken
    bool workedThisMonth = false; // booked (not cancelled) or with a result in the cut-off's month
    bool operator==(const TrayStatus &) const = default;
};

// The tray generator's list: the overdue and about-to-fall-due credits of a cut-off with their status.
struct Tray
{
    QDate cutOff;
    std::vector<PortfolioLine> lines;
    std::vector<TrayStatus> status; // parallel to lines
};

// Overdue, or due within `dueSoonDays` days after the cut-off ("por vencer").
bool belongsInTray(const SnapshotRow &row, int dueSoonDays);
// "Rezagado": in arrears this month and nobody booked or worked it; the Pivot books these.
bool isRezagado(const PortfolioLine &line, const TrayStatus &status);

// The cut-off a tray opens on (domain.md step 1): yesterday's, or for collections officers the last
// day of the previous month; when that one was not imported, the newest before it, else the newest.
QDate defaultTrayCutOff(Role role, QDate today, const QList<QDate> &imported);

// Reads the tray of a cut-off (one branch, or every branch when `branchCode` is empty).
Tray loadTray(const Database &db, QDate cutOff, const PortfolioRules &rules, int dueSoonDays,
              const QString &branchCode = {});

// Columns the tray adds to the portfolio's for sorting.
enum class TraySortKey { BookedOn, LastResult, RescheduledTo, PromisedOn };

// What the tray filters by, beyond the portfolio's filter.
struct TrayFilter
{
    PortfolioFilter portfolio;
    bool rezagadosOnly = false;
    bool unbookedOnly = false;
    std::optional<Role> responsible; // only credits whose rating goes to this role
};

// Indexes of the tray lines that pass, sorted by a portfolio or a tray column; with no column,
// the cooperative's priority: reclassified first, then most days past due.
std::vector<int> selectTray(const Tray &tray, const TrayFilter &filter,
                            std::optional<PortfolioSortKey> sortKey = {}, bool descending = false);
std::vector<int> selectTray(const Tray &tray, const TrayFilter &filter, TraySortKey sortKey, bool descending);

} // namespace cobranza
