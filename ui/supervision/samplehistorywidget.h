#pragma once

#include "session.h"

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;
class QTableWidget;

namespace cobranza {

class Database;

// The physical samples of a month in the branch, with how far their checks went and whether each
// still replays from its seed: what the Pivot picks a sample from and an auditor reads.
class SampleHistoryWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SampleHistoryWidget)

public:
    SampleHistoryWidget(const Database &db, Session session, QWidget *parent = nullptr);

    QDate month() const; // the first of the month shown
    void setMonth(QDate day);
    void setBranch(const QString &branchCode); // empty: every branch the session may read
    // Reads the month again, keeping the sample chosen when it is still listed.
    void reload();
    qint64 currentSample() const; // 0 when none is chosen
    bool selectSample(qint64 sampleId);

    QDateEdit *monthEdit() const { return m_month; }
    QTableWidget *table() const { return m_table; }

signals:
    void sampleChosen(qint64 sampleId); // 0: none

private:
    void fill();

    const Database &m_db;
    Session m_session;
    QString m_branch;
    qint64 m_chosen = 0;

    QDateEdit *m_month;
    QLabel *m_count;
    QTableWidget *m_table;
};

} // namespace cobranza
