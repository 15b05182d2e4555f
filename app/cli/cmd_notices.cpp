#include "cli.h"

#include "noticereport.h"
#include "notices/noticeservice.h"
#include "output.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"

#include <QCoreApplication>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }
QString iso(QDate d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

// The cut-off notices are read from: --corte, else the newest.
std::optional<QDate> noticeCutOff(Context &ctx, const Database &db, const QCommandLineParser &args)
{
    if (args.isSet(QStringLiteral("corte"))) {
        const QDate d = parseCliDate(args.value(QStringLiteral("corte")));
        if (!d.isValid()) {
            ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD) en --corte.\n").arg(args.value(QStringLiteral("corte")));
            return std::nullopt;
        }
        return d;
    }
    if (const auto newest = newestSnapshot(db))
        return newest->cutOff;
    ctx.err << tr("Error: no hay cortes importados; use «cobranza-cli import ARCHIVO».\n");
    return std::nullopt;
}

// --branch within what the user may see: his own branch, or any for head office.
std::optional<QString> branchOption(Context &ctx, const Session &session, const QCommandLineParser &args)
{
    const QString scope = branchScope(session);
    const QString asked = args.value(QStringLiteral("branch"));
    if (!scope.isEmpty() && !asked.isEmpty() && asked.compare(scope, Qt::CaseInsensitive) != 0) {
        ctx.err << tr("Error: %1 solo trabaja la agencia %2.\n").arg(session.fullName, scope);
        return std::nullopt;
    }
    return scope.isEmpty() ? asked : scope;
}

std::optional<std::optional<NoticeType>> typeOption(Context &ctx, const QCommandLineParser &args)
{
    if (!args.isSet(QStringLiteral("type")))
        return std::optional<NoticeType>();
    const auto t = parseNoticeType(args.value(QStringLiteral("type")));
    if (!t) {
        QStringList codes;
        for (NoticeType n : kAllNoticeTypes)
            codes << noticeTypeCode(n);
        ctx.err << tr("Error: «%1» no es un tipo de notificación; use %2.\n")
                       .arg(args.value(QStringLiteral("type")), codes.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return std::optional<NoticeType>(*t);
}

int runNotices(Context &ctx, const QCommandLineParser &args)
{
    if (!args.isSet(QStringLiteral("due"))) {
        ctx.err << tr("Error: use «notices --due [--branch X] [--staff X] [--type T]».\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto cutOff = noticeCutOff(ctx, *db, args);
    const auto branch = branchOption(ctx, session, args);
    const auto type = typeOption(ctx, args);
    if (!cutOff || !branch || !type)
        return BadUsage;
    NoticeDueFilter filter;
    filter.branchCode = *branch;
    filter.staffUsername = args.value(QStringLiteral("staff"));
    filter.type = *type;
    if (!filter.staffUsername.isEmpty() && !DirectoryStore(*db).staffByUsername(filter.staffUsername)) {
        ctx.err << tr("Error: no existe el usuario «%1».\n").arg(filter.staffUsername);
        return BadUsage;
    }
    const std::vector<NoticeDue> due = noticesDue(*db, *cutOff, RulesStore(*db).portfolioRules(), filter);
    Table table({QStringLiteral("SUCURSAL"), QStringLiteral("NOTIFICACION"), QStringLiteral("NUMERO_CREDITO"),
                 QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("OFICIAL_CREDITO"), QStringLiteral("DIAS_MORA"),
                 QStringLiteral("VALOR_VENCIDO"), QStringLiteral("MORA_DESDE"), QStringLiteral("IMPRESA"),
                 QStringLiteral("AGENDADO_A")});
    for (const NoticeDue &d : due)
        table.addRow({d.line.row.branchCode, noticeTypeCode(d.type), d.line.row.creditNumber, d.line.fullName,
                      d.line.row.officer, QString::number(d.line.row.daysPastDue), d.line.row.overdue.toPlainString(),
                      iso(d.episodeStart), iso(d.printedOn), d.bookedTo});
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

} // namespace

int runPrintNotices(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const QString out = args.value(QStringLiteral("o"));
    const auto type = typeOption(ctx, args);
    const auto branch = branchOption(ctx, session, args);
    const auto cutOff = noticeCutOff(ctx, *db, args);
    if (!type || !branch || !cutOff)
        return BadUsage;
    if (out.isEmpty()) {
        ctx.err << tr("Error: falta -o ARCHIVO.pdf.\n");
        return BadUsage;
    }
    QDate date = ctx.clock().today();
    if (args.isSet(QStringLiteral("date")) && !(date = parseCliDate(args.value(QStringLiteral("date")))).isValid()) {
        ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD) en --date.\n").arg(args.value(QStringLiteral("date")));
        return BadUsage;
    }
    // The credits named after the options, or every notice due of the branch (of the type asked).
    QStringList credits = args.positionalArguments().mid(1);
    const RulesStore rules(*db);
    if (credits.isEmpty()) {
        NoticeDueFilter filter;
        filter.branchCode = *branch;
        filter.staffUsername = args.value(QStringLiteral("staff"));
        filter.type = *type;
        for (const NoticeDue &d : noticesDue(*db, *cutOff, rules.portfolioRules(), filter))
            credits << d.line.row.creditNumber;
        if (credits.isEmpty()) {
            ctx.err << tr("No hay notificaciones pendientes con esos filtros: no se escribió ningún PDF.\n");
            return Ok;
        }
    }
    NoticeRequest request;
    request.creditNumbers = credits;
    request.type = *type;
    request.cutOff = *cutOff;
    request.date = date;
    const NoticeReport report(Letterhead::fromSettings(*db));
    const bool terminal = ctx.stderrIsTerminal();
    const NoticeBatchResult r =
        NoticeService(*db, session, ctx.permissions(), rules.portfolioRules(), NoticeTemplates::fromSettings(*db), ctx.clock())
            .print(request, [&](const QList<NoticeDocument> &pages, QString *error) {
                return report.writePdf(out, pages, error, [&](int done, int total) {
                    if (terminal && (done % 50 == 0 || done == total))
                        ctx.err << tr("\rImprimiendo: %1 de %2 páginas").arg(done).arg(total) << (done == total ? "\n" : "")
                                << Qt::flush;
                    return true;
                });
            });
    if (!r.ok) {
        ctx.err << tr("Error: no se imprimieron las notificaciones; nada quedó registrado.\n");
        for (const QString &e : r.errors)
            ctx.err << QStringLiteral("  - %1\n").arg(e);
        return Failed;
    }
    ctx.out << tr("%1 páginas de %2 créditos guardadas en %3%4.\n")
                   .arg(r.pages)
                   .arg(credits.size())
                   .arg(out, r.copies > 0 ? tr(" (%1 copias de notificaciones ya impresas)").arg(r.copies) : QString());
    return Ok;
}

QList<Command> noticeCommands()
{
    return {
        {QStringLiteral("notices"),
         QStringLiteral("notices --due [--corte D] [--branch X] [--staff USUARIO] [--type TIPO] [--format table|csv|json]"),
         tr("Notificaciones escritas pendientes: créditos cuya etapa pide una notificación aún no entregada en esta mora."),
         {{{QStringLiteral("due")}, QString(), tr("Lista las pendientes.")},
          {{QStringLiteral("corte")}, QStringLiteral("AAAA-MM-DD"), tr("Corte (por defecto el más reciente).")},
          {{QStringLiteral("branch")}, QStringLiteral("X"), tr("Solo esta agencia.")},
          {{QStringLiteral("staff")}, QStringLiteral("USUARIO"), tr("Solo los créditos de este oficial o agendados a él.")},
          {{QStringLiteral("type")}, QStringLiteral("TIPO"), tr("Solo este tipo (F1TG, F2TG, ULTIMA, …).")},
          {{QStringLiteral("format")}, QStringLiteral("table|csv|json"), tr("Formato de salida (por defecto table)."),
           QStringLiteral("table")}},
         runNotices},
    };
}

} // namespace cobranza::cli
