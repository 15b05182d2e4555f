#pragma once

// A temporary database with two branches, a pooled collections user and the administrator, for the
// login and users tests. Header only: the ui test glob takes every .cpp here as a test file.

#include "auth/userservice.h"
#include "clock.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/settingsstore.h"
#include "uitestsupport.h"

#include <QSettings>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <memory>

namespace cobranza::test {

inline const QString kAdminPassword = QStringLiteral("Sistemas2024");

struct AuthFixture
{
    explicit AuthFixture(bool withAdmin = true)
    {
        ensureGuiApp();
        QSettings().remove(QStringLiteral("login")); // nothing remembered from an earlier test
        REQUIRE(dir.isValid());
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("cobranza.db")), &error);
        REQUIRE(db);
        REQUIRE(SettingsStore(*db).setValue(SettingsStore::CooperativeName,
                                            QStringLiteral("Cooperativa de Ahorro y Crédito Andina Ltda.")));
        const DirectoryStore directory(*db);
        Branch iba;
        iba.code = QStringLiteral("IBA");
        iba.name = QStringLiteral("Ibarra Matriz");
        iba.city = QStringLiteral("Ibarra");
        ibaId = directory.addBranch(iba, &error);
        REQUIRE(ibaId > 0);
        Branch ota;
        ota.code = QStringLiteral("OTA");
        ota.name = QStringLiteral("Otavalo");
        ota.city = QStringLiteral("Otavalo");
        otaId = directory.addBranch(ota, &error);
        REQUIRE(otaId > 0);
        StaffMember pool;
        pool.username = QStringLiteral("cobranzas");
        pool.fullName = QStringLiteral("COBRANZAS ANDINA");
        pool.initials = QStringLiteral("COB");
        pool.role = Role::OficialCobranzas;
        pool.branchId = ibaId;
        pool.pooled = true;
        poolId = directory.addStaff(pool, &error);
        REQUIRE(poolId > 0);
        if (withAdmin) {
            const LoginOutcome created =
                auth().createAdministrator(QStringLiteral("admin"), QStringLiteral("Mónica Chávez"), kAdminPassword);
            REQUIRE(created.ok);
            admin = created.session;
        }
    }

    Authenticator auth() const { return Authenticator(*db, clock, PasswordHasher::fastForTests()); }
    UserService users(const Session &who) const
    {
        return UserService(*db, who, PermissionTable::defaults(), clock, PasswordHasher::fastForTests());
    }
    // A user created by the administrator through the service.
    void addUser(const QString &username, Role role, const QString &branch, const QString &password)
    {
        NewUser u;
        u.username = username;
        u.fullName = QStringLiteral("Usuario %1").arg(username);
        u.initials = QStringLiteral("US");
        u.role = role;
        u.branchCode = branch;
        QString error;
        const bool added = users(admin).addUser(u, password, &error);
        INFO(error.toStdString());
        REQUIRE(added);
    }

    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    FixedClock clock{QDateTime(QDate(2024, 3, 4), QTime(8, 0))};
    qint64 ibaId = 0;
    qint64 otaId = 0;
    qint64 poolId = 0;
    Session admin;
};

} // namespace cobranza::test
