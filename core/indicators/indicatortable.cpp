#include "indicatortable.h"

#include "indicators/tablebuilders.h"

#include <QCoreApplication>
#include <cmath>
#include <functional>
#include <map>

namespace cobranza {

namespace indicators {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::IndicatorTable", s); }

IndicatorSeries makeSeries(const QString &key, const QString &name, IndicatorUnit unit, bool charted)
{
    IndicatorSeries s;
    s.key = key;
    s.name = name;
    s.unit = unit;
    s.charted = charted;
    return s;
}

std::optional<double> dollars(Money m)
{
    return static_cast<double>(m.cents()) / 100.0;
}

QString percentText(std::optional<double> value)
{
    return value ? formatIndicatorValue(*value, IndicatorUnit::Percent) : QStringLiteral("—");
}

} // namespace indicators

QList<const IndicatorSeries *> IndicatorTable::chartedSeries() const
{
    QList<const IndicatorSeries *> out;
    for (const IndicatorSeries &s : series)
        if (s.charted)
            out.append(&s);
    return out;
}

const IndicatorSeries *IndicatorTable::seriesWithKey(const QString &key) const
{
    for (const IndicatorSeries &s : series)
        if (s.key == key)
            return &s;
    return nullptr;
}

IndicatorUnit IndicatorTable::chartUnit() const
{
    for (const IndicatorSeries &s : series)
        if (s.charted)
            return s.unit;
    return IndicatorUnit::Count;
}

QString goalText(const IndicatorSheet &sheet, IndicatorUnit unit)
{
    if (!sheet.goal)
        return indicators::tr("sin meta definida");
    QString value = formatIndicatorValue(*sheet.goal, unit);
    if (unit == IndicatorUnit::Count) // "mínimo 15" of what: the sheet's unit says
        value += u' ' + sheet.unit;
    return (sheet.sense == GoalSense::AtMost ? indicators::tr("máximo %1") : indicators::tr("mínimo %1")).arg(value);
}

QString monthLabel(QDate month)
{
    // Spelled here rather than by QLocale, whose abbreviations change between CLDR versions
    // ("nov", "nov.") and would move the charts' labels under the tests.
    static const char *const names[] = {QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Ene"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Feb"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Mar"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Abr"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "May"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Jun"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Jul"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Ago"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Sep"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Oct"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Nov"),
                                        QT_TRANSLATE_NOOP("cobranza::IndicatorTable", "Dic")};
    if (!month.isValid())
        return {};
    return indicators::tr(names[month.month() - 1]) + u' ' + QString::number(month.year());
}

QString formatIndicatorValue(double value, IndicatorUnit unit)
{
    switch (unit) {
    case IndicatorUnit::Dollars: return Money::fromCents(std::llround(value * 100.0)).toDisplayString();
    case IndicatorUnit::Percent:
        return QString::number(value, 'f', 2).replace(u'.', u',') + QStringLiteral(" %");
    case IndicatorUnit::Count: {
        const qint64 n = std::llround(value);
        QString digits = QString::number(n < 0 ? -n : n);
        for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
            digits.insert(i, u'.');
        return n < 0 ? u'-' + digits : digits;
    }
    }
    return {};
}

IndicatorTable buildIndicatorTable(const QString &code, const IndicatorInputs &inputs)
{
    using namespace indicators;
    static const std::map<QString, std::function<IndicatorTable(const IndicatorInputs &)>> builders = {
        {IndicatorCode::OverduePortfolio, overduePortfolioTable},
        {IndicatorCode::OverdueRatio, overdueRatioTable},
        {IndicatorCode::OverdueByBranch, overdueByBranchTable},
        {IndicatorCode::OverdueByRating, overdueByRatingTable},
        {IndicatorCode::RiskLevels, riskLevelsTable},
        {IndicatorCode::LegalCollection, legalCollectionTable},
        {IndicatorCode::Uncollectible, uncollectibleTable},
        {IndicatorCode::Provision, provisionTable},
        {IndicatorCode::Coverage, coverageTable},
        {IndicatorCode::Visits, visitsTable},
        {IndicatorCode::ResultsByState, resultsByStateTable},
        {IndicatorCode::PromisesKept, promisesTable},
        {IndicatorCode::Collected, collectedTable},
        {IndicatorCode::LateEntries, lateEntriesTable},
        {IndicatorCode::Errors, errorsTable},
    };
    const auto it = builders.find(code);
    if (it == builders.end()) {
        IndicatorTable t;
        t.code = code;
        return t;
    }
    IndicatorTable t = it->second(inputs);
    t.code = code;
    return t;
}

} // namespace cobranza
