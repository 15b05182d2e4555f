#pragma once

#include "auth/passwordhasher.h"
#include "clock.h"
#include "permissions.h"
#include "session.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

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

// Who may run a command. The data are members' identities and debts, so opening the database
// means signing in, unless the command says otherwise.
enum class Access {
    User,      // a signed-in user; a database without users refuses and points to `init`
    UserIfAny, // signs in when the database has users; runs on a database without any (check)
    None,      // signs in only if the command asks (init; demo, which may create the users)
};

// A sub-command of cobranza-cli: its name, help and what it runs.
struct Command
{
    QString name;
    QString synopsis;   // "import ARCHIVO [--corte AAAA-MM-DD] …"
    QString summary;    // one line for the command list
    QList<Option> options;
    int (*run)(Context &ctx, const QCommandLineParser &args);
    Access access = Access::User;
};

// What a running command has: the database, the acting user, and the two output streams.
class Context final
{
public:
    QString databasePath;
    QString username;
    QString branchCode; // --agencia: the branch a head-office user signs in at
    Access access = Access::User;
    QTextStream out{stdout};
    QTextStream err{stderr};

    // Opens the database (once) and signs in as `access` asks; on failure prints why and returns
    // nullptr.
    Database *database();
    // The acting user's session (signing in if not yet); prints why and returns false when there
    // is none.
    bool resolveSession(Session *session);
    // The password the user signed in with (`user passwd` needs it as the current one).
    QString signInPassword() const { return m_password; }
    PermissionTable permissions() const { return PermissionTable::defaults(); }
    // The machine's clock; in a build with the test suite, the moment COBRANZA_TEST_NOW names
    // (ISO 8601), so end-to-end tests do not depend on the day they run.
    const Clock &clock() const;
    // Argon2id cost of new hashes: interactive, or the minimum when the test suite asks for it.
    PasswordHasher::Cost hashCost() const;
    bool stderrIsTerminal() const;

    // A password from the environment variable `envName`, else asked on the terminal without echo
    // (twice when `confirmPrompt` is given), else one line of standard input. Prints why and
    // returns nothing when there is none.
    std::optional<QString> readPassword(const char *envName, const QString &prompt, const QString &confirmPrompt = {});

private:
    bool signIn();

    std::unique_ptr<Database> m_db;
    std::optional<Session> m_session;
    QString m_password;
    mutable std::unique_ptr<Clock> m_clock;
};

QList<Command> importCommands();      // import
QList<Command> portfolioCommands();   // snapshots, credits
QList<Command> maintenanceCommands(); // check, backup
QList<Command> demoCommands();        // demo
QList<Command> userCommands();        // init, user
QList<Command> routeCommands();       // tray, book, approve, agenda, print
QList<Command> resultCommands();      // results, result, propia
QList<Command> noticeCommands();      // notices
QList<Command> creditCommands();      // expediente
QList<Command> supervisionCommands(); // report errors, review, verify, sample, error add
QList<Command> auditCommands();       // samples
QList<Command> monthCommands();       // close-month
int runPrintNotices(Context &ctx, const QCommandLineParser &args); // print notices

QString defaultDatabasePathForCli();
// "2026-11-21" or "21/11/2026"; invalid QDate otherwise.
QDate parseCliDate(const QString &text);

} // namespace cobranza::cli
