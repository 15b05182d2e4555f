#pragma once

#include "clock.h"
#include "permissions.h"
#include "session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace cobranza {

class Database;

// What a phone verification or a physical check found against what was entered.
enum class VerificationOutcome { Confirmed, Contradicted };
QString verificationOutcomeCode(VerificationOutcome o);  // "CONFIRMED": stored
QString verificationOutcomeLabel(VerificationOutcome o); // "Confirmada": shown
std::optional<VerificationOutcome> parseVerificationOutcome(QStringView code);
// A check of a drawn sample without an outcome: every visit drawn is to be checked, so it is owed.
QString pendingCheckLabel(); // "Pendiente"
// A result nobody verified by phone: the Pivot calls some, not all, so nothing is owed.
QString unverifiedResultLabel(); // "Sin verificar"

// The day's visits a physical check picks: `size` of them, reproducible from `seed`, spread across
// the people — each person's visits shuffled by the seed, then taken in turns. `visits` holds
// (person, booking id) in a stable order (by person, then booking).
QList<qint64> sampleVisits(const QList<std::pair<QString, qint64>> &visits, int size, quint64 seed);
// The visits a sample was drawn from as stored with it ("username:booking id,…") and read back;
// reading gives nothing for a text the program did not write.
QString samplePopulationText(const QList<std::pair<QString, qint64>> &visits);
QList<std::pair<QString, qint64>> parseSamplePopulation(const QString &text);

// The visits a sample of `day` in `branchCode` is drawn from — (person, booking id) of the visits with a
// result, in the order sampleVisits expects. With `asOfUtc` (ISO, as drawn_at is stored), the visits as
// they stood then: results entered later left out, visits un-booked later put back.
QList<std::pair<QString, qint64>> samplePopulation(const Database &db, QDate day, const QString &branchCode,
                                                   const QString &asOfUtc = {});

// A drawn sample as stored: its seed, so it can be drawn again before an auditor, and each check.
struct VerificationSample
{
    qint64 id = 0;
    QDate day;
    QString branchCode;
    quint64 seed = 0;
    QList<qint64> bookingIds;
};

// The Pivot's checks of what was entered (domain.md, "Supervision"): by phone on one result, and
// physically on a reproducible sample of a day's visits; and errors recorded by hand. Each change
// one audited transaction.
class VerificationService final
{
public:
    VerificationService(const Database &db, Session session, PermissionTable permissions, const Clock &clock)
        : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_clock(clock)
    {
    }

    // Marks a result verified by phone: confirmed or contradicted, with a note (required when contradicted).
    bool verifyByPhone(qint64 bookingId, bool confirmed, const QString &note, QString *error) const;
    // Draws and records a sample of the day's visits with results in a branch.
    std::optional<VerificationSample> drawSample(QDate day, const QString &branchCode, int size, quint64 seed,
                                                 QString *error) const;
    bool recordCheck(qint64 sampleId, qint64 bookingId, bool confirmed, const QString &note, QString *error) const;
    // An error the rules do not see, told to the person and counted like the others.
    bool recordError(qint64 staffId, QDate day, const QString &creditNumber, const QString &note, QString *error) const;

private:
    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
};

} // namespace cobranza
