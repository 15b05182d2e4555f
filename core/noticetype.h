#pragma once

#include <QString>
#include <array>
#include <optional>

namespace cobranza {

// The written documents of the collections ladder.
enum class NoticeType {
    F1TG,                      // Primera notificación
    F2TG,                      // Segunda notificación
    UltimaNotificacion,
    PreviaCobroLegal,          // Notificación previa al cobro legal
    ComunicadoAccionesLegales, // Comunicado previo a acciones legales
    SeguimientoMorosos,        // Formulario de seguimiento a morosos
    CompromisoPago,            // Compromiso de Pago extrajudicial
};

inline constexpr std::array kAllNoticeTypes = {
    NoticeType::F1TG, NoticeType::F2TG, NoticeType::UltimaNotificacion, NoticeType::PreviaCobroLegal,
    NoticeType::ComunicadoAccionesLegales, NoticeType::SeguimientoMorosos, NoticeType::CompromisoPago};

QString noticeTypeCode(NoticeType t);  // "F1TG", "ULTIMA", …: stored and used by the CLI
QString noticeTypeLabel(NoticeType t); // "Primera notificación (F1TG)"
std::optional<NoticeType> parseNoticeType(QStringView codeOrLabel);

} // namespace cobranza
