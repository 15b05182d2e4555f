#include "importhistory.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

QList<ImportLogEntry> recentImports(const Database &db, int limit)
{
    QList<ImportLogEntry> out;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT i.id, i.started_at, s.full_name, i.file_name, i.file_size, i.cut_off, i.row_count, "
                             "i.warnings, i.errors, i.outcome, i.replaced FROM imports i "
                             "LEFT JOIN staff s ON s.id = i.staff_id ORDER BY i.id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
                    q.value(2).toString(), q.value(3).toString(), q.value(4).toLongLong(),
                    QDate::fromString(q.value(5).toString(), Qt::ISODate), q.value(6).toLongLong(),
                    q.value(7).toLongLong(), q.value(8).toLongLong(), q.value(9).toString(), q.value(10).toBool()});
    return out;
}

QString outcomeLabel(const QString &code)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::ImportHistory", s); };
    if (code == QLatin1String("ACCEPTED"))
        return tr("Aceptado");
    if (code == QLatin1String("REJECTED"))
        return tr("Rechazado");
    if (code == QLatin1String("CANCELLED"))
        return tr("Cancelado");
    if (code == QLatin1String("DRY_RUN"))
        return tr("Prueba");
    return code;
}

} // namespace cobranza
