#include "routesheetreport.h"

#include "datetext.h"
#include "flowrenderer.h"
#include "role.h"
#include "visitstate.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::RouteSheetReport", s); }

QString nameOf(const StaffMember &s) { return s.fullName.isEmpty() ? s.username : s.fullName; }

QString longDate(const QDate &d)
{
    return QLocale(QLocale::Spanish, QLocale::Ecuador).toString(d, QStringLiteral("dddd d 'de' MMMM 'de' yyyy"));
}

QString shortDateTime(const QDateTime &t) { return t.toString(QStringLiteral("dd/MM/yyyy HH:mm")); }

// A paragraph of a cell: a cell stacks them (name, then cédula) and each wraps on its own.
struct Paragraph
{
    QString text;
    bool bold = false;
};
using Cell = QList<Paragraph>;

// One line of a wrapped paragraph, ready to paint.
struct Line
{
    QString text;
    bool bold = false;
    qreal scale = 1; // of the font size: an amount is made smaller rather than broken over two lines
};
using CellLines = QList<Line>;

// A column of the visits table. Hand-filled columns keep their width on any paper so there is
// always room to write; the printed columns share what is left.
struct Column
{
    QString title;
    qreal widthMm;
    Qt::Alignment align;
    bool handFilled = false;
    bool oneLine = false; // numbers: shrunk to fit, never broken
};

enum ColumnIndex { ColOrder, ColMember, ColCredit, ColAddress, ColSector, ColPhones, ColDays, ColOverdue, ColRating,
                   ColGuarantors, ColAction, ColHour };

// Millimetres that fill the 281 mm between 8 mm margins of A4 landscape.
QList<Column> tableColumns()
{
    return {
        {tr("N.º"), 6, Qt::AlignHCenter, false, true},
        {tr("Socio / cédula"), 32, Qt::AlignLeft},
        {tr("Crédito"), 15, Qt::AlignLeft},
        {tr("Dirección domicilio / negocio"), 37, Qt::AlignLeft},
        {tr("Sector"), 18, Qt::AlignLeft},
        {tr("Teléfonos"), 17, Qt::AlignLeft},
        {tr("Días mora"), 8, Qt::AlignHCenter, false, true},
        {tr("Valor vencido"), 15, Qt::AlignRight, false, true},
        {tr("Calif."), 7, Qt::AlignHCenter, false, true},
        {tr("Garante(s)"), 26, Qt::AlignLeft},
        {tr("Acción"), 26, Qt::AlignLeft},
        {tr("Hora"), 11, Qt::AlignLeft, true},
        {tr("Estado"), 16, Qt::AlignLeft, true},
        {tr("Acuerdo"), 27, Qt::AlignLeft, true},
        {tr("Firma"), 20, Qt::AlignLeft, true},
    };
}

QList<Cell> cellsOf(const RouteVisit &v)
{
    const auto plain = [](const QString &text) { return Paragraph{text.simplified(), false}; };
    Cell member{{v.memberName.simplified(), true}};
    if (!v.cedula.isEmpty())
        member.append(plain(tr("C.I. %1").arg(v.cedula)));
    Cell address;
    if (!v.homeAddress.trimmed().isEmpty())
        address.append(plain(tr("Dom.: %1").arg(v.homeAddress)));
    if (!v.businessAddress.trimmed().isEmpty())
        address.append(plain(tr("Neg.: %1").arg(v.businessAddress)));
    // One number a line: a number split across lines gets dialled wrong.
    static const QRegularExpression separators(QStringLiteral("[/,;]"));
    Cell phones;
    for (const QString &phone : v.phones.split(separators, Qt::SkipEmptyParts))
        phones.append(plain(phone));
    Cell guarantors;
    for (const Guarantor &g : v.guarantors) {
        guarantors.append(plain(g.fullName));
        if (!g.phone.trimmed().isEmpty())
            guarantors.append(plain(tr("Tel. %1").arg(g.phone)));
    }
    Cell action{plain(v.action)};
    if (v.notice)
        action.append({noticeTypeLabel(*v.notice), true});
    return {{{QString::number(v.order), true}}, member, {plain(v.creditNumber)}, address, {plain(v.sector)},
            phones, {plain(QString::number(v.daysPastDue))}, {plain(v.overdue.toDisplayString())},
            {plain(ratingCode(v.rating))}, guarantors, action, {}, {}, {}, {}};
}

// A label and its value in the block under the title.
struct Field
{
    QString label;
    QString value;
    bool stamp = false; // boxed and bold: what must not be missed (a sheet without visto bueno)
};

// Lays out and paints one sheet on one device. Every block is measured by the same code that
// paints it (`draw` false), so pages are known, and "Página N de M" is right, before page 1 is painted.
class Renderer final
{
public:
    Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead, const RouteSheet &sheet,
             const QDateTime &printedAt);
    int run();

private:
    qreal mm(qreal v) const { return v * m_mm; }
    QFontMetricsF metrics(const QFont &f) const { return QFontMetricsF(f, m_device); }
    // From the point size, not the font's metrics: those round to whole device pixels, and a 150 dpi
    // preview would then paginate differently from the 1200 dpi printer.
    qreal lineHeight(const QFont &f) const { return f.pointSizeF() * 1.2 / 72.0 * m_device->logicalDpiY(); }
    QStringList wrap(const QString &text, const QFont &font, qreal width, int maxLines) const
    {
        return wrapText(text, font, width, maxLines, m_device);
    }
    CellLines layCell(const Cell &cell, qreal width, int maxLines, bool oneLine) const;
    void drawLines(const CellLines &lines, const QRectF &box, Qt::Alignment align, const QFont &regular,
                   const QFont &bold);

    qreal paintLetterhead();
    qreal firstHeading(qreal y, bool draw);
    qreal fieldBlock(qreal x, qreal y, qreal width, const QList<Field> &fields, bool draw);
    qreal continuationHeading(qreal y, bool draw);
    qreal tableHeader(qreal y, bool draw);
    void paintRow(qreal y, qreal height, const QList<CellLines> &cells);
    qreal emptyRow(qreal y, bool draw);
    qreal closing(qreal y, bool draw);
    void paintFooter(int page, int pages);
    void paintGrid(qreal y, qreal height);

    QPagedPaintDevice *m_device;
    QPainter &m_painter;
    const Letterhead &m_letterhead;
    const RouteSheet &m_sheet;
    QDateTime m_printedAt;
    qreal m_mm;
    QRectF m_page;
    QList<Column> m_columns;
    QList<qreal> m_edges; // x of each column's left edge, then the table's right edge
    QFont m_base, m_cell, m_cellBold, m_head, m_label, m_value, m_title, m_subtitle, m_small, m_smallBold;
    qreal m_padX, m_padY, m_cellLine, m_minRow;
};

Renderer::Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead,
                   const RouteSheet &sheet, const QDateTime &printedAt)
    : m_device(device), m_painter(painter), m_letterhead(letterhead), m_sheet(sheet), m_printedAt(printedAt),
      m_mm(device->logicalDpiX() / 25.4), m_columns(tableColumns())
{
    // The painter's origin is the top left of the printable area, not of the paper.
    m_page = QRectF(QPointF(0, 0), QSizeF(device->pageLayout().paintRectPixels(device->logicalDpiX()).size()));

    const auto font = [](qreal points, bool bold, bool condensed) {
        QFont f;
        f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Arial")});
        f.setPointSizeF(points);
        f.setBold(bold);
        if (condensed)
            f.setStretch(QFont::Condensed); // fifteen columns on one landscape page
        // Unhinted glyphs scale exactly with the resolution, so a 150 dpi preview breaks lines
        // where the 1200 dpi printer does.
        f.setHintingPreference(QFont::PreferNoHinting);
        // Any letter spacing turns ligatures off: "fi" stays two letters that a PDF search finds.
        f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02); // 1/64 of a pixel, the least Qt keeps
        return f;
    };
    m_base = font(8.5, false, false);
    m_cell = font(7, false, true);
    m_cellBold = font(7, true, true);
    m_head = font(6.5, true, true);
    m_label = font(8.5, true, false);
    m_value = font(8.5, false, false);
    m_title = font(13, true, false);
    m_subtitle = font(8.5, false, false);
    m_small = font(7, false, true);
    m_smallBold = font(7, true, true);
    m_padX = mm(0.9);
    m_padY = mm(0.8);
    m_cellLine = lineHeight(m_cell);
    m_minRow = mm(11); // two lines of handwriting in Acuerdo

    qreal hand = 0, printed = 0;
    for (const Column &c : std::as_const(m_columns))
        (c.handFilled ? hand : printed) += mm(c.widthMm);
    qreal handScale = 1, printedScale = (m_page.width() - hand) / printed;
    if (printedScale < 0.75) // narrow paper: everything shrinks alike rather than crushing the printed columns
        handScale = printedScale = m_page.width() / (hand + printed);
    qreal x = 0;
    for (const Column &c : std::as_const(m_columns)) {
        m_edges.append(x);
        x += mm(c.widthMm) * (c.handFilled ? handScale : printedScale);
    }
    m_edges.append(x);
}

CellLines Renderer::layCell(const Cell &cell, qreal width, int maxLines, bool oneLine) const
{
    CellLines lines;
    for (const Paragraph &p : cell) {
        const QFont &font = p.bold ? m_cellBold : m_cell;
        if (oneLine) {
            const qreal natural = metrics(font).horizontalAdvance(p.text);
            const qreal scale = natural > width ? width / natural * 0.97 : 1;
            if (scale >= 0.6) { // below that it would be unreadable: wrapped after all
                lines.append({p.text, p.bold, scale});
                continue;
            }
        }
        for (const QString &l : wrap(p.text, font, width, maxLines - lines.size()))
            lines.append({l, p.bold});
    }
    return lines;
}

void Renderer::drawLines(const CellLines &lines, const QRectF &box, Qt::Alignment align, const QFont &regular,
                         const QFont &bold)
{
    const qreal ascent = std::max(metrics(regular).ascent(), metrics(bold).ascent());
    const qreal step = lineHeight(regular);
    qreal y = box.top();
    for (const Line &l : lines) {
        QFont f = l.bold ? bold : regular;
        if (l.scale < 1)
            f.setPointSizeF(f.pointSizeF() * l.scale);
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
}

qreal Renderer::paintLetterhead()
{
    m_painter.setFont(m_base);
    // Whole millimetres: the letterhead measures with its fonts' pixel-rounded metrics, and its
    // height must not change the pagination from one resolution to another.
    return std::ceil(m_letterhead.paint(m_painter, m_page) / mm(1)) * mm(1);
}

qreal Renderer::firstHeading(qreal y, bool draw)
{
    const qreal titleHeight = lineHeight(m_title);
    const qreal subtitleHeight = lineHeight(m_subtitle);
    if (draw) {
        m_painter.setFont(m_title);
        m_painter.drawText(QRectF(0, y, m_page.width(), titleHeight), Qt::AlignCenter, tr("HOJA DE RUTA DE VISITAS"));
        m_painter.setFont(m_subtitle);
        m_painter.drawText(QRectF(0, y + titleHeight, m_page.width(), subtitleHeight), Qt::AlignCenter,
                           tr("Registro 1 – Formato Hoja de Ruta"));
    }
    y += titleHeight + subtitleHeight + mm(2.5);

    const Branch &b = m_sheet.branch;
    QList<Field> left{
        {tr("Agencia:"), b.code.isEmpty() ? b.name : tr("%1 (%2)").arg(b.name, b.code)},
        {tr("Funcionario:"), tr("%1 — %2").arg(nameOf(m_sheet.person), roleLabel(m_sheet.person.role))},
    };
    const StaffMember &n = m_sheet.notifier;
    if (!nameOf(n).isEmpty() && (n.id != m_sheet.person.id || nameOf(n) != nameOf(m_sheet.person)))
        left.append({tr("Notificador:"), n.pooled ? tr("%1 (usuario compartido)").arg(nameOf(n)) : nameOf(n)});
    QList<Field> right{{tr("Fecha de visita:"), longDate(m_sheet.visitDate)}};
    if (m_sheet.approved())
        right.append({tr("Visto bueno:"),
                      m_sheet.approvedAt.isValid()
                          ? tr("Aprobada por %1 el %2").arg(m_sheet.approvedBy, shortDateTime(m_sheet.approvedAt))
                          : tr("Aprobada por %1").arg(m_sheet.approvedBy)});
    else
        right.append({tr("Visto bueno:"), tr("PENDIENTE DE VISTO BUENO"), true});
    if (m_sheet.revision > 0)
        right.append({tr("Revisión:"), QString::number(m_sheet.revision)});

    const qreal gap = mm(8);
    const qreal half = (m_page.width() - gap) / 2;
    const qreal bottom = std::max(fieldBlock(0, y, half, left, draw), fieldBlock(half + gap, y, half, right, draw));
    return bottom + mm(2.5);
}

qreal Renderer::fieldBlock(qreal x, qreal y, qreal width, const QList<Field> &fields, bool draw)
{
    qreal labelWidth = 0;
    for (const Field &f : fields)
        labelWidth = std::max(labelWidth, metrics(m_label).horizontalAdvance(f.label));
    labelWidth += mm(2);
    const qreal line = lineHeight(m_value);
    for (const Field &f : fields) {
        const qreal inset = f.stamp ? mm(1.5) : 0;
        const QFont &valueFont = f.stamp ? m_label : m_value;
        const QStringList lines = wrap(f.value, valueFont, width - labelWidth - 2 * inset, 4);
        const qreal top = y + inset;
        if (draw) {
            drawLines({{f.label, true}}, QRectF(x, top, labelWidth, line), Qt::AlignLeft, m_value, m_label);
            CellLines value;
            for (const QString &l : lines)
                value.append({l, f.stamp});
            drawLines(value, QRectF(x + labelWidth + inset, top, width - labelWidth - 2 * inset, 0), Qt::AlignLeft,
                      m_value, m_label);
            if (f.stamp) {
                qreal textWidth = 0;
                for (const QString &l : lines)
                    textWidth = std::max(textWidth, metrics(valueFont).horizontalAdvance(l));
                m_painter.setPen(QPen(Qt::black, mm(0.5)));
                m_painter.setBrush(Qt::NoBrush);
                m_painter.drawRect(QRectF(x + labelWidth, y, textWidth + 2 * inset,
                                          lines.size() * line + 2 * inset));
            }
        }
        y += std::max<qsizetype>(1, lines.size()) * line + 2 * inset + mm(0.6);
    }
    return y;
}

qreal Renderer::continuationHeading(qreal y, bool draw)
{
    const qreal height = lineHeight(m_label);
    if (draw) {
        m_painter.setFont(m_label);
        m_painter.drawText(QRectF(0, y, m_page.width(), height), Qt::AlignLeft | Qt::AlignVCenter,
                           tr("HOJA DE RUTA DE VISITAS (continuación)"));
        m_painter.setFont(m_value);
        m_painter.drawText(QRectF(0, y, m_page.width(), height), Qt::AlignRight | Qt::AlignVCenter,
                           tr("%1 · %2").arg(nameOf(m_sheet.person), longDate(m_sheet.visitDate)));
    }
    return y + height + mm(2);
}

void Renderer::paintGrid(qreal y, qreal height)
{
    m_painter.setBrush(Qt::NoBrush);
    for (qsizetype i = 0; i < m_edges.size(); ++i) {
        // A heavier rule where the printed columns end and the hand-filled ones begin.
        const bool boundary = i == 0 || i == ColHour || i + 1 == m_edges.size();
        m_painter.setPen(QPen(Qt::black, mm(boundary ? 0.4 : 0.15)));
        m_painter.drawLine(QPointF(m_edges.at(i), y), QPointF(m_edges.at(i), y + height));
    }
    m_painter.setPen(QPen(Qt::black, mm(0.15)));
    m_painter.drawLine(QPointF(0, y + height), QPointF(m_edges.last(), y + height));
}

qreal Renderer::tableHeader(qreal y, bool draw)
{
    QList<QStringList> titles;
    qsizetype lines = 1;
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        titles.append(wrap(m_columns.at(c).title, m_head, m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX, 3));
        lines = std::max(lines, titles.last().size());
    }
    const qreal line = lineHeight(m_head);
    const qreal height = lines * line + 2 * m_padY;
    if (draw) {
        m_painter.fillRect(QRectF(0, y, m_edges.last(), height), QColor(220, 220, 220));
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            CellLines cell;
            for (const QString &t : titles.at(c))
                cell.append({t, true});
            const qreal top = y + (height - cell.size() * line) / 2;
            drawLines(cell, QRectF(m_edges.at(c) + m_padX, top, m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX, 0),
                      Qt::AlignHCenter, m_head, m_head);
        }
        m_painter.setPen(QPen(Qt::black, mm(0.4)));
        m_painter.drawLine(QPointF(0, y), QPointF(m_edges.last(), y));
        paintGrid(y, height);
        m_painter.setPen(QPen(Qt::black, mm(0.4)));
        m_painter.drawLine(QPointF(0, y + height), QPointF(m_edges.last(), y + height));
    }
    return y + height;
}

void Renderer::paintRow(qreal y, qreal height, const QList<CellLines> &cells)
{
    for (qsizetype c = 0; c < cells.size(); ++c)
        drawLines(cells.at(c),
                  QRectF(m_edges.at(c) + m_padX, y + m_padY, m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX, 0),
                  m_columns.at(c).align, m_cell, m_cellBold);
    paintGrid(y, height);
}

qreal Renderer::emptyRow(qreal y, bool draw)
{
    const qreal height = m_minRow;
    if (draw) {
        m_painter.setFont(m_label);
        m_painter.drawText(QRectF(0, y, m_edges.last(), height), Qt::AlignCenter,
                           tr("No hay visitas agendadas para este día."));
        m_painter.setPen(QPen(Qt::black, mm(0.4)));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRect(QRectF(0, y, m_edges.last(), height));
    }
    return y + height;
}

qreal Renderer::closing(qreal y, bool draw)
{
    if (!m_sheet.visits.isEmpty()) {
        const qsizetype count = m_sheet.visits.size();
        const qreal height = m_cellLine + 2 * m_padY;
        if (draw) {
            // A large total may be wider than its column: it grows to the left and the label gives way.
            const QString total = m_sheet.totalOverdue().toDisplayString();
            const qreal totalLeft = std::min(m_edges.at(ColOverdue) + m_padX,
                                             m_edges.at(ColOverdue + 1) - m_padX - metrics(m_cellBold).horizontalAdvance(total));
            const QRectF label(m_edges.at(0) + m_padX, y + m_padY, totalLeft - m_edges.at(0) - 3 * m_padX, 0);
            drawLines({{count == 1 ? tr("Total: 1 visita") : tr("Total: %1 visitas").arg(count), true}}, label,
                      Qt::AlignLeft, m_cell, m_cellBold);
            drawLines({{tr("Valor vencido total:"), true}}, label, Qt::AlignRight, m_cell, m_cellBold);
            drawLines({{total, true}},
                      QRectF(m_edges.at(ColOverdue) + m_padX, y + m_padY,
                             m_edges.at(ColOverdue + 1) - m_edges.at(ColOverdue) - 2 * m_padX, 0),
                      Qt::AlignRight, m_cell, m_cellBold);
            m_painter.setPen(QPen(Qt::black, mm(0.4)));
            m_painter.setBrush(Qt::NoBrush);
            m_painter.drawRect(QRectF(0, y, m_edges.at(ColOverdue + 1), height));
            m_painter.drawLine(QPointF(m_edges.at(ColOverdue), y), QPointF(m_edges.at(ColOverdue), y + height));
        }
        y += height + mm(1.5);

        // The states the office will enter, so what is written in Estado can be typed in as is.
        QStringList states;
        for (VisitState s : kAllVisitStates)
            states.append(visitStateLabel(s));
        const QStringList legend = wrap(tr("Estado: %1. Hora en formato de 24 horas.").arg(states.join(QStringLiteral(" · "))),
                                        m_small, m_page.width(), 3);
        if (draw) {
            CellLines lines;
            for (const QString &l : legend)
                lines.append({l, false});
            drawLines(lines, QRectF(0, y, m_page.width(), 0), Qt::AlignLeft, m_small, m_smallBold);
        }
        y += legend.size() * lineHeight(m_small);
    }

    // Signatures: room to sign above each line, the caption and the name under it.
    y += mm(13);
    struct Signature
    {
        QString caption;
        QStringList names; // under the caption; "Nombre y firma" when nobody is known yet
    };
    const QList<Signature> signatures{
        {tr("Elaborado por"), {}},
        {tr("Visto bueno"), m_sheet.approved() ? QStringList{m_sheet.approvedBy} : QStringList{}},
        {tr("Funcionario"), {nameOf(m_sheet.person), roleLabel(m_sheet.person.role)}},
    };
    const qreal width = std::min(mm(75), m_page.width() / 3 - mm(8));
    const qreal step = (m_page.width() - width) / (signatures.size() - 1);
    const qreal valueLine = lineHeight(m_value);
    qsizetype deepest = 0;
    for (qsizetype i = 0; i < signatures.size(); ++i) {
        const Signature &s = signatures.at(i);
        CellLines lines{{s.caption, true}};
        for (const QString &name : s.names.isEmpty() ? QStringList{tr("Nombre y firma")} : s.names)
            for (const QString &l : wrap(name, m_value, width, 2))
                lines.append({l, false});
        deepest = std::max(deepest, lines.size());
        if (draw) {
            const qreal x = i * step;
            m_painter.setPen(QPen(Qt::black, mm(0.25)));
            m_painter.drawLine(QPointF(x, y), QPointF(x + width, y));
            drawLines(lines, QRectF(x, y + mm(0.8), width, 0), Qt::AlignHCenter, m_value, m_label);
        }
    }
    return y + mm(0.8) + deepest * valueLine;
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
                       tr("Hoja de ruta de %1 · %2").arg(nameOf(m_sheet.person), longDate(m_sheet.visitDate)));
    QString right = tr("Página %1 de %2").arg(page).arg(pages);
    if (m_printedAt.isValid())
        right = tr("Impreso el %1 · %2").arg(shortDateTime(m_printedAt), right);
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, right);
    if (!m_sheet.approved()) {
        // Pages of a sheet get separated in the field; each one says it was never approved.
        m_painter.setFont(m_smallBold);
        m_painter.drawText(line, Qt::AlignHCenter | Qt::AlignVCenter, tr("PENDIENTE DE VISTO BUENO"));
    }
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
    const qreal firstBody = bottom - firstTop - header;
    const qreal nextBody = bottom - nextTop - header;
    // A row never splits, so none may be taller than a page holds with the closing block.
    const int maxLines = std::max(1, static_cast<int>(std::floor((nextBody - closingHeight - 2 * m_padY) / m_cellLine)));

    QList<QList<CellLines>> rows;
    QList<qreal> heights;
    for (const RouteVisit &v : m_sheet.visits) {
        const QList<Cell> cells = cellsOf(v);
        QList<CellLines> laid;
        qsizetype lines = 0;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            laid.append(layCell(cells.at(c), m_edges.at(c + 1) - m_edges.at(c) - 2 * m_padX, maxLines,
                                m_columns.at(c).oneLine));
            lines = std::max(lines, laid.last().size());
        }
        rows.append(laid);
        heights.append(std::max(m_minRow, lines * m_cellLine + 2 * m_padY));
    }

    // Rows per page; the closing block (totals, signatures) travels with the last row.
    QList<qsizetype> pageStarts{0};
    qreal available = firstBody;
    qreal used = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qreal need = heights.at(i) + (i + 1 == rows.size() ? closingHeight : 0);
        if (used + need > available && (used > 0 || pageStarts.size() == 1)) {
            pageStarts.append(i);
            available = nextBody;
            used = 0;
        }
        used += heights.at(i);
    }
    if (rows.isEmpty() && emptyRow(0, false) + closingHeight > firstBody)
        pageStarts.append(0);
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
            paintRow(y, heights.at(i), rows.at(i));
            y += heights.at(i);
        }
        if (page + 1 == pages) {
            if (rows.isEmpty())
                y = emptyRow(y, true);
            closing(y + mm(2), true);
        }
        paintFooter(page + 1, pages);
    }
    return pages;
}

} // namespace

int RouteSheetReport::render(QPagedPaintDevice *device, const RouteSheet &sheet) const
{
    QPainter painter(device);
    if (!painter.isActive())
        return 0;
    return Renderer(device, painter, m_letterhead, sheet, m_printedAt).run();
}

bool RouteSheetReport::writePdf(const QString &path, const RouteSheet &sheet, QString *error) const
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("No se pudo crear el archivo %1: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(8, 8, 8, 8),
                                         QPageLayout::Millimeter));
        writer.setResolution(300); // finer than any printer needs for text and rules
        writer.setTitle(tr("Hoja de ruta de %1 – %2")
                            .arg(nameOf(sheet.person), dayText(sheet.visitDate)));
        writer.setCreator(QStringLiteral("Cobranza " COBRANZA_VERSION));
        if (render(&writer, sheet) == 0) {
            file.cancelWriting();
            return fail(tr("No se pudo generar el PDF de la hoja de ruta en %1.").arg(path));
        }
    }
    if (!file.commit())
        return fail(tr("No se pudo guardar el archivo %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace cobranza
