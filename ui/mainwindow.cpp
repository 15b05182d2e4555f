#include "mainwindow.h"

#include "portfoliomodel.h"
#include "store/database.h"
#include "store/settingsstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace cobranza {

MainWindow::MainWindow(Database &db, QWidget *parent)
    : QMainWindow(parent),
      m_db(db),
      m_model(new PortfolioModel(this)),
      m_snapshots(new QComboBox),
      m_search(new QLineEdit),
      m_table(new QTableView),
      m_totals(new QLabel)
{
    const QString cooperative = SettingsStore(m_db).value(SettingsStore::CooperativeName, tr("Cooperativa"));
    setWindowTitle(tr("Cobranza — %1").arg(cooperative));

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Corte:")));
    bar->addWidget(m_snapshots);
    bar->addSpacing(16);
    m_search->setPlaceholderText(tr("Buscar por nombre, cédula, socio o crédito"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    layout->addLayout(bar);

    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totals);
    setCentralWidget(central);

    statusBar()->showMessage(tr("Base de datos: %1").arg(m_db.path()));
    connect(m_snapshots, &QComboBox::currentIndexChanged, this, &MainWindow::showSnapshot);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applySearch);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateTotals);
    reloadSnapshots();
    resize(1280, 760);
}

void MainWindow::reloadSnapshots()
{
    m_snapshots->clear();
    for (const SnapshotInfo &s : listSnapshots(m_db))
        m_snapshots->addItem(tr("%1 — %2 créditos").arg(s.cutOff.toString(QStringLiteral("dd/MM/yyyy"))).arg(s.creditCount),
                             s.cutOff);
}

void MainWindow::showSnapshot(int index)
{
    const QDate cutOff = m_snapshots->itemData(index).toDate();
    m_model->setLines(cutOff.isValid() ? loadPortfolio(m_db, cutOff) : std::vector<PortfolioLine>{});
    m_table->resizeColumnsToContents();
}

void MainWindow::applySearch()
{
    PortfolioFilter filter;
    filter.search = m_search->text();
    m_model->setFilter(filter);
}

void MainWindow::updateTotals()
{
    m_totals->setText(tr("%1 créditos · saldo %2 · vencido %3")
                          .arg(QLocale().toString(m_model->visibleCount()), m_model->visibleBalance().toDisplayString(),
                               m_model->visibleOverdue().toDisplayString()));
}

} // namespace cobranza
