#include "minutesreport.h"

#include "pdffile.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::MinutesReport", s); }

struct Column
{
    QString title;
    qreal share; // of the page width
    Qt::Alignment align;
};

} // namespace

int MinutesReport::render(QPagedPaintDevice *device, const CommitteeMinutes &m) const
{
    QPainter p;
    if (!p.begin(device))
        return 0;
    // The painter's origin is the printable area's corner already.
    const QRectF page(QPointF(0, 0), QSizeF(device->pageLayout().paintRectPixels(device->logicalDpiX()).size()));
    const qreal mm = page.width() / 190.0;
    QFont base(QStringLiteral("DejaVu Sans"));
    base.setPointSizeF(9);
    base.setLetterSpacing(QFont::AbsoluteSpacing, 0.01); // no ligatures: pdftotext reads "fi" as it is
    const QFont bold = [&] { QFont f = base; f.setBold(true); return f; }();
    const QList<Column> columns{{tr("N.º"), 0.05, Qt::AlignRight}, {tr("Crédito"), 0.13, Qt::AlignLeft},
                                {tr("Socio"), 0.32, Qt::AlignLeft}, {tr("Días mora"), 0.08, Qt::AlignRight},
                                {tr("Valor vencido"), 0.12, Qt::AlignRight}, {tr("Decisión"), 0.30, Qt::AlignLeft}};
    const qreal pad = 1.2 * mm;
    const qreal footerHeight = 8 * mm;
    const CommitteeRule &rule = committeeRule(m.committee);
    const QLocale spanish(QLocale::Spanish, QLocale::Ecuador);

    // Rows measured first, so "Página N de M" is known on page 1.
    const auto cellsOf = [](int i, const CommitteeMinutes::Line &l) {
        return QStringList{QString::number(i + 1), l.creditNumber, l.memberName, QString::number(l.daysPastDue),
                           l.overdue.toDisplayString(), l.decision};
    };
    p.setFont(base);
    QList<qreal> heights;
    for (int i = 0; i < m.lines.size(); ++i) {
        qreal h = 0;
        const QStringList cells = cellsOf(i, m.lines[i]);
        for (int c = 0; c < columns.size(); ++c) {
            const QRectF r = p.boundingRect(QRectF(0, 0, columns[c].share * page.width() - 2 * pad, 1e6),
                                            Qt::TextWordWrap | columns[c].align, cells[c]);
            h = std::max(h, r.height());
        }
        heights.append(h + 2 * pad);
    }
    const auto drawPage = [&](int pageNo, int pages, int firstRow, bool dryRun, int *nextRow) {
        qreal y = m_letterhead.paint(p, page);
        if (pageNo == 1) {
            p.setFont([&] { QFont f = bold; f.setPointSizeF(12); return f; }());
            const QString title = tr("ACTA N.º %1 DEL %2").arg(m.reference(), rule.name.toUpper());
            const QRectF t = p.boundingRect(QRectF(0, y, page.width(), 1e6), Qt::AlignHCenter | Qt::TextWordWrap, title);
            if (!dryRun)
                p.drawText(QRectF(0, y, page.width(), t.height()), Qt::AlignHCenter | Qt::TextWordWrap, title);
            y += t.height() + 3 * mm;
            p.setFont(base);
            const QStringList facts{
                tr("Agencia: %1").arg(m.branchCode),
                tr("Fecha de la sesión: %1").arg(spanish.toString(m.heldOn, QStringLiteral("dddd d 'de' MMMM 'de' yyyy"))),
                tr("Asistentes: %1").arg(m.attendees),
                tr("Créditos tratados: %1 (de %2 a %3 días de mora)").arg(m.lines.size()).arg(rule.minDays).arg(rule.maxDays)};
            for (const QString &f : facts) {
                const QRectF r = p.boundingRect(QRectF(0, y, page.width(), 1e6), Qt::TextWordWrap, f);
                if (!dryRun)
                    p.drawText(QRectF(0, y, page.width(), r.height()), Qt::TextWordWrap, f);
                y += r.height() + 1 * mm;
            }
            y += 2 * mm;
        }
        // Header row, then as many rows as fit.
        const auto drawRow = [&](const QStringList &cells, qreal h, bool header) {
            qreal x = 0;
            p.setFont(header ? bold : base);
            for (int c = 0; c < columns.size(); ++c) {
                const qreal w = columns[c].share * page.width();
                if (!dryRun) {
                    if (header)
                        p.fillRect(QRectF(x, y, w, h), QColor(225, 225, 225));
                    p.drawRect(QRectF(x, y, w, h));
                    p.drawText(QRectF(x + pad, y + pad, w - 2 * pad, h - 2 * pad),
                               Qt::TextWordWrap | columns[c].align | Qt::AlignVCenter, cells[c]);
                }
                x += w;
            }
            y += h;
        };
        QStringList titles;
        qreal titleHeight = 0;
        p.setFont(bold);
        for (const Column &c : columns) {
            titles << c.title;
            titleHeight = std::max(titleHeight, p.boundingRect(QRectF(0, 0, c.share * page.width() - 2 * pad, 1e6),
                                                               Qt::TextWordWrap | c.align, c.title)
                                                    .height());
        }
        drawRow(titles, titleHeight + 2 * pad, true);
        int row = firstRow;
        while (row < m.lines.size() && y + heights[row] <= page.height() - footerHeight) {
            drawRow(cellsOf(row, m.lines[row]), heights[row], false);
            ++row;
        }
        *nextRow = row;
        if (row == m.lines.size()) {
            // Observations and signatures close the minutes, on this page if they fit.
            p.setFont(base);
            const QString notes = tr("Observaciones: %1").arg(m.notes.isEmpty() ? tr("ninguna.") : m.notes);
            const QRectF r = p.boundingRect(QRectF(0, 0, page.width(), 1e6), Qt::TextWordWrap, notes);
            const qreal closing = 3 * mm + r.height() + 24 * mm;
            if (y + closing > page.height() - footerHeight && row > firstRow) {
                *nextRow = row; // everything drawn; closing goes on a page of its own
                return false;
            }
            y += 3 * mm;
            if (!dryRun) {
                p.drawText(QRectF(0, y, page.width(), r.height()), Qt::TextWordWrap, notes);
                const qreal sy = y + r.height() + 18 * mm;
                const QStringList signers{tr("Presidente del comité"), tr("Secretario(a)"), tr("Registrado por: %1").arg(m.recordedBy)};
                const qreal w = page.width() / 3;
                for (int i = 0; i < 3; ++i) {
                    p.drawLine(QPointF(i * w + 6 * mm, sy), QPointF((i + 1) * w - 6 * mm, sy));
                    p.drawText(QRectF(i * w, sy + 1 * mm, w, 10 * mm), Qt::AlignHCenter | Qt::TextWordWrap, signers[i]);
                }
            }
        }
        if (!dryRun) {
            p.setFont([&] { QFont f = base; f.setPointSizeF(7.5); return f; }());
            p.drawText(QRectF(0, page.height() - 5 * mm, page.width(), 5 * mm), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("Acta %1 · %2").arg(m.reference(), rule.name));
            p.drawText(QRectF(0, page.height() - 5 * mm, page.width(), 5 * mm), Qt::AlignRight | Qt::AlignVCenter,
                       tr("Página %1 de %2").arg(pageNo).arg(pages));
        }
        return true;
    };
    // Count the pages with a dry run, then paint.
    int pages = 0;
    for (int row = 0, next = 0; ; row = next) {
        ++pages;
        const bool closed = drawPage(pages, 0, row, true, &next);
        if (closed && next >= m.lines.size())
            break;
        if (pages > 1000)
            break;
    }
    for (int pageNo = 1, row = 0, next = 0; pageNo <= pages; ++pageNo, row = next) {
        if (pageNo > 1)
            device->newPage();
        drawPage(pageNo, pages, row, false, &next);
    }
    p.end();
    return pages;
}

bool MinutesReport::writePdf(const QString &path, const CommitteeMinutes &minutes, QString *error) const
{
    return writePdfFile(
        path, QPageLayout::Portrait, tr("Acta %1").arg(minutes.reference()),
        [&](QPagedPaintDevice *device) { return render(device, minutes) > 0; }, tr("del acta"), error,
        QMarginsF(15, 15, 15, 12));
}

} // namespace cobranza
