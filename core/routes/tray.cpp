#include "tray.h"

#include "store/database.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString iso(QDate d) { return d.toString(Qt::ISODate); }
QDate dateOf(const QVariant &v) { return QDate::fromString(v.toString(), Qt::ISODate); }

// How far back the tray looks for a credit's last result: older work says little about today.
constexpr int kResultHistoryDays = 365;

// Reads one query row by row into the status of the tray line of its first column's credit.
template <typename Fill>
void eachCredit(const Database &db, const QString &sql, const QVariantList &binds,
                const QHash<QString, int> &index, std::vector<TrayStatus> &status, Fill fill)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return;
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toString());
        if (it != index.constEnd())
            fill(q, status[static_cast<size_t>(*it)]);
    }
}

} // namespace

bool belongsInTray(const SnapshotRow &row, int dueSoonDays)
{
    if (row.daysPastDue > 0)
        return true;
    if (!row.dueDate.isValid())
        return false;
    const qint64 days = row.cutOff.daysTo(row.dueDate);
    return days >= 0 && days <= dueSoonDays;
}

bool isRezagado(const PortfolioLine &line, const TrayStatus &status)
{
    return line.row.daysPastDue > 0 && !status.workedThisMonth;
}

QDate defaultTrayCutOff(Role role, QDate today, const QList<QDate> &imported)
{
    const QDate wanted = role == Role::OficialCobranzas ? QDate(today.year(), today.month(), 1).addDays(-1)
                                                        : today.addDays(-1);
    QDate before;
    QDate newest;
    for (const QDate &d : imported) {
        if (d == wanted)
            return d;
        if (d < wanted && (!before.isValid() || d > before))
            before = d;
        if (!newest.isValid() || d > newest)
            newest = d;
    }
    return before.isValid() ? before : newest;
}

Tray loadTray(const Database &db, QDate cutOff, const PortfolioRules &rules, int dueSoonDays,
              const QString &branchCode)
{
    Tray tray;
    tray.cutOff = cutOff;
    std::vector<PortfolioLine> all = loadPortfolio(db, cutOff, rules, branchCode);
    tray.lines.reserve(all.size());
    for (PortfolioLine &line : all)
        if (belongsInTray(line.row, dueSoonDays))
            tray.lines.push_back(std::move(line));
    tray.status.resize(tray.lines.size());
    QHash<QString, int> index;
    index.reserve(static_cast<qsizetype>(tray.lines.size()));
    for (size_t i = 0; i < tray.lines.size(); ++i)
        index.insert(tray.lines[i].row.creditNumber, static_cast<int>(i));

    // "This month" is the month the tray is worked in: the day after the cut-off.
    const QDate workDay = cutOff.addDays(1);
    const QDate monthStart(workDay.year(), workDay.month(), 1);
    eachCredit(db,
               QStringLiteral("SELECT b.credit_number, b.visit_date, IIF(w.full_name = '', w.username, w.full_name) "
                              "FROM bookings b JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
                              "WHERE b.cancelled_at IS NULL AND b.visit_date >= ? ORDER BY b.visit_date"),
               {iso(monthStart)}, index, tray.status, [cutOff](const QSqlQuery &q, TrayStatus &s) {
                   s.workedThisMonth = true;
                   const QDate day = dateOf(q.value(1));
                   if (day > cutOff) {
                       s.bookedOn = day;
                       s.bookedTo = q.value(2).toString();
                   }
               });
    eachCredit(db,
               QStringLiteral("SELECT b.credit_number, b.visit_date, r.state, r.reschedule_date FROM visit_results r "
                              "JOIN bookings b ON b.id = r.booking_id WHERE b.visit_date >= ? "
                              "ORDER BY b.visit_date, r.entered_at"),
               {iso(cutOff.addDays(-kResultHistoryDays))}, index, tray.status,
               [monthStart](const QSqlQuery &q, TrayStatus &s) {
                   s.lastResultOn = dateOf(q.value(1));
                   s.lastResult = parseVisitState(q.value(2).toString());
                   if (const QDate to = dateOf(q.value(3)); to.isValid())
                       s.rescheduledTo = to;
                   if (s.lastResultOn >= monthStart)
                       s.workedThisMonth = true;
               });
    eachCredit(db,
               QStringLiteral("SELECT credit_number, promised_on FROM promises WHERE outcome IS NULL "
                              "ORDER BY promised_on"),
               {}, index, tray.status, [](const QSqlQuery &q, TrayStatus &s) { s.promisedOn = dateOf(q.value(1)); });
    eachCredit(db,
               QStringLiteral("SELECT credit_number, promised_on FROM promises WHERE outcome = 'BROKEN' "
                              "AND promised_on >= ? ORDER BY promised_on"),
               {iso(monthStart)}, index, tray.status,
               [](const QSqlQuery &q, TrayStatus &s) { s.brokenPromiseOn = dateOf(q.value(1)); });
    return tray;
}

namespace {

bool trayMatches(const Tray &tray, int i, const TrayFilter &filter)
{
    const PortfolioLine &line = tray.lines[static_cast<size_t>(i)];
    const TrayStatus &status = tray.status[static_cast<size_t>(i)];
    if (filter.rezagadosOnly && !isRezagado(line, status))
        return false;
    if (filter.unbookedOnly && status.bookedOn.isValid())
        return false;
    return !filter.responsible || line.responsible == *filter.responsible;
}

std::vector<int> filtered(const Tray &tray, const TrayFilter &filter, std::optional<PortfolioSortKey> key,
                          bool descending)
{
    std::vector<int> idx = selectLines(tray.lines, filter.portfolio, key, descending);
    if (filter.rezagadosOnly || filter.unbookedOnly || filter.responsible)
        idx.erase(std::remove_if(idx.begin(), idx.end(), [&](int i) { return !trayMatches(tray, i, filter); }),
                  idx.end());
    return idx;
}

} // namespace

std::vector<int> selectTray(const Tray &tray, const TrayFilter &filter, std::optional<PortfolioSortKey> sortKey,
                            bool descending)
{
    if (sortKey)
        return filtered(tray, filter, sortKey, descending);
    std::vector<int> idx = filtered(tray, filter, {}, false);
    // The cooperative's priority (domain.md): credits that worsened since the month end first.
    std::stable_sort(idx.begin(), idx.end(), [&tray](int ia, int ib) {
        const SnapshotRow &a = tray.lines[static_cast<size_t>(ia)].row;
        const SnapshotRow &b = tray.lines[static_cast<size_t>(ib)].row;
        if (a.reclassified() != b.reclassified())
            return a.reclassified();
        return a.daysPastDue > b.daysPastDue;
    });
    return idx;
}

std::vector<int> selectTray(const Tray &tray, const TrayFilter &filter, TraySortKey sortKey, bool descending)
{
    std::vector<int> idx = filtered(tray, filter, {}, false);
    // Credits without the value go last either way: the planner sorts to see those that have it.
    const auto value = [&tray, sortKey](int i) -> qint64 {
        const TrayStatus &s = tray.status[static_cast<size_t>(i)];
        switch (sortKey) {
        case TraySortKey::BookedOn: return s.bookedOn.isValid() ? s.bookedOn.toJulianDay() : -1;
        case TraySortKey::LastResult: return s.lastResult ? static_cast<qint64>(*s.lastResult) : -1;
        case TraySortKey::RescheduledTo: return s.rescheduledTo.isValid() ? s.rescheduledTo.toJulianDay() : -1;
        case TraySortKey::PromisedOn: return s.promisedOn.isValid() ? s.promisedOn.toJulianDay() : -1;
        }
        return -1;
    };
    std::stable_sort(idx.begin(), idx.end(), [&value, descending](int a, int b) {
        const qint64 va = value(a);
        const qint64 vb = value(b);
        if ((va < 0) != (vb < 0))
            return vb < 0;
        return descending ? va > vb : va < vb;
    });
    return idx;
}

} // namespace cobranza
