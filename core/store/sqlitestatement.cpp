#include "sqlitestatement.h"

namespace cobranza {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

void SqliteStatement::bind(int i, QStringView text)
{
    static const char16_t empty[] = u"";
    const void *data = text.isEmpty() ? static_cast<const void *>(empty) : static_cast<const void *>(text.utf16());
    sqlite3_bind_text16(m_stmt, i, data, static_cast<int>(text.size() * 2), SQLITE_TRANSIENT);
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
