#include "cli.h"

#include "demo/demoseeder.h"
#include "demo/portfoliogenerator.h"
#include "store/directorystore.h"

#include <QCoreApplication>
#include <QFile>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

int runDemo(Context &ctx, const QCommandLineParser &args)
{
    bool ok = false;
    const qint64 credits = args.value(QStringLiteral("credits")).toLongLong(&ok);
    if (!ok || credits < 1 || credits > 5000000) {
        ctx.err << tr("Error: --credits debe ser un número entre 1 y 5000000.\n");
        return BadUsage;
    }
    const quint64 seed = args.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        ctx.err << tr("Error: --seed debe ser un número entero.\n");
        return BadUsage;
    }
    const int activityDays = args.value(QStringLiteral("actividad")).toInt(&ok);
    if (!ok || activityDays < 0 || activityDays > 60) {
        ctx.err << tr("Error: --actividad debe ser un número de días entre 0 y 60.\n");
        return BadUsage;
    }
    QDate cutOff = ctx.clock().today().addDays(-1);
    if (args.isSet(QStringLiteral("corte"))) {
        cutOff = parseCliDate(args.value(QStringLiteral("corte")));
        if (!cutOff.isValid()) {
            ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD).\n").arg(args.value(QStringLiteral("corte")));
            return BadUsage;
        }
    }
    const bool progress = ctx.stderrIsTerminal();
    if (args.isSet(QStringLiteral("out"))) {
        QFile file(args.value(QStringLiteral("out")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            ctx.err << tr("Error: no se pudo escribir %1: %2\n").arg(file.fileName(), file.errorString());
            return Failed;
        }
        PortfolioGenerator generator({credits, seed, cutOff});
        const bool written = generator.write(&file, [&](qint64 rows) {
            if (progress) {
                ctx.err << tr("\rGenerando… %1 de %2").arg(rows).arg(credits);
                ctx.err.flush();
            }
        });
        if (progress)
            ctx.err << u'\n';
        if (!written || !file.flush()) {
            ctx.err << tr("Error: %1\n").arg(generator.errorString());
            return Failed;
        }
        ctx.out << tr("Archivo de cartera de demostración: %1 (%2 créditos, corte %3).\n")
                       .arg(file.fileName())
                       .arg(credits)
                       .arg(cutOff.toString(Qt::ISODate));
        return Ok;
    }
    Database *db = ctx.database(); // Access::None: an empty database has nobody to sign in as yet
    if (!db)
        return Failed;
    DemoSeeder seeder(*db, ctx.hashCost());
    QString error;
    Session session;
    if (seeder.isEmpty()) {
        if (!seeder.seedDirectory(&error)) {
            ctx.err << tr("Error: %1\n").arg(error);
            return Failed;
        }
        // The demo's administrator, just created by this very command, imports its portfolio.
        const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
        if (!admin) {
            ctx.err << tr("Error: falta el usuario admin de la demostración.\n");
            return Failed;
        }
        session = *admin;
        ctx.out << tr("Cooperativa de demostración creada: sus usuarios entran con la contraseña «%1» "
                      "(«cobranza-cli user list» los lista).\n")
                       .arg(DemoSeeder::kDemoPassword);
    } else if (!ctx.resolveSession(&session)) {
        return Failed;
    }
    const auto import = [&](QDate day) {
        const ImportResult r = seeder.importPortfolio(session, credits, seed, day, args.isSet(QStringLiteral("replace")),
                                                      [&](qint64 done, qint64 total, qint64) {
                                                          if (progress && total > 0) {
                                                              ctx.err << tr("\rImportando… %1%").arg(done * 100 / total);
                                                              ctx.err.flush();
                                                          }
                                                      });
        if (progress)
            ctx.err << u'\n';
        for (const ImportMessage &m : r.messages)
            if (m.severity == ImportMessage::Severity::Error)
                ctx.err << m.format(r.fileName) << u'\n';
        (r.accepted() ? ctx.out : ctx.err) << r.summary() << u'\n';
        return r.accepted();
    };
    if (activityDays > 0) {
        // The simulation imports each morning's report itself, in date order, and the cut-off last.
        const QDate from = seeder.workingDaysBack(cutOff, activityDays);
        const auto days = [&](int done, int total) {
            if (progress && total > 0) {
                ctx.err << tr("\rSimulando… %1%").arg(done * 100 / total);
                ctx.err.flush();
            }
        };
        if (!seeder.simulateActivity(session, credits, seed, from, cutOff, &error, days)) {
            if (progress)
                ctx.err << u'\n';
            ctx.err << tr("Error: %1\n").arg(error);
            return Failed;
        }
        if (progress)
            ctx.err << u'\n';
        ctx.out << QCoreApplication::translate("cli", "Actividad de demostración simulada: %n día(s) laborable(s) "
                                                      "del %1 al %2, con el reporte de cada mañana importado.\n",
                                               nullptr, activityDays)
                       .arg(from.toString(Qt::ISODate), cutOff.toString(Qt::ISODate));
        return Ok;
    }
    if (!import(cutOff))
        return Failed;
    return Ok;
}

} // namespace

QList<Command> demoCommands()
{
    return {{QStringLiteral("demo"),
             QStringLiteral("demo --credits N [--seed S] [--corte AAAA-MM-DD] [--out ARCHIVO] [--replace] [--actividad N]"),
             tr("Genera una cartera de demostración; sin --out la importa (y crea la cooperativa de demostración "
                "si la base está vacía)."),
             {{{QStringLiteral("credits")}, QStringLiteral("N"), tr("Cuántos créditos (de 1 a 5000000)."),
               QStringLiteral("2000")},
              {{QStringLiteral("seed")}, QStringLiteral("S"), tr("Semilla: la misma semilla da los mismos datos."),
               QStringLiteral("20261122")},
              {{QStringLiteral("corte")}, QStringLiteral("AAAA-MM-DD"), tr("Fecha de corte (por defecto ayer).")},
              {{QStringLiteral("out")}, QStringLiteral("ARCHIVO"), tr("Escribe el archivo de cartera en vez de importarlo.")},
              {{QStringLiteral("replace")}, QString(), tr("Al importar, reemplaza el corte si ya existe.")},
              {{QStringLiteral("actividad")}, QStringLiteral("N"),
               tr("Simula N días laborables de trabajo de las agencias hasta el corte, importando el reporte de "
                  "cada mañana (de 0 a 60)."),
               QStringLiteral("0")}},
             runDemo, Access::None}};
}

} // namespace cobranza::cli
