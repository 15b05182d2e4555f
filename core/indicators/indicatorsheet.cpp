#include "indicatorsheet.h"

#include "indicators/provision.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QStringList>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::IndicatorSheet", s); }

QString provisionFormula(const ProvisionTable &provisions)
{
    QStringList parts;
    for (Rating r : kAllRatings)
        parts << QStringLiteral("%1 %2").arg(ratingCode(r), provisions.percentText(r));
    return tr("Σ saldo de capital de cada calificación × su porcentaje de provisión (%1). Porcentajes por "
              "confirmar por cada cooperativa con la norma vigente.")
        .arg(parts.join(QStringLiteral(", ")));
}

} // namespace

QString IndicatorSettings::goalKey(const QString &code)
{
    return QStringLiteral("indicators/goal/") + code;
}

QList<IndicatorSheet> defaultIndicatorSheets(const ProvisionTable &provisions)
{
    const QString monthly = tr("Mensual, al último corte de cada mes");
    const QString monthlyWork = tr("Mensual");
    const QString report = tr("Reporte de créditos vencidos y por vencer (SALDO_CAPITAL, DIAS_MORA, CALIFICACION, "
                              "SUCURSAL)");
    const QString work = tr("Hojas de ruta y resultados de visitas (gestión) de la estación de cobranzas");
    const QString usd = tr("USD");
    const QString percent = tr("% de la cartera total");
    using C = GoalSense;
    return {
        {IndicatorCode::OverduePortfolio, tr("Cartera en mora"),
         tr("Σ saldo de capital de los créditos con días de mora mayores a 0. Variación: mes actual − mes anterior."),
         usd, monthly, report, tr("Jefe de Negocios"), std::nullopt, C::AtMost},
        {IndicatorCode::OverdueRatio, tr("Índice de morosidad"),
         tr("Cartera en mora ÷ cartera total × 100."), percent, monthly, report,
         tr("Jefe de Negocios y Coordinadores de Agencia"), std::nullopt, C::AtMost},
        {IndicatorCode::OverdueByBranch, tr("Cartera en mora por agencia"),
         tr("Σ saldo de capital con días de mora mayores a 0, por SUCURSAL. Morosidad de la agencia: su cartera en "
            "mora ÷ su cartera total × 100."),
         usd, monthly, report, tr("Coordinador de Agencia"), std::nullopt, C::AtMost},
        {IndicatorCode::OverdueByRating, tr("Cartera en mora por calificación"),
         tr("Σ saldo de capital con días de mora mayores a 0, por CALIFICACION. Participación: ÷ cartera total × 100 "
            "(la suma es el índice de morosidad)."),
         usd, monthly, report, tr("Oficial de Riesgos"), std::nullopt, C::AtMost},
        {IndicatorCode::RiskLevels, tr("Cartera por nivel de riesgo"),
         tr("Número de créditos y Σ saldo de capital por nivel de riesgo: Normal (A1–A3), Potencial (B1–B2), "
            "Deficiente (C1–C2), Dudoso recaudo (D), Pérdida (E), al último corte del período."),
         tr("USD y número de créditos"), monthly, report, tr("Oficial de Riesgos"), std::nullopt, C::AtMost},
        {IndicatorCode::LegalCollection, tr("Cartera en cobro judicial"),
         tr("Saldo de capital de los créditos con más de 125 días de mora ÷ cartera total × 100. Pasado el día 125 "
            "el expediente pasa al abogado, sea cual sea el segmento del crédito."),
         percent, monthly, report, tr("Oficial de Cobranzas"), std::nullopt, C::AtMost},
        {IndicatorCode::Uncollectible, tr("Cartera incobrable"),
         tr("Saldo de capital calificado E (pérdida) ÷ cartera total × 100."), percent, monthly, report,
         tr("Oficial de Cobranzas"), std::nullopt, C::AtMost},
        {IndicatorCode::Provision, tr("Provisión requerida"), provisionFormula(provisions), usd, monthly, report,
         tr("Oficial de Riesgos"), std::nullopt, C::AtMost},
        {IndicatorCode::Coverage, tr("Cobertura de provisiones"),
         tr("Provisión requerida ÷ cartera total × 100. Se informa también la provisión ÷ cartera en mora × 100."),
         percent, monthly, report, tr("Oficial de Riesgos"), std::nullopt, C::AtLeast},
        {IndicatorCode::Visits, tr("Visitas agendadas y realizadas"),
         tr("Agendadas: visitas del mes en la hoja de ruta de la persona, sin las desagendadas ni las de Gestión "
            "Propia. Realizadas: visitas con resultado distinto de No Visitado, Desagendado y Agendado (incluye "
            "Gestión Propia)."),
         tr("visitas por persona"), monthlyWork, work, tr("Pivot de Crédito"), std::nullopt, C::AtLeast},
        {IndicatorCode::ResultsByState, tr("Resultados por estado"),
         tr("Número de resultados registrados en el mes por ESTADO y por persona."), tr("resultados por persona"),
         monthlyWork, work, tr("Pivot de Crédito"), std::nullopt, C::AtLeast},
        {IndicatorCode::PromisesKept, tr("Cumplimiento de promesas de pago"),
         tr("(Promesas cumplidas + cumplidas en parte) ÷ promesas evaluadas × 100, de las promesas hechas en las "
            "visitas del mes. Cada promesa se evalúa con el primer corte igual o posterior a la fecha de acuerdo."),
         tr("% de las promesas evaluadas"), monthlyWork, work, tr("Coordinador de Agencia"), std::nullopt, C::AtLeast},
        {IndicatorCode::Collected, tr("Recaudación en campo"),
         tr("Σ Recaudación registrada en los resultados de las visitas del mes."), usd, monthlyWork, work,
         tr("Pivot de Crédito"), std::nullopt, C::AtLeast},
        {IndicatorCode::LateEntries, tr("Resultados registrados fuera de plazo"),
         tr("Resultados de las visitas del mes registrados después del plazo (08:45 del siguiente día laborable)."),
         tr("resultados por persona"), monthlyWork, work, tr("Pivot de Crédito"), std::nullopt, C::AtMost},
        {IndicatorCode::Errors, tr("Errores por persona"),
         tr("Errores registrados en el mes, por regla o a mano por el Pivot de Crédito (formato F.1-A)."),
         tr("errores por persona"), monthlyWork, tr("Reporte de errores de la estación de cobranzas"),
         tr("Pivot de Crédito y Comité de Gestión de Crédito"), std::nullopt, C::AtMost},
    };
}

QList<IndicatorSheet> loadIndicatorSheets(const Database &db)
{
    QList<IndicatorSheet> sheets = defaultIndicatorSheets(ProvisionTable::load(db));
    const SettingsStore settings(db);
    const int legalDays = legalCollectionDays(db);
    for (IndicatorSheet &s : sheets) {
        if (const auto text = settings.value(IndicatorSettings::goalKey(s.code))) {
            bool ok = false;
            const double goal = QString(*text).replace(u',', u'.').trimmed().toDouble(&ok);
            if (ok)
                s.goal = goal;
        }
        if (s.code == IndicatorCode::LegalCollection && legalDays != kDefaultLegalCollectionDays)
            s.formula = tr("Saldo de capital de los créditos con más de %1 días de mora ÷ cartera total × 100 "
                           "(umbral configurado por la cooperativa).")
                            .arg(legalDays);
    }
    return sheets;
}

std::optional<IndicatorSheet> findSheet(const QList<IndicatorSheet> &sheets, const QString &code)
{
    for (const IndicatorSheet &s : sheets)
        if (s.code == code)
            return s;
    return std::nullopt;
}

bool saveIndicatorGoal(const Database &db, const QString &code, std::optional<double> goal)
{
    // An empty value reads as "no goal": the store has no way to delete a key.
    return SettingsStore(db).setValue(IndicatorSettings::goalKey(code),
                                      goal ? QString::number(*goal) : QStringLiteral(""));
}

int legalCollectionDays(const Database &db)
{
    bool ok = false;
    const int days = SettingsStore(db).value(IndicatorSettings::LegalCollectionDays, QString()).toInt(&ok);
    return ok && days > 0 ? days : kDefaultLegalCollectionDays;
}

std::optional<bool> meetsGoal(const IndicatorSheet &sheet, std::optional<double> value)
{
    if (!sheet.goal || !value)
        return std::nullopt;
    return sheet.sense == GoalSense::AtMost ? *value <= *sheet.goal : *value >= *sheet.goal;
}

std::optional<QString> goalRefusal(const PermissionTable &table, const Session &session)
{
    if (table.allows(session.role, Permission::ReadSupervision) && table.allows(session.role, Permission::ViewAllBranches))
        return std::nullopt;
    return QCoreApplication::translate("cobranza::IndicatorSheet",
                                       "las metas de los indicadores las fija la jefatura (Jefe de Negocios u Oficial "
                                       "de Riesgos).");
}

} // namespace cobranza
