// Fixed sets with a stored code and a Spanish label: segments, roles, visit states; and text folding.
#include "role.h"
#include "segment.h"
#include "textfold.h"
#include "visitstate.h"

#include <QStringList>

#include <catch2/catch.hpp>

#include <string>

using cobranza::Role;
using cobranza::Segment;
using cobranza::VisitState;

namespace {

std::string str(std::optional<Segment> s)
{
    return s ? cobranza::segmentCode(*s).toStdString() : std::string("none");
}

std::string str(std::optional<Role> r)
{
    return r ? cobranza::roleCode(*r).toStdString() : std::string("none");
}

std::string str(std::optional<VisitState> v)
{
    return v ? cobranza::visitStateCode(*v).toStdString() : std::string("none");
}

QString q(const char *utf8) { return QString::fromUtf8(utf8); }

} // namespace

TEST_CASE("Enums: parseSegment understands the spellings of core-banking exports", "[enums]")
{
    using cobranza::parseSegment;
    CHECK(str(parseSegment(q("Microcrédito"))) == "MICROCREDITO");
    CHECK(str(parseSegment(q("MICROCREDITO MINORISTA"))) == "MICROCREDITO");
    CHECK(str(parseSegment(q("CONSUMO ORDINARIO"))) == "CONSUMO");
    CHECK(str(parseSegment(q("consumo prioritario"))) == "CONSUMO");
    CHECK(str(parseSegment(q("Consumo"))) == "CONSUMO");
    CHECK(str(parseSegment(q("Vivienda de Interés Social"))) == "VIVIENDA_INTERES_SOCIAL");
    CHECK(str(parseSegment(q("VIVIENDA_INTERES_SOCIAL"))) == "VIVIENDA_INTERES_SOCIAL");
    CHECK(str(parseSegment(q("Productivo PYMES"))) == "PRODUCTIVO");
    CHECK(str(parseSegment(q("PRODUCTIVO CORPORATIVO"))) == "PRODUCTIVO");
    CHECK(str(parseSegment(q("Educativo"))) == "EDUCATIVO");
    CHECK(str(parseSegment(q("inmobiliario"))) == "INMOBILIARIO");
    CHECK(str(parseSegment(q("  Inmobiliario  "))) == "INMOBILIARIO");
}

TEST_CASE("Enums: parseSegment refuses what is not a segment", "[enums]")
{
    using cobranza::parseSegment;
    for (const char *bad : {"", "   ", "garbage", "xyz123", "Vivienda", "Tarjeta de crédito", "A1", "_"}) {
        INFO('"' << bad << '"');
        CHECK(str(parseSegment(q(bad))) == "none");
    }
}

TEST_CASE("Enums: segment codes and labels round-trip", "[enums]")
{
    REQUIRE(cobranza::kAllSegments.size() == 6);
    QStringList codes, labels;
    for (Segment s : cobranza::kAllSegments) {
        const QString code = cobranza::segmentCode(s);
        const QString label = cobranza::segmentLabel(s);
        INFO(code.toStdString() << " / " << label.toStdString());
        CHECK_FALSE(codes.contains(code));
        CHECK_FALSE(labels.contains(label));
        codes.append(code);
        labels.append(label);
        CHECK(cobranza::parseSegment(code) == s);
        CHECK(cobranza::parseSegment(label) == s);
        CHECK(cobranza::parseSegment(label.toUpper()) == s);
    }
    CHECK(cobranza::segmentLabel(Segment::ViviendaInteresSocial).toStdString() == "Vivienda de interés social");
    CHECK(cobranza::segmentLabel(Segment::Microcredito).toStdString() == "Microcrédito");
}

TEST_CASE("Enums: parseRole by code and by Spanish label", "[enums]")
{
    using cobranza::parseRole;
    CHECK(str(parseRole(u"ASESOR_NEGOCIOS")) == "ASESOR_NEGOCIOS");
    CHECK(str(parseRole(u"oficial_cobranzas")) == "OFICIAL_COBRANZAS");
    CHECK(str(parseRole(q("Pivot de Crédito"))) == "PIVOT_CREDITO");
    CHECK(str(parseRole(u"pivot de credito")) == "PIVOT_CREDITO");
    CHECK(str(parseRole(u"Coordinador de Agencia")) == "COORDINADOR_AGENCIA");
    CHECK(str(parseRole(u"  Sistemas ")) == "SISTEMAS");
    CHECK(str(parseRole(u"Oficial de Riesgos")) == "OFICIAL_RIESGOS");
    CHECK(str(parseRole(u"Jefe de Negocios")) == "JEFE_NEGOCIOS");
    CHECK(str(parseRole(u"")) == "none");
    CHECK(str(parseRole(u"Gerente")) == "none");
    CHECK(str(parseRole(u"Asesor")) == "none");

    QStringList codes, labels;
    for (Role r : cobranza::kAllRoles) {
        const QString code = cobranza::roleCode(r);
        const QString label = cobranza::roleLabel(r);
        INFO(code.toStdString() << " / " << label.toStdString());
        CHECK_FALSE(codes.contains(code));
        CHECK_FALSE(labels.contains(label));
        codes.append(code);
        labels.append(label);
        CHECK(parseRole(code) == r);
        CHECK(parseRole(label) == r);
    }
    CHECK(codes.size() == 7);
}

TEST_CASE("Enums: only head-office roles work all branches", "[enums]")
{
    for (Role r : cobranza::kAllRoles) {
        INFO(cobranza::roleCode(r).toStdString());
        const bool headOffice = r == Role::JefeNegocios || r == Role::Sistemas || r == Role::OficialRiesgos;
        CHECK(cobranza::worksAllBranches(r) == headOffice);
    }
}

TEST_CASE("Enums: exactly the nine visit states of the procedure", "[enums]")
{
    const char *labels[] = {"No Visitado", "No Asignado",   "Gestión Judicial", "Llamada Telefónica", "Agendado",
                            "Visitado",    "No Encontrado", "Desagendado",      "Gestión Propia"};
    REQUIRE(cobranza::kAllVisitStates.size() == 9);
    QStringList codes;
    for (size_t i = 0; i < cobranza::kAllVisitStates.size(); ++i) {
        const VisitState s = cobranza::kAllVisitStates.at(i);
        const QString code = cobranza::visitStateCode(s);
        INFO(code.toStdString());
        CHECK(cobranza::visitStateLabel(s).toStdString() == labels[i]);
        CHECK_FALSE(codes.contains(code));
        codes.append(code);
        CHECK(cobranza::parseVisitState(code) == s);
        CHECK(cobranza::parseVisitState(q(labels[i])) == s);
    }
}

TEST_CASE("Enums: visit states parse by label with or without accents", "[enums]")
{
    using cobranza::parseVisitState;
    CHECK(str(parseVisitState(u"Gestion Propia")) == "GESTION_PROPIA");
    CHECK(str(parseVisitState(q("GESTIÓN PROPIA"))) == "GESTION_PROPIA");
    CHECK(str(parseVisitState(u"llamada telefonica")) == "LLAMADA_TELEFONICA");
    CHECK(str(parseVisitState(u"Gestion Judicial")) == "GESTION_JUDICIAL");
    CHECK(str(parseVisitState(u"NO_ENCONTRADO")) == "NO_ENCONTRADO");
    CHECK(str(parseVisitState(u" no  visitado ")) == "NO_VISITADO");
    CHECK(str(parseVisitState(u"")) == "none");
    CHECK(str(parseVisitState(u"Visitado parcialmente")) == "none");
    CHECK(str(parseVisitState(u"Reagendado")) == "none");
}

TEST_CASE("Enums: justification is required exactly for No Encontrado - No Visitado - Llamada Telefónica", "[enums]")
{
    for (VisitState s : cobranza::kAllVisitStates) {
        INFO(cobranza::visitStateCode(s).toStdString());
        const bool expected =
            s == VisitState::NoEncontrado || s == VisitState::NoVisitado || s == VisitState::LlamadaTelefonica;
        CHECK(cobranza::requiresJustification(s) == expected);
    }
    CHECK(cobranza::requiresJustification(VisitState::NoEncontrado));
    CHECK(cobranza::requiresJustification(VisitState::NoVisitado));
    CHECK(cobranza::requiresJustification(VisitState::LlamadaTelefonica));
    CHECK_FALSE(cobranza::requiresJustification(VisitState::Visitado));
    CHECK_FALSE(cobranza::requiresJustification(VisitState::GestionPropia));
}

TEST_CASE("Enums: text folding for matching column names and for search boxes", "[enums]")
{
    using cobranza::foldForMatch;
    using cobranza::foldForSearch;
    CHECK(foldForMatch(q("Calificación_Ant ")) == foldForMatch(u"CALIFICACION ANT"));
    CHECK(foldForMatch(q("Calificación_Ant ")).toStdString() == "CALIFICACION ANT");
    CHECK(foldForMatch(u"  dias__mora  ").toStdString() == "DIAS MORA");
    CHECK(foldForMatch(q("Año")).toStdString() == "ANO");
    CHECK(foldForMatch(u"").isEmpty());
    CHECK(foldForMatch(u" _ ").isEmpty());
    CHECK(foldForMatch(u"CALIFICACION") != foldForMatch(u"CALIFICACION ANT"));

    CHECK(foldForSearch(q("ÑANDÚ Pérez")).toStdString() == "nandu perez");
    CHECK(foldForSearch(q("Güiña  José_Luis")).toStdString() == "guina  jose_luis"); // spaces and '_' kept
    CHECK(foldForSearch(u"0602910945").toStdString() == "0602910945");
    // Precomposed and decomposed input fold alike.
    CHECK(foldForSearch(q("Jose\xCC\x81")) == foldForSearch(q("José")));
}
