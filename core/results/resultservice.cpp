#include "resultservice.h"

#include "datetext.h"
#include "audit/auditlog.h"
#include "notices/noticeservice.h"
#include "results/resultrules.h"
#include "routes/bookingservice.h"
#include "supervision/monthclose.h"
#include "store/database.h"
#include "store/query.h"
#include "store/directorystore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ResultService", s); }
QString iso(QDate d) { return d.toString(Qt::ISODate); }
QDate dateOf(const QVariant &v) { return QDate::fromString(v.toString(), Qt::ISODate); }
QVariant nullable(QDate d) { return d.isValid() ? QVariant(iso(d)) : QVariant(QMetaType(QMetaType::QString)); }

// The visit a result belongs to, as stored.
struct Booking
{
    qint64 id = 0;
    QString credit;
    QDate visitDate;
    qint64 notifierId = 0;
    qint64 workerId = 0;
    QString source;
    bool cancelled = false;
    QString cutOff;
};

std::optional<Booking> bookingOf(const Database &db, qint64 id)
{
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT credit_number, visit_date, staff_id, IFNULL(worker_id, staff_id), source, "
                                     "cancelled_at IS NOT NULL, cut_off FROM bookings WHERE id = ?"),
                      {id});
    if (!q.next())
        return std::nullopt;
    return Booking{id, q.value(0).toString(), dateOf(q.value(1)), q.value(2).toLongLong(), q.value(3).toLongLong(),
                   q.value(4).toString(), q.value(5).toBool(), q.value(6).toString()};
}

// One line for the audit trail: what the result says.
QString describe(const VisitResult &r)
{
    QStringList parts{visitStateLabel(r.state)};
    if (r.visitTime)
        parts << r.visitTime->toString(QStringLiteral("HH:mm"));
    if (!r.justification.isEmpty())
        parts << r.justification;
    if (!r.agreement.isEmpty())
        parts << tr("acuerdo: %1").arg(r.agreement);
    if (r.agreementDate.isValid())
        parts << tr("fecha de acuerdo %1").arg(dayText(r.agreementDate));
    if (r.promisedAmount)
        parts << tr("promete %1").arg(r.promisedAmount->toDisplayString());
    if (r.noticeDelivered)
        parts << tr("entregó %1").arg(noticeTypeCode(*r.noticeDelivered));
    if (r.rescheduleDate.isValid())
        parts << tr("reagendado al %1").arg(dayText(r.rescheduleDate));
    if (r.collected)
        parts << tr("recaudó %1 (recibo %2)").arg(r.collected->toDisplayString(), r.receiptNumber);
    return parts.join(QStringLiteral(" · "));
}

ResultOutcome refused(ResultField field, const QString &message)
{
    ResultOutcome o;
    o.problems.append({field, message});
    o.summary = message;
    return o;
}

} // namespace

QStringList ResultOutcome::messages() const
{
    QStringList out;
    for (const ResultProblem &p : problems)
        out.append(p.message);
    return out;
}

ResultService::ResultService(const Database &db, Session session, PermissionTable permissions, TimeWindows windows,
                             WorkingCalendar calendar, const Clock &clock)
    : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_windows(std::move(windows)),
      m_calendar(std::move(calendar)), m_clock(clock)
{
}

std::optional<StoredResult> ResultService::load(qint64 bookingId) const
{
    QSqlQuery q = runQuery(m_db,
                      QStringLiteral("SELECT r.state, r.visit_time, r.justification, r.agreement, r.agreement_date, "
                                     "r.notice_delivered, r.reschedule_date, r.collected_cents, r.receipt_number, "
                                     "r.late, r.entered_at, IFNULL(s.username, ''), p.amount_cents "
                                     "FROM visit_results r LEFT JOIN staff s ON s.id = r.entered_by "
                                     "LEFT JOIN promises p ON p.booking_id = r.booking_id WHERE r.booking_id = ?"),
                      {bookingId});
    if (!q.next())
        return std::nullopt;
    StoredResult s;
    VisitResult &r = s.result;
    r.bookingId = bookingId;
    r.state = parseVisitState(q.value(0).toString()).value_or(VisitState::Visitado);
    if (!q.value(1).isNull())
        r.visitTime = QTime::fromString(q.value(1).toString(), QStringLiteral("HH:mm"));
    r.justification = q.value(2).toString();
    r.agreement = q.value(3).toString();
    r.agreementDate = dateOf(q.value(4));
    if (!q.value(5).isNull())
        r.noticeDelivered = parseNoticeType(q.value(5).toString());
    r.rescheduleDate = dateOf(q.value(6));
    if (!q.value(7).isNull())
        r.collected = Money::fromCents(q.value(7).toLongLong());
    r.receiptNumber = q.value(8).toString();
    if (!q.value(12).isNull())
        r.promisedAmount = Money::fromCents(q.value(12).toLongLong());
    s.late = q.value(9).toBool();
    QDateTime at = QDateTime::fromString(q.value(10).toString(), Qt::ISODate);
    at.setTimeSpec(Qt::UTC);
    s.enteredAt = at.toLocalTime();
    s.enteredBy = q.value(11).toString();
    return s;
}

ResultOutcome ResultService::save(const VisitResult &result) const
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return refused(ResultField::State, tr("no se pudo abrir la base de datos para guardar el resultado"));
    ResultOutcome o = saveInTransaction(result);
    if (o.ok && !tx.commit())
        return refused(ResultField::State, tr("no se pudo guardar el resultado"));
    return o;
}

ResultOutcome ResultService::saveInTransaction(VisitResult r) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::EnterOwnResults))
        return refused(ResultField::State, *no);
    const std::optional<Booking> b = bookingOf(m_db, r.bookingId);
    if (!b)
        return refused(ResultField::State, tr("no existe la visita %1").arg(r.bookingId));
    if (b->cancelled)
        return refused(ResultField::State,
                       tr("la visita al crédito %1 del %2 fue desagendada: no lleva resultado.").arg(b->credit, dayText(b->visitDate)));
    if (b->workerId != m_session.staffId)
        return refused(ResultField::State, tr("solo quien hizo la visita registra su resultado."));
    if (const auto closed = closedMonthRefusal(m_db, b->visitDate))
        return refused(ResultField::State, *closed);
    const QDateTime now = m_clock.now();
    if (b->visitDate > now.date())
        return refused(ResultField::State,
                       tr("la visita es del %1: su resultado se registra desde ese día.").arg(dayText(b->visitDate)));

    // The justification and agreement as stored; the rules look at the text beyond the initials.
    const QString body = justificationBody(r.justification, m_session.initials);
    r.justification = body.isEmpty() ? QString() : withInitials(body, m_session.initials);
    r.agreement = resultText(r.agreement);
    r.receiptNumber = r.receiptNumber.trimmed();
    ResultContext context;
    context.visitDate = b->visitDate;
    context.ownInitiative = b->source == QLatin1String("PROPIA");
    context.windows = m_windows;
    context.initials = m_session.initials;
    QSqlQuery promise = runQuery(m_db,
                            QStringLiteral("SELECT 1 FROM promises WHERE credit_number = ? AND promised_on = ? "
                                           "AND booking_id <> ?"),
                            {b->credit, iso(b->visitDate), b->id});
    context.promiseVisit = promise.next();
    ResultOutcome o;
    o.bookingId = b->id;
    o.problems = resultProblems(r, context);
    if (r.noticeDelivered) {
        // A notice is delivered on paper: only one printed for this episode of arrears can be.
        QSqlQuery days = runQuery(m_db,
                             QStringLiteral("SELECT c.days_past_due, s.cut_off FROM snapshot_credits c JOIN snapshots s "
                                            "ON s.id = c.snapshot_id WHERE c.credit_number = ? AND s.cut_off <= ? "
                                            "ORDER BY s.cut_off DESC LIMIT 1"),
                             {b->credit, iso(b->visitDate)});
        const QDate episode = days.next() ? episodeStartOf(dateOf(days.value(1)), days.value(0).toInt())
                                          : b->visitDate.addDays(-365);
        if (!noticePrintedSince(m_db, b->credit, *r.noticeDelivered, episode))
            o.problems.append({ResultField::Notice,
                               tr("la %1 del crédito %2 no se ha impreso en esta mora: imprímala antes de registrarla "
                                  "como entregada.")
                                   .arg(noticeTypeLabel(*r.noticeDelivered), b->credit)});
    }
    if (!o.problems.isEmpty()) {
        o.summary = tr("No se guardó el resultado del crédito %1: %2").arg(b->credit, o.problems.first().message);
        return o;
    }

    const std::optional<StoredResult> before = load(b->id);
    o.late = before ? before->late : isLateEntry(b->visitDate, now, m_calendar, m_windows);
    const QString at = now.toUTC().toString(Qt::ISODate);
    const QVariant time = r.visitTime ? QVariant(r.visitTime->toString(QStringLiteral("HH:mm")))
                                      : QVariant(QMetaType(QMetaType::QString));
    const QVariant notice = r.noticeDelivered ? QVariant(noticeTypeCode(*r.noticeDelivered))
                                              : QVariant(QMetaType(QMetaType::QString));
    const QVariant collected = r.collected ? QVariant(r.collected->cents()) : QVariant(QMetaType(QMetaType::LongLong));
    // A correction keeps who entered it first and when, so the late mark stays what it was.
    QSqlQuery write = runQuery(m_db,
                          QStringLiteral("INSERT INTO visit_results(booking_id, state, visit_time, justification, agreement, "
                                         "agreement_date, notice_delivered, reschedule_date, collected_cents, receipt_number, "
                                         "entered_by, entered_at, late) VALUES(?, ?, ?, IFNULL(?, ''), IFNULL(?, ''), ?, ?, ?, ?, ?, ?, ?, ?) "
                                         "ON CONFLICT(booking_id) DO UPDATE SET state = excluded.state, "
                                         "visit_time = excluded.visit_time, justification = excluded.justification, "
                                         "agreement = excluded.agreement, agreement_date = excluded.agreement_date, "
                                         "notice_delivered = excluded.notice_delivered, "
                                         "reschedule_date = excluded.reschedule_date, "
                                         "collected_cents = excluded.collected_cents, receipt_number = excluded.receipt_number"),
                          {b->id, visitStateCode(r.state), time, r.justification, r.agreement, nullable(r.agreementDate),
                           notice, nullable(r.rescheduleDate), collected,
                           r.receiptNumber.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.receiptNumber),
                           m_session.staffId, at, o.late ? 1 : 0});
    if (!write.isActive())
        return refused(ResultField::State, tr("no se pudo guardar el resultado: %1").arg(write.lastError().text()));

    // The promise to pay follows the result: a judged one is history and stays as judged.
    QSqlQuery judged = runQuery(m_db, QStringLiteral("SELECT outcome IS NOT NULL FROM promises WHERE booking_id = ?"), {b->id});
    const bool hadPromise = judged.next();
    if (!hadPromise || !judged.value(0).toBool()) {
        QSqlQuery p = r.isPromise()
                          ? runQuery(m_db,
                                QStringLiteral("INSERT INTO promises(booking_id, credit_number, promised_on, amount_cents) "
                                               "VALUES(?, ?, ?, ?) ON CONFLICT(booking_id) DO UPDATE SET "
                                               "promised_on = excluded.promised_on, amount_cents = excluded.amount_cents"),
                                {b->id, b->credit, iso(r.agreementDate),
                                 r.promisedAmount ? QVariant(r.promisedAmount->cents())
                                                  : QVariant(QMetaType(QMetaType::LongLong))})
                          : runQuery(m_db, QStringLiteral("DELETE FROM promises WHERE booking_id = ?"), {b->id});
        if (!p.isActive())
            return refused(ResultField::AgreementDate, tr("no se pudo guardar la promesa de pago"));
    }
    if (!reschedule(b->id, r.rescheduleDate, &o))
        return o;

    const bool ok = AuditLog(m_db, m_clock)
                        .record(m_session, before ? QStringLiteral("RESULT_CHANGED") : QStringLiteral("RESULT_ENTERED"),
                                QStringLiteral("visit_result"), b->credit,
                                before ? describe(before->result) : QString(),
                                QStringLiteral("%1 %2%3").arg(iso(b->visitDate), describe(r),
                                                              o.late ? tr(" (fuera de plazo)") : QString()));
    if (!ok)
        return refused(ResultField::State, tr("no se pudo registrar el resultado en la auditoría"));
    o.ok = true;
    o.summary = o.late ? tr("Resultado del crédito %1 guardado fuera de plazo: vencía el %2.")
                             .arg(b->credit, resultsDueAt(b->visitDate, m_calendar, m_windows)
                                                 .toString(QStringLiteral("dd/MM/yyyy HH:mm")))
                       : tr("Resultado del crédito %1 guardado.").arg(b->credit);
    return o;
}

bool ResultService::reschedule(qint64 bookingId, QDate newDate, ResultOutcome *o) const
{
    const std::optional<Booking> b = bookingOf(m_db, bookingId);
    QSqlQuery existing = runQuery(m_db,
                             QStringLiteral("SELECT id, visit_date FROM bookings WHERE rescheduled_from = ? "
                                            "AND cancelled_at IS NULL"),
                             {bookingId});
    const QString now = m_clock.now().toUTC().toString(Qt::ISODate);
    const auto fail = [o](const QString &message) {
        *o = refused(ResultField::Reschedule, message);
        return false;
    };
    const std::optional<StaffMember> worker = DirectoryStore(m_db).staffById(b->workerId);
    if (!worker)
        return fail(tr("no existe la persona de la visita"));
    if (existing.next()) {
        const qint64 previousId = existing.value(0).toLongLong();
        const QDate previous = dateOf(existing.value(1));
        if (previous == newDate) {
            o->rescheduledBookingId = previousId;
            return true;
        }
        // The earlier new date is given up: that visit is taken off its day, with the reason.
        if (!runQuery(m_db,
                 QStringLiteral("UPDATE bookings SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?"),
                 {now, m_session.staffId, tr("REAGENDAMIENTO CAMBIADO"), previousId})
                 .isActive()
            || !clearRouteApproval(m_db, m_session, m_clock, *worker, previous))
            return fail(tr("no se pudo cambiar el reagendamiento"));
    }
    if (!newDate.isValid())
        return true;
    QSqlQuery taken = runQuery(m_db,
                          QStringLiteral("SELECT IIF(s.full_name = '', s.username, s.full_name) FROM bookings b JOIN staff s "
                                         "ON s.id = IFNULL(b.worker_id, b.staff_id) WHERE b.credit_number = ? AND "
                                         "b.visit_date = ? AND b.cancelled_at IS NULL"),
                          {b->credit, iso(newDate)});
    if (taken.next())
        return fail(tr("el crédito %1 ya está agendado para el %2 a %3.").arg(b->credit, dayText(newDate),
                                                                             taken.value(0).toString()));
    QSqlQuery last = runQuery(m_db,
                         QStringLiteral("SELECT IFNULL(MAX(route_order), 0) FROM bookings WHERE worker_id = ? "
                                        "AND visit_date = ? AND cancelled_at IS NULL"),
                         {b->workerId, iso(newDate)});
    const int order = last.next() ? last.value(0).toInt() + 1 : 1;
    QSqlQuery ins = runQuery(m_db,
                        QStringLiteral("INSERT INTO bookings(credit_number, visit_date, staff_id, worker_id, booked_by, "
                                       "booked_at, cut_off, route_order, source, rescheduled_from) "
                                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, 'RESCHEDULE', ?)"),
                        {b->credit, iso(newDate), b->notifierId, b->workerId, m_session.staffId, now,
                         b->cutOff.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(b->cutOff), order,
                         bookingId});
    o->rescheduledBookingId = ins.isActive() ? ins.lastInsertId().toLongLong() : 0;
    if (o->rescheduledBookingId == 0 || !clearRouteApproval(m_db, m_session, m_clock, *worker, newDate))
        return fail(tr("no se pudo agendar la visita del %1").arg(dayText(newDate)));
    return AuditLog(m_db, m_clock)
               .record(m_session, QStringLiteral("RESCHEDULED"), QStringLiteral("booking"), b->credit,
                       iso(b->visitDate), QStringLiteral("%1 → %2").arg(iso(newDate), worker->username))
           || fail(tr("no se pudo registrar el reagendamiento en la auditoría"));
}

ResultOutcome ResultService::saveOwnInitiative(const QString &creditNumber, QDate workDay, VisitResult r) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::EnterOwnResults))
        return refused(ResultField::State, *no);
    if (!workDay.isValid() || workDay > m_clock.today())
        return refused(ResultField::State, tr("la gestión propia se registra el día que se hizo, no antes."));
    Transaction tx(m_db);
    if (!tx.isActive())
        return refused(ResultField::State, tr("no se pudo abrir la base de datos para guardar el resultado"));
    // The cut-off in force that day, so the visit shows the figures the member had then.
    QSqlQuery snap = runQuery(m_db,
                         QStringLiteral("SELECT s.cut_off FROM snapshot_credits c JOIN snapshots s ON s.id = c.snapshot_id "
                                        "WHERE c.credit_number = ? ORDER BY (s.cut_off <= ?) DESC, s.cut_off DESC LIMIT 1"),
                         {creditNumber, iso(workDay)});
    if (!snap.next())
        return refused(ResultField::State, tr("el crédito %1 no está en ningún corte importado.").arg(creditNumber));
    const QString cutOff = snap.value(0).toString();
    QSqlQuery taken = runQuery(m_db,
                          QStringLiteral("SELECT id, IFNULL(worker_id, staff_id) FROM bookings WHERE credit_number = ? "
                                         "AND visit_date = ? AND cancelled_at IS NULL"),
                          {creditNumber, iso(workDay)});
    qint64 bookingId = 0;
    if (taken.next()) {
        if (taken.value(1).toLongLong() != m_session.staffId)
            return refused(ResultField::State, tr("el crédito %1 ya estaba agendado el %2 a otra persona: el "
                                                  "resultado lo registra ella.")
                                                   .arg(creditNumber, dayText(workDay)));
        return refused(ResultField::State, tr("el crédito %1 ya está en su agenda del %2: registre allí su resultado.")
                                               .arg(creditNumber, dayText(workDay)));
    }
    const std::optional<StaffMember> me = DirectoryStore(m_db).staffById(m_session.staffId);
    if (!me)
        return refused(ResultField::State, tr("no existe su usuario"));
    const qint64 notifier = me->role == Role::OficialCobranzas && me->poolId != 0 ? me->poolId : me->id;
    QSqlQuery last = runQuery(m_db,
                         QStringLiteral("SELECT IFNULL(MAX(route_order), 0) FROM bookings WHERE worker_id = ? "
                                        "AND visit_date = ? AND cancelled_at IS NULL"),
                         {me->id, iso(workDay)});
    const int order = last.next() ? last.value(0).toInt() + 1 : 1;
    QSqlQuery ins = runQuery(m_db,
                        QStringLiteral("INSERT INTO bookings(credit_number, visit_date, staff_id, worker_id, booked_by, "
                                       "booked_at, cut_off, route_order, source) VALUES(?, ?, ?, ?, ?, ?, ?, ?, 'PROPIA')"),
                        {creditNumber, iso(workDay), notifier, me->id, me->id,
                         m_clock.now().toUTC().toString(Qt::ISODate), cutOff, order});
    bookingId = ins.isActive() ? ins.lastInsertId().toLongLong() : 0;
    if (bookingId == 0
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("OWN_INITIATIVE"), QStringLiteral("booking"), creditNumber, {},
                        QStringLiteral("%1 → %2").arg(iso(workDay), me->username)))
        return refused(ResultField::State, tr("no se pudo añadir el crédito %1 a su día").arg(creditNumber));
    r.bookingId = bookingId;
    r.state = VisitState::GestionPropia;
    ResultOutcome o = saveInTransaction(r);
    if (o.ok && !tx.commit())
        return refused(ResultField::State, tr("no se pudo guardar el resultado"));
    return o; // a refused result rolls the added visit back with it
}

} // namespace cobranza
