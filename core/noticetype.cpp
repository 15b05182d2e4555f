#include "noticetype.h"

#include "textfold.h"

#include <QCoreApplication>

namespace cobranza {

QString noticeTypeCode(NoticeType t)
{
    switch (t) {
    case NoticeType::F1TG: return QStringLiteral("F1TG");
    case NoticeType::F2TG: return QStringLiteral("F2TG");
    case NoticeType::UltimaNotificacion: return QStringLiteral("ULTIMA");
    case NoticeType::PreviaCobroLegal: return QStringLiteral("PREVIA_LEGAL");
    case NoticeType::ComunicadoAccionesLegales: return QStringLiteral("ACCIONES_LEGALES");
    case NoticeType::SeguimientoMorosos: return QStringLiteral("SEGUIMIENTO");
    case NoticeType::CompromisoPago: return QStringLiteral("COMPROMISO");
    }
    return {};
}

QString noticeTypeLabel(NoticeType t)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::NoticeType", s); };
    switch (t) {
    case NoticeType::F1TG: return tr("Primera notificación (F1TG)");
    case NoticeType::F2TG: return tr("Segunda notificación (F2TG)");
    case NoticeType::UltimaNotificacion: return tr("Última notificación");
    case NoticeType::PreviaCobroLegal: return tr("Notificación previa al cobro legal");
    case NoticeType::ComunicadoAccionesLegales: return tr("Comunicado previo a acciones legales");
    case NoticeType::SeguimientoMorosos: return tr("Formulario de seguimiento a morosos");
    case NoticeType::CompromisoPago: return tr("Compromiso de pago extrajudicial");
    }
    return {};
}

std::optional<NoticeType> parseNoticeType(QStringView codeOrLabel)
{
    const QString f = foldForMatch(codeOrLabel);
    for (NoticeType t : kAllNoticeTypes)
        if (foldForMatch(noticeTypeCode(t)) == f || foldForMatch(noticeTypeLabel(t)) == f)
            return t;
    return std::nullopt;
}

} // namespace cobranza
