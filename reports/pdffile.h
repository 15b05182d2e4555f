#pragma once

#include <QByteArray>
#include <QPageLayout>
#include <QString>
#include <functional>

class QPagedPaintDevice;

namespace cobranza {

// Writes an A4 PDF (300 dpi, margins in millimetres) at `path` through a temporary file, so a failed
// or cancelled render never leaves half a document where the old one was. `render` paints the
// pages and returns false when it could not; `what` names the document in the Spanish error
// ("del reporte diario de errores").
bool writePdfFile(const QString &path, QPageLayout::Orientation orientation, const QString &title,
                  const std::function<bool(QPagedPaintDevice *)> &render, const QString &what, QString *error,
                  const QMarginsF &margins = QMarginsF(12, 12, 12, 12));

// Writes `bytes` at `path` the same way (CSV exports); false with a Spanish `error`.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace cobranza
