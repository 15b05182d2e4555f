#include "ladder.h"

#include <QCoreApplication>

namespace cobranza {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cobranza::CollectionsLadder", s); }
} // namespace

CollectionsLadder CollectionsLadder::defaults()
{
    using R = Role;
    using N = NoticeType;
    const QString phone = tr("Teléfono, SMS o correo");
    const QString verbal = tr("Verbal");
    const QString written = tr("Escrito");
    return CollectionsLadder({
        {0, 0, tr("Recordar la fecha de pago"), phone, R::PivotCredito, tr("Pivot de Crédito / Asesor"), {}},
        {1, 3, tr("Avisar al socio que no se registra el pago"), phone, R::AsesorNegocios, tr("Asesor de Negocios"), {}},
        {4, 5, tr("Contactar al socio en persona y buscar un acuerdo de pago"), verbal, R::AsesorNegocios,
         tr("Asesor de Negocios"), {}},
        {6, 10, tr("Visitar al socio; sin acuerdo, llamar al garante"), verbal, R::AsesorNegocios,
         tr("Asesor de Negocios"), {}},
        {11, 20, tr("Visitar a socio y garante, entregar la primera notificación"), written, R::AsesorNegocios,
         tr("Asesor de Negocios"), N::F1TG},
        {21, 25, tr("Visitar a socio y garante junto con el coordinador"), tr("Teléfono, SMS o electrónico"),
         R::CoordinadorAgencia, tr("Coordinador de Agencia (Subcomité)"), {}},
        {26, 35, tr("Visitar a socio y garante, entregar la segunda notificación"), written, R::CoordinadorAgencia,
         tr("Coordinador de Agencia (Subcomité)"), N::F2TG},
        {36, 40, tr("Visitar y negociar: reestructuración o refinanciamiento"), verbal, R::CoordinadorAgencia,
         tr("Coordinador de Agencia"), {}},
        {41, 50, tr("Visitar a socio y garante, entregar la última notificación"), written, R::CoordinadorAgencia,
         tr("Coordinador de Agencia"), N::UltimaNotificacion},
        {51, 65, tr("Visitar a quien asumió el compromiso y darle seguimiento"), verbal, R::OficialCobranzas,
         tr("Oficial de Cobranzas (Comité)"), {}},
        {66, 80, tr("Visitar a socio y garante, entregar la notificación previa al cobro legal"), written,
         R::OficialCobranzas, tr("Oficial de Cobranzas"), N::PreviaCobroLegal},
        {81, 95, tr("Entregar el comunicado previo a acciones legales"), written, R::OficialCobranzas,
         tr("Oficial de Cobranzas"), N::ComunicadoAccionesLegales},
        {96, 125, tr("Formulario de seguimiento a morosos; iniciar la acción judicial"), tr("—"), R::OficialCobranzas,
         tr("Asistente de Cobranzas"), N::SeguimientoMorosos},
        {126, std::nullopt, tr("Reunir los documentos del expediente para el abogado"), tr("—"), R::OficialCobranzas,
         tr("Asistente de Cobranzas"), {}},
    });
}

const LadderStage *CollectionsLadder::stageFor(int daysPastDue) const
{
    for (const LadderStage &s : m_stages)
        if (daysPastDue >= s.minDays && (!s.maxDays || daysPastDue <= *s.maxDays))
            return &s;
    return nullptr;
}

QString CollectionsLadder::rangeLabel(const LadderStage &stage)
{
    if (stage.maxDays && *stage.maxDays == 0)
        return tr("Por vencer");
    if (!stage.maxDays)
        return tr("Más de %1 días").arg(stage.minDays - 1);
    return tr("%1–%2 días").arg(stage.minDays).arg(*stage.maxDays);
}

QString CollectionsLadder::validate() const
{
    int expected = 0;
    for (qsizetype i = 0; i < m_stages.size(); ++i) {
        const LadderStage &s = m_stages.at(i);
        if (s.minDays != expected)
            return tr("La etapa %1 debe empezar en el día %2.").arg(i + 1).arg(expected);
        if (s.maxDays && *s.maxDays < s.minDays)
            return tr("La etapa %1 termina antes de empezar.").arg(i + 1);
        if (!s.maxDays && i + 1 != m_stages.size())
            return tr("Solo la última etapa puede no tener límite de días.");
        if (s.action.trimmed().isEmpty())
            return tr("La etapa %1 no dice qué hacer.").arg(i + 1);
        if (s.maxDays)
            expected = *s.maxDays + 1;
    }
    if (m_stages.isEmpty() || m_stages.back().maxDays)
        return tr("La última etapa debe cubrir todos los días siguientes.");
    return {};
}

} // namespace cobranza
