#pragma once

#include "indicators/indicatorsheet.h"
#include "indicators/indicatortable.h"

#include <QList>
#include <QString>

namespace cobranza {

// One indicator as exported: its technical sheet and its numbers.
struct IndicatorExport
{
    IndicatorSheet sheet;
    IndicatorTable table;
};

// Writes the indicators as an Excel workbook at `path`: with more than one, an index sheet first
// (code, name, the headline, goal); then one worksheet per indicator named by its code, with its
// title, `scope` (branch and period), the headline, the ficha técnica, and the numbers under a
// bold header with frozen panes — dollars in "$ #,##0.00", percentages as Excel percentages,
// counts as integers, blanks where a value does not exist. false + a Spanish `error` on failure;
// a partly written file is removed.
bool exportIndicatorsXlsx(const QString &path, const QList<IndicatorExport> &indicators, const QString &scope,
                          QString *error);

} // namespace cobranza
