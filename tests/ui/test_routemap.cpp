// The route map: stops painted where they are, coloured by sector, and clickable.
#include "routes/routemapwidget.h"
#include "routes/routeplanner.h"
#include "uitestsupport.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

using cobranza::GeoPoint;
using cobranza::MapStop;
using cobranza::RouteMapWidget;

namespace {

const GeoPoint branch{0.3517, -78.1223}; // Ibarra

// A day of 20 visits in four sectors of Ibarra. Yacucalle is left for El Olivo and Los Ceibos and
// entered again (one zone crossing); two visits have no coordinates.
QList<MapStop> sampleDay()
{
    struct Row
    {
        const char16_t *name;
        const char16_t *sector;
        double lat;
        double lon;
    };
    const Row rows[] = {
        {u"PÉREZ J.", u"Yacucalle", 0.3480, -78.1268},    {u"ANDRADE M.", u"Yacucalle", 0.3462, -78.1281},
        {u"CHALÁ R.", u"Yacucalle", 0.3455, -78.1250},    {u"VACA L.", u"Yacucalle", 0.3495, -78.1242},
        {u"PUPIALES E.", u"El Olivo", 0.3652, -78.1302},  {u"GUERRERO A.", u"El Olivo", 0.3688, -78.1320},
        {u"TERÁN P.", u"El Olivo", 0.3713, -78.1284},     {u"MORENO S.", u"El Olivo", 0.3671, -78.1261},
        {u"CRUZ D.", u"El Olivo", 0, 0},                    {u"ORTEGA F.", u"Los Ceibos", 0.3581, -78.1083},
        {u"BENÍTEZ C.", u"Los Ceibos", 0.3560, -78.1052}, {u"NARVÁEZ G.", u"Los Ceibos", 0.3598, -78.1031},
        {u"ROSERO K.", u"Yacucalle", 0.3471, -78.1229},   {u"POTOSÍ H.", u"Caranqui", 0.3332, -78.1205},
        {u"IMBAQUINGO T.", u"Caranqui", 0.3301, -78.1188}, {u"FUERTES Y.", u"Caranqui", 0.3270, -78.1221},
        {u"CEVALLOS B.", u"Caranqui", 0.3289, -78.1249},  {u"AYALA N.", u"Caranqui", 0, 0},
        {u"HIDALGO V.", u"Caranqui", 0.3318, -78.1236},   {u"LUNA O.", u"Caranqui", 0.3251, -78.1193},
    };
    QList<MapStop> stops;
    for (const Row &r : rows) {
        MapStop s{static_cast<int>(stops.size()) + 1, QString::fromUtf16(r.name), QString::fromUtf16(r.sector),
                  std::nullopt};
        if (r.lat != 0)
            s.location = GeoPoint{r.lat, r.lon};
        stops.append(s);
    }
    return stops;
}

// A pixel inside the stop's circle but below its number.
QRgb fillOf(const QImage &image, QPointF centre)
{
    return image.pixel(qRound(centre.x()), qRound(centre.y()) + 7);
}

} // namespace

TEST_CASE("Route map: stops are painted in their sector's colour", "[routemap]")
{
    cobranza::test::ensureGuiApp();
    RouteMapWidget map;
    map.resize(map.sizeHint());
    const QList<MapStop> stops = sampleDay();
    map.setRoute(branch, QStringLiteral("Agencia Ibarra"), stops);
    const QImage image = map.grab().toImage();

    const QRgb land = image.pixel(map.width() / 2, map.height() / 2 + 2); // the fixture leaves the centre empty
    for (int i = 0; i < stops.size(); ++i) {
        const QPointF at = map.stopPosition(i);
        INFO("stop " << i);
        if (!stops.at(i).location) {
            CHECK(at.isNull());
            continue;
        }
        REQUIRE(map.rect().contains(at.toPoint()));
        CHECK(fillOf(image, at) != land);
    }
    // Same sector, same colour; another sector, another colour.
    CHECK(fillOf(image, map.stopPosition(1)) == fillOf(image, map.stopPosition(2)));
    CHECK(fillOf(image, map.stopPosition(4)) == fillOf(image, map.stopPosition(5)));
    CHECK(fillOf(image, map.stopPosition(1)) != fillOf(image, map.stopPosition(4)));
    CHECK(fillOf(image, map.stopPosition(9)) != fillOf(image, map.stopPosition(13)));

    // North is up and east is right.
    CHECK(map.stopPosition(6).y() < map.stopPosition(19).y());
    CHECK(map.stopPosition(11).x() > map.stopPosition(5).x());

    // The figures in the header are the planner's.
    std::vector<cobranza::RouteStop> route;
    std::vector<int> order;
    for (const MapStop &s : stops) {
        order.push_back(static_cast<int>(route.size()));
        route.push_back({s.sector, s.location});
    }
    CHECK(map.totalKm() == Approx(cobranza::routeDistanceKm(route, order, branch)));
    CHECK(map.zoneCrossings() == 1);
}

TEST_CASE("Route map: clicking a stop emits stopClicked with its index", "[routemap]")
{
    cobranza::test::ensureGuiApp();
    RouteMapWidget map;
    map.resize(map.sizeHint());
    map.setRoute(branch, QStringLiteral("Agencia Ibarra"), sampleDay());
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    QSignalSpy clicked(&map, &RouteMapWidget::stopClicked);

    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, map.stopPosition(14).toPoint());
    REQUIRE(clicked.count() == 1);
    CHECK(clicked.at(0).at(0).toInt() == 14);
    CHECK(map.highlighted() == 14);

    // A little off the centre still hits; the empty map and the footer do not.
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, (map.stopPosition(6) + QPointF(6, -5)).toPoint());
    REQUIRE(clicked.count() == 2);
    CHECK(clicked.at(1).at(0).toInt() == 6);
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, QPoint(map.width() / 2, map.height() / 2 + 2));
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, QPoint(map.width() - 3, map.height() - 3));
    CHECK(clicked.count() == 2);
}

TEST_CASE("Route map: the highlighted stop is drawn larger", "[routemap]")
{
    cobranza::test::ensureGuiApp();
    RouteMapWidget map;
    map.resize(map.sizeHint());
    map.setRoute(branch, QStringLiteral("Agencia Ibarra"), sampleDay());
    const QPoint ring = (map.stopPosition(15) + QPointF(0, 12)).toPoint(); // outside the plain circle
    const QRgb before = map.grab().toImage().pixel(ring);
    map.setHighlighted(15);
    CHECK(map.highlighted() == 15);
    CHECK(map.grab().toImage().pixel(ring) != before);
    map.setHighlighted(99); // no such stop: nothing highlighted
    CHECK(map.highlighted() == -1);
}

TEST_CASE("Route map: empty days and stops without coordinates", "[routemap]")
{
    cobranza::test::ensureGuiApp();
    RouteMapWidget map;
    map.resize(map.sizeHint());
    map.setRoute(std::nullopt, QString(), {});
    CHECK(!map.grab().isNull());
    CHECK(map.totalKm() == 0.0);
    CHECK(map.stopPosition(0).isNull());

    map.setRoute(std::nullopt, QString(),
                 {MapStop{1, QStringLiteral("A"), QStringLiteral("Centro"), std::nullopt},
                  MapStop{2, QStringLiteral("B"), QStringLiteral("Norte"), std::nullopt}});
    CHECK(!map.grab().isNull());
    CHECK(map.stopPosition(1).isNull());
    CHECK(map.zoneCrossings() == 0);

    // Only the branch is known: it is centred, and one located stop is still drawn on the map.
    map.setRoute(branch, QStringLiteral("Agencia Ibarra"),
                 {MapStop{1, QStringLiteral("A"), QStringLiteral("Centro"), GeoPoint{0.3520, -78.1230}}});
    CHECK(map.rect().contains(map.stopPosition(0).toPoint()));
    CHECK(map.totalKm() > 0.0);
}
