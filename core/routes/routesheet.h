#pragma once

#include "money.h"
#include "noticetype.h"
#include "portfolio/portfoliotypes.h"
#include "rating.h"
#include "visitstate.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

// A point on the map: the address of a visit or a branch.
struct GeoPoint
{
    double latitude = 0;
    double longitude = 0;
    bool operator==(const GeoPoint &) const = default;
};

// One booked visit of a route sheet, with everything the printed sheet and the agenda show.
struct RouteVisit
{
    qint64 bookingId = 0;
    int order = 0; // 1-based position on the route
    QString creditNumber;
    QString memberNumber;
    QString cedula;
    QString memberName;
    QString homeAddress;
    QString businessAddress;
    QString sector;
    QString phones; // "0991234567 / 062612345"
    int daysPastDue = 0;
    Money overdue;
    Money balance;
    Rating rating = Rating::A1;
    QList<Guarantor> guarantors;
    QString action;                   // what the ladder calls for at these days past due
    std::optional<NoticeType> notice; // the notice the ladder calls for, if any
    std::optional<GeoPoint> location;
    std::optional<VisitState> state;  // the result entered, if any
    QString source;                   // TRAY, RESCHEDULE, PROPIA, REZAGADO
    QDate promisedOn;                 // a promise to pay of this credit not yet judged
    bool promiseBroken = false;       // a promise of this credit was judged broken this month
    bool outsideWindow = false;
    bool operator==(const RouteVisit &) const = default;
};

// One person's visits for one day, in route order, with its approval (visto bueno).
struct RouteSheet
{
    StaffMember person;   // who makes the visits
    StaffMember notifier; // NOTIFICADOR: the person, or the pooled user for collections officers
    Branch branch;        // the person's branch: the route starts and ends there
    QDate visitDate;
    int revision = 0;
    QString approvedBy; // full name; empty while not approved
    QDateTime approvedAt;
    QList<RouteVisit> visits;
    bool operator==(const RouteSheet &) const = default;

    bool approved() const { return !approvedBy.isEmpty(); }
    Money totalOverdue() const
    {
        Money total;
        for (const RouteVisit &v : visits)
            total = total + v.overdue;
        return total;
    }
};

} // namespace cobranza
