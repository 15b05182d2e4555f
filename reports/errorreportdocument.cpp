#include "errorreport.h"
#include "flowrenderer.h"

#include "pdffile.h"
#include "datetext.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>

// The F.1-A as printed: layout, pagination and painting (errorreport.h).
namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ErrorReport", s); }


// Lays out and paints the report. Every piece is measured before page 1 is painted, so the page
// count ("Página N de M") is known from the start.
class Renderer final : public FlowRenderer
{
public:
    Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead, const ErrorReport &report,
             QString branchText, QString branchField, const QDateTime &printedAt);
    int run();

private:
    qreal paintLetterhead();
    qreal firstHeading(qreal y, bool draw);
    qreal continuationHeading(qreal y, bool draw);
    void paintFooter(int page, int pages);

    void addSummary();
    void addLegend();
    void addDetail();
    void addSignatures();
    qreal summaryHeader(qreal y, bool draw);
    qreal detailHeader(qreal y, bool draw);
    qreal personBand(qreal y, const MonthlyErrors &person, bool continued, bool draw);
    void addSectionTitle(const QString &title);

    const Letterhead &m_letterhead;
    const ErrorReport &m_report;
    QString m_branchText;  // "Agencia IBA – Ibarra Matriz": titles and footers
    QString m_branchField; // "IBA – Ibarra Matriz": after the heading's "Agencia:"
    QDateTime m_printedAt;
    QFont m_base, m_cell, m_cellBold, m_head, m_title, m_section, m_small, m_smallBold;
    qreal m_padX, m_padY;
    QList<FlowColumn> m_summaryColumns, m_detailColumns;
    QList<qreal> m_summaryEdges, m_detailEdges;
};

Renderer::Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead,
                   const ErrorReport &report, QString branchText, QString branchField, const QDateTime &printedAt)
    : FlowRenderer(device, painter), m_letterhead(letterhead), m_report(report), m_branchText(std::move(branchText)),
      m_branchField(std::move(branchField)), m_printedAt(printedAt)
{
    const auto font = &FlowRenderer::reportFont;
    m_base = font(8.5, false);
    m_cell = font(8, false);
    m_cellBold = font(8, true);
    m_head = font(7.5, true);
    m_title = font(14, true);
    m_section = font(10, true);
    m_small = font(7, false);
    m_smallBold = font(7, true);
    m_padX = mm(1.2);
    m_padY = mm(0.9);

    m_summaryColumns.append({tr("Funcionario"), 74, Qt::AlignLeft});
    for (const ErrorTypeInfo &info : errorCatalogue())
        m_summaryColumns.append({info.code, 13.5, Qt::AlignHCenter});
    m_summaryColumns.append({tr("Total"), 17, Qt::AlignHCenter});
    m_summaryColumns.append({tr("Mes anterior"), 22, Qt::AlignHCenter});
    m_summaryColumns.append({tr("Variación"), 20, Qt::AlignHCenter});
    m_detailColumns = {{tr("Fecha"), 22, Qt::AlignLeft},
                       {tr("Código"), 15, Qt::AlignLeft},
                       {tr("Error"), 56, Qt::AlignLeft},
                       {tr("Crédito"), 26, Qt::AlignLeft},
                       {tr("Nota"), 154, Qt::AlignLeft}};
    m_summaryEdges = edgesOf(m_summaryColumns);
    m_detailEdges = edgesOf(m_detailColumns);
}

qreal Renderer::paintLetterhead()
{
    return FlowRenderer::paintLetterhead(m_letterhead, m_base);
}

qreal Renderer::firstHeading(qreal y, bool draw)
{
    const qreal titleHeight = lineHeight(m_title);
    const qreal line = lineHeight(m_base);
    const QDate month(m_report.year, m_report.month, 1);
    const QDate previous = month.addMonths(-1);
    if (draw) {
        drawText(QRectF(0, y, m_page.width(), titleHeight), tr("REPORTE DE ERRORES F.1-A"), m_title, Qt::AlignHCenter);
        drawText(QRectF(0, y + titleHeight, m_page.width(), line),
                 tr("Consolidado mensual de errores por funcionario para el Comité de Gestión de Crédito"), m_base,
                 Qt::AlignHCenter);
        const qreal fy = y + titleHeight + line + mm(2);
        const QList<std::pair<QString, QString>> fields{
            {tr("Agencia:"), m_branchField},
            {tr("Mes:"), errorReportMonthText(m_report.year, m_report.month)},
            {tr("Comparado con:"), errorReportMonthText(previous.year(), previous.month())},
            {tr("Errores del mes:"), tr("%1 (mes anterior %2, variación %3)")
                                         .arg(m_report.total)
                                         .arg(m_report.previousTotal)
                                         .arg(errorReportChangeText(m_report.total, m_report.previousTotal))},
        };
        // Label and value side by side, the four across the page.
        qreal x = 0;
        for (const auto &[label, value] : fields) {
            const qreal labelWidth = metrics(m_cellBold).horizontalAdvance(label) + mm(1.5);
            drawText(QRectF(x, fy, labelWidth, line), label, m_cellBold, Qt::AlignLeft);
            const qreal valueWidth = metrics(m_cell).horizontalAdvance(value) + mm(1);
            drawText(QRectF(x + labelWidth, fy, valueWidth, line), value, m_cell, Qt::AlignLeft);
            x += labelWidth + valueWidth + mm(9);
        }
    }
    return y + titleHeight + line + mm(2) + line + mm(4);
}

qreal Renderer::continuationHeading(qreal y, bool draw)
{
    const qreal height = lineHeight(m_section);
    if (draw) {
        drawText(QRectF(0, y, m_page.width(), height), tr("REPORTE DE ERRORES F.1-A (continuación)"), m_section,
                 Qt::AlignLeft);
        drawText(QRectF(0, y, m_page.width(), height),
                 tr("%1 · %2").arg(m_branchText, errorReportMonthText(m_report.year, m_report.month)), m_base,
                 Qt::AlignRight);
    }
    return y + height + mm(3);
}

void Renderer::paintFooter(int page, int pages)
{
    const qreal height = lineHeight(m_small);
    const qreal top = m_page.bottom() - height;
    m_painter.setPen(QPen(Qt::black, mm(0.2)));
    rule(top - mm(1), m_page.width());
    const QRectF line(0, top, m_page.width(), height);
    drawText(line,
             tr("Reporte de errores F.1-A · %1 · %2")
                 .arg(m_branchText, errorReportMonthText(m_report.year, m_report.month)),
             m_small, Qt::AlignLeft);
    QString right = tr("Página %1 de %2").arg(page).arg(pages);
    if (m_printedAt.isValid())
        right = tr("Impreso el %1 · %2").arg(m_printedAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")), right);
    drawText(line, right, m_small, Qt::AlignRight);
}

void Renderer::addSectionTitle(const QString &title)
{
    const qreal height = lineHeight(m_section) + mm(2.5);
    m_pieces.append({height,
                     [this, title, height](qreal y) {
                         drawText(QRectF(0, y + mm(1.5), m_page.width(), height - mm(1.5)), title, m_section,
                                  Qt::AlignLeft);
                     },
                     {}, true});
}

qreal Renderer::summaryHeader(qreal y, bool draw)
{
    const qreal height = 2 * lineHeight(m_head) + 2 * m_padY;
    if (draw) {
        m_painter.fillRect(QRectF(0, y, m_page.width(), height), QColor(220, 220, 220));
        for (qsizetype c = 0; c < m_summaryColumns.size(); ++c) {
            const qreal width = m_summaryEdges.at(c + 1) - m_summaryEdges.at(c) - 2 * m_padX;
            QStringList lines = wrap(m_summaryColumns.at(c).title, m_head, width, 2);
            // One-line titles sit in the middle of the two-line band.
            const qreal top = y + m_padY + (2 - lines.size()) * lineHeight(m_head) / 2;
            drawLines(lines, m_summaryEdges.at(c) + m_padX, top, width, m_head, m_summaryColumns.at(c).align);
        }
        m_painter.setPen(QPen(Qt::black, mm(0.3)));
        rule(y, m_page.width());
        rule(y + height, m_page.width());
        m_painter.setPen(Qt::black);
    }
    return y + height;
}

void Renderer::addSummary()
{
    addSectionTitle(tr("Resumen por funcionario"));
    const qreal headerHeight = summaryHeader(0, false);
    m_pieces.append({headerHeight, [this](qreal y) { summaryHeader(y, true); }, {}, true});
    const auto resume = [this](qreal y, bool draw) { return summaryHeader(y, draw); };
    const qreal line = lineHeight(m_cell);
    const qreal nameWidth = m_summaryEdges.at(1) - m_summaryEdges.at(0) - 2 * m_padX;
    const qsizetype codes = errorCatalogue().size();

    // The counts of a row, then its total, previous month and change; `bold` for the totals row.
    const auto paintCounts = [this, codes](qreal y, qreal height, const QMap<ErrorType, int> &counts, int total,
                                           int previous, bool bold) {
        const QFont &font = bold ? m_cellBold : m_cell;
        for (qsizetype k = 0; k < codes; ++k) {
            const int n = counts.value(errorCatalogue().at(k).type);
            const QRectF box(m_summaryEdges.at(k + 1), y, m_summaryEdges.at(k + 2) - m_summaryEdges.at(k + 1), height);
            // A dot for none, so the counts stand out on a black-and-white copy.
            if (n == 0)
                drawText(box, QStringLiteral("·"), font, Qt::AlignHCenter, QColor(110, 110, 110));
            else
                drawText(box, QString::number(n), font, Qt::AlignHCenter);
        }
        const auto cell = [&](qsizetype c) {
            return QRectF(m_summaryEdges.at(c), y, m_summaryEdges.at(c + 1) - m_summaryEdges.at(c), height);
        };
        drawText(cell(codes + 1), QString::number(total), m_cellBold, Qt::AlignHCenter);
        drawText(cell(codes + 2), QString::number(previous), font, Qt::AlignHCenter);
        // A rise is what the committee asks about: it is bold.
        drawText(cell(codes + 3), errorReportChangeText(total, previous), total > previous ? m_cellBold : font,
                 Qt::AlignHCenter);
        // The totals column stands apart from the counts.
        m_painter.setPen(QPen(QColor(90, 90, 90), mm(0.2)));
        m_painter.drawLine(QPointF(m_summaryEdges.at(codes + 1), y), QPointF(m_summaryEdges.at(codes + 1), y + height));
        m_painter.setPen(Qt::black);
    };

    if (m_report.people.isEmpty()) {
        const qreal height = line + 2 * m_padY;
        m_pieces.append({height,
                         [this, height](qreal y) {
                             drawText(QRectF(m_padX, y, m_page.width(), height),
                                      tr("No hay errores registrados en el mes ni en el anterior."), m_cell,
                                      Qt::AlignLeft);
                         },
                         resume});
        return;
    }
    for (const MonthlyErrors &p : m_report.people) {
        const QString name = p.name.isEmpty() ? p.username : p.name;
        const QStringList lines = wrap(name, m_cell, nameWidth, 2);
        const qreal height = std::max<qsizetype>(1, lines.size()) * line + 2 * m_padY;
        m_pieces.append({height,
                         [this, lines, height, &p, paintCounts](qreal y) {
                             drawLines(lines, m_padX, y + m_padY, m_summaryEdges.at(1) - 2 * m_padX, m_cell,
                                       Qt::AlignLeft);
                             paintCounts(y, height, p.counts, p.total, p.previousTotal, false);
                             m_painter.setPen(QPen(QColor(160, 160, 160), mm(0.15)));
                             rule(y + height, m_page.width());
                             m_painter.setPen(Qt::black);
                         },
                         resume});
    }
    // The totals close the table with its last person and carry the legend with them.
    m_pieces.last().keepWithNext = true;
    const qreal height = line + 2 * m_padY;
    m_pieces.append({height,
                     [this, height, paintCounts](qreal y) {
                         m_painter.setPen(QPen(Qt::black, mm(0.3)));
                         rule(y, m_page.width());
                         rule(y + height, m_page.width());
                         m_painter.setPen(Qt::black);
                         drawText(QRectF(m_padX, y, m_summaryEdges.at(1) - 2 * m_padX, height),
                                  tr("Total (%1 funcionarios)").arg(m_report.people.size()), m_cellBold, Qt::AlignLeft);
                         paintCounts(y, height, m_report.totals, m_report.total, m_report.previousTotal, true);
                     },
                     resume, true});
}

void Renderer::addLegend()
{
    // The codes' names under the table: five across, two rows.
    const qreal line = lineHeight(m_small);
    const qreal height = mm(2) + 2 * line;
    m_pieces.append({height, [this, line](qreal y) {
                         const QList<ErrorTypeInfo> &all = errorCatalogue();
                         const qreal width = m_page.width() / 5;
                         for (qsizetype i = 0; i < all.size(); ++i) {
                             const qreal x = (i % 5) * width;
                             const qreal top = y + mm(2) + (i / 5) * line;
                             const qreal codeWidth = metrics(m_smallBold).horizontalAdvance(all.at(i).code) + mm(1.5);
                             drawText(QRectF(x, top, codeWidth, line), all.at(i).code, m_smallBold, Qt::AlignLeft);
                             drawText(QRectF(x + codeWidth, top, width - codeWidth - mm(2), line), all.at(i).name,
                                      m_small, Qt::AlignLeft);
                         }
                     },
                     {}});
}

qreal Renderer::detailHeader(qreal y, bool draw)
{
    const qreal height = lineHeight(m_head) + 2 * m_padY;
    if (draw) {
        m_painter.fillRect(QRectF(0, y, m_page.width(), height), QColor(220, 220, 220));
        for (qsizetype c = 0; c < m_detailColumns.size(); ++c)
            drawText(QRectF(m_detailEdges.at(c) + m_padX, y, m_detailEdges.at(c + 1) - m_detailEdges.at(c) - 2 * m_padX,
                            height),
                     m_detailColumns.at(c).title, m_head, m_detailColumns.at(c).align);
        m_painter.setPen(QPen(Qt::black, mm(0.3)));
        rule(y, m_page.width());
        rule(y + height, m_page.width());
        m_painter.setPen(Qt::black);
    }
    return y + height;
}

qreal Renderer::personBand(qreal y, const MonthlyErrors &p, bool continued, bool draw)
{
    const qreal height = lineHeight(m_cellBold) + 2 * m_padY + mm(1);
    if (draw) {
        const QRectF band(0, y + mm(1), m_page.width(), height - mm(1));
        m_painter.fillRect(band, QColor(238, 238, 238));
        m_painter.setPen(QPen(Qt::black, mm(0.2)));
        rule(band.bottom(), m_page.width());
        m_painter.setPen(Qt::black);
        QString who = p.name.isEmpty() ? p.username : tr("%1 (%2)").arg(p.name, p.username);
        if (continued)
            who = tr("%1 — continuación").arg(who);
        drawText(band.adjusted(m_padX, 0, -m_padX, 0), who, m_cellBold, Qt::AlignLeft);
        const QString count = p.total == 1 ? tr("1 error en el mes") : tr("%1 errores en el mes").arg(p.total);
        drawText(band.adjusted(m_padX, 0, -m_padX, 0),
                 tr("%1 · mes anterior %2 · variación %3")
                     .arg(count)
                     .arg(p.previousTotal)
                     .arg(errorReportChangeText(p.total, p.previousTotal)),
                 m_cell, Qt::AlignRight);
    }
    return y + height;
}

void Renderer::addDetail()
{
    bool any = false;
    for (const MonthlyErrors &p : m_report.people)
        any = any || !p.lines.isEmpty();
    if (!any)
        return;
    addSectionTitle(tr("Detalle de errores por funcionario"));
    m_pieces.append({detailHeader(0, false), [this](qreal y) { detailHeader(y, true); }, {}, true});
    const qreal line = lineHeight(m_cell);
    const auto width = [this](int c) { return m_detailEdges.at(c + 1) - m_detailEdges.at(c) - 2 * m_padX; };
    for (const MonthlyErrors &p : m_report.people) {
        if (p.lines.isEmpty())
            continue;
        m_pieces.append({personBand(0, p, false, false), [this, &p](qreal y) { personBand(y, p, false, true); },
                         [this](qreal y, bool draw) { return detailHeader(y, draw); }, true});
        const auto resume = [this, &p](qreal y, bool draw) { return personBand(detailHeader(y, draw), p, true, draw); };
        for (const StaffError &e : p.lines) {
            const ErrorTypeInfo &info = errorInfo(e.type);
            const QList<QStringList> cells{{dayText(e.day)},
                                           {info.code},
                                           wrap(info.name, m_cell, width(2), 2),
                                           {e.creditNumber},
                                           wrap(e.note.simplified(), m_cell, width(4), 6)};
            qsizetype lines = 1;
            for (const QStringList &c : cells)
                lines = std::max(lines, c.size());
            const qreal height = lines * line + 2 * m_padY;
            m_pieces.append({height,
                             [this, cells, height](qreal y) {
                                 for (qsizetype c = 0; c < cells.size(); ++c)
                                     drawLines(cells.at(c), m_detailEdges.at(c) + m_padX, y + m_padY,
                                               m_detailEdges.at(c + 1) - m_detailEdges.at(c) - 2 * m_padX,
                                               c == 1 ? m_cellBold : m_cell, m_detailColumns.at(c).align);
                                 m_painter.setPen(QPen(QColor(170, 170, 170), mm(0.15)));
                                 rule(y + height, m_page.width());
                                 m_painter.setPen(Qt::black);
                             },
                             resume});
        }
    }
}

void Renderer::addSignatures()
{
    // Who prepared it and that the committee received it: the paper the committee files.
    // They close the last table, never stand alone on a page.
    if (!m_pieces.isEmpty())
        m_pieces.last().keepWithNext = true;
    const qreal line = lineHeight(m_base);
    const qreal height = mm(18) + 2 * line;
    m_pieces.append({height, [this, line](qreal y) {
                         const QStringList roles{tr("Elaborado por: Pivot de Crédito"),
                                                 tr("Recibido por: Comité de Gestión de Crédito")};
                         const qreal width = mm(80);
                         for (int i = 0; i < roles.size(); ++i) {
                             const qreal x = i == 0 ? mm(10) : m_page.width() - width - mm(10);
                             const qreal top = y + mm(16);
                             m_painter.setPen(QPen(Qt::black, mm(0.2)));
                             rule(top, width, x);
                             drawText(QRectF(x, top + mm(0.5), width, line), roles.at(i), m_base, Qt::AlignHCenter);
                             drawText(QRectF(x, top + mm(0.5) + line, width, line), tr("Firma y fecha"), m_small,
                                      Qt::AlignHCenter, QColor(80, 80, 80));
                         }
                     },
                     {}});
}

int Renderer::run()
{
    // The letterhead only says how tall it is by painting it: it goes on page 1 first.
    const qreal letterhead = paintLetterhead();
    const qreal firstTop = firstHeading(letterhead, false);
    const qreal nextTop = continuationHeading(letterhead, false);
    const qreal bottom = m_page.height() - lineHeight(m_small) - mm(3);

    addSummary();
    addLegend();
    addDetail();
    addSignatures();

    return paintPages(paginate(firstTop, nextTop, bottom), [this, letterhead](int page, int pages) {
        if (page == 0)
            firstHeading(letterhead, true);
        else
            continuationHeading(paintLetterhead(), true);
        paintFooter(page + 1, pages);
    });
}

} // namespace

int ErrorReportDocument::render(QPagedPaintDevice *device, const ErrorReport &report) const
{
    QPainter painter(device);
    if (!painter.isActive())
        return 0;
    return Renderer(device, painter, m_letterhead, report, errorReportBranchText(report, m_branchName),
                    errorReportBranchField(report.branchCode, m_branchName), m_printedAt)
        .run();
}

bool ErrorReportDocument::writePdf(const QString &path, const ErrorReport &report, QString *error) const
{
    const QString title = tr("Reporte de errores F.1-A – %1 – %2")
                              .arg(errorReportBranchText(report, m_branchName),
                                   errorReportMonthText(report.year, report.month));
    return writePdfFile(
        path, QPageLayout::Landscape, title, [&](QPagedPaintDevice *device) { return render(device, report) > 0; },
        tr("del reporte de errores"), error);
}

} // namespace cobranza
