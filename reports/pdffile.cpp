#include "pdffile.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

namespace cobranza {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cobranza::PdfFile", s); }

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}
} // namespace

bool writePdfFile(const QString &path, QPageLayout::Orientation orientation, const QString &title,
                  const std::function<bool(QPagedPaintDevice *)> &render, const QString &what, QString *error,
                  const QMarginsF &margins)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(error, tr("No se pudo crear el archivo %1: %2").arg(path, out.errorString()));
    {
        QPdfWriter writer(&out);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), orientation, margins, QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Cobranza " COBRANZA_VERSION));
        if (!render(&writer)) {
            out.cancelWriting();
            return fail(error, tr("No se pudo generar el PDF %1 en %2.").arg(what, path));
        }
    }
    if (!out.commit())
        return fail(error, tr("No se pudo guardar el archivo %1: %2").arg(path, out.errorString()));
    return true;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(error, tr("No se pudo guardar el archivo %1: %2").arg(path, out.errorString()));
    return true;
}

} // namespace cobranza
