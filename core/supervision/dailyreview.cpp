#include "dailyreview.h"

#include "results/resultrules.h"
#include "store/database.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString iso(QDate d) { return d.toString(Qt::ISODate); }

} // namespace

QDate defaultReviewDay(const WorkingCalendar &calendar, QDate today)
{
    return calendar.previousWorkingDay(today);
}

QList<ReviewRow> dailyReview(const Database &db, QDate day, const QString &branchCode, const SupervisionRules &rules,
                             const QDateTime &now)
{
    QHash<qint64, ReviewRow> rows;
    const QString branchClause = branchCode.isEmpty() ? QString() : QStringLiteral(" AND br.code = ?");
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT w.id, w.username, w.full_name, b.id, b.credit_number, m.full_name, "
                             "r.booking_id IS NOT NULL, r.state, IFNULL(r.justification, ''), IFNULL(r.late, 0), "
                             "IFNULL(r.verification, '') "
                             "FROM bookings b JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
                             "LEFT JOIN branches br ON br.id = w.branch_id "
                             "LEFT JOIN credits c ON c.credit_number = b.credit_number "
                             "LEFT JOIN members m ON m.member_number = c.member_number "
                             "LEFT JOIN visit_results r ON r.booking_id = b.id "
                             "WHERE b.cancelled_at IS NULL AND b.visit_date = ?")
              + branchClause + QStringLiteral(" ORDER BY w.full_name, b.route_order"));
    q.addBindValue(iso(day));
    if (!branchCode.isEmpty())
        q.addBindValue(branchCode);
    q.exec();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        ReviewRow &row = rows[id];
        row.staffId = id;
        row.username = q.value(1).toString();
        row.name = q.value(2).toString();
        ++row.booked;
        if (!q.value(6).toBool()) {
            ++row.missing;
            continue;
        }
        ++row.entered;
        if (q.value(9).toBool())
            ++row.late;
        const auto state = parseVisitState(q.value(7).toString());
        if (state && requiresJustification(*state))
            row.justified.append({q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(), *state,
                                  q.value(8).toString(), q.value(10).toString()});
    }
    for (const StaffError &e : detectErrors(db, day, day, branchCode, rules, now)) {
        ReviewRow &row = rows[e.staffId];
        row.staffId = e.staffId;
        row.username = e.username;
        row.name = e.staffName;
        row.errors.append(e);
    }
    // Rezagados of each advisor: his portfolio's credits in arrears nobody booked or worked this month.
    const QDate monthStart(day.year(), day.month(), 1);
    QSqlQuery z(db.connection());
    z.setForwardOnly(true);
    z.prepare(QStringLiteral("SELECT w.id, COUNT(*) FROM snapshot_credits c "
                             "JOIN staff w ON w.username = c.officer LEFT JOIN branches br ON br.id = w.branch_id "
                             "WHERE c.snapshot_id = (SELECT id FROM snapshots WHERE cut_off < ? ORDER BY cut_off DESC LIMIT 1) "
                             "AND c.days_past_due > 0 AND NOT EXISTS (SELECT 1 FROM bookings b WHERE "
                             "b.credit_number = c.credit_number AND b.cancelled_at IS NULL AND b.visit_date BETWEEN ? AND ?)")
              + branchClause + QStringLiteral(" GROUP BY w.id"));
    z.addBindValue(iso(day.addDays(1)));
    z.addBindValue(iso(monthStart));
    z.addBindValue(iso(day));
    if (!branchCode.isEmpty())
        z.addBindValue(branchCode);
    z.exec();
    while (z.next())
        if (const auto it = rows.find(z.value(0).toLongLong()); it != rows.end())
            it->rezagados = z.value(1).toInt();
    QList<ReviewRow> out = rows.values();
    std::sort(out.begin(), out.end(), [](const ReviewRow &a, const ReviewRow &b) { return a.name < b.name; });
    return out;
}

ErrorReport monthlyErrorReport(const Database &db, int year, int month, const QString &branchCode,
                               const SupervisionRules &rules, const QDateTime &now)
{
    ErrorReport report;
    report.branchCode = branchCode;
    report.year = year;
    report.month = month;
    const QDate start(year, month, 1);
    const QDate end = start.addMonths(1).addDays(-1);
    const QDate previousStart = start.addMonths(-1);
    QHash<qint64, MonthlyErrors> people;
    for (const StaffError &e : detectErrors(db, start, end, branchCode, rules, now)) {
        MonthlyErrors &p = people[e.staffId];
        p.staffId = e.staffId;
        p.username = e.username;
        p.name = e.staffName;
        p.counts[e.type] += 1;
        ++p.total;
        p.lines.append(e);
        report.totals[e.type] += 1;
        ++report.total;
    }
    for (const StaffError &e : detectErrors(db, previousStart, start.addDays(-1), branchCode, rules, now)) {
        MonthlyErrors &p = people[e.staffId];
        if (p.staffId == 0) {
            p.staffId = e.staffId;
            p.username = e.username;
            p.name = e.staffName;
        }
        ++p.previousTotal;
        ++report.previousTotal;
    }
    report.people = people.values();
    std::sort(report.people.begin(), report.people.end(),
              [](const MonthlyErrors &a, const MonthlyErrors &b) { return a.name < b.name; });
    return report;
}

} // namespace cobranza
