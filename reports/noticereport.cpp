#include "noticereport.h"

#include "datetext.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextCharFormat>
#include <QTextLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>
#include <vector>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::NoticeReport", s); }

// "22 de noviembre de 2026": how a letter is dated in Ecuador, month in lower case.
QString longDate(const QDate &d)
{
    if (!d.isValid())
        return {};
    const QLocale es(QLocale::Spanish, QLocale::Ecuador);
    return tr("%1 de %2 de %3").arg(d.day()).arg(es.monthName(d.month()).toLower()).arg(d.year());
}

QString shortDate(const QDate &d) { return d.isValid() ? dayText(d) : tr("—"); }

// A phone number or a "N.º 123" broken over two lines gets misread; no-break spaces keep them whole.
QString unbroken(QString text) { return text.simplified().replace(u' ', QChar::Nbsp); }

// A run of text wrapped to a width, laid out once: measured while the page is composed, painted
// line by line once it is known to fit.
struct TextBlock
{
    std::shared_ptr<QTextLayout> layout;
    int lines = 0;
    qreal lineHeight = 0;
    QString elided; // when the text had to be cut: what the last kept line says instead
    qreal height() const { return lines * lineHeight; }
};

// What a laid-out block depends on: in a batch, most blocks (labels, the letter's fixed paragraphs,
// the signer, the branch) repeat on every page and are laid out once.
struct BlockKey
{
    QString text;
    qreal points;
    bool bold;
    qreal width;
    int align;
    int maxLines;
    bool operator==(const BlockKey &) const = default;
};

size_t qHash(const BlockKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.text, k.points, k.bold, k.width, k.align, k.maxLines);
}

// Everything that is drawn on one page, in order, once its height is known.
struct Composition
{
    qreal bottom = 0;
    std::vector<std::function<void()>> ops;
};

// The body shrinks in these steps when a long template would push the letter into the receipt stub;
// below 70 % it would be too small to read on paper, and the text is cut instead.
constexpr std::array kScales = {1.0, 0.94, 0.88, 0.82, 0.76, 0.7};

// The letter's fonts at one scale.
struct Fonts
{
    QFont body, bodyBold, title;
};

// Lays out and paints a batch of notices, one page each, on one device.
class Renderer final
{
public:
    Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead);
    void paintPage(const NoticeDocument &doc, int page, int pages);

private:
    qreal mm(qreal v) const { return v * m_mm; }
    QFontMetricsF metrics(const QFont &f) const { return QFontMetricsF(f, m_device); }
    // From the point size, not the font's metrics: those round to whole device pixels, and a 150 dpi
    // preview would then lay out differently from the 1200 dpi printer.
    qreal lineHeight(const QFont &f) const { return f.pointSizeF() * 1.2 / 72.0 * m_device->logicalDpiY(); }
    TextBlock block(const QString &text, const QFont &font, qreal width, Qt::Alignment align, int maxLines,
                    const QList<QTextLayout::FormatRange> &formats = {});
    void drawBlock(const TextBlock &b, QPointF at, const QFont &font);
    void add(Composition &c, const TextBlock &b, qreal x, const QFont &font);

    Composition compose(const NoticeDocument &doc, qreal top, const Fonts &f, qreal bodyLimit);
    qreal paintHead(const NoticeDocument &doc);
    void paintWatermark();
    void paintStub(const NoticeDocument &doc, qreal top);
    qreal stubHeight() const;
    void paintFooter(const NoticeDocument &doc, int page, int pages);

    QPagedPaintDevice *m_device;
    QPainter &m_painter;
    const Letterhead &m_letterhead;
    qreal m_mm;
    QRectF m_page;
    std::array<Fonts, kScales.size()> m_fonts;
    QFont m_letterheadFont, m_stamp, m_small, m_cellHead, m_cellValue, m_stubTitle, m_stubLabel;
    QPainterPath m_watermark; // made once: the same path on every copy
    QHash<BlockKey, TextBlock> m_blocks;
};

QFont makeFont(qreal points, bool bold)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Arial")});
    f.setPointSizeF(points);
    f.setBold(bold);
    // Unhinted glyphs scale exactly with the resolution, so a 150 dpi preview breaks lines where
    // the 1200 dpi printer does.
    f.setHintingPreference(QFont::PreferNoHinting);
    // Any letter spacing turns ligatures off: "fi" stays two letters that a PDF search finds.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return f;
}

Renderer::Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead)
    : m_device(device), m_painter(painter), m_letterhead(letterhead), m_mm(device->logicalDpiX() / 25.4)
{
    // The painter's origin is the top left of the printable area, not of the paper.
    m_page = QRectF(QPointF(0, 0), QSizeF(device->pageLayout().paintRectPixels(device->logicalDpiX()).size()));
    for (size_t i = 0; i < kScales.size(); ++i)
        m_fonts[i] = {makeFont(10.5 * kScales[i], false), makeFont(10.5 * kScales[i], true),
                      makeFont(12.5 * std::max(0.85, kScales[i]), true)};
    m_letterheadFont = makeFont(9.5, false);
    m_stamp = makeFont(17, true);
    m_small = makeFont(7.5, false);
    m_cellHead = makeFont(7.5, true);
    m_cellValue = makeFont(9.5, true);
    m_stubTitle = makeFont(10.5, true);
    m_stubLabel = makeFont(8.5, false);
}

TextBlock Renderer::block(const QString &text, const QFont &font, qreal width, Qt::Alignment align, int maxLines,
                          const QList<QTextLayout::FormatRange> &formats)
{
    TextBlock b;
    b.lineHeight = lineHeight(font);
    if (text.isEmpty() || maxLines <= 0)
        return b;
    const BlockKey key{text, font.pointSizeF(), font.bold(), width, static_cast<int>(align), maxLines};
    if (formats.isEmpty()) {
        if (const auto it = m_blocks.constFind(key); it != m_blocks.cend())
            return *it;
    }
    QString flat = text;
    flat.replace(u'\n', QChar::LineSeparator); // a template's hard break stays a break, not a new paragraph
    b.layout = std::make_shared<QTextLayout>(flat, font, m_device);
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a long word breaks, never overflows
    option.setUseDesignMetrics(true);
    b.layout->setTextOption(option);
    if (!formats.isEmpty())
        b.layout->setFormats(formats);
    b.layout->beginLayout();
    for (QTextLine line = b.layout->createLine(); line.isValid(); line = b.layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, b.lines * b.lineHeight));
        ++b.lines;
        const qsizetype end = line.textStart() + line.textLength();
        if (b.lines == maxLines && end < flat.size()) {
            // The last resort: text longer than a page holds. What is left is elided on this line.
            b.elided = metrics(font).elidedText(flat.mid(line.textStart()).simplified(), Qt::ElideRight, width);
            break;
        }
    }
    b.layout->endLayout();
    if (formats.isEmpty()) {
        if (m_blocks.size() > 400) // names and amounts never repeat: dropped now and then, the rest re-laid once
            m_blocks.clear();
        m_blocks.insert(key, b);
    }
    return b;
}

void Renderer::drawBlock(const TextBlock &b, QPointF at, const QFont &font)
{
    for (int i = 0; i < b.lines; ++i) {
        const QTextLine line = b.layout->lineAt(i);
        if (i + 1 == b.lines && !b.elided.isEmpty()) {
            m_painter.setFont(font);
            m_painter.drawText(QPointF(at.x(), at.y() + line.y() + line.ascent()), b.elided);
        } else {
            line.draw(&m_painter, at);
        }
    }
}

void Renderer::add(Composition &c, const TextBlock &b, qreal x, const QFont &font)
{
    if (b.lines > 0) {
        const QPointF at(x, c.bottom);
        c.ops.push_back([this, b, at, font] { drawBlock(b, at, font); });
    }
    c.bottom += b.height();
}

// The head is the same size on every page (letterhead, stamp, date and number), so it is painted
// straight away; the letter below it is composed and may shrink.
qreal Renderer::paintHead(const NoticeDocument &doc)
{
    // Room for the stamp is kept on originals too, so that a copy is laid out exactly like them.
    const qreal stampWidth = mm(28);
    m_painter.setFont(m_letterheadFont);
    const qreal letterhead = m_letterhead.paint(m_painter, m_page, stampWidth + mm(3));
    if (doc.copy) {
        // A reprint carries the same number as the original; the stamp says it is not a second notice.
        const qreal rule = letterhead - m_page.width() / 190.0 * 2; // where the letterhead's rule runs
        const QRectF box(m_page.right() - stampWidth, 0, stampWidth, std::clamp(rule - mm(1.5), mm(7), mm(11)));
        m_painter.setPen(QPen(Qt::black, mm(0.7)));
        m_painter.setBrush(Qt::white);
        m_painter.drawRect(box);
        m_painter.setFont(m_stamp);
        m_painter.drawText(box, Qt::AlignCenter, tr("COPIA"));
        m_painter.setBrush(Qt::NoBrush);
    }

    const Fonts &f = m_fonts[0];
    const QString date = longDate(doc.date);
    const QString city = doc.city.isEmpty() ? m_letterhead.city : doc.city;
    const QString dated = city.isEmpty() ? date : date.isEmpty() ? city : tr("%1, %2").arg(city, date);
    qreal y = letterhead + mm(1);
    const qreal line = lineHeight(f.body);
    m_painter.setPen(Qt::black);
    m_painter.setFont(f.body);
    m_painter.drawText(QRectF(0, y, m_page.width(), line), Qt::AlignRight | Qt::AlignVCenter, dated);
    y += line;
    m_painter.setFont(f.bodyBold);
    m_painter.drawText(QRectF(0, y, m_page.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                       tr("N.º %1").arg(doc.reference()));
    return y + line;
}

Composition Renderer::compose(const NoticeDocument &doc, qreal top, const Fonts &f, qreal bodyLimit)
{
    Composition c;
    c.bottom = top;
    const qreal width = m_page.width();
    const qreal scale = f.body.pointSizeF() / 10.5;
    const auto gap = [&](qreal v) { c.bottom += mm(v) * scale; };

    gap(5);
    add(c, block(doc.title, f.title, width, Qt::AlignHCenter, 3), 0, f.title);
    gap(5);

    // Whom the letter is for; a guarantor reads whose debt it is, in bold.
    add(c, block(tr("Señor(a):"), f.body, width, Qt::AlignLeft, 1), 0, f.body);
    add(c, block(doc.addresseeName.simplified(), f.bodyBold, width, Qt::AlignLeft, 3), 0, f.bodyBold);
    if (!doc.addresseeCedula.isEmpty())
        add(c, block(tr("C.I. %1").arg(doc.addresseeCedula), f.body, width, Qt::AlignLeft, 1), 0, f.body);
    if (!doc.addresseeAddress.trimmed().isEmpty())
        add(c, block(tr("Dirección: %1").arg(doc.addresseeAddress.simplified()), f.body, width, Qt::AlignLeft, 3),
            0, f.body);
    QString relation;
    QList<QTextLayout::FormatRange> bold;
    if (doc.addresseeKind == AddresseeKind::Garante) {
        const QString member = doc.memberName.simplified();
        const QString credit = unbroken(doc.creditNumber);
        relation = doc.memberCedula.isEmpty()
                       ? tr("Garante del crédito N.º\u00A0%1 de %2").arg(credit, member)
                       : tr("Garante del crédito N.º\u00A0%1 de %2 (C.I. %3)").arg(credit, member, doc.memberCedula);
        QTextCharFormat strong;
        strong.setFontWeight(QFont::Bold);
        if (const qsizetype at = member.isEmpty() ? -1 : relation.lastIndexOf(member); at >= 0)
            bold.append({static_cast<int>(at), static_cast<int>(member.size()), strong});
    } else {
        relation = tr("Socio titular del crédito N.º\u00A0%1").arg(unbroken(doc.creditNumber));
    }
    add(c, block(relation, f.body, width, Qt::AlignLeft, 3, bold), 0, f.body);
    add(c, block(tr("Presente.-"), f.body, width, Qt::AlignLeft, 1), 0, f.body);
    gap(4);

    // The body, as the cooperative wrote it. Cut only when even the smallest type would not fit.
    const qreal bodyTop = c.bottom;
    const qreal line = lineHeight(f.body);
    for (const QString &paragraph : doc.paragraphs) {
        if (paragraph.trimmed().isEmpty())
            continue;
        const qreal lines = std::floor((bodyTop + bodyLimit - c.bottom) / line + 1e-6);
        const int room = static_cast<int>(std::min(lines, 10000.0));
        if (room <= 0)
            break;
        add(c, block(paragraph.trimmed(), f.body, width, Qt::AlignJustify, room), 0, f.body);
        gap(2.2);
    }
    gap(1.5);

    // The figures, boxed: what the member owes and until when, readable at a glance.
    struct Figure
    {
        QString label;
        QString value;
        qreal weight;
        bool oneLine; // amounts shrink rather than break
    };
    const QList<Figure> figures{
        {tr("Crédito"), doc.creditNumber, 1.15, false},
        {tr("Cuotas vencidas"), QString::number(doc.overdueInstallments), 1.0, true},
        {tr("Días de mora"), QString::number(doc.daysPastDue), 0.9, true},
        {tr("Valor vencido"), doc.overdue.toDisplayString(), 1.05, true},
        {tr("Total a pagar"), doc.totalToPay.toDisplayString(), 1.05, true},
        {tr("Pague hasta"), shortDate(doc.payBy), 1.0, true},
    };
    qreal weights = 0;
    for (const Figure &fig : figures)
        weights += fig.weight;
    const qreal pad = mm(1.2);
    QList<qreal> edges{0};
    QList<TextBlock> heads, values;
    QList<QFont> valueFonts;
    qreal headHeight = 0, valueHeight = 0;
    for (const Figure &fig : figures) {
        edges.append(edges.last() + width * fig.weight / weights);
        const qreal inner = edges.last() - edges.at(edges.size() - 2) - 2 * pad;
        heads.append(block(fig.label, m_cellHead, inner, Qt::AlignHCenter, 2));
        QFont font = m_cellValue;
        if (fig.oneLine) {
            const qreal natural = metrics(font).horizontalAdvance(fig.value);
            if (natural > inner)
                font.setPointSizeF(font.pointSizeF() * std::max(0.6, inner / natural * 0.97));
        }
        valueFonts.append(font);
        values.append(block(fig.value, font, inner, Qt::AlignHCenter, 3));
        headHeight = std::max(headHeight, heads.last().height());
        valueHeight = std::max(valueHeight, values.last().height());
    }
    const qreal tableTop = c.bottom;
    const qreal headRow = headHeight + 2 * pad;
    const qreal valueRow = std::max(valueHeight, lineHeight(m_cellValue)) + 2 * pad;
    c.ops.push_back([this, edges, heads, values, valueFonts, tableTop, headRow, valueRow, pad] {
        const QRectF frame(0, tableTop, edges.last(), headRow + valueRow);
        m_painter.fillRect(QRectF(0, tableTop, edges.last(), headRow), QColor(225, 225, 225));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.setPen(QPen(Qt::black, mm(0.15)));
        m_painter.drawLine(QPointF(0, tableTop + headRow), QPointF(edges.last(), tableTop + headRow));
        for (qsizetype i = 1; i + 1 < edges.size(); ++i)
            m_painter.drawLine(QPointF(edges.at(i), tableTop), QPointF(edges.at(i), frame.bottom()));
        m_painter.setPen(QPen(Qt::black, mm(0.35)));
        m_painter.drawRect(frame);
        for (qsizetype i = 0; i < heads.size(); ++i) {
            const qreal x = edges.at(i) + pad;
            drawBlock(heads.at(i), QPointF(x, tableTop + (headRow - heads.at(i).height()) / 2), m_cellHead);
            drawBlock(values.at(i), QPointF(x, tableTop + headRow + (valueRow - values.at(i).height()) / 2),
                      valueFonts.at(i));
        }
    });
    c.bottom += headRow + valueRow;
    gap(4);

    // Where to go: the branch that holds the credit.
    const QString branch = doc.branchName.simplified();
    QString contact = branch.isEmpty() ? tr("Acérquese a nuestras oficinas")
                                       : tr("Acérquese a la agencia %1").arg(branch);
    if (!doc.branchAddress.trimmed().isEmpty())
        contact = tr("%1, %2").arg(contact, doc.branchAddress.simplified());
    if (!doc.branchPhone.trimmed().isEmpty())
        contact = tr("%1, teléfono %2").arg(contact, unbroken(doc.branchPhone));
    add(c, block(contact + u'.', f.body, width, Qt::AlignLeft, 3), 0, f.body);
    gap(3);

    // The signature: room to sign, then who signs, for which branch.
    add(c, block(tr("Atentamente,"), f.body, width, Qt::AlignLeft, 1), 0, f.body);
    gap(18);
    const qreal signWidth = mm(95);
    const qreal signX = (width - signWidth) / 2;
    const qreal signLine = c.bottom;
    c.ops.push_back([this, signX, signWidth, signLine] {
        m_painter.setPen(QPen(Qt::black, mm(0.25)));
        m_painter.drawLine(QPointF(signX, signLine), QPointF(signX + signWidth, signLine));
    });
    c.bottom += mm(0.8);
    if (!doc.signerName.trimmed().isEmpty())
        add(c, block(doc.signerName.simplified(), f.bodyBold, signWidth, Qt::AlignHCenter, 2), signX, f.bodyBold);
    if (!doc.signerRole.trimmed().isEmpty())
        add(c, block(doc.signerRole.simplified(), f.body, signWidth, Qt::AlignHCenter, 2), signX, f.body);
    if (!doc.branchName.trimmed().isEmpty())
        add(c, block(tr("Agencia %1").arg(doc.branchName.simplified()), f.body, signWidth, Qt::AlignHCenter, 2),
            signX, f.body);
    return c;
}

void Renderer::paintWatermark()
{
    if (m_watermark.isEmpty()) {
        QFont font = makeFont(10, true);
        font.setLetterSpacing(QFont::PercentageSpacing, 100);
        font.setPixelSize(static_cast<int>(mm(45)));
        QPainterPath path;
        path.addText(0, 0, font, tr("COPIA"));
        const QRectF r = path.boundingRect();
        path.translate(-r.center());
        m_watermark = path;
    }
    // A path, not text: it must not interleave with the letter when the PDF is read back or searched.
    m_painter.save();
    m_painter.translate(m_page.center());
    m_painter.rotate(-std::atan2(m_page.height(), m_page.width()) * 180 / std::numbers::pi);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(QColor(228, 228, 228));
    m_painter.drawPath(m_watermark);
    m_painter.restore();
}

qreal Renderer::stubHeight() const
{
    return mm(6) + lineHeight(m_stubTitle) + mm(1) + 2 * lineHeight(m_stubLabel) + mm(1) + 2 * mm(9) + mm(1);
}

// The receipt the notifier cuts off and brings back: proof the notice was delivered, and to whom.
void Renderer::paintStub(const NoticeDocument &doc, qreal top)
{
    const qreal width = m_page.width();
    // The cut line, with its instruction in a gap in the middle.
    const QString cut = tr("Desprenda este talón y devuélvalo firmado");
    m_painter.setFont(m_small);
    const qreal cutText = metrics(m_small).horizontalAdvance(cut) + mm(4);
    const qreal cutY = top + mm(2);
    QPen dashed(Qt::black, mm(0.25));
    dashed.setDashPattern({10, 6}); // in pen widths: 2.5 mm dashes, easy to follow with scissors
    m_painter.setPen(dashed);
    m_painter.drawLine(QPointF(0, cutY), QPointF((width - cutText) / 2, cutY));
    m_painter.drawLine(QPointF((width + cutText) / 2, cutY), QPointF(width, cutY));
    m_painter.setPen(Qt::black);
    m_painter.drawText(QRectF(0, cutY - lineHeight(m_small) / 2, width, lineHeight(m_small)), Qt::AlignCenter, cut);

    qreal y = top + mm(6);
    const qreal titleLine = lineHeight(m_stubTitle);
    m_painter.setFont(m_stubTitle);
    m_painter.drawText(QRectF(0, y, width, titleLine), Qt::AlignLeft | Qt::AlignVCenter, tr("RECIBÍ CONFORME"));
    m_painter.drawText(QRectF(0, y, width, titleLine), Qt::AlignRight | Qt::AlignVCenter,
                       tr("N.º %1").arg(doc.reference()));
    y += titleLine + mm(1);

    const QString title = doc.title.simplified();
    const QString name = doc.addresseeName.simplified();
    const QString credit = unbroken(doc.creditNumber);
    const QString what = doc.addresseeKind == AddresseeKind::Garante
                             ? tr("%1 dirigida a %2, garante del crédito N.º\u00A0%3 de %4.")
                                   .arg(title, name, credit, doc.memberName.simplified())
                             : tr("%1 dirigida a %2, socio titular del crédito N.º\u00A0%3.")
                                   .arg(title, name, credit);
    const TextBlock about = block(what, m_stubLabel, width, Qt::AlignLeft, 2);
    drawBlock(about, QPointF(0, y), m_stubLabel);
    y += 2 * lineHeight(m_stubLabel) + mm(1);

    // Blanks for whoever receives it: the addressee or someone of the household.
    struct Blank
    {
        QString label;
        qreal widthMm; // of the 170 mm between 20 mm margins, scaled to the paper
    };
    const QList<QList<Blank>> rows{
        {{tr("Nombre:"), 112}, {tr("C.I.:"), 58}},
        {{tr("Fecha:"), 48}, {tr("Hora:"), 30}, {tr("Firma:"), 92}},
    };
    const qreal stretch = width / mm(170);
    const qreal rowHeight = mm(9);
    m_painter.setFont(m_stubLabel);
    for (const QList<Blank> &row : rows) {
        y += rowHeight;
        qreal x = 0;
        for (const Blank &b : row) {
            const qreal slot = mm(b.widthMm) * stretch;
            const qreal label = metrics(m_stubLabel).horizontalAdvance(b.label) + mm(1.5);
            m_painter.setPen(Qt::black);
            m_painter.drawText(QPointF(x, y - mm(0.8) - metrics(m_stubLabel).descent()), b.label);
            m_painter.setPen(QPen(Qt::black, mm(0.2)));
            m_painter.drawLine(QPointF(x + label, y - mm(0.8)), QPointF(x + slot - mm(4), y - mm(0.8)));
            x += slot;
        }
    }
}

void Renderer::paintFooter(const NoticeDocument &doc, int page, int pages)
{
    const qreal height = lineHeight(m_small);
    const QRectF line(0, m_page.bottom() - height, m_page.width(), height);
    m_painter.setPen(Qt::black);
    m_painter.setFont(m_small);
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, tr("N.º %1").arg(doc.reference()));
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, tr("Página %1 de %2").arg(page).arg(pages));
}

void Renderer::paintPage(const NoticeDocument &doc, int page, int pages)
{
    if (doc.copy)
        paintWatermark(); // first: everything else is painted over it
    const qreal top = paintHead(doc);
    const qreal footerTop = m_page.bottom() - lineHeight(m_small);
    const qreal stubTop = footerTop - mm(1.5) - stubHeight();
    const qreal limit = stubTop - mm(3);

    Composition letter;
    for (size_t i = 0; i < kScales.size(); ++i) {
        letter = compose(doc, top, m_fonts[i], std::numeric_limits<qreal>::infinity());
        if (letter.bottom <= limit)
            break;
    }
    if (letter.bottom > limit) {
        // Even the smallest type does not hold it: the body gets what is left and is cut there.
        const Fonts &smallest = m_fonts.back();
        const qreal rest = compose(doc, top, smallest, 0).bottom;
        letter = compose(doc, top, smallest, std::max(0.0, limit - rest));
    }
    for (const auto &op : letter.ops)
        op();
    paintStub(doc, stubTop);
    paintFooter(doc, page, pages);
}

} // namespace

int NoticeReport::render(QPagedPaintDevice *device, const QList<NoticeDocument> &docs, const Progress &progress) const
{
    if (docs.isEmpty())
        return 0;
    QPainter painter(device);
    if (!painter.isActive())
        return 0;
    Renderer renderer(device, painter, m_letterhead);
    const int pages = static_cast<int>(docs.size());
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device->newPage();
        renderer.paintPage(docs.at(i), i + 1, pages);
        if (progress && !progress(i + 1, pages)) {
            // Half a batch on paper is worse than none: the printer's job is dropped.
            if (device->devType() == QInternal::Printer)
                static_cast<QPrinter *>(device)->abort();
            painter.end();
            return -1;
        }
    }
    return pages;
}

bool NoticeReport::writePdf(const QString &path, const QList<NoticeDocument> &docs, QString *error,
                            const Progress &progress) const
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (docs.isEmpty())
        return fail(tr("No hay notificaciones para imprimir."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("No se pudo crear el archivo %1: %2").arg(path, file.errorString()));
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 14, 20, 10),
                                         QPageLayout::Millimeter));
        writer.setResolution(300); // finer than any printer needs for text and rules
        writer.setTitle(docs.size() == 1 ? tr("Notificación %1").arg(docs.first().reference())
                                         : tr("Notificaciones de cobranza (%1)").arg(docs.size()));
        writer.setCreator(QStringLiteral("Cobranza " COBRANZA_VERSION));
        pages = render(&writer, docs, progress);
    }
    // Not committed, the temporary file is removed and `path` keeps what it had.
    if (pages < 0)
        return fail(tr("Se ha cancelado la impresión de las notificaciones: no se guardó %1.").arg(path));
    if (pages == 0)
        return fail(tr("No se pudo generar el PDF de notificaciones en %1.").arg(path));
    if (!file.commit())
        return fail(tr("No se pudo guardar el archivo %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace cobranza
