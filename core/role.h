#pragma once

#include <QString>
#include <array>
#include <optional>

namespace cobranza {

// A staff member's job in collections (domain.md, "Who uses it").
enum class Role {
    AsesorNegocios,
    CoordinadorAgencia,
    OficialCobranzas,
    PivotCredito,
    OficialRiesgos,
    JefeNegocios,
    Sistemas,
};

inline constexpr std::array kAllRoles = {Role::AsesorNegocios, Role::CoordinadorAgencia, Role::OficialCobranzas,
                                         Role::PivotCredito,   Role::OficialRiesgos,     Role::JefeNegocios,
                                         Role::Sistemas};

QString roleCode(Role r);  // "ASESOR_NEGOCIOS": stored
QString roleLabel(Role r); // "Asesor de Negocios": shown
std::optional<Role> parseRole(QStringView codeOrLabel);
// Head-office roles may choose any branch; the others work their own.
bool worksAllBranches(Role r);

} // namespace cobranza
