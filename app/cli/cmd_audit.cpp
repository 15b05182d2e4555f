// The auditor's reading of the physical samples: the month's samples with their checks counted, and
// one sample with its checks and whether its seed still draws it.
#include "cli.h"

#include "datetext.h"
#include "output.h"
#include "store/directorystore.h"
#include "supervision/samplehistory.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }
// Each count with its own plural: "1 confirmada", "2 confirmadas".
QString count(qsizetype n, const QString &one, const QString &many) { return (n == 1 ? one : many).arg(n); }
// Local time, as the person who drew or checked saw it; ISO-like for scripts.
QString momentIso(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
QString ids(const QList<qint64> &list)
{
    QStringList out;
    for (qint64 id : list)
        out.append(QString::number(id));
    return out.isEmpty() ? tr("ninguna") : out.join(QStringLiteral(", "));
}

int printSample(Context &ctx, const Database &db, const Session &session, qint64 id, const QString &format)
{
    const SampleHistory history(db, session, ctx.permissions());
    QString error;
    const auto record = history.load(id, &error);
    const auto replay = record ? history.replay(id, &error) : std::nullopt;
    if (!record || !replay) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    const SampleSummary &s = record->summary;
    ctx.err << tr("Muestra %1 del %2, agencia %3, semilla %4: %5 de %6; sorteada por %7 el %8.\n")
                   .arg(s.id)
                   .arg(dayText(s.day), s.branchCode)
                   .arg(s.seed)
                   .arg(s.visits)
                   .arg(count(s.size, tr("%1 visita pedida"), tr("%1 visitas pedidas")), s.drawnBy,
                        s.drawnAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")));
    ctx.err << tr("Revisadas %1 de %2: %3, %4, %5.\n")
                   .arg(s.checked())
                   .arg(s.visits)
                   .arg(count(s.confirmed, tr("%1 confirmada"), tr("%1 confirmadas")),
                        count(s.contradicted, tr("%1 contradice"), tr("%1 contradicen")),
                        count(s.pending(), tr("%1 pendiente"), tr("%1 pendientes")));
    ctx.err << tr("¿Se repite?: %1. %2\n").arg(replayVerdictLabel(replay->verdict), describeReplay(*replay));
    if (replay->verdict != SampleReplay::Verdict::Same)
        ctx.err << tr("Visitas guardadas: %1. Sorteadas hoy: %2. Sorteadas con las visitas que había al sortear: %3.\n")
                       .arg(ids(replay->stored), ids(replay->replayed), ids(replay->replayedAsDrawn));
    Table table({QStringLiteral("POSICION"), QStringLiteral("ID"), QStringLiteral("NUMERO_CREDITO"),
                 QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("FUNCIONARIO"), QStringLiteral("ESTADO"),
                 QStringLiteral("REVISION"), QStringLiteral("NOTA"), QStringLiteral("REVISADA_POR"),
                 QStringLiteral("REVISADA_EL")});
    for (const SampleCheck &c : record->checks)
        table.addRow({QString::number(c.position), QString::number(c.bookingId), c.creditNumber, c.memberName,
                      c.visitedByUsername, c.state ? visitStateLabel(*c.state) : QString(),
                      c.outcome ? verificationOutcomeLabel(*c.outcome) : pendingCheckLabel(), c.note, c.checkedBy,
                      momentIso(c.checkedAt)});
    return table.print(ctx, format) ? Ok : BadUsage;
}

int runSamples(Context &ctx, const QCommandLineParser &args)
{
    const QString format = args.value(QStringLiteral("format"));
    if (format != u"table" && format != u"csv" && format != u"json") {
        ctx.err << tr("Error: «%1» no es un formato en --format; use table, csv o json.\n").arg(format);
        return BadUsage;
    }
    qint64 id = 0;
    if (args.isSet(QStringLiteral("id"))) {
        bool ok = false;
        id = args.value(QStringLiteral("id")).toLongLong(&ok);
        if (!ok || id <= 0) {
            ctx.err << tr("Error: «%1» no es un número de muestra en --id.\n").arg(args.value(QStringLiteral("id")));
            return BadUsage;
        }
        if (args.isSet(QStringLiteral("month")) || args.isSet(QStringLiteral("branch"))) {
            ctx.err << tr("Error: --id muestra una sola muestra; no lleva --month ni --branch.\n");
            return BadUsage;
        }
    }
    int year = 0;
    int month = 0;
    if (args.isSet(QStringLiteral("month"))) {
        const QString text = args.value(QStringLiteral("month"));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^(\\d{4})-(\\d{1,2})$")).match(text);
        if (!m.hasMatch() || m.captured(2).toInt() < 1 || m.captured(2).toInt() > 12) {
            ctx.err << tr("Error: «%1» no es un mes (AAAA-MM) en --month.\n").arg(text);
            return BadUsage;
        }
        year = m.captured(1).toInt();
        month = m.captured(2).toInt();
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    if (id != 0)
        return printSample(ctx, *db, session, id, format);

    const QString branch = args.value(QStringLiteral("branch")).trimmed().toUpper();
    if (args.isSet(QStringLiteral("branch")) && !DirectoryStore(*db).branchByCode(branch)) {
        ctx.err << tr("Error: no existe la agencia «%1» en --branch.\n").arg(args.value(QStringLiteral("branch")));
        return BadUsage;
    }
    if (month == 0) {
        year = ctx.clock().today().year();
        month = ctx.clock().today().month();
    }
    const QDate from(year, month, 1);
    const SampleHistory history(*db, session, ctx.permissions());
    QString error;
    const auto samples = history.list(from, from.addMonths(1).addDays(-1), branch, &error);
    if (!samples) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    Table table({QStringLiteral("ID"), QStringLiteral("DIA"), QStringLiteral("AGENCIA"), QStringLiteral("SEMILLA"),
                 QStringLiteral("TAMANO"), QStringLiteral("VISITAS"), QStringLiteral("CONFIRMADAS"),
                 QStringLiteral("CONTRADICEN"), QStringLiteral("PENDIENTES"), QStringLiteral("SE_REPITE"),
                 QStringLiteral("SORTEADA_POR"), QStringLiteral("SORTEADA_EL")});
    for (const SampleSummary &s : *samples) {
        const auto replay = history.replay(s.id, &error);
        table.addRow({QString::number(s.id), s.day.toString(Qt::ISODate), s.branchCode, QString::number(s.seed),
                      QString::number(s.size), QString::number(s.visits), QString::number(s.confirmed),
                      QString::number(s.contradicted), QString::number(s.pending()),
                      replay ? replayVerdictLabel(replay->verdict) : error, s.drawnBy, momentIso(s.drawnAt)});
    }
    if (samples->isEmpty())
        ctx.err << tr("Ninguna muestra sorteada en %1.\n").arg(from.toString(QStringLiteral("MM/yyyy")));
    return table.print(ctx, format) ? Ok : BadUsage;
}

} // namespace

QList<Command> auditCommands()
{
    return {
        {QStringLiteral("samples"),
         QStringLiteral("samples [--month AAAA-MM] [--branch X] [--format table|csv|json] | samples --id N"),
         tr("Muestras físicas registradas del mes con sus revisiones y si su semilla las vuelve a sortear igual; con "
            "--id, una muestra con cada revisión."),
         {{{QStringLiteral("month")}, QStringLiteral("AAAA-MM"), tr("Mes de las muestras (por defecto el actual).")},
          {{QStringLiteral("branch")}, QStringLiteral("CODIGO"), tr("Agencia (la matriz elige; los demás, la suya).")},
          {{QStringLiteral("id")}, QStringLiteral("N"), tr("Número de la muestra a mostrar con sus revisiones.")},
          {{QStringLiteral("format")}, QStringLiteral("table|csv|json"), tr("Formato de salida (por defecto table)."),
           QStringLiteral("table")}},
         runSamples},
    };
}

} // namespace cobranza::cli
