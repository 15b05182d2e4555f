#include "credittimelinereport.h"

#include "datetext.h"
#include "flowrenderer.h"
#include "pdffile.h"
#include "segment.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::CreditTimelineReport", s); }


// One line of a wrapped cell, ready to paint.
struct Line
{
    QString text;
    bool bold = false;
};
using CellLines = QList<Line>;

struct Column
{
    QString title;
    qreal widthMm; // of the 186 mm between 12 mm margins of A4 portrait; scaled to the paper
    Qt::Alignment align;
};

enum ColumnIndex { ColWhen, ColEvent, ColDetail, ColWho, ColAmount };

QList<Column> tableColumns()
{
    return {
        {tr("Fecha"), 19, Qt::AlignLeft},   {tr("Evento"), 33, Qt::AlignLeft}, {tr("Detalle"), 86, Qt::AlignLeft},
        {tr("Usuario"), 30, Qt::AlignLeft}, {tr("Valor"), 18, Qt::AlignRight},
    };
}

// A label and its value in the block under the title.
struct Field
{
    QString label;
    QString value;
};

QColor toneColor(CreditEvent::Tone tone)
{
    switch (tone) {
    case CreditEvent::Tone::Good: return {27, 94, 32};
    case CreditEvent::Tone::Bad: return {160, 0, 0};
    case CreditEvent::Tone::Neutral: break;
    }
    return Qt::black;
}

// The report's own voice (cut-offs) is shaded, so the people's work stands apart from it.
bool isReportEvent(CreditEvent::Kind k)
{
    return k == CreditEvent::Kind::Snapshot || k == CreditEvent::Kind::LeftReport
           || k == CreditEvent::Kind::PromiseJudged;
}

// Lays out and paints the expediente. Each block is measured by the code that paints it
// (`draw` false), so the page count is known before page 1 is painted.
class Renderer final
{
public:
    Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead, const CreditFile &file,
             const QList<CreditEvent> &events, const QDateTime &printedAt);
    int run();

private:
    qreal mm(qreal v) const { return v * m_mm; }
    QFontMetricsF metrics(const QFont &f) const { return QFontMetricsF(f, m_device); }
    // From the point size, not the pixel-rounded metrics: pagination must not depend on resolution.
    qreal lineHeight(const QFont &f) const { return f.pointSizeF() * 1.2 / 72.0 * m_device->logicalDpiY(); }
    QStringList wrap(const QString &text, const QFont &font, qreal width, int maxLines) const
    {
        return wrapText(text, font, width, maxLines, m_device);
    }
    void drawLines(const CellLines &lines, const QRectF &box, Qt::Alignment align, const QFont &regular,
                   const QFont &bold, const QColor &color = Qt::black);

    qreal paintLetterhead();
    qreal firstHeading(qreal y, bool draw);
    qreal fieldBlock(qreal x, qreal y, qreal width, const QList<Field> &fields, bool draw);
    qreal continuationHeading(qreal y, bool draw);
    qreal tableHeader(qreal y, bool draw);
    QList<CellLines> layRow(const CreditEvent &e, int maxLines) const;
    void paintRow(qreal y, qreal height, const CreditEvent &e, const QList<CellLines> &cells, bool shaded);
    qreal closing(qreal y, bool draw);
    void paintFooter(int page, int pages);
    QList<Field> memberFields() const;
    QList<Field> creditFields() const;

    QPagedPaintDevice *m_device;
    QPainter &m_painter;
    const Letterhead &m_letterhead;
    const CreditFile &m_file;
    const QList<CreditEvent> &m_events;
    QDateTime m_printedAt;
    qreal m_mm;
    QRectF m_page;
    QList<Column> m_columns;
    QList<qreal> m_edges; // x of each column's left edge, then the table's right edge
    QFont m_base, m_cell, m_cellBold, m_head, m_label, m_title, m_small, m_smallBold;
    qreal m_padX, m_padY, m_cellLine;
};

Renderer::Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead, const CreditFile &file,
                   const QList<CreditEvent> &events, const QDateTime &printedAt)
    : m_device(device), m_painter(painter), m_letterhead(letterhead), m_file(file), m_events(events),
      m_printedAt(printedAt), m_mm(device->logicalDpiX() / 25.4), m_columns(tableColumns())
{
    // The painter's origin is the top left of the printable area, not of the paper.
    m_page = QRectF(QPointF(0, 0), QSizeF(device->pageLayout().paintRectPixels(device->logicalDpiX()).size()));
    const auto font = [](qreal points, bool bold) {
        QFont f;
        f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Arial")});
        f.setPointSizeF(points);
        f.setBold(bold);
        f.setHintingPreference(QFont::PreferNoHinting); // lines break alike on screen and paper
        // Any letter spacing turns ligatures off: "fi" stays two letters that a PDF search finds.
        f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
        return f;
    };
    m_base = font(8.5, false);
    m_cell = font(7.5, false);
    m_cellBold = font(7.5, true);
    m_head = font(7.5, true);
    m_label = font(8.5, true);
    m_title = font(13, true);
    m_small = font(7, false);
    m_smallBold = font(7, true);
    m_padX = mm(1);
    m_padY = mm(0.8);
    m_cellLine = lineHeight(m_cell);

    qreal total = 0;
    for (const Column &c : std::as_const(m_columns))
        total += c.widthMm;
    const qreal scale = m_page.width() / mm(total);
    qreal x = 0;
    for (const Column &c : std::as_const(m_columns)) {
        m_edges.append(x);
        x += mm(c.widthMm) * scale;
    }
    m_edges.append(m_page.width());
}

void Renderer::drawLines(const CellLines &lines, const QRectF &box, Qt::Alignment align, const QFont &regular,
                         const QFont &bold, const QColor &color)
{
    const qreal ascent = std::max(metrics(regular).ascent(), metrics(bold).ascent());
    const qreal step = lineHeight(regular);
    m_painter.setPen(color);
    qreal y = box.top();
    for (const Line &l : lines) {
        const QFont &f = l.bold ? bold : regular;
        m_painter.setFont(f);
        const qreal advance = metrics(f).horizontalAdvance(l.text);
        qreal x = box.left();
        if (align & Qt::AlignRight)
            x = box.right() - advance;
        else if (align & Qt::AlignHCenter)
            x = box.center().x() - advance / 2;
        m_painter.drawText(QPointF(x, y + ascent), l.text);
        y += step;
    }
    m_painter.setPen(Qt::black);
}

qreal Renderer::paintLetterhead()
{
    m_painter.setFont(m_base);
    // Whole millimetres, so the letterhead's pixel-rounded metrics never change the pagination.
    return std::ceil(m_letterhead.paint(m_painter, m_page) / mm(1)) * mm(1);
}

QList<Field> Renderer::memberFields() const
{
    const Member &m = m_file.member;
    QStringList phones;
    for (const QString &p : {m.phone, m.mobile})
        if (!p.trimmed().isEmpty())
            phones.append(p.trimmed());
    QStringList guarantors;
    for (const Guarantor &g : m_file.guarantors)
        guarantors.append(g.phone.trimmed().isEmpty() ? g.fullName
                                                      : tr("%1 (tel. %2)").arg(g.fullName, g.phone.trimmed()));
    QList<Field> out{{tr("Socio:"), m.fullName},
                     {tr("Cédula:"), tr("%1 · socio N.º %2").arg(m.cedula, m.memberNumber)}};
    if (!m.homeAddress.trimmed().isEmpty())
        out.append({tr("Domicilio:"), m.homeAddress.simplified()});
    if (!m.businessAddress.trimmed().isEmpty())
        out.append({tr("Negocio:"), m.businessAddress.simplified()});
    out.append({tr("Teléfonos:"), phones.isEmpty() ? QStringLiteral("—") : phones.join(QStringLiteral(" / "))});
    out.append({tr("Garantes:"), guarantors.isEmpty() ? tr("Ninguno") : guarantors.join(QStringLiteral("; "))});
    return out;
}

QList<Field> Renderer::creditFields() const
{
    const Credit &c = m_file.credit;
    QList<Field> out{{tr("Crédito:"), tr("%1 · %2").arg(c.creditNumber, segmentLabel(c.segment))}};
    QStringList granted;
    if (c.originalAmount)
        granted << c.originalAmount->toDisplayString();
    if (c.grantedOn.isValid())
        granted << tr("el %1").arg(dayText(c.grantedOn));
    if (c.termMonths)
        granted << tr("a %1 meses").arg(*c.termMonths);
    if (!granted.isEmpty())
        out.append({tr("Concesión:"), granted.join(u' ')});
    if (const CreditHistoryPoint *p = m_file.latest()) {
        const QString days = p->daysPastDue == 0 ? tr("al día") : tr("%1 días de mora").arg(p->daysPastDue);
        out.append({tr("Último corte:"),
                    tr("%1 · %2 · calificación %3").arg(dayText(p->cutOff), days, ratingCode(p->rating))});
        out.append({tr("Vencido / saldo:"),
                    tr("%1 / %2").arg(p->overdue.toDisplayString(), p->balance.toDisplayString())});
        out.append({tr("Oficial:"), p->officer});
    }
    if (!m_events.isEmpty())
        out.append({tr("Eventos:"), tr("%1, del %2 al %3")
                                        .arg(m_events.size())
                                        .arg(dayText(m_events.constFirst().at.date()),
                                             dayText(m_events.constLast().at.date()))});
    return out;
}

qreal Renderer::firstHeading(qreal y, bool draw)
{
    const qreal titleHeight = lineHeight(m_title);
    if (draw) {
        m_painter.setFont(m_title);
        m_painter.drawText(QRectF(0, y, m_page.width(), titleHeight), Qt::AlignCenter,
                           tr("EXPEDIENTE DEL CRÉDITO %1").arg(m_file.credit.creditNumber));
        m_painter.setFont(m_base);
        m_painter.drawText(QRectF(0, y + titleHeight, m_page.width(), lineHeight(m_base)), Qt::AlignCenter,
                           tr("Historia de la cobranza en orden cronológico"));
    }
    y += titleHeight + lineHeight(m_base) + mm(3);
    const qreal gap = mm(6);
    const qreal half = (m_page.width() - gap) / 2;
    const qreal bottom = std::max(fieldBlock(0, y, half, memberFields(), draw),
                                  fieldBlock(half + gap, y, half, creditFields(), draw));
    return bottom + mm(3);
}

qreal Renderer::fieldBlock(qreal x, qreal y, qreal width, const QList<Field> &fields, bool draw)
{
    qreal labelWidth = 0;
    for (const Field &f : fields)
        labelWidth = std::max(labelWidth, metrics(m_label).horizontalAdvance(f.label));
    labelWidth += mm(2);
    const qreal line = lineHeight(m_base);
    for (const Field &f : fields) {
        const QStringList lines = wrap(f.value, m_base, width - labelWidth, 3);
        if (draw) {
            drawLines({{f.label, true}}, QRectF(x, y, labelWidth, line), Qt::AlignLeft, m_base, m_label);
            CellLines value;
            for (const QString &l : lines)
                value.append({l, false});
            drawLines(value, QRectF(x + labelWidth, y, width - labelWidth, 0), Qt::AlignLeft, m_base, m_label);
        }
        y += std::max<qsizetype>(1, lines.size()) * line + mm(0.5);
    }
    return y;
}

qreal Renderer::continuationHeading(qreal y, bool draw)
{
    const qreal height = lineHeight(m_label);
    if (draw) {
        m_painter.setFont(m_label);
        m_painter.drawText(QRectF(0, y, m_page.width(), height), Qt::AlignLeft | Qt::AlignVCenter,
                           tr("EXPEDIENTE DEL CRÉDITO %1 (continuación)").arg(m_file.credit.creditNumber));
        m_painter.setFont(m_base);
        m_painter.drawText(QRectF(0, y, m_page.width(), height), Qt::AlignRight | Qt::AlignVCenter,
                           m_file.member.fullName);
    }
    return y + height + mm(2);
}

qreal Renderer::tableHeader(qreal y, bool draw)
{
    const qreal height = lineHeight(m_head) + 2 * m_padY;
    if (draw) {
        m_painter.fillRect(QRectF(0, y, m_edges.last(), height), QColor(220, 220, 220));
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            drawLines({{m_columns.at(c).title, true}},
                      QRectF(m_edges.at(c) + m_padX, y + m_padY, m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX, 0),
                      m_columns.at(c).align, m_head, m_head);
        m_painter.setPen(QPen(Qt::black, mm(0.3)));
        m_painter.drawLine(QPointF(0, y), QPointF(m_edges.last(), y));
        m_painter.drawLine(QPointF(0, y + height), QPointF(m_edges.last(), y + height));
        m_painter.setPen(Qt::black);
    }
    return y + height;
}

QList<CellLines> Renderer::layRow(const CreditEvent &e, int maxLines) const
{
    const auto width = [this](int c) { return m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX; };
    const auto lines = [&](const QString &text, bool bold, int column) {
        CellLines out;
        for (const QString &l : wrap(text, bold ? m_cellBold : m_cell, width(column), maxLines))
            out.append({l, bold});
        return out;
    };
    // The hour under the day: the column stays narrow and the day lines up down the page.
    CellLines when{{dayText(e.at.date()), false}};
    if (!e.dateOnly)
        when.append({e.at.toString(QStringLiteral("HH:mm")), false});
    return {when, lines(e.title, true, ColEvent), lines(e.detail, false, ColDetail), lines(e.who, false, ColWho),
            {{e.amount ? e.amount->toDisplayString() : QString(), false}}};
}

void Renderer::paintRow(qreal y, qreal height, const CreditEvent &e, const QList<CellLines> &cells, bool shaded)
{
    if (shaded)
        m_painter.fillRect(QRectF(0, y, m_edges.last(), height), QColor(236, 240, 246));
    for (qsizetype c = 0; c < cells.size(); ++c) {
        const QColor color = c == ColEvent ? toneColor(e.tone) : QColor(Qt::black);
        drawLines(cells.at(c),
                  QRectF(m_edges.at(c) + m_padX, y + m_padY, m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX, 0),
                  m_columns.at(c).align, m_cell, m_cellBold, color);
    }
    m_painter.setPen(QPen(QColor(170, 170, 170), mm(0.15)));
    m_painter.drawLine(QPointF(0, y + height), QPointF(m_edges.last(), y + height));
    m_painter.setPen(Qt::black);
}

qreal Renderer::closing(qreal y, bool draw)
{
    // What a committee asks first: how much was collected, how promises ended.
    Money collected;
    int promises = 0, kept = 0, partly = 0, broken = 0;
    for (const CreditEvent &e : m_events) {
        if (e.kind == CreditEvent::Kind::Collected && e.amount)
            collected += *e.amount;
        if (e.kind == CreditEvent::Kind::Promise)
            ++promises;
        if (e.kind == CreditEvent::Kind::PromiseJudged)
            ++(e.tone == CreditEvent::Tone::Good ? kept : e.tone == CreditEvent::Tone::Bad ? broken : partly);
    }
    QStringList ended;
    const auto count = [&ended](int n, const char *one, const char *many) {
        if (n > 0)
            ended << (n == 1 ? tr(one) : tr(many).arg(n));
    };
    count(kept, QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "1 cumplida"),
          QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "%1 cumplidas"));
    count(partly, QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "1 cumplida en parte"),
          QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "%1 cumplidas en parte"));
    count(broken, QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "1 incumplida"),
          QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "%1 incumplidas"));
    count(promises - kept - partly - broken, QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "1 pendiente"),
          QT_TRANSLATE_NOOP("cobranza::CreditTimelineReport", "%1 pendientes"));
    QString text = tr("Total: %1 eventos · Recaudado en campo: %2 · Promesas de pago: %3")
                       .arg(m_events.size())
                       .arg(collected.toDisplayString())
                       .arg(promises);
    if (!ended.isEmpty())
        text += tr(" (%1)").arg(ended.join(QStringLiteral(", ")));
    if (m_events.isEmpty())
        text = tr("No hay eventos registrados para este crédito.");
    const QStringList lines = wrap(text, m_label, m_page.width(), 3);
    if (draw) {
        CellLines out;
        for (const QString &l : lines)
            out.append({l, true});
        drawLines(out, QRectF(0, y, m_page.width(), 0), Qt::AlignLeft, m_label, m_label);
    }
    return y + lines.size() * lineHeight(m_label);
}

void Renderer::paintFooter(int page, int pages)
{
    const qreal height = lineHeight(m_small);
    const qreal top = m_page.bottom() - height;
    m_painter.setPen(QPen(Qt::black, mm(0.2)));
    m_painter.drawLine(QPointF(0, top - mm(1)), QPointF(m_page.width(), top - mm(1)));
    const QRectF line(0, top, m_page.width(), height);
    m_painter.setFont(m_small);
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                       tr("Expediente del crédito %1 · %2").arg(m_file.credit.creditNumber, m_file.member.fullName));
    QString right = tr("Página %1 de %2").arg(page).arg(pages);
    if (m_printedAt.isValid())
        right = tr("Impreso el %1 · %2").arg(m_printedAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")), right);
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, right);
}

int Renderer::run()
{
    // The letterhead only says how tall it is by painting it: it goes on page 1 first.
    const qreal letterhead = paintLetterhead();
    const qreal firstTop = firstHeading(letterhead, false);
    const qreal nextTop = continuationHeading(letterhead, false);
    const qreal header = tableHeader(0, false);
    const qreal bottom = m_page.height() - lineHeight(m_small) - mm(3);
    const qreal closingHeight = closing(0, false) + mm(2);
    const qreal nextBody = bottom - nextTop - header;
    // A row never splits, so none may be taller than a page holds.
    const int maxLines =
        std::max(1, static_cast<int>(std::floor((nextBody - closingHeight - 2 * m_padY) / m_cellLine)));

    QList<QList<CellLines>> rows;
    QList<qreal> heights;
    for (const CreditEvent &e : m_events) {
        QList<CellLines> laid = layRow(e, maxLines);
        qsizetype lines = 1;
        for (const CellLines &c : laid)
            lines = std::max(lines, c.size());
        rows.append(laid);
        heights.append(lines * m_cellLine + 2 * m_padY);
    }

    // Rows per page; the closing line travels with the last row.
    QList<qsizetype> pageStarts{0};
    qreal available = bottom - firstTop - header;
    qreal used = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qreal need = heights.at(i) + (i + 1 == rows.size() ? closingHeight : 0);
        if (used + need > available && used > 0) {
            pageStarts.append(i);
            available = nextBody;
            used = 0;
        }
        used += heights.at(i);
    }
    const int pages = static_cast<int>(pageStarts.size());

    for (int page = 0; page < pages; ++page) {
        qreal y = 0;
        if (page == 0) {
            y = firstHeading(letterhead, true);
        } else {
            m_device->newPage();
            y = continuationHeading(paintLetterhead(), true);
        }
        y = tableHeader(y, true);
        const qsizetype end = page + 1 < pages ? pageStarts.at(page + 1) : rows.size();
        for (qsizetype i = pageStarts.at(page); i < end; ++i) {
            const CreditEvent &e = m_events.at(i);
            paintRow(y, heights.at(i), e, rows.at(i), isReportEvent(e.kind));
            y += heights.at(i);
        }
        if (page + 1 == pages)
            closing(y + mm(2), true);
        paintFooter(page + 1, pages);
    }
    return pages;
}

} // namespace

int CreditTimelineReport::render(QPagedPaintDevice *device, const CreditFile &file,
                                 const QList<CreditEvent> &events) const
{
    QPainter painter(device);
    if (!painter.isActive())
        return 0;
    return Renderer(device, painter, m_letterhead, file, events, m_printedAt).run();
}

bool CreditTimelineReport::writePdf(const QString &path, const CreditFile &file, const QList<CreditEvent> &events,
                                    QString *error) const
{
    return writePdfFile(
        path, QPageLayout::Portrait,
        tr("Expediente del crédito %1 – %2").arg(file.credit.creditNumber, file.member.fullName),
        [&](QPagedPaintDevice *device) { return render(device, file, events) > 0; }, tr("del expediente"), error);
}

} // namespace cobranza
