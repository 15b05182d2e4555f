#pragma once

#include "clock.h"
#include "session.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace cobranza {

class Database;
class CommitteePage;
class DailyReviewPage;
class ErrorReportPage;
class SamplePage;

// The Supervisión area (domain.md, "Supervision and the error report"): the Pivot's daily review
// with phone verification and errors recorded by hand, the physical sample, and the F.1-A report
// of the month. For those who read supervision; checking and recording need their own permissions.
class SupervisionView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupervisionView)

public:
    SupervisionView(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    // Reads the day and the month again (after results were entered elsewhere), keeping the choices.
    void reload();

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *branchChooser() const { return m_branch; }
    DailyReviewPage *reviewPage() const { return m_review; }
    SamplePage *samplePage() const { return m_sample; }
    ErrorReportPage *errorReportPage() const { return m_errors; }
    CommitteePage *committeePage() const { return m_committees; }

private:
    void branchChosen();

    const Database &m_db;
    Session m_session;
    QComboBox *m_branch;
    QLabel *m_refusal;
    QTabWidget *m_tabs;
    DailyReviewPage *m_review;
    SamplePage *m_sample;
    ErrorReportPage *m_errors;
    CommitteePage *m_committees;
};

} // namespace cobranza
