#include "approvalservice.h"

#include "datetext.h"
#include "audit/auditlog.h"
#include "routes/bookingrules.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s, int n = -1)
{
    return QCoreApplication::translate("cobranza::ApprovalService", s, nullptr, n);
}
QString nameOf(const StaffMember &s) { return s.fullName.isEmpty() ? s.username : s.fullName; }
QString iso(QDate d) { return d.toString(Qt::ISODate); }

} // namespace

std::optional<QString> approvalRefusal(const PermissionTable &table, const Session &actor, const StaffMember &worker)
{
    if (actor.staffId == worker.id)
        return tr("nadie da el visto bueno a su propia hoja de ruta: la de %1 la aprueba el %2.")
            .arg(roleLabel(worker.role),
                 worker.role == Role::AsesorNegocios ? roleLabel(Role::CoordinadorAgencia)
                                                      : roleLabel(Role::PivotCredito));
    Permission needed = Permission::ApproveCollectionsSheets;
    switch (worker.role) {
    case Role::AsesorNegocios: needed = Permission::ApproveAdvisorSheets; break;
    case Role::CoordinadorAgencia:
    case Role::OficialCobranzas: break;
    default: return tr("%1 es %2: su cargo no tiene hoja de ruta que aprobar.").arg(nameOf(worker), roleLabel(worker.role));
    }
    if (!table.allows(actor.role, needed))
        return tr("la hoja de ruta de %1 (%2) la aprueba el %3, no el %4.")
            .arg(nameOf(worker), roleLabel(worker.role),
                 roleLabel(needed == Permission::ApproveAdvisorSheets ? Role::CoordinadorAgencia : Role::PivotCredito),
                 roleLabel(actor.role));
    // The pooled user serves every branch; everyone else is approved within his own branch.
    if (!worker.pooled && (actor.branchId == 0 || actor.branchId != worker.branchId))
        return tr("%1 no pertenece a su agencia: solo aprueba hojas de ruta de su agencia.").arg(nameOf(worker));
    return std::nullopt;
}

std::optional<QString> routeChangeRefusal(const PermissionTable &table, const Session &actor, const StaffMember &worker,
                                          const TimeWindows &windows, const QDateTime &now, QDate visitDate)
{
    const BookingGrant grant = bookingGrant(table, actor, worker);
    if (grant.refusal && approvalRefusal(table, actor, worker))
        return grant.refusal;
    const BookingWindow window = bookingWindow(windows, now, visitDate, grant.coordinatorOwn);
    if (window == BookingWindow::PastDate
        || (window == BookingWindow::Closed && !table.allows(actor.role, Permission::BookOutsideWindow)))
        return bookingWindowRefusal(windows, now, visitDate, grant.coordinatorOwn);
    return std::nullopt;
}

bool ApprovalService::approve(qint64 workerId, QDate visitDate, QString *error) const
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tr("no se pudo abrir la base de datos para aprobar"));
    const std::optional<StaffMember> worker = DirectoryStore(m_db).staffById(workerId);
    if (!worker)
        return fail(tr("no existe la persona %1").arg(workerId));
    if (const auto no = approvalRefusal(m_permissions, m_session, *worker))
        return fail(*no);

    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE worker_id = ? AND visit_date = ? "
                             "AND cancelled_at IS NULL"));
    q.addBindValue(workerId);
    q.addBindValue(iso(visitDate));
    if (!q.exec() || !q.next())
        return fail(tr("no se pudo leer la hoja de ruta"));
    const int visits = q.value(0).toInt();
    if (visits == 0)
        return fail(tr("la hoja de ruta de %1 del %2 no tiene visitas: no hay nada que aprobar.")
                        .arg(nameOf(*worker), dayText(visitDate)));
    q.prepare(QStringLiteral("SELECT approved_at IS NOT NULL, revision FROM route_sheets WHERE staff_id = ? "
                             "AND visit_date = ?"));
    q.addBindValue(workerId);
    q.addBindValue(iso(visitDate));
    q.exec();
    const bool exists = q.next();
    if (exists && q.value(0).toBool())
        return fail(tr("la hoja de ruta de %1 del %2 ya tiene visto bueno.").arg(nameOf(*worker), dayText(visitDate)));
    const int revision = exists ? q.value(1).toInt() : 0;

    const QString at = m_clock.now().toUTC().toString(Qt::ISODate);
    QSqlQuery up(m_db.connection());
    up.prepare(QStringLiteral("INSERT INTO route_sheets(staff_id, visit_date, revision, approved_by, approved_at) "
                              "VALUES(?, ?, ?, ?, ?) ON CONFLICT(staff_id, visit_date) DO UPDATE SET "
                              "approved_by = excluded.approved_by, approved_at = excluded.approved_at"));
    up.addBindValue(workerId);
    up.addBindValue(iso(visitDate));
    up.addBindValue(revision);
    up.addBindValue(m_session.staffId);
    up.addBindValue(at);
    if (!up.exec()
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("APPROVED"), QStringLiteral("route_sheet"),
                        QStringLiteral("%1 %2").arg(worker->username, iso(visitDate)), {},
                        tr("%n visita(s), revisión %1", visits).arg(revision))
        || !tx.commit())
        return fail(tr("no se pudo guardar el visto bueno"));
    return true;
}

} // namespace cobranza
