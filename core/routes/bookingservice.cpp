#include "bookingservice.h"

#include "datetext.h"
#include "audit/auditlog.h"
#include "routes/approvalservice.h"
#include "routes/bookingrules.h"
#include "supervision/monthclose.h"
#include "store/database.h"
#include "store/rulesstore.h"
#include "store/query.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s, int n = -1)
{
    return QCoreApplication::translate("cobranza::BookingService", s, nullptr, n);
}
QString iso(QDate d) { return d.toString(Qt::ISODate); }
QString nameOf(const StaffMember &s) { return s.fullName.isEmpty() ? s.username : s.fullName; }
// "2026-11-23 → hjacome (cobranzas)": the audit names the worker and, if different, the NOTIFICADOR.
QString routeLabel(const QString &day, const StaffMember &worker, const StaffMember &notifier)
{
    if (worker.id == notifier.id)
        return QStringLiteral("%1 → %2").arg(day, worker.username);
    return QStringLiteral("%1 → %2 (%3)").arg(day, worker.username, notifier.username);
}

} // namespace

bool clearRouteApproval(const Database &db, const Session &session, const Clock &clock, const StaffMember &owner,
                        QDate visitDate)
{
    QSqlQuery q = runQuery(db,
                           QStringLiteral("SELECT IFNULL(s.username, ''), r.revision FROM route_sheets r LEFT JOIN "
                                          "staff s ON s.id = r.approved_by WHERE r.staff_id = ? AND r.visit_date = ? "
                                          "AND r.approved_at IS NOT NULL"),
                           {owner.id, iso(visitDate)});
    if (!q.isActive())
        return false;
    if (!q.next())
        return true; // not approved yet: nothing to ask again
    const QString approver = q.value(0).toString();
    const int revision = q.value(1).toInt() + 1;
    QSqlQuery up = runQuery(db,
                            QStringLiteral("UPDATE route_sheets SET approved_by = NULL, approved_at = NULL, "
                                           "revision = ? WHERE staff_id = ? AND visit_date = ?"),
                            {revision, owner.id, iso(visitDate)});
    if (!up.isActive())
        return false;
    return AuditLog(db, clock)
        .record(session, QStringLiteral("APPROVAL_RESET"), QStringLiteral("route_sheet"),
                QStringLiteral("%1 %2").arg(owner.username, iso(visitDate)),
                tr("aprobada por %1").arg(approver), tr("revisión %1 por aprobar").arg(revision));
}

QStringList BookResult::reasons() const
{
    QStringList out;
    for (const BookingRefusal &r : refusals)
        out.append(r.reason);
    return out;
}

BookingService::BookingService(const Database &db, Session session, PermissionTable permissions,
                               RatingRoles ratingRoles, TimeWindows windows, const Clock &clock)
    : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)),
      m_ratingRoles(ratingRoles), m_windows(std::move(windows)), m_clock(clock)
{
}

std::optional<BookingPerson> BookingService::person(qint64 id) const
{
    QSqlQuery q = runQuery(m_db,
                           QStringLiteral("SELECT s.id, s.username, s.full_name, s.initials, s.role, "
                                          "IFNULL(s.branch_id, 0), s.pooled, IFNULL(s.pool_id, 0), s.active, "
                                          "IFNULL(b.code, '') FROM staff s LEFT JOIN branches b ON b.id = s.branch_id "
                                          "WHERE s.id = ?"),
                           {id});
    if (!q.next())
        return std::nullopt;
    StaffMember s{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                  parseRole(q.value(4).toString()).value_or(Role::AsesorNegocios), q.value(5).toLongLong(),
                  q.value(6).toBool(), q.value(7).toLongLong(), q.value(8).toBool()};
    return BookingPerson{s, q.value(9).toString()};
}

BookingPerson BookingService::forWhom(const BookingPerson &named) const
{
    if (named.staff.pooled && named.staff.id != m_session.staffId)
        if (const auto me = person(m_session.staffId); me && me->staff.poolId == named.staff.id)
            return *me;
    return named;
}

std::optional<QString> BookingService::creditRefusal(const QString &creditNumber, qint64 snapshotId, QDate cutOff,
                                                     const BookingPerson &target, QDate visitDate) const
{
    QSqlQuery taken = runQuery(m_db,
                               QStringLiteral("SELECT s.full_name, s.username FROM bookings b JOIN staff s ON "
                                              "s.id = IFNULL(b.worker_id, b.staff_id) WHERE b.credit_number = ? "
                                              "AND b.visit_date = ? "
                                              "AND b.cancelled_at IS NULL"),
                               {creditNumber, iso(visitDate)});
    if (taken.next())
        return tr("el crédito %1 ya está agendado para el %2 a %3 (%4)")
            .arg(creditNumber, dayText(visitDate), taken.value(0).toString(), taken.value(1).toString());
    if (snapshotId == 0)
        return std::nullopt; // the missing cut-off is reported once for the whole request
    QSqlQuery q = runQuery(m_db,
                           QStringLiteral("SELECT rating, branch_code FROM snapshot_credits "
                                          "WHERE snapshot_id = ? AND credit_number = ?"),
                           {snapshotId, creditNumber});
    if (!q.next())
        return tr("el crédito %1 no está en la cartera con corte al %2").arg(creditNumber, dayText(cutOff));
    const QString branch = q.value(1).toString();
    if (branch.compare(target.branchCode, Qt::CaseInsensitive) != 0)
        return tr("el crédito %1 es de la agencia %2 y %3 es de la agencia %4")
            .arg(creditNumber, branch, nameOf(target.staff), target.branchCode);
    const auto rating = parseRating(q.value(0).toString());
    if (!rating)
        return tr("el crédito %1 tiene una calificación desconocida «%2»").arg(creditNumber, q.value(0).toString());
    return ratingRefusal(m_ratingRoles, creditNumber, *rating, target.staff.role);
}

bool BookingService::resetApproval(const BookingPerson &owner, QDate visitDate) const
{
    return clearRouteApproval(m_db, m_session, m_clock, owner.staff, visitDate);
}

BookResult BookingService::book(const QStringList &creditNumbers, qint64 staffId, QDate visitDate,
                                QDate cutOff) const
{
    BookResult r;
    const auto refuse = [&r](const QString &credit, const QString &reason) { r.refusals.append({credit, reason}); };
    const auto refused = [&r]() {
        r.summary = tr("No se agendó ningún crédito: %n motivo(s) lo impiden.", static_cast<int>(r.refusals.size()));
        return r;
    };
    Transaction tx(m_db);
    if (!tx.isActive()) {
        refuse({}, tr("no se pudo abrir la base de datos para agendar"));
        return refused();
    }
    if (creditNumbers.isEmpty())
        refuse({}, tr("no hay créditos que agendar"));
    if (!visitDate.isValid())
        refuse({}, tr("falta la fecha de la visita"));

    std::optional<BookingPerson> target = person(staffId);
    std::optional<BookingPerson> storeOn;
    BookingGrant grant;
    if (!target) {
        refuse({}, tr("no existe la persona %1 para quien se agenda").arg(staffId));
    } else {
        target = forWhom(*target);
        grant = bookingGrant(m_permissions, m_session, target->staff);
        if (!target->staff.active)
            refuse({}, tr("%1 está desactivado: no se le puede agendar").arg(nameOf(target->staff)));
        if (grant.refusal)
            refuse({}, *grant.refusal);
        else
            storeOn = grant.onPool ? person(target->staff.poolId) : target;
        if (!grant.refusal && !storeOn)
            refuse({}, tr("no existe el usuario compartido de cobranzas de %1").arg(nameOf(target->staff)));
    }
    if (const auto closed = closedMonthRefusal(m_db, visitDate))
        refuse({}, *closed);
    else if (const auto early = planningRefusal(RulesStore(m_db).calendar(visitDate.year(), visitDate.year()), visitDate))
        refuse({}, *early);
    if (visitDate.isValid()) {
        const QDateTime now = m_clock.now();
        switch (bookingWindow(m_windows, now, visitDate, grant.coordinatorOwn)) {
        case BookingWindow::Open: break;
        case BookingWindow::Closed:
            r.outsideWindow = m_permissions.allows(m_session.role, Permission::BookOutsideWindow);
            if (r.outsideWindow)
                break;
            [[fallthrough]];
        case BookingWindow::PastDate:
            refuse({}, bookingWindowRefusal(m_windows, now, visitDate, grant.coordinatorOwn));
        }
    }
    QSqlQuery snap = runQuery(m_db, QStringLiteral("SELECT id FROM snapshots WHERE cut_off = ?"), {iso(cutOff)});
    const qint64 snapshotId = snap.next() ? snap.value(0).toLongLong() : 0;
    if (snapshotId == 0)
        refuse({}, tr("no hay cartera importada con corte al %1").arg(dayText(cutOff)));

    QStringList seen;
    for (const QString &credit : creditNumbers) {
        if (seen.contains(credit)) {
            refuse(credit, tr("el crédito %1 aparece dos veces en la lista").arg(credit));
            continue;
        }
        seen.append(credit);
        if (!target || !visitDate.isValid())
            continue;
        if (const auto no = creditRefusal(credit, snapshotId, cutOff, *target, visitDate))
            refuse(credit, *no);
    }
    if (!r.refusals.isEmpty())
        return refused();

    const QString bookedAt = m_clock.now().toUTC().toString(Qt::ISODate);
    const QString source = grant.rezagado ? QStringLiteral("REZAGADO") : QStringLiteral("TRAY");
    QSqlQuery last = runQuery(m_db,
                              QStringLiteral("SELECT IFNULL(MAX(route_order), 0) FROM bookings WHERE worker_id = ? "
                                             "AND visit_date = ? AND cancelled_at IS NULL"),
                              {target->staff.id, iso(visitDate)});
    int order = last.next() ? last.value(0).toInt() : 0;
    const AuditLog audit(m_db, m_clock);
    const QString action = r.outsideWindow ? QStringLiteral("BOOKED_OUTSIDE_WINDOW") : QStringLiteral("BOOKED");
    for (const QString &credit : creditNumbers) {
        QSqlQuery ins = runQuery(m_db,
                                 QStringLiteral("INSERT INTO bookings(credit_number, visit_date, staff_id, worker_id, "
                                                "booked_by, booked_at, cut_off, route_order, source, outside_window) "
                                                "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {credit, iso(visitDate), storeOn->staff.id, target->staff.id, m_session.staffId,
                                  bookedAt, iso(cutOff), ++order, source, r.outsideWindow ? 1 : 0});
        // Read before the audit insert: SQLite's last row id belongs to the connection.
        const qint64 id = ins.isActive() ? ins.lastInsertId().toLongLong() : 0;
        if (id == 0
            || !audit.record(m_session, action, QStringLiteral("booking"), credit, {},
                             routeLabel(iso(visitDate), target->staff, storeOn->staff))) {
            r.bookingIds.clear();
            r.outsideWindow = false;
            refuse(credit, tr("no se pudo guardar el agendamiento del crédito %1").arg(credit));
            return refused();
        }
        r.bookingIds.append(id);
    }
    if (!resetApproval(*target, visitDate) || !tx.commit()) {
        r.bookingIds.clear();
        r.outsideWindow = false;
        refuse({}, tr("no se pudo guardar la hoja de ruta"));
        return refused();
    }
    r.ok = true;
    r.summary = tr("Se agendaron %n crédito(s) para el %1 a %2.", static_cast<int>(r.bookingIds.size()))
                    .arg(dayText(visitDate), nameOf(target->staff));
    return r;
}

bool BookingService::pivotOnPool(const BookingPerson &stored, const QString &creditNumber,
                                 const QString &cutOff) const
{
    // The pooled user serves every branch, so the Pivot's branch is checked on the credit instead.
    if (!stored.staff.pooled || !m_permissions.allows(m_session.role, Permission::BookRezagados))
        return false;
    QSqlQuery q = runQuery(m_db,
                           QStringLiteral("SELECT c.branch_code FROM snapshot_credits c JOIN snapshots s ON "
                                          "s.id = c.snapshot_id WHERE s.cut_off = ? AND c.credit_number = ?"),
                           {cutOff, creditNumber});
    return q.next() && q.value(0).toString().compare(m_session.branchCode, Qt::CaseInsensitive) == 0;
}

bool BookingService::unbook(qint64 bookingId, const QString &reason, QString *error) const
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (reason.trimmed().isEmpty())
        return fail(tr("indique el motivo para desagendar"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tr("no se pudo abrir la base de datos para desagendar"));
    QSqlQuery q = runQuery(m_db,
                           QStringLiteral("SELECT credit_number, visit_date, staff_id, cancelled_at IS NOT NULL, "
                                          "IFNULL(cut_off, ''), IFNULL(worker_id, staff_id) FROM bookings WHERE id = ?"),
                           {bookingId});
    if (!q.next())
        return fail(tr("no existe el agendamiento %1").arg(bookingId));
    const QString credit = q.value(0).toString();
    const QDate visitDate = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    if (q.value(3).toBool())
        return fail(tr("el crédito %1 ya fue desagendado del %2").arg(credit, dayText(visitDate)));
    if (const auto closed = closedMonthRefusal(m_db, visitDate))
        return fail(*closed);
    const std::optional<BookingPerson> stored = person(q.value(2).toLongLong());
    const std::optional<BookingPerson> worker = person(q.value(5).toLongLong());
    if (!stored || !worker)
        return fail(tr("no existe la persona del agendamiento %1").arg(bookingId));
    // The pooled user is only storage: the rules are those of the person who makes the visit.
    const BookingPerson target = forWhom(*worker);
    const BookingGrant grant = bookingGrant(m_permissions, m_session, target.staff);
    if (grant.refusal && !pivotOnPool(*stored, credit, q.value(4).toString()))
        return fail(*grant.refusal);
    const QDateTime now = m_clock.now();
    const BookingWindow window = bookingWindow(m_windows, now, visitDate, grant.coordinatorOwn);
    if (window == BookingWindow::PastDate
        || (window == BookingWindow::Closed && !m_permissions.allows(m_session.role, Permission::BookOutsideWindow)))
        return fail(bookingWindowRefusal(m_windows, now, visitDate, grant.coordinatorOwn));

    QSqlQuery up = runQuery(m_db,
                            QStringLiteral("UPDATE bookings SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? "
                                           "WHERE id = ?"),
                            {now.toUTC().toString(Qt::ISODate), m_session.staffId, reason.trimmed(), bookingId});
    if (!up.isActive()
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("UNBOOKED"), QStringLiteral("booking"), credit,
                        routeLabel(iso(visitDate), worker->staff, stored->staff), reason.trimmed())
        || !resetApproval(*worker, visitDate) || !tx.commit())
        return fail(tr("no se pudo desagendar el crédito %1").arg(credit));
    return true;
}

bool BookingService::reorder(qint64 workerId, QDate visitDate, const QList<qint64> &bookingIds, QString *error) const
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tr("no se pudo abrir la base de datos para ordenar la ruta"));
    const std::optional<BookingPerson> worker = person(workerId);
    if (!worker)
        return fail(tr("no existe la persona %1").arg(workerId));
    if (const auto no = routeChangeRefusal(m_permissions, m_session, worker->staff, m_windows, m_clock.now(), visitDate))
        return fail(*no);
    if (const auto closed = closedMonthRefusal(m_db, visitDate))
        return fail(*closed);

    QSqlQuery q = runQuery(m_db,
                           QStringLiteral("SELECT id FROM bookings WHERE worker_id = ? AND visit_date = ? "
                                          "AND cancelled_at IS NULL ORDER BY route_order, id"),
                           {workerId, iso(visitDate)});
    QList<qint64> current;
    while (q.next())
        current.append(q.value(0).toLongLong());
    QList<qint64> wanted = bookingIds;
    QList<qint64> a = current;
    std::sort(a.begin(), a.end());
    std::sort(wanted.begin(), wanted.end());
    if (a != wanted)
        return fail(tr("la hoja de ruta de %1 cambió mientras la ordenaba: vuelva a abrirla.").arg(nameOf(worker->staff)));
    if (current == bookingIds)
        return true; // nothing moved: the approval stands
    for (int i = 0; i < bookingIds.size(); ++i)
        if (!runQuery(m_db, QStringLiteral("UPDATE bookings SET route_order = ? WHERE id = ?"), {i + 1, bookingIds[i]})
                 .isActive())
            return fail(tr("no se pudo guardar el orden de la ruta"));
    QStringList order;
    for (qint64 id : bookingIds)
        order.append(QString::number(id));
    if (!AuditLog(m_db, m_clock)
             .record(m_session, QStringLiteral("ROUTE_REORDERED"), QStringLiteral("route_sheet"),
                     QStringLiteral("%1 %2").arg(worker->staff.username, iso(visitDate)), {}, order.join(u' '))
        || !resetApproval(*worker, visitDate) || !tx.commit())
        return fail(tr("no se pudo guardar el orden de la ruta"));
    return true;
}

} // namespace cobranza
