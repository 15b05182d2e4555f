#include "directorystore.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

Branch branchFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), optionalDouble(q.value(6)), optionalDouble(q.value(7)),
            q.value(8).toBool()};
}

StaffMember staffFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            parseRole(q.value(4).toString()).value_or(Role::AsesorNegocios), q.value(5).toLongLong(),
            q.value(6).toBool(), q.value(7).toLongLong(), q.value(8).toBool()};
}

const QString kBranchColumns = QStringLiteral("id, code, name, city, address, phone, latitude, longitude, active");
const QString kStaffColumns =
    QStringLiteral("id, username, full_name, initials, role, branch_id, pooled, pool_id, active");

QVariant nullable(std::optional<double> v) { return v ? QVariant(*v) : QVariant(); }
QVariant nullableId(qint64 id) { return id > 0 ? QVariant(id) : QVariant(); }
// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QVariant notNull(const QString &s) { return QVariant(s.isNull() ? QStringLiteral("") : s); }

} // namespace

QList<Branch> DirectoryStore::branches() const
{
    QList<Branch> out;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT %1 FROM branches ORDER BY code").arg(kBranchColumns));
    while (q.next())
        out.append(branchFrom(q));
    return out;
}

std::optional<Branch> DirectoryStore::branch(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM branches WHERE id = ?").arg(kBranchColumns));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return branchFrom(q);
    return std::nullopt;
}

std::optional<Branch> DirectoryStore::branchByCode(const QString &code) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM branches WHERE code = ?").arg(kBranchColumns));
    q.addBindValue(code);
    if (q.exec() && q.next())
        return branchFrom(q);
    return std::nullopt;
}

QList<StaffMember> DirectoryStore::staff(bool includeInactive) const
{
    QList<StaffMember> out;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT %1 FROM staff %2 ORDER BY full_name")
               .arg(kStaffColumns, includeInactive ? QString() : QStringLiteral("WHERE active = 1")));
    while (q.next())
        out.append(staffFrom(q));
    return out;
}

std::optional<StaffMember> DirectoryStore::staffByUsername(const QString &username) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM staff WHERE username = ?").arg(kStaffColumns));
    q.addBindValue(username);
    if (q.exec() && q.next())
        return staffFrom(q);
    return std::nullopt;
}

std::optional<StaffMember> DirectoryStore::staffById(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM staff WHERE id = ?").arg(kStaffColumns));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return staffFrom(q);
    return std::nullopt;
}

bool DirectoryStore::hasStaff() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT 1 FROM staff LIMIT 1")) && q.next();
}

qint64 DirectoryStore::addBranch(const Branch &b, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO branches(code, name, city, address, phone, latitude, longitude, active) "
                             "VALUES(?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(b.code), QVariant(b.name), notNull(b.city), notNull(b.address),
                              notNull(b.phone), nullable(b.latitude), nullable(b.longitude), QVariant(b.active)})
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool DirectoryStore::updateBranch(const Branch &b, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE branches SET code = ?, name = ?, city = ?, address = ?, phone = ?, latitude = ?, "
                             "longitude = ?, active = ? WHERE id = ?"));
    for (const QVariant &v : {QVariant(b.code), QVariant(b.name), QVariant(b.city), QVariant(b.address),
                              QVariant(b.phone), nullable(b.latitude), nullable(b.longitude), QVariant(b.active),
                              QVariant(b.id)})
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = QCoreApplication::translate("cobranza::DirectoryStore", "No existe la agencia %1.").arg(b.id);
        return false;
    }
    return true;
}

qint64 DirectoryStore::addStaff(const StaffMember &s, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO staff(username, full_name, initials, role, branch_id, pooled, pool_id, "
                             "active, created_at) VALUES(?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(s.username), QVariant(s.fullName), QVariant(s.initials),
                              QVariant(roleCode(s.role)), nullableId(s.branchId), QVariant(s.pooled),
                              nullableId(s.poolId), QVariant(s.active),
                              QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))})
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

std::optional<Session> DirectoryStore::sessionFor(const QString &username) const
{
    const auto s = staffByUsername(username);
    if (!s || !s->active)
        return std::nullopt;
    Session session{s->id, s->username, s->fullName, s->initials, s->role, s->branchId, QString()};
    if (const auto b = branch(s->branchId))
        session.branchCode = b->code;
    return session;
}

} // namespace cobranza
