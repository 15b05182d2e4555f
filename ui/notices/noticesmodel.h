#pragma once

#include "notices/noticeservice.h"

#include "ticks.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>
#include <vector>

namespace cobranza {

// The Notificaciones table: the notices due of a cut-off as core lists them, the rows a search
// leaves visible, and the credits ticked for printing, which survive searching and sorting.
class NoticesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticesModel)

public:
    enum Column {
        Tick, Branch, Notice, Credit, Member, Officer, DaysPastDue, Overdue, EpisodeStart, Printed, BookedTo,
        ColumnCount
    };

    explicit NoticesModel(QObject *parent = nullptr);

    void setNotices(std::vector<NoticeDue> notices);
    // Name, cédula, member or credit number, matched by core's portfolio filter; empty shows all.
    void setSearch(const QString &text);
    const std::vector<NoticeDue> &notices() const { return m_notices; }
    int visibleCount() const { return static_cast<int>(m_visible.size()); }
    const NoticeDue *noticeAt(int row) const;
    int rowOf(const QString &creditNumber) const; // -1 when not visible

    // Ticked credits in the order shown: the order the pages come out of the printer.
    QStringList ticked() const;
    QStringList visibleCredits() const;
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
    QVariant display(const NoticeDue &n, int column) const;

    std::vector<NoticeDue> m_notices;
    std::vector<int> m_visible;
    TickSet m_ticked;
    QString m_search; // folded
    int m_sortColumn = -1; // -1: core's order (branch, notice, most days first)
    bool m_descending = false;
};

} // namespace cobranza
