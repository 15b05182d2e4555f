#pragma once

#include "money.h"
#include "results/promisejudge.h"
#include "visitstate.h"

#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace cobranza {

// One booked visit of the month as the per-person indicators read it.
struct VisitFact
{
    qint64 workerId = 0;
    bool ownInitiative = false; // Gestión Propia: added after the work, never booked beforehand
    bool cancelled = false;     // taken off the route sheet (desagendada)
    std::optional<VisitState> state; // none while no result was entered
    Money collected;
    bool late = false;
    bool promised = false;      // the result carries a promise to pay
    std::optional<PromiseOutcome> promiseOutcome; // none until a later report judged it
    bool operator==(const VisitFact &) const = default;
};

// One person's work in a month.
struct PersonActivity
{
    qint64 staffId = 0;
    QString name;
    QString branchCode;
    int booked = 0;      // on the route sheet, not taken off, not Gestión Propia
    int made = 0;        // with a result that says the visit was made (countsAsMade)
    int cancelled = 0;
    int withoutResult = 0;
    std::array<int, 9> byState{}; // results per VisitState
    int promises = 0;
    int judged = 0;
    int kept = 0;
    int partlyKept = 0;
    int broken = 0;
    Money collected;
    int late = 0;
    int errors = 0;
    int results() const;
    std::optional<double> keptRate() const; // promiseKeptRate of the counts
    bool operator==(const PersonActivity &) const = default;
};

// A visit is made unless its result is No Visitado, Desagendado or Agendado (or there is none).
bool countsAsMade(std::optional<VisitState> state);
// (kept + partly kept) ÷ judged × 100; nullopt when nothing was judged yet.
std::optional<double> promiseKeptRate(int kept, int partlyKept, int judged);

// Adds a visit to its person's figures.
void addVisit(PersonActivity *person, const VisitFact &visit);

// A staff member as the per-person indicators name them.
struct ActivityPerson
{
    qint64 staffId = 0;
    QString name;
    QString branchCode;
};

// The month's figures per person: everyone in `people` (so a person with no work shows as zero,
// which is itself news), then anyone else the facts name; sorted by name. `errors` holds one
// staff id per error recorded in the month.
QList<PersonActivity> summarizeActivity(const QList<ActivityPerson> &people, const QList<VisitFact> &visits,
                                        const QList<qint64> &errors);

} // namespace cobranza
