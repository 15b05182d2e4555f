#include "ticks.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QTableView>

namespace cobranza {

namespace {

// Watches a table's key presses for the space bar.
class SpaceBarTicks final : public QObject
{
public:
    SpaceBarTicks(QTableView *table, int tickColumn) : QObject(table), m_table(table), m_column(tickColumn) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_table && event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space
            && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
            toggle();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void toggle()
    {
        QAbstractItemModel *model = m_table->model();
        QModelIndexList rows = m_table->selectionModel()->selectedRows();
        // No selection (cleared by a dialog, say): the row under the cursor is the one meant.
        if (rows.isEmpty() && m_table->currentIndex().isValid())
            rows.append(m_table->currentIndex());
        if (!model || rows.isEmpty())
            return;
        const bool on = model->index(rows.first().row(), m_column).data(Qt::CheckStateRole).toInt() != Qt::Checked;
        for (const QModelIndex &r : rows)
            model->setData(model->index(r.row(), m_column), on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
    }

    QTableView *m_table;
    int m_column;
};

} // namespace

void setUpTickList(QTableView *table, QAbstractItemModel *model, int tickColumn)
{
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->horizontalHeader()->setHighlightSections(false);
    tickWithSpaceBar(table, tickColumn);
}

void tickWithSpaceBar(QTableView *table, int tickColumn)
{
    table->installEventFilter(new SpaceBarTicks(table, tickColumn));
}

} // namespace cobranza
