#include "dailyerrorreport.h"

#include "store/directorystore.h"
#include "store/query.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

// The members of the day's credits, read once per credit rather than once per error.
QHash<QString, QString> membersOf(const Database &db, const QList<ReviewRow> &rows)
{
    QHash<QString, QString> out;
    for (const ReviewRow &r : rows)
        for (const JustifiedResult &j : r.justified)
            out.insert(j.creditNumber, j.memberName);
    for (const ReviewRow &r : rows)
        for (const StaffError &e : r.errors) {
            if (e.creditNumber.isEmpty() || out.contains(e.creditNumber))
                continue;
            QSqlQuery q = runQuery(db,
                                   QStringLiteral("SELECT m.full_name FROM credits c JOIN members m "
                                                  "ON m.member_number = c.member_number WHERE c.credit_number = ?"),
                                   {e.creditNumber});
            out.insert(e.creditNumber, q.next() ? q.value(0).toString() : QString());
        }
    return out;
}

} // namespace

DailyErrorReport dailyErrorReport(const Database &db, QDate day, const QString &branchCode,
                                  const SupervisionRules &rules, const QDateTime &now)
{
    DailyErrorReport report;
    report.branchCode = branchCode;
    report.day = day;
    report.workingDay = rules.calendar.isWorkingDay(day);
    const DirectoryStore directory(db);
    if (!branchCode.isEmpty())
        if (const auto b = directory.branchByCode(branchCode))
            report.branchName = b->name;
    QHash<qint64, QString> branchCodes;
    for (const Branch &b : directory.branches())
        branchCodes.insert(b.id, b.code);

    const QList<ReviewRow> rows = dailyReview(db, day, branchCode, rules, now);
    const QHash<QString, QString> members = membersOf(db, rows);
    for (const ReviewRow &r : rows) {
        DailyErrorPerson p;
        p.staffId = r.staffId;
        p.username = r.username;
        p.name = r.name.isEmpty() ? r.username : r.name;
        p.booked = r.booked;
        p.entered = r.entered;
        if (const auto staff = directory.staffById(r.staffId)) {
            p.initials = staff->initials;
            p.role = staff->role;
            p.branchCode = branchCodes.value(staff->branchId);
        }
        for (const StaffError &e : r.errors)
            p.errors.append({e, members.value(e.creditNumber)});
        // The order the person reads his page in: kind of error, then credit.
        std::stable_sort(p.errors.begin(), p.errors.end(), [](const DailyErrorLine &a, const DailyErrorLine &b) {
            if (a.error.type != b.error.type)
                return a.error.type < b.error.type;
            return a.error.creditNumber < b.error.creditNumber;
        });
        report.total += static_cast<int>(p.errors.size());
        report.people.append(p);
    }
    // Head office reads every branch: each branch's people together, by name within it.
    if (branchCode.isEmpty())
        std::stable_sort(report.people.begin(), report.people.end(),
                         [](const DailyErrorPerson &a, const DailyErrorPerson &b) { return a.branchCode < b.branchCode; });
    return report;
}

} // namespace cobranza
