#pragma once

#include "portfolio/portfolioquery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace cobranza {

// The row of filters above the portfolio table: branch, officer, sector, ratings, segment,
// days-past-due range, reclassified only and the search box. Emits the filter as one value.
class PortfolioFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortfolioFilterBar)

public:
    explicit PortfolioFilterBar(QWidget *parent = nullptr);

    // Offers the branches, officers and sectors present in the snapshot.
    void setChoices(const std::vector<PortfolioLine> &lines);
    PortfolioFilter filter() const;
    void setFilter(const PortfolioFilter &filter);
    void clear();
    void focusSearch();
    QLineEdit *searchBox() const { return m_search; }

signals:
    void filterChanged(const cobranza::PortfolioFilter &filter);

private:
    void refillDependentChoices();
    void emitChanged();

    const std::vector<PortfolioLine> *m_lines = nullptr;
    QLineEdit *m_search;
    QComboBox *m_branch;
    QComboBox *m_officer;
    QComboBox *m_sector;
    QComboBox *m_rating;
    QComboBox *m_previousRating;
    QComboBox *m_segment;
    QSpinBox *m_minDays;
    QSpinBox *m_maxDays;
    QCheckBox *m_reclassified;
    bool m_updating = false;
};

} // namespace cobranza
