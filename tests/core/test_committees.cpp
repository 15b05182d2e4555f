#include "bookingfixture.h"
#include "supervision/committees.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kLater(2026, 11, 22);

// The fixture's credits on a second cut-off, with days past due inside the committees' ranges:
// CR-000001 25 and CR-000003 30 days (Subcomité), CR-000007 55 days (Comité).
void importLater(BookingFixture &f)
{
    PortfolioFile file;
    const auto add = [&file](int n, const char *rating, int days) {
        auto row = PortfolioFile::validRow(n);
        row[QStringLiteral("FECHA_CORTE")] = QStringLiteral("22/11/2026");
        row[QStringLiteral("CALIFICACION")] = QString::fromLatin1(rating);
        row[QStringLiteral("DIAS_MORA")] = QString::number(days);
        file.add(row);
    };
    add(1, "A3", 25);
    add(3, "B1", 30);
    add(7, "C1", 55);
    add(4, "C1", 70);
    ImportOptions options;
    options.filePath = writeFile(f.dir, QStringLiteral("later.csv"), file.utf8());
    REQUIRE(PortfolioImporter(*f.db, f.session(QStringLiteral("admin")), PermissionTable::defaults(), RatingScales::defaults())
                .run(options)
                .accepted());
}

QStringList agendaCredits(const BookingFixture &f, Committee c)
{
    QStringList out;
    for (const CommitteeCase &k : committeeAgenda(*f.db, c, kLater, PortfolioRules{}, QStringLiteral("IBA")))
        out << k.line.row.creditNumber + (k.lastDecision.isEmpty() ? QString() : QStringLiteral("*"));
    return out;
}

} // namespace

TEST_CASE("Committees: the Subcomite takes days 21 to 35 and the Comite days 51 to 65", "[committees]")
{
    BookingFixture f;
    importLater(f);
    CHECK(agendaCredits(f, Committee::Subcomite) == QStringList{QStringLiteral("CR-000003"), QStringLiteral("CR-000001")});
    CHECK(agendaCredits(f, Committee::Comite) == QStringList{QStringLiteral("CR-000007")});
    CHECK(committeeRule(Committee::Comite).name == QStringLiteral("Comité de Mora"));
    CHECK(parseCommittee(QStringLiteral("subcomite")) == Committee::Subcomite);
}

TEST_CASE("Committees: minutes numbered per committee and year with each decision and its figures", "[committees]")
{
    BookingFixture f;
    importLater(f);
    const CommitteeService coord(*f.db, f.session(QStringLiteral("coord")), PermissionTable::defaults(), f.clock);
    QString error;
    CHECK_FALSE(coord.record(Committee::Subcomite, QStringLiteral("IBA"), kToday, kLater, {}, {},
                             {{QStringLiteral("CR-000003"), QStringLiteral("x")}}, &error));
    CHECK(error.contains(QStringLiteral("asistieron")));
    CHECK_FALSE(coord.record(Committee::Subcomite, QStringLiteral("OTA"), kToday, kLater, QStringLiteral("A, B"), {},
                             {{QStringLiteral("CR-000003"), QStringLiteral("x")}}, &error));
    CHECK_FALSE(coord.record(Committee::Subcomite, QStringLiteral("IBA"), kToday, kLater, QStringLiteral("A, B"), {},
                             {{QStringLiteral("CR-000003"), QStringLiteral("  ")}}, &error));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM committee_minutes")) == 0); // nothing half-written

    const auto first = coord.record(Committee::Subcomite, QStringLiteral("IBA"), kToday, kLater,
                                    QStringLiteral("Coordinador, asesora PINEDA"), QStringLiteral("Sesión ordinaria"),
                                    {{QStringLiteral("CR-000003"), QStringLiteral("plazo hasta el 30/11 para pagar")}},
                                    &error);
    INFO(error.toStdString());
    REQUIRE(first);
    CHECK(first->reference() == QStringLiteral("SUBCOMITE-IBA-2026-001"));
    REQUIRE(first->lines.size() == 1);
    CHECK(first->lines[0].decision == QStringLiteral("PLAZO HASTA EL 30/11 PARA PAGAR"));
    CHECK(first->lines[0].daysPastDue == 30);
    CHECK(first->lines[0].overdue == Money::fromCents(24100));
    const auto second = coord.record(Committee::Subcomite, QStringLiteral("IBA"), kToday, kLater, QStringLiteral("Coordinador"),
                                     {}, {{QStringLiteral("CR-000001"), QStringLiteral("reestructuración")}}, &error);
    REQUIRE(second);
    CHECK(second->number == 2);
    const auto comite = coord.record(Committee::Comite, QStringLiteral("IBA"), kToday, kLater, QStringLiteral("Comité"),
                                     {}, {{QStringLiteral("CR-000007"), QStringLiteral("demanda")}}, &error);
    REQUIRE(comite);
    CHECK(comite->number == 1);
    CHECK(f.audits(QStringLiteral("MINUTES_RECORDED")) == 3);
    // Decided credits go to the end of the agenda, marked.
    CHECK(agendaCredits(f, Committee::Subcomite) == QStringList{QStringLiteral("CR-000003*"), QStringLiteral("CR-000001*")});
    const QList<CommitteeMinutes> listed = listMinutes(*f.db, {}, 2026);
    CHECK(listed.size() == 3);
    const auto loaded = loadMinutes(*f.db, first->id);
    REQUIRE(loaded);
    CHECK(loaded->lines[0].memberName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 3"));
    CHECK(loaded->attendees == QStringLiteral("Coordinador, asesora PINEDA"));
    CHECK(loaded->reference() == QStringLiteral("SUBCOMITE-IBA-2026-001")); // as stored
    // An advisor does not record minutes.
    CHECK_FALSE(CommitteeService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), f.clock)
                    .record(Committee::Subcomite, QStringLiteral("IBA"), kToday, kLater, QStringLiteral("A"), {},
                            {{QStringLiteral("CR-000001"), QStringLiteral("x")}}, &error));
    // Otavalo's Subcomité numbers its own minutes from 1: no branch's actas skip numbers.
    const auto otavalo = CommitteeService(*f.db, f.session(QStringLiteral("otacoord")), PermissionTable::defaults(), f.clock)
                             .record(Committee::Subcomite, QStringLiteral("OTA"), kToday, kCutOff, QStringLiteral("Comité"),
                                     {}, {{QStringLiteral("CR-000006"), QStringLiteral("plazo")}}, &error);
    INFO(error.toStdString());
    REQUIRE(otavalo);
    CHECK(otavalo->reference() == QStringLiteral("SUBCOMITE-OTA-2026-001"));
}
