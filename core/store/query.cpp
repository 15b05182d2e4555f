#include "query.h"

#include "store/database.h"

#include <QVariant>

namespace cobranza {

QSqlQuery runQuery(const Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.exec();
    return q;
}

} // namespace cobranza
