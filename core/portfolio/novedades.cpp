#include "novedades.h"

#include "datetext.h"
#include "money.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace cobranza {

namespace {

using Kind = Novedad::Kind;

QString tr(const char *s) { return QCoreApplication::translate("cobranza::Novedades", s); }
QDate isoDate(const QVariant &v) { return QDate::fromString(v.toString(), Qt::ISODate); }

QDateTime utc(const QVariant &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t;
}

QString daysText(int days)
{
    if (days == 0)
        return tr("al día");
    return days == 1 ? tr("1 día de mora") : tr("%1 días de mora").arg(days);
}

QString standingText(const CreditStanding &s)
{
    return tr("%1, %2").arg(daysText(s.daysPastDue), ratingCode(s.rating));
}

bool sameOfficer(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

void sortNovedades(QList<Novedad> *items)
{
    std::stable_sort(items->begin(), items->end(), [](const Novedad &a, const Novedad &b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.memberName != b.memberName)
            return a.memberName.localeAwareCompare(b.memberName) < 0;
        return a.creditNumber < b.creditNumber;
    });
}

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qWarning("loadNovedades (%s): %s", what, qPrintable(q.lastError().text()));
    return false;
}

} // namespace

QString novedadKindLabel(Novedad::Kind kind)
{
    switch (kind) {
    case Kind::BrokenPromise: return tr("Promesas de pago incumplidas");
    case Kind::NewArrears: return tr("Cayeron en mora");
    case Kind::Worsened: return tr("Empeoró la calificación");
    case Kind::AssignedToYou: return tr("Créditos que le asignaron");
    case Kind::AssignedAway: return tr("Créditos que pasaron a otro oficial");
    case Kind::UpToDate: return tr("Se pusieron al día");
    }
    return {};
}

QList<Novedad> compareStandings(const QList<CreditStanding> &before, const QList<CreditStanding> &after,
                                const QString &username)
{
    QHash<QString, const CreditStanding *> was;
    for (const CreditStanding &s : before)
        was.insert(s.creditNumber, &s);
    QHash<QString, const CreditStanding *> is;
    for (const CreditStanding &s : after)
        is.insert(s.creditNumber, &s);

    QList<Novedad> out;
    for (const CreditStanding &now : after) {
        const CreditStanding *old = was.value(now.creditNumber, nullptr);
        const auto add = [&](Kind kind, const QString &text) {
            out.append({kind, now.creditNumber, now.memberName, text});
        };
        if (old && sameOfficer(old->officer, username) && !sameOfficer(now.officer, username)) {
            add(Kind::AssignedAway, tr("ahora de %1 · %2").arg(now.officer, standingText(now)));
            continue; // the rest is the new officer's news
        }
        if (old && !sameOfficer(old->officer, now.officer) && sameOfficer(now.officer, username))
            add(Kind::AssignedToYou, tr("antes de %1 · %2").arg(old->officer, standingText(now)));
        if (now.daysPastDue > 0 && (!old || old->daysPastDue == 0)) {
            add(Kind::NewArrears, old ? tr("%1 (antes al día)").arg(standingText(now))
                                      : tr("%1 (antes no figuraba en el reporte)").arg(standingText(now)));
        } else if (old && isWorse(now.rating, old->rating)) {
            add(Kind::Worsened, tr("%1 → %2 · %3").arg(ratingCode(old->rating), ratingCode(now.rating),
                                                      daysText(now.daysPastDue)));
        }
        if (old && old->daysPastDue > 0 && now.daysPastDue == 0)
            add(Kind::UpToDate, tr("al día (tenía %1)").arg(daysText(old->daysPastDue)));
    }
    // The report lists overdue credits and those about to fall due: one with days past due that
    // left it was paid up or paid off.
    for (const CreditStanding &old : before)
        if (!is.contains(old.creditNumber) && old.daysPastDue > 0)
            out.append({Kind::UpToDate, old.creditNumber, old.memberName,
                        tr("salió del reporte (tenía %1)").arg(daysText(old.daysPastDue))});
    sortNovedades(&out);
    return out;
}

namespace {

// A cut-off with the moment its import finished: what a user could have seen at a sign-in.
struct HeldSnapshot
{
    qint64 id = 0;
    QDate cutOff;
    QDateTime importedAt; // UTC
};

QList<HeldSnapshot> heldSnapshots(const Database &db)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id, s.cut_off, IFNULL(i.finished_at, i.started_at) FROM snapshots s "
                             "LEFT JOIN imports i ON i.id = s.import_id ORDER BY s.cut_off DESC"));
    QList<HeldSnapshot> out;
    if (!run(q, "snapshots"))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), isoDate(q.value(1)), utc(q.value(2))});
    return out;
}

// The sign-in before the current one (UTC); invalid when there was none.
QDateTime previousSignIn(const Database &db, const Session &session)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT at_utc FROM audit_log WHERE record_type = 'staff' AND record_id = ? "
                             "AND action = 'LOGIN' ORDER BY id DESC LIMIT 2"));
    q.addBindValue(session.username);
    if (!run(q, "sign-ins") || !q.next() || !q.next())
        return {};
    return utc(q.value(0));
}

QList<CreditStanding> standings(const Database &db, const Session &session, QDate today, qint64 beforeId,
                                qint64 afterId, QList<CreditStanding> *before)
{
    // His credits on either cut-off, and those booked to him lately, read by primary key.
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT snapshot_id, credit_number, full_name, officer, days_past_due, rating FROM snapshot_credits "
        "WHERE snapshot_id IN (?, ?) AND credit_number IN ("
        "  SELECT credit_number FROM snapshot_credits WHERE snapshot_id IN (?, ?) AND officer = ? COLLATE NOCASE "
        "  UNION SELECT credit_number FROM bookings "
        "  WHERE worker_id = ? AND visit_date >= ? AND cancelled_at IS NULL)"));
    for (const QVariant &v : {QVariant(beforeId), QVariant(afterId), QVariant(beforeId), QVariant(afterId),
                              QVariant(session.username), QVariant(session.staffId),
                              QVariant(today.addDays(-30).toString(Qt::ISODate))})
        q.addBindValue(v);
    QList<CreditStanding> after;
    if (!run(q, "standings"))
        return after;
    while (q.next()) {
        CreditStanding s{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toInt(),
                         parseRating(q.value(5).toString()).value_or(Rating::E)};
        (q.value(0).toLongLong() == afterId ? after : *before).append(std::move(s));
    }
    return after;
}

QList<Novedad> brokenPromises(const Database &db, const Session &session, QDate sinceCutOff)
{
    // From his bookings (bookings_worker_day) to their promises (unique on booking_id).
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT p.credit_number, IFNULL(m.full_name, ''), p.promised_on, p.amount_cents, js.cut_off "
        "FROM bookings b JOIN promises p ON p.booking_id = b.id JOIN snapshots js ON js.id = p.judged_snapshot_id "
        "LEFT JOIN credits c ON c.credit_number = p.credit_number "
        "LEFT JOIN members m ON m.member_number = c.member_number "
        "WHERE b.worker_id = ? AND p.outcome = 'BROKEN' AND js.cut_off > ?"));
    q.addBindValue(session.staffId);
    q.addBindValue(sinceCutOff.toString(Qt::ISODate));
    QList<Novedad> out;
    if (!run(q, "promises"))
        return out;
    while (q.next()) {
        const QDate promisedOn = isoDate(q.value(2));
        const QDate judgedBy = isoDate(q.value(4));
        const QString text = q.value(3).isNull()
                                 ? tr("prometió pagar el %1 · incumplida según el corte del %2")
                                       .arg(dayText(promisedOn), dayText(judgedBy))
                                 : tr("prometió pagar %1 el %2 · incumplida según el corte del %3")
                                       .arg(Money::fromCents(q.value(3).toLongLong()).toDisplayString(),
                                            dayText(promisedOn), dayText(judgedBy));
        out.append({Kind::BrokenPromise, q.value(0).toString(), q.value(1).toString(), text});
    }
    return out;
}

} // namespace

NovedadesReport loadNovedades(const Database &db, const Session &session, QDate today)
{
    NovedadesReport report;
    const QList<HeldSnapshot> held = heldSnapshots(db); // newest first
    if (held.size() < 2)
        return report; // nothing to compare with
    const QDateTime signedIn = previousSignIn(db, session);
    if (signedIn.isValid())
        report.lastSession = signedIn.toLocalTime();
    report.toCutOff = held.first().cutOff;
    const HeldSnapshot *from = &held.at(1);
    if (signedIn.isValid()) {
        const auto seen = std::find_if(held.cbegin(), held.cend(), [&](const HeldSnapshot &s) {
            return s.importedAt.isValid() && s.importedAt <= signedIn;
        });
        if (seen == held.cbegin()) {
            report.fromCutOff = report.toCutOff; // he already saw the newest cut-off
            return report;
        }
        if (seen != held.cend())
            from = &*seen;
    }
    report.fromCutOff = from->cutOff;

    QList<CreditStanding> before;
    const QList<CreditStanding> after = standings(db, session, today, from->id, held.first().id, &before);
    report.items = brokenPromises(db, session, from->cutOff) + compareStandings(before, after, session.username);
    sortNovedades(&report.items);
    return report;
}

} // namespace cobranza
