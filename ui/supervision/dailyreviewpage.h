#pragma once

#include "clock.h"
#include "routes/routesheet.h"
#include "session.h"

#include <QDate>
#include <QHash>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace cobranza {

class Database;
class ReviewModel;
struct ReviewRow;

// "Revisión diaria": the Pivot's morning reading of a day — per person, visits booked and results
// entered, missing and late, rezagados and errors; the chosen person's results that need a
// justification, which the Pivot verifies by phone, and the person's errors of the day, to which
// she adds those the rules cannot see.
class DailyReviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyReviewPage)

public:
    DailyReviewPage(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    QDate day() const;
    void setDay(QDate day); // reloads when it changes
    void setBranch(const QString &branchCode); // empty: every branch; reloads
    // Reads the day again, keeping the person and the result selected.
    void reload();
    void selectPerson(qint64 staffId);
    qint64 selectedPerson() const; // 0 when nobody is selected

    QDateEdit *dateEdit() const { return m_date; }
    QTableView *peopleTable() const { return m_people; }
    ReviewModel *model() const { return m_model; }
    QTableWidget *justifiedTable() const { return m_justified; }
    QTableWidget *errorsTable() const { return m_errors; }

    // What the buttons do.
    void confirmSelected();
    void contradictSelected();
    void recordError();
    // Asks where, then saves the day's error report as PDF (exportDayErrors).
    void printDayErrors();
    // Saves the day's error report of the branch at `path` (.pdf or .csv); says why on failure.
    bool exportDayErrors(const QString &path);

signals:
    void dayChanged(QDate day);
    // A verification or an error was stored: the month's F.1-A counts may have changed.
    void errorsChanged();

private:
    const ReviewRow *person() const;
    qint64 selectedBooking() const;
    void showPerson();
    void updateActions();
    void updateSummary();
    void verify(bool confirmed, const QString &note);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branch;
    QHash<qint64, std::pair<qint64, RouteVisit>> m_visits; // booking → (person, visit) of the day

    QDateEdit *m_date;
    QLabel *m_summary;
    ReviewModel *m_model;
    QTableView *m_people;
    QLabel *m_justifiedTitle;
    QTableWidget *m_justified;
    QLabel *m_errorsTitle;
    QTableWidget *m_errors;
    QPushButton *m_confirm;
    QPushButton *m_contradict;
    QPushButton *m_recordError;
    QPushButton *m_printErrors;
    QLabel *m_printStatus;
    QLabel *m_notice;
};

} // namespace cobranza
