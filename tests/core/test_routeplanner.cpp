// The route planner: distances, zone crossings, and the order of the day's visits.
#include "routes/routeplanner.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using cobranza::GeoPoint;
using cobranza::RouteStop;

namespace {

const GeoPoint ibarra{0.3517, -78.1223};
const GeoPoint otavalo{0.2342, -78.2614};

RouteStop at(const char16_t *sector, double lat, double lon)
{
    return {QString::fromUtf16(sector), GeoPoint{lat, lon}};
}

RouteStop nowhere(const char16_t *sector)
{
    return {QString::fromUtf16(sector), std::nullopt};
}

std::vector<RouteStop> inSectors(std::initializer_list<const char16_t *> sectors)
{
    std::vector<RouteStop> stops;
    for (const char16_t *s : sectors)
        stops.push_back(nowhere(s));
    return stops;
}

std::vector<int> identity(size_t n)
{
    std::vector<int> order(n);
    for (size_t i = 0; i < n; ++i)
        order[i] = static_cast<int>(i);
    return order;
}

bool isPermutation(std::vector<int> order, size_t n)
{
    std::sort(order.begin(), order.end());
    return order == identity(n);
}

// Whether each sector's stops are contiguous in `order`, comparing sectors as the planner does.
bool sectorsContiguous(const std::vector<RouteStop> &stops, const std::vector<int> &order)
{
    return cobranza::zoneCrossings(stops, order) == 0;
}

// The shortest trip over every order that keeps sectors together, by trying them all (small days only).
double bestGroupedKm(const std::vector<RouteStop> &stops, const std::optional<GeoPoint> &origin)
{
    std::vector<int> order = identity(stops.size());
    double best = -1;
    do {
        if (!sectorsContiguous(stops, order))
            continue;
        const double km = cobranza::routeDistanceKm(stops, order, origin);
        if (best < 0 || km < best)
            best = km;
    } while (std::next_permutation(order.begin(), order.end()));
    return best;
}

// Random stops around Ibarra: each sector a cluster a couple of kilometres wide, some without coordinates.
std::vector<RouteStop> randomStops(std::mt19937 &rng, int count, int sectors, double unlocatedShare)
{
    std::uniform_real_distribution<double> spread(-0.02, 0.02);
    std::uniform_real_distribution<double> centre(-0.08, 0.08);
    std::uniform_real_distribution<double> unit(0, 1);
    std::uniform_int_distribution<int> pick(0, sectors - 1);
    std::vector<GeoPoint> centres;
    for (int s = 0; s < sectors; ++s)
        centres.push_back({ibarra.latitude + centre(rng), ibarra.longitude + centre(rng)});
    std::vector<RouteStop> stops;
    for (int i = 0; i < count; ++i) {
        const int s = pick(rng);
        RouteStop stop{QStringLiteral("Sector %1").arg(s), std::nullopt};
        if (unit(rng) >= unlocatedShare)
            stop.location = GeoPoint{centres[static_cast<size_t>(s)].latitude + spread(rng),
                                     centres[static_cast<size_t>(s)].longitude + spread(rng)};
        stops.push_back(stop);
    }
    return stops;
}

} // namespace

TEST_CASE("Route planner: haversine distance Ibarra to Otavalo", "[routeplanner]")
{
    // 0.1175° of latitude and 0.1391° of longitude at the equator: about 20.25 km in a straight line.
    CHECK(cobranza::distanceKm(ibarra, otavalo) == Approx(20.25).margin(0.05));
    CHECK(cobranza::distanceKm(otavalo, ibarra) == Approx(cobranza::distanceKm(ibarra, otavalo)));
    CHECK(cobranza::distanceKm(ibarra, ibarra) == 0.0);
    // One degree of latitude is about 111.2 km.
    CHECK(cobranza::distanceKm(GeoPoint{0, -78}, GeoPoint{1, -78}) == Approx(111.2).margin(0.05));
}

TEST_CASE("Route planner: route distance from the branch and back", "[routeplanner]")
{
    const std::vector<RouteStop> stops{at(u"A", otavalo.latitude, otavalo.longitude), nowhere(u"B")};
    const double oneWay = cobranza::distanceKm(ibarra, otavalo);
    CHECK(cobranza::routeDistanceKm(stops, {0, 1}, ibarra) == Approx(2 * oneWay));
    CHECK(cobranza::routeDistanceKm(stops, {1, 0}, ibarra) == Approx(2 * oneWay));
    CHECK(cobranza::routeDistanceKm(stops, {0, 1}, std::nullopt) == 0.0); // one located stop, no branch
    CHECK(cobranza::routeDistanceKm(stops, {}, ibarra) == 0.0);
}

TEST_CASE("Route planner: zone crossings", "[routeplanner]")
{
    CHECK(cobranza::zoneCrossings(inSectors({u"A", u"A", u"B", u"A"}), identity(4)) == 1);
    CHECK(cobranza::zoneCrossings(inSectors({u"A", u"B", u"C"}), identity(3)) == 0);
    CHECK(cobranza::zoneCrossings(inSectors({u"A", u"B", u"A", u"B"}), identity(4)) == 2);
    CHECK(cobranza::zoneCrossings(inSectors({}), {}) == 0);
    CHECK(cobranza::zoneCrossings(inSectors({u"A"}), identity(1)) == 0);
    // Case and accents do not make another sector.
    CHECK(cobranza::zoneCrossings(inSectors({u"Caranqui", u"San Antonio", u"CARANQUÍ"}), identity(3)) == 1);
    CHECK(cobranza::zoneCrossings(inSectors({u"El Olivo", u"el olivo", u"EL OLIVO "}), identity(3)) == 0);
    // The order decides, not the list.
    CHECK(cobranza::zoneCrossings(inSectors({u"A", u"B", u"A"}), {0, 2, 1}) == 0);
    CHECK(cobranza::zoneCrossingPositions(inSectors({u"A", u"B", u"A", u"B"}), identity(4)) == std::vector<int>{2, 3});
}

TEST_CASE("Route planner: sector order is a stable sort by sector", "[routeplanner]")
{
    const auto stops = inSectors({u"Yahuarcocha", u"Azaya", u"yahuarcocha", u"Ázaya", u"Caranqui"});
    CHECK(cobranza::sectorOrder(stops) == std::vector<int>{1, 3, 4, 0, 2});
}

TEST_CASE("Route planner: the plan groups stops by sector", "[routeplanner]")
{
    // Interleaved on the list, and geographically a nearest-neighbour tour would alternate sectors.
    const std::vector<RouteStop> stops{
        at(u"Norte", 0.3600, -78.1200), at(u"Sur", 0.3400, -78.1200),   at(u"Norte", 0.3650, -78.1210),
        at(u"Sur", 0.3350, -78.1190),   at(u"norte", 0.3700, -78.1220), at(u"Centro", 0.3510, -78.1230),
        at(u"Sur", 0.3300, -78.1180),   at(u"Centro", 0.3520, -78.1215),
    };
    const std::vector<int> plan = cobranza::planRoute(stops, ibarra);
    REQUIRE(isPermutation(plan, stops.size()));
    CHECK(sectorsContiguous(stops, plan));
    CHECK(cobranza::routeDistanceKm(stops, plan, ibarra)
          <= cobranza::routeDistanceKm(stops, cobranza::sectorOrder(stops), ibarra) + 1e-9);
    // On a day this small the best grouped order can be found by trying them all: the plan is it.
    CHECK(cobranza::routeDistanceKm(stops, plan, ibarra) == Approx(bestGroupedKm(stops, ibarra)).epsilon(1e-9));
}

TEST_CASE("Route planner: never longer than sector order on random days", "[routeplanner]")
{
    std::mt19937 rng(20261122);
    int shorter = 0;
    for (int round = 0; round < 300; ++round) {
        const int count = 1 + round % 40;
        const int sectors = 1 + round % 9;
        const auto stops = randomStops(rng, count, sectors, round % 3 == 0 ? 0.2 : 0.0);
        const std::optional<GeoPoint> origin = round % 5 == 4 ? std::nullopt : std::optional<GeoPoint>(ibarra);
        const std::vector<int> plan = cobranza::planRoute(stops, origin);
        INFO("round " << round << ", " << count << " stops in " << sectors << " sectors");
        REQUIRE(isPermutation(plan, stops.size()));
        CHECK(sectorsContiguous(stops, plan));
        const double planned = cobranza::routeDistanceKm(stops, plan, origin);
        const double plain = cobranza::routeDistanceKm(stops, cobranza::sectorOrder(stops), origin);
        CHECK(planned <= plain + 1e-9);
        if (planned < plain - 0.01)
            ++shorter;
        CHECK(cobranza::planRoute(stops, origin) == plan); // deterministic
    }
    CHECK(shorter > 200); // and, on most days, actually shorter
}

TEST_CASE("Route planner: close to the best grouped order on small days", "[routeplanner]")
{
    std::mt19937 rng(7);
    double worst = 1;
    int best = 0;
    const int days = 40;
    for (int day = 0; day < days; ++day) {
        const auto stops = randomStops(rng, 7, 3, 0.0);
        const double planned = cobranza::routeDistanceKm(stops, cobranza::planRoute(stops, ibarra), ibarra);
        const double optimum = bestGroupedKm(stops, ibarra);
        worst = std::max(worst, planned / optimum);
        if (planned <= optimum + 1e-9)
            ++best;
    }
    INFO("optimal on " << best << " of " << days << " days, worst " << worst << " times the optimum");
    CHECK(best >= days * 3 / 4);
    CHECK(worst < 1.05);
}

TEST_CASE("Route planner: 2-opt uncrosses a square", "[routeplanner]")
{
    // Corners of a square about 1.1 km wide, visited 0 2 1 3: the two diagonals cross.
    const std::vector<GeoPoint> square{{0.35, -78.13}, {0.35, -78.12}, {0.36, -78.12}, {0.36, -78.13}};
    std::vector<RouteStop> stops;
    for (const GeoPoint &p : square)
        stops.push_back({QStringLiteral("A"), p});
    const std::vector<int> crossed{0, 2, 1, 3};
    for (const std::optional<GeoPoint> &origin : {std::optional<GeoPoint>(square[0]), std::optional<GeoPoint>()}) {
        const std::vector<int> uncrossed = cobranza::twoOpt(square, crossed, origin);
        REQUIRE(isPermutation(uncrossed, 4));
        // Around the edge, one way or the other.
        const std::set<std::vector<int>> perimeter{{0, 1, 2, 3}, {0, 3, 2, 1}, {1, 2, 3, 0}, {3, 2, 1, 0},
                                                   {2, 1, 0, 3}, {2, 3, 0, 1}, {1, 0, 3, 2}, {3, 0, 1, 2}};
        CHECK(perimeter.count(uncrossed) == 1);
        CHECK(cobranza::routeDistanceKm(stops, uncrossed, origin)
              < cobranza::routeDistanceKm(stops, crossed, origin) - 0.5);
    }
    // Already uncrossed: left as it is.
    CHECK(cobranza::twoOpt(square, {0, 1, 2, 3}, square[0]) == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("Route planner: stops without coordinates close their sector", "[routeplanner]")
{
    const std::vector<RouteStop> stops{
        nowhere(u"Norte"), at(u"Norte", 0.3600, -78.1200), nowhere(u"Rural"),
        at(u"Sur", 0.3400, -78.1200), at(u"Norte", 0.3650, -78.1210), nowhere(u"Sur"),
    };
    const std::vector<int> plan = cobranza::planRoute(stops, ibarra);
    REQUIRE(isPermutation(plan, stops.size()));
    CHECK(sectorsContiguous(stops, plan));
    const auto positionOf = [&plan](int stop) { return std::find(plan.begin(), plan.end(), stop) - plan.begin(); };
    CHECK(positionOf(0) > positionOf(1)); // after the located stops of Norte
    CHECK(positionOf(0) > positionOf(4));
    CHECK(positionOf(5) > positionOf(3)); // after Sur's
    CHECK(plan.back() == 2);              // a sector with no coordinates at all goes last

    const auto unknown = inSectors({u"B", u"A", u"B"});
    CHECK(cobranza::planRoute(unknown, ibarra) == std::vector<int>{1, 0, 2}); // sector order
}

TEST_CASE("Route planner: empty day and a single stop", "[routeplanner]")
{
    CHECK(cobranza::planRoute({}, ibarra).empty());
    CHECK(cobranza::planRoute({}, std::nullopt).empty());
    const std::vector<RouteStop> one{at(u"Centro", otavalo.latitude, otavalo.longitude)};
    CHECK(cobranza::planRoute(one, ibarra) == std::vector<int>{0});
    CHECK(cobranza::planRoute(one, std::nullopt) == std::vector<int>{0});
    CHECK(cobranza::planRoute(inSectors({u"Centro"}), ibarra) == std::vector<int>{0});
}

TEST_CASE("Route planner: without a branch the plan is an open path", "[routeplanner]")
{
    // Four stops on a line; without a branch the best path runs end to end.
    const std::vector<RouteStop> stops{at(u"A", 0.30, -78.10), at(u"A", 0.33, -78.10), at(u"A", 0.31, -78.10),
                                       at(u"A", 0.32, -78.10)};
    const std::vector<int> plan = cobranza::planRoute(stops, std::nullopt);
    const double straight = cobranza::distanceKm(GeoPoint{0.30, -78.10}, GeoPoint{0.33, -78.10});
    CHECK(cobranza::routeDistanceKm(stops, plan, std::nullopt) == Approx(straight));
    CHECK((plan == std::vector<int>{0, 2, 3, 1} || plan == std::vector<int>{1, 3, 2, 0}));
}
