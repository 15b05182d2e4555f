#pragma once

#include "portfolio/portfoliotypes.h"
#include "store/sqlitestatement.h"

namespace cobranza {

// Writes parsed report lines into an open transaction: upserts the member, the credit and its
// guarantors (newest cut-off wins) and inserts the credit's figures for the snapshot.
class PortfolioWriter final
{
public:
    PortfolioWriter(sqlite3 *db, qint64 snapshotId, QDate cutOff);
    bool isValid() const;
    // SQLITE_DONE on success; SQLITE_CONSTRAINT when the credit is already in this snapshot.
    int write(const PortfolioRecord &record);
    qint64 lineOf(const QString &creditNumber); // the line that already holds a credit
    QString lastError() const { return m_row.lastError(); }

private:
    QByteArray m_cutOff; // ISO, UTF-8: bound three times a row
    qint64 m_snapshotId;
    SqliteStatement m_member;
    SqliteStatement m_credit;
    SqliteStatement m_guarantor;
    SqliteStatement m_row;
    SqliteStatement m_lineOf;
};

} // namespace cobranza
