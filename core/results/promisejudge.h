#pragma once

#include "money.h"

#include <QDate>
#include <QString>
#include <functional>
#include <optional>

namespace cobranza {

class Database;

// How a promise to pay ended, judged from the first report on or after the promised day.
enum class PromiseOutcome { Kept, PartlyKept, Broken };
QString promiseOutcomeCode(PromiseOutcome o);  // "KEPT": stored
QString promiseOutcomeLabel(PromiseOutcome o); // "Cumplida": shown
std::optional<PromiseOutcome> parsePromiseOutcome(QStringView code);

// A credit's figures on one report, as the judging rule reads them.
struct CreditFigures
{
    int daysPastDue = 0;
    Money overdue;
    bool operator==(const CreditFigures &) const = default;
};

// What is known about one promise when a later report arrives.
struct PromiseFacts
{
    std::optional<Money> promised;       // the amount promised, if one was agreed
    std::optional<CreditFigures> before; // on the report the visit was planned from
    std::optional<CreditFigures> after;  // on the first report on or after the promised day; none:
                                         // the credit left the report of overdue credits
    Money collected;                     // entered as Recaudación from the visit to the promised day
};

// The cooperative's rule, written down once:
// - Kept: the credit is up to date (left the report, no days past due or nothing overdue), or what
//   was paid — the drop of the overdue amount plus the money collected — reaches the promised amount.
// - Partly kept: something was paid (the overdue amount or the days past due went down, or money was
//   collected) but not all.
// - Broken: nothing was paid.
PromiseOutcome judgePromise(const PromiseFacts &facts);

// Called for each promise judged, inside the same transaction (the import audits each one); a false
// return stops the judging as a failure.
using PromiseJudged = std::function<bool(const QString &creditNumber, QDate promisedOn, PromiseOutcome outcome)>;

// Judges every promise due by `cutOff` and not yet judged against that snapshot; returns how many, or
// -1 on a database error. Runs inside the import's transaction; `now` dates the judgements.
int judgeDuePromises(const Database &db, qint64 snapshotId, QDate cutOff, const QDateTime &now,
                     const PromiseJudged &judged = {});

} // namespace cobranza
