// End-to-end: runs the built cobranza-cli as a person would and checks exit codes and output.
#include "portfoliofile.h"
#include "testsupport.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using cobranza::test::CliRun;
using cobranza::test::PortfolioFile;
using cobranza::test::runCli;

namespace {

// A temporary database path for one test, passed to every command with --db, and the password
// every command signs in with (COBRANZA_PASSWORD). init() creates the administrator «admin».
struct CliFixture
{
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("cli.sqlite"));
    QString password = QStringLiteral("Clave2026segura");
    CliRun run(QStringList args, const QByteArray &input = {}, QStringList env = {})
    {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        // Test-only: minimum Argon2id cost for the hashes the CLI makes (verification is the same).
        env.prepend(QStringLiteral("COBRANZA_TEST_FAST_HASH=1"));
        if (!password.isEmpty())
            env.prepend(QStringLiteral("COBRANZA_PASSWORD=") + password);
        return runCli(args, input, env);
    }
    void init()
    {
        const CliRun r = run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    }
    QString file(const QString &name, const QByteArray &bytes) { return cobranza::test::writeFile(dir, name, bytes); }
};

} // namespace

TEST_CASE("cobranza-cli explains itself in Spanish - and every command has --help", "[cli]")
{
    const CliRun general = runCli({QStringLiteral("--help")});
    CHECK(general.exitCode == 0);
    CHECK(general.out.contains(QStringLiteral("Uso: cobranza-cli")));
    for (const char *command : {"demo", "import", "snapshots", "credits", "check", "backup", "init", "user"}) {
        INFO(command);
        const CliRun help = runCli({QString::fromLatin1(command), QStringLiteral("--help")});
        CHECK(help.exitCode == 0);
        CHECK(help.out.contains(QStringLiteral("Uso: cobranza-cli %1").arg(QString::fromLatin1(command))));
        CHECK(help.out.contains(QStringLiteral("Opciones:")));
    }
    const CliRun unknown = runCli({QStringLiteral("bailar")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("comando desconocido «bailar»")));
    const CliRun badOption = runCli({QStringLiteral("credits"), QStringLiteral("--colour")});
    CHECK(badOption.exitCode == 2);
    CHECK(badOption.err.contains(QStringLiteral("opción desconocida")));
}

TEST_CASE("cobranza-cli import accepts a good file and lists the snapshot", "[cli]")
{
    CliFixture f;
    f.init();
    PortfolioFile portfolio;
    portfolio.addValid(12);
    const QString path = f.file(QStringLiteral("cartera.csv"), portfolio.utf8(true));
    const CliRun r = f.run({QStringLiteral("import"), path});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("Corte 21/11/2026 importado: 12 créditos")));

    const CliRun snapshots = f.run({QStringLiteral("snapshots"), QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(snapshots.exitCode == 0);
    CHECK(snapshots.out.contains(QStringLiteral("2026-11-21,12,18000.00,2892.00,cartera.csv")));

    const CliRun again = f.run({QStringLiteral("import"), path});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("ya existe")));
    const CliRun replaced = f.run({QStringLiteral("import"), path, QStringLiteral("--replace")});
    CHECK(replaced.exitCode == 0);
    CHECK(replaced.out.contains(QStringLiteral("reemplazó")));

    const CliRun check = f.run({QStringLiteral("check")});
    CHECK(check.exitCode == 0);
    CHECK(check.out.trimmed() == QStringLiteral("ok"));
}

TEST_CASE("cobranza-cli import rejects a bad file with every error as FILE:LINE: COLUMN: message", "[cli]")
{
    CliFixture f;
    f.init();
    PortfolioFile portfolio;
    portfolio.addValid(4);
    portfolio.rows[1][QStringLiteral("DIAS_MORA")] = QStringLiteral("muchos");
    portfolio.rows[3][QStringLiteral("CALIFICACION")] = QStringLiteral("Z");
    const QString path = f.file(QStringLiteral("mala.csv"), portfolio.utf8());
    const CliRun r = f.run({QStringLiteral("import"), path});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(path + QStringLiteral(":3: DIAS_MORA: «muchos» no es un número entero")));
    CHECK(r.err.contains(path + QStringLiteral(":5: CALIFICACION: calificación desconocida «Z»")));
    CHECK(r.err.contains(QStringLiteral("rechazado con 2 errores")));
    const CliRun snapshots = f.run({QStringLiteral("snapshots"), QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(snapshots.out.trimmed().count(u'\n') == 0); // header only

    const CliRun json = f.run({QStringLiteral("import"), path, QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(json.exitCode == 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("resultado")).toString() == QStringLiteral("rechazado"));
    CHECK(o.value(QStringLiteral("errores")).toInt() == 2);
    CHECK(o.value(QStringLiteral("mensajes")).toArray().size() == 2);
}

TEST_CASE("cobranza-cli import: bad usage exits 2 - a missing file 1 - a dry run saves nothing", "[cli]")
{
    CliFixture f;
    f.init();
    CHECK(f.run({QStringLiteral("import")}).exitCode == 2);
    CHECK(f.run({QStringLiteral("import"), QStringLiteral("a.csv"), QStringLiteral("--corte"), QStringLiteral("ayer")})
              .exitCode == 2);
    const CliRun missing = f.run({QStringLiteral("import"), f.dir.filePath(QStringLiteral("no-existe.csv"))});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("no se pudo abrir el archivo")));

    PortfolioFile portfolio;
    portfolio.addValid(3);
    const QString path = f.file(QStringLiteral("cartera.csv"), portfolio.utf8());
    const CliRun dry = f.run({QStringLiteral("import"), path, QStringLiteral("--dry-run")});
    CHECK(dry.exitCode == 0);
    CHECK(dry.out.contains(QStringLiteral("Prueba sin cambios")));
    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--count")}).exitCode == 1); // still no snapshot
}

TEST_CASE("cobranza-cli credits filters - sorts and counts like the tray", "[cli]")
{
    CliFixture f;
    f.init();
    PortfolioFile portfolio;
    portfolio.addValid(9);
    for (int i = 0; i < 9; ++i) {
        auto &row = portfolio.rows[i];
        row[QStringLiteral("SECTOR")] = i < 4 ? QStringLiteral("Yacucalle") : QStringLiteral("El Olivo");
        row[QStringLiteral("DIAS_MORA")] = QString::number(40 - i); // 40 … 32: B1 for consumo
        row[QStringLiteral("CALIFICACION")] = QStringLiteral("B1");
        row[QStringLiteral("CALIFICACION_ANT")] = i % 2 ? QStringLiteral("A3") : QStringLiteral("B1");
    }
    REQUIRE(f.run({QStringLiteral("import"), f.file(QStringLiteral("c.csv"), portfolio.utf8())}).exitCode == 0);

    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--count")}).out.trimmed() == QStringLiteral("9"));
    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--sector"), QStringLiteral("yacucalle"),
                 QStringLiteral("--count")})
              .out.trimmed()
          == QStringLiteral("4"));
    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--calificacion-ant"), QStringLiteral("A3"),
                 QStringLiteral("--count")})
              .out.trimmed()
          == QStringLiteral("4"));
    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--oficial"), QStringLiteral("asesor1"),
                 QStringLiteral("--sucursal"), QStringLiteral("IBA"), QStringLiteral("--count")})
              .out.trimmed()
          == QStringLiteral("3"));

    const CliRun sorted = f.run({QStringLiteral("credits"), QStringLiteral("--sort"), QStringLiteral("DIAS_MORA"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(sorted.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(sorted.out.toUtf8()).array();
    REQUIRE(rows.size() == 9);
    CHECK(rows.first().toObject().value(QStringLiteral("DIAS_MORA")).toString() == QStringLiteral("32"));
    CHECK(rows.last().toObject().value(QStringLiteral("DIAS_MORA")).toString() == QStringLiteral("40"));
    CHECK(rows.first().toObject().value(QStringLiteral("APELLIDOS_NOMBRES")).toString()
          == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 9"));

    const CliRun table = f.run({QStringLiteral("credits"), QStringLiteral("--sort"), QStringLiteral("-SALDO_CAPITAL")});
    CHECK(table.exitCode == 0);
    CHECK(table.out.startsWith(QStringLiteral("SUCURSAL")));
    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--sort"), QStringLiteral("COLOR")}).exitCode == 2);
    CHECK(f.run({QStringLiteral("credits"), QStringLiteral("--corte"), QStringLiteral("2020-01-01")}).exitCode == 1);
}

TEST_CASE("cobranza-cli demo writes a file that the import accepts - and backup copies the database", "[cli]")
{
    CliFixture f;
    f.init();
    const QString out = f.dir.filePath(QStringLiteral("demo.csv"));
    const CliRun demo = runCli({QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("300"),
                                QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--corte"),
                                QStringLiteral("2026-11-20"), QStringLiteral("--out"), out});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    const CliRun imported = f.run({QStringLiteral("import"), out});
    INFO(imported.err.toStdString());
    CHECK(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("300 créditos")));

    // Without --out the demo is imported straight away (and the demo cooperative created).
    CliFixture g;
    g.password.clear(); // nobody to sign in as yet: the demo creates its users and its admin acts
    const CliRun direct = g.run({QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("200"),
                                 QStringLiteral("--corte"), QStringLiteral("2026-11-20")});
    INFO(direct.err.toStdString());
    CHECK(direct.exitCode == 0);
    CHECK(direct.out.contains(QStringLiteral("Cobranza2026")));
    g.password = QStringLiteral("Cobranza2026");
    CHECK(g.run({QStringLiteral("credits"), QStringLiteral("--count")}).out.trimmed() == QStringLiteral("200"));

    const QString copy = g.dir.filePath(QStringLiteral("respaldo.sqlite"));
    const CliRun backup = g.run({QStringLiteral("backup"), copy});
    CHECK(backup.exitCode == 0);
    const CliRun fromCopy = runCli({QStringLiteral("--db"), copy, QStringLiteral("credits"), QStringLiteral("--count")},
                                   {}, {QStringLiteral("COBRANZA_PASSWORD=Cobranza2026")});
    CHECK(fromCopy.out.trimmed() == QStringLiteral("200"));
    CHECK(g.run({QStringLiteral("backup"), copy, copy}).exitCode == 2);
}

TEST_CASE("The installed cobranza-cli ignores the test suite's clock and hash variables", "[cli]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("cartera.csv"));
    const QStringList args{QStringLiteral("demo"), QStringLiteral("--credits"), QStringLiteral("3"),
                           QStringLiteral("--out"), out};
    const QStringList env{QStringLiteral("COBRANZA_TEST_NOW=2030-06-15T10:00:00")};
    // The suite's own build takes the pinned day: the cut-off is the day before.
    const CliRun pinned = runCli(args, {}, env);
    REQUIRE(pinned.exitCode == 0);
    CHECK(pinned.out.contains(QStringLiteral("corte 2030-06-14")));
    // The program that gets installed keeps the machine's clock.
    const CliRun installed = runCli(args, {}, env, QStringLiteral(COBRANZA_INSTALLED_CLI_PATH));
    INFO(installed.err.toStdString());
    REQUIRE(installed.exitCode == 0);
    CHECK_FALSE(installed.out.contains(QStringLiteral("2030-06-14")));
    CHECK(installed.out.contains(QStringLiteral("corte %1").arg(QDate::currentDate().addDays(-1).toString(Qt::ISODate)))
          + installed.out.contains(QStringLiteral("corte %1").arg(QDate::currentDate().addDays(-2).toString(Qt::ISODate)))
          == 1); // yesterday, or the day before if midnight passed in between
}
