#pragma once

#include "supervision/dailyreview.h"

#include <QString>

namespace cobranza {

// Writes the F.1-A report as an Excel workbook at `path`: sheet "Resumen" (people × error codes as
// numbers, with totals, the previous month and the change as formulas, and the codes' legend) and
// sheet "Detalle" (one row per error, the day as a date, under an autofilter). false + a Spanish
// `error` on failure; a partly written file is removed.
bool exportErrorReportXlsx(const QString &path, const ErrorReport &report, QString *error,
                           const QString &branchName = {});

} // namespace cobranza
