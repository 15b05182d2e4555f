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
        Rating, PreviousRating, RiskLevel, Responsible, Reclassified, DaysToNextRating, LadderStage, ColumnCount
    };

    explicit PortfolioModel(QObject *parent = nullptr);

    void setLines(std::vector<PortfolioLine> lines, PortfolioRules rules);
    void setFilter(const PortfolioFilter &filter);
    const PortfolioFilter &filter() const { return m_filter; }
    const std::vector<PortfolioLine> &lines() const { return m_lines; }
    const std::vector<int> &visibleRows() const { return m_visible; }
    const PortfolioRules &rules() const { return m_rules; }
    const PortfolioLine *lineAt(int row) const;
    int visibleCount() const { return static_cast<int>(m_visible.size()); }
    Money visibleBalance() const { return m_balance; }
    Money visibleOverdue() const { return m_overdue; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

private:
    void refresh();
    QVariant display(const PortfolioLine &l, int column) const;

    std::vector<PortfolioLine> m_lines;
    std::vector<int> m_visible;
    PortfolioRules m_rules;
    PortfolioFilter m_filter;
    std::optional<PortfolioSortKey> m_sortKey;
    bool m_descending = false;
    Money m_balance;
    Money m_overdue;
};

} // namespace cobranza
