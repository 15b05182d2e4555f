#include "bookingfixture.h"
#include "routes/approvalservice.h"
#include "routes/routesheetstore.h"
#include "routes/tray.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

ApprovalService approver(const BookingFixture &f, const QString &username)
{
    return ApprovalService(*f.db, f.session(username), PermissionTable::defaults(), f.clock);
}

StaffMember staffNamed(const BookingFixture &f, const QString &username)
{
    const auto s = DirectoryStore(*f.db).staffByUsername(username);
    REQUIRE(s);
    return *s;
}

RouteSheet sheetOf(const BookingFixture &f, qint64 workerId, QDate day = kToday)
{
    const auto sheet = RouteSheetStore(*f.db, CollectionsLadder::defaults()).load(workerId, day);
    REQUIRE(sheet);
    return *sheet;
}

QStringList creditsOf(const RouteSheet &sheet)
{
    QStringList out;
    for (const RouteVisit &v : sheet.visits)
        out.append(v.creditNumber);
    return out;
}

} // namespace

TEST_CASE("Approval: coordinator for advisors and Pivot for officers and coordinators - nobody his own", "[routes]")
{
    BookingFixture f;
    const PermissionTable t = PermissionTable::defaults();
    const Session coord = f.session(QStringLiteral("coord"));
    const Session pivot = f.session(QStringLiteral("pivot"));
    const StaffMember advisor = staffNamed(f, QStringLiteral("epsubia"));
    const StaffMember officer = staffNamed(f, QStringLiteral("oficial"));
    const StaffMember coordinator = staffNamed(f, QStringLiteral("coord"));
    const StaffMember otherAdvisor = staffNamed(f, QStringLiteral("otasesor"));

    CHECK_FALSE(approvalRefusal(t, coord, advisor));
    CHECK_FALSE(approvalRefusal(t, pivot, officer));
    CHECK_FALSE(approvalRefusal(t, pivot, coordinator));
    CHECK(approvalRefusal(t, coord, officer).value_or(QString()).contains(QStringLiteral("la aprueba el Pivot")));
    CHECK(approvalRefusal(t, pivot, advisor).value_or(QString()).contains(QStringLiteral("la aprueba el Coordinador")));
    CHECK(approvalRefusal(t, coord, coordinator).value_or(QString()).contains(QStringLiteral("propia hoja de ruta")));
    CHECK(approvalRefusal(t, coord, otherAdvisor).value_or(QString()).contains(QStringLiteral("no pertenece a su agencia")));
    CHECK(approvalRefusal(t, f.session(QStringLiteral("epsubia")), advisor).has_value());
}

TEST_CASE("Approval: kept with who and when - audited - an empty or approved sheet is refused", "[routes]")
{
    BookingFixture f;
    QString error;
    CHECK_FALSE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));
    CHECK(error.contains(QStringLiteral("no tiene visitas")));

    REQUIRE(f.book(QStringLiteral("coord"), cr({1, 2}), 2).ok);
    CHECK_FALSE(approver(f, QStringLiteral("pivot")).approve(2, kToday, &error));
    CHECK(f.audits(QStringLiteral("APPROVED")) == 0);
    REQUIRE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));
    CHECK(f.audits(QStringLiteral("APPROVED")) == 1);
    const RouteSheet sheet = sheetOf(f, 2);
    CHECK(sheet.approved());
    CHECK(sheet.approvedBy == QStringLiteral("COORDINADOR IBARRA"));
    CHECK(sheet.approvedAt == QDateTime(kToday, QTime(8, 0)));
    CHECK_FALSE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));
    CHECK(error.contains(QStringLiteral("ya tiene visto bueno")));
}

TEST_CASE("Approval: a change after approval asks for approval again", "[routes]")
{
    BookingFixture f;
    QString error;
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    REQUIRE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));

    SECTION("booking one more")
    {
        REQUIRE(f.book(QStringLiteral("coord"), cr({2}), 2).ok);
    }
    SECTION("un-booking one")
    {
        REQUIRE(f.as(QStringLiteral("coord")).unbook(sheetOf(f, 2).visits[0].bookingId, QStringLiteral("PAGÓ"), &error));
    }
    SECTION("reordering")
    {
        REQUIRE(f.book(QStringLiteral("coord"), cr({2}), 2).ok);
        REQUIRE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));
        const RouteSheet before = sheetOf(f, 2);
        REQUIRE(f.as(QStringLiteral("coord")).reorder(2, kToday, {before.visits[1].bookingId, before.visits[0].bookingId},
                                                      &error));
        CHECK(creditsOf(sheetOf(f, 2)) == cr({2, 1}));
    }
    const RouteSheet sheet = sheetOf(f, 2);
    CHECK_FALSE(sheet.approved());
    CHECK(sheet.revision >= 1);
    CHECK(f.audits(QStringLiteral("APPROVAL_RESET")) >= 1);
    if (!sheet.visits.isEmpty()) // approved again, the new revision is the one printed
        REQUIRE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));
}

TEST_CASE("Route order: reordering keeps every visit once - an unchanged order keeps the approval", "[routes]")
{
    BookingFixture f;
    QString error;
    REQUIRE(f.book(QStringLiteral("coord"), cr({1, 2}), 2).ok);
    REQUIRE(approver(f, QStringLiteral("coord")).approve(2, kToday, &error));
    const RouteSheet sheet = sheetOf(f, 2);
    const BookingService coord = f.as(QStringLiteral("coord"));
    CHECK_FALSE(coord.reorder(2, kToday, {sheet.visits[0].bookingId}, &error));
    CHECK(error.contains(QStringLiteral("cambió")));
    CHECK_FALSE(coord.reorder(2, kToday, {sheet.visits[0].bookingId, sheet.visits[0].bookingId}, &error));
    REQUIRE(coord.reorder(2, kToday, {sheet.visits[0].bookingId, sheet.visits[1].bookingId}, &error));
    CHECK(sheetOf(f, 2).approved());
    CHECK(f.audits(QStringLiteral("ROUTE_REORDERED")) == 0);
    // Someone with no say over the sheet may not touch its order.
    CHECK_FALSE(f.as(QStringLiteral("otacoord")).reorder(2, kToday, {sheet.visits[1].bookingId, sheet.visits[0].bookingId},
                                                         &error));
    CHECK(creditsOf(sheetOf(f, 2)) == cr({1, 2}));
}

TEST_CASE("Route sheet store: visits with member guarantor ladder action and the officer's NOTIFICADOR", "[routes]")
{
    BookingFixture f;
    REQUIRE(f.book(QStringLiteral("coord"), cr({2, 1}), 2).ok);
    REQUIRE(f.book(QStringLiteral("oficial"), cr({5}), 6).ok);
    const RouteSheet advisor = sheetOf(f, 2);
    CHECK(advisor.person.username == QStringLiteral("epsubia"));
    CHECK(advisor.notifier.username == QStringLiteral("epsubia"));
    CHECK(advisor.branch.code == QStringLiteral("IBA"));
    REQUIRE(creditsOf(advisor) == cr({2, 1}));
    const RouteVisit &v = advisor.visits[1];
    CHECK(v.order == 2);
    CHECK(v.memberName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(v.phones == QStringLiteral("0991234567 / 062612345"));
    CHECK(v.daysPastDue == 20);
    CHECK(v.overdue == Money::fromCents(24100));
    CHECK(v.rating == Rating::A3);
    CHECK(v.sector == QStringLiteral("El Olivo"));
    REQUIRE(v.guarantors.size() == 1);
    CHECK(v.guarantors[0].fullName == QStringLiteral("CACHIMUEL ANDRANGO MARÍA"));
    CHECK(v.location == GeoPoint{0.351, -78.122});
    CHECK(v.notice == CollectionsLadder::defaults().stageFor(20)->notice);
    CHECK_FALSE(v.action.isEmpty());
    CHECK_FALSE(v.state.has_value());
    CHECK(advisor.totalOverdue() == Money::fromCents(48200));

    const RouteSheet officer = sheetOf(f, 6);
    CHECK(officer.notifier.username == QStringLiteral("cobranzas"));
    CHECK(creditsOf(officer) == cr({5}));

    const RouteSheetStore store(*f.db, CollectionsLadder::defaults());
    CHECK(store.agenda(kToday).size() == 2);
    CHECK(store.agenda(kToday, QStringLiteral("OTA")).isEmpty());
    REQUIRE(store.agenda(kToday, {}, 6).size() == 1);
    CHECK(store.agenda(kToday, {}, 6)[0].person.username == QStringLiteral("oficial"));
    CHECK(sheetOf(f, 3).visits.isEmpty());
    QStringList planners;
    for (const StaffMember &s : store.planners(QStringLiteral("IBA")))
        planners.append(s.username);
    CHECK(planners.contains(QStringLiteral("epsubia")));
    CHECK(planners.contains(QStringLiteral("oficial")));
    CHECK_FALSE(planners.contains(QStringLiteral("cobranzas")));
    CHECK_FALSE(planners.contains(QStringLiteral("pivot")));
    CHECK_FALSE(planners.contains(QStringLiteral("otasesor")));
}

TEST_CASE("Tray: overdue and due-soon credits with booking status - reclassified first", "[routes]")
{
    BookingFixture f;
    const PortfolioRules rules;
    Tray tray = loadTray(*f.db, kCutOff, rules, 3, QStringLiteral("IBA"));
    // CR-000002 is up to date and its due date has passed: not in the tray; CR-000006 is of OTA.
    QStringList credits;
    for (const PortfolioLine &l : tray.lines)
        credits.append(l.row.creditNumber);
    credits.sort();
    CHECK(credits == cr({1, 3, 4, 5, 7}));

    // Every previous rating is A2, so all of these worsened: most days past due first.
    const std::vector<int> order = selectTray(tray, {});
    QStringList sorted;
    for (int i : order)
        sorted.append(tray.lines[static_cast<size_t>(i)].row.creditNumber);
    CHECK(sorted == cr({5, 4, 7, 3, 1}));

    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    tray = loadTray(*f.db, kCutOff, rules, 3, QStringLiteral("IBA"));
    TrayFilter unbooked;
    unbooked.unbookedOnly = true;
    CHECK(selectTray(tray, unbooked).size() == 4);
    for (size_t i = 0; i < tray.lines.size(); ++i)
        if (tray.lines[i].row.creditNumber == QStringLiteral("CR-000001")) {
            CHECK(tray.status[i].bookedOn == kToday);
            CHECK(tray.status[i].bookedTo == QStringLiteral("PINEDA VACA ANA"));
        }
    TrayFilter coordinators;
    coordinators.responsible = Role::CoordinadorAgencia;
    CHECK(selectTray(tray, coordinators).size() == 2);
    const std::vector<int> byBooking = selectTray(tray, {}, TraySortKey::BookedOn, false);
    CHECK(tray.lines[static_cast<size_t>(byBooking.front())].row.creditNumber == QStringLiteral("CR-000001"));
}

TEST_CASE("Tray: by default reclassified credits come before those with more days", "[routes]")
{
    Tray tray;
    const auto line = [](const char *credit, int days, Rating rating, Rating previous) {
        PortfolioLine l;
        l.row.creditNumber = QString::fromLatin1(credit);
        l.row.daysPastDue = days;
        l.row.rating = rating;
        l.row.previousRating = previous;
        return l;
    };
    tray.lines = {line("STEADY", 50, Rating::B2, Rating::B2), line("WORSE", 10, Rating::A2, Rating::A1),
                  line("STEADY2", 80, Rating::C2, Rating::C2)};
    tray.status.resize(3);
    CHECK(selectTray(tray, {}) == std::vector<int>{1, 2, 0});
    CHECK(selectTray(tray, {}, PortfolioSortKey::DaysPastDue, true) == std::vector<int>{2, 0, 1});
}

TEST_CASE("Tray: por vencer is due within the configured days after the cut-off", "[routes]")
{
    SnapshotRow row;
    row.cutOff = kCutOff;
    row.daysPastDue = 0;
    row.dueDate = kCutOff.addDays(3);
    CHECK(belongsInTray(row, 3));
    row.dueDate = kCutOff.addDays(4);
    CHECK_FALSE(belongsInTray(row, 3));
    CHECK(belongsInTray(row, 4));
    row.dueDate = kCutOff.addDays(-2);
    CHECK_FALSE(belongsInTray(row, 3));
    row.daysPastDue = 1;
    CHECK(belongsInTray(row, 3));
}

TEST_CASE("Tray: rezagados are in arrears with no booking and no result this month", "[routes]")
{
    BookingFixture f;
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    REQUIRE(f.book(QStringLiteral("coord"), cr({3}), 4).ok == false); // B1 on the coordinator's own sheet: at 08:00 it is closed
    f.at(8, 31, 0);
    REQUIRE(f.book(QStringLiteral("coord"), cr({3}), 4).ok);
    QString error;
    REQUIRE(f.as(QStringLiteral("coord")).unbook(sheetOf(f, 4).visits[0].bookingId, QStringLiteral("VIAJE"), &error));
    const Tray tray = loadTray(*f.db, kCutOff, PortfolioRules{}, 3, QStringLiteral("IBA"));
    TrayFilter rezagados;
    rezagados.rezagadosOnly = true;
    QStringList out;
    for (int i : selectTray(tray, rezagados))
        out.append(tray.lines[static_cast<size_t>(i)].row.creditNumber);
    out.sort();
    // CR-000001 is booked; CR-000003's booking was cancelled, so it is forgotten again.
    CHECK(out == cr({3, 4, 5, 7}));
}

TEST_CASE("Tray: the default cut-off is yesterday - the month end for collections officers", "[routes]")
{
    const QDate today(2026, 11, 23);
    const QList<QDate> imported{QDate(2026, 10, 31), QDate(2026, 11, 20), QDate(2026, 11, 22)};
    CHECK(defaultTrayCutOff(Role::CoordinadorAgencia, today, imported) == QDate(2026, 11, 22));
    CHECK(defaultTrayCutOff(Role::OficialCobranzas, today, imported) == QDate(2026, 10, 31));
    // Yesterday not imported yet: the newest before it.
    CHECK(defaultTrayCutOff(Role::AsesorNegocios, QDate(2026, 11, 22), imported) == QDate(2026, 11, 20));
    // Nothing before: the newest there is.
    CHECK(defaultTrayCutOff(Role::OficialCobranzas, today, {QDate(2026, 11, 22)}) == QDate(2026, 11, 22));
    CHECK_FALSE(defaultTrayCutOff(Role::OficialCobranzas, today, {}).isValid());
}

TEST_CASE("Agenda: advisors see their own - planners and approvers their branch's", "[routes]")
{
    const PermissionTable t = PermissionTable::defaults();
    CHECK_FALSE(seesBranchAgenda(t, Role::AsesorNegocios));
    CHECK_FALSE(seesBranchAgenda(t, Role::OficialCobranzas));
    CHECK(seesBranchAgenda(t, Role::CoordinadorAgencia));
    CHECK(seesBranchAgenda(t, Role::PivotCredito));
}
