#include "portfoliolisting.h"

#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QPainter>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::PortfolioListing", s); }

struct Column
{
    QString title;
    qreal widthMm;
    Qt::Alignment align;
};

QStringList cellsOf(const PortfolioLine &l)
{
    const SnapshotRow &r = l.row;
    return {r.branchCode, r.officer, l.fullName, l.cedula, r.creditNumber, segmentLabel(l.segment), r.sector,
            r.balance.toDisplayString(), r.overdue.toDisplayString(), QString::number(r.daysPastDue),
            ratingCode(r.rating), r.previousRating ? ratingCode(*r.previousRating) : QString()};
}

} // namespace

int PortfolioListing::render(QPagedPaintDevice *device, const std::vector<PortfolioLine> &lines,
                             const std::vector<int> &rows) const
{
    const QList<Column> columns = {
        {tr("Suc."), 11, Qt::AlignLeft},       {tr("Oficial"), 20, Qt::AlignLeft},
        {tr("Socio"), 62, Qt::AlignLeft},      {tr("Cédula"), 22, Qt::AlignLeft},
        {tr("Crédito"), 22, Qt::AlignLeft},    {tr("Segmento"), 24, Qt::AlignLeft},
        {tr("Sector"), 26, Qt::AlignLeft},     {tr("Saldo"), 22, Qt::AlignRight},
        {tr("Vencido"), 20, Qt::AlignRight},   {tr("Días"), 10, Qt::AlignRight},
        {tr("Calif."), 10, Qt::AlignCenter},   {tr("Ant."), 8, Qt::AlignCenter},
    };
    QPainter p(device);
    const QRectF page = QRectF(device->pageLayout().paintRectPixels(device->logicalDpiX()));
    qreal totalMm = 0;
    for (const Column &c : columns)
        totalMm += c.widthMm;
    const qreal mm = page.width() / totalMm;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(7.5);
    p.setFont(font);
    const qreal rowHeight = p.fontMetrics().height() * 1.35;
    const qreal headerBlock = rowHeight * 6;
    const qreal footer = rowHeight * 2;
    const int perPage = std::max(1, static_cast<int>((page.height() - headerBlock - footer - rowHeight * 2) / rowHeight));
    const int pages = std::max(1, static_cast<int>((rows.size() + static_cast<size_t>(perPage) - 1) / static_cast<size_t>(perPage)));

    Money balance, overdue;
    for (int i : rows) {
        balance += lines[static_cast<size_t>(i)].row.balance;
        overdue += lines[static_cast<size_t>(i)].row.overdue;
    }
    const auto drawRow = [&](qreal y, const QStringList &cells, bool bold) {
        QFont f = font;
        f.setBold(bold);
        p.setFont(f);
        qreal x = page.left();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QRectF cell(x + 0.8 * mm, y, columns.at(c).widthMm * mm - 1.6 * mm, rowHeight);
            p.drawText(cell, columns.at(c).align | Qt::AlignVCenter,
                       p.fontMetrics().elidedText(cells.value(c), Qt::ElideRight, static_cast<int>(cell.width())));
            x += columns.at(c).widthMm * mm;
        }
    };
    for (int pageIndex = 0; pageIndex < pages; ++pageIndex) {
        if (pageIndex > 0)
            device->newPage();
        qreal y = page.top() + m_letterhead.paint(p, page);
        QFont titleFont = font;
        titleFont.setBold(true);
        titleFont.setPointSizeF(11);
        p.setFont(titleFont);
        p.drawText(QRectF(page.left(), y, page.width(), rowHeight * 1.5), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        y += rowHeight * 1.5;
        p.setFont(font);
        p.drawText(QRectF(page.left(), y, page.width(), rowHeight), Qt::AlignLeft | Qt::AlignVCenter, m_subtitle);
        y += rowHeight * 1.3;
        QStringList titles;
        for (const Column &c : columns)
            titles.append(c.title);
        p.fillRect(QRectF(page.left(), y, page.width(), rowHeight), QColor(225, 225, 225));
        drawRow(y, titles, true);
        y += rowHeight;
        const size_t first = static_cast<size_t>(pageIndex) * static_cast<size_t>(perPage);
        for (size_t k = first; k < rows.size() && k < first + static_cast<size_t>(perPage); ++k) {
            drawRow(y, cellsOf(lines[static_cast<size_t>(rows[k])]), false);
            y += rowHeight;
            p.setPen(QPen(QColor(200, 200, 200), 0));
            p.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
            p.setPen(Qt::black);
        }
        if (pageIndex + 1 == pages) {
            QStringList totals(columns.size());
            totals[2] = tr("Total: %1 créditos").arg(rows.size());
            totals[7] = balance.toDisplayString();
            totals[8] = overdue.toDisplayString();
            drawRow(y + rowHeight * 0.3, totals, true);
        }
        p.setFont(font);
        p.drawText(QRectF(page.left(), page.bottom() - rowHeight, page.width(), rowHeight),
                   Qt::AlignRight | Qt::AlignVCenter, tr("Página %1 de %2").arg(pageIndex + 1).arg(pages));
    }
    return pages;
}

} // namespace cobranza
