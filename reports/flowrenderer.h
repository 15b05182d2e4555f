#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>

class QPagedPaintDevice;
class QPaintDevice;
class QPainter;

namespace cobranza {

struct Letterhead;

// `text` broken into at most `maxLines` lines of `width` as laid out on `device`, the last one elided
// when it is cut; a long word breaks rather than overflow. Every report wraps text this way.
QStringList wrapText(const QString &text, const QFont &font, qreal width, int maxLines, QPaintDevice *device);

// A column of a printed table: its title and its share of the width.
struct FlowColumn
{
    QString title;
    qreal widthMm; // of the page's text width when the widths add up to it; scaled to the paper
    Qt::Alignment align;
};

// A piece of a flowing document: a heading, a table row, a block. Pagination moves whole pieces.
struct FlowPiece
{
    qreal height = 0;
    std::function<void(qreal y)> paint;
    // What a page starting with this piece repeats above it (a table's header); returns the new y.
    std::function<qreal(qreal y, bool draw)> resume;
    bool keepWithNext = false;    // headings never end a page
    bool pageBreakBefore = false; // starts a page of its own (a person's section handed to him)
};

// The common ground of the reports that flow pieces over pages: fonts, measured and wrapped text,
// table columns, and a pagination that measures everything first, so "Página N de M" is known on
// page 1 and a heading never ends a page.
class FlowRenderer
{
public:
    FlowRenderer(const FlowRenderer &) = delete;
    FlowRenderer &operator=(const FlowRenderer &) = delete;

    // The reports' typeface at `points`: the same line breaks on screen and paper, and no ligatures.
    static QFont reportFont(qreal points, bool bold);

protected:
    FlowRenderer(QPagedPaintDevice *device, QPainter &painter);
    ~FlowRenderer() = default; // a base of the renderers, never deleted through it

    // Where a piece goes on its page; `resumed` is the repeated header above it, not the piece.
    struct Placed
    {
        qsizetype piece;
        qreal y;
        bool resumed;
    };
    using Pages = QList<QList<Placed>>;

    qreal mm(qreal v) const { return v * m_mm; }
    QFontMetricsF metrics(const QFont &f) const;
    // From the point size, not the pixel-rounded metrics: pagination must not depend on resolution.
    qreal lineHeight(const QFont &f) const;
    // `text` broken into at most `maxLines` lines of `width`, the last one elided when it is cut.
    QStringList wrap(const QString &text, const QFont &font, qreal width, int maxLines) const;
    void drawText(const QRectF &box, const QString &text, const QFont &font, Qt::Alignment align,
                  const QColor &color = Qt::black);
    void drawLines(const QStringList &lines, qreal x, qreal y, qreal width, const QFont &font, Qt::Alignment align,
                   const QColor &color = Qt::black);
    // The left edge of each column and the page's right edge, the widths scaled to the page.
    QList<qreal> edgesOf(const QList<FlowColumn> &columns) const;
    void rule(qreal y, qreal width, qreal from = 0);
    // The letterhead in `font`, its height rounded up to whole millimetres so that its
    // pixel-rounded metrics never change the pagination.
    qreal paintLetterhead(const Letterhead &letterhead, const QFont &font);

    // Places m_pieces between `firstTop` (page 1) or `nextTop` and `bottom`.
    Pages paginate(qreal firstTop, qreal nextTop, qreal bottom) const;
    // Paints the placed pieces; `frame(page, pages)` paints a page's heading and footer, page 0
    // first, after newPage() for the others. Returns the number of pages.
    int paintPages(const Pages &pages, const std::function<void(int page, int pages)> &frame);

    QPagedPaintDevice *m_device;
    QPainter &m_painter;
    qreal m_mm;
    QRectF m_page; // the printable area; the painter's origin is its top left, not the paper's
    QList<FlowPiece> m_pieces;
};

} // namespace cobranza
