#pragma once

#include "letterhead.h"
#include "routes/routesheet.h"

#include <QDateTime>
#include <QString>

class QPagedPaintDevice;

namespace cobranza {

// The printed route sheet (Registro 1, "Formato Hoja de Ruta"): one person's visits of the day in
// route order, with blank columns filled in by hand in the field. Paints on a PDF writer or a printer alike.
class RouteSheetReport final
{
public:
    explicit RouteSheetReport(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}

    // When set, each page's footer says when the sheet was printed; unset, the output depends only
    // on the sheet (tests compare it).
    void setPrintedAt(const QDateTime &at) { m_printedAt = at; }

    // Renders `sheet`; the device should be set to A4 landscape (any page size works, columns scale
    // to the width). Returns the number of pages, 0 when the device cannot be painted on.
    int render(QPagedPaintDevice *device, const RouteSheet &sheet) const;

    // Writes `sheet` as an A4 landscape PDF at `path`, replacing it only once complete. On failure
    // returns false and, when `error` is given, says why in Spanish.
    bool writePdf(const QString &path, const RouteSheet &sheet, QString *error = nullptr) const;

private:
    Letterhead m_letterhead;
    QDateTime m_printedAt;
};

} // namespace cobranza
