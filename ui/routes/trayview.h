#pragma once

#include "clock.h"
#include "portfolio/portfoliotypes.h"
#include "session.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace cobranza {

class Database;
class PortfolioFilterBar;
class TrayModel;

// The Bandejas area (Generación de bandejas para cobranza): a cut-off's overdue and about-to-fall-due
// credits with their booking status, filtered and sorted, ticked and booked onto a person's route
// sheet for a day.
class TrayView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayView)

public:
    TrayView(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    void reloadSnapshots(); // keeps the chosen cut-off, else opens on the user's default one
    void reloadTray();      // the same cut-off again, with fresh booking status
    QDate currentCutOff() const;

    TrayModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *staffChooser() const { return m_staff; }
    QDateEdit *dateEdit() const { return m_date; }
    QPushButton *bookButton() const { return m_book; }
    QLabel *statusLabel() const { return m_status; }
    // Shows only the rezagados (the Pivot's list of forgotten members).
    void showRezagados(bool on);

signals:
    // Visits were booked: the agenda of `date` for `staffId` changed.
    void booked(qint64 staffId, QDate date);

private:
    void fillStaff();
    void applyFilter();
    void staffChosen();
    void book();
    void updateTicked(int count);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branchScope;
    TrayModel *m_model;
    QComboBox *m_snapshots;
    PortfolioFilterBar *m_filters;
    QCheckBox *m_rezagados;
    QCheckBox *m_unbooked;
    QComboBox *m_responsible;
    QTableView *m_table;
    QLabel *m_totals;
    QPushButton *m_tickAll;
    QPushButton *m_clearTicks;
    QLabel *m_ticked;
    QComboBox *m_staff;
    QDateEdit *m_date;
    QPushButton *m_book;
    QLabel *m_status;
    bool m_columnsSized = false;
};

} // namespace cobranza
