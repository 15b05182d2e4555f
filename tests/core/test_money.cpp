#include "money.h"

#include <catch2/catch.hpp>

using cobranza::Money;

TEST_CASE("Money parses every form the portfolio format allows", "[money]")
{
    const std::pair<const char *, qint64> cases[] = {
        {"1.234,56", 123456}, {"1,234.56", 123456}, {"1234,5", 123450}, {"1234.56", 123456},
        {"$ 1,234", 123400},  {"1234", 123400},     {"0", 0},           {"0,07", 7},
        {"12.345.678,90", 1234567890}, {"12,345,678.90", 1234567890}, {"$1.234", 123400},
        {" 15,5 ", 1550}, {"-12.50", -1250}, {"1.234", 123400}, {"999", 99900}, {"1,5", 150},
    };
    for (const auto &[text, cents] : cases) {
        INFO(text);
        const auto m = Money::parse(QString::fromUtf8(text));
        REQUIRE(m.has_value());
        CHECK(m->cents() == cents);
    }
}

TEST_CASE("Money rejects malformed amounts", "[money]")
{
    const char *bad[] = {"", "abc", "12,34,56", "1.23.4", "1,234,56.7", "1.2345", "12.3456,00", "$", ",50",
                         "1 234", "1.234.56,7", "1,23,456", "12a", "1234567890123456", "--5", "1.234,5.6"};
    for (const char *text : bad) {
        INFO(text);
        CHECK_FALSE(Money::parse(QString::fromUtf8(text)).has_value());
    }
}

TEST_CASE("Money formats for machines and for people", "[money]")
{
    CHECK(Money::fromCents(123456).toPlainString() == QStringLiteral("1234.56"));
    CHECK(Money::fromCents(5).toPlainString() == QStringLiteral("0.05"));
    CHECK(Money::fromCents(-1250).toPlainString() == QStringLiteral("-12.50"));
    CHECK(Money::fromCents(123456789).toDisplayString() == QStringLiteral("$ 1.234.567,89"));
    CHECK(Money::fromCents(99).toDisplayString() == QStringLiteral("$ 0,99"));
    CHECK((Money::fromCents(100) + Money::fromCents(250)).cents() == 350);
    CHECK(Money::fromCents(100) < Money::fromCents(101));
}
