#pragma once

#include "letterhead.h"
#include "portfolio/portfolioquery.h"

#include <QString>
#include <vector>

class QPagedPaintDevice;

namespace cobranza {

// A printed list of credits (the visible rows of the portfolio view): letterhead, title, a table
// with totals, "Página N de M". Paints on a PDF writer or a printer alike.
class PortfolioListing final
{
public:
    PortfolioListing(Letterhead letterhead, QString title, QString subtitle)
        : m_letterhead(std::move(letterhead)), m_title(std::move(title)), m_subtitle(std::move(subtitle))
    {
    }
    // Renders `rows` (indexes into `lines`); the device should be set to A4 landscape.
    // Returns the number of pages.
    int render(QPagedPaintDevice *device, const std::vector<PortfolioLine> &lines, const std::vector<int> &rows) const;

private:
    Letterhead m_letterhead;
    QString m_title;
    QString m_subtitle;
};

} // namespace cobranza
