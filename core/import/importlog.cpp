#include "importlog.h"

#include "store/sqlitestatement.h"

namespace cobranza {

QString outcomeCode(ImportResult::Outcome o)
{
    switch (o) {
    case ImportResult::Outcome::Accepted: return QStringLiteral("ACCEPTED");
    case ImportResult::Outcome::Rejected: return QStringLiteral("REJECTED");
    case ImportResult::Outcome::Cancelled: return QStringLiteral("CANCELLED");
    case ImportResult::Outcome::DryRun: return QStringLiteral("DRY_RUN");
    }
    return {};
}

qint64 ImportLog::insert(const ImportResult &result, qint64 staffId, const QDateTime &startedAt)
{
    SqliteStatement s(m_db,
                      "INSERT INTO imports(started_at, staff_id, file_name, file_size, cut_off, encoding, delimiter, "
                      "row_count, warnings, errors, outcome, replaced) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (staffId > 0)
        s.bind(2, staffId);
    else
        s.bindNull(2);
    s.bind(3, result.fileName);
    s.bind(4, result.fileSize);
    s.bindOrNull(5, result.cutOff.isValid() ? result.cutOff.toString(Qt::ISODate) : QString());
    s.bindOrNull(6, result.encoding);
    s.bindOrNull(7, result.delimiter);
    s.bind(8, result.rows);
    s.bind(9, result.warningCount);
    s.bind(10, result.errorCount);
    s.bind(11, outcomeCode(result.outcome));
    s.bind(12, qint64{result.replaced ? 1 : 0});
    if (s.step() != SQLITE_DONE)
        return 0;
    return sqlite3_last_insert_rowid(m_db);
}

bool ImportLog::finish(const ImportResult &result, const QDateTime &finishedAt)
{
    SqliteStatement s(m_db, "UPDATE imports SET finished_at=?, cut_off=?, row_count=?, warnings=?, errors=?, "
                            "outcome=?, replaced=? WHERE id=?");
    s.bind(1, finishedAt.toUTC().toString(Qt::ISODateWithMs));
    s.bindOrNull(2, result.cutOff.isValid() ? result.cutOff.toString(Qt::ISODate) : QString());
    s.bind(3, result.rows);
    s.bind(4, result.warningCount);
    s.bind(5, result.errorCount);
    s.bind(6, outcomeCode(result.outcome));
    s.bind(7, qint64{result.replaced ? 1 : 0});
    s.bind(8, result.importId);
    return s.step() == SQLITE_DONE;
}

bool ImportLog::insertMessages(qint64 importId, const QList<ImportMessage> &messages)
{
    SqliteStatement s(m_db, "INSERT INTO import_messages(import_id, seq, severity, line, column_name, message, "
                            "credit_number) VALUES(?,?,?,?,?,?,?)");
    qint64 seq = 0;
    for (const ImportMessage &m : messages) {
        s.bind(1, importId);
        s.bind(2, ++seq);
        s.bind(3, m.severity == ImportMessage::Severity::Error ? QStringLiteral("ERROR") : QStringLiteral("WARNING"));
        s.bind(4, m.line);
        s.bindOrNull(5, m.column);
        s.bind(6, m.message);
        s.bindOrNull(7, m.creditNumber);
        if (s.step() != SQLITE_DONE)
            return false;
    }
    return true;
}

qint64 ImportLog::record(const ImportResult &result, qint64 staffId, const QDateTime &startedAt)
{
    if (!sqliteExec(m_db, "BEGIN IMMEDIATE"))
        return 0;
    ImportResult r = result;
    r.importId = insert(result, staffId, startedAt);
    if (r.importId == 0 || !finish(r, QDateTime::currentDateTimeUtc()) || !insertMessages(r.importId, r.messages)) {
        sqliteExec(m_db, "ROLLBACK");
        return 0;
    }
    return sqliteExec(m_db, "COMMIT") ? r.importId : 0;
}

} // namespace cobranza
