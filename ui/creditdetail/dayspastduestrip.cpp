#include "dayspastduestrip.h"

#include "datetext.h"
#include "creditdetailpages.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace cobranza {

namespace {
constexpr int kMinSlot = 4;  // narrower bars stop being readable; older cut-offs drop off the left
constexpr int kMaxBar = 28;
constexpr int kMaxSlot = 48; // a few cut-offs stay bars, not a wall
} // namespace

DaysPastDueStrip::DaysPastDueStrip(QList<CreditHistoryPoint> history, QWidget *parent)
    : QWidget(parent), m_history(std::move(history)), m_scaleDays(30)
{
    for (const CreditHistoryPoint &p : std::as_const(m_history))
        m_scaleDays = std::max(m_scaleDays, p.daysPastDue);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Días de mora por corte"));
}

QSize DaysPastDueStrip::sizeHint() const
{
    return {480, fontMetrics().height() * 2 + 72};
}

QSize DaysPastDueStrip::minimumSizeHint() const
{
    return {160, sizeHint().height()};
}

DaysPastDueStrip::Layout DaysPastDueStrip::layoutFor(const QRect &area) const
{
    const QFontMetrics fm = fontMetrics();
    Layout l;
    const int left = fm.horizontalAdvance(QString::number(m_scaleDays)) + 8;
    l.plot = area.adjusted(left, fm.height() + 4, -4, -(fm.height() + 6));
    const qsizetype fits = std::max<qsizetype>(1, l.plot.width() / kMinSlot);
    l.first = std::max<qsizetype>(0, m_history.size() - fits);
    const qsizetype shown = m_history.size() - l.first;
    l.slot = shown > 0 ? std::min<qreal>(kMaxSlot, qreal(l.plot.width()) / qreal(shown)) : 0;
    return l;
}

qsizetype DaysPastDueStrip::pointAt(const QPoint &pos) const
{
    const Layout l = layoutFor(rect());
    if (l.slot <= 0 || pos.x() < l.plot.left())
        return -1;
    const qsizetype i = l.first + static_cast<qsizetype>((pos.x() - l.plot.left()) / l.slot);
    return i < m_history.size() ? i : -1;
}

bool DaysPastDueStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype i = pointAt(help->pos());
        if (i >= 0) {
            const CreditHistoryPoint &p = m_history.at(i);
            QToolTip::showText(help->globalPos(), tr("Corte %1: %2 días de mora, %3")
                                                       .arg(dayText(p.cutOff))
                                                       .arg(p.daysPastDue)
                                                       .arg(ratingCode(p.rating)),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void DaysPastDueStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const Layout l = layoutFor(rect());
    const QColor text = palette().color(QPalette::WindowText);
    const QColor faint = palette().color(QPalette::Mid);

    // The frame: the scale's top and the zero line.
    p.setPen(faint);
    p.drawLine(l.plot.bottomLeft(), l.plot.bottomRight());
    p.setPen(QPen(faint, 1, Qt::DotLine));
    p.drawLine(l.plot.topLeft(), l.plot.topRight());
    p.setPen(text);
    p.drawText(QRect(0, l.plot.top() - fm.height() / 2, l.plot.left() - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, QString::number(m_scaleDays));
    p.drawText(QRect(0, l.plot.bottom() - fm.height() / 2, l.plot.left() - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));

    if (m_history.isEmpty()) {
        p.drawText(l.plot, Qt::AlignCenter, tr("Sin cortes registrados"));
        return;
    }

    const qreal barWidth = std::clamp<qreal>(l.slot - std::min<qreal>(8, l.slot / 4), 2, kMaxBar);
    const bool labelBars = l.slot >= fm.horizontalAdvance(QStringLiteral("000")) + 4;
    const bool dateEach = l.slot >= fm.horizontalAdvance(QStringLiteral("00/00")) + 6;
    for (qsizetype i = l.first; i < m_history.size(); ++i) {
        const CreditHistoryPoint &pt = m_history.at(i);
        const qreal x = l.plot.left() + qreal(i - l.first) * l.slot + (l.slot - barWidth) / 2;
        // An up-to-date cut-off still gets a sliver, so it reads as "al día" and not as missing.
        const qreal h = std::max<qreal>(2, qreal(l.plot.height()) * pt.daysPastDue / m_scaleDays);
        const QRectF bar(x, l.plot.bottom() - h + 1, barWidth, h);
        p.fillRect(bar, riskColor(riskLevelOf(pt.rating)));
        if (labelBars && pt.daysPastDue > 0) {
            p.setPen(text);
            p.drawText(QRectF(x - 6, bar.top() - fm.height() - 1, barWidth + 12, fm.height()), Qt::AlignCenter,
                       QString::number(pt.daysPastDue));
        }
        if (dateEach) {
            p.setPen(text);
            p.drawText(QRectF(x - 8, l.plot.bottom() + 4, barWidth + 16, fm.height()), Qt::AlignCenter,
                       pt.cutOff.toString(QStringLiteral("dd/MM")));
        }
    }
    if (!dateEach) {
        // Too many cut-offs for a date under each: the first and last shown say the span.
        p.setPen(text);
        const int right = l.plot.left() + qRound(l.slot * qreal(m_history.size() - l.first));
        const QRect under(l.plot.left(), l.plot.bottom() + 4, std::max(right - l.plot.left(), l.plot.width() / 2),
                          fm.height());
        p.drawText(under, Qt::AlignLeft, dayText(m_history.at(l.first).cutOff));
        p.drawText(under, Qt::AlignRight, dayText(m_history.constLast().cutOff));
    }
}

} // namespace cobranza
