#include "routesheetstore.h"

#include "store/database.h"
#include "store/query.h"
#include "store/directorystore.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString iso(QDate d) { return d.toString(Qt::ISODate); }

bool hasRouteSheet(Role r)
{
    return r == Role::AsesorNegocios || r == Role::CoordinadorAgencia || r == Role::OficialCobranzas;
}

} // namespace

bool seesBranchAgenda(const PermissionTable &table, Role role)
{
    for (Permission p : {Permission::BookAdvisorSheets, Permission::BookRezagados, Permission::ApproveAdvisorSheets,
                         Permission::ApproveCollectionsSheets, Permission::ReadSupervision})
        if (table.allows(role, p))
            return true;
    return false;
}

QList<Guarantor> RouteSheetStore::guarantors(const QString &creditNumber) const
{
    QList<Guarantor> out;
    QSqlQuery q = runQuery(m_db,
                      QStringLiteral("SELECT position, cedula, full_name, address, phone FROM guarantors "
                                     "WHERE credit_number = ? ORDER BY position"),
                      {creditNumber});
    while (q.next())
        out.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString()});
    return out;
}

QList<RouteVisit> RouteSheetStore::visits(qint64 workerId, QDate visitDate) const
{
    // A visit shows the figures of the cut-off it was booked from; a visit added by hand (Gestión
    // Propia) has none, and shows the newest cut-off that holds the credit.
    QSqlQuery q = runQuery(
        m_db,
        QStringLiteral(
            "SELECT b.id, b.route_order, b.credit_number, b.source, b.outside_window, m.member_number, m.cedula, "
            "m.full_name, m.home_address, m.business_address, m.phone, m.mobile, m.latitude, m.longitude, "
            "IFNULL(sc.sector, ''), IFNULL(sc.days_past_due, 0), IFNULL(sc.overdue_cents, 0), "
            "IFNULL(sc.balance_cents, 0), IFNULL(sc.rating, 'A1'), r.state "
            "FROM bookings b JOIN credits c ON c.credit_number = b.credit_number "
            "JOIN members m ON m.member_number = c.member_number "
            "LEFT JOIN snapshot_credits sc ON sc.credit_number = b.credit_number AND sc.snapshot_id = "
            "  IFNULL((SELECT id FROM snapshots WHERE cut_off = b.cut_off), "
            "         (SELECT x.snapshot_id FROM snapshot_credits x JOIN snapshots y ON y.id = x.snapshot_id "
            "          WHERE x.credit_number = b.credit_number ORDER BY y.cut_off DESC LIMIT 1)) "
            "LEFT JOIN visit_results r ON r.booking_id = b.id "
            "WHERE IFNULL(b.worker_id, b.staff_id) = ? AND b.visit_date = ? AND b.cancelled_at IS NULL "
            "ORDER BY b.route_order, b.id"),
        {workerId, iso(visitDate)});
    QList<RouteVisit> out;
    while (q.next()) {
        RouteVisit v;
        v.bookingId = q.value(0).toLongLong();
        v.order = static_cast<int>(out.size()) + 1; // stored orders may have gaps after un-booking
        v.creditNumber = q.value(2).toString();
        v.source = q.value(3).toString();
        v.outsideWindow = q.value(4).toBool();
        v.memberNumber = q.value(5).toString();
        v.cedula = q.value(6).toString();
        v.memberName = q.value(7).toString();
        v.homeAddress = q.value(8).toString();
        v.businessAddress = q.value(9).toString();
        QStringList phones;
        for (int c : {11, 10})
            if (const QString p = q.value(c).toString().trimmed(); !p.isEmpty() && !phones.contains(p))
                phones.append(p);
        v.phones = phones.join(QStringLiteral(" / "));
        if (!q.value(12).isNull() && !q.value(13).isNull())
            v.location = GeoPoint{q.value(12).toDouble(), q.value(13).toDouble()};
        v.sector = q.value(14).toString();
        v.daysPastDue = q.value(15).toInt();
        v.overdue = Money::fromCents(q.value(16).toLongLong());
        v.balance = Money::fromCents(q.value(17).toLongLong());
        v.rating = parseRating(q.value(18).toString()).value_or(Rating::A1);
        if (!q.value(19).isNull())
            v.state = parseVisitState(q.value(19).toString());
        if (const LadderStage *stage = m_ladder.stageFor(v.daysPastDue)) {
            v.action = stage->action;
            v.notice = stage->notice;
        }
        out.append(v);
    }
    const QDate monthStart(visitDate.year(), visitDate.month(), 1);
    for (RouteVisit &v : out) {
        v.guarantors = guarantors(v.creditNumber);
        QSqlQuery p = runQuery(m_db,
                          QStringLiteral("SELECT MIN(CASE WHEN outcome IS NULL THEN promised_on END), "
                                         "MAX(outcome = 'BROKEN' AND promised_on >= ?) FROM promises WHERE credit_number = ?"),
                          {iso(monthStart), v.creditNumber});
        if (p.next()) {
            v.promisedOn = QDate::fromString(p.value(0).toString(), Qt::ISODate);
            v.promiseBroken = p.value(1).toInt() == 1;
        }
    }
    return out;
}

std::optional<RouteSheet> RouteSheetStore::load(qint64 workerId, QDate visitDate) const
{
    const DirectoryStore directory(m_db);
    const auto byId = [&directory](qint64 id) { return directory.staffById(id); };
    const std::optional<StaffMember> person = byId(workerId);
    if (!person)
        return std::nullopt;
    RouteSheet sheet;
    sheet.person = *person;
    sheet.visitDate = visitDate;
    sheet.notifier = *person;
    // NOTIFICADOR as stored on the bookings; a sheet without any is the officer's pooled user.
    QSqlQuery n = runQuery(m_db,
                      QStringLiteral("SELECT staff_id FROM bookings WHERE worker_id = ? AND visit_date = ? "
                                     "AND cancelled_at IS NULL LIMIT 1"),
                      {workerId, iso(visitDate)});
    if (const auto stored = n.next() ? byId(n.value(0).toLongLong()) : byId(person->poolId))
        sheet.notifier = *stored;
    if (const auto branch = directory.branch(person->branchId))
        sheet.branch = *branch;

    QSqlQuery a = runQuery(m_db,
                      QStringLiteral("SELECT r.revision, IIF(s.full_name = '', s.username, s.full_name), r.approved_at "
                                     "FROM route_sheets r LEFT JOIN staff s ON s.id = r.approved_by "
                                     "WHERE r.staff_id = ? AND r.visit_date = ?"),
                      {workerId, iso(visitDate)});
    if (a.next()) {
        sheet.revision = a.value(0).toInt();
        if (!a.value(2).isNull()) {
            sheet.approvedBy = a.value(1).toString();
            QDateTime at = QDateTime::fromString(a.value(2).toString(), Qt::ISODate);
            at.setTimeSpec(Qt::UTC);
            sheet.approvedAt = at.toLocalTime();
        }
    }
    sheet.visits = visits(workerId, visitDate);
    return sheet;
}

QList<RouteSheet> RouteSheetStore::agenda(QDate visitDate, const QString &branchCode, qint64 workerId) const
{
    QSqlQuery q = runQuery(m_db,
                      QStringLiteral("SELECT DISTINCT IFNULL(b.worker_id, b.staff_id) FROM bookings b "
                                     "WHERE b.visit_date = ? AND b.cancelled_at IS NULL"),
                      {iso(visitDate)});
    QList<qint64> workers;
    while (q.next())
        if (workerId == 0 || q.value(0).toLongLong() == workerId)
            workers.append(q.value(0).toLongLong());
    QList<RouteSheet> out;
    for (qint64 id : workers)
        if (auto sheet = load(id, visitDate);
            sheet && (branchCode.isEmpty() || sheet->branch.code.compare(branchCode, Qt::CaseInsensitive) == 0))
            out.append(*sheet);
    std::sort(out.begin(), out.end(), [](const RouteSheet &a, const RouteSheet &b) {
        if (a.branch.code != b.branch.code)
            return a.branch.code < b.branch.code;
        return a.person.fullName < b.person.fullName;
    });
    return out;
}

QList<StaffMember> RouteSheetStore::planners(const QString &branchCode) const
{
    const DirectoryStore directory(m_db);
    qint64 branchId = 0;
    if (!branchCode.isEmpty()) {
        const auto b = directory.branchByCode(branchCode);
        if (!b)
            return {};
        branchId = b->id;
    }
    QList<StaffMember> out;
    for (const StaffMember &s : directory.staff(false))
        if (!s.pooled && hasRouteSheet(s.role) && (branchId == 0 || s.branchId == branchId))
            out.append(s);
    std::sort(out.begin(), out.end(),
              [](const StaffMember &a, const StaffMember &b) { return a.fullName < b.fullName; });
    return out;
}

} // namespace cobranza
