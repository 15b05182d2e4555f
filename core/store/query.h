#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace cobranza {

class Database;

// Prepares `sql` on the database's connection, binds `values` in order and runs it, forward only;
// the caller checks isActive() or next(). The one place the services' plain statements go through.
QSqlQuery runQuery(const Database &db, const QString &sql, const QVariantList &values = {});

} // namespace cobranza
