#pragma once

#include "supervision/dailyreview.h"

#include <QAbstractTableModel>
#include <QList>

namespace cobranza {

// The daily review's table: one row per person with the day's counts (core's ReviewRow); what
// needs a word from the Pivot (missing, late, errors) stands out.
class ReviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewModel)

public:
    enum Column { Person, Booked, Entered, Missing, Late, Rezagados, Errors, ColumnCount };
    static constexpr int RawRole = Qt::UserRole; // the number behind a count, for tests and sorting

    explicit ReviewModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(QList<ReviewRow> rows);
    const QList<ReviewRow> &rows() const { return m_rows; }
    const ReviewRow *rowAt(int row) const;
    int rowOf(qint64 staffId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ReviewRow> m_rows;
};

} // namespace cobranza
