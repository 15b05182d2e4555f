#pragma once

#include "clock.h"
#include "ladder.h"
#include "results/memberfinder.h"
#include "results/resultservice.h"
#include "session.h"

#include <QDate>
#include <QDialog>
#include <vector>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace cobranza {

class Database;
class ResultForm;

// Gestión Propia (domain.md): work done for a member who was not on the agenda. The user finds the
// credit by member number, cédula, surnames and names or credit number, picks it with Enter and
// enters the result, which puts the credit on his own day with the state Gestión Propia.
class OwnInitiativeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnInitiativeDialog)

public:
    // `workDay`: the day the work was done, the agenda's date.
    OwnInitiativeDialog(const Database &db, Session session, const Clock &clock, QDate workDay,
                        QWidget *parent = nullptr);

    QLineEdit *searchBox() const { return m_search; }
    QTableWidget *matches() const { return m_matches; }
    ResultForm *form() const { return m_form; }
    // What the save said; bookingId is the visit added to the user's day.
    const ResultOutcome &outcome() const { return m_outcome; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search(const QString &text);
    void pick(int row);

    QDate m_workDay;
    // Loaded once: every keystroke searches in memory, never the database.
    MemberFinder m_finder;
    CollectionsLadder m_ladder;
    std::vector<int> m_found;
    QLineEdit *m_search;
    QLabel *m_count;
    QTableWidget *m_matches;
    ResultForm *m_form;
    ResultOutcome m_outcome;
};

} // namespace cobranza
