#pragma once

#include "supervision/dailyreview.h"

#include <QAbstractTableModel>

namespace cobranza {

// The F.1-A summary on screen: a row per person, a column per error code, the total, the previous
// month and the change, and a last row with the totals — the same figures the printed report has.
class ErrorSummaryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorSummaryModel)

public:
    static constexpr int RawRole = Qt::UserRole; // the count as a number; the username on the first column

    explicit ErrorSummaryModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setReport(ErrorReport report);
    const ErrorReport &report() const { return m_report; }
    // The person of `row`; nullptr on the totals row.
    const MonthlyErrors *personAt(int row) const;
    bool isTotalsRow(int row) const { return row == static_cast<int>(m_report.people.size()); }

    // Columns: the person, one per error code (errorCatalogue() order), then these three.
    int totalColumn() const;
    int previousColumn() const { return totalColumn() + 1; }
    int changeColumn() const { return totalColumn() + 2; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    ErrorReport m_report;
};

} // namespace cobranza
