#pragma once

#include "clock.h"
#include "session.h"

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace cobranza {

class Database;
class ErrorSummaryModel;

// "Errores F.1-A": the month's errors per person and type against the previous month, as the
// Comité de Gestión de Crédito receives them, with each person's error lines; exported to PDF,
// Excel or CSV with the report's writers.
class ErrorReportPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorReportPage)

public:
    ErrorReportPage(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    QDate month() const; // the first day of the month shown
    void setMonth(QDate anyDayOfIt);
    void setBranch(const QString &branchCode, const QString &branchName); // empty code: every branch
    void reload();

    QDateEdit *monthEdit() const { return m_month; }
    QTableView *summaryTable() const { return m_summary; }
    ErrorSummaryModel *model() const { return m_model; }
    QTableWidget *detailTable() const { return m_detail; }

    // Writes the report shown at `path`, the format by its extension (.pdf, .xlsx, .csv); says
    // where on the page, or why not in a message box.
    bool exportTo(const QString &path);
    // Asks where, suggesting "F1A-IBA-2026-11.<suffix>", then exports.
    void exportAs(const QString &suffix);

private:
    void showDetail();

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branch;
    QString m_branchName;

    QDateEdit *m_month;
    QLabel *m_totals;
    ErrorSummaryModel *m_model;
    QTableView *m_summary;
    QLabel *m_detailTitle;
    QTableWidget *m_detail;
    QLabel *m_status;
};

} // namespace cobranza
