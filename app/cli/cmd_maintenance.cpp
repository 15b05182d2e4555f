#include "cli.h"

#include "services/maintenanceservice.h"
#include "store/backupmanager.h"
#include "store/maintenance.h"

#include <QCoreApplication>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

int runCheck(Context &ctx, const QCommandLineParser &)
{
    Database *db = ctx.database();
    if (!db)
        return Failed;
    const QStringList problems = integrityProblems(*db);
    if (problems.isEmpty()) {
        ctx.out << "ok\n";
        return Ok;
    }
    for (const QString &p : problems)
        ctx.out << p << u'\n';
    return Failed;
}

int runBackup(Context &ctx, const QCommandLineParser &args)
{
    const QStringList files = args.positionalArguments();
    if (files.size() > 1) {
        ctx.err << tr("Uso: cobranza-cli backup [ARCHIVO]\n");
        return BadUsage;
    }
    Session session;
    if (!ctx.resolveSession(&session))
        return Failed;
    const MaintenanceService service(*ctx.database(), session, ctx.permissions(), ctx.clock());
    QString error;
    if (files.isEmpty()) {
        const auto path = service.backupNow(&error);
        if (!path) {
            ctx.err << tr("Error: %1\n").arg(error);
            return Failed;
        }
        ctx.out << tr("Respaldo guardado en %1.\n").arg(*path);
        return Ok;
    }
    if (!service.backupTo(files.first(), &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Respaldo guardado en %1.\n").arg(files.first());
    return Ok;
}

int runRestore(Context &ctx, const QCommandLineParser &args)
{
    const QStringList files = args.positionalArguments();
    if (files.size() != 1) {
        ctx.err << tr("Uso: cobranza-cli restore ARCHIVO [--yes]\n");
        return BadUsage;
    }
    Session session;
    if (!ctx.resolveSession(&session))
        return Failed;
    const MaintenanceService service(*ctx.database(), session, ctx.permissions(), ctx.clock());
    QString error;
    if (const auto why = service.refusal()) {
        ctx.err << tr("Error: %1\n").arg(*why);
        return Failed;
    }
    // Checked before asking, so a bad backup is reported without the need to confirm anything.
    if (!BackupManager::verify(files.first(), &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    if (!args.isSet(QStringLiteral("yes"))) {
        ctx.err << tr("El respaldo %1 está sano, pero restaurarlo reemplaza todos los datos de %2 por los del "
                      "respaldo: lo registrado después de ese respaldo se pierde (antes se guarda una copia de la "
                      "base actual en %3). Repita el comando con --yes para restaurar.\n")
                       .arg(files.first(), ctx.databasePath, service.backupFolder());
        return Failed;
    }
    QString safetyCopy;
    if (!service.restore(files.first(), &error, &safetyCopy)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Base de datos restaurada desde %1.").arg(files.first());
    if (!safetyCopy.isEmpty())
        ctx.out << tr(" La base anterior quedó en %1.").arg(safetyCopy);
    ctx.out << u'\n';
    return Ok;
}

} // namespace

QList<Command> maintenanceCommands()
{
    return {
        {QStringLiteral("check"), QStringLiteral("check"),
         tr("Revisa la integridad de la base de datos; imprime «ok» o lo que está mal."), {}, runCheck,
         Access::UserIfAny},
        {QStringLiteral("backup"), QStringLiteral("backup [ARCHIVO]"),
         tr("Respalda la base de datos con la copia en línea de SQLite, aun mientras otros la usan. Sin ARCHIVO, "
            "en la carpeta de respaldos junto a la base (cobranza-AAAAMMDD-HHMMSS.sqlite), conservando los "
            "de los últimos 7 días y 4 semanas."),
         {}, runBackup, Access::User},
        {QStringLiteral("restore"), QStringLiteral("restore ARCHIVO [--yes]"),
         tr("Restaura un respaldo: primero revisa su integridad y guarda una copia de la base actual; "
            "reemplaza la base de datos solo con --yes."),
         {{{QStringLiteral("yes")}, QString(), tr("Confirma que se reemplacen los datos actuales.")}}, runRestore,
         Access::User},
    };
}

} // namespace cobranza::cli
