#pragma once

#include <QString>
#include <QTime>

namespace cobranza {

// The day's deadlines and the limits of the procedure (domain.md, "Time windows"); defaults are
// the cooperative's, each configurable.
struct TimeWindows
{
    QTime bookingUntil{8, 45};      // route sheets booked until
    QTime coordinatorFrom{8, 30};   // coordinators' own sheets from…
    QTime coordinatorUntil{8, 45};  // …until
    QTime printingFrom{8, 45};      // route sheet printing window (shown, not enforced)
    QTime printingUntil{9, 0};
    QTime remindersUntil{9, 0};     // phone reminders before
    QTime resultsDue{8, 45};        // a day's results due by this hour of the next working day
    int dueSoonDays = 3;            // "por vencer": due within this many days
    int maxRescheduleDays = 5;      // a commitment is never re-scheduled further out
    bool operator==(const TimeWindows &) const = default;

    QString validate() const; // Spanish; empty when consistent
};

} // namespace cobranza
