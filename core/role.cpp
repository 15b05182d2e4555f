#include "role.h"

#include "textfold.h"

#include <QCoreApplication>

namespace cobranza {

QString roleCode(Role r)
{
    switch (r) {
    case Role::AsesorNegocios: return QStringLiteral("ASESOR_NEGOCIOS");
    case Role::CoordinadorAgencia: return QStringLiteral("COORDINADOR_AGENCIA");
    case Role::OficialCobranzas: return QStringLiteral("OFICIAL_COBRANZAS");
    case Role::PivotCredito: return QStringLiteral("PIVOT_CREDITO");
    case Role::OficialRiesgos: return QStringLiteral("OFICIAL_RIESGOS");
    case Role::JefeNegocios: return QStringLiteral("JEFE_NEGOCIOS");
    case Role::Sistemas: return QStringLiteral("SISTEMAS");
    }
    return {};
}

QString roleLabel(Role r)
{
    switch (r) {
    case Role::AsesorNegocios: return QCoreApplication::translate("cobranza::Role", "Asesor de Negocios");
    case Role::CoordinadorAgencia: return QCoreApplication::translate("cobranza::Role", "Coordinador de Agencia");
    case Role::OficialCobranzas: return QCoreApplication::translate("cobranza::Role", "Oficial de Cobranzas");
    case Role::PivotCredito: return QCoreApplication::translate("cobranza::Role", "Pivot de Crédito");
    case Role::OficialRiesgos: return QCoreApplication::translate("cobranza::Role", "Oficial de Riesgos");
    case Role::JefeNegocios: return QCoreApplication::translate("cobranza::Role", "Jefe de Negocios");
    case Role::Sistemas: return QCoreApplication::translate("cobranza::Role", "Sistemas");
    }
    return {};
}

std::optional<Role> parseRole(QStringView codeOrLabel)
{
    const QString f = foldForMatch(codeOrLabel);
    for (Role r : kAllRoles)
        if (foldForMatch(roleCode(r)) == f || foldForMatch(roleLabel(r)) == f)
            return r;
    return std::nullopt;
}

bool worksAllBranches(Role r)
{
    return r == Role::JefeNegocios || r == Role::Sistemas || r == Role::OficialRiesgos;
}

} // namespace cobranza
