#pragma once

#include "indicators/indicatorsheet.h"
#include "indicators/indicatortable.h"

#include <QString>

class QChart;
class QPainter;
class QRectF;

namespace cobranza {

// How an indicator is drawn: months as bars or lines, compositions stacked or as a pie, people
// as horizontal bars so that their names stay readable.
enum class IndicatorChartKind { Bars, StackedBars, Line, Pie, PersonBars, PersonStackedBars };
IndicatorChartKind chartKindOf(const QString &code);

// A new chart (the caller owns it) of the table's charted series, with the goal drawn as a
// dashed line when the sheet has one. Numbers are written the Ecuadorian way.
QChart *makeIndicatorChart(const IndicatorTable &table, const IndicatorSheet &sheet);

// Paints a freshly made chart of the table into `box` of `painter` (a PDF page), laid out at a
// screen-like size so that its fonts keep their proportions.
void paintIndicatorChart(QPainter &painter, const QRectF &box, const IndicatorTable &table,
                         const IndicatorSheet &sheet);

// "SUBIA EDGAR" for "SUBIA PASPUEZAN EDGAR PATRICIO": first surname and first name, the way
// colleagues call each other, so that a chart axis does not need half the page.
QString shortPersonName(const QString &fullName);

} // namespace cobranza
