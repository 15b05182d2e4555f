// Who works a credit of each rating (domain.md, "Risk rating and who works the credit").
#include "ratingroles.h"

#include <catch2/catch.hpp>

#include <string>

using cobranza::Rating;
using cobranza::RatingRoles;
using cobranza::Role;

namespace {
std::string roleOf(const RatingRoles &roles, Rating r)
{
    return cobranza::roleCode(roles.responsibleFor(r)).toStdString();
}
} // namespace

TEST_CASE("Rating roles: defaults give A1–A3 to advisors - B1–B2 to the coordinator - C1–E to collections", "[rating]")
{
    const RatingRoles roles = RatingRoles::defaults();
    CHECK(roleOf(roles, Rating::A1) == "ASESOR_NEGOCIOS");
    CHECK(roleOf(roles, Rating::A2) == "ASESOR_NEGOCIOS");
    CHECK(roleOf(roles, Rating::A3) == "ASESOR_NEGOCIOS");
    CHECK(roleOf(roles, Rating::B1) == "COORDINADOR_AGENCIA");
    CHECK(roleOf(roles, Rating::B2) == "COORDINADOR_AGENCIA");
    CHECK(roleOf(roles, Rating::C1) == "OFICIAL_COBRANZAS");
    CHECK(roleOf(roles, Rating::C2) == "OFICIAL_COBRANZAS");
    CHECK(roleOf(roles, Rating::D) == "OFICIAL_COBRANZAS");
    CHECK(roleOf(roles, Rating::E) == "OFICIAL_COBRANZAS");
    CHECK(RatingRoles::defaults() == RatingRoles::defaults());
}

TEST_CASE("Rating roles: no default gives a credit to Pivot - Riesgos - Jefe or Sistemas", "[rating]")
{
    const RatingRoles roles = RatingRoles::defaults();
    for (Rating r : cobranza::kAllRatings) {
        INFO(cobranza::ratingCode(r).toStdString());
        const Role who = roles.responsibleFor(r);
        CHECK((who == Role::AsesorNegocios || who == Role::CoordinadorAgencia || who == Role::OficialCobranzas));
    }
}

TEST_CASE("Rating roles: the cooperative can reassign one rating without touching the others", "[rating]")
{
    const RatingRoles defaults = RatingRoles::defaults();
    RatingRoles roles = defaults;
    roles.assign(Rating::B2, Role::OficialCobranzas);

    CHECK(roleOf(roles, Rating::B2) == "OFICIAL_COBRANZAS");
    CHECK(roleOf(roles, Rating::B1) == "COORDINADOR_AGENCIA");
    for (Rating r : cobranza::kAllRatings) {
        if (r == Rating::B2)
            continue;
        INFO(cobranza::ratingCode(r).toStdString());
        CHECK(roles.responsibleFor(r) == defaults.responsibleFor(r));
    }
    CHECK_FALSE(roles == defaults);
    CHECK(roleOf(defaults, Rating::B2) == "COORDINADOR_AGENCIA"); // a copy, not shared state

    roles.assign(Rating::B2, Role::CoordinadorAgencia);
    CHECK(roles == defaults);

    roles.assign(Rating::A1, Role::PivotCredito);
    roles.assign(Rating::E, Role::JefeNegocios);
    CHECK(roleOf(roles, Rating::A1) == "PIVOT_CREDITO");
    CHECK(roleOf(roles, Rating::E) == "JEFE_NEGOCIOS");
    CHECK(roleOf(roles, Rating::A2) == "ASESOR_NEGOCIOS");
    CHECK(roleOf(roles, Rating::D) == "OFICIAL_COBRANZAS");
}
