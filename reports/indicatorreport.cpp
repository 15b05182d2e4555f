#include "indicatorreport.h"

#include "pdffile.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::IndicatorReport", s); }

QFont font(qreal points, bool bold)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Arial")});
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    // Any letter spacing turns ligatures off: "fi" stays two letters that a PDF search finds.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return f;
}

} // namespace

bool IndicatorReport::render(QPaintDevice *device, const IndicatorSheet &sheet, const IndicatorTable &table,
                             const QString &scope, const ChartPainter &chart) const
{
    QPainter p;
    if (!device || !p.begin(device))
        return false;
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const qreal mm = device->logicalDpiX() / 25.4;
    // The painter's origin is the top left of the printable area, not of the paper.
    const auto *paged = dynamic_cast<const QPagedPaintDevice *>(device);
    const QRectF page(QPointF(0, 0), paged ? QSizeF(paged->pageLayout().paintRectPixels(device->logicalDpiX()).size())
                                           : QSizeF(device->width(), device->height()));
    const QFont title = font(14, true);
    const QFont body = font(9.5, false);
    const QFont small = font(8.5, false);
    const QFont label = font(8.5, true);
    const auto height = [device](const QFont &f, const QString &text, qreal width) {
        return QFontMetricsF(f, device)
            .boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap | Qt::AlignLeft, text)
            .height();
    };
    const auto draw = [&p, &height](const QFont &f, const QColor &color, const QString &text, qreal x, qreal y,
                                    qreal width) {
        const qreal h = height(f, text, width);
        p.setFont(f);
        p.setPen(color);
        p.drawText(QRectF(x, y, width, h), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        return h;
    };

    qreal y = std::ceil(m_letterhead.paint(p, page) / mm) * mm + 2 * mm;
    y += draw(title, Qt::black, sheet.name, page.left(), y, page.width()) + mm;
    y += draw(small, QColor(90, 90, 90), scope, page.left(), y, page.width()) + mm;
    y += draw(body, Qt::black, table.headline, page.left(), y, page.width()) + 2 * mm;

    // The ficha técnica, measured first so the chart takes whatever height is left.
    const QList<std::pair<QString, QString>> lines = {
        {tr("Fórmula"), sheet.formula},          {tr("Unidad"), sheet.unit},
        {tr("Frecuencia"), sheet.frequency},     {tr("Fuente"), sheet.source},
        {tr("Meta"), goalText(sheet, table.chartUnit())}, {tr("Responsable"), sheet.responsible}};
    const qreal labelWidth = 30 * mm;
    const qreal valueWidth = page.width() - labelWidth;
    qreal fichaHeight = height(label, tr("Ficha técnica"), page.width()) + 1.5 * mm;
    for (const auto &[name, text] : lines)
        fichaHeight += height(small, text, valueWidth) + 0.8 * mm;
    const qreal fichaTop = page.bottom() - fichaHeight;

    const QRectF chartBox(page.left(), y, page.width(), std::max(20 * mm, fichaTop - 3 * mm - y));
    if (chart) {
        p.save();
        chart(p, chartBox);
        p.restore();
    }

    qreal fy = fichaTop;
    p.setPen(QPen(QColor(170, 170, 170), 0.2 * mm));
    p.drawLine(QPointF(page.left(), fy - 1.5 * mm), QPointF(page.right(), fy - 1.5 * mm));
    fy += draw(label, Qt::black, tr("Ficha técnica"), page.left(), fy, page.width()) + 1.5 * mm;
    for (const auto &[name, text] : lines) {
        draw(label, QColor(60, 60, 60), name, page.left(), fy, labelWidth);
        fy += draw(small, Qt::black, text, page.left() + labelWidth, fy, valueWidth) + 0.8 * mm;
    }
    return p.end();
}

bool IndicatorReport::writePdf(const QString &path, const IndicatorSheet &sheet, const IndicatorTable &table,
                               const QString &scope, const ChartPainter &chart, QString *error) const
{
    return writePdfFile(
        path, QPageLayout::Landscape, sheet.name,
        [&](QPagedPaintDevice *device) { return render(device, sheet, table, scope, chart); }, tr("del indicador"),
        error);
}

} // namespace cobranza
