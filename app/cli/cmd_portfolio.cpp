#include "cli.h"

#include "output.h"
#include "permissions.h"
#include "portfolio/portfolioquery.h"
#include "store/rulesstore.h"

#include <QCoreApplication>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

int runSnapshots(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    if (!db)
        return Failed;
    Table table({tr("CORTE"), tr("CREDITOS"), tr("SALDO_CAPITAL"), tr("VALOR_VENCIDO"), tr("ARCHIVO")});
    for (const SnapshotInfo &s : listSnapshots(*db))
        table.addRow({s.cutOff.toString(Qt::ISODate), QString::number(s.creditCount), s.totalBalance.toPlainString(),
                      s.totalOverdue.toPlainString(), s.fileName});
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

int runCredits(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    if (!db)
        return Failed;
    QDate cutOff;
    if (args.isSet(QStringLiteral("corte"))) {
        cutOff = parseCliDate(args.value(QStringLiteral("corte")));
        if (!cutOff.isValid()) {
            ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD).\n").arg(args.value(QStringLiteral("corte")));
            return BadUsage;
        }
    } else if (const auto newest = newestSnapshot(*db)) {
        cutOff = newest->cutOff;
    } else {
        ctx.err << tr("Error: no hay cortes importados; use «cobranza-cli import ARCHIVO».\n");
        return Failed;
    }
    PortfolioFilter filter;
    filter.branchCode = args.value(QStringLiteral("sucursal"));
    filter.officer = args.value(QStringLiteral("oficial"));
    filter.sector = args.value(QStringLiteral("sector"));
    if (args.isSet(QStringLiteral("calificacion-ant"))) {
        filter.previousRating = parseRating(args.value(QStringLiteral("calificacion-ant")));
        if (!filter.previousRating) {
            ctx.err << tr("Error: «%1» no es una calificación (A1 … E).\n").arg(args.value(QStringLiteral("calificacion-ant")));
            return BadUsage;
        }
    }
    std::optional<PortfolioSortKey> sortKey;
    bool descending = false;
    if (args.isSet(QStringLiteral("sort"))) {
        QString name = args.value(QStringLiteral("sort"));
        if (name.startsWith(u'-')) {
            descending = true;
            name = name.mid(1);
        }
        sortKey = parseSortKey(name);
        if (!sortKey) {
            ctx.err << tr("Error: no se puede ordenar por «%1»; use por ejemplo DIAS_MORA, CALIFICACION_ANT, SECTOR, "
                          "SALDO_CAPITAL o APELLIDOS_NOMBRES (con «-» delante para orden descendente).\n")
                           .arg(args.value(QStringLiteral("sort")));
            return BadUsage;
        }
    }
    // An advisor sees his branch only, as in the window; head-office roles see every branch.
    Session session;
    if (!ctx.resolveSession(&session))
        return Failed;
    const QString scope = branchScope(session);
    if (!scope.isEmpty() && !filter.branchCode.isEmpty() && filter.branchCode.compare(scope, Qt::CaseInsensitive) != 0) {
        ctx.err << tr("Error: %1 solo puede ver la cartera de la agencia %2.\n").arg(session.fullName, scope);
        return Failed;
    }
    const std::vector<PortfolioLine> lines = loadPortfolio(*db, cutOff, RulesStore(*db).portfolioRules(), scope);
    if (lines.empty() && listSnapshots(*db).isEmpty()) {
        ctx.err << tr("Error: no hay cortes importados.\n");
        return Failed;
    }
    if (lines.empty()) {
        bool known = false;
        for (const SnapshotInfo &s : listSnapshots(*db))
            known = known || s.cutOff == cutOff;
        if (!known) {
            ctx.err << tr("Error: no existe el corte %1; «cobranza-cli snapshots» lista los cortes.\n")
                           .arg(cutOff.toString(Qt::ISODate));
            return Failed;
        }
    }
    const std::vector<int> selected = selectLines(lines, filter, sortKey, descending);
    if (args.isSet(QStringLiteral("count"))) {
        ctx.out << selected.size() << u'\n';
        return Ok;
    }
    Table table({QStringLiteral("SUCURSAL"), QStringLiteral("OFICIAL_CREDITO"), QStringLiteral("NUMERO_CREDITO"),
                 QStringLiteral("NUMERO_SOCIO"), QStringLiteral("CEDULA"), QStringLiteral("APELLIDOS_NOMBRES"),
                 QStringLiteral("SEGMENTO"), QStringLiteral("SECTOR"), QStringLiteral("SALDO_CAPITAL"),
                 QStringLiteral("VALOR_VENCIDO"), QStringLiteral("CUOTAS_VENCIDAS"), QStringLiteral("DIAS_MORA"),
                 QStringLiteral("CALIFICACION"), QStringLiteral("CALIFICACION_ANT")});
    for (int i : selected) {
        const PortfolioLine &l = lines[static_cast<size_t>(i)];
        const SnapshotRow &r = l.row;
        table.addRow({r.branchCode, r.officer, r.creditNumber, l.memberNumber, l.cedula, l.fullName,
                      segmentCode(l.segment), r.sector, r.balance.toPlainString(), r.overdue.toPlainString(),
                      QString::number(r.overdueInstallments), QString::number(r.daysPastDue), ratingCode(r.rating),
                      r.previousRating ? ratingCode(*r.previousRating) : QString()});
    }
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

} // namespace

QList<Command> portfolioCommands()
{
    const Option format{{QStringLiteral("format")}, QStringLiteral("table|csv|json"),
                        tr("Formato de salida (por defecto table)."), QStringLiteral("table")};
    return {
        {QStringLiteral("snapshots"), QStringLiteral("snapshots [--format table|csv|json]"),
         tr("Lista los cortes importados, del más reciente al más antiguo, con sus totales."), {format}, runSnapshots},
        {QStringLiteral("credits"),
         QStringLiteral("credits [--corte D] [--sucursal X] [--oficial X] [--calificacion-ant R] [--sector X] "
                        "[--sort COLUMNA] [--count] [--format table|csv|json]"),
         tr("Lista los créditos de un corte con los filtros de la bandeja."),
         {{{QStringLiteral("corte")}, QStringLiteral("AAAA-MM-DD"), tr("Corte a listar (por defecto el más reciente).")},
          {{QStringLiteral("sucursal")}, QStringLiteral("X"), tr("Solo esta sucursal (código).")},
          {{QStringLiteral("oficial")}, QStringLiteral("X"), tr("Solo este oficial de crédito.")},
          {{QStringLiteral("calificacion-ant")}, QStringLiteral("R"), tr("Solo esta calificación anterior.")},
          {{QStringLiteral("sector")}, QStringLiteral("X"), tr("Solo este sector.")},
          {{QStringLiteral("sort")}, QStringLiteral("COLUMNA"), tr("Ordena por la columna (-COLUMNA: descendente).")},
          {{QStringLiteral("count")}, QString(), tr("Solo cuenta los créditos.")},
          format},
         runCredits},
    };
}

} // namespace cobranza::cli
