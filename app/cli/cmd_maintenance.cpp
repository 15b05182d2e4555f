#include "cli.h"

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
    if (args.positionalArguments().size() != 1) {
        ctx.err << tr("Uso: cobranza-cli backup ARCHIVO\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    if (!db)
        return Failed;
    QString error;
    const QString target = args.positionalArguments().first();
    if (!backupDatabase(*db, target, &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Respaldo guardado en %1.\n").arg(target);
    return Ok;
}

} // namespace

QList<Command> maintenanceCommands()
{
    return {
        {QStringLiteral("check"), QStringLiteral("check"),
         tr("Revisa la integridad de la base de datos; imprime «ok» o lo que está mal."), {}, runCheck},
        {QStringLiteral("backup"), QStringLiteral("backup ARCHIVO"),
         tr("Copia la base de datos con la copia en línea de SQLite, aun mientras otros la usan."), {}, runBackup},
    };
}

} // namespace cobranza::cli
