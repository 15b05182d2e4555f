#pragma once

#include "portfolio/portfolioquery.h"

#include <QAbstractTableModel>
#include <vector>

namespace cobranza {

// The credits of one snapshot as a table: a vector of value types and the index vector of the rows
// that pass the filter, computed in core (a proxy model is too slow at 200,000 rows).
class PortfolioModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortfolioModel)

public:
    enum Column {
        Branch, Officer, Member, Cedula, Credit, Segment, Sector, Balance, Overdue, OverdueInstallments, DaysPastDue,
        Rating, PreviousRating, ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit PortfolioModel(QObject *parent = nullptr);

    void setLines(std::vector<PortfolioLine> lines);
    void setFilter(const PortfolioFilter &filter);
    const PortfolioLine *lineAt(int row) const;
    int visibleCount() const { return static_cast<int>(m_visible.size()); }
    Money visibleBalance() const;
    Money visibleOverdue() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

private:
    void refresh();

    std::vector<PortfolioLine> m_lines;
    std::vector<int> m_visible;
    PortfolioFilter m_filter;
    std::optional<PortfolioSortKey> m_sortKey;
    bool m_descending = false;
};

} // namespace cobranza
