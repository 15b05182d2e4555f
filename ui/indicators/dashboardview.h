#pragma once

#include "indicators/indicatorloader.h"
#include "indicators/indicatorsheet.h"
#include "indicators/indicatortable.h"
#include "session.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace cobranza {

class Database;

// The supervisors' dashboard: the list of indicators, the chosen one's chart and numbers, its
// ficha técnica beside them, filters by branch and months, and the exports to Excel and PDF.
class DashboardView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardView)

public:
    DashboardView(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    // Reads the figures again (after an import, or when the filters change).
    void reload();
    bool selectIndicator(const QString &code);
    QString currentCode() const;
    const IndicatorTable &currentTable() const { return m_table; }
    const IndicatorInputs &inputs() const { return m_inputs; }

    // The numbers of the shown indicator, or of all, as a workbook; the shown chart as a PDF page.
    bool exportXlsx(const QString &path, bool all, QString *error = nullptr) const;
    bool exportPdf(const QString &path, QString *error = nullptr) const;

    QListWidget *indicatorList() const { return m_list; }
    QChartView *chartView() const { return m_chartView; }
    QComboBox *branchFilter() const { return m_branch; }
    QComboBox *fromMonth() const { return m_from; }
    QComboBox *toMonth() const { return m_to; }

private:
    void fillFilters();
    void showCurrent();
    void showSheet(const IndicatorSheet &sheet);
    void fillNumbers();
    void chooseXlsx(bool all);
    void choosePdf();
    void changeGoal();
    QString scopeText() const;
    QString suggestedName(const QString &suffix, bool all) const;

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    IndicatorService m_service;
    QList<IndicatorSheet> m_sheets;
    IndicatorInputs m_inputs;
    IndicatorTable m_table;
    QListWidget *m_list;
    QComboBox *m_branch;
    QComboBox *m_from;
    QComboBox *m_to;
    QLabel *m_title;
    QLabel *m_headline;
    QChartView *m_chartView;
    QTableWidget *m_numbers;
    QLabel *m_sheet;
    QPushButton *m_xlsx;
    QPushButton *m_pdf;
    QPushButton *m_goal;
};

} // namespace cobranza
