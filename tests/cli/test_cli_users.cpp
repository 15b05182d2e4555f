// End-to-end: the CLI signs in as a user, with the window's permissions and audit, and the
// administrator manages users from the shell.
#include "portfoliofile.h"
#include "store/database.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using cobranza::test::CliRun;
using cobranza::test::runCli;

namespace {

const QString kDemoPassword = QStringLiteral("Cobranza2026");

// One database; each run names its user and password (nullptr: no COBRANZA_PASSWORD at all).
struct UsersFixture
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("usuarios.sqlite"));
    CliRun as(const QString &user, const char *password, QStringList args, const QByteArray &input = {},
              QStringList env = {})
    {
        args.prepend(user);
        args.prepend(QStringLiteral("--user"));
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        // Test-only: minimum Argon2id cost for the hashes the CLI makes (verification is the same).
        env.append(QStringLiteral("COBRANZA_TEST_FAST_HASH=1"));
        if (password)
            env.append(QStringLiteral("COBRANZA_PASSWORD=") + QString::fromUtf8(password));
        return runCli(args, input, env);
    }
    // The demo cooperative (25 staff, admin and the shared password), with a tiny portfolio.
    void demo()
    {
        const CliRun r = as(QStringLiteral("admin"), nullptr,
                            {QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("40"),
                             QStringLiteral("--corte"), QStringLiteral("2026-11-20")});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    }
    qint64 audited(const QString &action, const QString &recordId)
    {
        cobranza::test::ensureCoreApp();
        QString error;
        const auto database = cobranza::Database::open(db, &error);
        REQUIRE(database);
        QSqlQuery q(database->connection());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_id = ?"));
        q.addBindValue(action);
        q.addBindValue(recordId);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        return q.value(0).toLongLong();
    }
};

const QString kNoUsers = QStringLiteral("No hay usuarios: cree el administrador con «cobranza-cli init --admin NOMBRE».");

} // namespace

TEST_CASE("cobranza-cli init creates the administrator once - every command then signs in", "[cli]")
{
    UsersFixture f;
    const QString jefe = QStringLiteral("jefe");
    // No users yet: commands that need one point to init; check still runs.
    const CliRun before = f.as(jefe, "Clave2026segura", {QStringLiteral("snapshots")});
    CHECK(before.exitCode == 1);
    CHECK(before.err.contains(kNoUsers));
    CHECK(f.as(jefe, nullptr, {QStringLiteral("check")}).exitCode == 0);
    CHECK(f.as(jefe, nullptr, {QStringLiteral("init")}).exitCode == 2);

    const CliRun weak = f.as(jefe, "corta", {QStringLiteral("init"), QStringLiteral("--admin"), jefe});
    CHECK(weak.exitCode == 1);
    CHECK(weak.err.contains(QStringLiteral("al menos 8 caracteres")));
    const CliRun init = f.as(jefe, "Clave2026segura",
                             {QStringLiteral("init"), QStringLiteral("--admin"), jefe, QStringLiteral("--nombre"),
                              QStringLiteral("Rosa Pérez")});
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.contains(QStringLiteral("Administrador «jefe» creado")));
    const CliRun again = f.as(jefe, "Clave2026segura", {QStringLiteral("init"), QStringLiteral("--admin"),
                                                         QStringLiteral("otro")});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("ya tiene usuarios")));

    // The password from the environment, then from standard input.
    const CliRun env = f.as(jefe, "Clave2026segura", {QStringLiteral("snapshots")});
    INFO(env.err.toStdString());
    CHECK(env.exitCode == 0);
    CHECK(env.out.startsWith(QStringLiteral("CORTE")));
    const CliRun stdinLine = f.as(jefe, nullptr, {QStringLiteral("check")}, "Clave2026segura\n");
    CHECK(stdinLine.exitCode == 0);
    CHECK(stdinLine.out.trimmed() == QStringLiteral("ok"));

    // Wrong or missing password: refused with the core's Spanish message, and audited.
    const CliRun wrong = f.as(jefe, "Otra2026clave", {QStringLiteral("check")});
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.err.contains(QStringLiteral("Usuario o contraseña incorrectos.")));
    CHECK(wrong.out.isEmpty());
    const CliRun none = f.as(jefe, nullptr, {QStringLiteral("snapshots")});
    CHECK(none.exitCode == 1);
    CHECK(none.err.contains(QStringLiteral("COBRANZA_PASSWORD")));
    const CliRun nobody = f.as(QStringLiteral("nadie"), "Clave2026segura", {QStringLiteral("snapshots")});
    CHECK(nobody.exitCode == 1);
    CHECK(nobody.err.contains(QStringLiteral("Usuario o contraseña incorrectos.")));
    CHECK(f.audited(QStringLiteral("LOGIN_FAILED"), jefe) == 1);
    CHECK(f.audited(QStringLiteral("LOGIN"), jefe) == 2);
    CHECK(f.audited(QStringLiteral("USER_CREATED"), jefe) == 1);

    // Own password: the current one signs in, the new one replaces it.
    const CliRun passwd = f.as(jefe, "Clave2026segura", {QStringLiteral("user"), QStringLiteral("passwd")}, {},
                               {QStringLiteral("COBRANZA_NEW_PASSWORD=Nueva2026clave")});
    INFO(passwd.err.toStdString());
    CHECK(passwd.exitCode == 0);
    CHECK(f.as(jefe, "Clave2026segura", {QStringLiteral("check")}).exitCode == 1);
    CHECK(f.as(jefe, "Nueva2026clave", {QStringLiteral("check")}).exitCode == 0);
}

TEST_CASE("cobranza-cli user: the administrator adds - disables and resets - others are refused", "[cli]")
{
    UsersFixture f;
    f.demo();
    const QString admin = QStringLiteral("admin");
    const QString advisor = QStringLiteral("lmora");

    // An advisor of the demo may look but not import, with the permission's Spanish refusal.
    cobranza::test::PortfolioFile portfolio;
    portfolio.addValid(3);
    const QString path = cobranza::test::writeFile(f.dir, QStringLiteral("cartera.csv"), portfolio.utf8());
    const CliRun refused = f.as(QStringLiteral("epsubia"), "Cobranza2026", {QStringLiteral("import"), path});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("no tiene permiso para importar la cartera")));
    const CliRun notAdmin = f.as(QStringLiteral("epsubia"), "Cobranza2026",
                                 {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("mfpenaherrera")});
    CHECK(notAdmin.exitCode == 1);
    CHECK(notAdmin.err.contains(QStringLiteral("no tiene permiso")));

    // Bad usage is 2, before any password is asked.
    CHECK(f.as(admin, nullptr, {QStringLiteral("user")}).exitCode == 2);
    CHECK(f.as(admin, nullptr, {QStringLiteral("user"), QStringLiteral("borrar"), advisor}).exitCode == 2);
    CHECK(f.as(admin, "Cobranza2026", {QStringLiteral("user"), QStringLiteral("add"), advisor}).exitCode == 2);
    CHECK(f.as(admin, "Cobranza2026",
               {QStringLiteral("user"), QStringLiteral("add"), advisor, QStringLiteral("--nombre"), QStringLiteral("X"),
                QStringLiteral("--iniciales"), QStringLiteral("LM"), QStringLiteral("--rol"), QStringLiteral("cajero")})
              .exitCode
          == 2);

    // The administrator adds an advisor at Otavalo; the new password comes from stdin here.
    const QStringList add = {QStringLiteral("user"),         QStringLiteral("add"),
                             advisor,                        QStringLiteral("--nombre"),
                             QStringLiteral("MORA LEMA LUIS"), QStringLiteral("--iniciales"),
                             QStringLiteral("lm"),           QStringLiteral("--rol"),
                             QStringLiteral("ASESOR_NEGOCIOS"), QStringLiteral("--agencia"),
                             QStringLiteral("OTA")};
    const CliRun added = f.as(admin, nullptr, add, "Cobranza2026\nMora2026clave\n");
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(f.as(admin, "Cobranza2026", add, {}, {QStringLiteral("COBRANZA_NEW_PASSWORD=Mora2026clave")}).exitCode == 1);

    const CliRun listed = f.as(advisor, "Mora2026clave",
                               {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--format"),
                                QStringLiteral("csv")});
    INFO(listed.err.toStdString());
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("lmora,MORA LEMA LUIS,LM,Asesor de Negocios,OTA,activo")));

    // Disabled, the user cannot run anything; the row stays.
    CHECK(f.as(admin, "Cobranza2026", {QStringLiteral("user"), QStringLiteral("disable"), advisor}).exitCode == 0);
    const CliRun disabled = f.as(advisor, "Mora2026clave", {QStringLiteral("snapshots")});
    CHECK(disabled.exitCode == 1);
    CHECK(disabled.err.contains(QStringLiteral("desactivado")));
    CHECK(f.as(admin, "Cobranza2026", {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--format"),
                                       QStringLiteral("csv")})
              .out.contains(QStringLiteral("lmora,MORA LEMA LUIS,LM,Asesor de Negocios,OTA,desactivado")));
    const CliRun self = f.as(admin, "Cobranza2026", {QStringLiteral("user"), QStringLiteral("disable"), admin});
    CHECK(self.exitCode == 1);
    CHECK(self.err.contains(QStringLiteral("No puede desactivar su propio usuario.")));

    // Enabled again with a new password from the administrator.
    CHECK(f.as(admin, "Cobranza2026", {QStringLiteral("user"), QStringLiteral("enable"), advisor}).exitCode == 0);
    const CliRun reset = f.as(admin, "Cobranza2026", {QStringLiteral("user"), QStringLiteral("reset-password"), advisor},
                              {}, {QStringLiteral("COBRANZA_NEW_PASSWORD=Otra2026clave")});
    INFO(reset.err.toStdString());
    CHECK(reset.exitCode == 0);
    CHECK(f.as(advisor, "Mora2026clave", {QStringLiteral("snapshots")}).exitCode == 1);
    CHECK(f.as(advisor, "Otra2026clave", {QStringLiteral("snapshots")}).exitCode == 0);
    CHECK(f.audited(QStringLiteral("USER_DISABLED"), advisor) == 1);
    CHECK(f.audited(QStringLiteral("PASSWORD_RESET"), advisor) == 1);
}

TEST_CASE("cobranza-cli user list on the demo shows admin and a user of every role and branch", "[cli]")
{
    UsersFixture f;
    f.demo();
    const CliRun list = f.as(QStringLiteral("admin"), "Cobranza2026",
                             {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--format"),
                              QStringLiteral("json")});
    INFO(list.err.toStdString());
    REQUIRE(list.exitCode == 0);
    CHECK(list.err.contains(kDemoPassword));
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QSet<QString> roles;
    QSet<QString> branchRoles;
    bool admin = false;
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        admin = admin || (o.value(QStringLiteral("USUARIO")).toString() == QStringLiteral("admin")
                          && o.value(QStringLiteral("ROL")).toString() == QStringLiteral("Sistemas"));
        if (o.value(QStringLiteral("ESTADO")).toString() != QStringLiteral("activo"))
            continue;
        roles.insert(o.value(QStringLiteral("ROL")).toString());
        branchRoles.insert(o.value(QStringLiteral("AGENCIA")).toString() + u'/' + o.value(QStringLiteral("ROL")).toString());
    }
    CHECK(admin);
    CHECK(roles.size() == 7);
    for (const char *branch : {"IBA", "OTA", "ATU", "COT"})
        for (const char *role : {"Asesor de Negocios", "Coordinador de Agencia", "Oficial de Cobranzas",
                                 "Pivot de Crédito"}) {
            INFO(branch << " " << role);
            CHECK(branchRoles.contains(QString::fromUtf8(branch) + u'/' + QString::fromUtf8(role)));
        }
    // A head-office user picks the branch with --agencia; a branch user cannot pick another.
    CHECK(f.as(QStringLiteral("gfpozo"), "Cobranza2026", {QStringLiteral("--agencia"), QStringLiteral("COT"),
                                                         QStringLiteral("snapshots")})
              .exitCode
          == 0);
    const CliRun foreign = f.as(QStringLiteral("epsubia"), "Cobranza2026",
                                {QStringLiteral("--agencia"), QStringLiteral("OTA"), QStringLiteral("snapshots")});
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.err.contains(QStringLiteral("pertenece a la agencia")));
}
