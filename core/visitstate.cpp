#include "visitstate.h"

#include "textfold.h"

#include <QCoreApplication>

namespace cobranza {

QString visitStateCode(VisitState s)
{
    switch (s) {
    case VisitState::NoVisitado: return QStringLiteral("NO_VISITADO");
    case VisitState::NoAsignado: return QStringLiteral("NO_ASIGNADO");
    case VisitState::GestionJudicial: return QStringLiteral("GESTION_JUDICIAL");
    case VisitState::LlamadaTelefonica: return QStringLiteral("LLAMADA_TELEFONICA");
    case VisitState::Agendado: return QStringLiteral("AGENDADO");
    case VisitState::Visitado: return QStringLiteral("VISITADO");
    case VisitState::NoEncontrado: return QStringLiteral("NO_ENCONTRADO");
    case VisitState::Desagendado: return QStringLiteral("DESAGENDADO");
    case VisitState::GestionPropia: return QStringLiteral("GESTION_PROPIA");
    }
    return {};
}

QString visitStateLabel(VisitState s)
{
    switch (s) {
    case VisitState::NoVisitado: return QCoreApplication::translate("cobranza::VisitState", "No Visitado");
    case VisitState::NoAsignado: return QCoreApplication::translate("cobranza::VisitState", "No Asignado");
    case VisitState::GestionJudicial: return QCoreApplication::translate("cobranza::VisitState", "Gestión Judicial");
    case VisitState::LlamadaTelefonica:
        return QCoreApplication::translate("cobranza::VisitState", "Llamada Telefónica");
    case VisitState::Agendado: return QCoreApplication::translate("cobranza::VisitState", "Agendado");
    case VisitState::Visitado: return QCoreApplication::translate("cobranza::VisitState", "Visitado");
    case VisitState::NoEncontrado: return QCoreApplication::translate("cobranza::VisitState", "No Encontrado");
    case VisitState::Desagendado: return QCoreApplication::translate("cobranza::VisitState", "Desagendado");
    case VisitState::GestionPropia: return QCoreApplication::translate("cobranza::VisitState", "Gestión Propia");
    }
    return {};
}

std::optional<VisitState> parseVisitState(QStringView codeOrLabel)
{
    const QString f = foldForMatch(codeOrLabel);
    for (VisitState s : kAllVisitStates)
        if (foldForMatch(visitStateCode(s)) == f || foldForMatch(visitStateLabel(s)) == f)
            return s;
    return std::nullopt;
}

bool requiresJustification(VisitState s)
{
    return s == VisitState::NoEncontrado || s == VisitState::NoVisitado || s == VisitState::LlamadaTelefonica;
}

} // namespace cobranza
