#include "rulesstore.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

RatingScales RulesStore::ratingScales() const
{
    QList<RatingScaleVersion> versions;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT id, name, valid_from FROM rating_scale_versions ORDER BY valid_from, id"));
    while (q.next()) {
        RatingScaleVersion v;
        const qint64 id = q.value(0).toLongLong();
        v.name = q.value(1).toString();
        v.validFrom = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        QSqlQuery s(m_db.connection());
        s.prepare(QStringLiteral("SELECT segment FROM rating_scale_segments WHERE version_id = ?"));
        s.addBindValue(id);
        s.exec();
        while (s.next())
            if (const auto seg = parseSegment(s.value(0).toString()))
                v.segments.append(*seg);
        QSqlQuery b(m_db.connection());
        b.prepare(QStringLiteral("SELECT rating, min_days, max_days FROM rating_scale_bands WHERE version_id = ? "
                                 "ORDER BY min_days"));
        b.addBindValue(id);
        b.exec();
        while (b.next())
            if (const auto r = parseRating(b.value(0).toString()))
                v.bands.append({*r, b.value(1).toInt(),
                                b.value(2).isNull() ? std::nullopt : std::optional<int>(b.value(2).toInt())});
        versions.append(v);
    }
    return versions.isEmpty() ? RatingScales::defaults() : RatingScales(versions);
}

RatingRoles RulesStore::ratingRoles() const
{
    RatingRoles roles = RatingRoles::defaults();
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT rating, role FROM rating_roles"));
    while (q.next()) {
        const auto rating = parseRating(q.value(0).toString());
        const auto role = parseRole(q.value(1).toString());
        if (rating && role)
            roles.assign(*rating, *role);
    }
    return roles;
}

WorkingCalendar RulesStore::calendar(int firstYear, int lastYear) const
{
    QList<Holiday> holidays;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT day, description FROM holidays ORDER BY day"));
    while (q.next())
        holidays.append({QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toString()});
    if (holidays.isEmpty())
        for (int y = firstYear; y <= lastYear; ++y)
            holidays += WorkingCalendar::ecuadorHolidays(y);
    return WorkingCalendar(holidays);
}

bool RulesStore::saveRatingScales(const RatingScales &scales, QString *error) const
{
    if (const QString problem = scales.validate(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    bool ok = q.exec(QStringLiteral("DELETE FROM rating_scale_versions"));
    for (const RatingScaleVersion &v : scales.versions()) {
        if (!ok)
            break;
        q.prepare(QStringLiteral("INSERT INTO rating_scale_versions(name, valid_from) VALUES(?, ?)"));
        q.addBindValue(v.name);
        q.addBindValue(v.validFrom.toString(Qt::ISODate));
        ok = q.exec();
        const qint64 id = q.lastInsertId().toLongLong();
        for (Segment s : v.segments) {
            q.prepare(QStringLiteral("INSERT INTO rating_scale_segments(version_id, segment) VALUES(?, ?)"));
            q.addBindValue(id);
            q.addBindValue(segmentCode(s));
            ok = ok && q.exec();
        }
        for (const RatingBand &b : v.bands) {
            q.prepare(QStringLiteral("INSERT INTO rating_scale_bands(version_id, rating, min_days, max_days) "
                                     "VALUES(?, ?, ?, ?)"));
            q.addBindValue(id);
            q.addBindValue(ratingCode(b.rating));
            q.addBindValue(b.minDays);
            q.addBindValue(b.maxDays ? QVariant(*b.maxDays) : QVariant());
            ok = ok && q.exec();
        }
    }
    if (!ok || !tx.commit()) {
        if (error)
            *error = QCoreApplication::translate("cobranza::RulesStore", "No se pudo guardar la escala: %1")
                         .arg(q.lastError().text());
        return false;
    }
    return true;
}

} // namespace cobranza
