// Backups: the rotation rule on constructed dates, owner-only copies with the same data, and
// restores that check the backup before they replace anything.
#include "testsupport.h"

#include "audit/auditlog.h"
#include "clock.h"
#include "services/maintenanceservice.h"
#include "store/backupmanager.h"
#include "store/database.h"
#include "store/maintenance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

BackupFile at(const QDate &day, int hour = 12, int minute = 0)
{
    const QDateTime when(day, QTime(hour, minute));
    return {QStringLiteral("/r/cobranza-%1.sqlite").arg(when.toString(QStringLiteral("yyyyMMdd-HHmmss"))), when, 1};
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

Session sistemas() { return Session{0, QStringLiteral("sis"), QStringLiteral("Sistemas"), QStringLiteral("SIS"),
                                    Role::Sistemas, 0, QString()}; }

// Rows enough for a database of many pages, so garbage in the middle lands on real data.
void fill(const Database &db, const QString &prefix, int rows = 400)
{
    Transaction t(db);
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)"));
    for (int i = 0; i < rows; ++i) {
        q.addBindValue(QStringLiteral("%1-%2").arg(prefix).arg(i, 5, 10, QChar(u'0')));
        q.addBindValue(QString(200, u'x') + QString::number(i));
        REQUIRE(q.exec());
    }
    REQUIRE(t.commit());
}

int count(const Database &db, const QString &prefix)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM settings WHERE key LIKE ?"));
    q.addBindValue(prefix + u'%');
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toInt();
}

void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    REQUIRE(f.seek(offset));
    REQUIRE(f.write(bytes) == bytes.size());
}

// A live database in a temporary folder, its backups in "respaldos" beside it.
struct Fixture
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cobranza.sqlite"));
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(17, 30))};
    std::unique_ptr<Database> db;
    Fixture()
    {
        test::ensureCoreApp();
        QString error;
        db = Database::open(path, &error);
        REQUIRE(db);
    }
    QString folder() const { return BackupManager::folderFor(path); }
};

} // namespace

TEST_CASE("Backup rotation keeps the newest of the last 7 days with backups and of 4 weeks before", "[backup]")
{
    const QDate today(2026, 11, 23); // a Monday
    SECTION("a backup every day for 60 days")
    {
        QList<BackupFile> all;
        for (int i = 0; i < 60; ++i)
            all.append(at(today.addDays(-i)));
        const QStringList doomed = backupsToDelete(all, today);
        QStringList kept;
        for (const BackupFile &b : all)
            if (!doomed.contains(b.path))
                kept.append(b.path);
        // 17–23 Nov daily; then the newest older one of each ISO week: 16 Nov (the rest of its week is
        // daily), and the Sundays 15 Nov, 8 Nov and 1 Nov.
        const QStringList expected = {
            at(QDate(2026, 11, 23)).path, at(QDate(2026, 11, 22)).path, at(QDate(2026, 11, 21)).path,
            at(QDate(2026, 11, 20)).path, at(QDate(2026, 11, 19)).path, at(QDate(2026, 11, 18)).path,
            at(QDate(2026, 11, 17)).path, at(QDate(2026, 11, 16)).path, at(QDate(2026, 11, 15)).path,
            at(QDate(2026, 11, 8)).path,  at(QDate(2026, 11, 1)).path};
        CHECK(sorted(kept) == sorted(expected));
        CHECK(doomed.size() == 60 - 11);
    }
    SECTION("several backups on one day: only the newest of that day stays")
    {
        const QList<BackupFile> all = {at(today, 8), at(today, 12), at(today, 18), at(today.addDays(-1), 9),
                                       at(today.addDays(-1), 10)};
        CHECK(sorted(backupsToDelete(all, today))
              == sorted({at(today, 8).path, at(today, 12).path, at(today.addDays(-1), 9).path}));
    }
    SECTION("gaps: the 7 days are the last 7 that have backups, not the last 7 of the calendar")
    {
        // Backups only on some days over two months (holidays, a broken machine).
        const QList<QDate> days = {today.addDays(-2), today.addDays(-5), today.addDays(-9), today.addDays(-10),
                                   today.addDays(-20), today.addDays(-21), today.addDays(-30), today.addDays(-31),
                                   today.addDays(-40), today.addDays(-50), today.addDays(-51), today.addDays(-80)};
        QList<BackupFile> all;
        for (const QDate &d : days)
            all.append(at(d));
        const QStringList doomed = backupsToDelete(all, today);
        QStringList kept;
        for (const BackupFile &b : all)
            if (!doomed.contains(b.path))
                kept.append(b.path);
        for (int i = 0; i < 7; ++i)
            CHECK(kept.contains(all.at(i).path));
        // Daily: -2 … -30. -31 (Fri 23 Oct) shares the ISO week of -30 (Sat 24 Oct) but is older
        // than the daily ones, so its week counts as the first of the four: -31, -40, -50 (Sun
        // 4 Oct), -80. -51 (Sat 3 Oct) is in the week of -50 and older: deleted.
        CHECK(kept.contains(at(today.addDays(-31)).path));
        CHECK(kept.contains(at(today.addDays(-40)).path));
        CHECK(kept.contains(at(today.addDays(-50)).path));
        CHECK(kept.contains(at(today.addDays(-80)).path));
        CHECK(doomed == QStringList{at(today.addDays(-51)).path});
    }
    SECTION("fewer than 7 days of backups: nothing goes")
    {
        const QList<BackupFile> all = {at(today), at(today.addDays(-100)), at(today.addDays(-400))};
        CHECK(backupsToDelete(all, today).isEmpty());
    }
    SECTION("a backup dated in the future (clock set wrong) is kept and does not push today's out")
    {
        QList<BackupFile> all;
        for (int i = 0; i < 7; ++i)
            all.append(at(today.addDays(-i)));
        all.append(at(today.addDays(30)));
        CHECK(backupsToDelete(all, today).isEmpty());
    }
}

TEST_CASE("backupNow writes an owner-only copy with the same data - daily backup once a day - rotate deletes",
          "[backup]")
{
    Fixture f;
    fill(*f.db, QStringLiteral("a"));
    const BackupManager manager(*f.db, f.folder(), f.clock);
    CHECK(manager.dailyBackupDue());
    QString error;
    const auto path = manager.backupNow(&error);
    REQUIRE(path);
    INFO(error.toStdString());
    CHECK(QFileInfo(*path).fileName() == QStringLiteral("cobranza-20261123-173000.sqlite"));
    CHECK(QFileInfo(*path).permissions()
          == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    CHECK(QFileInfo(f.folder()).permissions()
          == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
              | QFileDevice::WriteUser | QFileDevice::ExeUser));
    {
        const auto copy = Database::open(*path, &error);
        REQUIRE(copy);
        CHECK(count(*copy, QStringLiteral("a")) == 400);
        CHECK(integrityProblems(*copy).isEmpty());
    }
    CHECK_FALSE(manager.dailyBackupDue());
    CHECK(manager.runDailyIfDue(&error));
    CHECK(manager.backups().size() == 1);

    // A second backup in the same second gets its own name.
    const auto second = manager.backupNow(&error);
    REQUIRE(second);
    CHECK(*second != *path);
    CHECK(manager.backups().size() == 2);

    // Ten days on, one backup a day: the rotation leaves the newest of each of the last 7 days.
    for (int i = 1; i <= 10; ++i) {
        f.clock.set(QDateTime(QDate(2026, 11, 23).addDays(i), QTime(18, 0)));
        CHECK(manager.dailyBackupDue());
        REQUIRE(manager.runDailyIfDue(&error));
        CHECK_FALSE(manager.dailyBackupDue());
    }
    const QList<BackupFile> left = manager.backups();
    CHECK(left.size() == 7 + 1); // 7 daily and the week of 23 Nov
    CHECK(left.first().takenAt.date() == QDate(2026, 11, 26)); // newest of week 48 before the daily ones
    CHECK(left.last().takenAt.date() == QDate(2026, 12, 3));
}

TEST_CASE("A corrupted backup is refused before anything is replaced", "[backup]")
{
    Fixture f;
    fill(*f.db, QStringLiteral("a"));
    const BackupManager manager(*f.db, f.folder(), f.clock);
    QString error;
    const auto good = manager.backupNow(&error);
    REQUIRE(good);
    fill(*f.db, QStringLiteral("b"), 10); // the live data after the backup

    SECTION("garbage in the middle of the file")
    {
        const QString bad = f.dir.filePath(QStringLiteral("dañado.sqlite"));
        REQUIRE(QFile::copy(*good, bad));
        const qint64 size = QFileInfo(bad).size();
        REQUIRE(size > 8 * 4096);
        overwrite(bad, size / 2, QByteArray(3 * 4096, '\xA5'));
        CHECK_FALSE(BackupManager::verify(bad, &error));
        CHECK(error.contains(QStringLiteral("No se puede restaurar dañado.sqlite")));
        error.clear();
        QString safety;
        CHECK_FALSE(BackupManager::restore(bad, f.path, &error, &safety));
        CHECK(error.startsWith(QStringLiteral("No se puede restaurar")));
        CHECK(safety.isEmpty());
    }
    SECTION("garbage over the header")
    {
        const QString bad = f.dir.filePath(QStringLiteral("cabecera.sqlite"));
        REQUIRE(QFile::copy(*good, bad));
        overwrite(bad, 0, QByteArray(100, 'z'));
        CHECK_FALSE(BackupManager::restore(bad, f.path, &error));
        CHECK(error.contains(QStringLiteral("no es una base de datos legible")));
    }
    SECTION("not a file at all, and a database that is not Cobranza's")
    {
        CHECK_FALSE(BackupManager::restore(f.dir.filePath(QStringLiteral("no-existe.sqlite")), f.path, &error));
        CHECK(error.contains(QStringLiteral("el archivo no existe")));
        const QString other = f.dir.filePath(QStringLiteral("otra.sqlite"));
        {
            QFile file(other);
            REQUIRE(file.open(QIODevice::WriteOnly)); // an empty file opens as an empty database
        }
        CHECK_FALSE(BackupManager::restore(other, f.path, &error));
        CHECK(error.contains(QStringLiteral("no es un respaldo de Cobranza")));
    }
    SECTION("a backup from a newer Cobranza")
    {
        const QString newer = f.dir.filePath(QStringLiteral("nueva.sqlite"));
        {
            const auto db = Database::open(newer, &error);
            REQUIRE(db);
            REQUIRE(db->execScript(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1),
                                   &error));
        }
        CHECK_FALSE(BackupManager::restore(newer, f.path, &error));
        CHECK(error.contains(QStringLiteral("versión más nueva")));
    }
    // Whatever was refused, the live database is as it was.
    CHECK(count(*f.db, QStringLiteral("a")) == 400);
    CHECK(count(*f.db, QStringLiteral("b")) == 10);
    CHECK(integrityProblems(*f.db).isEmpty());
    CHECK(QDir(f.folder()).entryList({QStringLiteral("antes-de-restaurar-*")}).isEmpty());
}

TEST_CASE("Restoring a good backup brings the old data back and keeps a copy of what it replaced", "[backup]")
{
    Fixture f;
    fill(*f.db, QStringLiteral("a"));
    const MaintenanceService service(*f.db, sistemas(), PermissionTable::defaults(), f.clock);
    QString error;
    const auto good = service.backupNow(&error);
    REQUIRE(good);
    fill(*f.db, QStringLiteral("b"), 10);
    {
        QSqlQuery q(f.db->connection());
        REQUIRE(q.exec(QStringLiteral("DELETE FROM settings WHERE key LIKE 'a-0000%'")));
    }
    REQUIRE(count(*f.db, QStringLiteral("a")) == 390);

    f.clock.set(QDateTime(QDate(2026, 11, 24), QTime(9, 15)));
    QString safety;
    REQUIRE(service.restore(*good, &error, &safety));
    INFO(error.toStdString());
    // The open connection sees the restored data at once.
    CHECK(count(*f.db, QStringLiteral("a")) == 400);
    CHECK(count(*f.db, QStringLiteral("b")) == 0);
    CHECK(integrityProblems(*f.db).isEmpty());
    CHECK(QFileInfo(safety).fileName() == QStringLiteral("antes-de-restaurar-20261124-091500.sqlite"));
    CHECK(QFileInfo(f.path).permissions() == QFileInfo(*good).permissions());
    {
        const auto before = Database::open(safety, &error);
        REQUIRE(before);
        CHECK(count(*before, QStringLiteral("b")) == 10);
        CHECK(count(*before, QStringLiteral("a")) == 390);
    }
    const AuditLog audit(*f.db, f.clock);
    const QList<AuditEntry> entries = audit.entries(AuditFilter{});
    REQUIRE(!entries.isEmpty());
    CHECK(entries.first().action == QStringLiteral("RESTORE"));
    CHECK(entries.first().oldValue == safety);
    // The BACKUP entry was written after the copy, so the restored data do not hold it; a fresh
    // backup now leaves one.
    REQUIRE(service.backupNow(&error));
    CHECK(audit.entries(AuditFilter{}).first().action == QStringLiteral("BACKUP"));
}

TEST_CASE("Only a user with the Backup permission may back up or restore", "[backup]")
{
    Fixture f;
    fill(*f.db, QStringLiteral("a"), 5);
    Session asesor = sistemas();
    asesor.role = Role::AsesorNegocios;
    const MaintenanceService service(*f.db, asesor, PermissionTable::defaults(), f.clock);
    QString error;
    CHECK(service.refusal());
    CHECK_FALSE(service.backupNow(&error));
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(service.backupTo(f.dir.filePath(QStringLiteral("x.sqlite")), &error));
    CHECK_FALSE(QFileInfo::exists(f.dir.filePath(QStringLiteral("x.sqlite"))));
    CHECK_FALSE(QFileInfo::exists(f.folder()));

    const MaintenanceService admin(*f.db, sistemas(), PermissionTable::defaults(), f.clock);
    const auto good = admin.backupNow(&error);
    REQUIRE(good);
    fill(*f.db, QStringLiteral("b"), 5);
    CHECK_FALSE(service.restore(*good, &error));
    CHECK(count(*f.db, QStringLiteral("b")) == 5);
}
