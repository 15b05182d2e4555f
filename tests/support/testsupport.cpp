#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <catch2/catch.hpp>

namespace cobranza::test {

void ensureCoreApp()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "cobranza_tests";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives until the process ends
}

QString dataPath(const QString &name)
{
    return QStringLiteral(COBRANZA_TEST_DATA "/") + name;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

CliRun runCli(const QStringList &args, const QByteArray &stdinData, const QStringList &extraEnv)
{
    ensureCoreApp();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    for (const QString &kv : extraEnv) {
        const qsizetype eq = kv.indexOf(u'=');
        env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(COBRANZA_CLI_PATH), args);
    REQUIRE(p.waitForStarted());
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(300000));
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace cobranza::test
