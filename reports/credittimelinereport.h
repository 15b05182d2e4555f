#pragma once

#include "letterhead.h"
#include "portfolio/creditfile.h"
#include "portfolio/credittimeline.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QPagedPaintDevice;

namespace cobranza {

// The printed expediente of a credit: the member and the credit on top, then every event of its
// story in time order (date, event, detail, who, amount), for the Subcomité, the Comité de Mora or
// the lawyer's file. Paints on a PDF writer or a printer alike.
class CreditTimelineReport final
{
public:
    explicit CreditTimelineReport(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}

    // When set, each page's footer says when it was printed; unset, the output depends only on the
    // data (tests compare it).
    void setPrintedAt(const QDateTime &at) { m_printedAt = at; }

    // Renders the expediente; the device should be A4 portrait (columns scale to any width).
    // Returns the number of pages, 0 when the device cannot be painted on.
    int render(QPagedPaintDevice *device, const CreditFile &file, const QList<CreditEvent> &events) const;

    // Writes it as an A4 portrait PDF at `path`, replacing the file only once complete. On failure
    // returns false and, when `error` is given, says why in Spanish.
    bool writePdf(const QString &path, const CreditFile &file, const QList<CreditEvent> &events,
                  QString *error = nullptr) const;

private:
    Letterhead m_letterhead;
    QDateTime m_printedAt;
};

} // namespace cobranza
