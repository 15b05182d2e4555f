#pragma once

#include "permissions.h"
#include "session.h"

#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;
class ProvisionTable;

// The codes of the indicators the dashboard shows, in its order; stored in settings keys and
// used as worksheet names, so they never change once shipped.
namespace IndicatorCode {
inline const QString OverduePortfolio = QStringLiteral("CARTERA_MORA");
inline const QString OverdueRatio = QStringLiteral("MOROSIDAD");
inline const QString OverdueByBranch = QStringLiteral("MORA_AGENCIA");
inline const QString OverdueByRating = QStringLiteral("MORA_CALIFICACION");
inline const QString RiskLevels = QStringLiteral("NIVEL_RIESGO");
inline const QString LegalCollection = QStringLiteral("COBRO_JUDICIAL");
inline const QString Uncollectible = QStringLiteral("INCOBRABLE");
inline const QString Provision = QStringLiteral("PROVISION");
inline const QString Coverage = QStringLiteral("COBERTURA");
inline const QString Visits = QStringLiteral("VISITAS");
inline const QString ResultsByState = QStringLiteral("RESULTADOS");
inline const QString PromisesKept = QStringLiteral("PROMESAS");
inline const QString Collected = QStringLiteral("RECAUDACION");
inline const QString LateEntries = QStringLiteral("ATRASOS");
inline const QString Errors = QStringLiteral("ERRORES");
} // namespace IndicatorCode

// Whether the goal is a ceiling (morosidad at most 5 %) or a floor (promises kept at least 80 %).
enum class GoalSense { AtMost, AtLeast };

// The technical sheet (ficha técnica) of an indicator, in the cooperative's words.
struct IndicatorSheet
{
    QString code;
    QString name;
    QString formula;
    QString unit;
    QString frequency;
    QString source;
    QString responsible;
    std::optional<double> goal; // in the indicator's unit; set by the cooperative (settings)
    GoalSense sense = GoalSense::AtMost;
    bool operator==(const IndicatorSheet &) const = default;
};

// Settings keys of the indicators, in one place so that a typo is a compile error.
namespace IndicatorSettings {
// "indicators/goal/MOROSIDAD" = "5": the goal in the indicator's unit, '.' as decimal point.
QString goalKey(const QString &code);
// Days past due after which a credit counts as in legal collection (default 125).
inline const QString LegalCollectionDays = QStringLiteral("indicators/legal_collection_days");
} // namespace IndicatorSettings

// Past day 125 the credit file goes to the lawyer (domain.md, the collections ladder): the credit
// is then in legal collection whatever its segment, which a rating (E starts at 121 days for
// consumo but at 451 for vivienda) would not say.
inline constexpr int kDefaultLegalCollectionDays = 125;

// Every indicator's sheet as shipped, without goals, in the dashboard's order. The provision's
// formula names the percentages of `provisions`.
QList<IndicatorSheet> defaultIndicatorSheets(const ProvisionTable &provisions);
// The shipped sheets with the goals and the provision percentages the cooperative configured.
QList<IndicatorSheet> loadIndicatorSheets(const Database &db);
std::optional<IndicatorSheet> findSheet(const QList<IndicatorSheet> &sheets, const QString &code);
// Stores (or with nullopt clears) the goal of `code`; false on a database error.
bool saveIndicatorGoal(const Database &db, const QString &code, std::optional<double> goal);
int legalCollectionDays(const Database &db);
// Who sets the indicators' goals: the head office that reads supervision (Jefe de Negocios,
// Oficial de Riesgos); nullopt when `session` may, otherwise the Spanish reason.
std::optional<QString> goalRefusal(const PermissionTable &table, const Session &session);

// Whether `value` meets the goal; nullopt when there is no goal or no value.
std::optional<bool> meetsGoal(const IndicatorSheet &sheet, std::optional<double> value);

} // namespace cobranza
