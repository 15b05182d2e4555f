#include "flowrenderer.h"

#include "letterhead.h"

#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace cobranza {

FlowRenderer::FlowRenderer(QPagedPaintDevice *device, QPainter &painter)
    : m_device(device), m_painter(painter), m_mm(device->logicalDpiX() / 25.4),
      m_page(QPointF(0, 0), QSizeF(device->pageLayout().paintRectPixels(device->logicalDpiX()).size()))
{
}

QFont FlowRenderer::reportFont(qreal points, bool bold)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Arial")});
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting); // lines break alike on screen and paper
    // Any letter spacing turns ligatures off: "fi" stays two letters that a PDF search finds.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return f;
}

QFontMetricsF FlowRenderer::metrics(const QFont &f) const
{
    return QFontMetricsF(f, m_device);
}

qreal FlowRenderer::lineHeight(const QFont &f) const
{
    return f.pointSizeF() * 1.25 / 72.0 * m_device->logicalDpiY();
}

QStringList wrapText(const QString &text, const QFont &font, qreal width, int maxLines, QPaintDevice *device)
{
    QStringList out;
    if (text.isEmpty() || maxLines <= 0)
        return out;
    QTextLayout layout(text, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a long word breaks, never overflows
    option.setUseDesignMetrics(true);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        const bool more = line.textStart() + line.textLength() < text.size();
        if (more && out.size() + 1 == maxLines) {
            // The last resort: text so long it would not fit where it goes.
            out.append(QFontMetricsF(font, device).elidedText(text.mid(line.textStart()).simplified(), Qt::ElideRight,
                                                              width));
            break;
        }
        out.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return out;
}

QStringList FlowRenderer::wrap(const QString &text, const QFont &font, qreal width, int maxLines) const
{
    return wrapText(text, font, width, maxLines, m_device);
}

void FlowRenderer::drawText(const QRectF &box, const QString &text, const QFont &font, Qt::Alignment align,
                            const QColor &color)
{
    m_painter.setFont(font);
    m_painter.setPen(color);
    m_painter.drawText(box, static_cast<int>(align | Qt::AlignVCenter),
                       metrics(font).elidedText(text, Qt::ElideRight, box.width()));
    m_painter.setPen(Qt::black);
}

void FlowRenderer::drawLines(const QStringList &lines, qreal x, qreal y, qreal width, const QFont &font,
                             Qt::Alignment align, const QColor &color)
{
    const qreal step = lineHeight(font);
    for (const QString &l : lines) {
        drawText(QRectF(x, y, width, step), l, font, align, color);
        y += step;
    }
}

QList<qreal> FlowRenderer::edgesOf(const QList<FlowColumn> &columns) const
{
    qreal total = 0;
    for (const FlowColumn &c : columns)
        total += c.widthMm;
    const qreal scale = m_page.width() / mm(total);
    QList<qreal> edges;
    qreal x = 0;
    for (const FlowColumn &c : columns) {
        edges.append(x);
        x += mm(c.widthMm) * scale;
    }
    edges.append(m_page.width());
    return edges;
}

void FlowRenderer::rule(qreal y, qreal width, qreal from)
{
    m_painter.drawLine(QPointF(from, y), QPointF(from + width, y));
}

qreal FlowRenderer::paintLetterhead(const Letterhead &letterhead, const QFont &font)
{
    m_painter.setFont(font);
    return std::ceil(letterhead.paint(m_painter, m_page) / mm(1)) * mm(1);
}

FlowRenderer::Pages FlowRenderer::paginate(qreal firstTop, qreal nextTop, qreal bottom) const
{
    Pages pages{{}};
    qreal y = firstTop;
    for (qsizetype i = 0; i < m_pieces.size(); ++i) {
        const FlowPiece &piece = m_pieces.at(i);
        if (piece.pageBreakBefore && !pages.last().isEmpty()) {
            pages.append(QList<Placed>());
            y = nextTop;
        }
        // A heading travels with what follows it.
        qreal need = 0;
        for (qsizetype j = i; j < m_pieces.size(); ++j) {
            need += m_pieces.at(j).height;
            if (!m_pieces.at(j).keepWithNext)
                break;
        }
        if (y + need > bottom && !pages.last().isEmpty()) {
            pages.append(QList<Placed>());
            y = nextTop;
            if (piece.resume) {
                pages.last().append({i, y, true});
                y = piece.resume(y, false);
            }
        }
        pages.last().append({i, y, false});
        y += piece.height;
    }
    return pages;
}

int FlowRenderer::paintPages(const Pages &pages, const std::function<void(int page, int pages)> &frame)
{
    const int count = static_cast<int>(pages.size());
    for (int page = 0; page < count; ++page) {
        if (page > 0)
            m_device->newPage();
        frame(page, count);
        for (const Placed &p : pages.at(page)) {
            if (p.resumed)
                m_pieces.at(p.piece).resume(p.y, true);
            else
                m_pieces.at(p.piece).paint(p.y);
        }
    }
    return count;
}

} // namespace cobranza
