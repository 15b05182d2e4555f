#include "dailyerrordocument.h"

#include "pdffile.h"
#include "datetext.h"
#include "errorreport.h"
#include "flowrenderer.h"

#include <QCoreApplication>
#include <QMap>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>

// The daily error report as printed: layout, pagination and painting (dailyerrordocument.h).
namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::DailyErrorReport", s); }


QString errorCount(qsizetype n) { return n == 1 ? tr("1 error") : tr("%1 errores").arg(n); }

// "E01×2 E03": a person's codes, each with how many, in the catalogue's order.
QString codesOf(const DailyErrorPerson &p)
{
    QMap<QString, int> counts;
    for (const DailyErrorLine &l : p.errors)
        counts[errorInfo(l.error.type).code] += 1;
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(it.value() == 1 ? it.key() : QStringLiteral("%1×%2").arg(it.key()).arg(it.value()));
    return parts.join(u' ');
}

const QColor kGrey(90, 90, 90);

// Lays out and paints the report: page 1 the day's summary, then a page for each person with errors.
class Renderer final : public FlowRenderer
{
public:
    Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead,
             const DailyErrorReport &report, const QString &printedBy, const QDateTime &printedAt);
    int run();

private:
    qreal firstHeading(qreal y, bool draw);
    qreal nextHeading(qreal y, bool draw);
    void paintFooter(int page, int pages);

    void addSummary();
    void addPerson(const DailyErrorPerson &p);
    qreal summaryHeader(qreal y, bool draw);
    qreal personBand(qreal y, const DailyErrorPerson &p, bool continued, bool draw);
    qreal errorHeader(qreal y, bool draw);
    QString roleText(const DailyErrorPerson &p) const;
    void hline(qreal y, const QColor &color, qreal width);

    const Letterhead &m_letterhead;
    const DailyErrorReport &m_report;
    QString m_printedBy;
    QDateTime m_printedAt;
    QString m_branchText;
    QString m_dayText;
    QFont m_base, m_cell, m_cellBold, m_head, m_title, m_section, m_name, m_small, m_smallBold;
    qreal m_padX, m_padY;
    QList<FlowColumn> m_summaryColumns, m_errorColumns;
    QList<qreal> m_summaryEdges, m_errorEdges;
};

Renderer::Renderer(QPagedPaintDevice *device, QPainter &painter, const Letterhead &letterhead,
                   const DailyErrorReport &report, const QString &printedBy, const QDateTime &printedAt)
    : FlowRenderer(device, painter), m_letterhead(letterhead), m_report(report), m_printedBy(printedBy),
      m_printedAt(printedAt), m_branchText(errorReportBranchText(report.branchCode, report.branchName)),
      m_dayText(dailyErrorDayText(report.day))
{
    m_base = reportFont(8.5, false);
    m_cell = reportFont(8, false);
    m_cellBold = reportFont(8, true);
    m_head = reportFont(7.5, true);
    m_title = reportFont(13, true);
    m_section = reportFont(10, true);
    m_name = reportFont(10, true);
    m_small = reportFont(7, false);
    m_smallBold = reportFont(7, true);
    m_padX = mm(1.2);
    m_padY = mm(0.9);
    // Widths in millimetres of the 186 mm between 12 mm margins of A4 portrait.
    // The role goes under the name: four-word names then fit on one line.
    m_summaryColumns = {{tr("Funcionario y cargo"), 80, Qt::AlignLeft},
                        {tr("Siglas"), 14, Qt::AlignLeft},
                        {tr("Visitas agendadas"), 20, Qt::AlignHCenter},
                        {tr("Resultados registrados"), 22, Qt::AlignHCenter},
                        {tr("Errores"), 22, Qt::AlignHCenter},
                        {tr("Códigos"), 28, Qt::AlignLeft}};
    // The note is what is told to the person: it gets the widest column.
    m_errorColumns = {{tr("Código"), 14, Qt::AlignLeft},
                      {tr("Error"), 44, Qt::AlignLeft},
                      {tr("Crédito"), 21, Qt::AlignLeft},
                      {tr("Socio"), 50, Qt::AlignLeft},
                      {tr("Detalle"), 57, Qt::AlignLeft}};
    m_summaryEdges = edgesOf(m_summaryColumns);
    m_errorEdges = edgesOf(m_errorColumns);
}

void Renderer::hline(qreal y, const QColor &color, qreal width)
{
    m_painter.setPen(QPen(color, mm(width)));
    rule(y, m_page.width());
    m_painter.setPen(Qt::black);
}

QString Renderer::roleText(const DailyErrorPerson &p) const
{
    // Every branch on one paper: each person says which one is his.
    if (m_report.branchCode.isEmpty() && !p.branchCode.isEmpty())
        return tr("%1 · Agencia %2").arg(roleLabel(p.role), p.branchCode);
    return roleLabel(p.role);
}

qreal Renderer::firstHeading(qreal y, bool draw)
{
    const qreal line = lineHeight(m_base);
    // A long weekday and month must not run off the page: the title shrinks to the width.
    const QString title = tr("Reporte diario de errores — %1").arg(m_dayText);
    QFont titleFont = m_title;
    const qreal natural = metrics(titleFont).horizontalAdvance(title);
    if (natural > m_page.width())
        titleFont.setPointSizeF(titleFont.pointSizeF() * m_page.width() / natural * 0.97);
    const qreal titleHeight = lineHeight(m_title);
    const bool printed = !m_printedBy.isEmpty() || m_printedAt.isValid();
    QList<std::pair<QString, QString>> fields{
        {tr("Agencia:"), errorReportBranchField(m_report.branchCode, m_report.branchName)},
        {tr("Día:"), m_report.workingDay ? dayText(m_report.day)
                                         : tr("%1 (día no laborable)").arg(dayText(m_report.day))},
    };
    if (printed)
        fields << std::pair{tr("Impreso por:"), m_printedBy}
               << std::pair{tr("Impreso el:"), m_printedAt.isValid()
                                                   ? m_printedAt.toString(QStringLiteral("dd/MM/yyyy HH:mm"))
                                                   : QString()};
    const qreal fieldsTop = y + titleHeight + line + mm(2);
    if (draw) {
        drawText(QRectF(0, y, m_page.width(), titleHeight), title, titleFont, Qt::AlignHCenter);
        drawText(QRectF(0, y + titleHeight, m_page.width(), line),
                 tr("Revisión diaria del Pivot de Crédito: los errores del día de cada funcionario"), m_base,
                 Qt::AlignHCenter);
        // Two fields a row, each half of the page: label, then its value.
        const qreal half = m_page.width() / 2;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const qreal x = (i % 2) * half;
            const qreal top = fieldsTop + (i / 2) * line;
            const qreal labelWidth = metrics(m_cellBold).horizontalAdvance(fields.at(i).first) + mm(1.5);
            drawText(QRectF(x, top, labelWidth, line), fields.at(i).first, m_cellBold, Qt::AlignLeft);
            drawText(QRectF(x + labelWidth, top, half - labelWidth - mm(3), line), fields.at(i).second, m_cell,
                     Qt::AlignLeft);
        }
    }
    return fieldsTop + (fields.size() + 1) / 2 * line + mm(4);
}

qreal Renderer::nextHeading(qreal y, bool draw)
{
    // A person's page goes from hand to hand alone: it names the report, the branch and the day.
    const qreal height = lineHeight(m_section);
    if (draw) {
        const qreal titleWidth = metrics(m_section).horizontalAdvance(tr("Reporte diario de errores")) + mm(4);
        drawText(QRectF(0, y, titleWidth, height), tr("Reporte diario de errores"), m_section, Qt::AlignLeft);
        drawText(QRectF(titleWidth, y, m_page.width() - titleWidth, height),
                 tr("%1 · %2").arg(m_branchText, m_dayText), m_cell, Qt::AlignRight);
    }
    return y + height + mm(3);
}

void Renderer::paintFooter(int page, int pages)
{
    const qreal height = lineHeight(m_small);
    const qreal top = m_page.bottom() - height;
    hline(top - mm(1), Qt::black, 0.2);
    const QRectF box(0, top, m_page.width(), height);
    drawText(box, tr("Reporte diario de errores · %1 · %2").arg(m_branchText, dayText(m_report.day)), m_small,
             Qt::AlignLeft);
    QString right = tr("Página %1 de %2").arg(page).arg(pages);
    if (m_printedAt.isValid())
        right = tr("Impreso el %1 · %2").arg(m_printedAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")), right);
    drawText(box, right, m_small, Qt::AlignRight);
}

qreal Renderer::summaryHeader(qreal y, bool draw)
{
    const qreal height = 2 * lineHeight(m_head) + 2 * m_padY;
    if (draw) {
        m_painter.fillRect(QRectF(0, y, m_page.width(), height), QColor(220, 220, 220));
        for (qsizetype c = 0; c < m_summaryColumns.size(); ++c) {
            const qreal width = m_summaryEdges.at(c + 1) - m_summaryEdges.at(c) - 2 * m_padX;
            const QStringList lines = wrap(m_summaryColumns.at(c).title, m_head, width, 2);
            // One-line titles sit in the middle of the two-line band.
            const qreal top = y + m_padY + (2 - lines.size()) * lineHeight(m_head) / 2;
            drawLines(lines, m_summaryEdges.at(c) + m_padX, top, width, m_head, m_summaryColumns.at(c).align);
        }
        hline(y, Qt::black, 0.3);
        hline(y + height, Qt::black, 0.3);
    }
    return y + height;
}

void Renderer::addSummary()
{
    const qreal sectionHeight = lineHeight(m_section) + mm(2.5);
    m_pieces.append({sectionHeight,
                     [this, sectionHeight](qreal y) {
                         drawText(QRectF(0, y + mm(1.5), m_page.width(), sectionHeight - mm(1.5)),
                                  tr("Funcionarios revisados"), m_section, Qt::AlignLeft);
                     },
                     {}, true});
    const qreal line = lineHeight(m_cell);
    if (m_report.people.isEmpty()) {
        // An empty day is a result too: it says so, rather than a table with nothing in it.
        QString text = tr("Nadie tenía visitas agendadas ni errores el %1.").arg(m_dayText);
        if (!m_report.workingDay)
            text += u' ' + tr("Es un día no laborable.");
        const QStringList lines = wrap(text, m_cellBold, m_page.width() - 2 * mm(3), 3);
        const qreal height = lines.size() * line + 2 * mm(3);
        m_pieces.append({height, [this, lines, height](qreal y) {
                             m_painter.setPen(QPen(Qt::black, mm(0.3)));
                             m_painter.setBrush(QColor(240, 240, 240));
                             m_painter.drawRect(QRectF(0, y, m_page.width(), height));
                             m_painter.setBrush(Qt::NoBrush);
                             drawLines(lines, mm(3), y + mm(3), m_page.width() - 2 * mm(3), m_cellBold, Qt::AlignLeft);
                         },
                         {}});
        return;
    }
    m_pieces.append({summaryHeader(0, false), [this](qreal y) { summaryHeader(y, true); }, {}, true});
    const auto resume = [this](qreal y, bool draw) { return summaryHeader(y, draw); };
    const auto width = [this](int c) { return m_summaryEdges.at(c + 1) - m_summaryEdges.at(c) - 2 * m_padX; };
    int booked = 0, entered = 0, withErrors = 0;
    for (const DailyErrorPerson &p : m_report.people) {
        booked += p.booked;
        entered += p.entered;
        withErrors += p.errors.isEmpty() ? 0 : 1;
        const QStringList name = wrap(p.name, m_cell, width(0), 2);
        const QStringList role = wrap(roleText(p), m_small, width(0), 1);
        const QList<QStringList> cells{{},
                                       {p.initials},
                                       {QString::number(p.booked)},
                                       {QString::number(p.entered)},
                                       {p.errors.isEmpty() ? tr("Sin errores") : QString::number(p.errors.size())},
                                       wrap(codesOf(p), m_cell, width(5), 2)};
        qreal height = name.size() * line + role.size() * lineHeight(m_small);
        for (const QStringList &c : cells)
            height = std::max(height, c.size() * line);
        height += 2 * m_padY;
        const bool clean = p.errors.isEmpty();
        m_pieces.append({height,
                         [this, name, role, cells, height, clean, width, line](qreal y) {
                             drawLines(name, m_padX, y + m_padY, width(0), m_cell, Qt::AlignLeft);
                             drawLines(role, m_padX, y + m_padY + name.size() * line, width(0), m_small, Qt::AlignLeft,
                                       kGrey);
                             for (qsizetype c = 1; c < cells.size(); ++c)
                                 drawLines(cells.at(c), m_summaryEdges.at(c) + m_padX, y + m_padY,
                                           width(static_cast<int>(c)), c == 4 && !clean ? m_cellBold : m_cell,
                                           m_summaryColumns.at(c).align);
                             hline(y + height, QColor(160, 160, 160), 0.15);
                         },
                         resume});
    }
    // The total closes the table with its last person, and the note below travels with it.
    m_pieces.last().keepWithNext = true;
    const qreal totalHeight = line + 2 * m_padY;
    const int people = static_cast<int>(m_report.people.size());
    const QString totalLabel = m_report.branchCode.isEmpty()
                                   ? (people == 1 ? tr("Total (1 funcionario)") : tr("Total (%1 funcionarios)").arg(people))
                                   : (people == 1 ? tr("Total de la agencia (1 funcionario)")
                                                  : tr("Total de la agencia (%1 funcionarios)").arg(people));
    m_pieces.append({totalHeight,
                     [this, totalHeight, totalLabel, booked, entered](qreal y) {
                         hline(y, Qt::black, 0.3);
                         hline(y + totalHeight, Qt::black, 0.3);
                         const auto cell = [&](int c) {
                             return QRectF(m_summaryEdges.at(c) + m_padX, y,
                                           m_summaryEdges.at(c + 1) - m_summaryEdges.at(c) - 2 * m_padX, totalHeight);
                         };
                         drawText(QRectF(m_padX, y, m_summaryEdges.at(2) - 2 * m_padX, totalHeight), totalLabel,
                                  m_cellBold, Qt::AlignLeft);
                         drawText(cell(2), QString::number(booked), m_cellBold, Qt::AlignHCenter);
                         drawText(cell(3), QString::number(entered), m_cellBold, Qt::AlignHCenter);
                         drawText(cell(4), QString::number(m_report.total), m_cellBold, Qt::AlignHCenter);
                     },
                     resume, true});
    const QString note =
        m_report.total == 0
            ? tr("Ningún funcionario tuvo errores este día.")
            : (withErrors == 1 ? tr("%1 del día de 1 funcionario. Su página sigue a este resumen, para entregársela "
                                    "y que firme el enterado.")
                                     .arg(errorCount(m_report.total))
                               : tr("%1 del día de %2 funcionarios. La página de cada uno sigue a este resumen, para "
                                    "entregársela y que firme el enterado.")
                                     .arg(errorCount(m_report.total))
                                     .arg(withErrors));
    const QStringList noteLines = wrap(note, m_base, m_page.width(), 3);
    m_pieces.append({mm(2) + noteLines.size() * lineHeight(m_base), [this, noteLines](qreal y) {
                         drawLines(noteLines, 0, y + mm(2), m_page.width(), m_base, Qt::AlignLeft);
                     },
                     {}});
}

qreal Renderer::errorHeader(qreal y, bool draw)
{
    const qreal height = lineHeight(m_head) + 2 * m_padY;
    if (draw) {
        m_painter.fillRect(QRectF(0, y, m_page.width(), height), QColor(220, 220, 220));
        for (qsizetype c = 0; c < m_errorColumns.size(); ++c)
            drawText(QRectF(m_errorEdges.at(c) + m_padX, y, m_errorEdges.at(c + 1) - m_errorEdges.at(c) - 2 * m_padX,
                            height),
                     m_errorColumns.at(c).title, m_head, m_errorColumns.at(c).align);
        hline(y, Qt::black, 0.3);
        hline(y + height, Qt::black, 0.3);
    }
    return y + height;
}

qreal Renderer::personBand(qreal y, const DailyErrorPerson &p, bool continued, bool draw)
{
    const qreal first = lineHeight(m_name);
    const qreal second = lineHeight(m_cell);
    const qreal height = first + second + 2 * m_padY + mm(1);
    if (draw) {
        const QRectF band(0, y, m_page.width(), height - mm(1));
        m_painter.fillRect(band, QColor(235, 235, 235));
        hline(band.top(), Qt::black, 0.3);
        const QRectF top(m_padX, y + m_padY, m_page.width() - 2 * m_padX, first);
        const QRectF bottom(m_padX, y + m_padY + first, m_page.width() - 2 * m_padX, second);
        const QString initials = tr("Siglas: %1").arg(p.initials);
        const qreal initialsWidth = metrics(m_cellBold).horizontalAdvance(initials) + mm(4);
        const QString name = continued ? tr("%1 (%2) — continuación").arg(p.name, p.username)
                                       : tr("%1 (%2)").arg(p.name, p.username);
        drawText(top.adjusted(0, 0, -initialsWidth, 0), name, m_name, Qt::AlignLeft);
        drawText(top, initials, m_cellBold, Qt::AlignRight);
        const QString work = tr("%1 · %2 visitas agendadas · %3 resultados registrados")
                                 .arg(errorCount(p.errors.size()))
                                 .arg(p.booked)
                                 .arg(p.entered);
        const qreal workWidth = metrics(m_cell).horizontalAdvance(work) + mm(4);
        drawText(bottom.adjusted(0, 0, -workWidth, 0), roleText(p), m_cell, Qt::AlignLeft);
        drawText(bottom, work, m_cell, Qt::AlignRight);
    }
    return y + height;
}

void Renderer::addPerson(const DailyErrorPerson &p)
{
    // The band and the table's header open the person's own page, with at least his first error.
    FlowPiece opening{errorHeader(personBand(0, p, false, false), false),
                      [this, &p](qreal y) { errorHeader(personBand(y, p, false, true), true); }, {}, true, true};
    m_pieces.append(opening);
    const auto resume = [this, &p](qreal y, bool draw) { return errorHeader(personBand(y, p, true, draw), draw); };
    const auto width = [this](int c) { return m_errorEdges.at(c + 1) - m_errorEdges.at(c) - 2 * m_padX; };
    const qreal line = lineHeight(m_cell);
    for (const DailyErrorLine &l : p.errors) {
        const ErrorTypeInfo &info = errorInfo(l.error.type);
        // The error's name, then what it means: the person reads why it counts.
        const QStringList name = wrap(info.name, m_cellBold, width(1), 2);
        const QStringList meaning = wrap(info.description, m_small, width(1), 4);
        const QStringList member = wrap(l.memberName, m_cell, width(3), 2);
        const QStringList note = wrap(l.error.note.simplified(), m_cell, width(4), 8);
        const qreal height = std::max({name.size() * line + meaning.size() * lineHeight(m_small),
                                       member.size() * line, note.size() * line, line})
                             + 2 * m_padY;
        const QString code = info.code;
        const QString credit = l.error.creditNumber;
        m_pieces.append({height,
                         [this, height, name, meaning, member, note, code, credit, line, width](qreal y) {
                             const qreal top = y + m_padY;
                             drawText(QRectF(m_errorEdges.at(0) + m_padX, top, width(0), line), code, m_cellBold,
                                      Qt::AlignLeft);
                             drawLines(name, m_errorEdges.at(1) + m_padX, top, width(1), m_cellBold, Qt::AlignLeft);
                             drawLines(meaning, m_errorEdges.at(1) + m_padX, top + name.size() * line, width(1),
                                       m_small, Qt::AlignLeft, kGrey);
                             drawText(QRectF(m_errorEdges.at(2) + m_padX, top, width(2), line), credit, m_cell,
                                      Qt::AlignLeft);
                             drawLines(member, m_errorEdges.at(3) + m_padX, top, width(3), m_cell, Qt::AlignLeft);
                             drawLines(note, m_errorEdges.at(4) + m_padX, top, width(4), m_cell, Qt::AlignLeft);
                             hline(y + height, QColor(170, 170, 170), 0.15);
                         },
                         resume});
    }
    // The count and the signatures close the section with its last error, never alone on a page.
    m_pieces.last().keepWithNext = true;
    const qreal text = lineHeight(m_base);
    const qreal height = mm(2) + lineHeight(m_cellBold) + mm(16) + 2 * text;
    m_pieces.append({height, [this, &p, text](qreal y) {
                         drawText(QRectF(0, y + mm(2), m_page.width() - m_padX, lineHeight(m_cellBold)),
                                  tr("Total de %1: %2").arg(p.name, errorCount(p.errors.size())), m_cellBold,
                                  Qt::AlignRight);
                         // The person signs that he was told; the one who prints, that he told him.
                         const QList<std::pair<QString, QString>> signatures{
                             {p.name, tr("Enterado · firma y fecha")},
                             {m_printedBy, tr("Comunicado por · firma y fecha")}};
                         const qreal signWidth = mm(85);
                         const qreal top = y + mm(2) + lineHeight(m_cellBold) + mm(14);
                         for (qsizetype i = 0; i < signatures.size(); ++i) {
                             const qreal x = i == 0 ? mm(2) : m_page.width() - signWidth - mm(2);
                             m_painter.setPen(QPen(Qt::black, mm(0.2)));
                             rule(top, signWidth, x);
                             drawText(QRectF(x, top + mm(0.5), signWidth, text), signatures.at(i).first, m_base,
                                      Qt::AlignHCenter);
                             drawText(QRectF(x, top + mm(0.5) + text, signWidth, text), signatures.at(i).second,
                                      m_small, Qt::AlignHCenter, kGrey);
                         }
                     },
                     {}});
}

int Renderer::run()
{
    // The letterhead only says how tall it is by painting it: it goes on page 1 first.
    const qreal letterhead = paintLetterhead(m_letterhead, m_base);
    const qreal firstTop = firstHeading(letterhead, false);
    const qreal nextTop = nextHeading(letterhead, false);
    const qreal bottom = m_page.height() - lineHeight(m_small) - mm(3);

    addSummary();
    for (const DailyErrorPerson &p : m_report.people)
        if (!p.errors.isEmpty())
            addPerson(p);

    return paintPages(paginate(firstTop, nextTop, bottom), [this, letterhead](int page, int pages) {
        if (page == 0)
            firstHeading(letterhead, true);
        else
            nextHeading(paintLetterhead(m_letterhead, m_base), true);
        paintFooter(page + 1, pages);
    });
}

} // namespace

int DailyErrorDocument::render(QPagedPaintDevice *device, const DailyErrorReport &report) const
{
    QPainter painter(device);
    if (!painter.isActive())
        return 0;
    return Renderer(device, painter, m_letterhead, report, m_printedBy, m_printedAt).run();
}

bool DailyErrorDocument::writePdf(const QString &path, const DailyErrorReport &report, QString *error) const
{
    const QString title = tr("Reporte diario de errores – %1 – %2")
                              .arg(errorReportBranchText(report.branchCode, report.branchName), dailyErrorDayText(report.day));
    return writePdfFile(
        path, QPageLayout::Portrait, title, [&](QPagedPaintDevice *device) { return render(device, report) > 0; },
        tr("del reporte diario de errores"), error);
}

} // namespace cobranza
