#include "routeplanner.h"

#include "textfold.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cobranza {

namespace {

constexpr double kEarthRadiusKm = 6371.0088; // mean radius (IUGG)
// Gains below a millimetre are rounding noise; accepting them could swap two equal orders forever.
constexpr double kMinGainKm = 1e-6;

// Distances between located points, with the origin as one more point; `none` (-1) stands for a
// missing origin, to and from which every leg is free, so the same code plans an open path.
class DistanceTable final
{
public:
    static constexpr int none = -1;

    DistanceTable(const std::vector<GeoPoint> &points, const std::optional<GeoPoint> &origin)
        : m_size(static_cast<int>(points.size()) + 1), m_origin(origin ? m_size - 1 : none),
          m_km(static_cast<size_t>(m_size) * static_cast<size_t>(m_size), 0.0)
    {
        std::vector<GeoPoint> all = points;
        all.push_back(origin.value_or(GeoPoint{}));
        for (int a = 0; a < m_size; ++a)
            for (int b = a + 1; b < m_size; ++b)
                at(a, b) = at(b, a) = distanceKm(all[a], all[b]);
    }

    int origin() const { return m_origin; }
    double operator()(int a, int b) const { return a == none || b == none ? 0.0 : m_km[a * m_size + b]; }
    double length(const std::vector<int> &seq) const
    {
        double km = 0;
        int from = m_origin;
        for (int p : seq) {
            km += (*this)(from, p);
            from = p;
        }
        return km + (*this)(from, m_origin);
    }

private:
    double &at(int a, int b) { return m_km[a * m_size + b]; }

    int m_size;
    int m_origin;
    std::vector<double> m_km;
};

// 2-opt over `seq` (point ids), reversing a stretch i..j whenever that shortens the trip and
// `allowed(i, j)` says the reversal keeps what must stay together. First improvement, scanned in
// a fixed order, so equal inputs give equal plans.
template <typename Allowed, typename Reversed>
bool improveTwoOpt(std::vector<int> &seq, const DistanceTable &d, Allowed allowed, Reversed reversed)
{
    const int m = static_cast<int>(seq.size());
    bool any = false;
    for (bool improved = true; improved;) {
        improved = false;
        for (int i = 0; i + 1 < m; ++i) {
            for (int j = i + 1; j < m; ++j) {
                if (!allowed(i, j))
                    continue;
                const int before = i > 0 ? seq[i - 1] : d.origin();
                const int after = j + 1 < m ? seq[j + 1] : d.origin();
                const int first = seq[i];
                const int last = seq[j];
                const double gain = d(before, first) + d(last, after) - d(before, last) - d(first, after);
                if (gain > kMinGainKm) {
                    std::reverse(seq.begin() + i, seq.begin() + j + 1);
                    reversed(i, j);
                    improved = any = true;
                }
            }
        }
    }
    return any;
}

// A located route split into sector blocks: `block[k]` is the sector of seq[k]; each sector's
// stops are contiguous and stay so under every move below.
struct BlockedRoute
{
    std::vector<int> seq;
    std::vector<int> block;

    bool startsBlock(int k) const { return k == 0 || block[k - 1] != block[k]; }
    bool endsBlock(int k) const { return k + 1 == static_cast<int>(block.size()) || block[k + 1] != block[k]; }
};

// 2-opt moves that keep sectors together: a stretch inside one sector, or a run of whole sectors
// (which visits those sectors in the opposite order, each one backwards).
bool improveInsideAndAcrossSectors(BlockedRoute &r, const DistanceTable &d)
{
    return improveTwoOpt(
        r.seq, d,
        [&r](int i, int j) { return r.block[i] == r.block[j] || (r.startsBlock(i) && r.endsBlock(j)); },
        [&r](int i, int j) { std::reverse(r.block.begin() + i, r.block.begin() + j + 1); });
}

// Moves one whole sector elsewhere in the sector order, forwards or backwards, when that shortens
// the trip: 2-opt alone cannot take a sector out of the middle and put it at the end.
bool improveSectorPlacement(BlockedRoute &r, const DistanceTable &d)
{
    bool any = false;
    for (bool improved = true; improved;) {
        improved = false;
        const int m = static_cast<int>(r.seq.size());
        for (int s = 0; s < m && !improved; ++s) {
            if (!r.startsBlock(s))
                continue;
            int e = s;
            while (!r.endsBlock(e))
                ++e;
            const int first = r.seq[s];
            const int last = r.seq[e];
            const int before = s > 0 ? r.seq[s - 1] : d.origin();
            const int after = e + 1 < m ? r.seq[e + 1] : d.origin();
            const double removed = d(before, first) + d(last, after) - d(before, after);

            std::vector<int> restSeq(r.seq.begin(), r.seq.begin() + s);
            restSeq.insert(restSeq.end(), r.seq.begin() + e + 1, r.seq.end());
            std::vector<int> restBlock(r.block.begin(), r.block.begin() + s);
            restBlock.insert(restBlock.end(), r.block.begin() + e + 1, r.block.end());
            const int n = static_cast<int>(restSeq.size());

            double bestGain = kMinGainKm;
            int bestAt = -1;
            bool bestBackwards = false;
            for (int g = 0; g <= n; ++g) {
                if (g > 0 && g < n && restBlock[g - 1] == restBlock[g])
                    continue; // inside another sector
                const int x = g > 0 ? restSeq[g - 1] : d.origin();
                const int y = g < n ? restSeq[g] : d.origin();
                for (const bool backwards : {false, true}) {
                    if (g == s && !backwards)
                        continue; // where it already is
                    const double added = backwards ? d(x, last) + d(first, y) - d(x, y)
                                                   : d(x, first) + d(last, y) - d(x, y);
                    if (removed - added > bestGain) {
                        bestGain = removed - added;
                        bestAt = g;
                        bestBackwards = backwards;
                    }
                }
            }
            if (bestAt < 0)
                continue;
            std::vector<int> moved(r.seq.begin() + s, r.seq.begin() + e + 1);
            if (bestBackwards)
                std::reverse(moved.begin(), moved.end());
            const int sector = r.block[s];
            restSeq.insert(restSeq.begin() + bestAt, moved.begin(), moved.end());
            restBlock.insert(restBlock.begin() + bestAt, moved.size(), sector);
            r.seq = std::move(restSeq);
            r.block = std::move(restBlock);
            improved = any = true;
        }
    }
    return any;
}

void improve(BlockedRoute &r, const DistanceTable &d)
{
    // Each kind of move can open a gain for the other: alternate until neither shortens the trip.
    improveInsideAndAcrossSectors(r, d);
    for (bool moved = true; moved;)
        moved = improveSectorPlacement(r, d) && improveInsideAndAcrossSectors(r, d);
}

// The stops of one sector, in index order.
struct Sector
{
    std::vector<int> located;   // point ids
    std::vector<int> unlocated; // stop indexes
    GeoPoint centroid;
};

std::vector<QString> sectorKeys(const std::vector<RouteStop> &stops)
{
    std::vector<QString> keys;
    keys.reserve(stops.size());
    for (const RouteStop &s : stops)
        keys.push_back(foldForMatch(s.sector));
    return keys;
}

// Nearest neighbour: sectors by their centroid, and inside each sector stop by stop, from the origin
// (or, with no origin, from the first sector by name).
BlockedRoute nearestNeighbour(const std::vector<Sector> &sectors, const std::vector<GeoPoint> &points,
                              const std::optional<GeoPoint> &origin, const DistanceTable &d)
{
    BlockedRoute r;
    std::vector<bool> sectorDone(sectors.size(), false);
    std::vector<bool> pointDone(points.size(), false);
    std::optional<GeoPoint> here = origin;
    int at = d.origin();
    for (;;) {
        int next = -1;
        double best = 0;
        for (size_t s = 0; s < sectors.size(); ++s) {
            if (sectorDone[s] || sectors[s].located.empty())
                continue;
            const double km = here ? distanceKm(*here, sectors[s].centroid) : 0.0;
            if (next < 0 || km < best) {
                next = static_cast<int>(s);
                best = km;
            }
        }
        if (next < 0)
            return r;
        sectorDone[next] = true;
        const std::vector<int> &own = sectors[next].located;
        for (size_t done = 0; done < own.size(); ++done) {
            int pick = -1;
            for (int p : own)
                if (!pointDone[p] && (pick < 0 || d(at, p) < d(at, pick)))
                    pick = p;
            pointDone[pick] = true;
            r.seq.push_back(pick);
            r.block.push_back(next);
            at = pick;
            here = points[pick];
        }
    }
}

} // namespace

double distanceKm(const GeoPoint &a, const GeoPoint &b)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (b.latitude - a.latitude) * rad;
    const double dLon = (b.longitude - a.longitude) * rad;
    const double h = std::pow(std::sin(dLat / 2), 2)
                     + std::cos(a.latitude * rad) * std::cos(b.latitude * rad) * std::pow(std::sin(dLon / 2), 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double routeDistanceKm(const std::vector<RouteStop> &stops, const std::vector<int> &order,
                       const std::optional<GeoPoint> &origin)
{
    double km = 0;
    std::optional<GeoPoint> from = origin;
    for (int i : order) {
        const std::optional<GeoPoint> &here = stops.at(i).location;
        if (!here)
            continue;
        if (from)
            km += distanceKm(*from, *here);
        from = here;
    }
    if (from && origin)
        km += distanceKm(*from, *origin);
    return km;
}

std::vector<int> zoneCrossingPositions(const std::vector<RouteStop> &stops, const std::vector<int> &order)
{
    std::vector<int> positions;
    QSet<QString> left;
    QString current;
    for (size_t k = 0; k < order.size(); ++k) {
        const QString key = foldForMatch(stops.at(order[k]).sector);
        if (k > 0 && key != current) {
            left.insert(current);
            if (left.contains(key))
                positions.push_back(static_cast<int>(k));
        }
        current = key;
    }
    return positions;
}

int zoneCrossings(const std::vector<RouteStop> &stops, const std::vector<int> &order)
{
    return static_cast<int>(zoneCrossingPositions(stops, order).size());
}

std::vector<int> sectorOrder(const std::vector<RouteStop> &stops)
{
    const std::vector<QString> keys = sectorKeys(stops);
    std::vector<int> order(stops.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) { return keys[a] < keys[b]; });
    return order;
}

std::vector<int> planRoute(const std::vector<RouteStop> &stops, const std::optional<GeoPoint> &origin)
{
    const std::vector<int> plain = sectorOrder(stops);
    const std::vector<QString> keys = sectorKeys(stops);

    // Sectors in name order; the located stops become the points of the distance table.
    std::vector<Sector> sectors;
    std::vector<GeoPoint> points;
    std::vector<int> stopOfPoint;
    BlockedRoute byName; // the plain sector order, as a second starting point
    for (size_t k = 0; k < plain.size(); ++k) {
        const int i = plain[k];
        if (k == 0 || keys[i] != keys[plain[k - 1]])
            sectors.emplace_back();
        Sector &sector = sectors.back();
        const std::optional<GeoPoint> &at = stops[i].location;
        if (!at) {
            sector.unlocated.push_back(i);
            continue;
        }
        const int p = static_cast<int>(points.size());
        sector.located.push_back(p);
        points.push_back(*at);
        stopOfPoint.push_back(i);
        byName.seq.push_back(p);
        byName.block.push_back(static_cast<int>(sectors.size()) - 1);
    }
    for (Sector &s : sectors) {
        for (int p : s.located) {
            s.centroid.latitude += points[p].latitude / static_cast<double>(s.located.size());
            s.centroid.longitude += points[p].longitude / static_cast<double>(s.located.size());
        }
    }

    const DistanceTable d(points, origin);
    BlockedRoute nearest = nearestNeighbour(sectors, points, origin, d);
    improve(nearest, d);
    improve(byName, d);
    const BlockedRoute &best = d.length(nearest.seq) <= d.length(byName.seq) ? nearest : byName;

    // Each sector's stops without coordinates close it; sectors with none located go last.
    std::vector<int> order;
    order.reserve(stops.size());
    std::vector<bool> placed(sectors.size(), false);
    for (size_t k = 0; k < best.seq.size(); ++k) {
        order.push_back(stopOfPoint[best.seq[k]]);
        const int s = best.block[k];
        if (k + 1 == best.seq.size() || best.block[k + 1] != best.block[k]) {
            order.insert(order.end(), sectors[s].unlocated.begin(), sectors[s].unlocated.end());
            placed[s] = true;
        }
    }
    for (size_t s = 0; s < sectors.size(); ++s)
        if (!placed[s])
            order.insert(order.end(), sectors[s].unlocated.begin(), sectors[s].unlocated.end());

    // byName starts as the plain order and moves are only taken when they shorten the trip, so this
    // holds; the check keeps the promise made in the header should that reasoning ever break.
    if (routeDistanceKm(stops, order, origin) > routeDistanceKm(stops, plain, origin) + kMinGainKm)
        return plain;
    return order;
}

std::vector<int> twoOpt(const std::vector<GeoPoint> &points, std::vector<int> order,
                        const std::optional<GeoPoint> &origin)
{
    const DistanceTable d(points, origin);
    improveTwoOpt(order, d, [](int, int) { return true; }, [](int, int) {});
    return order;
}

} // namespace cobranza
