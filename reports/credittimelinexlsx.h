#pragma once

#include "portfolio/creditfile.h"
#include "portfolio/credittimeline.h"

#include <QList>
#include <QString>

namespace cobranza {

// Writes a credit's expediente as an Excel workbook at `path`: a title with the member and the
// credit, then one row per event (date and time as a real date, event, detail, who, amount as a
// number in "$ #,##0.00") under a bold header with autofilter and frozen panes. false + a Spanish
// `error` on failure; a partly written file is removed.
bool exportCreditTimelineXlsx(const QString &path, const CreditFile &file, const QList<CreditEvent> &events,
                              QString *error);

} // namespace cobranza
