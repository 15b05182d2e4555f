#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cobranza {

class Database;

// One row of the import log as the administrator reads it.
struct ImportLogEntry
{
    qint64 id = 0;
    QDateTime startedAt; // UTC
    QString user;        // full name, or empty for the installation itself
    QString fileName;
    qint64 fileSize = 0;
    QDate cutOff;
    qint64 rows = 0;
    qint64 warnings = 0;
    qint64 errors = 0;
    QString outcome;     // ACCEPTED, REJECTED, CANCELLED, DRY_RUN
    bool replaced = false;
};

QList<ImportLogEntry> recentImports(const Database &db, int limit = 200);
QString outcomeLabel(const QString &outcomeCode); // "Aceptado", "Rechazado", …

} // namespace cobranza
