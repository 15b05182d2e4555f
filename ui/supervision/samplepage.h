#pragma once

#include "clock.h"
#include "session.h"
#include "supervision/samplehistory.h"

#include <QDate>
#include <QWidget>
#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cobranza {

class Database;
class SampleHistoryWidget;

// "Muestra física": a reproducible sample of a day's visits, drawn with a seed the Pivot can name
// to an auditor, spread across the people; each visit checked against the signed notice and the
// paper records is marked confirmed or contradicted. The month's samples stay listed, each with its
// checks and whether its seed still draws it.
class SamplePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SamplePage)

public:
    SamplePage(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    QDate day() const;
    void setDay(QDate day);
    void setBranch(const QString &branchCode); // empty (every branch) cannot be sampled
    // The seed a new sample uses unless the Pivot types another: the day as yyyymmdd.
    static quint64 defaultSeed(QDate day);

    QDateEdit *dateEdit() const { return m_date; }
    QSpinBox *sizeSpin() const { return m_size; }
    QLineEdit *seedEdit() const { return m_seed; }
    QTableWidget *table() const { return m_table; }
    SampleHistoryWidget *history() const { return m_history; }
    // The sample shown: the one just drawn or the one chosen in the month's list.
    const std::optional<SampleRecord> &sample() const { return m_sample; }
    const std::optional<SampleReplay> &replay() const { return m_replay; }

    // What the buttons do.
    void draw();
    void confirmSelected();
    void contradictSelected();

signals:
    void dayChanged(QDate day);
    void errorsChanged(); // a contradicted check

private:
    void clearSample();
    void showSample(qint64 sampleId);
    void fillChecks();
    void afterCheck(int row);
    void updateActions();
    qint64 selectedBooking() const;
    bool check(qint64 booking, bool confirmed, const QString &note, QString *error);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branch;
    std::optional<SampleRecord> m_sample;
    std::optional<SampleReplay> m_replay;

    QDateEdit *m_date;
    QSpinBox *m_size;
    QLineEdit *m_seed;
    QPushButton *m_draw;
    SampleHistoryWidget *m_history;
    QLabel *m_info;
    QLabel *m_replayText;
    QTableWidget *m_table;
    QPushButton *m_confirm;
    QPushButton *m_contradict;
};

} // namespace cobranza
