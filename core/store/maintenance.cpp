#include "maintenance.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace cobranza {

QStringList integrityProblems(const Database &db)
{
    QStringList problems;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        problems.append(QCoreApplication::translate("cobranza::Maintenance", "no se pudo revisar la integridad"));
        return problems;
    }
    while (q.next())
        if (const QString line = q.value(0).toString(); line != QLatin1String("ok"))
            problems.append(line);
    if (q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        while (q.next())
            problems.append(QCoreApplication::translate("cobranza::Maintenance",
                                                        "la fila %1 de %2 apunta a un registro inexistente de %3")
                                .arg(q.value(1).toString(), q.value(0).toString(), q.value(2).toString()));
    return problems;
}

bool backupDatabase(const Database &db, const QString &targetPath, QString *error)
{
    const auto fail = [error, &targetPath](const QString &why) {
        if (error)
            *error = QCoreApplication::translate("cobranza::Maintenance", "No se pudo respaldar en %1: %2")
                         .arg(targetPath, why);
        return false;
    };
    QFile::remove(targetPath);
    {
        QFile f(targetPath);
        if (!f.open(QIODevice::WriteOnly))
            return fail(f.errorString());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    sqlite3 *target = nullptr;
    if (sqlite3_open_v2(targetPath.toUtf8().constData(), &target, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(target));
        sqlite3_close(target);
        return fail(why);
    }
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", db.handle(), "main");
    if (!backup) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(target));
        sqlite3_close(target);
        return fail(why);
    }
    int rc;
    do {
        rc = sqlite3_backup_step(backup, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const QString why = QString::fromUtf8(sqlite3_errmsg(target));
    sqlite3_close(target);
    if (rc != SQLITE_DONE)
        return fail(why);
    return true;
}

} // namespace cobranza
