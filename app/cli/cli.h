#pragma once

#include "permissions.h"
#include "session.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace cobranza::cli {

// Exit codes every command shares.
enum Exit { Ok = 0, Failed = 1, BadUsage = 2 };

// One option of a command, with its Spanish help line.
struct Option
{
    QStringList names;
    QString valueName; // empty for a flag
    QString description;
    QString defaultValue = {};
};

class Context;

// A sub-command of cobranza-cli: its name, help and what it runs.
struct Command
{
    QString name;
    QString synopsis;   // "import ARCHIVO [--corte AAAA-MM-DD] …"
    QString summary;    // one line for the command list
    QList<Option> options;
    int (*run)(Context &ctx, const QCommandLineParser &args);
};

// What a running command has: the database, the acting user, and the two output streams.
class Context final
{
public:
    QString databasePath;
    QString username;
    QTextStream out{stdout};
    QTextStream err{stderr};

    // Opens the database (once); on failure prints why and returns nullptr.
    Database *database();
    // The acting user's session; prints why and returns false when there is none.
    bool resolveSession(Session *session);
    PermissionTable permissions() const { return PermissionTable::defaults(); }
    bool stderrIsTerminal() const;

private:
    std::unique_ptr<Database> m_db;
};

QList<Command> importCommands();      // import
QList<Command> portfolioCommands();   // snapshots, credits
QList<Command> maintenanceCommands(); // check, backup
QList<Command> demoCommands();        // demo

QString defaultDatabasePathForCli();
// "2026-11-21" or "21/11/2026"; invalid QDate otherwise.
QDate parseCliDate(const QString &text);

} // namespace cobranza::cli
