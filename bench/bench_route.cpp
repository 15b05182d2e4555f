// Route planner benchmark: planRoute on generated days of visits around Ibarra (a day's 60 visits
// in about 8 sectors, and 200 for information), timing each plan. See bench/README.md.
#include "routes/routeplanner.h"

#include <QString>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <random>
#include <vector>

using namespace cobranza;

namespace {

const GeoPoint kIbarra{0.3517, -78.1223}; // the branch

// A day of visits: sectors are clusters a couple of kilometres wide within about 9 km of the
// branch; one visit in twenty has no coordinates, as in the imported portfolio.
std::vector<RouteStop> generateDay(std::mt19937 &rng, int visits, int sectors)
{
    std::uniform_real_distribution<double> centre(-0.08, 0.08);
    std::uniform_real_distribution<double> spread(-0.015, 0.015);
    std::uniform_real_distribution<double> unit(0, 1);
    std::uniform_int_distribution<int> pick(0, sectors - 1);
    std::vector<GeoPoint> centres;
    for (int s = 0; s < sectors; ++s)
        centres.push_back({kIbarra.latitude + centre(rng), kIbarra.longitude + centre(rng)});
    std::vector<RouteStop> day;
    for (int i = 0; i < visits; ++i) {
        const auto s = static_cast<size_t>(pick(rng));
        RouteStop stop{QStringLiteral("Sector %1").arg(s), std::nullopt};
        if (unit(rng) >= 0.05)
            stop.location = GeoPoint{centres[s].latitude + spread(rng), centres[s].longitude + spread(rng)};
        day.push_back(stop);
    }
    return day;
}

void run(int visits, int sectors, int repeat, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<double> ms;
    double plainKm = 0;
    double plannedKm = 0;
    long long listCrossings = 0;
    for (int r = 0; r < repeat; ++r) {
        const std::vector<RouteStop> day = generateDay(rng, visits, sectors);
        const auto start = std::chrono::steady_clock::now();
        const std::vector<int> plan = planRoute(day, kIbarra);
        const auto end = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        std::vector<int> asListed(day.size());
        for (size_t i = 0; i < asListed.size(); ++i)
            asListed[i] = static_cast<int>(i);
        plainKm += routeDistanceKm(day, sectorOrder(day), kIbarra);
        plannedKm += routeDistanceKm(day, plan, kIbarra);
        listCrossings += zoneCrossings(day, asListed);
        if (zoneCrossings(day, plan) != 0) {
            std::fprintf(stderr, "bench_route: a plan crosses zones (seed %u, day %d)\n", seed, r);
            std::exit(1);
        }
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    std::printf("%4d visits, %2d sectors, %4d days   min %7.3f   median %7.3f   max %7.3f ms\n", visits, sectors,
                repeat, ms.front(), median, ms.back());
    std::printf("      mean km: sector order %6.1f, planned %6.1f (%.1f %% shorter); "
                "zone crossings in booking order %.1f, planned 0\n",
                plainKm / repeat, plannedKm / repeat, 100.0 * (1.0 - plannedKm / plainKm),
                static_cast<double>(listCrossings) / repeat);
}

} // namespace

int main(int argc, char **argv)
{
    int repeat = 200;
    unsigned seed = 20261122;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--repeat") == 0)
            repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--seed") == 0)
            seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
    }
    // On a shared machine the max includes waiting for a core: say how busy it was.
    std::string load;
    std::getline(std::ifstream("/proc/loadavg"), load);
    std::printf("planRoute, branch at Ibarra, one generated day per repetition (seed %u); load average %s\n", seed,
                load.empty() ? "unknown" : load.c_str());
    run(60, 8, repeat, seed);
    std::printf("target: median and max under 50 ms at 60 visits\n");
    run(200, 8, repeat, seed + 1);
    run(200, 20, repeat, seed + 2);
    return 0;
}
