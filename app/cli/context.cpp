#include "cli.h"

#include "auth/userservice.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

// One line of standard input without its line end; nothing at end of input.
std::optional<QString> readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

termios g_savedTerminal{};

// Ctrl-C at the password prompt must not leave the terminal without echo.
extern "C" void restoreTerminalAndExit(int)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    _exit(130);
}

// Asks on the terminal with echo off, so the password never shows on screen.
std::optional<QString> askQuietly(QTextStream &err, const QString &prompt)
{
    err << prompt;
    err.flush();
    const bool quiet = tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0;
    struct sigaction previous {};
    if (quiet) {
        struct sigaction onInterrupt {};
        onInterrupt.sa_handler = restoreTerminalAndExit;
        sigemptyset(&onInterrupt.sa_mask);
        sigaction(SIGINT, &onInterrupt, &previous);
        termios noEcho = g_savedTerminal;
        noEcho.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &noEcho);
    }
    const std::optional<QString> line = readLine();
    if (quiet) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        sigaction(SIGINT, &previous, nullptr);
    }
    err << u'\n';
    err.flush();
    return line;
}

} // namespace

PasswordHasher::Cost Context::hashCost() const
{
#ifdef COBRANZA_TEST_HOOKS
    // Test-only: the CLI test suite sets COBRANZA_TEST_FAST_HASH=1 so that creating users does not
    // spend a quarter second and 64 MiB per hash. Hashes verify whatever cost made them, so a
    // database made this way still works; packages are built without it.
    if (qEnvironmentVariableIntValue("COBRANZA_TEST_FAST_HASH") == 1)
        return PasswordHasher::fastForTests();
#endif
    return PasswordHasher::interactive();
}

const Clock &Context::clock() const
{
    if (!m_clock) {
#ifdef COBRANZA_TEST_HOOKS
        const QDateTime pinned =
            QDateTime::fromString(qEnvironmentVariable("COBRANZA_TEST_NOW"), Qt::ISODate);
        if (pinned.isValid())
            m_clock = std::make_unique<FixedClock>(pinned);
#endif
        if (!m_clock)
            m_clock = std::make_unique<SystemClock>();
    }
    return *m_clock;
}

std::optional<QString> Context::readPassword(const char *envName, const QString &prompt, const QString &confirmPrompt)
{
    if (qEnvironmentVariableIsSet(envName))
        return qEnvironmentVariable(envName);
    if (isatty(STDIN_FILENO) != 1) {
        if (auto line = readLine())
            return line;
        err << tr("Error: falta la contraseña: defina %1 o escríbala en la entrada estándar.\n")
                   .arg(QString::fromLatin1(envName));
        return std::nullopt;
    }
    const std::optional<QString> first = askQuietly(err, prompt);
    if (!first) {
        err << tr("Error: no se escribió la contraseña.\n");
        return std::nullopt;
    }
    if (!confirmPrompt.isEmpty() && askQuietly(err, confirmPrompt) != first) {
        err << tr("Error: las contraseñas no coinciden.\n");
        return std::nullopt;
    }
    return first;
}

bool Context::signIn()
{
    const Authenticator auth(*m_db, clock(), hashCost());
    if (!auth.hasUsers()) {
        err << tr("Error: No hay usuarios: cree el administrador con «cobranza-cli init --admin NOMBRE».\n");
        return false;
    }
    const std::optional<QString> password =
        readPassword("COBRANZA_PASSWORD", tr("Contraseña de %1: ").arg(username));
    if (!password)
        return false;
    // The core checks branch and password, counts failures and audits every attempt.
    const LoginOutcome outcome = auth.login(branchCode, username, *password);
    if (!outcome.ok) {
        err << tr("Error: %1\n").arg(outcome.message);
        return false;
    }
    m_session = outcome.session;
    m_password = *password;
    return true;
}

Database *Context::database()
{
    if (!m_db) {
        QString error;
        m_db = Database::open(databasePath, &error);
        if (!m_db) {
            err << tr("Error: %1\n").arg(error);
            return nullptr;
        }
        // Opening the data means signing in: they are members' identities and debts.
        if (access != Access::None) {
            const bool anyUser = Authenticator(*m_db, clock(), hashCost()).hasUsers();
            if ((anyUser || access == Access::User) && !signIn()) {
                m_db.reset();
                return nullptr;
            }
        }
    }
    return m_db.get();
}

bool Context::resolveSession(Session *session)
{
    if (!database())
        return false;
    if (!m_session && !signIn())
        return false;
    *session = *m_session;
    return true;
}

} // namespace cobranza::cli
