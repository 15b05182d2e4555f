#pragma once

#include "routesheet.h"

#include <QString>

#include <optional>
#include <vector>

namespace cobranza {

// One stop to order: its sector and, when known, where it is.
struct RouteStop
{
    QString sector;
    std::optional<GeoPoint> location;
    bool operator==(const RouteStop &) const = default;
};

// Great-circle (haversine) distance in kilometres.
double distanceKm(const GeoPoint &a, const GeoPoint &b);

// Kilometres of visiting `order` (indexes into `stops`), from `origin` and back to it when there is
// one. Stops without a location are skipped: the leg goes from the last located stop to the next.
double routeDistanceKm(const std::vector<RouteStop> &stops, const std::vector<int> &order,
                       const std::optional<GeoPoint> &origin);

// Positions in `order` where the route enters a sector it has already left (A A B A -> {3}).
// Sectors compare without case or accents.
std::vector<int> zoneCrossingPositions(const std::vector<RouteStop> &stops, const std::vector<int> &order);

// How many times the route enters a sector it has already left: A A B A -> 1, A B C -> 0, A B A B -> 2.
int zoneCrossings(const std::vector<RouteStop> &stops, const std::vector<int> &order);

// The stops in "sector order": stably sorted by sector (without case or accents). The plan is never
// longer than this.
std::vector<int> sectorOrder(const std::vector<RouteStop> &stops);

// The visiting order of the day: each sector's stops together, the sectors and the stops inside
// each arranged to shorten the trip from `origin` and back (nearest neighbour, then 2-opt moves
// that keep sectors together). Stops without a location close their sector. Deterministic, and
// never longer than sectorOrder().
std::vector<int> planRoute(const std::vector<RouteStop> &stops, const std::optional<GeoPoint> &origin);

// 2-opt on `order` (indexes into `points`), a tour from `origin` and back to it, or an open path
// when there is none: reverses stretches while that shortens it, until no reversal does.
std::vector<int> twoOpt(const std::vector<GeoPoint> &points, std::vector<int> order,
                        const std::optional<GeoPoint> &origin);

} // namespace cobranza
