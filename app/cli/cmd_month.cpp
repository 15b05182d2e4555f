#include "cli.h"

#include "supervision/monthclose.h"

#include <QCoreApplication>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

int runCloseMonth(Context &ctx, const QCommandLineParser &args)
{
    const QDate month = QDate::fromString(args.value(QStringLiteral("month")) + QStringLiteral("-01"), Qt::ISODate);
    if (!month.isValid()) {
        ctx.err << tr("Error: indique el mes con --month AAAA-MM (por ejemplo 2026-11).\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const bool wasClosed = isMonthClosed(*db, month);
    QString error;
    if (!MonthCloseService(*db, session, ctx.permissions(), ctx.clock()).close(month, &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << (wasClosed ? tr("%1 ya estaba cerrado; nada cambió.\n") : tr("%1 cerrado: sus visitas y resultados quedan "
                                                                           "como historial de solo lectura.\n"))
                   .arg(monthName(month));
    return Ok;
}

} // namespace

QList<Command> monthCommands()
{
    return {
        {QStringLiteral("close-month"), QStringLiteral("close-month --month AAAA-MM"),
         tr("Cierra un mes ya terminado (Sistemas): sus visitas y resultados quedan como historial de solo lectura."),
         {{{QStringLiteral("month")}, QStringLiteral("AAAA-MM"), tr("Mes a cerrar.")}},
         runCloseMonth},
    };
}

} // namespace cobranza::cli
