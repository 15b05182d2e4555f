#pragma once

#include "indicators/activityindicators.h"
#include "indicators/indicatorsheet.h"
#include "indicators/portfolioindicators.h"
#include "indicators/provision.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace cobranza {

// How a value of an indicator reads.
enum class IndicatorUnit { Dollars, Percent, Count };

// One line of an indicator's numbers: a value per category.
struct IndicatorSeries
{
    QString key;  // what it stands for: "IBA", "A1", "VISITADO", … (for colours), or empty
    QString name; // as shown in the legend and the header
    IndicatorUnit unit = IndicatorUnit::Count;
    bool charted = true; // false: in the numbers and the export only (another unit than the chart's)
    QList<std::optional<double>> values; // one per category; dollars, percent points or counts
    bool operator==(const IndicatorSeries &) const = default;
};

// The numbers of one indicator, ready for a chart, a table and a workbook: categories (months,
// people, risk levels) by series.
struct IndicatorTable
{
    QString code;
    QString categoryTitle; // "Mes", "Persona", "Nivel de riesgo"
    QStringList categories;
    QString noteTitle;     // a second column of text per category: "Corte", "Agencia"; may be empty
    QStringList notes;
    QList<IndicatorSeries> series;
    QString headline;      // the one sentence a supervisor reads first
    bool operator==(const IndicatorTable &) const = default;

    QList<const IndicatorSeries *> chartedSeries() const;
    const IndicatorSeries *seriesWithKey(const QString &key) const;
    IndicatorUnit chartUnit() const; // the unit of the charted series (and of the goal)
};

// Everything the indicators are computed from, loaded once per dashboard refresh.
struct IndicatorInputs
{
    QString branchCode;            // empty: every branch
    QList<MonthPortfolio> months;  // ascending, one per month
    ProvisionTable provisions = ProvisionTable::defaults();
    QDate activityMonth;           // first day of the month of the per-person indicators
    QList<PersonActivity> people;
    std::optional<MonthPortfolio> previousMonth; // the month before the first, for its change
    std::map<QString, QString> branchNames;      // code → name, every branch known
    int legalDays = kDefaultLegalCollectionDays;
};

// "Nov. 2026": a month as the charts' axes show it.
QString monthLabel(QDate month);
// "$ 1.234,56", "12,34 %", "1.234": a value as staff read it.
QString formatIndicatorValue(double value, IndicatorUnit unit);

// "máximo 5,00 %", "mínimo 80,00 %", "sin meta definida": the goal in the indicator's unit.
QString goalText(const IndicatorSheet &sheet, IndicatorUnit unit);

// The table of one indicator (IndicatorCode) from the inputs; empty categories for an unknown code.
IndicatorTable buildIndicatorTable(const QString &code, const IndicatorInputs &inputs);

} // namespace cobranza
