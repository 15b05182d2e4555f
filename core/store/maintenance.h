#pragma once

#include <QString>
#include <QStringList>

namespace cobranza {

class Database;

// Problems SQLite's integrity and foreign-key checks report; empty when the database is sound.
QStringList integrityProblems(const Database &db);

// Copies the whole database to `targetPath` with SQLite's online backup API, consistent even
// while others write; the copy is readable by its owner only. false + Spanish `error` on failure.
bool backupDatabase(const Database &db, const QString &targetPath, QString *error);

} // namespace cobranza
