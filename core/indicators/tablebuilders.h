#pragma once

// Internal to core/indicators: the builders buildIndicatorTable() dispatches to, one file per kind.

#include "indicators/indicatortable.h"

namespace cobranza::indicators {

QString tr(const char *s);
IndicatorSeries makeSeries(const QString &key, const QString &name, IndicatorUnit unit, bool charted = true);
std::optional<double> dollars(Money m);
QString percentText(std::optional<double> value);

IndicatorTable overduePortfolioTable(const IndicatorInputs &in);
IndicatorTable overdueRatioTable(const IndicatorInputs &in);
IndicatorTable overdueByBranchTable(const IndicatorInputs &in);
IndicatorTable overdueByRatingTable(const IndicatorInputs &in);
IndicatorTable riskLevelsTable(const IndicatorInputs &in);
IndicatorTable legalCollectionTable(const IndicatorInputs &in);
IndicatorTable uncollectibleTable(const IndicatorInputs &in);
IndicatorTable provisionTable(const IndicatorInputs &in);
IndicatorTable coverageTable(const IndicatorInputs &in);

IndicatorTable visitsTable(const IndicatorInputs &in);
IndicatorTable resultsByStateTable(const IndicatorInputs &in);
IndicatorTable promisesTable(const IndicatorInputs &in);
IndicatorTable collectedTable(const IndicatorInputs &in);
IndicatorTable lateEntriesTable(const IndicatorInputs &in);
IndicatorTable errorsTable(const IndicatorInputs &in);

} // namespace cobranza::indicators
