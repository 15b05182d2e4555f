#include "credittimeline.h"

#include "datetext.h"
#include "noticetype.h"
#include "rating.h"
#include "results/promisejudge.h"
#include "store/database.h"
#include "supervision/verificationservice.h"
#include "visitstate.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

namespace cobranza {

namespace {

using Kind = CreditEvent::Kind;
using Tone = CreditEvent::Tone;

QString tr(const char *s) { return QCoreApplication::translate("cobranza::CreditTimeline", s); }

QDate isoDate(const QVariant &v) { return QDate::fromString(v.toString(), Qt::ISODate); }
std::optional<Money> optionalMoney(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<Money>(Money::fromCents(v.toLongLong()));
}

// Instants are stored as ISO UTC text; the expediente reads in the branch's wall clock.
QDateTime localFromUtc(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime) // written without a zone: it was UTC all the same
        t.setTimeSpec(Qt::UTC);
    return t.toLocalTime();
}

QDateTime startOf(QDate d) { return QDateTime(d, QTime(0, 0)); }

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qWarning("loadCreditTimeline (%s): %s", what, qPrintable(q.lastError().text()));
    return false;
}

// The order of events of the same moment: the order in which the work happens. Bookings,
// un-bookings and re-schedulings share a rank: they stay in the order they were made.
int rank(Kind k)
{
    switch (k) {
    case Kind::Booked:
    case Kind::Unbooked:
    case Kind::Rescheduled: return 0;
    case Kind::Notice: return 1;
    case Kind::Result: return 2;
    case Kind::Collected: return 3;
    case Kind::Promise: return 4;
    case Kind::Snapshot: return 5;
    case Kind::LeftReport: return 6;
    case Kind::PromiseJudged: return 7;
    }
    return 8;
}

// A credit's row on one cut-off, as the expediente tells it.
struct Point
{
    qint64 snapshotId = 0;
    QDate cutOff;
    int daysPastDue = 0;
    std::optional<Rating> rating;
    std::optional<Rating> previousRating;
    Money balance;
    Money overdue;
    int overdueInstallments = 0;
    QString officer;
};

QString daysText(int days)
{
    if (days == 0)
        return tr("al día");
    return days == 1 ? tr("1 día de mora") : tr("%1 días de mora").arg(days);
}

QString ratingText(const std::optional<Rating> &r) { return r ? ratingCode(*r) : QStringLiteral("?"); }

// The cut-off's line: its title says what changed since the credit's previous cut-off.
CreditEvent snapshotEvent(const Point &p, const Point *previous, bool returned, bool firstEver)
{
    CreditEvent e;
    e.kind = Kind::Snapshot;
    e.at = startOf(p.cutOff);
    e.dateOnly = true;
    // No amount: the column is for money people moved (collected, promised); the report's
    // overdue amount is told in the detail.
    const bool compared = previous && !returned;
    const bool worse = compared && p.rating && previous->rating && isWorse(*p.rating, *previous->rating);
    const bool better = compared && p.rating && previous->rating && isWorse(*previous->rating, *p.rating);

    QString days = daysText(p.daysPastDue);
    if (compared && previous->daysPastDue != p.daysPastDue)
        days += tr(" (antes %1)")
                    .arg(previous->daysPastDue == 0 ? tr("al día") : QString::number(previous->daysPastDue));
    QString rating = tr("calificación %1").arg(ratingText(p.rating));
    if (worse || better)
        rating += tr(" (antes %1)").arg(ratingCode(*previous->rating));
    QStringList parts{days, rating};
    if (p.rating && p.previousRating && isWorse(*p.rating, *p.previousRating))
        parts << tr("reclasificado desde %1 (cierre del mes anterior)").arg(ratingCode(*p.previousRating));
    if (p.overdueInstallments > 0)
        parts << (p.overdueInstallments == 1 ? tr("vencido %1 (1 cuota)").arg(p.overdue.toDisplayString())
                                             : tr("vencido %1 (%2 cuotas)")
                                                   .arg(p.overdue.toDisplayString())
                                                   .arg(p.overdueInstallments));
    else if (!p.overdue.isZero())
        parts << tr("vencido %1").arg(p.overdue.toDisplayString());
    parts << tr("saldo %1").arg(p.balance.toDisplayString());
    if (previous && previous->officer.compare(p.officer, Qt::CaseInsensitive) != 0)
        parts << tr("oficial %1 → %2").arg(previous->officer, p.officer);
    else if (!previous)
        parts << tr("oficial %1").arg(p.officer);
    e.detail = parts.join(QStringLiteral(" · "));

    if (returned) {
        e.title = tr("Volvió al reporte de cartera");
        e.tone = p.daysPastDue > 0 ? Tone::Bad : Tone::Neutral;
    } else if (!previous) {
        e.title = firstEver ? tr("Corte de cartera") : tr("Ingresó al reporte de cartera");
        e.tone = p.daysPastDue > 0 && !firstEver ? Tone::Bad : Tone::Neutral;
    } else if (previous->daysPastDue == 0 && p.daysPastDue > 0) {
        e.title = tr("Corte: cayó en mora");
        e.tone = Tone::Bad;
    } else if (previous->daysPastDue > 0 && p.daysPastDue == 0) {
        e.title = tr("Corte: se puso al día");
        e.tone = Tone::Good;
    } else if (worse) {
        e.title = tr("Corte: empeoró la calificación");
        e.tone = Tone::Bad;
    } else if (better) {
        e.title = tr("Corte: mejoró la calificación");
        e.tone = Tone::Good;
    } else {
        e.title = tr("Corte de cartera");
        e.routine = previous->officer.compare(p.officer, Qt::CaseInsensitive) == 0;
    }
    return e;
}

CreditEvent leftReportEvent(QDate cutOff, const Point &last)
{
    CreditEvent e;
    e.kind = Kind::LeftReport;
    e.at = startOf(cutOff);
    e.dateOnly = true;
    e.title = tr("Salió del reporte de cartera");
    // The report lists overdue credits and those about to fall due: leaving it means paid up or paid off.
    e.detail = last.daysPastDue > 0
                   ? tr("No figura en el corte del %1: se puso al día o se canceló (tenía %2).")
                         .arg(dayText(cutOff), daysText(last.daysPastDue))
                   : tr("No figura en el corte del %1.").arg(dayText(cutOff));
    e.tone = last.daysPastDue > 0 ? Tone::Good : Tone::Neutral;
    return e;
}

void addSnapshots(const Database &db, const QString &creditNumber, QList<CreditEvent> *out,
                  QHash<QDate, Point> *byCutOff)
{
    // Every cut-off held (a few hundred rows at most), to see the ones that no longer list the credit.
    QSqlQuery all(db.connection());
    all.setForwardOnly(true);
    all.prepare(QStringLiteral("SELECT id, cut_off FROM snapshots ORDER BY cut_off"));
    QList<QDate> cutOffs;
    QHash<qint64, qsizetype> indexOf;
    if (!run(all, "snapshots"))
        return;
    while (all.next()) {
        indexOf.insert(all.value(0).toLongLong(), cutOffs.size());
        cutOffs.append(isoDate(all.value(1)));
    }

    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.id, s.cut_off, sc.days_past_due, sc.rating, sc.previous_rating, sc.balance_cents, sc.overdue_cents, "
        "sc.overdue_installments, sc.officer "
        "FROM snapshot_credits sc JOIN snapshots s ON s.id = sc.snapshot_id "
        "WHERE sc.credit_number = ? ORDER BY s.cut_off"));
    q.addBindValue(creditNumber);
    if (!run(q, "history"))
        return;
    std::optional<Point> previous;
    qsizetype previousIndex = -1;
    while (q.next()) {
        Point p;
        p.snapshotId = q.value(0).toLongLong();
        p.cutOff = isoDate(q.value(1));
        p.daysPastDue = q.value(2).toInt();
        p.rating = parseRating(q.value(3).toString());
        p.previousRating = parseRating(q.value(4).toString());
        p.balance = Money::fromCents(q.value(5).toLongLong());
        p.overdue = Money::fromCents(q.value(6).toLongLong());
        p.overdueInstallments = q.value(7).toInt();
        p.officer = q.value(8).toString();
        const qsizetype index = indexOf.value(p.snapshotId, -1);
        const bool returned = previous && index > previousIndex + 1;
        if (returned)
            out->append(leftReportEvent(cutOffs.at(previousIndex + 1), *previous));
        out->append(snapshotEvent(p, previous ? &*previous : nullptr, returned, index == 0));
        byCutOff->insert(p.cutOff, p);
        previous = p;
        previousIndex = index;
    }
    // The newest cut-off is where the credit stands now: never routine.
    for (auto it = out->rbegin(); it != out->rend(); ++it)
        if (it->kind == Kind::Snapshot) {
            it->routine = false;
            break;
        }
    if (previous && previousIndex >= 0 && previousIndex + 1 < cutOffs.size())
        out->append(leftReportEvent(cutOffs.at(previousIndex + 1), *previous));
}

// The staff member's name as the expediente shows it; the SQL gives NULL for nobody.
QString person(const QVariant &fullName, const QVariant &username)
{
    const QString name = fullName.toString().trimmed();
    return name.isEmpty() ? username.toString() : name;
}

QString sourceText(const QString &source, QDate cutOff)
{
    if (source == QLatin1String("REZAGADO"))
        return tr("rezagado");
    if (source == QLatin1String("PROPIA"))
        return tr("gestión propia");
    if (source == QLatin1String("RESCHEDULE"))
        return tr("reagendamiento");
    return cutOff.isValid() ? tr("bandeja del corte %1").arg(dayText(cutOff)) : tr("bandeja");
}

QString judgedDetail(QDate promisedOn, QDate judgedBy, const Point *before, const Point *after)
{
    QStringList parts{tr("prometida para el %1").arg(dayText(promisedOn)),
                      tr("evaluada con el corte del %1").arg(dayText(judgedBy))};
    if (!after) {
        parts << tr("el crédito salió del reporte");
    } else if (before) {
        parts << tr("mora %1 → %2 días").arg(before->daysPastDue).arg(after->daysPastDue);
        parts << tr("vencido %1 → %2").arg(before->overdue.toDisplayString(), after->overdue.toDisplayString());
    } else {
        parts << tr("%1, vencido %2").arg(daysText(after->daysPastDue), after->overdue.toDisplayString());
    }
    return parts.join(QStringLiteral(" · "));
}

void addBookings(const Database &db, const QString &creditNumber, const QHash<QDate, Point> &byCutOff,
                 QList<CreditEvent> *out)
{
    // One row per booking with its people, result, promise and judging cut-off: bookings_credit
    // finds the credit's rows, every join is by primary key or a unique index.
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT b.visit_date, b.source, b.booked_at, b.cut_off, b.outside_window, b.cancelled_at, b.cancel_reason, "
        "w.full_name, w.username, n.full_name, n.username, n.pooled, bb.full_name, bb.username, cb.full_name, "
        "cb.username, r.booking_id, r.state, r.visit_time, r.justification, r.agreement, r.notice_delivered, "
        "r.reschedule_date, r.collected_cents, r.receipt_number, r.entered_at, r.late, r.verification, "
        "vb.full_name, vb.username, r.verification_note, eb.full_name, eb.username, p.promised_on, p.amount_cents, "
        "p.outcome, js.cut_off, fb.visit_date "
        "FROM bookings b "
        "LEFT JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
        "LEFT JOIN staff n ON n.id = b.staff_id "
        "LEFT JOIN staff bb ON bb.id = b.booked_by "
        "LEFT JOIN staff cb ON cb.id = b.cancelled_by "
        "LEFT JOIN visit_results r ON r.booking_id = b.id "
        "LEFT JOIN staff eb ON eb.id = r.entered_by "
        "LEFT JOIN staff vb ON vb.id = r.verified_by "
        "LEFT JOIN promises p ON p.booking_id = b.id "
        "LEFT JOIN snapshots js ON js.id = p.judged_snapshot_id "
        "LEFT JOIN bookings fb ON fb.id = b.rescheduled_from "
        "WHERE b.credit_number = ? ORDER BY b.id"));
    q.addBindValue(creditNumber);
    if (!run(q, "bookings"))
        return;
    while (q.next()) {
        const QDate visitDate = isoDate(q.value(0));
        const QString source = q.value(1).toString();
        const QDateTime bookedAt = localFromUtc(q.value(2));
        const QDate trayCutOff = isoDate(q.value(3));
        const bool outsideWindow = q.value(4).toBool();
        const QString worker = person(q.value(7), q.value(8));
        const QString notifier = person(q.value(9), q.value(10));
        const bool pooled = q.value(11).toBool();
        const QString bookedBy = person(q.value(12), q.value(13));
        const bool hasResult = !q.value(16).isNull();
        QString forWhom = worker;
        if (pooled && notifier != worker)
            forWhom = tr("%1 (usuario %2)").arg(worker, notifier);

        // A Gestión Propia's booking and result are one act, saved together: its result tells it.
        if (source == QLatin1String("RESCHEDULE")) {
            CreditEvent e;
            e.kind = Kind::Rescheduled;
            e.at = bookedAt;
            e.title = tr("Reagendado");
            const QDate from = isoDate(q.value(37));
            e.detail = from.isValid() ? tr("Nueva visita el %1 para %2 (pospone la del %3)")
                                            .arg(dayText(visitDate), forWhom, dayText(from))
                                      : tr("Nueva visita el %1 para %2").arg(dayText(visitDate), forWhom);
            e.who = bookedBy;
            out->append(e);
        } else if (source != QLatin1String("PROPIA") || !hasResult) {
            CreditEvent e;
            e.kind = Kind::Booked;
            e.at = bookedAt;
            e.title = source == QLatin1String("REZAGADO") ? tr("Agendado como rezagado")
                      : source == QLatin1String("PROPIA") ? tr("Gestión propia agregada")
                                                          : tr("Agendado");
            QStringList parts{tr("Visita del %1 para %2").arg(dayText(visitDate), forWhom),
                              tr("origen: %1").arg(sourceText(source, trayCutOff))};
            if (outsideWindow)
                parts << tr("fuera del horario de agendamiento");
            e.detail = parts.join(QStringLiteral(" · "));
            e.who = bookedBy;
            out->append(e);
        }

        if (!q.value(5).isNull()) {
            CreditEvent e;
            e.kind = Kind::Unbooked;
            e.at = localFromUtc(q.value(5));
            e.title = tr("Desagendado");
            const QString reason = q.value(6).toString().trimmed();
            e.detail = reason.isEmpty() ? tr("Visita del %1 de %2").arg(dayText(visitDate), forWhom)
                                        : tr("Visita del %1 de %2 · motivo: %3")
                                              .arg(dayText(visitDate), forWhom, reason);
            e.who = person(q.value(14), q.value(15));
            out->append(e);
        }

        if (!hasResult)
            continue;
        const std::optional<VisitState> state = parseVisitState(q.value(17).toString());
        const QTime visitTime = QTime::fromString(q.value(18).toString(), QStringLiteral("HH:mm"));
        const QString enteredBy = person(q.value(31), q.value(32));
        CreditEvent result;
        result.kind = Kind::Result;
        result.dateOnly = !visitTime.isValid();
        result.at = result.dateOnly ? startOf(visitDate) : QDateTime(visitDate, visitTime);
        result.title = state ? visitStateLabel(*state) : q.value(17).toString();
        result.who = enteredBy;
        QStringList parts;
        if (enteredBy != worker)
            parts << tr("visita de %1").arg(worker);
        if (const QString j = q.value(19).toString(); !j.isEmpty())
            parts << j;
        if (const QString a = q.value(20).toString(); !a.isEmpty())
            parts << tr("acuerdo: %1").arg(a);
        if (const auto notice = parseNoticeType(q.value(21).toString()))
            parts << tr("entregó %1").arg(noticeTypeLabel(*notice));
        if (const QDate r = isoDate(q.value(22)); r.isValid())
            parts << tr("reagendado al %1").arg(dayText(r));
        if (q.value(26).toBool())
            parts << tr("registrado fuera de plazo el %1").arg(momentText(localFromUtc(q.value(25))));
        if (const QString v = q.value(27).toString(); !v.isEmpty()) {
            const bool confirmed = parseVerificationOutcome(v) == VerificationOutcome::Confirmed;
            QString text = confirmed ? tr("verificado por %1: confirmado") : tr("verificado por %1: contradicho");
            text = text.arg(person(q.value(28), q.value(29)));
            if (const QString note = q.value(30).toString().trimmed(); !note.isEmpty())
                text += tr(" (%1)").arg(note);
            parts << text;
            if (!confirmed)
                result.tone = Tone::Bad;
        }
        result.detail = parts.join(QStringLiteral(" · "));
        out->append(result);

        if (const auto collected = optionalMoney(q.value(23))) {
            CreditEvent e = result;
            e.kind = Kind::Collected;
            e.tone = Tone::Good;
            e.title = tr("Recaudación");
            const QString receipt = q.value(24).toString();
            e.detail = receipt.isEmpty() ? tr("Cobrado en campo") : tr("Recibo %1").arg(receipt);
            e.amount = collected;
            out->append(e);
        }
        if (q.value(33).isNull())
            continue;
        const QDate promisedOn = isoDate(q.value(33));
        const std::optional<Money> promised = optionalMoney(q.value(34));
        const std::optional<PromiseOutcome> outcome = parsePromiseOutcome(q.value(35).toString());
        CreditEvent promise = result;
        promise.kind = Kind::Promise;
        promise.tone = Tone::Neutral;
        promise.title = tr("Promesa de pago");
        promise.detail = outcome ? tr("Pagará el %1").arg(dayText(promisedOn))
                                 : tr("Pagará el %1 · pendiente de evaluar").arg(dayText(promisedOn));
        promise.amount = promised;
        out->append(promise);
        if (!outcome)
            continue;
        const QDate judgedBy = isoDate(q.value(36));
        CreditEvent judged;
        judged.kind = Kind::PromiseJudged;
        // The judging cut-off closes its day; a cut-off deleted since leaves the promised day.
        judged.at = startOf(judgedBy.isValid() ? judgedBy : promisedOn);
        judged.dateOnly = true;
        judged.title = tr("Promesa de pago: %1").arg(promiseOutcomeLabel(*outcome));
        judged.tone = *outcome == PromiseOutcome::Kept     ? Tone::Good
                      : *outcome == PromiseOutcome::Broken ? Tone::Bad
                                                           : Tone::Neutral;
        const auto before = byCutOff.constFind(trayCutOff);
        const auto after = byCutOff.constFind(judgedBy);
        judged.detail = judgedBy.isValid()
                            ? judgedDetail(promisedOn, judgedBy, before == byCutOff.cend() ? nullptr : &*before,
                                           after == byCutOff.cend() ? nullptr : &*after)
                            : tr("prometida para el %1").arg(dayText(promisedOn));
        out->append(judged);
    }
}

void addNotices(const Database &db, const QString &creditNumber, QList<CreditEvent> *out)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT n.notice_type, n.year, n.number, n.addressee_kind, n.addressee_name, n.printed_at, s.full_name, "
        "s.username, n.copy_of FROM notices n LEFT JOIN staff s ON s.id = n.printed_by "
        "WHERE n.credit_number = ? ORDER BY n.id"));
    q.addBindValue(creditNumber);
    if (!run(q, "notices"))
        return;
    while (q.next()) {
        CreditEvent e;
        e.kind = Kind::Notice;
        e.at = localFromUtc(q.value(5));
        const auto type = parseNoticeType(q.value(0).toString());
        const bool copy = !q.value(8).isNull();
        e.title = copy ? tr("Notificación reimpresa") : tr("Notificación impresa");
        const QString addressee = q.value(3).toString() == QLatin1String("GARANTE") ? tr("garante %1")
                                                                                    : tr("titular %1");
        e.detail = tr("%1 N.º %2/%3 · %4")
                       .arg(type ? noticeTypeLabel(*type) : q.value(0).toString())
                       .arg(q.value(2).toInt())
                       .arg(q.value(1).toInt())
                       .arg(addressee.arg(q.value(4).toString()));
        e.who = person(q.value(6), q.value(7));
        out->append(e);
    }
}

} // namespace

QString CreditEvent::whenText() const
{
    return dateOnly ? dayText(at.date()) : momentText(at);
}

void sortCreditEvents(QList<CreditEvent> *events)
{
    std::stable_sort(events->begin(), events->end(), [](const CreditEvent &a, const CreditEvent &b) {
        if (a.at.date() != b.at.date())
            return a.at.date() < b.at.date();
        if (a.dateOnly != b.dateOnly)
            return b.dateOnly; // the timed events of a day first
        if (a.at.time() != b.at.time())
            return a.at.time() < b.at.time();
        return rank(a.kind) < rank(b.kind);
    });
}

QList<CreditEvent> loadCreditTimeline(const Database &db, const QString &creditNumber)
{
    const QString credit = creditNumber.trimmed();
    QList<CreditEvent> events;
    QHash<QDate, Point> byCutOff;
    addSnapshots(db, credit, &events, &byCutOff);
    addBookings(db, credit, byCutOff, &events);
    addNotices(db, credit, &events);
    sortCreditEvents(&events);
    return events;
}

} // namespace cobranza
