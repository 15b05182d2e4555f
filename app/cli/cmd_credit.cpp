#include "cli.h"

#include "credittimelinereport.h"
#include "credittimelinexlsx.h"
#include "output.h"
#include "portfolio/creditfile.h"
#include "portfolio/credittimeline.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace cobranza::cli {


namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

int runExpediente(Context &ctx, const QCommandLineParser &args)
{
    const QStringList positional = args.positionalArguments();
    if (positional.size() != 1) {
        ctx.err << tr("Error: indique un número de crédito: expediente CREDITO.\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const QString number = positional.constFirst().trimmed();
    const std::optional<CreditFile> file = loadCreditFile(*db, number);
    if (!file) {
        ctx.err << tr("Error: no existe el crédito %1 en los cortes importados.\n").arg(number);
        return Failed;
    }
    // An advisor sees his branch's credits only, as in the window.
    const QString scope = branchScope(session);
    if (const CreditHistoryPoint *p = file->latest();
        p && !scope.isEmpty() && p->branchCode.compare(scope, Qt::CaseInsensitive) != 0) {
        ctx.err << tr("Error: el crédito %1 es de la agencia %2; %3 solo ve la agencia %4.\n")
                       .arg(number, p->branchCode, session.fullName, scope);
        return Failed;
    }

    QList<CreditEvent> events = loadCreditTimeline(*db, file->credit.creditNumber);
    if (!args.isSet(QStringLiteral("todos")))
        events.removeIf([](const CreditEvent &e) { return e.routine; });

    const QString pdf = args.value(QStringLiteral("pdf"));
    const QString xlsx = args.value(QStringLiteral("xlsx"));
    if (!pdf.isEmpty()) {
        // Laying out text needs the GUI application's fonts (offscreen is enough).
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
            ctx.err << tr("Error: no se pudo preparar la generación del PDF; use --xlsx o la ventana del crédito.\n");
            return Failed;
        }
        CreditTimelineReport report(Letterhead::fromSettings(*db));
        report.setPrintedAt(ctx.clock().now());
        QString error;
        if (!report.writePdf(pdf, *file, events, &error)) {
            ctx.err << tr("Error: %1\n").arg(error);
            return Failed;
        }
        ctx.out << tr("Expediente del crédito %1 (%2 eventos) guardado en %3.\n")
                       .arg(file->credit.creditNumber)
                       .arg(events.size())
                       .arg(pdf);
    }
    if (!xlsx.isEmpty()) {
        QString error;
        if (!exportCreditTimelineXlsx(xlsx, *file, events, &error)) {
            ctx.err << tr("Error: %1\n").arg(error);
            return Failed;
        }
        ctx.out << tr("Expediente del crédito %1 (%2 eventos) guardado en %3.\n")
                       .arg(file->credit.creditNumber)
                       .arg(events.size())
                       .arg(xlsx);
    }
    if (!pdf.isEmpty() || !xlsx.isEmpty())
        return Ok;

    Table table({QStringLiteral("FECHA"), QStringLiteral("EVENTO"), QStringLiteral("DETALLE"),
                 QStringLiteral("USUARIO"), QStringLiteral("VALOR")});
    for (const CreditEvent &e : std::as_const(events)) {
        const QString when = e.dateOnly ? e.at.date().toString(Qt::ISODate)
                                        : e.at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        table.addRow({when, e.title, e.detail, e.who, e.amount ? e.amount->toPlainString() : QString()});
    }
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

} // namespace

QList<Command> creditCommands()
{
    return {
        {QStringLiteral("expediente"),
         QStringLiteral("expediente CREDITO [--pdf ARCHIVO] [--xlsx ARCHIVO] [--todos] [--format table|csv|json]"),
         tr("Muestra la historia de un crédito en orden cronológico: cortes, agendamientos, resultados, promesas, "
            "notificaciones y recaudaciones."),
         {{{QStringLiteral("pdf")}, QStringLiteral("ARCHIVO"), tr("Guarda el expediente en PDF (A4 vertical).")},
          {{QStringLiteral("xlsx")}, QStringLiteral("ARCHIVO"), tr("Guarda el expediente en un libro de Excel.")},
          {{QStringLiteral("todos")}, QString(),
           tr("Incluye los cortes en que solo aumentaron los días de mora (ocultos por defecto).")},
          {{QStringLiteral("format")}, QStringLiteral("table|csv|json"), tr("Formato de salida (por defecto table)."),
           QStringLiteral("table")}},
         runExpediente},
    };
}

} // namespace cobranza::cli
