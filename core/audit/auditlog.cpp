#include "auditlog.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

bool AuditLog::record(const Session &who, const QString &action, const QString &recordType, const QString &recordId,
                      const QString &oldValue, const QString &newValue) const
{
    const QDateTime now = m_clock.now();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO audit_log(at_utc, at_local, staff_id, username, action, record_type, "
                             "record_id, old_value, new_value) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    q.addBindValue(who.staffId > 0 ? QVariant(who.staffId) : QVariant());
    q.addBindValue(who.username.isNull() ? QStringLiteral("") : who.username);
    q.addBindValue(action);
    q.addBindValue(recordType);
    q.addBindValue(recordId);
    q.addBindValue(oldValue.isNull() ? QVariant() : QVariant(oldValue));
    q.addBindValue(newValue.isNull() ? QVariant() : QVariant(newValue));
    return q.exec();
}

QList<AuditEntry> AuditLog::entries(const AuditFilter &f) const
{
    QString sql = QStringLiteral("SELECT a.id, a.at_utc, a.at_local, a.staff_id, IFNULL(s.full_name, a.username), a.action, a.record_type, "
                                 "a.record_id, a.old_value, a.new_value FROM audit_log a "
                                 "LEFT JOIN staff s ON s.id = a.staff_id WHERE 1 = 1");
    QVariantList binds;
    if (f.staffId) {
        sql += QStringLiteral(" AND a.staff_id = ?");
        binds << *f.staffId;
    }
    if (f.from.isValid()) {
        sql += QStringLiteral(" AND a.at_local >= ?");
        binds << f.from.toString(Qt::ISODate);
    }
    if (f.to.isValid()) {
        sql += QStringLiteral(" AND a.at_local < ?");
        binds << f.to.addDays(1).toString(Qt::ISODate);
    }
    if (!f.recordType.isEmpty()) {
        sql += QStringLiteral(" AND a.record_type = ?");
        binds << f.recordType;
    }
    if (!f.recordId.isEmpty()) {
        sql += QStringLiteral(" AND a.record_id = ?");
        binds << f.recordId;
    }
    sql += QStringLiteral(" ORDER BY a.id DESC LIMIT ?");
    binds << f.limit;
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QList<AuditEntry> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
                    q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toString(), q.value(9).toString()});
    return out;
}

} // namespace cobranza
