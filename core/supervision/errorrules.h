#pragma once

#include "supervision/errorcatalogue.h"
#include "ratingroles.h"
#include "role.h"
#include "timewindows.h"
#include "visitstate.h"
#include "workingcalendar.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace cobranza {

class Database;

// How many visits each person must have booked for a working day (error E09); 0: not judged.
struct MinimumVisits
{
    int advisor = 6; // setting supervision/min_visits
    int officer = 4; // setting supervision/min_visits_officer: C–E visits take longer
    static MinimumVisits load(const Database &db);
    int forRole(Role role) const;
};

// The limits supervision judges by; the cooperative's defaults, each configurable.
struct SupervisionRules
{
    TimeWindows windows;
    WorkingCalendar calendar;
    MinimumVisits minVisits;
    RatingRoles ratingRoles = RatingRoles::defaults(); // whose credits are whose
    static SupervisionRules fromSettings(const Database &db, int year);
};

// What the error rules look at in one booked visit and its result.
struct VisitFacts
{
    QDate visitDate;
    bool hasResult = false;
    std::optional<VisitState> state;
    QString justification;
    QString initials;        // of the person who made the visit
    QDate rescheduleDate;
    bool late = false;
    bool promiseVisit = false; // the visit of the day a member promised to pay
    bool contradicted = false; // a verification said otherwise
};

// The errors of one visit (domain.md, "Supervision"): a missing result once due, a late entry, a
// justification missing or without the initials, a re-scheduling beyond the limit or of a promise
// visit, a contradicted verification.
QList<ErrorType> visitErrors(const VisitFacts &visit, const SupervisionRules &rules, const QDateTime &now);

// Too few visits booked for a working day by someone of `role`; non-working days and the month's
// days before planning opens (its first working day) ask for none.
bool tooFewVisits(QDate day, int visitsBooked, Role role, const SupervisionRules &rules);

// Every error of a branch (every branch when empty) in [from, to], rule-detected and recorded by
// hand, ordered by day and person. Members in arrears without work are judged once per month, on
// its last working day, as one error per person naming how many.
QList<StaffError> detectErrors(const Database &db, QDate from, QDate to, const QString &branchCode,
                               const SupervisionRules &rules, const QDateTime &now);

} // namespace cobranza
