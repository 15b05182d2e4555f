#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace cobranza::test {

// Makes sure a QCoreApplication exists (tests create it lazily so that Catch2's test discovery,
// which runs the binary at build time, never needs a display).
void ensureCoreApp();

// Path of a fixture under tests/data/.
QString dataPath(const QString &name);

// Writes `bytes` to a file in `dir` and returns its path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes);

// Result of running the built cobranza-cli.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList &args, const QByteArray &stdinData = {},
              const QStringList &extraEnv = {});

} // namespace cobranza::test
