// Working days and Ecuador's holidays (domain.md: planning opens on the month's second working day,
// results are due by the next working day).
#include "workingcalendar.h"

#include <catch2/catch.hpp>

#include <string>

using cobranza::Holiday;
using cobranza::WorkingCalendar;

namespace {

std::string iso(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate).toStdString() : std::string("invalid");
}

WorkingCalendar ecuador(std::initializer_list<int> years)
{
    QList<Holiday> all;
    for (int y : years)
        all += WorkingCalendar::ecuadorHolidays(y);
    return WorkingCalendar(all);
}

} // namespace

TEST_CASE("Calendar: weekends are not working days", "[calendar]")
{
    const WorkingCalendar plain;
    CHECK(plain.isWorkingDay(QDate(2026, 3, 6)));       // Friday
    CHECK_FALSE(plain.isWorkingDay(QDate(2026, 3, 7))); // Saturday
    CHECK_FALSE(plain.isWorkingDay(QDate(2026, 3, 8))); // Sunday
    CHECK(plain.isWorkingDay(QDate(2026, 3, 9)));       // Monday
    for (QDate d(2026, 3, 1); d.month() == 3; d = d.addDays(1)) {
        INFO(iso(d));
        CHECK(plain.isWorkingDay(d) == (d.dayOfWeek() <= 5));
    }
    CHECK_FALSE(plain.isWorkingDay(QDate()));
}

TEST_CASE("Calendar: a holiday is not a working day", "[calendar]")
{
    const WorkingCalendar cal({{QDate(2026, 5, 1), QStringLiteral("Día del Trabajo")}});
    CHECK(cal.isHoliday(QDate(2026, 5, 1)));
    CHECK_FALSE(cal.isWorkingDay(QDate(2026, 5, 1))); // a Friday
    CHECK(cal.holidayName(QDate(2026, 5, 1)) == QStringLiteral("Día del Trabajo"));
    CHECK_FALSE(cal.isHoliday(QDate(2026, 4, 30)));
    CHECK(cal.isWorkingDay(QDate(2026, 4, 30)));
    CHECK(cal.holidayName(QDate(2026, 4, 30)).isEmpty());
    CHECK_FALSE(cal.isHoliday(QDate(2027, 5, 1))); // a dated holiday, not a yearly rule
    CHECK(WorkingCalendar().isWorkingDay(QDate(2026, 5, 1)));
}

TEST_CASE("Calendar: holidays() lists each day once - in date order", "[calendar]")
{
    const WorkingCalendar cal({{QDate(2026, 12, 25), QStringLiteral("Navidad")},
                               {QDate(2026, 1, 1), QStringLiteral("Año Nuevo")},
                               {QDate(2026, 12, 25), QStringLiteral("Navidad")}});
    const QList<Holiday> list = cal.holidays();
    REQUIRE(list.size() == 2);
    CHECK(iso(list.at(0).day) == "2026-01-01");
    CHECK(iso(list.at(1).day) == "2026-12-25");
    CHECK(list.at(1).description == QStringLiteral("Navidad"));
}

TEST_CASE("Calendar: nextWorkingDay is strictly after and skips weekends and holidays", "[calendar]")
{
    const WorkingCalendar plain;
    CHECK(iso(plain.nextWorkingDay(QDate(2026, 3, 9))) == "2026-03-10");  // Mon → Tue
    CHECK(iso(plain.nextWorkingDay(QDate(2026, 3, 6))) == "2026-03-09");  // Fri → Mon
    CHECK(iso(plain.nextWorkingDay(QDate(2026, 3, 7))) == "2026-03-09");  // Sat → Mon
    CHECK(iso(plain.nextWorkingDay(QDate(2026, 3, 8))) == "2026-03-09");  // Sun → Mon
    CHECK(iso(plain.nextWorkingDay(QDate(2026, 4, 30))) == "2026-05-01"); // no holidays configured

    const WorkingCalendar cal = ecuador({2026, 2027});
    CHECK(iso(cal.nextWorkingDay(QDate(2026, 4, 30))) == "2026-05-04");  // Fri 1 May + weekend
    CHECK(iso(cal.nextWorkingDay(QDate(2026, 2, 13))) == "2026-02-18");  // weekend + Carnival Mon–Tue
    CHECK(iso(cal.nextWorkingDay(QDate(2026, 4, 2))) == "2026-04-06");   // Good Friday + weekend
    CHECK(iso(cal.nextWorkingDay(QDate(2026, 12, 24))) == "2026-12-28"); // Christmas on a Friday
    CHECK(iso(cal.nextWorkingDay(QDate(2026, 12, 31))) == "2027-01-04"); // New Year on a Friday, across years
    CHECK(iso(cal.nextWorkingDay(QDate(2026, 5, 1))) == "2026-05-04");   // from the holiday itself
}

TEST_CASE("Calendar: previousWorkingDay is strictly before and skips weekends and holidays", "[calendar]")
{
    const WorkingCalendar plain;
    CHECK(iso(plain.previousWorkingDay(QDate(2026, 3, 10))) == "2026-03-09"); // Tue → Mon
    CHECK(iso(plain.previousWorkingDay(QDate(2026, 3, 9))) == "2026-03-06");  // Mon → Fri
    CHECK(iso(plain.previousWorkingDay(QDate(2026, 3, 8))) == "2026-03-06");  // Sun → Fri

    const WorkingCalendar cal = ecuador({2026, 2027});
    CHECK(iso(cal.previousWorkingDay(QDate(2026, 5, 4))) == "2026-04-30");
    CHECK(iso(cal.previousWorkingDay(QDate(2026, 2, 18))) == "2026-02-13");
    CHECK(iso(cal.previousWorkingDay(QDate(2026, 4, 6))) == "2026-04-02");
    CHECK(iso(cal.previousWorkingDay(QDate(2027, 1, 4))) == "2026-12-31");
}

TEST_CASE("Calendar: next/previous working day of an invalid date is invalid - not a hang", "[calendar]")
{
    const WorkingCalendar cal = ecuador({2026});
    CHECK(iso(cal.nextWorkingDay(QDate())) == "invalid");
    CHECK(iso(cal.previousWorkingDay(QDate())) == "invalid");
}

TEST_CASE("Calendar: the month's n-th working day", "[calendar]")
{
    const WorkingCalendar plain;
    const WorkingCalendar cal = ecuador({2025, 2026, 2027});

    SECTION("a month starting on Saturday")
    {
        // August 2026: Sat 1, Sun 2, Mon 3.
        CHECK(iso(plain.nthWorkingDay(2026, 8, 1)) == "2026-08-03");
        CHECK(iso(plain.nthWorkingDay(2026, 8, 2)) == "2026-08-04");
        CHECK(iso(cal.nthWorkingDay(2026, 8, 2)) == "2026-08-04");
    }
    SECTION("a month starting on Sunday")
    {
        CHECK(iso(cal.nthWorkingDay(2026, 2, 2)) == "2026-02-03");
    }
    SECTION("a month whose 1st is a holiday")
    {
        // May 2026: Fri 1 is Día del Trabajo.
        CHECK(iso(plain.nthWorkingDay(2026, 5, 1)) == "2026-05-01");
        CHECK(iso(plain.nthWorkingDay(2026, 5, 2)) == "2026-05-04");
        CHECK(iso(cal.nthWorkingDay(2026, 5, 1)) == "2026-05-04");
        CHECK(iso(cal.nthWorkingDay(2026, 5, 2)) == "2026-05-05");
        // January 2026: Thu 1 is New Year, Fri 2 works, then the weekend.
        CHECK(iso(cal.nthWorkingDay(2026, 1, 1)) == "2026-01-02");
        CHECK(iso(cal.nthWorkingDay(2026, 1, 2)) == "2026-01-05");
    }
    SECTION("weekend then two holidays: November 2025")
    {
        // Sat 1, Sun 2 (Difuntos), Mon 3 (Independencia de Cuenca).
        CHECK(iso(plain.nthWorkingDay(2025, 11, 2)) == "2025-11-04");
        CHECK(iso(cal.nthWorkingDay(2025, 11, 1)) == "2025-11-04");
        CHECK(iso(cal.nthWorkingDay(2025, 11, 2)) == "2025-11-05");
    }
    SECTION("a month has only so many working days")
    {
        // February 2026: 20 weekdays less Carnival Mon 16 and Tue 17.
        CHECK(iso(cal.nthWorkingDay(2026, 2, 18)) == "2026-02-27");
        CHECK(iso(cal.nthWorkingDay(2026, 2, 19)) == "invalid");
        CHECK(iso(plain.nthWorkingDay(2026, 2, 20)) == "2026-02-27");
        CHECK(iso(plain.nthWorkingDay(2026, 2, 21)) == "invalid");
        CHECK(iso(cal.nthWorkingDay(2026, 2, 0)) == "invalid");
    }
}

TEST_CASE("Calendar: Easter Sunday of known years", "[calendar]")
{
    const std::pair<int, const char *> known[] = {
        {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
        {2000, "2000-04-23"}, {2019, "2019-04-21"}, {2038, "2038-04-25"}, // latest possible date
        {1818, "1818-03-22"}, {2285, "2285-03-22"},                       // earliest possible date
    };
    for (const auto &[year, date] : known) {
        INFO(year);
        const QDate easter = cobranza::easterSunday(year);
        CHECK(iso(easter) == date);
        CHECK(easter.dayOfWeek() == 7);
    }
}

TEST_CASE("Calendar: Ecuador's holidays of 2026", "[calendar]")
{
    const QList<Holiday> list = WorkingCalendar::ecuadorHolidays(2026);
    const auto nameOn = [&](QDate d) -> std::string {
        for (const Holiday &h : list)
            if (h.day == d)
                return h.description.toStdString();
        return "none";
    };
    CHECK(list.size() == 11);
    CHECK(nameOn(QDate(2026, 1, 1)) == "Año Nuevo");
    CHECK(nameOn(QDate(2026, 2, 16)) == "Carnaval"); // Monday
    CHECK(nameOn(QDate(2026, 2, 17)) == "Carnaval"); // Tuesday
    CHECK(nameOn(QDate(2026, 2, 15)) == "none");
    CHECK(nameOn(QDate(2026, 2, 18)) == "none");     // Ash Wednesday is worked
    CHECK(nameOn(QDate(2026, 4, 3)) == "Viernes Santo");
    CHECK(nameOn(QDate(2026, 4, 2)) == "none");
    CHECK(nameOn(QDate(2026, 4, 5)) == "none");
    CHECK(nameOn(QDate(2026, 5, 1)) == "Día del Trabajo");
    CHECK(nameOn(QDate(2026, 5, 24)) == "Batalla de Pichincha");
    CHECK(nameOn(QDate(2026, 8, 10)) == "Primer Grito de Independencia");
    CHECK(nameOn(QDate(2026, 10, 9)) == "Independencia de Guayaquil");
    CHECK(nameOn(QDate(2026, 11, 2)) == "Día de los Difuntos");
    CHECK(nameOn(QDate(2026, 11, 3)) == "Independencia de Cuenca");
    CHECK(nameOn(QDate(2026, 12, 25)) == "Navidad");
    for (const Holiday &h : list) {
        INFO(iso(h.day));
        CHECK(h.day.year() == 2026);
    }
}

TEST_CASE("Calendar: movable holidays follow Easter in other years", "[calendar]")
{
    const WorkingCalendar cal = ecuador({2024, 2025});
    CHECK(cal.holidayName(QDate(2024, 2, 12)) == QStringLiteral("Carnaval"));
    CHECK(cal.holidayName(QDate(2024, 2, 13)) == QStringLiteral("Carnaval"));
    CHECK(cal.holidayName(QDate(2024, 3, 29)) == QStringLiteral("Viernes Santo"));
    CHECK(cal.holidayName(QDate(2025, 3, 3)) == QStringLiteral("Carnaval"));
    CHECK(cal.holidayName(QDate(2025, 3, 4)) == QStringLiteral("Carnaval"));
    CHECK(cal.holidayName(QDate(2025, 4, 18)) == QStringLiteral("Viernes Santo"));
    CHECK_FALSE(cal.isHoliday(QDate(2025, 2, 17)));
}
