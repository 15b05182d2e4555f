#include "import/dateparse.h"

#include <QString>

#include <catch2/catch.hpp>

#include <limits>

using cobranza::parseCount;
using cobranza::parseFileDate;

namespace {

QDate date(const char *text)
{
    return parseFileDate(QString::fromUtf8(text));
}

} // namespace

TEST_CASE("parseFileDate accepts every form of the portfolio file", "[date]")
{
    const QDate march5(2026, 3, 5);
    for (const char *text : {"05/03/2026", "5/3/2026", "05/3/2026", "5/03/2026", "05-03-2026",
                             "5-3-2026", "2026-03-05", "2026-3-5", " 05/03/2026 ", "\t2026-03-05 "}) {
        INFO(text);
        CHECK(date(text) == march5);
    }
    CHECK(date("31/12/1999") == QDate(1999, 12, 31));
    CHECK(date("1/1/2030") == QDate(2030, 1, 1));
    CHECK(date("2026-12-31") == QDate(2026, 12, 31));
}

TEST_CASE("parseFileDate refuses impossible calendar dates", "[date]")
{
    for (const char *text : {"31/02/2026", "30/02/2026", "31/04/2026", "00/01/2026", "32/01/2026",
                             "15/13/2026", "15/00/2026", "2026-02-30", "2026-13-01", "2026-00-10",
                             "2026-01-00", "01/01/0000", "0000-01-01"}) {
        INFO(text);
        CHECK_FALSE(date(text).isValid());
    }
}

TEST_CASE("parseFileDate knows leap years", "[date]")
{
    CHECK(date("29/02/2024") == QDate(2024, 2, 29));
    CHECK(date("2024-02-29") == QDate(2024, 2, 29));
    CHECK(date("29/02/2000") == QDate(2000, 2, 29)); // divisible by 400
    CHECK_FALSE(date("29/02/2026").isValid());
    CHECK_FALSE(date("2026-02-29").isValid());
    CHECK_FALSE(date("29-02-1900").isValid()); // divisible by 100, not by 400
}

TEST_CASE("parseFileDate refuses garbage", "[date]")
{
    for (const char *text : {"", "   ", "abc", "05/03/26", "5/3/26", "05.03.2026", "05/03-2026",
                             "2026-03/05", "2026/03/05", "005/03/2026", "05/003/2026", "05//2026",
                             "05/03/", "/03/2026", "05/03/20266", "05/03/2026x", "-5/03/2026",
                             "2026-03-05 10:00", "2026-03-05T00:00", "05 / 03 / 2026", "20260305",
                             "202-03-05", "2026-003-05", "2026-03-005", "05/03/2026/"}) {
        INFO(text);
        CHECK_FALSE(date(text).isValid());
    }
    CHECK_FALSE(parseFileDate(QStringLiteral(u"０５/03/2026")).isValid()); // full-width digits
}

TEST_CASE("parseCount reads non-negative integers only", "[date]")
{
    CHECK(parseCount(u"12") == 12);
    CHECK(parseCount(u" 7 ") == 7);
    CHECK(parseCount(u"0") == 0);
    CHECK(parseCount(u"007") == 7);
    CHECK(parseCount(u"2147483647") == std::numeric_limits<int>::max());
    for (const char16_t *text : {u"", u"  ", u"-1", u"+1", u"1.5", u"1,5", u"abc", u"12a", u"1 2",
                                 u"2147483648", u"99999999999999999999", u"٣"}) {
        INFO(QString::fromUtf16(text).toStdString());
        CHECK_FALSE(parseCount(text).has_value());
    }
}
