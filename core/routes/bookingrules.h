#pragma once

#include "permissions.h"
#include "portfolio/portfoliotypes.h"
#include "ratingroles.h"
#include "session.h"
#include "timewindows.h"
#include "workingcalendar.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace cobranza {

// What the booking rules allow one user to do on another person's route sheet.
struct BookingGrant
{
    std::optional<QString> refusal; // Spanish; nullopt when allowed
    bool rezagado = false;          // the Pivot booking someone else's sheet: source REZAGADO
    bool coordinatorOwn = false;    // a coordinator's own sheet has its own, narrower window
    bool onPool = false;            // a collections officer's visits are stored on his pooled user
};

// Who may book for whom (domain.md, "Building the route sheet"). `target` is the person the
// visits are for — never the pooled user, which the caller resolves to the officer first.
BookingGrant bookingGrant(const PermissionTable &table, const Session &actor, const StaffMember &target);

// Where the clock stands against the booking window for a visit date.
enum class BookingWindow { Open, Closed, PastDate };

// The window only binds a sheet for the day it is made: later dates are always open, past ones
// never. Compared to the second, so 08:45:00 is in and 08:45:01 is out.
BookingWindow bookingWindow(const TimeWindows &windows, const QDateTime &now, QDate visitDate, bool coordinatorOwn);
// Spanish reason for a Closed or PastDate window.
QString bookingWindowRefusal(const TimeWindows &windows, const QDateTime &now, QDate visitDate, bool coordinatorOwn);

// The month's planning opens on its second working day (domain.md, "The month"): the first one is
// the day the previous month closes and the branch agrees its visit schedule. Route sheets are
// planned for that day on; re-scheduling a visit from its result is not planning and may fall earlier.
QDate planningOpensOn(const WorkingCalendar &calendar, QDate day);
// The day a planner most likely books for: the next working day after `today`, or the day planning
// opens when that comes first.
QDate defaultVisitDate(const WorkingCalendar &calendar, QDate today);
// nullopt when sheets may be planned for `visitDate`; otherwise the Spanish reason.
std::optional<QString> planningRefusal(const WorkingCalendar &calendar, QDate visitDate);

// nullopt when a credit of `rating` belongs to `role`; otherwise the Spanish reason.
std::optional<QString> ratingRefusal(const RatingRoles &roles, const QString &creditNumber, Rating rating, Role role);

} // namespace cobranza
