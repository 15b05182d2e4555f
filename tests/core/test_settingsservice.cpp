// The settings service: permission first, validation before writing, rules through RulesStore
// and the defaults of core when a rule is reset.
#include "identity.h"
#include "services/settingsservice.h"
#include "supervision/errorrules.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"
#include "store/settingsstore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QVariant>

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <memory>

using namespace cobranza;
using Rule = SettingsService::Rule;
using Part = SettingsService::Part;

namespace {

std::unique_ptr<Database> openDb()
{
    test::ensureCoreApp();
    QString error;
    auto db = Database::open(QStringLiteral(":memory:"), &error);
    REQUIRE(db);
    return db;
}

Session sessionAs(Role role)
{
    return {1, QStringLiteral("usuario"), QStringLiteral("Ana Pérez"), QStringLiteral("AP"), role, 0, QString()};
}

SettingsService admin(const Database &db) { return {db, sessionAs(Role::Sistemas), PermissionTable::defaults()}; }

CooperativeProfile sampleProfile()
{
    return {QStringLiteral("Cooperativa de Ahorro y Crédito Andina Ltda."), QStringLiteral("Andina"),
            QStringLiteral("1792060346001"), QStringLiteral("Quito"), QStringLiteral("Av. Amazonas N24-120"),
            QStringLiteral("(02) 250-1234"), QByteArray("\x89PNG\r\n\x1a\nrest-of-image", 21), {}, 5, 15, 8, 3};
}

Branch sampleBranch()
{
    Branch b;
    b.code = QStringLiteral("MAT");
    b.name = QStringLiteral("Matriz");
    b.city = QStringLiteral("Quito");
    b.latitude = -0.1807;
    b.longitude = -78.4678;
    return b;
}

int rowCount(const Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

// RulesStore gives a version's segments back in code order; the order carries no meaning.
QList<RatingScaleVersion> sortedSegments(QList<RatingScaleVersion> versions)
{
    for (RatingScaleVersion &v : versions)
        std::sort(v.segments.begin(), v.segments.end(),
                  [](Segment a, Segment b) { return segmentCode(a) < segmentCode(b); });
    return versions;
}

// Everything the service can change, to compare before and after a refused call.
struct Snapshot
{
    CooperativeProfile profile;
    QList<Branch> branches;
    TimeWindows windows;
    RatingRoles roles;
    QList<RatingScaleVersion> scales;
    QList<LadderStage> ladder;
    QList<Holiday> holidays;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshotOf(const Database &db)
{
    const SettingsService s = admin(db);
    return {s.profile(),
            s.branches(),
            s.timeWindows(),
            s.ratingRoles(),
            sortedSegments(s.ratingScales().versions()),
            s.collectionsLadder().stages(),
            s.configuredHolidays()};
}

CollectionsLadder ladderWithGap()
{
    QList<LadderStage> stages = CollectionsLadder::defaults().stages();
    stages[3].minDays += 1; // 6–10 becomes 7–10: day 6 belongs to no stage
    return CollectionsLadder(stages);
}

} // namespace

TEST_CASE("Settings: a user without EditSettings is refused every change - in Spanish - and nothing changes",
          "[settings]")
{
    auto db = openDb();
    REQUIRE(admin(*db).saveBranch(sampleBranch(), nullptr));
    const Snapshot before = snapshotOf(*db);

    const SettingsService advisor(*db, sessionAs(Role::AsesorNegocios), PermissionTable::defaults());
    REQUIRE(advisor.editRefusal());
    const std::string expected = "Ana Pérez (Asesor de Negocios) no tiene permiso para cambiar la configuración.";

    TimeWindows windows;
    windows.bookingUntil = QTime(9, 15);
    RatingRoles roles = RatingRoles::defaults();
    roles.assign(Rating::B2, Role::OficialCobranzas);
    Branch edited = admin(*db).branches().constFirst();
    edited.name = QStringLiteral("Otra");
    const std::pair<const char *, std::function<bool(QString *)>> calls[] = {
        {"saveProfile", [&](QString *e) { return advisor.saveProfile(sampleProfile(), e); }},
        {"saveBranch (new)", [&](QString *e) { return advisor.saveBranch(Branch{0, QStringLiteral("NUE"), QStringLiteral("Nueva"), {}, {}, {}, {}, {}, true}, e); }},
        {"saveBranch (edit)", [&](QString *e) { return advisor.saveBranch(edited, e); }},
        {"saveTimeWindows", [&](QString *e) { return advisor.saveTimeWindows(windows, e); }},
        {"saveRatingRoles", [&](QString *e) { return advisor.saveRatingRoles(roles, e); }},
        {"saveRatingScales", [&](QString *e) { return advisor.saveRatingScales(RatingScales::defaults(), e); }},
        {"saveCollectionsLadder", [&](QString *e) { return advisor.saveCollectionsLadder(CollectionsLadder::defaults(), e); }},
        {"saveHolidays", [&](QString *e) { return advisor.saveHolidays(WorkingCalendar::ecuadorHolidays(2025), e); }},
        {"resetToDefaults", [&](QString *e) { return advisor.resetToDefaults(Rule::Holidays, e); }},
        {"saveChanges", [&](QString *e) { SettingsChanges c; c.timeWindows = windows; return advisor.saveChanges(c, e); }},
    };
    for (const auto &[name, call] : calls) {
        INFO(name);
        QString error;
        CHECK_FALSE(call(&error));
        CHECK(error.toStdString() == expected);
        CHECK(snapshotOf(*db) == before);
    }
    CHECK(rowCount(*db, QStringLiteral("holidays")) == 0);
    CHECK(rowCount(*db, QStringLiteral("ladder_stages")) == 0);
}

TEST_CASE("Settings: the cooperative's profile round-trips - logo included", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    CHECK(s.profile() == CooperativeProfile{});

    QString error;
    REQUIRE(s.saveProfile(sampleProfile(), &error));
    CHECK(error.isEmpty());
    CHECK(s.profile() == sampleProfile());
    // The letterhead renderer reads the same keys.
    CHECK(SettingsStore(*db).value(SettingsStore::CooperativeRuc) == QStringLiteral("1792060346001"));
    CHECK(SettingsStore(*db).value(SettingsStore::CooperativeLogo)
          == QString::fromLatin1(sampleProfile().logoPng.toBase64()));

    CooperativeProfile noLogo = sampleProfile();
    noLogo.logoPng.clear();
    noLogo.name = QStringLiteral("  Cooperativa Andina  ");
    REQUIRE(s.saveProfile(noLogo, &error));
    CHECK(s.profile().logoPng.isEmpty());
    CHECK(s.profile().name == QStringLiteral("Cooperativa Andina"));

    // Only name, RUC and city are required; the rest may be left out.
    const CooperativeProfile minimal{QStringLiteral("Andina"), {}, QStringLiteral("1792060346001"),
                                     QStringLiteral("Quito"), {}, {}, {}, {}, 5, 15};
    REQUIRE(s.saveProfile(minimal, &error));
    CHECK(s.profile() == minimal);
}

TEST_CASE("Settings: the profile needs a name - a city and a well-formed RUC", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    REQUIRE(s.saveProfile(sampleProfile(), nullptr));

    const auto refusedWith = [&](CooperativeProfile p, const char *text) {
        QString error;
        CHECK_FALSE(s.saveProfile(p, &error));
        CHECK_THAT(error.toStdString(), Catch::Contains(text));
        CHECK(s.profile() == sampleProfile());
    };
    CooperativeProfile p = sampleProfile();
    p.name = QStringLiteral("   ");
    refusedWith(p, "Falta el nombre");
    p = sampleProfile();
    p.city.clear();
    refusedWith(p, "Falta la ciudad");
    p = sampleProfile();
    p.ruc = QStringLiteral("1714307103");
    refusedWith(p, "13 dígitos");
    p.ruc = QStringLiteral("17920603460O1");
    refusedWith(p, "13 dígitos");
    p.ruc = QStringLiteral("1714307104001"); // a person's RUC with a wrong check digit
    refusedWith(p, "dígito verificador");
    p.ruc = QStringLiteral("9992060346001");
    refusedWith(p, "provincia");
    p.ruc = QStringLiteral("1714307103000");
    refusedWith(p, "000");
    p = sampleProfile();
    p.logoPng = QByteArray("GIF89a...");
    refusedWith(p, "PNG");

    SECTION("a company RUC that fails the check digit is accepted, as the tax authority issues some")
    {
        p = sampleProfile();
        p.ruc = QStringLiteral("1792060347001");
        REQUIRE(checkIdentity(p.ruc) == IdentityCheck::BadCheckDigit);
        QString error;
        CHECK(s.saveProfile(p, &error));
        CHECK(s.profile().ruc == QStringLiteral("1792060347001"));
    }
    SECTION("a public entity's RUC and a person's RUC are accepted")
    {
        for (const char *ruc : {"1760001550001", "1714307103001"}) {
            p = sampleProfile();
            p.ruc = QString::fromLatin1(ruc);
            CHECK(s.saveProfile(p, nullptr));
        }
    }
}

TEST_CASE("Settings: branches are inserted - updated - and a duplicate code is refused", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    QString error;

    Branch b = sampleBranch();
    b.code = QStringLiteral(" mat ");
    REQUIRE(s.saveBranch(b, &error));
    REQUIRE(s.branches().size() == 1);
    Branch stored = s.branches().constFirst();
    CHECK(stored.id > 0);
    CHECK(stored.code == QStringLiteral("MAT")); // stored trimmed and upper-cased
    CHECK(stored.latitude == -0.1807);

    stored.name = QStringLiteral("Matriz Quito");
    stored.latitude.reset();
    stored.longitude.reset();
    stored.active = false;
    REQUIRE(s.saveBranch(stored, &error));
    REQUIRE(s.branches().size() == 1);
    CHECK(s.branches().constFirst() == stored);

    Branch second = sampleBranch();
    second.code = QStringLiteral("CAY");
    second.name = QStringLiteral("Cayambe");
    REQUIRE(s.saveBranch(second, &error));
    CHECK(s.branches().size() == 2);

    const auto refusedWith = [&](const Branch &bad, const char *text) {
        const QList<Branch> before = s.branches();
        QString why;
        CHECK_FALSE(s.saveBranch(bad, &why));
        CHECK_THAT(why.toStdString(), Catch::Contains(text));
        CHECK(s.branches() == before);
    };
    Branch dup = sampleBranch();
    dup.code = QStringLiteral("Mat");
    refusedWith(dup, "Ya existe otra agencia con el código MAT");
    Branch renamed = DirectoryStore(*db).branchByCode(QStringLiteral("CAY")).value();
    renamed.code = QStringLiteral("MAT");
    refusedWith(renamed, "Ya existe otra agencia");

    Branch bad = sampleBranch();
    bad.code = QStringLiteral("M");
    refusedWith(bad, "de 2 a 6 letras");
    bad.code = QStringLiteral("MATRIZ1");
    refusedWith(bad, "de 2 a 6 letras");
    bad.code = QStringLiteral("MÑ");
    refusedWith(bad, "de 2 a 6 letras");
    bad.code = QStringLiteral("NORTE");
    bad.name = QStringLiteral(" ");
    refusedWith(bad, "Falta el nombre");
    bad = sampleBranch();
    bad.code = QStringLiteral("NORTE");
    bad.longitude.reset();
    refusedWith(bad, "ninguna de las dos");
    bad.latitude = 40.4;
    bad.longitude = -3.7; // Madrid
    refusedWith(bad, "fuera del Ecuador");
    bad.latitude = -0.74; // Puerto Ayora, Galápagos: inside
    bad.longitude = -90.31;
    CHECK(s.saveBranch(bad, &error));

    Branch ghost = sampleBranch();
    ghost.id = 999;
    ghost.code = QStringLiteral("GHO");
    refusedWith(ghost, "No existe la agencia 999");
}

TEST_CASE("Settings: each rule saved through the service reads back through RulesStore", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    const RulesStore rules(*db);
    QString error;

    TimeWindows w;
    w.bookingUntil = QTime(9, 10);
    w.coordinatorFrom = QTime(8, 0);
    w.resultsDue = QTime(10, 0);
    w.dueSoonDays = 5;
    w.maxRescheduleDays = 7;
    REQUIRE(s.saveTimeWindows(w, &error));
    CHECK(rules.timeWindows() == w);

    RatingRoles roles = RatingRoles::defaults();
    roles.assign(Rating::A3, Role::CoordinadorAgencia);
    REQUIRE(s.saveRatingRoles(roles, &error));
    CHECK(rules.ratingRoles() == roles);

    QList<RatingScaleVersion> versions = RatingScales::defaults().versions();
    RatingScaleVersion revised = versions.constFirst();
    revised.name = QStringLiteral("Consumo 2026");
    revised.validFrom = QDate(2026, 1, 1);
    revised.bands[1].maxDays = 20;
    revised.bands[2].minDays = 21;
    versions.append(revised);
    REQUIRE(s.saveRatingScales(RatingScales(versions), &error));
    CHECK(sortedSegments(rules.ratingScales().versions()) == sortedSegments(versions));

    QList<LadderStage> stages = CollectionsLadder::defaults().stages();
    stages[4].notice.reset();
    stages[4].channel = QStringLiteral("Verbal");
    stages[5].responsible = Role::PivotCredito;
    stages[5].responsibleLabel = QStringLiteral("Pivot de Crédito");
    REQUIRE(s.saveCollectionsLadder(CollectionsLadder(stages), &error));
    CHECK(rules.collectionsLadder().stages() == stages);

    const QList<Holiday> holidays = WorkingCalendar::ecuadorHolidays(2025);
    REQUIRE(s.saveHolidays(holidays, &error));
    CHECK(rules.configuredHolidays() == holidays);
}

TEST_CASE("Settings: invalid rules are refused and the previous value kept", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    const RulesStore rules(*db);
    QString error;

    QList<LadderStage> customStages = CollectionsLadder::defaults().stages();
    customStages[0].action = QStringLiteral("Llamar tres días antes");
    REQUIRE(s.saveCollectionsLadder(CollectionsLadder(customStages), &error));

    CHECK_FALSE(s.saveCollectionsLadder(ladderWithGap(), &error));
    CHECK(error.toStdString() == "La etapa 4 debe empezar en el día 6.");
    CHECK(rules.collectionsLadder().stages() == customStages);

    TimeWindows bad;
    bad.printingFrom = QTime(9, 30);
    CHECK_FALSE(s.saveTimeWindows(bad, &error));
    CHECK_THAT(error.toStdString(), Catch::Contains("impresión"));
    CHECK(rules.timeWindows() == TimeWindows{});

    QList<RatingScaleVersion> versions = RatingScales::defaults().versions();
    versions[0].segments.clear();
    CHECK_FALSE(s.saveRatingScales(RatingScales(versions), &error));
    CHECK_THAT(error.toStdString(), Catch::Contains("no tiene segmentos"));
    CHECK(rowCount(*db, QStringLiteral("rating_scale_versions")) == 0);

    const QList<Holiday> twice = {{QDate(2025, 1, 1), QStringLiteral("Año Nuevo")},
                                  {QDate(2025, 1, 1), QStringLiteral("Año Nuevo")}};
    CHECK_FALSE(s.saveHolidays(twice, &error));
    CHECK(rules.configuredHolidays().isEmpty());
}

TEST_CASE("Settings: a batch of changes is validated whole before anything is written", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    const Snapshot before = snapshotOf(*db);

    SettingsChanges c;
    c.profile = sampleProfile();
    c.branches = {sampleBranch()};
    c.timeWindows = TimeWindows{};
    c.timeWindows->bookingUntil = QTime(9, 0);
    c.holidays = WorkingCalendar::ecuadorHolidays(2025);
    c.collectionsLadder = ladderWithGap();
    QString error;
    std::optional<Part> part;
    CHECK_FALSE(s.saveChanges(c, &error, &part));
    CHECK(part == Part::CollectionsLadder);
    CHECK(snapshotOf(*db) == before);

    Branch twin = sampleBranch();
    twin.name = QStringLiteral("Otra matriz");
    c.collectionsLadder.reset();
    c.branches.append(twin);
    CHECK_FALSE(s.saveChanges(c, &error, &part));
    CHECK(part == Part::Branches);
    CHECK(error.toStdString() == "Dos agencias tienen el código MAT.");
    CHECK(snapshotOf(*db) == before);

    c.branches.removeLast();
    c.holidays->append({QDate(2025, 11, 20), QStringLiteral("  ")}); // a description erased in the table
    CHECK_FALSE(s.saveChanges(c, &error, &part));
    CHECK(part == Part::Holidays);
    CHECK(error.toStdString() == "El feriado del 20/11/2025 no tiene descripción.");
    CHECK(snapshotOf(*db) == before);

    c.holidays->removeLast();
    REQUIRE(s.saveChanges(c, &error, &part));
    CHECK(s.profile() == sampleProfile());
    CHECK(s.branches().size() == 1);
    CHECK(s.timeWindows().bookingUntil == QTime(9, 0));
    CHECK(s.configuredHolidays() == WorkingCalendar::ecuadorHolidays(2025));
}

TEST_CASE("Settings: resetting a rule deletes its rows so the defaults of core apply again", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    const RulesStore rules(*db);
    QString error;

    TimeWindows w;
    w.remindersUntil = QTime(10, 0);
    w.maxRescheduleDays = 3;
    RatingRoles roles = RatingRoles::defaults();
    roles.assign(Rating::E, Role::CoordinadorAgencia);
    QList<RatingScaleVersion> versions = RatingScales::defaults().versions();
    versions[0].name = QStringLiteral("Propia");
    QList<LadderStage> stages = CollectionsLadder::defaults().stages();
    stages.last().action = QStringLiteral("Entregar al abogado");
    REQUIRE(s.saveTimeWindows(w, &error));
    REQUIRE(s.saveRatingRoles(roles, &error));
    REQUIRE(s.saveRatingScales(RatingScales(versions), &error));
    REQUIRE(s.saveCollectionsLadder(CollectionsLadder(stages), &error));
    REQUIRE(s.saveHolidays({{QDate(2025, 5, 24), QStringLiteral("Batalla de Pichincha")}}, &error));
    REQUIRE(s.saveProfile(sampleProfile(), &error));

    REQUIRE(s.resetToDefaults(Rule::TimeWindows, &error));
    CHECK(rules.timeWindows() == TimeWindows{});
    CHECK(rules.ratingRoles() == roles); // the others untouched
    REQUIRE(s.resetToDefaults(Rule::RatingRoles, &error));
    CHECK(rules.ratingRoles() == RatingRoles::defaults());
    REQUIRE(s.resetToDefaults(Rule::RatingScales, &error));
    CHECK(sortedSegments(rules.ratingScales().versions()) == sortedSegments(RatingScales::defaults().versions()));
    CHECK(rowCount(*db, QStringLiteral("rating_scale_bands")) == 0);
    REQUIRE(s.resetToDefaults(Rule::CollectionsLadder, &error));
    CHECK(rules.collectionsLadder().stages() == CollectionsLadder::defaults().stages());
    REQUIRE(s.resetToDefaults(Rule::Holidays, &error));
    CHECK(rules.configuredHolidays().isEmpty());
    CHECK(rules.calendar(2025, 2025).isHoliday(QDate(2025, 12, 25))); // national holidays again

    // The cooperative's own data is not a rule and survives every reset.
    CHECK(s.profile() == sampleProfile());
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key NOT LIKE 'cooperative/%' "
                                  "AND key NOT LIKE 'security/%' AND key NOT LIKE 'supervision/%'")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
}

TEST_CASE("The notice template folder is kept with the profile and must exist", "[settings]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    CooperativeProfile p{QStringLiteral("Cooperativa de Ahorro y Crédito Prueba"), {}, QStringLiteral("1790011674001"),
                         QStringLiteral("Quito"), {}, {}, {}, dir.filePath(QStringLiteral("no-existe")), 5, 15};
    CHECK(SettingsService::validateProfile(p).contains(QStringLiteral("no existe")));
    p.noticeTemplateDir = dir.path();
    CHECK(SettingsService::validateProfile(p).isEmpty());
    p.maxFailedLogins = 0;
    CHECK(SettingsService::validateProfile(p).contains(QStringLiteral("de 1 a 20")));
    p.maxFailedLogins = 5;
    p.minVisitsOfficer = 61;
    CHECK(SettingsService::validateProfile(p) == QStringLiteral("El mínimo de visitas por día debe ser de 0 a 60 (0: no se revisa)."));
}

TEST_CASE("Settings: the minimum visits per day are saved with the profile and read by supervision", "[settings]")
{
    auto db = openDb();
    const SettingsService s = admin(*db);
    QString error;
    REQUIRE(s.saveProfile(sampleProfile(), &error));
    const MinimumVisits m = MinimumVisits::load(*db);
    CHECK(m.advisor == 8);
    CHECK(m.officer == 3);
    CHECK(m.forRole(Role::AsesorNegocios) == 8);
    CHECK(m.forRole(Role::OficialCobranzas) == 3);
    CHECK(m.forRole(Role::PivotCredito) == 0);
}
