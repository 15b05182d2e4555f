#pragma once

#include "import/portfolioimporter.h"
#include "session.h"
#include "store/database.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

namespace cobranza::test {

// Makes sure a QCoreApplication exists (tests create it lazily so that Catch2's test discovery,
// which runs the binary at build time, never needs a display).
void ensureCoreApp();

// Path of a fixture under tests/data/.
QString dataPath(const QString &name);

// Writes `bytes` to a file in `dir` and returns its path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes);

// The Sistemas user "admin" (staff id 1) that openTestDatabase() creates and fixtures act as.
const Session &testAdmin();

// A fresh database file in `dir` holding that administrator; the caller made the application object.
std::unique_ptr<Database> openTestDatabase(const QTemporaryDir &dir, const QString &name = QStringLiteral("test.sqlite"));

// Writes `bytes` to cartera.csv in `dir` and imports it through the real importer as `who`.
ImportResult importBytes(const Database &db, const QTemporaryDir &dir, const QByteArray &bytes,
                         ImportOptions options = {}, const Session &who = testAdmin(),
                         const std::atomic<bool> *cancel = nullptr);

// The first column of the first row of `sql`, which must return one.
qint64 queryInt(const Database &db, const QString &sql);
QString queryText(const Database &db, const QString &sql);

// Result of running the built cobranza-cli.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
// Runs the test suite's cobranza-cli (it honours COBRANZA_TEST_NOW and COBRANZA_TEST_FAST_HASH),
// or with `program` another build of it, such as the installed one.
CliRun runCli(const QStringList &args, const QByteArray &stdinData = {},
              const QStringList &extraEnv = {}, const QString &program = QStringLiteral(COBRANZA_CLI_PATH));

// The moment end-to-end tests pin the CLI's clock to (COBRANZA_TEST_NOW), so that "today" and
// "tomorrow" never fall on a day the rules treat apart (a month's first working day, a holiday, a
// weekend) whatever day the suite runs: Monday 9 November 2026, 17:30, with two weeks of working
// days after it before the next month.
inline const QDateTime kCliNow(QDate(2026, 11, 9), QTime(17, 30));
inline QString cliNowEnv() { return QStringLiteral("COBRANZA_TEST_NOW=") + kCliNow.toString(Qt::ISODate); }

} // namespace cobranza::test
