#include "activityindicators.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace cobranza {

int PersonActivity::results() const
{
    return std::accumulate(byState.begin(), byState.end(), 0);
}

std::optional<double> PersonActivity::keptRate() const
{
    return promiseKeptRate(kept, partlyKept, judged);
}

bool countsAsMade(std::optional<VisitState> state)
{
    return state && *state != VisitState::NoVisitado && *state != VisitState::Desagendado
           && *state != VisitState::Agendado;
}

std::optional<double> promiseKeptRate(int kept, int partlyKept, int judged)
{
    if (judged <= 0)
        return std::nullopt;
    return static_cast<double>(kept + partlyKept) * 100.0 / static_cast<double>(judged);
}

void addVisit(PersonActivity *person, const VisitFact &visit)
{
    if (visit.cancelled) {
        // Taken off the sheet: neither booked nor made, whatever was entered before.
        ++person->cancelled;
        return;
    }
    if (!visit.ownInitiative)
        ++person->booked;
    if (countsAsMade(visit.state))
        ++person->made;
    if (visit.state)
        ++person->byState.at(static_cast<size_t>(*visit.state));
    else
        ++person->withoutResult;
    person->collected += visit.collected;
    if (visit.late)
        ++person->late;
    if (visit.promised) {
        ++person->promises;
        if (visit.promiseOutcome) {
            ++person->judged;
            switch (*visit.promiseOutcome) {
            case PromiseOutcome::Kept: ++person->kept; break;
            case PromiseOutcome::PartlyKept: ++person->partlyKept; break;
            case PromiseOutcome::Broken: ++person->broken; break;
            }
        }
    }
}

QList<PersonActivity> summarizeActivity(const QList<ActivityPerson> &people, const QList<VisitFact> &visits,
                                        const QList<qint64> &errors)
{
    std::map<qint64, PersonActivity> byId;
    for (const ActivityPerson &p : people) {
        PersonActivity &a = byId[p.staffId];
        a.staffId = p.staffId;
        a.name = p.name;
        a.branchCode = p.branchCode;
    }
    const auto personFor = [&byId](qint64 id) -> PersonActivity & {
        PersonActivity &a = byId[id];
        a.staffId = id;
        return a;
    };
    for (const VisitFact &v : visits)
        addVisit(&personFor(v.workerId), v);
    for (qint64 id : errors)
        ++personFor(id).errors;
    QList<PersonActivity> out;
    for (auto &[id, a] : byId)
        out.append(a);
    std::stable_sort(out.begin(), out.end(),
                     [](const PersonActivity &a, const PersonActivity &b) { return a.name < b.name; });
    return out;
}

} // namespace cobranza
