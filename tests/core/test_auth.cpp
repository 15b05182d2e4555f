#include "store/settingsstore.h"
#include "audit/auditlog.h"
#include "auth/userservice.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

const QString kPassword = QStringLiteral("Cobranza2026");

// A branch, an administrator and an advisor with passwords, on a clock the test moves.
struct AuthFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(8, 10))};
    Session admin;

    AuthFixture()
    {
        test::ensureCoreApp();
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("auth.sqlite")), &error);
        REQUIRE(db);
        DirectoryStore directory(*db);
        for (const auto &[code, name] : {std::pair{"IBA", "Ibarra Matriz"}, std::pair{"OTA", "Otavalo"}}) {
            Branch b;
            b.code = QString::fromLatin1(code);
            b.name = QString::fromLatin1(name);
            REQUIRE(directory.addBranch(b) > 0);
        }
        Authenticator auth(*db, clock, PasswordHasher::fastForTests());
        const LoginOutcome created =
            auth.createAdministrator(QStringLiteral("admin"), QStringLiteral("Administrador"), kPassword);
        REQUIRE(created.ok);
        admin = created.session;
        NewUser advisor{QStringLiteral("epsubia"), QStringLiteral("Subia Paspuezan Edgar Patricio"),
                        QStringLiteral("EPS"), Role::AsesorNegocios, QStringLiteral("IBA"), {}};
        REQUIRE(users(admin).addUser(advisor, kPassword, &error));
    }
    Authenticator auth() const { return Authenticator(*db, clock, PasswordHasher::fastForTests()); }
    UserService users(const Session &who) const
    {
        return UserService(*db, who, PermissionTable::defaults(), clock, PasswordHasher::fastForTests());
    }
    int audits(const QString &action) const
    {
        AuditFilter f;
        int n = 0;
        for (const AuditEntry &e : AuditLog(*db, clock).entries(f))
            n += e.action == action ? 1 : 0;
        return n;
    }
};

} // namespace

TEST_CASE("Passwords are stored only as Argon2id hashes", "[auth]")
{
    AuthFixture f;
    QSqlQuery q(f.db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT password_hash FROM staff WHERE username = 'epsubia'")));
    REQUIRE(q.next());
    const QString hash = q.value(0).toString();
    CHECK(hash.startsWith(QStringLiteral("$argon2id$")));
    CHECK_FALSE(hash.contains(kPassword));
    CHECK(PasswordHasher::verify(hash, kPassword));
    CHECK_FALSE(PasswordHasher::verify(hash, QStringLiteral("cobranza2026")));
}

TEST_CASE("A user signs in at his branch - head office may choose the branch", "[auth]")
{
    AuthFixture f;
    const LoginOutcome ok = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword);
    REQUIRE(ok.ok);
    CHECK(ok.session.role == Role::AsesorNegocios);
    CHECK(ok.session.branchCode == QStringLiteral("IBA"));
    CHECK(ok.session.initials == QStringLiteral("EPS"));
    CHECK(f.audits(QStringLiteral("LOGIN")) == 1);

    const LoginOutcome elsewhere = f.auth().login(QStringLiteral("OTA"), QStringLiteral("epsubia"), kPassword);
    CHECK_FALSE(elsewhere.ok);
    CHECK(elsewhere.message.contains(QStringLiteral("pertenece a la agencia Ibarra Matriz")));

    const LoginOutcome headOffice = f.auth().login(QStringLiteral("OTA"), QStringLiteral("admin"), kPassword);
    REQUIRE(headOffice.ok);
    CHECK(headOffice.session.branchCode == QStringLiteral("OTA"));
}

TEST_CASE("Five wrong passwords lock the user for fifteen minutes - all audited", "[auth]")
{
    AuthFixture f;
    for (int i = 1; i <= 4; ++i) {
        const LoginOutcome r = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("x"));
        CHECK_FALSE(r.ok);
        CHECK(r.message == QStringLiteral("Usuario o contraseña incorrectos."));
    }
    const LoginOutcome fifth = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("x"));
    CHECK_FALSE(fifth.ok);
    CHECK(fifth.message.contains(QStringLiteral("bloqueado 15 minutos")));
    CHECK(f.audits(QStringLiteral("LOGIN_FAILED")) == 5);
    CHECK(f.audits(QStringLiteral("LOCKED")) == 1);

    // The right password does not open a locked account…
    f.clock.set(f.clock.now().addSecs(14 * 60 + 59));
    const LoginOutcome locked = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword);
    CHECK_FALSE(locked.ok);
    CHECK(locked.message.contains(QStringLiteral("bloqueado")));
    // …until the fifteen minutes are over.
    f.clock.set(f.clock.now().addSecs(2));
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword).ok);
}

TEST_CASE("A disabled user cannot sign in - users are never deleted", "[auth]")
{
    AuthFixture f;
    QString error;
    REQUIRE(f.users(f.admin).disableUser(QStringLiteral("epsubia"), &error));
    const LoginOutcome r = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword);
    CHECK_FALSE(r.ok);
    CHECK(r.message.contains(QStringLiteral("desactivado")));
    CHECK(DirectoryStore(*f.db).staffByUsername(QStringLiteral("epsubia")).has_value());
    CHECK(f.audits(QStringLiteral("USER_DISABLED")) == 1);
}

TEST_CASE("Only Sistemas manages users - with a Spanish refusal and nothing changed", "[auth][permissions]")
{
    AuthFixture f;
    const Session advisor = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword).session;
    const UserService service = f.users(advisor);
    QString error;
    const NewUser intruder{QStringLiteral("intruso"), QStringLiteral("Intruso"), QStringLiteral("INT"),
                           Role::Sistemas, {}, {}};
    CHECK_FALSE(service.addUser(intruder, kPassword, &error));
    CHECK(error.contains(QStringLiteral("no tiene permiso para administrar usuarios")));
    CHECK_FALSE(DirectoryStore(*f.db).staffByUsername(QStringLiteral("intruso")));
    error.clear();
    CHECK_FALSE(service.disableUser(QStringLiteral("admin"), &error));
    CHECK(error.contains(QStringLiteral("no tiene permiso")));
    error.clear();
    CHECK_FALSE(service.resetPassword(QStringLiteral("admin"), QStringLiteral("Otra2026x"), &error));
    CHECK(error.contains(QStringLiteral("no tiene permiso")));
    CHECK(f.auth().login(QString(), QStringLiteral("admin"), kPassword).ok);
}

TEST_CASE("A user changes his own password - the administrator resets another's", "[auth]")
{
    AuthFixture f;
    const Session advisor = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword).session;
    QString error;
    CHECK_FALSE(f.users(advisor).changeOwnPassword(QStringLiteral("mala"), QStringLiteral("Nueva2026x"), &error));
    CHECK(error.contains(QStringLiteral("actual no es correcta")));
    CHECK_FALSE(f.users(advisor).changeOwnPassword(kPassword, QStringLiteral("corta1"), &error));
    CHECK(error.contains(QStringLiteral("al menos 8")));
    REQUIRE(f.users(advisor).changeOwnPassword(kPassword, QStringLiteral("Nueva2026x"), &error));
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("Nueva2026x")).ok);

    REQUIRE(f.users(f.admin).resetPassword(QStringLiteral("epsubia"), QStringLiteral("Reinicio2026"), &error));
    CHECK_FALSE(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("Nueva2026x")).ok);
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("Reinicio2026")).ok);
    CHECK(f.audits(QStringLiteral("PASSWORD_RESET")) == 1);
    CHECK(f.audits(QStringLiteral("PASSWORD_CHANGED")) == 1);
}

TEST_CASE("The first administrator is created once", "[auth]")
{
    AuthFixture f;
    const LoginOutcome again = f.auth().createAdministrator(QStringLiteral("otro"), QString(), kPassword);
    CHECK_FALSE(again.ok);
    CHECK(again.message.contains(QStringLiteral("Ya hay usuarios")));
}

TEST_CASE("The lockout follows the cooperative's settings", "[auth]")
{
    AuthFixture f;
    REQUIRE(SettingsStore(*f.db).setValue(SettingsStore::SecurityMaxFailedLogins, QStringLiteral("3")));
    REQUIRE(SettingsStore(*f.db).setValue(SettingsStore::SecurityLockoutMinutes, QStringLiteral("60")));
    for (int i = 1; i <= 2; ++i)
        CHECK_FALSE(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("x")).ok);
    const LoginOutcome third = f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), QStringLiteral("x"));
    CHECK(third.message.contains(QStringLiteral("bloqueado 60 minutos")));
    f.clock.set(f.clock.now().addSecs(59 * 60));
    CHECK_FALSE(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword).ok);
    f.clock.set(f.clock.now().addSecs(61));
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("epsubia"), kPassword).ok);
}
