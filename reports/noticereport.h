#pragma once

#include "letterhead.h"
#include "notices/noticedocument.h"

#include <QList>
#include <QString>

#include <functional>

class QPagedPaintDevice;

namespace cobranza {

// The printed collections notices (F1TG, F2TG, última notificación, …): one signed letter a page,
// to the member or a guarantor, with a receipt stub the notifier brings back signed. Paints on a PDF
// writer or a printer alike; keeps no state between calls, so a worker thread may write the PDF.
class NoticeReport final
{
public:
    // Called after each page with the pages done and the total; returning false cancels the batch.
    using Progress = std::function<bool(int done, int total)>;

    explicit NoticeReport(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}

    // Renders one page per document in `docs`; the device should be set to A4 portrait (other sizes
    // work, the text reflows). Returns the number of pages, 0 when there is nothing to print or the
    // device cannot be painted on, -1 when `progress` cancelled (a printer's job is then aborted).
    int render(QPagedPaintDevice *device, const QList<NoticeDocument> &docs, const Progress &progress = {}) const;

    // Writes `docs` as one A4 portrait PDF at `path`, replacing it only once complete: a failed or
    // cancelled batch leaves whatever was there before. On failure returns false and, when `error`
    // is given, says why in Spanish.
    bool writePdf(const QString &path, const QList<NoticeDocument> &docs, QString *error = nullptr,
                  const Progress &progress = {}) const;

private:
    Letterhead m_letterhead;
};

} // namespace cobranza
