#pragma once

#include "routes/tray.h"

#include "ticks.h"

#include <QAbstractTableModel>
#include <QSet>
#include <vector>

namespace cobranza {

// The tray generator's table: the tray's lines, the index vector of the rows that pass the filter
// (computed in core), and the credits ticked for booking, which survive filtering and sorting.
class TrayModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayModel)

public:
    enum Column {
        Tick, Branch, Officer, Member, Cedula, Credit, Sector, DaysPastDue, Overdue, Rating, PreviousRating,
        Responsible, Booked, LastResult, Rescheduled, LadderStage, Notice, Promise, ColumnCount
    };

    explicit TrayModel(QObject *parent = nullptr);

    void setTray(Tray tray, PortfolioRules rules);
    void setFilter(const TrayFilter &filter);
    const Tray &tray() const { return m_tray; }
    const TrayFilter &filter() const { return m_filter; }
    int visibleCount() const { return static_cast<int>(m_visible.size()); }
    const PortfolioLine *lineAt(int row) const;
    const TrayStatus *statusAt(int row) const;

    // Ticked credits, in the order shown (the order they go on the route sheet).
    QStringList ticked() const;
    int tickedCount() const { return m_ticked.size(); }
    void setTicked(int row, bool on);
    void tickAllVisible();
    void clearTicks();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void tickedChanged(int count);

private:
    void refresh();
    QVariant display(int row, int column) const;
    const cobranza::LadderStage *stageOf(const PortfolioLine &l) const;

    Tray m_tray;
    PortfolioRules m_rules;
    TrayFilter m_filter;
    std::vector<int> m_visible;
    TickSet m_ticked;
    int m_sortColumn = -1; // -1: the cooperative's priority (reclassified first, then days)
    bool m_descending = false;
};

} // namespace cobranza
