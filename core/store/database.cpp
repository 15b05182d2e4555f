#include "database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <map>

namespace cobranza {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cobranza::Database", text);
}

// Migration number → resource path, from the files compiled into the library.
std::map<int, QString> migrationFiles()
{
    std::map<int, QString> files;
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    const QDir dir(QStringLiteral(":/sql"));
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(entry);
        if (m.hasMatch())
            files.emplace(m.captured(1).toInt(), dir.filePath(entry));
    }
    return files;
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("cobranza-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    return openAtVersion(path, latestSchemaVersion(), error);
}

std::unique_ptr<Database> Database::openAtVersion(const QString &path, int version, QString *error)
{
    const bool memory = path == QLatin1String(":memory:");
    if (!memory) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath())) {
            if (error)
                *error = tr("No se pudo crear la carpeta %1.").arg(info.absolutePath());
            return nullptr;
        }
        if (!info.exists()) {
            // Members' identities and debts: readable by the owner only, from the first byte.
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    std::unique_ptr<Database> db(new Database(path, nextConnectionName()));
    QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    conn.setDatabaseName(path);
    if (!conn.open()) {
        if (error)
            *error = tr("No se pudo abrir la base de datos %1: %2").arg(path, conn.lastError().text());
        return nullptr;
    }
    if (!db->configure(error) || !db->migrateTo(version, error))
        return nullptr;
    return db;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *Database::handle() const
{
    const QVariant v = connection().driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

bool Database::configure(QString *error)
{
    sqlite3 *h = handle();
    if (!h) {
        if (error)
            *error = tr("El controlador de SQLite no entregó su conexión.");
        return false;
    }
    sqlite3_busy_timeout(h, 10000);
    const bool memory = m_path == QLatin1String(":memory:");
    // A 64 MB page cache and memory-mapped reads: loading a 200,000-credit snapshot walks several
    // B-trees, and each page fetched through read() is a system call.
    const QString pragmas = QStringLiteral("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                                           "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;")
                            + (memory ? QString() : QStringLiteral(" PRAGMA journal_mode = WAL;"));
    return execScript(pragmas, error);
}

int Database::latestSchemaVersion()
{
    const auto files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::execScript(const QString &sql, QString *error) const
{
    char *message = nullptr;
    const int rc = sqlite3_exec(handle(), sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool Database::migrateTo(int version, QString *error)
{
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        if (error)
            *error = tr("La base de datos es de una versión más nueva de Cobranza (esquema %1); actualice el programa.")
                         .arg(current);
        return false;
    }
    if (current >= version)
        return true;
    // All pending migrations in one transaction: a failure leaves the database as it was.
    QString script = QStringLiteral("BEGIN IMMEDIATE;\n");
    for (const auto &[number, file] : migrationFiles()) {
        if (number <= current || number > version)
            continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("No se pudo leer la migración %1.").arg(file);
            return false;
        }
        script += QString::fromUtf8(f.readAll()) + QStringLiteral("\n");
    }
    script += QStringLiteral("PRAGMA user_version = %1;\nCOMMIT;\n").arg(version);
    QString why;
    if (!execScript(script, &why)) {
        execScript(QStringLiteral("ROLLBACK;"), nullptr);
        if (error)
            *error = tr("No se pudo actualizar el esquema de la base de datos: %1").arg(why);
        return false;
    }
    return true;
}

Transaction::Transaction(const Database &db) : m_db(db.connection()), m_handle(db.handle())
{
    if (m_handle && sqlite3_get_autocommit(m_handle) == 0) {
        static QAtomicInteger<quint64> counter;
        m_savepoint = "cobranza_sp" + QByteArray::number(counter.fetchAndAddRelaxed(1));
        m_active = sqlite3_exec(m_handle, ("SAVEPOINT " + m_savepoint).constData(), nullptr, nullptr, nullptr)
                   == SQLITE_OK;
        return;
    }
    m_active = m_db.transaction();
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_savepoint.isEmpty()) {
        m_db.rollback();
        return;
    }
    sqlite3_exec(m_handle, ("ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint).constData(), nullptr, nullptr,
                 nullptr);
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (!m_savepoint.isEmpty())
        return sqlite3_exec(m_handle, ("RELEASE " + m_savepoint).constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    return m_db.commit();
}

} // namespace cobranza
