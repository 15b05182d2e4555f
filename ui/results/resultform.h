#pragma once

#include "clock.h"
#include "results/resultservice.h"
#include "results/visitresult.h"
#include "routes/routesheet.h"
#include "session.h"

#include <QDate>
#include <QList>
#include <QWidget>
#include <array>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cobranza {

class ChoiceCombo;
class Database;
class ResultTextEdit;

// The result of one visit typed from the keyboard (domain.md, "Visit results"): the fields in the
// order of the cooperative's sheet; Enter goes to the next field and saves on the last, Ctrl+Enter
// saves from any, Esc gives the edit up. ResultService decides what may be stored; its refusals
// show in red under their fields.
class ResultForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultForm)

public:
    enum class Tone { Neutral, Ok, Warning, Error };

    ResultForm(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    // A booked visit of `sheet`; its stored result, if any, fills the fields.
    void showVisit(const RouteVisit &visit, const RouteSheet &sheet);
    // Gestión Propia: a credit that was not on the agenda, saved onto the user's own day `workDay`
    // (ResultService::saveOwnInitiative); the state is fixed.
    void showOwnInitiative(const RouteVisit &visit, QDate workDay);
    // Nothing to enter: the fields are off and `hint` says what to do.
    void clearVisit(const QString &hint);

    bool hasVisit() const { return m_hasVisit; }
    qint64 bookingId() const { return m_hasVisit ? m_visit.bookingId : 0; } // 0 for a new Gestión Propia
    QString creditNumber() const { return m_hasVisit ? m_visit.creditNumber : QString(); }
    bool isDirty() const { return m_dirty; } // typed something not stored yet

    void setState(VisitState state);
    // Each problem in red under its field; the cursor goes to the first field with one.
    void showProblems(const QList<ResultProblem> &problems);
    QString problemAt(ResultField field) const; // empty when the field has none
    void setStatus(const QString &text, Tone tone);
    QString statusText() const;
    QWidget *field(ResultField f) const { return m_fields.at(static_cast<size_t>(f)); }
    void focusFirstField(); // ESTADO, or HORA VISITA when the state is fixed

    bool save();   // true when stored, then saved() was emitted
    void cancel(); // back to what is stored, then cancelled()

signals:
    void saved(const ResultOutcome &outcome);
    void cancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr size_t kFieldCount = static_cast<size_t>(ResultField::Receipt) + 1;

    ResultService service() const;
    void showHeader(const QString &id, const QString &notifier);
    void fill(const std::optional<VisitResult> &result);
    VisitResult collect(QList<ResultProblem> *inputProblems) const;
    // What Enter does in a field: tidy what was typed, then the next field, or save after the last.
    void advanceFrom(size_t index);
    // Shows what was understood ("1030" as "10:30"); false when the text is no value of the field,
    // said under it when `showProblem`.
    bool tidy(size_t index, bool showProblem);
    void clearProblems();
    void setEditable(bool on);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;

    QLabel *m_header;
    QLabel *m_promise;
    ChoiceCombo *m_state;
    QLineEdit *m_time;
    ResultTextEdit *m_justification;
    ResultTextEdit *m_agreement;
    QLineEdit *m_agreementDate;
    QLineEdit *m_promised;
    ChoiceCombo *m_notice;
    QLineEdit *m_reschedule;
    QLineEdit *m_collected;
    QLineEdit *m_receipt;
    std::array<QWidget *, kFieldCount> m_fields{};
    std::array<QLabel *, kFieldCount> m_problems{};
    QPushButton *m_save;
    QPushButton *m_cancel;
    QLabel *m_status;

    RouteVisit m_visit;
    QDate m_visitDate;
    bool m_hasVisit = false;
    bool m_ownInitiative = false;
    bool m_dirty = false;
    std::optional<VisitResult> m_stored;
};

} // namespace cobranza
