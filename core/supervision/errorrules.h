#pragma once

#include "supervision/errorcatalogue.h"
#include "ratingroles.h"
#include "timewindows.h"
#include "visitstate.h"
#include "workingcalendar.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace cobranza {

class Database;

// The limits supervision judges by; the cooperative's defaults, each configurable.
struct SupervisionRules
{
    TimeWindows windows;
    WorkingCalendar calendar;
    int minVisitsPerDay = 6; // setting supervision/min_visits
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

// Too few visits booked for a working day; non-working days ask for none.
bool tooFewVisits(QDate day, int visitsBooked, const SupervisionRules &rules);

// Every error of a branch (every branch when empty) in [from, to], rule-detected and recorded by
// hand, ordered by day and person. Members in arrears without work are judged once per month, on
// its last working day, as one error per person naming how many.
QList<StaffError> detectErrors(const Database &db, QDate from, QDate to, const QString &branchCode,
                               const SupervisionRules &rules, const QDateTime &now);

} // namespace cobranza
