#pragma once

#include "clock.h"
#include "session.h"
#include "supervision/verificationservice.h"

#include <QDate>
#include <QHash>
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

// "Muestra física": a reproducible sample of a day's visits, drawn with a seed the Pivot can name
// to an auditor, spread across the people; each visit checked against the signed notice and the
// paper records is marked confirmed or contradicted.
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
    const std::optional<VerificationSample> &sample() const { return m_sample; }

    // What the buttons do.
    void draw();
    void confirmSelected();
    void contradictSelected();

signals:
    void dayChanged(QDate day);
    void errorsChanged(); // a contradicted check

private:
    void clearSample();
    void showSample();
    void updateActions();
    qint64 selectedBooking() const;
    bool check(qint64 booking, bool confirmed, const QString &note, QString *error);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branch;
    std::optional<VerificationSample> m_sample;
    QHash<qint64, QString> m_outcomes; // booking → "Confirmada" / "Contradice: nota"

    QDateEdit *m_date;
    QSpinBox *m_size;
    QLineEdit *m_seed;
    QPushButton *m_draw;
    QLabel *m_info;
    QTableWidget *m_table;
    QPushButton *m_confirm;
    QPushButton *m_contradict;
};

} // namespace cobranza
