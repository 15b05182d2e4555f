#include "bookingfixture.h"
#include "routes/bookingrules.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

bool mentions(const BookResult &r, const QString &text)
{
    for (const QString &reason : r.reasons())
        if (reason.contains(text))
            return true;
    return false;
}

// Refused with `text` among the reasons, and not one row or audit entry written.
void requireRefused(const BookingFixture &f, const BookResult &r, const QString &text)
{
    INFO(r.reasons().join(QStringLiteral(" | ")).toStdString());
    CHECK_FALSE(r.ok);
    CHECK(r.bookingIds.isEmpty());
    CHECK(mentions(r, text));
    CHECK(r.summary.startsWith(QStringLiteral("No se agendó ningún crédito")));
    CHECK(f.bookings() == 0);
    CHECK(f.audits(QStringLiteral("BOOKED")) == 0);
}

} // namespace

TEST_CASE("Booking: a coordinator books an advisor's sheet - stored in order and audited", "[booking]")
{
    BookingFixture f;
    const BookResult r = f.book(QStringLiteral("coord"), cr({1, 2}), 2);
    INFO(r.reasons().join(QStringLiteral(" | ")).toStdString());
    REQUIRE(r.ok);
    CHECK(r.refusals.isEmpty());
    CHECK(r.bookingIds.size() == 2);
    CHECK(f.text(QStringLiteral("SELECT credit_number FROM bookings WHERE id = %1").arg(r.bookingIds.value(1)))
          == QStringLiteral("CR-000002"));
    CHECK_FALSE(r.outsideWindow);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE staff_id = 2 AND booked_by = 4 AND "
                                 "visit_date = '2026-11-23' AND cut_off = '2026-11-21' AND source = 'TRAY' AND "
                                 "outside_window = 0 AND cancelled_at IS NULL")) == 2);
    CHECK(f.text(QStringLiteral("SELECT group_concat(credit_number || ':' || route_order, ',') FROM "
                                "(SELECT * FROM bookings ORDER BY id)")) == QStringLiteral("CR-000001:1,CR-000002:2"));
    CHECK(f.text(QStringLiteral("SELECT booked_at FROM bookings LIMIT 1"))
          == f.clock.now().toUTC().toString(Qt::ISODate));
    CHECK(f.audits(QStringLiteral("BOOKED")) == 2);
    CHECK(f.text(QStringLiteral("SELECT new_value FROM audit_log WHERE action = 'BOOKED' AND record_type = 'booking' "
                                "AND record_id = 'CR-000001' AND username = 'coord'"))
          == QStringLiteral("2026-11-23 → epsubia"));

    // Each day's sheet has its own order; a later booking goes after what the advisor already has.
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2, kToday.addDays(1)).ok);
    REQUIRE(f.book(QStringLiteral("coord"), cr({2}), 2, kToday.addDays(1)).ok);
    CHECK(f.text(QStringLiteral("SELECT group_concat(credit_number || ':' || route_order, ',') FROM "
                                "(SELECT * FROM bookings WHERE visit_date = '2026-11-24' ORDER BY id)"))
          == QStringLiteral("CR-000001:1,CR-000002:2"));
}

TEST_CASE("Booking: who may book for whom - refused with the reason and nothing written", "[booking]")
{
    BookingFixture f;
    const qint64 auditsBefore = f.allAudits();
    requireRefused(f, f.book(QStringLiteral("epsubia"), cr({1}), 2),
                   QStringLiteral("PINEDA VACA ANA (Asesor de Negocios) no tiene permiso para agendar su propia hoja"));
    requireRefused(f, f.book(QStringLiteral("epsubia"), cr({1}), 3),
                   QStringLiteral("no tiene permiso para agendar las hojas de ruta de los asesores"));
    requireRefused(f, f.book(QStringLiteral("coord"), cr({4}), 6),
                   QStringLiteral("solo las hojas de ruta de los asesores y la suya"));
    requireRefused(f, f.book(QStringLiteral("coord"), cr({6}), 9), QStringLiteral("no pertenece a su agencia"));
    requireRefused(f, f.book(QStringLiteral("oficial"), cr({1}), 2),
                   QStringLiteral("OFICIAL COBRANZAS UNO (Oficial de Cobranzas) no tiene permiso"));
    requireRefused(f, f.book(QStringLiteral("admin"), cr({1}), 2), QStringLiteral("no tiene permiso"));
    requireRefused(f, f.book(QStringLiteral("pivot"), cr({6}), 9), QStringLiteral("no pertenece a su agencia"));
    requireRefused(f, f.book(QStringLiteral("coord"), cr({1}), 999), QStringLiteral("no existe la persona 999"));
    CHECK(f.allAudits() == auditsBefore);
}

TEST_CASE("Booking: the credit's rating must belong to the role of the person visited", "[booking]")
{
    BookingFixture f;
    requireRefused(f, f.book(QStringLiteral("coord"), cr({4}), 2),
                   QStringLiteral("el crédito CR-000004 tiene calificación C1, que corresponde al Oficial de Cobranzas"));
    // One bad credit stops the whole request, and the caller hears every reason.
    const BookResult mixed = f.book(QStringLiteral("coord"), cr({1, 3, 5, 2}), 2);
    requireRefused(f, mixed, QStringLiteral("CR-000003 tiene calificación B1, que corresponde al Coordinador de Agencia"));
    CHECK(mixed.refusals.size() == 2);
    CHECK(mixed.refusals.at(1) == BookingRefusal{QStringLiteral("CR-000005"),
                                                 QStringLiteral("el crédito CR-000005 tiene calificación D, que "
                                                                "corresponde al Oficial de Cobranzas")});
    requireRefused(f, f.book(QStringLiteral("oficial"), cr({1}), 6),
                   QStringLiteral("CR-000001 tiene calificación A3, que corresponde al Asesor de Negocios"));
    requireRefused(f, f.book(QStringLiteral("coord"), QStringList{QStringLiteral("CR-999999")}, 2),
                   QStringLiteral("el crédito CR-999999 no está en la cartera con corte al 21/11/2026"));
    requireRefused(f, f.as(QStringLiteral("coord")).book(cr({1}), 2, kToday, QDate(2026, 11, 20)),
                   QStringLiteral("no hay cartera importada con corte al 20/11/2026"));
    requireRefused(f, f.book(QStringLiteral("coord"), cr({6}), 2),
                   QStringLiteral("el crédito CR-000006 es de la agencia OTA y PINEDA VACA ANA es de la agencia IBA"));
    requireRefused(f, f.book(QStringLiteral("coord"), cr({1, 1}), 2), QStringLiteral("aparece dos veces"));
    requireRefused(f, f.book(QStringLiteral("coord"), {}, 2), QStringLiteral("no hay créditos que agendar"));
}

TEST_CASE("Booking: collections officers' visits are stored on the pooled user", "[booking]")
{
    BookingFixture f;
    const BookResult r = f.book(QStringLiteral("oficial"), cr({4, 5}), 6);
    REQUIRE(r.ok);
    // NOTIFICADOR is the pooled user; the officer stays the one who makes the visits.
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE staff_id = 5 AND worker_id = 6 AND "
                                 "booked_by = 6 AND source = 'TRAY'")) == 2);
    CHECK(f.text(QStringLiteral("SELECT new_value FROM audit_log WHERE record_id = 'CR-000005'"))
          == QStringLiteral("2026-11-23 → oficial (cobranzas)"));
    // Naming the pooled user is the same as naming himself.
    REQUIRE(f.book(QStringLiteral("oficial"), cr({4}), 5, kToday.addDays(1)).ok);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE staff_id = 5 AND worker_id = 6")) == 3);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE staff_id = 6")) == 0);

    const qint64 before = f.bookings();
    const BookResult none = f.book(QStringLiteral("sinpool"), cr({4}), 7, kToday.addDays(2));
    CHECK_FALSE(none.ok);
    CHECK(mentions(none, QStringLiteral("OFICIAL SIN POOL no tiene asignado el usuario compartido de cobranzas")));
    CHECK(f.bookings() == before);
}

TEST_CASE("Booking: the window for today closes at 08:45:00 - later dates are open - past dates closed", "[booking]")
{
    BookingFixture f;
    f.at(8, 45, 1);
    requireRefused(f, f.book(QStringLiteral("coord"), cr({1}), 2),
                   QStringLiteral("la hoja de ruta del 23/11/2026 se cierra a las 08:45:00; son las 08:45:01"));
    f.at(7, 0, 0);
    requireRefused(f, f.book(QStringLiteral("coord"), cr({1}), 2, kToday.addDays(-1)),
                   QStringLiteral("el 22/11/2026 ya pasó"));
    requireRefused(f, f.book(QStringLiteral("pivot"), cr({1}), 2, kToday.addDays(-1)), QStringLiteral("ya pasó"));
    f.at(8, 45, 0);
    CHECK(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    f.at(8, 45, 1);
    CHECK(f.book(QStringLiteral("coord"), cr({2}), 2, kToday.addDays(1)).ok);
    f.at(23, 59, 59);
    CHECK(f.book(QStringLiteral("oficial"), cr({4}), 6, kToday.addDays(1)).ok);
    CHECK(f.count(QStringLiteral("SELECT SUM(outside_window) FROM bookings")) == 0);
}

TEST_CASE("Booking: a coordinator's own sheet for today only from 08:30:00 to 08:45:00", "[booking]")
{
    const auto ownAt = [](QTime t) {
        BookingFixture f;
        f.clock.set(QDateTime(kToday, t));
        const BookResult r = f.book(QStringLiteral("coord"), cr({3, 7}), 4);
        CHECK(f.bookings() == (r.ok ? 2 : 0));
        return r;
    };
    const BookResult early = ownAt(QTime(8, 29, 59));
    CHECK_FALSE(early.ok);
    CHECK(mentions(early, QStringLiteral("entre las 08:30:00 y las 08:45:00; son las 08:29:59")));
    CHECK(ownAt(QTime(8, 30, 0)).ok);
    CHECK(ownAt(QTime(8, 45, 0)).ok);
    const BookResult late = ownAt(QTime(8, 45, 1));
    CHECK_FALSE(late.ok);
    CHECK(mentions(late, QStringLiteral("son las 08:45:01")));
    // The narrow window is the coordinator's own; an advisor's sheet he books at 08:10 is fine.
    BookingFixture f;
    f.at(8, 10, 0);
    CHECK(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    CHECK_FALSE(f.book(QStringLiteral("coord"), cr({3}), 4).ok);
    CHECK(f.book(QStringLiteral("coord"), cr({3}), 4, kToday.addDays(1)).ok);
}

TEST_CASE("Booking: the Pivot books rezagados outside the window - flagged and audited", "[booking]")
{
    BookingFixture f;
    f.at(10, 15, 0);
    const BookResult r = f.book(QStringLiteral("pivot"), cr({1}), 2);
    REQUIRE(r.ok);
    CHECK(r.outsideWindow);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE credit_number = 'CR-000001' AND staff_id = 2 "
                                 "AND booked_by = 8 AND source = 'REZAGADO' AND outside_window = 1")) == 1);
    CHECK(f.audits(QStringLiteral("BOOKED_OUTSIDE_WINDOW")) == 1);
    CHECK(f.text(QStringLiteral("SELECT record_id FROM audit_log WHERE action = 'BOOKED_OUTSIDE_WINDOW'"))
          == QStringLiteral("CR-000001"));

    // For an officer it lands on the pooled user; the rating rule is the officer's.
    REQUIRE(f.book(QStringLiteral("pivot"), cr({4}), 6).ok);
    CHECK(f.text(QStringLiteral("SELECT staff_id || source FROM bookings WHERE credit_number = 'CR-000004'"))
          == QStringLiteral("5REZAGADO"));
    const qint64 before = f.bookings();
    const BookResult wrong = f.book(QStringLiteral("pivot"), cr({2}), 6);
    CHECK_FALSE(wrong.ok);
    CHECK(mentions(wrong, QStringLiteral("CR-000002 tiene calificación A1, que corresponde al Asesor de Negocios")));
    CHECK(f.bookings() == before);
    // Nobody else books after the window closes.
    const BookResult coordinator = f.book(QStringLiteral("coord"), cr({2}), 2);
    CHECK_FALSE(coordinator.ok);
    CHECK(mentions(coordinator, QStringLiteral("se cierra a las 08:45:00")));
    CHECK(f.bookings() == before);
}

TEST_CASE("Booking: a credit once a day - the refusal says who has it", "[booking]")
{
    BookingFixture f;
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    const BookResult twice = f.book(QStringLiteral("coord"), cr({1, 2}), 3);
    CHECK_FALSE(twice.ok);
    CHECK(twice.refusals.size() == 1);
    CHECK(twice.reasons().value(0)
          == QStringLiteral("el crédito CR-000001 ya está agendado para el 23/11/2026 a PINEDA VACA ANA (epsubia)"));
    CHECK(f.bookings() == 1);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE credit_number = 'CR-000002'")) == 0);
    // Another day is another sheet.
    CHECK(f.book(QStringLiteral("coord"), cr({1}), 3, kToday.addDays(1)).ok);
}

TEST_CASE("Booking: unbook keeps the row with its reason - then the credit can be booked again", "[booking]")
{
    BookingFixture f;
    const BookResult first = f.book(QStringLiteral("coord"), cr({1}), 2);
    REQUIRE(first.ok);
    const qint64 id = first.bookingIds.value(0);
    QString error;
    CHECK_FALSE(f.as(QStringLiteral("coord")).unbook(id, QStringLiteral("  "), &error));
    CHECK(error == QStringLiteral("indique el motivo para desagendar"));
    CHECK_FALSE(f.as(QStringLiteral("epsubia")).unbook(id, QStringLiteral("no puedo"), &error));
    CHECK(error.contains(QStringLiteral("no tiene permiso")));
    CHECK_FALSE(f.as(QStringLiteral("otacoord")).unbook(id, QStringLiteral("ajeno"), &error));
    CHECK(error.contains(QStringLiteral("no pertenece a su agencia")));
    f.at(8, 50, 0);
    CHECK_FALSE(f.as(QStringLiteral("coord")).unbook(id, QStringLiteral("tarde"), &error));
    CHECK(error.contains(QStringLiteral("se cierra a las 08:45:00")));
    CHECK(f.audits(QStringLiteral("UNBOOKED")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE cancelled_at IS NULL")) == 1);

    f.at(8, 20, 0);
    REQUIRE(f.as(QStringLiteral("coord")).unbook(id, QStringLiteral("socio de viaje"), &error));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE id = %1 AND cancelled_by = 4 AND "
                                 "cancel_reason = 'socio de viaje' AND cancelled_at = '%2'")
                      .arg(id)
                      .arg(f.clock.now().toUTC().toString(Qt::ISODate))) == 1);
    CHECK(f.text(QStringLiteral("SELECT new_value FROM audit_log WHERE action = 'UNBOOKED' AND record_id = 'CR-000001'"))
          == QStringLiteral("socio de viaje"));
    CHECK_FALSE(f.as(QStringLiteral("coord")).unbook(id, QStringLiteral("otra vez"), &error));
    CHECK(error.contains(QStringLiteral("ya fue desagendado")));

    const BookResult again = f.book(QStringLiteral("coord"), cr({1}), 3);
    REQUIRE(again.ok);
    CHECK(f.bookings() == 2);
    CHECK(f.text(QStringLiteral("SELECT route_order FROM bookings WHERE id = %1").arg(again.bookingIds.value(0)))
          == QStringLiteral("1"));

    // On the pooled user: the officer who booked may take it off, and the Pivot of the credit's branch.
    const BookResult pooled = f.book(QStringLiteral("oficial"), cr({4, 5}), 6);
    REQUIRE(pooled.ok);
    CHECK_FALSE(f.as(QStringLiteral("coord")).unbook(pooled.bookingIds.value(0), QStringLiteral("x"), &error));
    CHECK(f.as(QStringLiteral("oficial")).unbook(pooled.bookingIds.value(0), QStringLiteral("pagó"), &error));
    CHECK(f.as(QStringLiteral("pivot")).unbook(pooled.bookingIds.value(1), QStringLiteral("pagó"), &error));
    CHECK(f.audits(QStringLiteral("UNBOOKED")) == 3);
}

TEST_CASE("Booking: a change to an approved sheet asks for approval again", "[booking]")
{
    BookingFixture f;
    REQUIRE(f.db->execScript(QStringLiteral("INSERT INTO route_sheets(staff_id, visit_date, revision, approved_by, "
                                            "approved_at) VALUES(2, '2026-11-23', 0, 4, '2026-11-23T13:10:00Z');"),
                             nullptr));
    const auto sheet = [&f]() {
        return f.text(QStringLiteral("SELECT revision || ':' || IFNULL(approved_by, '-') || ':' || "
                                     "IFNULL(approved_at, '-') FROM route_sheets WHERE staff_id = 2"));
    };
    // A refused booking changes nothing, not even the approval.
    CHECK_FALSE(f.book(QStringLiteral("coord"), cr({4}), 2).ok);
    CHECK(sheet() == QStringLiteral("0:4:2026-11-23T13:10:00Z"));

    const BookResult r = f.book(QStringLiteral("coord"), cr({1}), 2);
    REQUIRE(r.ok);
    CHECK(sheet() == QStringLiteral("1:-:-"));
    CHECK(f.audits(QStringLiteral("APPROVAL_RESET")) == 1);
    CHECK(f.text(QStringLiteral("SELECT record_type || ' ' || record_id || ' ' || old_value FROM audit_log WHERE "
                                "action = 'APPROVAL_RESET'")) == QStringLiteral("route_sheet epsubia 2026-11-23 "
                                                                                "aprobada por coord"));
    // Not approved again: nothing to reset.
    REQUIRE(f.book(QStringLiteral("coord"), cr({2}), 2).ok);
    CHECK(sheet() == QStringLiteral("1:-:-"));
    CHECK(f.audits(QStringLiteral("APPROVAL_RESET")) == 1);

    REQUIRE(f.db->execScript(QStringLiteral("UPDATE route_sheets SET approved_by = 4, approved_at = 'x';"), nullptr));
    QString error;
    REQUIRE(f.as(QStringLiteral("coord")).unbook(r.bookingIds.value(0), QStringLiteral("cambio"), &error));
    CHECK(sheet() == QStringLiteral("2:-:-"));
    CHECK(f.audits(QStringLiteral("APPROVAL_RESET")) == 2);
    // Another person's approved sheet is not touched.
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM route_sheets")) == 1);
}

TEST_CASE("Booking: planning opens on the month's second working day", "[booking]")
{
    // November 2026: Monday 2 (Difuntos) and Tuesday 3 (Independencia de Cuenca) are holidays.
    const WorkingCalendar calendar(WorkingCalendar::ecuadorHolidays(2026));
    CHECK(planningOpensOn(calendar, QDate(2026, 11, 20)) == QDate(2026, 11, 5));
    CHECK(planningOpensOn(calendar, QDate(2026, 12, 15)) == QDate(2026, 12, 2));
    CHECK(planningRefusal(calendar, QDate(2026, 11, 4)).value_or(QString())
          == QStringLiteral("las hojas de ruta del mes se planifican desde su segundo día laborable, el 05/11/2026; "
                            "el 04/11/2026 no se agenda."));
    CHECK(planningRefusal(calendar, QDate(2026, 11, 1)).has_value()); // a Sunday before it, too
    CHECK_FALSE(planningRefusal(calendar, QDate(2026, 11, 5)).has_value());
    CHECK_FALSE(planningRefusal(calendar, QDate(2026, 11, 30)).has_value());
    // The tray offers the next working day, or the day planning opens.
    CHECK(defaultVisitDate(calendar, QDate(2026, 11, 20)) == QDate(2026, 11, 23)); // Friday → Monday
    CHECK(defaultVisitDate(calendar, QDate(2026, 10, 30)) == QDate(2026, 11, 5));  // not Wednesday 4
    CHECK(defaultVisitDate(calendar, QDate(2026, 11, 4)) == QDate(2026, 11, 5));

    // The service refuses a sheet for Tuesday 1 December, the month's first working day, for anyone.
    BookingFixture f;
    requireRefused(f, f.book(QStringLiteral("coord"), cr({1}), 2, QDate(2026, 12, 1)),
                   QStringLiteral("segundo día laborable, el 02/12/2026"));
    requireRefused(f, f.book(QStringLiteral("pivot"), cr({1}), 2, QDate(2026, 12, 1)), QStringLiteral("02/12/2026"));
    CHECK(f.book(QStringLiteral("coord"), cr({1}), 2, QDate(2026, 12, 2)).ok);
}
