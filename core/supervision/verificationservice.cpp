#include "verificationservice.h"

#include "audit/auditlog.h"
#include "datetext.h"
#include "store/database.h"
#include "store/query.h"
#include "supervision/errorcatalogue.h"

#include <QCoreApplication>
#include <QMap>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <optional>
#include <random>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::VerificationService", s); }
QString iso(QDate d) { return d.toString(Qt::ISODate); }

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

// A Pivot verifies and records errors in his own branch; head office in any.
std::optional<QString> branchRefusal(const Database &db, const Session &session, qint64 staffId)
{
    const QString scope = branchScope(session);
    if (scope.isEmpty())
        return std::nullopt;
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT IFNULL(b.code, ''), s.full_name FROM staff s LEFT JOIN branches b "
                                     "ON b.id = s.branch_id WHERE s.id = ?"),
                      {staffId});
    if (!q.next())
        return tr("no existe la persona %1").arg(staffId);
    if (q.value(0).toString().compare(scope, Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return tr("%1 no es de su agencia: solo supervisa la agencia %2.").arg(q.value(1).toString(), scope);
}

qint64 workerOf(const Database &db, qint64 bookingId)
{
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT IFNULL(worker_id, staff_id) FROM bookings WHERE id = ?"), {bookingId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

QString verificationOutcomeCode(VerificationOutcome o)
{
    switch (o) {
    case VerificationOutcome::Confirmed: return QStringLiteral("CONFIRMED");
    case VerificationOutcome::Contradicted: return QStringLiteral("CONTRADICTED");
    }
    return {};
}

QString verificationOutcomeLabel(VerificationOutcome o)
{
    switch (o) {
    case VerificationOutcome::Confirmed: return QCoreApplication::translate("cobranza::Verification", "Confirmada");
    case VerificationOutcome::Contradicted: return QCoreApplication::translate("cobranza::Verification", "Contradice");
    }
    return {};
}

std::optional<VerificationOutcome> parseVerificationOutcome(QStringView code)
{
    for (VerificationOutcome o : {VerificationOutcome::Confirmed, VerificationOutcome::Contradicted})
        if (code == verificationOutcomeCode(o))
            return o;
    return std::nullopt;
}

QString pendingCheckLabel() { return QCoreApplication::translate("cobranza::Verification", "Pendiente"); }

QString unverifiedResultLabel() { return QCoreApplication::translate("cobranza::Verification", "Sin verificar"); }

QList<qint64> sampleVisits(const QList<std::pair<QString, qint64>> &visits, int size, quint64 seed)
{
    // std::mt19937_64 and a hand-rolled Fisher–Yates: std::shuffle's algorithm is not specified, so
    // another standard library could draw another sample from the same seed.
    std::mt19937_64 random(seed);
    QMap<QString, QList<qint64>> byPerson;
    for (const auto &[person, booking] : visits)
        byPerson[person].append(booking);
    QList<QList<qint64>> queues;
    for (QList<qint64> list : byPerson) {
        for (qsizetype i = list.size() - 1; i > 0; --i) {
            const auto j = static_cast<qsizetype>(random() % static_cast<quint64>(i + 1));
            std::swap(list[i], list[j]);
        }
        queues.append(list);
    }
    QList<qint64> out;
    for (qsizetype round = 0; out.size() < size; ++round) {
        bool any = false;
        for (const QList<qint64> &q : queues)
            if (round < q.size() && out.size() < size) {
                out.append(q[round]);
                any = true;
            }
        if (!any)
            break;
    }
    return out;
}

QString samplePopulationText(const QList<std::pair<QString, qint64>> &visits)
{
    QStringList parts;
    parts.reserve(visits.size());
    for (const auto &[person, booking] : visits)
        parts.append(person + u':' + QString::number(booking));
    return parts.join(u',');
}

QList<std::pair<QString, qint64>> parseSamplePopulation(const QString &text)
{
    QList<std::pair<QString, qint64>> visits;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype colon = part.lastIndexOf(u':');
        bool ok = false;
        const qint64 booking = colon > 0 ? part.mid(colon + 1).toLongLong(&ok) : 0;
        if (!ok)
            return {}; // not a population the program wrote: replay from the database instead
        visits.append({part.left(colon), booking});
    }
    return visits;
}

QList<std::pair<QString, qint64>> samplePopulation(const Database &db, QDate day, const QString &branchCode,
                                                   const QString &asOfUtc)
{
    // Without a moment ('9999' sorts after every ISO timestamp): the visits with a result now, none
    // un-booked. Both cases in one statement, so a replay reads exactly what the draw read.
    const QVariant asOf = asOfUtc.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(asOfUtc);
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT w.username, b.id FROM bookings b JOIN visit_results r ON r.booking_id = b.id "
                                     "JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
                                     "JOIN branches br ON br.id = w.branch_id WHERE b.visit_date = ? AND br.code = ? "
                                     "AND (b.cancelled_at IS NULL OR b.cancelled_at > IFNULL(?, '9999')) "
                                     "AND r.entered_at <= IFNULL(?, '9999') ORDER BY w.username, b.id"),
                      {iso(day), branchCode, asOf, asOf});
    QList<std::pair<QString, qint64>> visits;
    while (q.next())
        visits.append({q.value(0).toString(), q.value(1).toLongLong()});
    return visits;
}

bool VerificationService::verifyByPhone(qint64 bookingId, bool confirmed, const QString &note, QString *error) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::VerifyResults))
        return fail(error, *no);
    if (!confirmed && note.trimmed().isEmpty())
        return fail(error, tr("escriba qué dijo el socio: una verificación que contradice lleva su nota."));
    Transaction tx(m_db);
    QSqlQuery q = runQuery(m_db,
                      QStringLiteral("SELECT b.credit_number FROM visit_results r JOIN bookings b ON b.id = r.booking_id "
                                     "WHERE r.booking_id = ?"),
                      {bookingId});
    if (!q.next())
        return fail(error, tr("la visita %1 no tiene resultado que verificar.").arg(bookingId));
    const QString credit = q.value(0).toString();
    if (const auto no = branchRefusal(m_db, m_session, workerOf(m_db, bookingId)))
        return fail(error, *no);
    const QString outcome =
        verificationOutcomeCode(confirmed ? VerificationOutcome::Confirmed : VerificationOutcome::Contradicted);
    if (!runQuery(m_db,
             QStringLiteral("UPDATE visit_results SET verification = ?, verified_by = ?, verified_at = ?, "
                            "verification_note = ? WHERE booking_id = ?"),
             {outcome, m_session.staffId, m_clock.now().toUTC().toString(Qt::ISODate), note.trimmed(), bookingId})
             .isActive()
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("RESULT_VERIFIED"), QStringLiteral("visit_result"), credit, {},
                        QStringLiteral("%1 %2").arg(outcome, note.trimmed()))
        || !tx.commit())
        return fail(error, tr("no se pudo guardar la verificación"));
    return true;
}

std::optional<VerificationSample> VerificationService::drawSample(QDate day, const QString &branchCode, int size,
                                                                  quint64 seed, QString *error) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::VerifyResults)) {
        fail(error, *no);
        return std::nullopt;
    }
    if (const QString scope = branchScope(m_session); !scope.isEmpty() && scope.compare(branchCode, Qt::CaseInsensitive) != 0) {
        fail(error, tr("solo sortea muestras de la agencia %1.").arg(scope));
        return std::nullopt;
    }
    if (size < 1) {
        fail(error, tr("la muestra necesita al menos una visita."));
        return std::nullopt;
    }
    Transaction tx(m_db); // the visits read and the sample stored are one moment
    const QList<std::pair<QString, qint64>> visits = samplePopulation(m_db, day, branchCode);
    if (visits.isEmpty()) {
        fail(error, tr("no hay visitas con resultado el %1 en la agencia %2.").arg(dayText(day), branchCode));
        return std::nullopt;
    }
    VerificationSample s{0, day, branchCode, seed, sampleVisits(visits, size, seed)};
    QSqlQuery ins = runQuery(m_db,
                        QStringLiteral("INSERT INTO verification_samples(day, branch_code, seed, size, drawn_by, drawn_at, "
                                       "population) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                        {iso(day), branchCode, static_cast<qint64>(seed), size, m_session.staffId,
                         m_clock.now().toUTC().toString(Qt::ISODate), samplePopulationText(visits)});
    s.id = ins.isActive() ? ins.lastInsertId().toLongLong() : 0;
    bool ok = s.id != 0;
    for (int i = 0; ok && i < s.bookingIds.size(); ++i)
        ok = runQuery(m_db, QStringLiteral("INSERT INTO verification_checks(sample_id, booking_id, position) VALUES(?, ?, ?)"),
                 {s.id, s.bookingIds[i], i + 1})
                 .isActive();
    if (!ok
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("SAMPLE_DRAWN"), QStringLiteral("verification_sample"),
                        QString::number(s.id), {},
                        tr("%1 %2: %3 de %4 visitas, semilla %5").arg(iso(day), branchCode).arg(s.bookingIds.size())
                            .arg(visits.size()).arg(seed))
        || !tx.commit()) {
        fail(error, tr("no se pudo guardar la muestra"));
        return std::nullopt;
    }
    return s;
}

bool VerificationService::recordCheck(qint64 sampleId, qint64 bookingId, bool confirmed, const QString &note,
                                      QString *error) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::VerifyResults))
        return fail(error, *no);
    if (!confirmed && note.trimmed().isEmpty())
        return fail(error, tr("escriba qué se encontró: una verificación que contradice lleva su nota."));
    if (const auto no = branchRefusal(m_db, m_session, workerOf(m_db, bookingId)))
        return fail(error, *no);
    const QString outcome =
        verificationOutcomeCode(confirmed ? VerificationOutcome::Confirmed : VerificationOutcome::Contradicted);
    Transaction tx(m_db);
    QSqlQuery up = runQuery(m_db,
                       QStringLiteral("UPDATE verification_checks SET outcome = ?, note = IFNULL(?, ''), checked_by = ?, checked_at = ? "
                                      "WHERE sample_id = ? AND booking_id = ?"),
                       {outcome, note.trimmed(),
                        m_session.staffId, m_clock.now().toUTC().toString(Qt::ISODate), sampleId, bookingId});
    if (!up.isActive() || up.numRowsAffected() != 1)
        return fail(error, tr("la visita %1 no es parte de la muestra %2.").arg(bookingId).arg(sampleId));
    if (!AuditLog(m_db, m_clock)
             .record(m_session, QStringLiteral("SAMPLE_CHECKED"), QStringLiteral("verification_sample"),
                     QString::number(sampleId), {},
                     QStringLiteral("%1 %2 %3").arg(bookingId).arg(outcome, note.trimmed()))
        || !tx.commit())
        return fail(error, tr("no se pudo guardar la verificación"));
    return true;
}

bool VerificationService::recordError(qint64 staffId, QDate day, const QString &creditNumber, const QString &note,
                                      QString *error) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::RecordErrors))
        return fail(error, *no);
    if (note.trimmed().isEmpty())
        return fail(error, tr("describa el error: la nota es lo que se le dice a la persona."));
    if (!day.isValid() || day > m_clock.today())
        return fail(error, tr("el error es de un día que ya pasó."));
    Transaction tx(m_db);
    QSqlQuery s = runQuery(m_db, QStringLiteral("SELECT username FROM staff WHERE id = ?"), {staffId});
    if (!s.next())
        return fail(error, tr("no existe la persona %1").arg(staffId));
    const QString username = s.value(0).toString();
    if (const auto no = branchRefusal(m_db, m_session, staffId))
        return fail(error, *no);
    if (!runQuery(m_db,
             QStringLiteral("INSERT INTO staff_errors(error_type, staff_id, day, credit_number, note, source, recorded_by, "
                            "recorded_at) VALUES(?, ?, ?, ?, ?, 'MANUAL', ?, ?)"),
             {errorInfo(ErrorType::Manual).code, staffId, iso(day),
              creditNumber.trimmed().isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(creditNumber.trimmed()),
              note.trimmed(), m_session.staffId, m_clock.now().toUTC().toString(Qt::ISODate)})
             .isActive()
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("ERROR_RECORDED"), QStringLiteral("staff"), username, {},
                        QStringLiteral("%1 %2").arg(iso(day), note.trimmed()))
        || !tx.commit())
        return fail(error, tr("no se pudo guardar el error"));
    return true;
}

} // namespace cobranza
