#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cobranza {

class Database;
class PortfolioModel;

// The workstation's main window: for now the portfolio of a chosen cut-off in a table.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Database &db, QWidget *parent = nullptr);

private:
    void reloadSnapshots();
    void showSnapshot(int index);
    void applySearch();
    void updateTotals();

    Database &m_db;
    PortfolioModel *m_model;
    QComboBox *m_snapshots;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_totals;
};

} // namespace cobranza
