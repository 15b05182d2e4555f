#pragma once

#include "portfolioimporter.h"

#include <QDateTime>

struct sqlite3;

namespace cobranza {

// Writes the import log (who, when, file, counts, outcome, messages); kept for every attempt.
class ImportLog final
{
public:
    explicit ImportLog(sqlite3 *db) : m_db(db) {}
    // Inside the caller's transaction: the row of an import, returning its id (0 on failure).
    qint64 insert(const ImportResult &result, qint64 staffId, const QDateTime &startedAt);
    bool finish(const ImportResult &result, const QDateTime &finishedAt);
    bool insertMessages(qint64 importId, const QList<ImportMessage> &messages);
    // In a transaction of its own, after a rejected, cancelled or dry run rolled everything back.
    qint64 record(const ImportResult &result, qint64 staffId, const QDateTime &startedAt);

private:
    sqlite3 *m_db;
};

QString outcomeCode(ImportResult::Outcome o);

} // namespace cobranza
