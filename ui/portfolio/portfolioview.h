#pragma once

#include "portfolio/portfolioquery.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace cobranza {

class Database;
class PortfolioFilterBar;
class PortfolioModel;

// The Cartera area: a cut-off chosen from the list, the filters, the table of credits and the
// totals of what is visible.
class PortfolioView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortfolioView)

public:
    // `branchScope` limits the view to one branch (the session's own); empty shows every branch.
    explicit PortfolioView(const Database &db, QString branchScope = {}, QWidget *parent = nullptr);

    void reloadSnapshots(QDate select = {}); // newest first; keeps or selects a cut-off
    QDate currentCutOff() const;
    void showCutOff(QDate cutOff);
    void focusSearch();
    void setFilter(const PortfolioFilter &filter);
    PortfolioFilter filter() const;

    PortfolioModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    PortfolioFilterBar *filterBar() const { return m_filters; }
    QString selectedCreditNumber() const;
    QString describeFilter() const; // "Sucursal IBA · Calif. ant. A3" for printed titles

signals:
    void creditActivated(const QString &creditNumber);
    void cutOffChanged(QDate cutOff);

private:
    void loadSelectedSnapshot();
    void updateTotals();

    const Database &m_db;
    QString m_branchScope;
    PortfolioModel *m_model;
    QComboBox *m_snapshots;
    PortfolioFilterBar *m_filters;
    QTableView *m_table;
    QLabel *m_totals;
    QLabel *m_emptyHint;
};

} // namespace cobranza
