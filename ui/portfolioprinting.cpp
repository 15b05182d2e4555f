#include "portfolioprinting.h"

#include "datetext.h"
#include "portfolio/portfoliomodel.h"
#include "portfolio/portfolioview.h"
#include "portfoliolisting.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace cobranza {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cobranza::PortfolioPrinting", s); }
const QPageLayout kLandscapeA4(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                               QPageLayout::Millimeter);
} // namespace

int PortfolioPrinting::render(QPagedPaintDevice *device) const
{
    const PortfolioModel *m = m_view.model();
    PortfolioListing listing(Letterhead::fromSettings(m_db),
                             tr("Cartera al %1").arg(dayText(m_view.currentCutOff())),
                             m_view.describeFilter());
    return listing.render(device, m->lines(), m->visibleRows());
}

void PortfolioPrinting::preview(QWidget *parent) const
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(kLandscapeA4);
    printer.setDocName(tr("Cartera"));
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Vista previa de impresión"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [this](QPrinter *p) { render(p); });
    dialog.resize(1100, 800);
    dialog.exec();
}

bool PortfolioPrinting::writePdf(const QString &path, QString *error) const
{
    QPdfWriter writer(path);
    writer.setPageLayout(kLandscapeA4);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("Cobranza"));
    writer.setTitle(tr("Cartera"));
    render(&writer);
    if (!QFile::exists(path)) {
        if (error)
            *error = tr("No se pudo escribir %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace cobranza
