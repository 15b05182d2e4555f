// The supervision indicators: every formula on figures worked out by hand, then the loaders on a
// database built the way the branch fills it.
#include "bookingfixture.h"
#include "indicators/indicatorloader.h"
#include "indicators/indicatorsheet.h"
#include "indicators/indicatortable.h"
#include "results/resultservice.h"
#include "store/settingsstore.h"
#include "supervision/errorrules.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

Money usd(qint64 dollars) { return Money::fromCents(dollars * 100); }

PortfolioCell cell(const char *branch, Rating rating, qint64 credits, qint64 balance, qint64 overdueCredits = 0,
                   qint64 overdueBalance = 0, qint64 overdueAmount = 0, qint64 legalCredits = 0, qint64 legalBalance = 0)
{
    PortfolioCell c;
    c.branchCode = QString::fromLatin1(branch);
    c.rating = rating;
    c.credits = credits;
    c.balance = usd(balance);
    c.overdueCredits = overdueCredits;
    c.overdueBalance = usd(overdueBalance);
    c.overdueAmount = usd(overdueAmount);
    c.legalCredits = legalCredits;
    c.legalBalance = usd(legalBalance);
    return c;
}

// November, by hand: IBA $160,000 ($20,000 in arrears), OTA $40,000 ($25,000 in arrears); in all
// $200,000 with $45,000 in arrears (22.5 %); past 125 days: $15,000 (7.5 %); rated E: $5,000 (2.5 %).
QList<PortfolioCell> november()
{
    return {cell("IBA", Rating::A1, 10, 140000),
            cell("IBA", Rating::A3, 4, 15000, 4, 15000, 1200),
            cell("IBA", Rating::E, 1, 5000, 1, 5000, 5000, 1, 5000),
            cell("OTA", Rating::A1, 5, 15000),
            cell("OTA", Rating::B1, 2, 15000, 2, 15000, 2000),
            cell("OTA", Rating::D, 1, 10000, 1, 10000, 4000, 1, 10000)};
}

// October: $200,000 with $35,000 in arrears (17.5 %).
QList<PortfolioCell> october()
{
    return {cell("IBA", Rating::A1, 10, 150000), cell("IBA", Rating::A3, 4, 10000, 4, 10000, 800),
            cell("OTA", Rating::A1, 5, 15000), cell("OTA", Rating::B1, 2, 25000, 2, 25000, 3000)};
}

IndicatorInputs twoMonths()
{
    IndicatorInputs in;
    in.months = {{QDate(2026, 10, 31), october()}, {QDate(2026, 11, 21), november()}};
    in.branchNames = {{QStringLiteral("IBA"), QStringLiteral("Ibarra Matriz")}, {QStringLiteral("OTA"), QStringLiteral("Otavalo")}};
    in.activityMonth = QDate(2026, 11, 1);
    return in;
}

double value(const IndicatorTable &t, const QString &key, int category)
{
    const IndicatorSeries *s = t.seriesWithKey(key);
    REQUIRE(s);
    REQUIRE(category < s->values.size());
    REQUIRE(s->values.at(category));
    return *s->values.at(category);
}

VisitFact visit(qint64 worker, std::optional<VisitState> state)
{
    VisitFact v;
    v.workerId = worker;
    v.state = state;
    return v;
}

// Ana's November (staff 2), by hand: six visits booked (one more taken off the sheet, one more added
// as Gestión Propia), five made, one without result; four promises, three judged: one kept, one
// partly kept, one broken; $70 collected; one result late.
QList<VisitFact> anasMonth()
{
    VisitFact v1 = visit(2, VisitState::Visitado);
    v1.collected = usd(50);
    v1.promised = true;
    v1.promiseOutcome = PromiseOutcome::Kept;
    VisitFact v2 = visit(2, VisitState::NoEncontrado);
    v2.late = true;
    const VisitFact v3 = visit(2, std::nullopt);
    VisitFact v4 = visit(2, VisitState::Visitado);
    v4.cancelled = true;
    v4.collected = usd(999); // taken off the sheet: nothing of it counts
    VisitFact v5 = visit(2, VisitState::GestionPropia);
    v5.ownInitiative = true;
    v5.collected = usd(20);
    v5.promised = true;
    v5.promiseOutcome = PromiseOutcome::Broken;
    const VisitFact v6 = visit(2, VisitState::Agendado);
    VisitFact v7 = visit(2, VisitState::LlamadaTelefonica);
    v7.promised = true;
    v7.promiseOutcome = PromiseOutcome::PartlyKept;
    VisitFact v8 = visit(2, VisitState::Visitado);
    v8.promised = true; // not judged yet
    return {v1, v2, v3, v4, v5, v6, v7, v8};
}

QList<ActivityPerson> roster()
{
    return {{2, QStringLiteral("PINEDA VACA ANA"), QStringLiteral("IBA")},
            {3, QStringLiteral("TORRES LUNA JUAN"), QStringLiteral("IBA")}};
}

} // namespace

TEST_CASE("Indicators: the month-end cut-off is the newest of each month", "[indicators]")
{
    const QList<QDate> held = {QDate(2026, 10, 15), QDate(2026, 11, 21), QDate(2026, 10, 31), QDate(2026, 11, 5),
                               QDate(2026, 9, 30), QDate()};
    CHECK(monthEndCutOffs(held) == QList<QDate>{QDate(2026, 9, 30), QDate(2026, 10, 31), QDate(2026, 11, 21)});
    CHECK(monthEndCutOffs({}).isEmpty());
    CHECK(monthLabel(QDate(2026, 11, 21)) == QStringLiteral("Nov 2026"));
    CHECK(monthLabel(QDate(2027, 1, 1)) == QStringLiteral("Ene 2027"));
}

TEST_CASE("Indicators: percentages and the change against last month", "[indicators]")
{
    CHECK(*percentOf(usd(45000), usd(200000)) == Approx(22.5));
    CHECK_FALSE(percentOf(usd(1), Money()));
    const MonthChange up = monthOnMonth(usd(45000), usd(35000));
    CHECK(up.change == usd(10000));
    CHECK(*up.percent == Approx(28.571428571));
    const MonthChange down = monthOnMonth(usd(30000), usd(40000));
    CHECK(down.change == usd(-10000));
    CHECK(*down.percent == Approx(-25.0));
    const MonthChange first = monthOnMonth(usd(100), std::nullopt);
    CHECK(first.change == usd(100));
    CHECK_FALSE(first.percent);
    CHECK_FALSE(monthOnMonth(usd(100), Money()).percent); // from nothing: no percentage
    CHECK(formatIndicatorValue(1234567.891, IndicatorUnit::Dollars) == QStringLiteral("$ 1.234.567,89"));
    CHECK(formatIndicatorValue(22.5, IndicatorUnit::Percent) == QStringLiteral("22,50 %"));
    CHECK(formatIndicatorValue(1234567, IndicatorUnit::Count) == QStringLiteral("1.234.567"));
}

TEST_CASE("Indicators: cartera en mora and morosidad overall by branch and by rating", "[indicators]")
{
    const QList<PortfolioCell> cells = november();
    const PortfolioFigures all = sumCells(cells);
    CHECK(all.credits == 23);
    CHECK(all.balance == usd(200000));
    CHECK(all.overdueBalance == usd(45000));
    CHECK(all.overdueCredits == 8);
    CHECK(all.overdueAmount == usd(12200));
    CHECK(*overdueRatio(all) == Approx(22.5));

    const auto branches = figuresByBranch(cells);
    REQUIRE(branches.size() == 2);
    CHECK(branches.at(QStringLiteral("IBA")).balance == usd(160000));
    CHECK(*overdueRatio(branches.at(QStringLiteral("IBA"))) == Approx(12.5));
    CHECK(*overdueRatio(branches.at(QStringLiteral("OTA"))) == Approx(62.5));
    CHECK(*overdueRatio(sumCells(cells, QStringLiteral("OTA"))) == Approx(62.5));
    CHECK(figuresByBranch(cells, QStringLiteral("OTA")).size() == 1);

    const auto ratings = figuresByRating(cells);
    CHECK(ratings.at(static_cast<size_t>(Rating::A1)).balance == usd(155000));
    CHECK(ratings.at(static_cast<size_t>(Rating::A1)).overdueBalance == Money());
    CHECK(ratings.at(static_cast<size_t>(Rating::B1)).overdueBalance == usd(15000));
    CHECK(figuresByRating(cells, QStringLiteral("IBA")).at(static_cast<size_t>(Rating::B1)).credits == 0);
}

TEST_CASE("Indicators: legal collection and uncollectible shares of the total", "[indicators]")
{
    const QList<PortfolioCell> cells = november();
    CHECK(*legalCollectionRatio(sumCells(cells)) == Approx(7.5));
    CHECK(*legalCollectionRatio(sumCells(cells, QStringLiteral("OTA"))) == Approx(25.0));
    CHECK(*uncollectibleRatio(cells) == Approx(2.5));
    CHECK(*uncollectibleRatio(cells, QStringLiteral("IBA")) == Approx(3.125));
    CHECK(*uncollectibleRatio(cells, QStringLiteral("OTA")) == Approx(0.0));
    CHECK_FALSE(uncollectibleRatio({}));
}

TEST_CASE("Indicators: credits and balance by risk level", "[indicators]")
{
    const auto levels = figuresByRiskLevel(november());
    const auto at = [&levels](RiskLevel l) { return levels.at(static_cast<size_t>(l)); };
    CHECK(at(RiskLevel::Normal).credits == 19);
    CHECK(at(RiskLevel::Normal).balance == usd(170000));
    CHECK(at(RiskLevel::Potencial).credits == 2);
    CHECK(at(RiskLevel::Potencial).balance == usd(15000));
    CHECK(at(RiskLevel::Deficiente).credits == 0);
    CHECK(at(RiskLevel::DudosoRecaudo).balance == usd(10000));
    CHECK(at(RiskLevel::Perdida).balance == usd(5000));
}

TEST_CASE("Indicators: provision required by rating and its coverage", "[indicators]")
{
    const ProvisionTable table = ProvisionTable::defaults();
    CHECK(table.basisPoints(Rating::A1) == 100);
    CHECK(table.basisPoints(Rating::B2) == 1000);
    CHECK(table.basisPoints(Rating::E) == 10000);
    // A1 1 % of 155,000 + A3 3 % of 15,000 + B1 6 % of 15,000 + D 60 % of 10,000 + E 100 % of 5,000
    // = 1,550 + 450 + 900 + 6,000 + 5,000.
    const QList<PortfolioCell> cells = november();
    CHECK(requiredProvision(cells, table) == usd(13900));
    CHECK(requiredProvision(cells, table, QStringLiteral("IBA")) == usd(1400 + 450 + 5000));
    CHECK(provisionByRating(cells, table).at(static_cast<size_t>(Rating::D)) == usd(6000));
    CHECK(*percentOf(requiredProvision(cells, table), sumCells(cells).balance) == Approx(6.95));
    ProvisionTable stricter = table;
    stricter.setBasisPoints(Rating::B1, 750);
    CHECK(requiredProvision(cells, stricter) == usd(13900 - 900) + Money::fromCents(112500));
}

TEST_CASE("Indicators: provision rounds half away from zero to the cent", "[indicators]")
{
    CHECK(provisionFor(Money::fromCents(12345), 600) == Money::fromCents(741)); // 740.7 cents
    CHECK(provisionFor(Money::fromCents(50), 100) == Money::fromCents(1));      // 0.5 cent
    CHECK(provisionFor(Money::fromCents(49), 100) == Money());                  // 0.49 cent
    CHECK(provisionFor(Money::fromCents(-50), 100) == Money::fromCents(-1));
    CHECK(provisionFor(usd(1000), 10000) == usd(1000));
    CHECK(provisionFor(usd(1000), 0) == Money());
}

TEST_CASE("Indicators: provision percentages read as the staff write them", "[indicators]")
{
    CHECK(parsePercentBasisPoints(u"1") == 100);
    CHECK(parsePercentBasisPoints(u"2,5") == 250);
    CHECK(parsePercentBasisPoints(u" 2.5 % ") == 250);
    CHECK(parsePercentBasisPoints(u"0.05") == 5);
    CHECK(parsePercentBasisPoints(u"100") == 10000);
    CHECK_FALSE(parsePercentBasisPoints(u"100.01"));
    CHECK_FALSE(parsePercentBasisPoints(u"1.234"));
    CHECK_FALSE(parsePercentBasisPoints(u"-1"));
    CHECK_FALSE(parsePercentBasisPoints(u"uno"));
    CHECK_FALSE(parsePercentBasisPoints(u""));
    CHECK_FALSE(parsePercentBasisPoints(u"1."));
    ProvisionTable t = ProvisionTable::defaults();
    CHECK(t.percentText(Rating::A1) == QStringLiteral("1 %"));
    t.setBasisPoints(Rating::A1, 250);
    CHECK(t.percentText(Rating::A1) == QStringLiteral("2,5 %"));
    t.setBasisPoints(Rating::A1, 5);
    CHECK(t.percentText(Rating::A1) == QStringLiteral("0,05 %"));
}

TEST_CASE("Indicators: provision percentages and goals are settings", "[indicators]")
{
    ensureCoreApp();
    QTemporaryDir dir;
    auto db = openTestDatabase(dir);
    CHECK(ProvisionTable::load(*db) == ProvisionTable::defaults());
    const SettingsStore settings(*db);
    REQUIRE(settings.setValue(ProvisionTable::settingsKey(Rating::B1), QStringLiteral("7,5")));
    REQUIRE(settings.setValue(ProvisionTable::settingsKey(Rating::C1), QStringLiteral("veinte"))); // ignored
    const ProvisionTable loaded = ProvisionTable::load(*db);
    CHECK(loaded.basisPoints(Rating::B1) == 750);
    CHECK(loaded.basisPoints(Rating::C1) == 2000);
    ProvisionTable changed = loaded;
    changed.setBasisPoints(Rating::C1, 2500);
    REQUIRE(changed.save(*db));
    CHECK(ProvisionTable::load(*db) == changed);

    QList<IndicatorSheet> sheets = loadIndicatorSheets(*db);
    REQUIRE(sheets.size() == 15);
    CHECK_FALSE(findSheet(sheets, IndicatorCode::OverdueRatio)->goal);
    CHECK(findSheet(sheets, IndicatorCode::Provision)->formula.contains(QStringLiteral("B1 7,5 %")));
    CHECK(findSheet(sheets, IndicatorCode::Provision)->formula.contains(QStringLiteral("norma vigente")));
    CHECK(findSheet(sheets, IndicatorCode::LegalCollection)->formula.contains(QStringLiteral("125 días")));
    for (const IndicatorSheet &s : sheets) {
        INFO(s.code.toStdString());
        CHECK_FALSE(s.name.isEmpty());
        CHECK_FALSE(s.formula.isEmpty());
        CHECK_FALSE(s.unit.isEmpty());
        CHECK_FALSE(s.frequency.isEmpty());
        CHECK_FALSE(s.source.isEmpty());
        CHECK_FALSE(s.responsible.isEmpty());
    }

    REQUIRE(saveIndicatorGoal(*db, IndicatorCode::OverdueRatio, 5.0));
    REQUIRE(saveIndicatorGoal(*db, IndicatorCode::PromisesKept, 80.0));
    REQUIRE(settings.setValue(IndicatorSettings::LegalCollectionDays, QStringLiteral("90")));
    sheets = loadIndicatorSheets(*db);
    CHECK(settings.value(QStringLiteral("indicators/goal/MOROSIDAD")) == QStringLiteral("5"));
    const IndicatorSheet ratio = *findSheet(sheets, IndicatorCode::OverdueRatio);
    CHECK(ratio.goal == 5.0);
    CHECK(meetsGoal(ratio, 4.99) == true);
    CHECK(meetsGoal(ratio, 5.01) == false);
    CHECK_FALSE(meetsGoal(ratio, std::nullopt));
    const IndicatorSheet promises = *findSheet(sheets, IndicatorCode::PromisesKept);
    CHECK(meetsGoal(promises, 80.0) == true);
    CHECK(meetsGoal(promises, 79.0) == false);
    CHECK(legalCollectionDays(*db) == 90);
    CHECK(findSheet(sheets, IndicatorCode::LegalCollection)->formula.contains(QStringLiteral("90 días")));
    REQUIRE(saveIndicatorGoal(*db, IndicatorCode::OverdueRatio, std::nullopt));
    CHECK_FALSE(findSheet(loadIndicatorSheets(*db), IndicatorCode::OverdueRatio)->goal);
}

TEST_CASE("Indicators: a visit is made unless No Visitado Desagendado or Agendado", "[indicators]")
{
    for (VisitState s : kAllVisitStates) {
        INFO(visitStateLabel(s).toStdString());
        CHECK(countsAsMade(s)
              == (s != VisitState::NoVisitado && s != VisitState::Desagendado && s != VisitState::Agendado));
    }
    CHECK_FALSE(countsAsMade(std::nullopt));
    CHECK(*promiseKeptRate(3, 1, 8) == Approx(50.0));
    CHECK(*promiseKeptRate(0, 0, 4) == Approx(0.0));
    CHECK_FALSE(promiseKeptRate(0, 0, 0));
}

TEST_CASE("Indicators: one person's month from her visits results and promises", "[indicators]")
{
    const QList<PersonActivity> people = summarizeActivity(roster(), anasMonth() + QList<VisitFact>{visit(9, VisitState::Visitado)},
                                                           {2, 3, 2});
    REQUIRE(people.size() == 3);
    // Sorted by name: the visitor outside the roster (no name) first.
    CHECK(people[0].staffId == 9);
    CHECK(people[0].made == 1);
    const PersonActivity &ana = people[1];
    CHECK(ana.name == QStringLiteral("PINEDA VACA ANA"));
    CHECK(ana.booked == 6);
    CHECK(ana.made == 5);
    CHECK(ana.cancelled == 1);
    CHECK(ana.withoutResult == 1);
    CHECK(ana.results() == 6);
    CHECK(ana.byState.at(static_cast<size_t>(VisitState::Visitado)) == 2);
    CHECK(ana.byState.at(static_cast<size_t>(VisitState::GestionPropia)) == 1);
    CHECK(ana.byState.at(static_cast<size_t>(VisitState::Agendado)) == 1);
    CHECK(ana.promises == 4);
    CHECK(ana.judged == 3);
    CHECK(ana.kept == 1);
    CHECK(ana.partlyKept == 1);
    CHECK(ana.broken == 1);
    CHECK(*ana.keptRate() == Approx(200.0 / 3.0));
    CHECK(ana.collected == usd(70));
    CHECK(ana.late == 1);
    CHECK(ana.errors == 2);
    const PersonActivity &juan = people[2];
    CHECK(juan.booked == 0);
    CHECK(juan.errors == 1);
    CHECK_FALSE(juan.keptRate());
}

TEST_CASE("Indicators: month-on-month tables of the portfolio indicators", "[indicators]")
{
    ensureCoreApp();
    const IndicatorInputs in = twoMonths();
    const IndicatorTable overdue = buildIndicatorTable(IndicatorCode::OverduePortfolio, in);
    CHECK(overdue.categories == QStringList{QStringLiteral("Oct 2026"), QStringLiteral("Nov 2026")});
    CHECK(overdue.notes == QStringList{QStringLiteral("31/10/2026"), QStringLiteral("21/11/2026")});
    CHECK(overdue.chartedSeries().size() == 1);
    CHECK(value(overdue, QStringLiteral("MORA"), 0) == Approx(35000));
    CHECK(value(overdue, QStringLiteral("MORA"), 1) == Approx(45000));
    CHECK(value(overdue, QStringLiteral("VARIACION"), 1) == Approx(10000));
    CHECK_FALSE(overdue.seriesWithKey(QStringLiteral("VARIACION"))->values.at(0)); // no month before October
    CHECK(value(overdue, QStringLiteral("VARIACION_PCT"), 1) == Approx(28.5714286));
    CHECK(overdue.headline.contains(QStringLiteral("$ 45.000,00")));
    CHECK(overdue.headline.contains(QStringLiteral("$ 10.000,00 más que en Oct 2026 (+28,57 %)")));

    const IndicatorTable ratio = buildIndicatorTable(IndicatorCode::OverdueRatio, in);
    CHECK(value(ratio, QStringLiteral("MOROSIDAD"), 0) == Approx(17.5));
    CHECK(value(ratio, QStringLiteral("MOROSIDAD"), 1) == Approx(22.5));
    CHECK(ratio.headline.contains(QStringLiteral("subió 5,00 puntos")));

    const IndicatorTable branches = buildIndicatorTable(IndicatorCode::OverdueByBranch, in);
    CHECK(branches.chartedSeries().size() == 2);
    CHECK(branches.seriesWithKey(QStringLiteral("OTA"))->name == QStringLiteral("Otavalo"));
    CHECK(value(branches, QStringLiteral("IBA"), 1) == Approx(20000));
    CHECK(value(branches, QStringLiteral("PCT_OTA"), 1) == Approx(62.5));
    CHECK(branches.headline.contains(QStringLiteral("Otavalo: 62,50 %")));
    IndicatorInputs ota = in;
    ota.branchCode = QStringLiteral("OTA");
    CHECK(buildIndicatorTable(IndicatorCode::OverdueByBranch, ota).chartedSeries().size() == 1);
    CHECK(value(buildIndicatorTable(IndicatorCode::OverdueRatio, ota), QStringLiteral("MOROSIDAD"), 1) == Approx(62.5));

    const IndicatorTable ratings = buildIndicatorTable(IndicatorCode::OverdueByRating, in);
    QStringList keys;
    for (const IndicatorSeries *s : ratings.chartedSeries())
        keys << s->key;
    CHECK(keys == QStringList{QStringLiteral("A3"), QStringLiteral("B1"), QStringLiteral("D"), QStringLiteral("E")});
    CHECK(value(ratings, QStringLiteral("B1"), 0) == Approx(25000));
    CHECK(value(ratings, QStringLiteral("D"), 1) == Approx(10000));

    const IndicatorTable levels = buildIndicatorTable(IndicatorCode::RiskLevels, in);
    CHECK(levels.categories.size() == 5);
    CHECK(levels.categories.first() == QStringLiteral("Normal"));
    CHECK(value(levels, QStringLiteral("SALDO"), 0) == Approx(170000));
    CHECK(value(levels, QStringLiteral("PARTICIPACION"), 0) == Approx(85.0));
    CHECK(value(levels, QStringLiteral("CREDITOS"), 4) == Approx(1));

    CHECK(value(buildIndicatorTable(IndicatorCode::LegalCollection, in), QStringLiteral("COBRO_JUDICIAL"), 1) == Approx(7.5));
    CHECK(value(buildIndicatorTable(IndicatorCode::LegalCollection, in), QStringLiteral("COBRO_JUDICIAL"), 0) == Approx(0.0));
    CHECK(value(buildIndicatorTable(IndicatorCode::Uncollectible, in), QStringLiteral("INCOBRABLE"), 1) == Approx(2.5));

    const IndicatorTable provision = buildIndicatorTable(IndicatorCode::Provision, in);
    CHECK(value(provision, QStringLiteral("TOTAL"), 1) == Approx(13900));
    // October: A1 1 % of 165,000 + A3 3 % of 10,000 + B1 6 % of 25,000.
    CHECK(value(provision, QStringLiteral("TOTAL"), 0) == Approx(1650 + 300 + 1500));
    CHECK(provision.seriesWithKey(QStringLiteral("B1"))->name == QStringLiteral("B1 al 6 %"));
    const IndicatorTable coverage = buildIndicatorTable(IndicatorCode::Coverage, in);
    CHECK(value(coverage, QStringLiteral("COBERTURA"), 1) == Approx(6.95));
    CHECK(value(coverage, QStringLiteral("COBERTURA_MORA"), 1) == Approx(13900.0 * 100 / 45000));

    CHECK(buildIndicatorTable(QStringLiteral("NO_EXISTE"), in).categories.isEmpty());
    CHECK(buildIndicatorTable(IndicatorCode::OverduePortfolio, IndicatorInputs{}).headline.contains(QStringLiteral("No hay cortes")));
}

TEST_CASE("Indicators: the month before the range gives the first month its change", "[indicators]")
{
    ensureCoreApp();
    IndicatorInputs in = twoMonths();
    in.previousMonth = in.months.takeFirst();
    const IndicatorTable overdue = buildIndicatorTable(IndicatorCode::OverduePortfolio, in);
    REQUIRE(overdue.categories.size() == 1);
    CHECK(value(overdue, QStringLiteral("VARIACION"), 0) == Approx(10000));
    in.previousMonth.reset();
    CHECK(buildIndicatorTable(IndicatorCode::OverduePortfolio, in).headline.contains(QStringLiteral("No hay un mes anterior")));
}

TEST_CASE("Indicators: tables of the per-person indicators", "[indicators]")
{
    ensureCoreApp();
    IndicatorInputs in = twoMonths();
    in.people = summarizeActivity(roster(), anasMonth(), {2, 3, 2});
    const IndicatorTable visits = buildIndicatorTable(IndicatorCode::Visits, in);
    CHECK(visits.categories == QStringList{QStringLiteral("PINEDA VACA ANA"), QStringLiteral("TORRES LUNA JUAN")});
    CHECK(visits.chartedSeries().size() == 2);
    CHECK(value(visits, QStringLiteral("AGENDADAS"), 0) == 6);
    CHECK(value(visits, QStringLiteral("REALIZADAS"), 0) == 5);
    CHECK(value(visits, QStringLiteral("PCT_REALIZADAS"), 0) == Approx(500.0 / 6.0));
    CHECK_FALSE(visits.seriesWithKey(QStringLiteral("PCT_REALIZADAS"))->values.at(1));
    CHECK(visits.headline == QStringLiteral("Nov 2026: 6 visitas agendadas y 5 realizadas (83,33 %); 1 sin resultado."));

    const IndicatorTable states = buildIndicatorTable(IndicatorCode::ResultsByState, in);
    CHECK(states.chartedSeries().size() == 5); // Visitado, No Encontrado, Gestión Propia, Agendado, Llamada
    CHECK(value(states, QStringLiteral("VISITADO"), 0) == 2);
    CHECK(value(states, QStringLiteral("TOTAL"), 0) == 6);
    CHECK(states.headline.contains(QStringLiteral("Visitado (2)")));

    const IndicatorTable promises = buildIndicatorTable(IndicatorCode::PromisesKept, in);
    CHECK(value(promises, QStringLiteral("CUMPLIMIENTO"), 0) == Approx(66.6666667));
    CHECK(value(promises, QStringLiteral("PROMESAS"), 0) == 4);
    CHECK(promises.headline.contains(QStringLiteral("66,67 %")));
    CHECK(value(buildIndicatorTable(IndicatorCode::Collected, in), QStringLiteral("RECAUDACION"), 0) == Approx(70));
    CHECK(value(buildIndicatorTable(IndicatorCode::LateEntries, in), QStringLiteral("FUERA_DE_PLAZO"), 0) == 1);
    const IndicatorTable errors = buildIndicatorTable(IndicatorCode::Errors, in);
    CHECK(value(errors, QStringLiteral("ERRORES"), 1) == 1);
    CHECK(errors.headline.contains(QStringLiteral("PINEDA VACA ANA (2)")));
}

TEST_CASE("Indicators: a cut-off loads as branch by rating sums", "[indicators]")
{
    BookingFixture f; // 7 credits of $1,500.00; all but CR-000002 in arrears, at most 100 days
    const QList<PortfolioCell> cells = loadPortfolioCells(*f.db, kCutOff);
    CHECK(cells.size() == 7);
    const PortfolioFigures all = sumCells(cells);
    CHECK(all.credits == 7);
    CHECK(all.balance == usd(10500));
    CHECK(all.overdueCredits == 6);
    CHECK(all.overdueBalance == usd(9000));
    CHECK(all.legalCredits == 0);
    CHECK(sumCells(cells, QStringLiteral("OTA")).balance == usd(1500));
    // With 60 days as the threshold: C1 at 70 days and D at 100.
    CHECK(sumCells(loadPortfolioCells(*f.db, kCutOff, 60)).legalBalance == usd(3000));
    CHECK(loadPortfolioCells(*f.db, QDate(2026, 1, 1)).isEmpty());

    // An earlier cut-off of October and a later one of the same month: October counts once, its newest.
    for (const QString &cut : {QStringLiteral("05/10/2026"), QStringLiteral("31/10/2026")}) {
        PortfolioFile file;
        auto row = PortfolioFile::validRow(1);
        row[QStringLiteral("FECHA_CORTE")] = cut;
        file.add(row);
        ImportOptions options;
        options.filePath = writeFile(f.dir, QStringLiteral("octubre.csv"), file.utf8());
        REQUIRE(PortfolioImporter(*f.db, f.session(QStringLiteral("admin")), PermissionTable::defaults(),
                                  RatingScales::defaults())
                    .run(options)
                    .accepted());
    }
    CHECK(loadMonthEndCutOffs(*f.db) == QList<QDate>{QDate(2026, 10, 31), kCutOff});
    CHECK(loadIndicatorMonths(*f.db) == QList<QDate>{QDate(2026, 10, 1), QDate(2026, 11, 1)});
}

TEST_CASE("Indicators: the service gives branch roles their own branch and refuses advisors", "[indicators]")
{
    BookingFixture f;
    const PermissionTable permissions = PermissionTable::defaults();
    const IndicatorService advisor(*f.db, f.session(QStringLiteral("epsubia")), permissions, f.clock);
    REQUIRE(advisor.refusal());
    QString error;
    CHECK(advisor.load(kCutOff, kCutOff, {}, &error).months.isEmpty());
    CHECK_FALSE(error.isEmpty());

    const IndicatorService coordinator(*f.db, f.session(QStringLiteral("coord")), permissions, f.clock);
    CHECK_FALSE(coordinator.refusal());
    CHECK_FALSE(coordinator.choosesBranch());
    CHECK(coordinator.scopeFor(QStringLiteral("OTA")) == QStringLiteral("IBA"));
    const IndicatorInputs mine = coordinator.load(kCutOff, kCutOff, QStringLiteral("OTA"), &error);
    CHECK(error.isEmpty());
    CHECK(mine.branchCode == QStringLiteral("IBA"));
    REQUIRE(mine.months.size() == 1);
    CHECK(sumCells(mine.months[0].cells, mine.branchCode).balance == usd(9000));
    CHECK(mine.branchNames.at(QStringLiteral("OTA")) == QStringLiteral("Otavalo"));

    Session head = f.session(QStringLiteral("coord"));
    head.role = Role::JefeNegocios;
    head.branchCode.clear();
    const IndicatorService jefe(*f.db, head, permissions, f.clock);
    CHECK(jefe.choosesBranch());
    CHECK(jefe.scopeFor(QStringLiteral("OTA")) == QStringLiteral("OTA"));
    CHECK(jefe.scopeFor({}).isEmpty());
    // No cut-off in the range: nothing, and no month before it either.
    CHECK(jefe.load(QDate(2026, 12, 1), QDate(2026, 12, 31), {}).months.isEmpty());
    const IndicatorInputs december = jefe.load(QDate(2026, 12, 1), QDate(2026, 12, 31), {});
    CHECK(december.previousMonth);
    CHECK_FALSE(jefe.load(QDate(2027, 2, 1), QDate(2027, 2, 1), {}).previousMonth);

    // The sums of a cut-off are kept between loads, until the cut-off is replaced.
    CHECK(sumCells(jefe.load(kCutOff, kCutOff, {}).months.at(0).cells).balance == usd(10500));
    PortfolioFile replacement;
    replacement.addValid(2);
    ImportOptions options;
    options.filePath = writeFile(f.dir, QStringLiteral("reemplazo.csv"), replacement.utf8());
    options.replace = true;
    REQUIRE(PortfolioImporter(*f.db, f.session(QStringLiteral("admin")), permissions, RatingScales::defaults())
                .run(options)
                .accepted());
    CHECK(sumCells(jefe.load(kCutOff, kCutOff, {}).months.at(0).cells).balance == usd(3000));
}

TEST_CASE("Indicators: the month's work loads from bookings results promises and errors", "[indicators]")
{
    BookingFixture f;
    REQUIRE(f.book(QStringLiteral("coord"), cr({1, 2}), 2).ok);
    f.at(8, 35, 0); // coordinators book their own sheet from 08:30
    REQUIRE(f.book(QStringLiteral("coord"), cr({3}), 4).ok); // B1: the coordinator's own
    REQUIRE(f.book(QStringLiteral("otacoord"), cr({6}), 9).ok);
    f.at(18, 0, 0);
    const ResultService service(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                                WorkingCalendar{}, f.clock);
    const auto booking = [&f](const char *credit) {
        return f.count(QStringLiteral("SELECT id FROM bookings WHERE credit_number = '%1'").arg(QString::fromLatin1(credit)));
    };
    VisitResult paid;
    paid.bookingId = booking("CR-000001");
    paid.visitTime = QTime(10, 0);
    paid.justification = QStringLiteral("pagó en su negocio");
    paid.collected = usd(40);
    paid.receiptNumber = QStringLiteral("R-1");
    paid.agreement = QStringLiteral("paga el saldo");
    paid.agreementDate = kToday.addDays(2);
    REQUIRE(service.save(paid).ok);
    VisitResult absent;
    absent.bookingId = booking("CR-000002");
    absent.state = VisitState::NoEncontrado;
    absent.visitTime = QTime(11, 0);
    absent.justification = QStringLiteral("nadie en casa");
    f.at(9, 0, 0, kToday.addDays(1)); // after 08:45 of the next working day: late
    REQUIRE(service.save(absent).ok);
    REQUIRE(f.db->execScript(QStringLiteral("INSERT INTO staff_errors(error_type, staff_id, day, source, recorded_at) "
                                            "VALUES('RESULTADO_TARDIO', 2, '2026-11-24', 'MANUAL', '2026-11-24T10:00:00'),"
                                            "('RESULTADO_TARDIO', 2, '2026-10-24', 'MANUAL', '2026-10-24T10:00:00')"),
                             nullptr));

    const ActivityFacts iba = loadActivityFacts(*f.db, QDate(2026, 11, 1), QStringLiteral("IBA"), f.clock.now());
    CHECK(iba.visits.size() == 3);
    // The dashboard counts the errors the F.1-A counts: the rules' and those recorded by hand.
    QList<qint64> f1a;
    for (const StaffError &e : detectErrors(*f.db, QDate(2026, 11, 1), QDate(2026, 11, 30), QStringLiteral("IBA"),
                                            SupervisionRules::fromSettings(*f.db, 2026), f.clock.now()))
        f1a << e.staffId;
    CHECK(iba.errors == f1a);
    const auto anaErrors = std::count(iba.errors.cbegin(), iba.errors.cend(), 2);
    CHECK(anaErrors >= 2); // at least her late entry and the error recorded by hand on 24/11
    QStringList names;
    for (const ActivityPerson &p : iba.people)
        names << p.name;
    // The advisors, the coordinator and the collections officers of Ibarra; not the pooled user.
    CHECK(names.contains(QStringLiteral("PINEDA VACA ANA")));
    CHECK(names.contains(QStringLiteral("COORDINADOR IBARRA")));
    CHECK_FALSE(names.contains(QStringLiteral("COBRANZAS COOP")));
    CHECK_FALSE(names.contains(QStringLiteral("ASESOR OTAVALO")));
    const QList<PersonActivity> people = summarizeActivity(iba.people, iba.visits, iba.errors);
    const auto ana = std::find_if(people.begin(), people.end(), [](const PersonActivity &p) { return p.staffId == 2; });
    REQUIRE(ana != people.end());
    CHECK(ana->booked == 2);
    CHECK(ana->made == 2); // No Encontrado: the visit was made
    CHECK(ana->withoutResult == 0);
    CHECK(ana->collected == usd(40));
    CHECK(ana->promises == 1);
    CHECK(ana->judged == 0);
    CHECK(ana->late == 1);
    CHECK(ana->errors == anaErrors);
    const auto coordinator =
        std::find_if(people.begin(), people.end(), [](const PersonActivity &p) { return p.staffId == 4; });
    REQUIRE(coordinator != people.end());
    CHECK(coordinator->booked == 1);
    CHECK(coordinator->withoutResult == 1);
    CHECK(loadActivityFacts(*f.db, QDate(2026, 11, 30), {}, f.clock.now()).visits.size() == 4);
    CHECK(loadActivityFacts(*f.db, QDate(2026, 12, 1), {}, f.clock.now()).visits.isEmpty());
    CHECK(loadIndicatorMonths(*f.db) == QList<QDate>{QDate(2026, 11, 1)});
}

TEST_CASE("Indicators: goals are set by the head office that reads supervision", "[indicators]")
{
    const PermissionTable t = PermissionTable::defaults();
    Session s;
    s.role = Role::JefeNegocios;
    CHECK_FALSE(goalRefusal(t, s));
    s.role = Role::OficialRiesgos;
    CHECK_FALSE(goalRefusal(t, s));
    for (Role r : {Role::CoordinadorAgencia, Role::PivotCredito, Role::AsesorNegocios, Role::Sistemas}) {
        s.role = r;
        CHECK(goalRefusal(t, s).value_or(QString()).contains(QStringLiteral("jefatura")));
    }
}
