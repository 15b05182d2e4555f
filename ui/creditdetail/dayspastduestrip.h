#pragma once

#include "portfolio/creditfile.h"

#include <QWidget>

namespace cobranza {

// Bars of days past due by cut-off (oldest left), coloured by the rating's risk level, so the shape
// of a credit's slide is seen before the history table is read.
class DaysPastDueStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaysPastDueStrip)

public:
    explicit DaysPastDueStrip(QList<CreditHistoryPoint> history, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Layout
    {
        QRect plot;
        qsizetype first = 0; // index of the oldest cut-off that fits
        qreal slot = 0;      // horizontal room of one cut-off
    };
    Layout layoutFor(const QRect &area) const;
    qsizetype pointAt(const QPoint &pos) const;

    QList<CreditHistoryPoint> m_history;
    int m_scaleDays; // the top of the plot: at least a month, so a few days do not fill it
};

} // namespace cobranza
