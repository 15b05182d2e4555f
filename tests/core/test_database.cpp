#include "store/database.h"
#include "store/maintenance.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

// The schema as SQLite holds it: every table, index and trigger definition, sorted.
QStringList schemaOf(const Database &db)
{
    QStringList out;
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT type || ' ' || name || ': ' || IFNULL(sql, '') FROM sqlite_master "
                                  "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")));
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace

TEST_CASE("A new database is migrated to the newest schema with WAL and foreign keys", "[database]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("a.sqlite")), &error);
    REQUIRE(db);
    CHECK(db->schemaVersion() == Database::latestSchemaVersion());
    CHECK(Database::latestSchemaVersion() >= 3);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    // A foreign key is enforced, not only declared.
    CHECK_FALSE(q.exec(QStringLiteral("INSERT INTO credits(credit_number, member_number, segment, updated_cut_off) "
                                      "VALUES('X', 'nobody', 'CONSUMO', '2026-01-01')")));
    CHECK(integrityProblems(*db).isEmpty());
}

TEST_CASE("The database file is readable by its owner only", "[database]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("private.sqlite"));
    QString error;
    auto db = Database::open(path, &error);
    REQUIRE(db);
    const auto perms = QFile::permissions(path);
    CHECK(perms.testFlag(QFileDevice::ReadOwner));
    CHECK_FALSE(perms.testFlag(QFileDevice::ReadGroup));
    CHECK_FALSE(perms.testFlag(QFileDevice::ReadOther));
}

TEST_CASE("Every earlier schema version migrates to the same newest schema", "[database][migrations]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    QString error;
    auto fresh = Database::open(dir.filePath(QStringLiteral("fresh.sqlite")), &error);
    REQUIRE(fresh);
    const QStringList expected = schemaOf(*fresh);
    for (int version = 0; version < Database::latestSchemaVersion(); ++version) {
        INFO("from version " << version);
        const QString path = dir.filePath(QStringLiteral("v%1.sqlite").arg(version));
        {
            auto old = Database::openAtVersion(path, version, &error);
            REQUIRE(old);
            CHECK(old->schemaVersion() == version);
            if (version >= 1) {
                // Data written under the old schema survives the upgrade.
                QSqlQuery q(old->connection());
                REQUIRE(q.exec(QStringLiteral("INSERT INTO branches(code, name) VALUES('IBA', 'Ibarra')")));
            }
        }
        auto upgraded = Database::open(path, &error);
        REQUIRE(upgraded);
        CHECK(upgraded->schemaVersion() == Database::latestSchemaVersion());
        CHECK(schemaOf(*upgraded) == expected);
        if (version >= 1) {
            QSqlQuery q(upgraded->connection());
            REQUIRE(q.exec(QStringLiteral("SELECT name FROM branches WHERE code='IBA'")));
            REQUIRE(q.next());
            CHECK(q.value(0).toString() == QStringLiteral("Ibarra"));
        }
    }
}

TEST_CASE("Schema 6 keeps the committees' minutes and lets each branch number its own", "[database][migrations]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
    {
        auto old = Database::openAtVersion(path, 5, &error);
        REQUIRE(old);
        REQUIRE(old->execScript(QStringLiteral(
                                    "INSERT INTO staff(id, username, full_name, initials, role, created_at) "
                                    "VALUES(1, 'pivot', 'PIVOT', 'PIV', 'PIVOT_CREDITO', '2026-01-01');"
                                    "INSERT INTO members(member_number, cedula, full_name, updated_cut_off) "
                                    "VALUES('S-1', '1002003004', 'SOCIO', '2026-11-19');"
                                    "INSERT INTO credits(credit_number, member_number, segment, updated_cut_off) "
                                    "VALUES('CR-1', 'S-1', 'CONSUMO', '2026-11-19');"
                                    "INSERT INTO committee_minutes(id, committee, year, number, branch_code, held_on, "
                                    "recorded_by, recorded_at) VALUES(7, 'SUBCOMITE', 2026, 1, 'IBA', '2026-11-20', 1, 'x');"
                                    "INSERT INTO committee_decisions VALUES(7, 'CR-1', 30, 100, 'PLAZO');"),
                                &error));
        INFO(error.toStdString());
    }
    auto db = Database::open(path, &error);
    REQUIRE(db);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT m.number, d.decision, m.reference FROM committee_decisions d "
                                  "JOIN committee_minutes m ON m.id = d.minutes_id")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    CHECK(q.value(1).toString() == QStringLiteral("PLAZO"));
    // Signed minutes keep the reference they were issued with.
    CHECK(q.value(2).toString() == QStringLiteral("SUBCOMITE-2026-001"));
    // Otavalo's first minutes are number 1 too; the same branch twice is still refused.
    CHECK(q.exec(QStringLiteral("INSERT INTO committee_minutes(committee, year, number, branch_code, held_on, recorded_by, "
                                "recorded_at, reference) VALUES('SUBCOMITE', 2026, 1, 'OTA', '2026-11-20', 1, 'x', "
                                "'SUBCOMITE-OTA-2026-001')")));
    CHECK_FALSE(q.exec(QStringLiteral("INSERT INTO committee_minutes(committee, year, number, branch_code, held_on, "
                                      "recorded_by, recorded_at, reference) VALUES('SUBCOMITE', 2026, 1, 'IBA', "
                                      "'2026-11-21', 1, 'x', 'SUBCOMITE-IBA-2026-001')")));
    // The decisions still point at the minutes: a decision of missing minutes is refused.
    CHECK_FALSE(q.exec(QStringLiteral("INSERT INTO committee_decisions VALUES(99, 'CR-1', 30, 100, 'X')")));
}

TEST_CASE("A database from a newer program is refused - not damaged", "[database][migrations]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    QString error;
    {
        auto db = Database::open(path, &error);
        REQUIRE(db);
        REQUIRE(db->execScript(QStringLiteral("PRAGMA user_version = 999;"), &error));
    }
    auto db = Database::open(path, &error);
    CHECK_FALSE(db);
    CHECK(error.contains(QStringLiteral("más nueva")));
}

TEST_CASE("The audit trail refuses UPDATE and DELETE", "[database][audit]")
{
    test::ensureCoreApp();
    QString error;
    auto db = Database::open(QStringLiteral(":memory:"), &error);
    REQUIRE(db);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO audit_log(at_utc, at_local, action, record_type, record_id) "
                                  "VALUES('2026-11-22T13:00:00Z', '2026-11-22T08:00:00', 'BOOK', 'booking', '1')")));
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE audit_log SET action='X'")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM audit_log")));
    REQUIRE(q.exec(QStringLiteral("SELECT action FROM audit_log")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("BOOK"));
}

TEST_CASE("A backup is a sound copy with the same data", "[database]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("live.sqlite")), &error);
    REQUIRE(db);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO branches(code, name) VALUES('OTA', 'Otavalo')")));
    const QString copy = dir.filePath(QStringLiteral("copia.sqlite"));
    REQUIRE(backupDatabase(*db, copy, &error));
    CHECK_FALSE(QFile::permissions(copy).testFlag(QFileDevice::ReadOther));
    auto restored = Database::open(copy, &error);
    REQUIRE(restored);
    CHECK(integrityProblems(*restored).isEmpty());
    QSqlQuery r(restored->connection());
    REQUIRE(r.exec(QStringLiteral("SELECT name FROM branches")));
    REQUIRE(r.next());
    CHECK(r.value(0).toString() == QStringLiteral("Otavalo"));
}

TEST_CASE("A transaction inside another is a savepoint: the outer one decides", "[database]")
{
    test::ensureCoreApp();
    QString error;
    auto db = Database::open(QStringLiteral(":memory:"), &error);
    REQUIRE(db);
    QSqlQuery q(db->connection());
    const auto branches = [&] {
        REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*) FROM branches")));
        REQUIRE(q.next());
        return q.value(0).toInt();
    };
    {
        Transaction outer(*db);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO branches(code, name) VALUES('A', 'a')")));
        {
            Transaction inner(*db);
            REQUIRE(inner.isActive());
            REQUIRE(q.exec(QStringLiteral("INSERT INTO branches(code, name) VALUES('B', 'b')")));
            // not committed: only the inner work is undone
        }
        CHECK(branches() == 1);
        {
            Transaction inner(*db);
            REQUIRE(q.exec(QStringLiteral("INSERT INTO branches(code, name) VALUES('C', 'c')")));
            REQUIRE(inner.commit());
        }
        CHECK(branches() == 2);
        // the outer transaction is not committed: everything goes
    }
    CHECK(branches() == 0);
}
