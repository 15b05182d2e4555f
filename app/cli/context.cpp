#include "cli.h"

#include "store/directorystore.h"

#include <QCoreApplication>

namespace cobranza::cli {

Database *Context::database()
{
    if (!m_db) {
        QString error;
        m_db = Database::open(databasePath, &error);
        if (!m_db)
            err << QCoreApplication::translate("cli", "Error: %1\n").arg(error);
    }
    return m_db.get();
}

bool Context::resolveSession(Session *session)
{
    Database *db = database();
    if (!db)
        return false;
    const DirectoryStore directory(*db);
    if (!directory.hasStaff()) {
        // A database with no users yet: the first set-up runs as the system itself.
        *session = Session{0, QStringLiteral("sistema"), QCoreApplication::translate("cli", "Sistema (instalación)"),
                           QStringLiteral("SIS"), Role::Sistemas, 0, QString()};
        return true;
    }
    if (const auto s = directory.sessionFor(username)) {
        *session = *s;
        return true;
    }
    err << QCoreApplication::translate("cli", "Error: el usuario «%1» no existe o está desactivado.\n").arg(username);
    return false;
}

} // namespace cobranza::cli
