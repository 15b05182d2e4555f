#pragma once

#include "portfolio/portfolioquery.h"

#include <QString>
#include <vector>

namespace cobranza {

// Writes `rows` (indexes into `lines`, in that order) as an Excel workbook at `path`: a title row,
// a bold header with autofilter and frozen panes, money as numbers in "$ #,##0.00", days as
// integers, dates as dates, and a totals row that follows the autofilter (SUBTOTAL). The columns
// are those of the CSV export (portfolioexport.h). false + a Spanish `error` on failure; a partly
// written file is removed.
bool exportPortfolioXlsx(const QString &path, const std::vector<PortfolioLine> &lines, const std::vector<int> &rows,
                         const PortfolioRules &rules, const QString &title, QString *error);

} // namespace cobranza
