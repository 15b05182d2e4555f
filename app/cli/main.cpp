// cobranza-cli: the workstation's functions for scripts and tests, under the same rules and
// permissions as the window. Wiring only: every rule lives in cobranza_core.
#include "cli.h"

#include "store/paths.h"

#include <QCoreApplication>
#include <QDate>
#include <QGuiApplication>

#include <algorithm>
#include <memory>
#include <cstdio>
#include <unistd.h>

namespace cobranza::cli {

namespace {

QList<Command> allCommands()
{
    QList<Command> all;
    all += demoCommands();
    all += importCommands();
    all += portfolioCommands();
    all += routeCommands();
    all += resultCommands();
    all += noticeCommands();
    all += creditCommands();
    all += supervisionCommands();
    all += auditCommands();
    all += monthCommands();
    all += maintenanceCommands();
    all += userCommands();
    return all;
}

const QList<Option> &globalOptions()
{
    static const QList<Option> options = {
        {{QStringLiteral("db")}, QStringLiteral("RUTA"),
         QCoreApplication::translate("cli", "Base de datos a usar (por defecto: %1).").arg(defaultDatabasePathForCli())},
        {{QStringLiteral("user")}, QStringLiteral("USUARIO"),
         QCoreApplication::translate("cli", "Usuario que actúa (por defecto: admin). Su contraseña se toma de "
                                            "COBRANZA_PASSWORD o se pide.")},
        {{QStringLiteral("agencia")}, QStringLiteral("CODIGO"),
         QCoreApplication::translate("cli", "Agencia en la que entra un usuario de la matriz (los demás, la suya).")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QString(), QCoreApplication::translate("cli", "Muestra esta ayuda.")},
    };
    return options;
}

void printOptions(QTextStream &s, const QList<Option> &options)
{
    for (const Option &o : options) {
        QStringList forms;
        for (const QString &n : o.names)
            forms.append((n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n);
        QString left = forms.join(QStringLiteral(", "));
        if (!o.valueName.isEmpty())
            left += u' ' + o.valueName;
        s << QStringLiteral("  %1  %2\n").arg(left, -28).arg(o.description);
    }
}

void printGeneralHelp(QTextStream &s)
{
    s << QCoreApplication::translate("cli", "Uso: cobranza-cli [--db RUTA] [--user USUARIO] [--agencia CODIGO] COMANDO "
                                            "[opciones]\n\n"
                                            "Cobranza desde la línea de comandos, con los permisos y la auditoría de la "
                                            "ventana: cada orden entra como un usuario, con la contraseña de la "
                                            "variable COBRANZA_PASSWORD o escrita cuando se pide.\n\nComandos:\n");
    for (const Command &c : allCommands())
        s << QStringLiteral("  %1  %2\n").arg(c.name, -12).arg(c.summary);
    s << QCoreApplication::translate("cli", "\nOpciones generales:\n");
    printOptions(s, globalOptions());
    s << QCoreApplication::translate("cli", "\nUna base sin usuarios: «cobranza-cli init --admin NOMBRE» crea el "
                                            "administrador.\n«cobranza-cli COMANDO --help» explica cada comando.\n");
}

void printCommandHelp(QTextStream &s, const Command &c)
{
    s << QCoreApplication::translate("cli", "Uso: cobranza-cli %1\n\n%2\n\nOpciones:\n").arg(c.synopsis, c.summary);
    printOptions(s, c.options);
    printOptions(s, globalOptions());
}

} // namespace

QString defaultDatabasePathForCli() { return defaultDatabasePath(); }

QDate parseCliDate(const QString &text)
{
    QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        d = QDate::fromString(text, QStringLiteral("dd/MM/yyyy"));
    return d;
}

bool Context::stderrIsTerminal() const { return isatty(fileno(stderr)) == 1; }

int run(const QStringList &arguments)
{
    Context ctx;
    ctx.databasePath = defaultDatabasePath();
    ctx.username = QStringLiteral("admin");

    // Global options may stand before or after the command's name.
    QStringList rest;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const auto takeValue = [&](const QString &name, QString *target) -> bool {
            if (a == QStringLiteral("--") + name) {
                if (i + 1 >= arguments.size())
                    return false;
                *target = arguments.at(++i);
                return true;
            }
            if (a.startsWith(QStringLiteral("--") + name + u'=')) {
                *target = a.mid(name.size() + 3);
                return true;
            }
            return false;
        };
        if (takeValue(QStringLiteral("db"), &ctx.databasePath) || takeValue(QStringLiteral("user"), &ctx.username)
            || takeValue(QStringLiteral("agencia"), &ctx.branchCode))
            continue;
        if (a == QLatin1String("--db") || a == QLatin1String("--user") || a == QLatin1String("--agencia")) {
            ctx.err << QCoreApplication::translate("cli", "Error: falta el valor de %1.\n").arg(a);
            return BadUsage;
        }
        rest.append(a);
    }
    if (rest.isEmpty()) {
        printGeneralHelp(ctx.err);
        return BadUsage;
    }
    if (rest.first() == QLatin1String("--help") || rest.first() == QLatin1String("-h")
        || rest.first() == QLatin1String("help")) {
        printGeneralHelp(ctx.out);
        return Ok;
    }
    if (rest.first() == QLatin1String("--version")) {
        ctx.out << "cobranza-cli " COBRANZA_VERSION "\n";
        return Ok;
    }
    const QList<Command> commands = allCommands();
    const auto it = std::find_if(commands.cbegin(), commands.cend(),
                                 [&](const Command &c) { return c.name == rest.first(); });
    if (it == commands.cend()) {
        ctx.err << QCoreApplication::translate("cli", "Error: comando desconocido «%1».\n\n").arg(rest.first());
        printGeneralHelp(ctx.err);
        return BadUsage;
    }
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        printCommandHelp(ctx.out, *it);
        return Ok;
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const Option &o : it->options)
        parser.addOption(o.valueName.isEmpty()
                             ? QCommandLineOption(o.names, o.description)
                             : QCommandLineOption(o.names, o.description, o.valueName, o.defaultValue));
    QStringList toParse = rest;
    toParse.first() = QStringLiteral("cobranza-cli");
    // A command's own --agencia (the branch of a new user) wins over the global one.
    const bool ownsBranchOption = std::any_of(it->options.cbegin(), it->options.cend(), [](const Option &o) {
        return o.names.contains(QLatin1String("agencia"));
    });
    if (ownsBranchOption && !ctx.branchCode.isEmpty()) {
        toParse << QStringLiteral("--agencia") << ctx.branchCode;
        ctx.branchCode.clear();
    }
    ctx.access = it->access;
    if (!parser.parse(toParse)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            ctx.err << QCoreApplication::translate("cli", "Error: opción desconocida «%1» para «%2».\n")
                           .arg(unknown.first(), it->name);
        else
            ctx.err << QCoreApplication::translate("cli", "Error: falta el valor de una opción de «%1».\n").arg(it->name);
        ctx.err << QCoreApplication::translate("cli", "Uso: cobranza-cli %1\n").arg(it->synopsis);
        return BadUsage;
    }
    return it->run(ctx, parser);
}

} // namespace cobranza::cli

int main(int argc, char *argv[])
{
    // Printing lays out text, which needs the GUI application's fonts; nothing is ever shown, so
    // the offscreen platform serves on a server without a display too.
    const bool prints = std::any_of(argv + 1, argv + argc, [](const char *a) {
        return qstrcmp(a, "print") == 0 || qstrcmp(a, "expediente") == 0 || qstrcmp(a, "report") == 0;
    });
    std::unique_ptr<QCoreApplication> app;
    if (prints) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("cobranza"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COBRANZA_VERSION));
    const int code = cobranza::cli::run(QCoreApplication::arguments());
    return code;
}
