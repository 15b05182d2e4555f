#pragma once

#include "indicators/indicatorsheet.h"
#include "indicators/indicatortable.h"
#include "letterhead.h"

#include <QString>
#include <functional>

class QPainter;
class QPaintDevice;
class QRectF;

namespace cobranza {

// One indicator on one landscape page: the letterhead, the indicator's name, its scope and
// headline, the chart, and the ficha técnica below it. The chart comes from the caller (Qt Charts
// is a widget module, which reports never include), painted into the box it is given.
class IndicatorReport final
{
public:
    using ChartPainter = std::function<void(QPainter &painter, const QRectF &box)>;

    explicit IndicatorReport(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}

    // Paints the page on `device` (any size; A4 landscape is what it is laid out for). false when
    // the device cannot be painted on.
    bool render(QPaintDevice *device, const IndicatorSheet &sheet, const IndicatorTable &table, const QString &scope,
                const ChartPainter &chart) const;
    // Writes the page as an A4 landscape PDF at `path`, replacing it only once complete; false and
    // a Spanish `error` on failure.
    bool writePdf(const QString &path, const IndicatorSheet &sheet, const IndicatorTable &table, const QString &scope,
                  const ChartPainter &chart, QString *error = nullptr) const;

private:
    Letterhead m_letterhead;
};

} // namespace cobranza
