// Ecuadorian cédula and RUC checks (formats/cartera.md, "Ecuadorian identity numbers").
// Every number used here was computed by hand with the spec's algorithm, not with the code under test.
#include "identity.h"

#include <QStringList>

#include <catch2/catch.hpp>

#include <string>

using cobranza::IdentityCheck;

namespace {

std::string verdictName(IdentityCheck c)
{
    switch (c) {
    case IdentityCheck::ValidCedula: return "ValidCedula";
    case IdentityCheck::ValidRuc: return "ValidRuc";
    case IdentityCheck::BadCheckDigit: return "BadCheckDigit";
    case IdentityCheck::BadProvince: return "BadProvince";
    case IdentityCheck::BadThirdDigit: return "BadThirdDigit";
    case IdentityCheck::BadEstablishment: return "BadEstablishment";
    case IdentityCheck::Malformed: return "Malformed";
    }
    return "?";
}

std::string check(const char *number)
{
    return verdictName(cobranza::checkIdentity(QString::fromUtf8(number)));
}

int checkDigit(const char *firstNine)
{
    return cobranza::cedulaCheckDigit(QString::fromLatin1(firstNine));
}

} // namespace

TEST_CASE("Identity: the examples of the format spec", "[identity]")
{
    CHECK(check("1714307103") == "ValidCedula");
    CHECK(check("0602910945") == "ValidCedula");
    CHECK(check("1714307104") == "BadCheckDigit");
    CHECK(check("1784307108") == "BadThirdDigit");
    CHECK(check("1792060346001") == "ValidRuc");
    CHECK(check("1760001550001") == "ValidRuc");
}

TEST_CASE("Identity: cédula check digit follows the weighted mod-10 rule", "[identity]")
{
    CHECK(checkDigit("171430710") == 3);
    CHECK(checkDigit("060291094") == 5);
    CHECK(checkDigit("010000000") == 9);
    CHECK(checkDigit("000000000") == 0); // S = 0: (10 − 0) mod 10 = 0, never 10
    CHECK(checkDigit("175000000") == 0); // S = 10
    CHECK(checkDigit("090000000") == 1); // 9 × 2 = 18 → 9
    CHECK(checkDigit("999999999") == 9); // every doubled product above 9
    CHECK(checkDigit("123456789") == 7);
    CHECK(checkDigit("176543210") == 7);
    CHECK(checkDigit("302345678") == 7);
}

TEST_CASE("Identity: exactly one last digit completes a valid cédula", "[identity]")
{
    const std::pair<const char *, int> prefixes[] = {
        {"171430710", 3}, {"060291094", 5}, {"172345678", 4}, {"010000000", 9}, {"300000000", 4}};
    for (const auto &[prefix, good] : prefixes) {
        for (int last = 0; last <= 9; ++last) {
            const QString number = QString::fromLatin1(prefix) + QString::number(last);
            INFO(number.toStdString());
            CHECK(verdictName(cobranza::checkIdentity(number)) == (last == good ? "ValidCedula" : "BadCheckDigit"));
        }
    }
}

TEST_CASE("Identity: province code must be 01–24 or 30", "[identity]")
{
    // Check digits are right, so only the province can make these fail.
    CHECK(check("0000000000") == "BadProvince");
    CHECK(check("0100000009") == "ValidCedula");
    CHECK(check("0140000001") == "ValidCedula");
    CHECK(check("2400000002") == "ValidCedula");
    CHECK(check("2500000001") == "BadProvince");
    CHECK(check("2900000007") == "BadProvince");
    CHECK(check("3000000004") == "ValidCedula");
    CHECK(check("3023456787") == "ValidCedula");
    CHECK(check("3100000003") == "BadProvince");
    CHECK(check("9900000002") == "BadProvince");
}

TEST_CASE("Identity: cédula third digit 0–6 accepted - 7–9 refused", "[identity]")
{
    // "17d000000" + its correct check digit for every third digit d.
    CHECK(check("1700000001") == "ValidCedula");
    CHECK(check("1710000009") == "ValidCedula");
    CHECK(check("1720000007") == "ValidCedula");
    CHECK(check("1730000005") == "ValidCedula");
    CHECK(check("1740000003") == "ValidCedula");
    CHECK(check("1750000000") == "ValidCedula");
    CHECK(check("1760000008") == "ValidCedula"); // 6: some foreign residents
    CHECK(check("0160000006") == "ValidCedula");
    CHECK(check("1770000006") == "BadThirdDigit");
    CHECK(check("1780000004") == "BadThirdDigit");
    CHECK(check("1790000002") == "BadThirdDigit"); // 9 is a company RUC, never a cédula
}

TEST_CASE("Identity: natural-person RUC is a valid cédula plus an establishment other than 000", "[identity]")
{
    CHECK(check("1714307103001") == "ValidRuc");
    CHECK(check("1714307103002") == "ValidRuc");
    CHECK(check("0602910945999") == "ValidRuc");
    CHECK(check("1750000000001") == "ValidRuc"); // third digit 5, the highest natural-person digit
    CHECK(check("1714307103000") == "BadEstablishment");
    CHECK(check("0602910945000") == "BadEstablishment");
    CHECK_FALSE(cobranza::isValid(cobranza::checkIdentity(u"1714307103000")));
    // The cédula part is checked as a cédula.
    CHECK(check("1714307104001") == "BadCheckDigit");
    CHECK(check("2514307103001") == "BadProvince");
    CHECK(check("0014307103001") == "BadProvince");
}

TEST_CASE("Identity: company RUC (third digit 9) uses mod 11 on digit 10", "[identity]")
{
    CHECK(check("1792060346001") == "ValidRuc");
    CHECK(check("1792060347001") == "BadCheckDigit");
    CHECK(check("1792060345001") == "BadCheckDigit");
    // S mod 11 = 0 → check digit 0.
    CHECK(check("0990000050001") == "ValidRuc");
    CHECK(check("0990000051001") == "BadCheckDigit");
    // S mod 11 = 1 → 11 − 1 = 10, which no digit matches.
    for (int d = 0; d <= 9; ++d) {
        const QString number = QStringLiteral("179000001") + QString::number(d) + QStringLiteral("001");
        INFO(number.toStdString());
        CHECK(verdictName(cobranza::checkIdentity(number)) == "BadCheckDigit");
    }
    // A failing company RUC is a warning (bad check digit), never malformed.
    CHECK(check("1792060347001") != "Malformed");
}

TEST_CASE("Identity: public-entity RUC (third digit 6) uses mod 11 on digit 9", "[identity]")
{
    CHECK(check("1760001550001") == "ValidRuc");
    CHECK(check("1760001040001") == "ValidRuc");
    CHECK(check("1760000900001") == "ValidRuc"); // S mod 11 = 0 → check digit 0
    CHECK(check("1760001560001") == "BadCheckDigit");
    CHECK(check("1760001540001") == "BadCheckDigit");
    CHECK(check("1760001050001") == "BadCheckDigit");
    // Digit 10 is not the check digit of a public RUC.
    CHECK(check("1760001551001") == "ValidRuc");
}

TEST_CASE("Identity: RUC third digits 7 and 8 are refused", "[identity]")
{
    CHECK(check("1774307103001") == "BadThirdDigit");
    CHECK(check("1784307108001") == "BadThirdDigit");
    CHECK(check("2592060346001") == "BadProvince");
}

TEST_CASE("Identity: malformed numbers", "[identity]")
{
    const char *bad[] = {
        "171430710",      // 9 digits
        "17143071031",    // 11 digits
        "171430710300",   // 12 digits
        "17143071030011", // 14 digits
        "17143071O3",     // letter O
        "ABCDEFGHIJ",
        "",
        "   ",
        "1714-307103",
        "1714 307103",
        "1714307103 001",
        "+714307103",
        "\xD9\xA1\xD9\xA7\xD9\xA1\xD9\xA4\xD9\xA3\xD9\xA0\xD9\xA7\xD9\xA1\xD9\xA0\xD9\xA3", // Arabic-Indic digits
    };
    for (const char *text : bad) {
        INFO('"' << text << '"');
        CHECK(check(text) == "Malformed");
    }
}

TEST_CASE("Identity: surrounding whitespace is trimmed", "[identity]")
{
    CHECK(check(" 1714307103 ") == "ValidCedula");
    CHECK(check("\t0602910945\n") == "ValidCedula");
    CHECK(check("  1792060346001") == "ValidRuc");
    CHECK(check("1714307104 ") == "BadCheckDigit");
}

TEST_CASE("Identity: isValid is true only for valid cédula and RUC", "[identity]")
{
    CHECK(cobranza::isValid(IdentityCheck::ValidCedula));
    CHECK(cobranza::isValid(IdentityCheck::ValidRuc));
    CHECK_FALSE(cobranza::isValid(IdentityCheck::BadCheckDigit));
    CHECK_FALSE(cobranza::isValid(IdentityCheck::BadProvince));
    CHECK_FALSE(cobranza::isValid(IdentityCheck::BadThirdDigit));
    CHECK_FALSE(cobranza::isValid(IdentityCheck::BadEstablishment));
    CHECK_FALSE(cobranza::isValid(IdentityCheck::Malformed));
}

TEST_CASE("Identity: problems are explained in Spanish - one per failure", "[identity]")
{
    using cobranza::identityProblem;
    CHECK(identityProblem(IdentityCheck::ValidCedula).isEmpty());
    CHECK(identityProblem(IdentityCheck::ValidRuc).isEmpty());

    const IdentityCheck failures[] = {IdentityCheck::BadCheckDigit, IdentityCheck::BadProvince,
                                      IdentityCheck::BadThirdDigit, IdentityCheck::BadEstablishment,
                                      IdentityCheck::Malformed};
    QStringList seen;
    for (IdentityCheck c : failures) {
        const QString text = identityProblem(c);
        INFO(verdictName(c) << ": " << text.toStdString());
        CHECK_FALSE(text.isEmpty());
        CHECK_FALSE(seen.contains(text));
        seen.append(text);
    }
    CHECK(identityProblem(IdentityCheck::BadCheckDigit).contains(QStringLiteral("verificador")));
    CHECK(identityProblem(IdentityCheck::BadProvince).contains(QStringLiteral("30")));
    CHECK(identityProblem(IdentityCheck::BadEstablishment).contains(QStringLiteral("000")));
    CHECK(identityProblem(IdentityCheck::Malformed).contains(QStringLiteral("10")));
    CHECK(identityProblem(IdentityCheck::Malformed).contains(QStringLiteral("13")));
}
