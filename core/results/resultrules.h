#pragma once

#include "results/visitresult.h"
#include "timewindows.h"
#include "workingcalendar.h"

#include <QDateTime>
#include <QList>

namespace cobranza {

// What the rules need to know about the visit a result is for.
struct ResultContext
{
    QDate visitDate;
    bool ownInitiative = false; // a Gestión Propia booking
    bool promiseVisit = false;  // the visit of the day a member promised to pay
    QString initials;           // the worker's: a justification of only these says nothing
    TimeWindows windows;
};

// Every rule the result breaks (domain.md): justification for No Encontrado, No Visitado and
// Llamada Telefónica; Fecha de acuerdo not before the visit and only with an agreement;
// re-scheduling after the visit, within the configured days and never a promise-to-pay visit;
// Recaudación with a positive amount and a receipt; Gestión Propia only for own-initiative entries.
// Empty when the result may be saved.
QList<ResultProblem> resultProblems(const VisitResult &result, const ResultContext &context);

// JUSTIFICACIÓN and ACUERDO as stored: trimmed, upper case, single spaces.
QString resultText(const QString &typed);
// The justification with the worker's initials first ("EPS NO ESTABA"), unless they already are.
QString withInitials(const QString &justification, const QString &initials);
// The text of a justification beyond the initials: what the rule requiring one looks at.
QString justificationBody(const QString &justification, const QString &initials);

// When the results of a day's visits are due: the next working day at the configured hour.
QDateTime resultsDueAt(QDate visitDate, const WorkingCalendar &calendar, const TimeWindows &windows);
// Entered after that: accepted, marked late, counted in the error report.
bool isLateEntry(QDate visitDate, const QDateTime &enteredAt, const WorkingCalendar &calendar,
                 const TimeWindows &windows);

// "14:30", "1430", "9:05" on a 24-hour clock; nullopt when it is not a real time.
std::optional<QTime> parseVisitTime(const QString &text);

} // namespace cobranza
