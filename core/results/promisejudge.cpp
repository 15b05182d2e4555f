#include "promisejudge.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::PromiseJudge", s); }

std::optional<CreditFigures> figures(const QSqlQuery &q, int daysColumn)
{
    if (q.value(daysColumn).isNull())
        return std::nullopt;
    return CreditFigures{q.value(daysColumn).toInt(), Money::fromCents(q.value(daysColumn + 1).toLongLong())};
}

} // namespace

QString promiseOutcomeCode(PromiseOutcome o)
{
    switch (o) {
    case PromiseOutcome::Kept: return QStringLiteral("KEPT");
    case PromiseOutcome::PartlyKept: return QStringLiteral("PARTLY_KEPT");
    case PromiseOutcome::Broken: return QStringLiteral("BROKEN");
    }
    return {};
}

QString promiseOutcomeLabel(PromiseOutcome o)
{
    switch (o) {
    case PromiseOutcome::Kept: return tr("Cumplida");
    case PromiseOutcome::PartlyKept: return tr("Cumplida en parte");
    case PromiseOutcome::Broken: return tr("Incumplida");
    }
    return {};
}

std::optional<PromiseOutcome> parsePromiseOutcome(QStringView code)
{
    for (PromiseOutcome o : {PromiseOutcome::Kept, PromiseOutcome::PartlyKept, PromiseOutcome::Broken})
        if (code == promiseOutcomeCode(o))
            return o;
    return std::nullopt;
}

PromiseOutcome judgePromise(const PromiseFacts &f)
{
    if (!f.after || f.after->daysPastDue == 0 || f.after->overdue.isZero())
        return PromiseOutcome::Kept;
    Money paid = f.collected;
    if (f.before && f.after->overdue < f.before->overdue)
        paid += f.before->overdue - f.after->overdue;
    if (f.promised && !f.promised->isZero() && paid >= *f.promised)
        return PromiseOutcome::Kept;
    const bool fewerDays = f.before && f.after->daysPastDue < f.before->daysPastDue;
    if (!paid.isZero() || fewerDays)
        return PromiseOutcome::PartlyKept;
    return PromiseOutcome::Broken;
}

int judgeDuePromises(const Database &db, qint64 snapshotId, QDate cutOff, const QDateTime &now,
                     const PromiseJudged &onJudged)
{
    // For each due promise: the figures on the report the visit was planned from, those on this
    // report (none when the credit left it), and what was collected on the credit since the visit.
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
        "SELECT p.id, p.amount_cents, before.days_past_due, before.overdue_cents, after.days_past_due, "
        "after.overdue_cents, "
        "  (SELECT IFNULL(SUM(r.collected_cents), 0) FROM visit_results r JOIN bookings x ON x.id = r.booking_id "
        "   WHERE x.credit_number = p.credit_number AND x.visit_date >= b.visit_date AND x.visit_date <= p.promised_on), "
        "p.credit_number, p.promised_on "
        "FROM promises p JOIN bookings b ON b.id = p.booking_id "
        "LEFT JOIN snapshots bs ON bs.cut_off = b.cut_off "
        "LEFT JOIN snapshot_credits before ON before.snapshot_id = bs.id AND before.credit_number = p.credit_number "
        "LEFT JOIN snapshot_credits after ON after.snapshot_id = ? AND after.credit_number = p.credit_number "
        "WHERE p.outcome IS NULL AND p.promised_on <= ?"));
    q.addBindValue(snapshotId);
    q.addBindValue(cutOff.toString(Qt::ISODate));
    if (!q.exec())
        return -1;
    QSqlQuery up(db.connection());
    up.prepare(QStringLiteral("UPDATE promises SET outcome = ?, judged_snapshot_id = ?, judged_at = ? WHERE id = ?"));
    const QString at = now.toUTC().toString(Qt::ISODate);
    int judged = 0;
    while (q.next()) {
        PromiseFacts f;
        if (!q.value(1).isNull())
            f.promised = Money::fromCents(q.value(1).toLongLong());
        f.before = figures(q, 2);
        f.after = figures(q, 4);
        f.collected = Money::fromCents(q.value(6).toLongLong());
        const PromiseOutcome outcome = judgePromise(f);
        up.addBindValue(promiseOutcomeCode(outcome));
        up.addBindValue(snapshotId);
        up.addBindValue(at);
        up.addBindValue(q.value(0).toLongLong());
        if (!up.exec())
            return -1;
        if (onJudged && !onJudged(q.value(7).toString(), QDate::fromString(q.value(8).toString(), Qt::ISODate), outcome))
            return -1;
        ++judged;
    }
    return judged;
}

} // namespace cobranza
