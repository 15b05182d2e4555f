#include "samplehistory.h"

#include "store/database.h"
#include "store/query.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::SampleHistory", s); }
QString iso(QDate d) { return d.toString(Qt::ISODate); }
// Each count with its own plural: "1 visita", "2 visitas".
QString count(qsizetype n, const QString &one, const QString &many) { return (n == 1 ? one : many).arg(n); }
QDateTime utc(const QVariant &v) { return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODate); }
// The seed is stored as SQLite's signed integer; a seed above 2^63 comes back negative unless cast back.
quint64 seedOf(const QVariant &v) { return static_cast<quint64>(v.toLongLong()); }

// The summary columns every read selects, with the counts of the checks.
const char *const kSummarySelect =
    "SELECT s.id, s.day, s.branch_code, s.seed, s.size, IFNULL(st.full_name, ''), s.drawn_at, COUNT(c.booking_id), "
    "IFNULL(SUM(c.outcome = ?), 0), IFNULL(SUM(c.outcome = ?), 0), IFNULL(st.initials, '') FROM verification_samples s "
    "LEFT JOIN staff st ON st.id = s.drawn_by LEFT JOIN verification_checks c ON c.sample_id = s.id ";

SampleSummary summaryFrom(const QSqlQuery &q)
{
    SampleSummary s;
    s.id = q.value(0).toLongLong();
    s.day = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    s.branchCode = q.value(2).toString();
    s.seed = seedOf(q.value(3));
    s.size = q.value(4).toInt();
    s.drawnBy = q.value(5).toString();
    s.drawnAt = utc(q.value(6));
    s.visits = q.value(7).toInt();
    s.confirmed = q.value(8).toInt();
    s.contradicted = q.value(9).toInt();
    s.drawnByInitials = q.value(10).toString();
    return s;
}

QVariantList outcomeCodes()
{
    return {verificationOutcomeCode(VerificationOutcome::Confirmed),
            verificationOutcomeCode(VerificationOutcome::Contradicted)};
}

QList<qint64> minus(const QList<std::pair<QString, qint64>> &a, const QList<std::pair<QString, qint64>> &b)
{
    QSet<qint64> in;
    for (const auto &v : b)
        in.insert(v.second);
    QList<qint64> out;
    for (const auto &v : a)
        if (!in.contains(v.second))
            out.append(v.second);
    return out;
}

} // namespace

QString replayVerdictLabel(SampleReplay::Verdict v)
{
    switch (v) {
    case SampleReplay::Verdict::Same: return tr("Sí");
    case SampleReplay::Verdict::VisitsChanged: return tr("No: cambiaron las visitas");
    case SampleReplay::Verdict::Unexplained: return tr("No: sin explicación");
    }
    return {};
}

QString describeReplay(const SampleReplay &r)
{
    switch (r.verdict) {
    case SampleReplay::Verdict::Same:
        return r.stored.size() == 1 ? tr("Sorteada de nuevo con su semilla, da la misma visita.")
                                    : tr("Sorteada de nuevo con su semilla, da las mismas %1 visitas.").arg(r.stored.size());
    case SampleReplay::Verdict::VisitsChanged: {
        QStringList why;
        if (!r.addedSince.isEmpty())
            why.append(count(r.addedSince.size(), tr("%1 resultado del día se registró después del sorteo"),
                             tr("%1 resultados del día se registraron después del sorteo")));
        if (!r.removedSince.isEmpty())
            why.append(count(r.removedSince.size(), tr("%1 visita con resultado se desagendó después del sorteo"),
                             tr("%1 visitas con resultado se desagendaron después del sorteo")));
        return tr("Sorteada de nuevo con su semilla, hoy NO da las mismas visitas: %1. Con las visitas que había "
                  "al sortear, la semilla da la misma muestra.")
            .arg(why.join(tr(" y ")));
    }
    case SampleReplay::Verdict::Unexplained:
        return tr("Sorteada de nuevo con su semilla, NO da las mismas visitas, ni siquiera con las visitas que había "
                  "al sortear: la muestra guardada no sale de su semilla. Pudo cambiar quién hizo una visita, su "
                  "agencia o su usuario, o se alteró la muestra guardada.");
    }
    return {};
}

std::optional<QList<SampleSummary>> SampleHistory::list(QDate from, QDate to, const QString &branchCode,
                                                        QString *error) const
{
    const auto fail = [error](const QString &why) -> std::optional<QList<SampleSummary>> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (const auto no = refusal(m_permissions, m_session, Permission::ReadSupervision))
        return fail(*no);
    if (!from.isValid() || !to.isValid() || from > to)
        return fail(tr("el período de las muestras no es válido."));
    const QString scope = branchScope(m_session);
    if (!scope.isEmpty() && !branchCode.isEmpty() && scope.compare(branchCode, Qt::CaseInsensitive) != 0)
        return fail(tr("solo ve las muestras de la agencia %1.").arg(scope));
    const QString branch = branchCode.isEmpty() ? scope : branchCode;
    QSqlQuery q = runQuery(m_db,
                      QString::fromLatin1(kSummarySelect)
                          + QStringLiteral("WHERE s.day BETWEEN ? AND ? AND (IFNULL(?, '') = '' OR s.branch_code = ? "
                                           "COLLATE NOCASE) GROUP BY s.id ORDER BY s.day, s.id"),
                      outcomeCodes() + QVariantList{iso(from), iso(to), branch, branch});
    if (!q.isActive())
        return fail(tr("no se pudieron leer las muestras"));
    QList<SampleSummary> out;
    while (q.next())
        out.append(summaryFrom(q));
    return out;
}

std::optional<SampleSummary> SampleHistory::summary(qint64 sampleId, QString *error) const
{
    const auto fail = [error](const QString &why) -> std::optional<SampleSummary> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (const auto no = refusal(m_permissions, m_session, Permission::ReadSupervision))
        return fail(*no);
    QSqlQuery q = runQuery(m_db, QString::fromLatin1(kSummarySelect) + QStringLiteral("WHERE s.id = ? GROUP BY s.id"),
                           outcomeCodes() + QVariantList{sampleId});
    if (!q.next())
        return fail(tr("no existe la muestra %1.").arg(sampleId));
    SampleSummary s = summaryFrom(q);
    if (const QString scope = branchScope(m_session);
        !scope.isEmpty() && scope.compare(s.branchCode, Qt::CaseInsensitive) != 0)
        return fail(tr("la muestra %1 es de la agencia %2: solo ve las muestras de la agencia %3.")
                        .arg(sampleId)
                        .arg(s.branchCode, scope));
    return s;
}

std::optional<SampleRecord> SampleHistory::load(qint64 sampleId, QString *error) const
{
    const std::optional<SampleSummary> s = summary(sampleId, error);
    if (!s)
        return std::nullopt;
    // The sector of the cut-off the visit was booked from, else of the newest one holding the credit,
    // as the route sheet shows it.
    QSqlQuery q = runQuery(
        m_db,
        QStringLiteral(
            "SELECT c.position, c.booking_id, b.credit_number, IFNULL(m.full_name, ''), "
            "IFNULL(NULLIF(m.home_address, ''), IFNULL(m.business_address, '')), "
            "IFNULL(sc.sector, ''), "
            "IFNULL(w.full_name, ''), IFNULL(w.username, ''), r.state, c.outcome, c.note, IFNULL(k.full_name, ''), "
            "c.checked_at, IFNULL(k.initials, '') "
            "FROM verification_checks c JOIN bookings b ON b.id = c.booking_id "
            "LEFT JOIN credits cr ON cr.credit_number = b.credit_number "
            "LEFT JOIN members m ON m.member_number = cr.member_number "
            "LEFT JOIN snapshot_credits sc ON sc.credit_number = b.credit_number AND sc.snapshot_id = "
            "  IFNULL((SELECT id FROM snapshots WHERE cut_off = b.cut_off), "
            "         (SELECT x.snapshot_id FROM snapshot_credits x JOIN snapshots y ON y.id = x.snapshot_id "
            "          WHERE x.credit_number = b.credit_number ORDER BY y.cut_off DESC LIMIT 1)) "
            "LEFT JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
            "LEFT JOIN visit_results r ON r.booking_id = b.id "
            "LEFT JOIN staff k ON k.id = c.checked_by "
            "WHERE c.sample_id = ? ORDER BY c.position"),
        {sampleId});
    if (!q.isActive()) {
        if (error)
            *error = tr("no se pudo leer la muestra %1").arg(sampleId);
        return std::nullopt;
    }
    SampleRecord record{*s, {}};
    while (q.next()) {
        SampleCheck c;
        c.position = q.value(0).toInt();
        c.bookingId = q.value(1).toLongLong();
        c.creditNumber = q.value(2).toString();
        c.memberName = q.value(3).toString();
        c.address = q.value(4).toString().simplified();
        c.sector = q.value(5).toString();
        c.visitedBy = q.value(6).toString();
        c.visitedByUsername = q.value(7).toString();
        if (!q.value(8).isNull())
            c.state = parseVisitState(q.value(8).toString());
        c.outcome = parseVerificationOutcome(q.value(9).toString());
        c.note = q.value(10).toString();
        c.checkedBy = q.value(11).toString();
        c.checkedAt = utc(q.value(12));
        c.checkedByInitials = q.value(13).toString();
        record.checks.append(c);
    }
    return record;
}

std::optional<SampleReplay> SampleHistory::replay(qint64 sampleId, QString *error) const
{
    const std::optional<SampleSummary> s = summary(sampleId, error);
    if (!s)
        return std::nullopt;
    SampleReplay r;
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT booking_id FROM verification_checks WHERE sample_id = ? ORDER BY position"),
                           {sampleId});
    while (q.next())
        r.stored.append(q.value(0).toLongLong());
    const auto now = samplePopulation(m_db, s->day, s->branchCode);
    // The visits stored with the sample when it was drawn; samples from before schema 6 have none,
    // and the day's visits as they stood at the draw are read instead.
    QSqlQuery stored = runQuery(m_db, QStringLiteral("SELECT population FROM verification_samples WHERE id = ?"), {sampleId});
    auto then = stored.next() ? parseSamplePopulation(stored.value(0).toString()) : QList<std::pair<QString, qint64>>{};
    if (then.isEmpty())
        then = samplePopulation(m_db, s->day, s->branchCode, s->drawnAt.toUTC().toString(Qt::ISODate));
    r.replayed = sampleVisits(now, s->size, s->seed);
    r.replayedAsDrawn = sampleVisits(then, s->size, s->seed);
    r.addedSince = minus(now, then);
    r.removedSince = minus(then, now);
    r.verdict = r.replayed == r.stored            ? SampleReplay::Verdict::Same
                : r.replayedAsDrawn == r.stored ? SampleReplay::Verdict::VisitsChanged
                                                : SampleReplay::Verdict::Unexplained;
    return r;
}

} // namespace cobranza
