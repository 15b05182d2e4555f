#include "routesheetprinting.h"

#include "datetext.h"
#include "routesheetreport.h"
#include "sentence.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

namespace cobranza {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cobranza::RouteSheetPrinting", s); }
const QPageLayout kLandscapeA4(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                               QPageLayout::Millimeter);
} // namespace

QString RouteSheetPrinting::suggestedFileName() const
{
    return tr("hoja-de-ruta-%1-%2.pdf").arg(m_sheet.person.username, m_sheet.visitDate.toString(Qt::ISODate));
}

void RouteSheetPrinting::setUp(QPrinter &printer) const
{
    printer.setPageLayout(kLandscapeA4);
    printer.setDocName(tr("Hoja de ruta %1 %2")
                           .arg(m_sheet.person.username, dayText(m_sheet.visitDate)));
}

int RouteSheetPrinting::render(QPrinter *printer) const
{
    RouteSheetReport report(Letterhead::fromSettings(m_db));
    report.setPrintedAt(m_printedAt);
    return report.render(printer, m_sheet);
}

void RouteSheetPrinting::preview(QWidget *parent) const
{
    QPrinter printer(QPrinter::HighResolution);
    setUp(printer);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Vista previa de la hoja de ruta"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [this](QPrinter *p) { render(p); });
    dialog.resize(1100, 800);
    dialog.exec();
}

void RouteSheetPrinting::print(QWidget *parent) const
{
    QPrinter printer(QPrinter::HighResolution);
    setUp(printer);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Imprimir la hoja de ruta"));
    if (dialog.exec() == QDialog::Accepted)
        render(&printer);
}

bool RouteSheetPrinting::writePdf(const QString &path, QString *error) const
{
    RouteSheetReport report(Letterhead::fromSettings(m_db));
    report.setPrintedAt(m_printedAt);
    return report.writePdf(path, m_sheet, error);
}

QString RouteSheetPrinting::savePdfAs(QWidget *parent) const
{
    const QDir folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QString path = QFileDialog::getSaveFileName(parent, tr("Guardar la hoja de ruta en PDF"),
                                                folder.filePath(suggestedFileName()), tr("Documento PDF (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = writePdf(path, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(parent, tr("Guardar PDF"),
                             error.isEmpty() ? tr("No se pudo guardar %1.").arg(QDir::toNativeSeparators(path))
                                             : asSentence(error));
        return {};
    }
    return path;
}

} // namespace cobranza
