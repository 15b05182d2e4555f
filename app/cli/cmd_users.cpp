// init and user: the first administrator, and the administrator's and each user's account
// operations. Permission and audit live in UserService; this file only reads arguments and passwords.
#include "cli.h"

#include "auth/userservice.h"
#include "demo/demodirectory.h"
#include "demo/demoseeder.h"
#include "output.h"
#include "store/directorystore.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QHash>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

const char *const kNewPasswordVariable = "COBRANZA_NEW_PASSWORD";

QString userSynopsis()
{
    return QStringLiteral("user list [--format table|csv|json]\n"
                          "       cobranza-cli user add USUARIO --nombre NOMBRE --iniciales INI --rol ROL "
                          "[--agencia CODIGO] [--pool USUARIO]\n"
                          "       cobranza-cli user disable USUARIO\n"
                          "       cobranza-cli user enable USUARIO\n"
                          "       cobranza-cli user reset-password USUARIO\n"
                          "       cobranza-cli user passwd");
}

int badUsage(Context &ctx)
{
    ctx.err << tr("Uso: cobranza-cli %1\n").arg(userSynopsis());
    return BadUsage;
}

// 0 when the service did it, else 1 with its Spanish reason.
int outcome(Context &ctx, bool ok, const QString &error, const QString &done)
{
    if (!ok) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << done << u'\n';
    return Ok;
}

std::optional<QString> newPassword(Context &ctx, const QString &whose)
{
    return ctx.readPassword(kNewPasswordVariable, tr("Nueva contraseña de %1: ").arg(whose),
                            tr("Repita la nueva contraseña: "));
}

int runInit(Context &ctx, const QCommandLineParser &args)
{
    const QString admin = args.value(QStringLiteral("admin")).trimmed();
    if (admin.isEmpty() || !args.positionalArguments().isEmpty()) {
        ctx.err << tr("Uso: cobranza-cli init --admin USUARIO [--nombre \"Nombre completo\"]\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    if (!db)
        return Failed;
    const Authenticator auth(*db, ctx.clock(), ctx.hashCost());
    if (auth.hasUsers()) {
        ctx.err << tr("Error: la base ya tiene usuarios; el administrador crea los demás con "
                      "«cobranza-cli user add».\n");
        return Failed;
    }
    const std::optional<QString> password =
        ctx.readPassword("COBRANZA_PASSWORD", tr("Contraseña del administrador %1: ").arg(admin),
                         tr("Repita la contraseña: "));
    if (!password)
        return Failed;
    const LoginOutcome created = auth.createAdministrator(admin, args.value(QStringLiteral("nombre")), *password);
    return outcome(ctx, created.ok, created.message,
                   tr("Administrador «%1» creado; los comandos entran con «--user %1» y su contraseña.").arg(admin));
}

int listUsers(Context &ctx, const UserService &service, const QString &format)
{
    Database *db = ctx.database();
    const DirectoryStore directory(*db);
    QHash<qint64, QString> branchCodes;
    for (const Branch &b : directory.branches())
        branchCodes.insert(b.id, b.code);
    Table table({tr("USUARIO"), tr("NOMBRE"), tr("INICIALES"), tr("ROL"), tr("AGENCIA"), tr("ESTADO")});
    for (const StaffMember &s : service.users()) {
        const QString state = s.pooled ? tr("compartido") : s.active ? tr("activo") : tr("desactivado");
        table.addRow({s.username, s.fullName, s.initials, roleLabel(s.role), branchCodes.value(s.branchId), state});
    }
    if (!table.print(ctx, format))
        return BadUsage;
    ctx.out.flush(); // the note follows the table on a terminal, not in the middle of its last line
    // The demo's shared password is no secret: the README prints it too.
    if (SettingsStore(*db).value(SettingsStore::CooperativeShortName) == DemoDirectory::instance().cooperativeShort)
        ctx.err << tr("Nota: base de demostración; todos entran con la contraseña «%1», menos el usuario "
                      "compartido, que no inicia sesión.\n")
                       .arg(DemoSeeder::kDemoPassword);
    return Ok;
}

// The new user as the options describe it; nothing (after saying why) when they are incomplete.
std::optional<NewUser> newUserFrom(Context &ctx, const QCommandLineParser &args, const QString &username)
{
    for (const char *required : {"nombre", "iniciales", "rol"}) {
        if (args.value(QString::fromLatin1(required)).trimmed().isEmpty()) {
            ctx.err << tr("Error: falta --%1.\n").arg(QString::fromLatin1(required));
            return std::nullopt;
        }
    }
    const std::optional<Role> role = parseRole(args.value(QStringLiteral("rol")));
    if (!role) {
        QStringList codes;
        for (Role r : kAllRoles)
            codes.append(roleCode(r));
        ctx.err << tr("Error: «%1» no es un rol; use %2.\n")
                       .arg(args.value(QStringLiteral("rol")), codes.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    NewUser user;
    user.username = username;
    user.fullName = args.value(QStringLiteral("nombre"));
    user.initials = args.value(QStringLiteral("iniciales")).trimmed().toUpper();
    user.role = *role;
    user.branchCode = args.value(QStringLiteral("agencia")).trimmed().toUpper();
    user.poolUsername = args.value(QStringLiteral("pool")).trimmed();
    return user;
}

int addUser(Context &ctx, const UserService &service, const NewUser &user)
{
    const std::optional<QString> password = newPassword(ctx, user.username);
    if (!password)
        return Failed;
    QString error;
    const bool ok = service.addUser(user, *password, &error);
    return outcome(ctx, ok, error, tr("Usuario «%1» creado (%2).").arg(user.username, roleLabel(user.role)));
}

int runUser(Context &ctx, const QCommandLineParser &args)
{
    static const QStringList withUser = {QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("enable"),
                                         QStringLiteral("reset-password")};
    static const QStringList alone = {QStringLiteral("list"), QStringLiteral("passwd")};
    const QStringList positional = args.positionalArguments();
    const QString action = positional.value(0);
    if (!(withUser.contains(action) && positional.size() == 2) && !(alone.contains(action) && positional.size() == 1))
        return badUsage(ctx);
    const QString format = args.value(QStringLiteral("format"));
    if (action == QLatin1String("list") && format != QLatin1String("table") && format != QLatin1String("csv")
        && format != QLatin1String("json"))
        return badUsage(ctx);
    const QString username = positional.value(1).trimmed();
    // Usage is checked before signing in, so a mistyped command never asks for a password.
    std::optional<NewUser> newUser;
    if (action == QLatin1String("add")) {
        newUser = newUserFrom(ctx, args, username);
        if (!newUser)
            return badUsage(ctx);
    }
    Session session;
    if (!ctx.resolveSession(&session))
        return Failed;
    const UserService service(*ctx.database(), session, ctx.permissions(), ctx.clock(), ctx.hashCost());
    QString error;
    if (action == QLatin1String("list"))
        return listUsers(ctx, service, format);
    if (action == QLatin1String("add"))
        return addUser(ctx, service, *newUser);
    if (action == QLatin1String("disable"))
        return outcome(ctx, service.disableUser(username, &error), error,
                       tr("Usuario «%1» desactivado; no se borra, y «user enable» lo reactiva.").arg(username));
    if (action == QLatin1String("enable"))
        return outcome(ctx, service.enableUser(username, &error), error, tr("Usuario «%1» activado.").arg(username));
    if (action == QLatin1String("reset-password")) {
        // Refuse before asking for a password the caller may not set.
        if (const auto why = refusal(ctx.permissions(), session, Permission::ManageUsers)) {
            ctx.err << tr("Error: %1\n").arg(*why);
            return Failed;
        }
        const std::optional<QString> password = newPassword(ctx, username);
        if (!password)
            return Failed;
        return outcome(ctx, service.resetPassword(username, *password, &error), error,
                       tr("Contraseña de «%1» cambiada.").arg(username));
    }
    const std::optional<QString> password = newPassword(ctx, session.username);
    if (!password)
        return Failed;
    return outcome(ctx, service.changeOwnPassword(ctx.signInPassword(), *password, &error), error,
                   tr("Su contraseña fue cambiada."));
}

} // namespace

QList<Command> userCommands()
{
    return {
        {QStringLiteral("init"), QStringLiteral("init --admin USUARIO [--nombre \"Nombre completo\"]"),
         tr("Crea el administrador de una base sin usuarios; su contraseña se toma de COBRANZA_PASSWORD o se pide "
            "dos veces."),
         {{{QStringLiteral("admin")}, QStringLiteral("USUARIO"), tr("Nombre de usuario del administrador.")},
          {{QStringLiteral("nombre")}, QStringLiteral("NOMBRE"), tr("Nombre completo (por defecto «Administrador del "
                                                                    "sistema»).")}},
         runInit, Access::None},
        {QStringLiteral("user"), userSynopsis(),
         tr("Usuarios: «list» los lista; el administrador los crea («add»), desactiva («disable»; nunca se "
            "borran), reactiva («enable») y les pone una contraseña nueva («reset-password»); «passwd» cambia la "
            "propia. Las contraseñas nuevas se toman de COBRANZA_NEW_PASSWORD o se piden."),
         {{{QStringLiteral("format")}, QStringLiteral("table|csv|json"), tr("list: formato de salida (por defecto table)."),
           QStringLiteral("table")},
          {{QStringLiteral("nombre")}, QStringLiteral("NOMBRE"), tr("add: nombre completo, apellidos primero.")},
          {{QStringLiteral("iniciales")}, QStringLiteral("INI"), tr("add: iniciales con que firma (por ejemplo EPS).")},
          {{QStringLiteral("rol")}, QStringLiteral("ROL"),
           tr("add: ASESOR_NEGOCIOS, COORDINADOR_AGENCIA, OFICIAL_COBRANZAS, PIVOT_CREDITO, OFICIAL_RIESGOS, "
              "JEFE_NEGOCIOS o SISTEMAS.")},
          {{QStringLiteral("agencia")}, QStringLiteral("CODIGO"),
           tr("add: agencia del usuario (no hace falta para los roles de la matriz).")},
          {{QStringLiteral("pool")}, QStringLiteral("USUARIO"),
           tr("add: usuario compartido en que agenda un oficial de cobranzas.")}},
         runUser},
    };
}

} // namespace cobranza::cli
