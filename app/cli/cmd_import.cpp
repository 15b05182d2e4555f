#include "cli.h"

#include "import/portfolioimporter.h"
#include "store/rulesstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

QJsonObject toJson(const ImportResult &r, const QString &filePath)
{
    QJsonArray messages;
    for (const ImportMessage &m : r.messages)
        messages.append(QJsonObject{
            {QStringLiteral("severidad"),
             m.severity == ImportMessage::Severity::Error ? QStringLiteral("error") : QStringLiteral("advertencia")},
            {QStringLiteral("linea"), m.line},
            {QStringLiteral("columna"), m.column},
            {QStringLiteral("mensaje"), m.message},
            {QStringLiteral("texto"), m.format(filePath)}});
    static const char *outcomes[] = {"aceptado", "rechazado", "cancelado", "prueba"};
    return QJsonObject{{QStringLiteral("resultado"), QString::fromLatin1(outcomes[static_cast<int>(r.outcome)])},
                       {QStringLiteral("corte"), r.cutOff.isValid() ? r.cutOff.toString(Qt::ISODate) : QString()},
                       {QStringLiteral("archivo"), filePath},
                       {QStringLiteral("codificacion"), r.encoding},
                       {QStringLiteral("separador"), r.delimiter},
                       {QStringLiteral("filas"), r.rows},
                       {QStringLiteral("errores"), r.errorCount},
                       {QStringLiteral("advertencias"), r.warningCount},
                       {QStringLiteral("reemplazado"), r.replaced},
                       {QStringLiteral("importacion"), r.importId},
                       {QStringLiteral("resumen"), r.summary()},
                       {QStringLiteral("mensajes"), messages}};
}

int runImport(Context &ctx, const QCommandLineParser &args)
{
    const QStringList files = args.positionalArguments();
    const QString format = args.value(QStringLiteral("format"));
    if (files.size() != 1 || (format != QLatin1String("text") && format != QLatin1String("json"))) {
        ctx.err << tr("Uso: cobranza-cli import ARCHIVO [--corte AAAA-MM-DD] [--dry-run] [--replace] "
                      "[--format text|json]\n");
        return BadUsage;
    }
    ImportOptions options;
    options.filePath = files.first();
    options.dryRun = args.isSet(QStringLiteral("dry-run"));
    options.replace = args.isSet(QStringLiteral("replace"));
    if (args.isSet(QStringLiteral("corte"))) {
        const QDate d = parseCliDate(args.value(QStringLiteral("corte")));
        if (!d.isValid()) {
            ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD).\n").arg(args.value(QStringLiteral("corte")));
            return BadUsage;
        }
        options.cutOff = d;
    }
    Session session;
    if (!ctx.resolveSession(&session))
        return Failed;
    Database *db = ctx.database();
    PortfolioImporter importer(*db, session, ctx.permissions(), RulesStore(*db).ratingScales());
    const bool showProgress = ctx.stderrIsTerminal() && format == QLatin1String("text");
    const ImportResult r = importer.run(options, [&](qint64 done, qint64 total, qint64 rows) {
        if (showProgress && total > 0) {
            ctx.err << tr("\rImportando… %1% (%2 filas)").arg(done * 100 / total).arg(rows);
            ctx.err.flush();
        }
    });
    if (showProgress)
        ctx.err << QStringLiteral("\r%1\r").arg(QString(60, u' '));

    if (format == QLatin1String("json")) {
        ctx.out << QString::fromUtf8(QJsonDocument(toJson(r, options.filePath)).toJson(QJsonDocument::Indented));
    } else {
        for (const ImportMessage &m : r.messages) {
            if (m.severity == ImportMessage::Severity::Error) {
                ctx.err << m.format(options.filePath) << u'\n';
            } else {
                ImportMessage w = m;
                w.message = tr("advertencia: %1").arg(m.message);
                ctx.err << w.format(options.filePath) << u'\n';
            }
        }
        (r.accepted() ? ctx.out : ctx.err) << r.summary() << u'\n';
    }
    return r.accepted() ? Ok : Failed;
}

} // namespace

QList<Command> importCommands()
{
    return {{QStringLiteral("import"),
             QStringLiteral("import ARCHIVO [--corte AAAA-MM-DD] [--dry-run] [--replace] [--format text|json]"),
             tr("Importa el reporte de cartera: todo o nada; sale con 1 si el archivo se rechaza."),
             {{{QStringLiteral("corte")}, QStringLiteral("AAAA-MM-DD"),
               tr("Fecha de corte, si el archivo no trae FECHA_CORTE (o para comprobarla).")},
              {{QStringLiteral("dry-run")}, QString(), tr("Valida todo el archivo sin guardar nada.")},
              {{QStringLiteral("replace")}, QString(), tr("Reemplaza el corte si ya existe.")},
              {{QStringLiteral("format")}, QStringLiteral("text|json"), tr("Formato del informe (por defecto text)."),
               QStringLiteral("text")}},
             runImport}};
}

} // namespace cobranza::cli
