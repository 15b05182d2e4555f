#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringConverter>
#include <QStringView>

#include <sqlite3.h>

#include <vector>

namespace cobranza {

// A prepared statement of the SQLite C API for the bulk paths, where QSqlQuery's QVariant
// round trips cost more than the insert itself.
class SqliteStatement final
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    void bind(int i, QStringView text);
    void bindUtf8(int i, QByteArrayView utf8); // text already in UTF-8
    void bindOrNull(int i, QStringView text); // NULL for empty text
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    int step();          // runs and resets; SQLITE_DONE, SQLITE_ROW (first row kept until reset) or an error
    bool stepRow() { return sqlite3_step(m_stmt) == SQLITE_ROW; }
    qint64 columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }
    void reset() { sqlite3_reset(m_stmt); sqlite3_clear_bindings(m_stmt); }
    QString lastError() const;

private:
    char *textBuffer(int i, qsizetype size);
    void bindBuffer(int i, const char *end);

    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    // Text is bound as UTF-8, the database's encoding, from one buffer per parameter that keeps its
    // capacity from row to row: binding UTF-16 made SQLite copy it and convert it again at every
    // step, two allocations per value, a good part of a million-row import.
    std::vector<QByteArray> m_text;
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
};

// Runs plain SQL through the C API; false on failure with the reason in `error`.
bool sqliteExec(sqlite3 *db, const char *sql, QString *error = nullptr);

} // namespace cobranza
