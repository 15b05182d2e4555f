// Ratings, risk levels and the days-past-due → rating scales (domain.md, "Rating scales").
#include "rating.h"
#include "ratingscale.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>

using cobranza::Rating;
using cobranza::RatingBand;
using cobranza::RatingScales;
using cobranza::RatingScaleVersion;
using cobranza::RiskLevel;
using cobranza::Segment;

namespace {

const QDate kToday(2026, 3, 15);

std::string str(std::optional<Rating> r)
{
    return r ? cobranza::ratingCode(*r).toStdString() : std::string("none");
}

std::string str(std::optional<int> n)
{
    return n ? std::to_string(*n) : std::string("none");
}

// Bands from the last day of A1, A2, … D; E open-ended. Written here independently of core.
QList<RatingBand> makeBands(std::initializer_list<int> upperBounds)
{
    QList<RatingBand> out;
    int from = 0;
    size_t i = 0;
    for (int upper : upperBounds) {
        out.append(RatingBand{cobranza::kAllRatings.at(i++), from, upper});
        from = upper + 1;
    }
    out.append(RatingBand{Rating::E, from, std::nullopt});
    return out;
}

RatingScaleVersion consumoVersion(QDate from, std::initializer_list<int> upperBounds)
{
    RatingScaleVersion v;
    v.name = QStringLiteral("Consumo");
    v.segments = {Segment::Consumo, Segment::Microcredito};
    v.validFrom = from;
    v.bands = makeBands(upperBounds);
    return v;
}

const std::pair<int, const char *> kConsumoBoundaries[] = {
    {0, "A1"},   {1, "A2"},   {15, "A2"},  {16, "A3"},  {30, "A3"},  {31, "B1"},  {45, "B1"},
    {46, "B2"},  {60, "B2"},  {61, "C1"},  {75, "C1"},  {76, "C2"},  {90, "C2"},  {91, "D"},
    {120, "D"},  {121, "E"},  {122, "E"},  {5000, "E"},
};

const std::pair<int, const char *> kInmobiliarioBoundaries[] = {
    {0, "A1"},   {1, "A2"},   {30, "A2"},  {31, "A3"},  {60, "A3"},  {61, "B1"},  {120, "B1"},
    {121, "B2"}, {180, "B2"}, {181, "C1"}, {210, "C1"}, {211, "C2"}, {270, "C2"}, {271, "D"},
    {450, "D"},  {451, "E"},  {452, "E"},  {5000, "E"},
};

} // namespace

TEST_CASE("Rating codes print and parse", "[rating]")
{
    const char *codes[] = {"A1", "A2", "A3", "B1", "B2", "C1", "C2", "D", "E"};
    REQUIRE(cobranza::kAllRatings.size() == 9);
    for (size_t i = 0; i < cobranza::kAllRatings.size(); ++i) {
        const Rating r = cobranza::kAllRatings.at(i);
        CHECK(cobranza::ratingCode(r).toStdString() == codes[i]);
        CHECK(str(cobranza::parseRating(QString::fromLatin1(codes[i]))) == codes[i]);
    }
    CHECK(str(cobranza::parseRating(u" b2 ")) == "B2");
    CHECK(str(cobranza::parseRating(u"c1")) == "C1");
    CHECK(str(cobranza::parseRating(u"e")) == "E");
    CHECK(str(cobranza::parseRating(u"\tD\n")) == "D");
    for (const char16_t *bad : {u"", u"  ", u"A", u"A0", u"A4", u"B3", u"C3", u"F", u"X1", u"A12", u"AA1", u"1A"}) {
        INFO(QString::fromUtf16(bad).toStdString());
        CHECK_FALSE(cobranza::parseRating(bad).has_value());
    }
}

TEST_CASE("Rating severity: isWorse follows A1 < A2 < … < E", "[rating]")
{
    CHECK(cobranza::isWorse(Rating::A2, Rating::A1));
    CHECK(cobranza::isWorse(Rating::B1, Rating::A3));
    CHECK(cobranza::isWorse(Rating::E, Rating::D));
    CHECK(cobranza::isWorse(Rating::E, Rating::A1));
    CHECK_FALSE(cobranza::isWorse(Rating::A1, Rating::A1));
    CHECK_FALSE(cobranza::isWorse(Rating::C1, Rating::C1));
    CHECK_FALSE(cobranza::isWorse(Rating::A1, Rating::A2));
    CHECK_FALSE(cobranza::isWorse(Rating::D, Rating::E));
    const auto &all = cobranza::kAllRatings;
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = 0; j < all.size(); ++j) {
            INFO(str(all.at(i)) << " vs " << str(all.at(j)));
            CHECK(cobranza::isWorse(all.at(i), all.at(j)) == (i > j));
        }
}

TEST_CASE("Rating risk level of every rating", "[rating]")
{
    using cobranza::riskLevelOf;
    CHECK(riskLevelOf(Rating::A1) == RiskLevel::Normal);
    CHECK(riskLevelOf(Rating::A2) == RiskLevel::Normal);
    CHECK(riskLevelOf(Rating::A3) == RiskLevel::Normal);
    CHECK(riskLevelOf(Rating::B1) == RiskLevel::Potencial);
    CHECK(riskLevelOf(Rating::B2) == RiskLevel::Potencial);
    CHECK(riskLevelOf(Rating::C1) == RiskLevel::Deficiente);
    CHECK(riskLevelOf(Rating::C2) == RiskLevel::Deficiente);
    CHECK(riskLevelOf(Rating::D) == RiskLevel::DudosoRecaudo);
    CHECK(riskLevelOf(Rating::E) == RiskLevel::Perdida);
}

TEST_CASE("Rating risk level codes round-trip and labels are Spanish", "[rating]")
{
    const std::pair<RiskLevel, const char *> labels[] = {
        {RiskLevel::Normal, "Normal"},
        {RiskLevel::Potencial, "Potencial"},
        {RiskLevel::Deficiente, "Deficiente"},
        {RiskLevel::DudosoRecaudo, "Dudoso recaudo"},
        {RiskLevel::Perdida, "Pérdida"},
    };
    QStringList codes;
    for (const auto &[level, label] : labels) {
        const QString code = cobranza::riskLevelCode(level);
        INFO(code.toStdString());
        CHECK_FALSE(code.isEmpty());
        CHECK_FALSE(codes.contains(code));
        codes.append(code);
        CHECK(cobranza::parseRiskLevel(code) == level);
        CHECK(cobranza::riskLevelLabel(level).toStdString() == label);
    }
    CHECK_FALSE(cobranza::parseRiskLevel(u"").has_value());
    CHECK_FALSE(cobranza::parseRiskLevel(u"CATASTROFICO").has_value());
}

TEST_CASE("Rating scale: default consumo-type scale at every boundary", "[rating]")
{
    const RatingScales scales = RatingScales::defaults();
    for (Segment s : {Segment::Consumo, Segment::Microcredito, Segment::Productivo, Segment::Educativo}) {
        for (const auto &[days, expected] : kConsumoBoundaries) {
            INFO(cobranza::segmentCode(s).toStdString() << " at " << days << " days");
            CHECK(str(scales.expectedRating(s, kToday, days)) == expected);
        }
    }
}

TEST_CASE("Rating scale: default inmobiliario scale at every boundary", "[rating]")
{
    const RatingScales scales = RatingScales::defaults();
    for (Segment s : {Segment::Inmobiliario, Segment::ViviendaInteresSocial}) {
        for (const auto &[days, expected] : kInmobiliarioBoundaries) {
            INFO(cobranza::segmentCode(s).toStdString() << " at " << days << " days");
            CHECK(str(scales.expectedRating(s, kToday, days)) == expected);
        }
    }
}

TEST_CASE("Rating scale: every segment has a default scale and negative days have no rating", "[rating]")
{
    const RatingScales scales = RatingScales::defaults();
    for (Segment s : cobranza::kAllSegments) {
        INFO(cobranza::segmentCode(s).toStdString());
        REQUIRE(scales.versionFor(s, kToday) != nullptr);
        CHECK(str(scales.expectedRating(s, kToday, -1)) == "none");
        CHECK(str(scales.daysToNextRating(s, kToday, -1)) == "none");
    }
    CHECK(scales.validate().isEmpty());
}

TEST_CASE("Rating scale: days left before the next rating", "[rating]")
{
    const RatingScales scales = RatingScales::defaults();
    const auto consumo = [&](int days) { return str(scales.daysToNextRating(Segment::Consumo, kToday, days)); };
    const auto vivienda = [&](int days) { return str(scales.daysToNextRating(Segment::Inmobiliario, kToday, days)); };

    CHECK(consumo(0) == "1");   // A1 today, A2 tomorrow
    CHECK(consumo(1) == "15");
    CHECK(consumo(10) == "6");
    CHECK(consumo(15) == "1");
    CHECK(consumo(16) == "15");
    CHECK(consumo(30) == "1");
    CHECK(consumo(31) == "15");
    CHECK(consumo(91) == "30");
    CHECK(consumo(120) == "1");
    CHECK(consumo(121) == "none"); // E: nothing worse
    CHECK(consumo(900) == "none");

    CHECK(vivienda(0) == "1");
    CHECK(vivienda(1) == "30");
    CHECK(vivienda(30) == "1");
    CHECK(vivienda(61) == "60");
    CHECK(vivienda(181) == "30");
    CHECK(vivienda(271) == "180");
    CHECK(vivienda(450) == "1");
    CHECK(vivienda(451) == "none");
}

TEST_CASE("Rating scale: after daysToNextRating days the rating is worse - one day before it is not", "[rating]")
{
    const RatingScales scales = RatingScales::defaults();
    for (Segment s : {Segment::Consumo, Segment::ViviendaInteresSocial}) {
        for (int days = 0; days <= 460; ++days) {
            const auto now = scales.expectedRating(s, kToday, days);
            REQUIRE(now.has_value());
            const auto left = scales.daysToNextRating(s, kToday, days);
            INFO(cobranza::segmentCode(s).toStdString() << " at " << days << " days: " << str(now) << ", left "
                                                        << str(left));
            if (*now == Rating::E) {
                CHECK_FALSE(left.has_value());
                continue;
            }
            REQUIRE(left.has_value());
            CHECK(*left >= 1);
            CHECK(scales.expectedRating(s, kToday, days + *left - 1) == now);
            const auto later = scales.expectedRating(s, kToday, days + *left);
            REQUIRE(later.has_value());
            CHECK(cobranza::severity(*later) == cobranza::severity(*now) + 1);
        }
    }
}

TEST_CASE("Rating scale: the default scale applies from its effective date only", "[rating]")
{
    const RatingScales scales = RatingScales::defaults();
    const QDate first = scales.versionFor(Segment::Consumo, kToday)->validFrom;
    REQUIRE(first.isValid());
    CHECK(str(scales.expectedRating(Segment::Consumo, first, 16)) == "A3");
    CHECK(str(scales.daysToNextRating(Segment::Consumo, first, 10)) == "6");
    CHECK(scales.versionFor(Segment::Consumo, first.addDays(-1)) == nullptr);
    CHECK(str(scales.expectedRating(Segment::Consumo, first.addDays(-1), 16)) == "none");
    CHECK(str(scales.daysToNextRating(Segment::Consumo, first.addDays(-1), 10)) == "none");
}

TEST_CASE("Rating scale: a newer version applies from its validFrom - the older one before", "[rating]")
{
    const QDate oldFrom(2020, 1, 1);
    const QDate newFrom(2026, 7, 1);
    // The revision tightens A2 to 1–8 days; listed first to show list order does not matter.
    const RatingScales scales(QList<RatingScaleVersion>{consumoVersion(newFrom, {0, 8, 30, 45, 60, 75, 90, 120}),
                               consumoVersion(oldFrom, {0, 15, 30, 45, 60, 75, 90, 120})});
    REQUIRE(scales.validate().isEmpty());

    const QDate lastOldDay = newFrom.addDays(-1);
    CHECK(str(scales.expectedRating(Segment::Consumo, lastOldDay, 9)) == "A2");
    CHECK(str(scales.daysToNextRating(Segment::Consumo, lastOldDay, 9)) == "7");
    CHECK(str(scales.expectedRating(Segment::Consumo, newFrom, 9)) == "A3");
    CHECK(str(scales.daysToNextRating(Segment::Consumo, newFrom, 8)) == "1");
    CHECK(str(scales.expectedRating(Segment::Microcredito, QDate(2030, 1, 1), 9)) == "A3");
    CHECK(str(scales.expectedRating(Segment::Consumo, oldFrom, 9)) == "A2");
    REQUIRE(scales.versionFor(Segment::Consumo, lastOldDay) != nullptr);
    CHECK(scales.versionFor(Segment::Consumo, lastOldDay)->validFrom == oldFrom);
    CHECK(scales.versionFor(Segment::Consumo, newFrom)->validFrom == newFrom);

    // The same with the versions listed oldest first: the latest version in force wins, not the first listed.
    const RatingScales reversed(QList<RatingScaleVersion>{consumoVersion(oldFrom, {0, 15, 30, 45, 60, 75, 90, 120}),
                                                          consumoVersion(newFrom, {0, 8, 30, 45, 60, 75, 90, 120})});
    CHECK(str(reversed.expectedRating(Segment::Consumo, lastOldDay, 9)) == "A2");
    CHECK(str(reversed.expectedRating(Segment::Consumo, newFrom, 9)) == "A3");
    CHECK(str(reversed.daysToNextRating(Segment::Consumo, newFrom, 1)) == "8");
    CHECK(reversed.versionFor(Segment::Consumo, QDate(2030, 1, 1))->validFrom == newFrom);

    // Before the first version nothing applies.
    CHECK(scales.versionFor(Segment::Consumo, oldFrom.addDays(-1)) == nullptr);
    CHECK(str(scales.expectedRating(Segment::Consumo, oldFrom.addDays(-1), 9)) == "none");
    // A segment no version covers has no scale.
    CHECK(str(scales.expectedRating(Segment::Inmobiliario, kToday, 9)) == "none");
    CHECK(str(scales.daysToNextRating(Segment::Inmobiliario, kToday, 9)) == "none");
    // An empty set of scales knows nothing.
    CHECK(str(RatingScales().expectedRating(Segment::Consumo, kToday, 9)) == "none");
}

TEST_CASE("Rating scale: validate() catches inconsistent data", "[rating]")
{
    const RatingScaleVersion good = consumoVersion(QDate(2020, 1, 1), {0, 15, 30, 45, 60, 75, 90, 120});
    REQUIRE(RatingScales(QList<RatingScaleVersion>{good}).validate().isEmpty());
    REQUIRE(RatingScales().validate().isEmpty());

    const auto problem = [&](const std::function<void(RatingScaleVersion &)> &breakIt) {
        RatingScaleVersion v = good;
        breakIt(v);
        return RatingScales(QList<RatingScaleVersion>{good, v}).validate(); // the broken one second: every version is checked
    };

    SECTION("gap between bands")
    {
        const QString p = problem([](RatingScaleVersion &v) { v.bands[2].minDays = 17; });
        INFO(p.toStdString());
        CHECK(p.contains(QStringLiteral("A3")));
        CHECK(p.contains(QStringLiteral("16")));
    }
    SECTION("overlapping bands")
    {
        const QString p = problem([](RatingScaleVersion &v) { v.bands[2].minDays = 15; });
        INFO(p.toStdString());
        CHECK(p.contains(QStringLiteral("A3")));
    }
    SECTION("first band not starting at day 0")
    {
        const QString p = problem([](RatingScaleVersion &v) { v.bands[0].minDays = 1; });
        INFO(p.toStdString());
        CHECK(p.contains(QStringLiteral("A1")));
    }
    SECTION("open-ended band that is not the last")
    {
        // B1 open-ended; B2 then starts where the open band did, so only the open-ended rule applies.
        const QString p = problem([](RatingScaleVersion &v) {
            v.bands[3].maxDays = std::nullopt;
            v.bands[4].minDays = 31;
        });
        INFO(p.toStdString());
        CHECK(p.contains(QStringLiteral("límite")));
    }
    SECTION("last band with an upper limit")
    {
        const QString p = problem([](RatingScaleVersion &v) { v.bands.last().maxDays = 999; });
        CHECK_FALSE(p.isEmpty());
    }
    SECTION("band ending before it starts")
    {
        const QString p = problem([](RatingScaleVersion &v) {
            v.bands[1].maxDays = 0; // A2 1–0
        });
        INFO(p.toStdString());
        CHECK(p.contains(QStringLiteral("A2")));
    }
    SECTION("no segments")
    {
        const QString p = problem([](RatingScaleVersion &v) {
            v.name = QStringLiteral("Escala rota");
            v.segments.clear();
        });
        CHECK(p.contains(QStringLiteral("Escala rota")));
    }
    SECTION("no effective date")
    {
        const QString p = problem([](RatingScaleVersion &v) { v.validFrom = QDate(); });
        CHECK_FALSE(p.isEmpty());
    }
    SECTION("no bands")
    {
        const QString p = problem([](RatingScaleVersion &v) { v.bands.clear(); });
        CHECK_FALSE(p.isEmpty());
    }
}
