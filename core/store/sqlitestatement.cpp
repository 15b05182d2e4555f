#include "sqlitestatement.h"

#include <cstring>

namespace cobranza {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
    else
        m_text.resize(static_cast<std::size_t>(sqlite3_bind_parameter_count(m_stmt)));
}

char *SqliteStatement::textBuffer(int i, qsizetype size)
{
    if (i < 1 || static_cast<std::size_t>(i) > m_text.size())
        return nullptr;
    QByteArray &buffer = m_text[static_cast<std::size_t>(i - 1)];
    if (buffer.size() < size)
        buffer.resize(size); // a shorter value later keeps this capacity (see bindBuffer)
    return buffer.data();
}

void SqliteStatement::bindBuffer(int i, const char *end)
{
    // SQLITE_STATIC: the buffer stays untouched until this parameter is bound again, which only
    // happens after step() has reset the statement and cleared its bindings.
    const char *begin = m_text[static_cast<std::size_t>(i - 1)].constData();
    sqlite3_bind_text(m_stmt, i, begin, static_cast<int>(end - begin), SQLITE_STATIC);
}

void SqliteStatement::bind(int i, QStringView text)
{
    char *out = textBuffer(i, qMax<qsizetype>(1, m_utf8.requiredSpace(text.size())));
    if (!out) {
        sqlite3_bind_text(m_stmt, i, "", 0, SQLITE_STATIC); // out of range: SQLite says so at step()
        return;
    }
    bindBuffer(i, m_utf8.appendToBuffer(out, text));
}

void SqliteStatement::bindUtf8(int i, QByteArrayView utf8)
{
    char *out = textBuffer(i, qMax<qsizetype>(1, utf8.size()));
    if (!out) {
        sqlite3_bind_text(m_stmt, i, "", 0, SQLITE_STATIC);
        return;
    }
    if (!utf8.isEmpty())
        std::memcpy(out, utf8.data(), static_cast<std::size_t>(utf8.size()));
    bindBuffer(i, out + utf8.size());
}

void SqliteStatement::bindOrNull(int i, QStringView text)
{
    if (text.isEmpty())
        bindNull(i);
    else
        bind(i, text);
}

int SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_ROW)
        reset();
    return rc;
}

QString SqliteStatement::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

bool sqliteExec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : "?");
    sqlite3_free(message);
    return false;
}

} // namespace cobranza
