#pragma once

#include "permissions.h"
#include "session.h"
#include "supervision/verificationservice.h"
#include "visitstate.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// A stored physical sample as a month's list shows it: who drew it, and how far its checks went.
struct SampleSummary
{
    qint64 id = 0;
    QDate day;
    QString branchCode;
    quint64 seed = 0;
    int size = 0;   // visits asked for
    int visits = 0; // visits drawn: fewer when the day had fewer with a result
    QString drawnBy;
    QString drawnByInitials; // as the cooperative signs papers: "MFP"
    QDateTime drawnAt; // UTC
    int confirmed = 0;
    int contradicted = 0;

    int checked() const { return confirmed + contradicted; }
    int pending() const { return visits - checked(); }
    bool operator==(const SampleSummary &) const = default;
};

// One visit of a stored sample and what its physical check found.
struct SampleCheck
{
    int position = 0; // 1 for the first drawn: the order the papers are checked in
    qint64 bookingId = 0;
    QString creditNumber;
    QString memberName;
    QString address;
    QString sector;
    QString visitedBy;         // who made the visit
    QString visitedByUsername;
    std::optional<VisitState> state;              // the result entered
    std::optional<VerificationOutcome> outcome;   // none: still pending
    QString note;
    QString checkedBy;
    QString checkedByInitials;
    QDateTime checkedAt; // UTC

    bool operator==(const SampleCheck &) const = default;
};

// A stored sample with its checks in the order drawn.
struct SampleRecord
{
    SampleSummary summary;
    QList<SampleCheck> checks;
};

// A stored sample drawn again from its seed: whether the seed still gives the same visits, and if
// not, whether the day's visits changed since the draw or the stored sample cannot be explained.
struct SampleReplay
{
    enum class Verdict {
        Same,              // today's visits of the day draw the stored sample again
        VisitsChanged,     // they do not, but the visits as they stood at the draw do
        Unexplained,       // not even the visits as they stood at the draw give the stored sample
    };
    Verdict verdict = Verdict::Same;
    QList<qint64> stored;          // booking ids, in the order drawn
    QList<qint64> replayed;        // drawn again from today's visits
    QList<qint64> replayedAsDrawn; // drawn again from the visits as they stood at the draw
    QList<qint64> addedSince;      // visits whose result was entered after the draw
    QList<qint64> removedSince;    // visits with a result un-booked after the draw
};

QString replayVerdictLabel(SampleReplay::Verdict v); // "Sí", "No: cambiaron las visitas", "No: sin explicación"
// The sentence an auditor reads: what was drawn again and, when it differs, why.
QString describeReplay(const SampleReplay &r);

// The stored physical samples read back for the Pivot and an auditor (domain.md, "Supervision"):
// the month's list, one sample with its checks, and the sample drawn again from its seed. Reading
// needs the supervision permission and stays in the session's branch, as drawing does.
class SampleHistory final
{
public:
    SampleHistory(const Database &db, Session session, PermissionTable permissions)
        : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions))
    {
    }

    // Samples of the days from `from` to `to` in `branchCode` (empty: every branch the session may
    // read), by day and then in the order drawn.
    std::optional<QList<SampleSummary>> list(QDate from, QDate to, const QString &branchCode, QString *error) const;
    std::optional<SampleRecord> load(qint64 sampleId, QString *error) const;
    std::optional<SampleReplay> replay(qint64 sampleId, QString *error) const;

private:
    std::optional<SampleSummary> summary(qint64 sampleId, QString *error) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
};

} // namespace cobranza
