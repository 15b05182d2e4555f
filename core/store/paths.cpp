#include "paths.h"

#include <QDir>
#include <QStandardPaths>

namespace cobranza {

QString defaultDatabasePath()
{
    const QString fromEnv = qEnvironmentVariable("COBRANZA_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("cobranza/cobranza.sqlite"));
}

} // namespace cobranza
