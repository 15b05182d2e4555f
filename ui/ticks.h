#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QTableView;

namespace cobranza {

// The credits ticked in a list (the tray, the notices due), kept by credit number so that the ticks
// outlive searching, filtering, sorting and a reload of the list.
class TickSet final
{
public:
    bool contains(const QString &credit) const { return m_ticks.contains(credit); }
    int size() const { return static_cast<int>(m_ticks.size()); }
    void set(const QString &credit, bool on)
    {
        if (on)
            m_ticks.insert(credit);
        else
            m_ticks.remove(credit);
    }
    void clear() { m_ticks.clear(); }

    // Keeps only the ticks of credits the reloaded list still holds: a tick the list no longer
    // shows would be acted on unseen.
    template <typename Credits> void keepOnly(const Credits &credits)
    {
        QSet<QString> present;
        for (const QString &c : credits)
            if (m_ticks.contains(c))
                present.insert(c);
        m_ticks = std::move(present);
    }

    // The ticked credits in the order they are acted on: those `shown` in the order shown, then the
    // ones the filter hides now, in the list's order.
    template <typename Shown, typename All> QStringList ordered(const Shown &shown, const All &all) const
    {
        QStringList out;
        QSet<QString> taken;
        const auto take = [&](const QString &c) {
            if (m_ticks.contains(c) && !taken.contains(c)) {
                out.append(c);
                taken.insert(c);
            }
        };
        for (const QString &c : shown)
            take(c);
        for (const QString &c : all)
            take(c);
        return out;
    }

private:
    QSet<QString> m_ticks;
};

// The space bar ticks the selected rows of `table` — or the current row when none is selected —
// wherever the cursor stands in the row, through the model's check state in `tickColumn`: all on,
// unless the first is already ticked.
void tickWithSpaceBar(QTableView *table, int tickColumn);

// A list to tick rows in, as the tray and the notices due show theirs: `model` sorted by clicking a
// header, whole rows selected (several with Shift and Ctrl), one text line per row, the space bar
// ticking the selection.
void setUpTickList(QTableView *table, QAbstractItemModel *model, int tickColumn);

} // namespace cobranza
