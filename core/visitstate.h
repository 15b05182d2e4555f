#pragma once

#include <QString>
#include <array>
#include <optional>

namespace cobranza {

// ESTADO of a visit result: exactly the nine states of the cooperative's procedure, in its order.
enum class VisitState {
    NoVisitado,
    NoAsignado,
    GestionJudicial,
    LlamadaTelefonica,
    Agendado,
    Visitado,
    NoEncontrado,
    Desagendado,
    GestionPropia,
};

inline constexpr std::array kAllVisitStates = {
    VisitState::NoVisitado, VisitState::NoAsignado,   VisitState::GestionJudicial,
    VisitState::LlamadaTelefonica, VisitState::Agendado, VisitState::Visitado,
    VisitState::NoEncontrado, VisitState::Desagendado, VisitState::GestionPropia};

QString visitStateCode(VisitState s);  // "NO_VISITADO": stored
QString visitStateLabel(VisitState s); // "No Visitado": shown
std::optional<VisitState> parseVisitState(QStringView codeOrLabel);
// No Encontrado, No Visitado and Llamada Telefónica always carry a justification.
bool requiresJustification(VisitState s);

} // namespace cobranza
