#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QVariant>

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

const Session &testAdmin()
{
    static const Session admin{1, QStringLiteral("admin"), QStringLiteral("Administrador"), QStringLiteral("ADM"),
                               Role::Sistemas, 0, QString()};
    return admin;
}

std::unique_ptr<Database> openTestDatabase(const QTemporaryDir &dir, const QString &name)
{
    QString error;
    auto db = Database::open(dir.filePath(name), &error);
    REQUIRE(db);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, created_at) "
                                  "VALUES(1, 'admin', 'Administrador', 'ADM', 'SISTEMAS', '2026-01-01')")));
    return db;
}

ImportResult importBytes(const Database &db, const QTemporaryDir &dir, const QByteArray &bytes, ImportOptions options,
                         const Session &who, const std::atomic<bool> *cancel)
{
    options.filePath = writeFile(dir, QStringLiteral("cartera.csv"), bytes);
    PortfolioImporter importer(db, who, PermissionTable::defaults(), RatingScales::defaults());
    return importer.run(options, {}, cancel);
}

qint64 queryInt(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

QString queryText(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toString();
}

CliRun runCli(const QStringList &args, const QByteArray &stdinData, const QStringList &extraEnv, const QString &program)
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
    p.start(program, args);
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
