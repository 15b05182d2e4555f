#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <memory>

struct sqlite3;

namespace cobranza {

// One open SQLite database: a named Qt connection with WAL, foreign keys and a busy timeout,
// migrated to the newest schema. Passed to whoever needs it; never a global.
class Database final
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) and migrates to the newest schema. `path` may be ":memory:".
    // nullptr with a Spanish `error` when the file cannot be opened or migrated.
    static std::unique_ptr<Database> open(const QString &path, QString *error);
    // Opens and migrates only up to `version`: for tests of the migrations themselves.
    static std::unique_ptr<Database> openAtVersion(const QString &path, int version, QString *error);

    QSqlDatabase connection() const;
    sqlite3 *handle() const; // for the bulk paths (import, backup) that use the C API
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Runs a script of several statements (migrations, tests). false + error on failure.
    bool execScript(const QString &sql, QString *error) const;

private:
    Database(QString path, QString connectionName);
    bool configure(QString *error);
    bool migrateTo(int version, QString *error);

    QString m_path;
    QString m_connectionName;
};

// Begins a transaction and rolls it back unless commit() was called: every change is one unit.
// Inside another transaction it is a savepoint, so a service that calls other services keeps
// all their changes in its own single unit.
class Transaction final
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isActive() const { return m_active; }
    bool commit();

private:
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    QByteArray m_savepoint; // empty for the outermost transaction
    bool m_active = false;
};

} // namespace cobranza
