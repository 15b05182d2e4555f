#include "rulesstore.h"

#include "store/database.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSet>
#include <QVariant>

#include <array>

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

QList<Holiday> RulesStore::configuredHolidays() const
{
    QList<Holiday> holidays;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT day, description FROM holidays ORDER BY day"));
    while (q.next())
        holidays.append({QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toString()});
    return holidays;
}

WorkingCalendar RulesStore::calendar(int firstYear, int lastYear) const
{
    QList<Holiday> holidays = configuredHolidays();
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

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::RulesStore", s); }

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

const QString kWindowKeys[] = {
    QStringLiteral("windows/booking_until"),   QStringLiteral("windows/coordinator_from"),
    QStringLiteral("windows/coordinator_until"), QStringLiteral("windows/printing_from"),
    QStringLiteral("windows/printing_until"),  QStringLiteral("windows/reminders_until"),
    QStringLiteral("windows/results_due"),
};
const QString kDueSoonKey = QStringLiteral("rules/due_soon_days");
const QString kMaxRescheduleKey = QStringLiteral("rules/max_reschedule_days");

std::array<QTime *, 7> timesOf(TimeWindows &w)
{
    return {&w.bookingUntil, &w.coordinatorFrom, &w.coordinatorUntil, &w.printingFrom,
            &w.printingUntil, &w.remindersUntil,  &w.resultsDue};
}

} // namespace

CollectionsLadder RulesStore::collectionsLadder() const
{
    QList<LadderStage> stages;
    QSqlQuery q(m_db.connection());
    q.exec(QStringLiteral("SELECT min_days, max_days, action, channel, responsible, notice_type FROM ladder_stages "
                          "ORDER BY min_days"));
    while (q.next()) {
        LadderStage s;
        s.minDays = q.value(0).toInt();
        s.maxDays = q.value(1).isNull() ? std::nullopt : std::optional<int>(q.value(1).toInt());
        s.action = q.value(2).toString();
        s.channel = q.value(3).toString();
        // "ROLE|label as the manual names it"
        const QString responsible = q.value(4).toString();
        s.responsible = parseRole(responsible.section(u'|', 0, 0)).value_or(Role::AsesorNegocios);
        s.responsibleLabel = responsible.section(u'|', 1);
        if (!q.value(5).isNull())
            s.notice = parseNoticeType(q.value(5).toString());
        stages.append(s);
    }
    return stages.isEmpty() ? CollectionsLadder::defaults() : CollectionsLadder(stages);
}

TimeWindows RulesStore::timeWindows() const
{
    TimeWindows w;
    const SettingsStore settings(m_db);
    const auto times = timesOf(w);
    for (size_t i = 0; i < times.size(); ++i)
        if (const auto v = settings.value(kWindowKeys[i]))
            if (const QTime t = QTime::fromString(*v, QStringLiteral("HH:mm")); t.isValid())
                *times[i] = t;
    if (const auto v = settings.value(kDueSoonKey))
        w.dueSoonDays = v->toInt();
    if (const auto v = settings.value(kMaxRescheduleKey))
        w.maxRescheduleDays = v->toInt();
    return w;
}

bool RulesStore::saveRatingRoles(const RatingRoles &roles, QString *error) const
{
    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    bool ok = q.exec(QStringLiteral("DELETE FROM rating_roles"));
    for (Rating r : kAllRatings) {
        q.prepare(QStringLiteral("INSERT INTO rating_roles(rating, role) VALUES(?, ?)"));
        q.addBindValue(ratingCode(r));
        q.addBindValue(roleCode(roles.responsibleFor(r)));
        ok = ok && q.exec();
    }
    if (!ok || !tx.commit())
        return fail(error, tr("No se pudo guardar la asignación de calificaciones: %1").arg(q.lastError().text()));
    return true;
}

bool RulesStore::saveCollectionsLadder(const CollectionsLadder &ladder, QString *error) const
{
    if (const QString problem = ladder.validate(); !problem.isEmpty())
        return fail(error, problem);
    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    bool ok = q.exec(QStringLiteral("DELETE FROM ladder_stages"));
    for (const LadderStage &s : ladder.stages()) {
        q.prepare(QStringLiteral("INSERT INTO ladder_stages(min_days, max_days, action, channel, responsible, "
                                 "notice_type) VALUES(?, ?, ?, ?, ?, ?)"));
        q.addBindValue(s.minDays);
        q.addBindValue(s.maxDays ? QVariant(*s.maxDays) : QVariant());
        q.addBindValue(s.action);
        q.addBindValue(s.channel);
        q.addBindValue(roleCode(s.responsible) + u'|' + s.responsibleLabel);
        q.addBindValue(s.notice ? QVariant(noticeTypeCode(*s.notice)) : QVariant());
        ok = ok && q.exec();
    }
    if (!ok || !tx.commit())
        return fail(error, tr("No se pudo guardar la escalera de cobranza: %1").arg(q.lastError().text()));
    return true;
}

bool RulesStore::saveTimeWindows(const TimeWindows &windows, QString *error) const
{
    if (const QString problem = windows.validate(); !problem.isEmpty())
        return fail(error, problem);
    TimeWindows w = windows;
    Transaction tx(m_db);
    const SettingsStore settings(m_db);
    bool ok = true;
    const auto times = timesOf(w);
    for (size_t i = 0; i < times.size(); ++i)
        ok = ok && settings.setValue(kWindowKeys[i], times[i]->toString(QStringLiteral("HH:mm")));
    ok = ok && settings.setValue(kDueSoonKey, QString::number(w.dueSoonDays))
         && settings.setValue(kMaxRescheduleKey, QString::number(w.maxRescheduleDays));
    if (!ok || !tx.commit())
        return fail(error, tr("No se pudieron guardar los horarios."));
    return true;
}

bool RulesStore::saveHolidays(const QList<Holiday> &holidays, QString *error) const
{
    if (const QString problem = holidaysProblem(holidays); !problem.isEmpty())
        return fail(error, problem);
    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    bool ok = q.exec(QStringLiteral("DELETE FROM holidays"));
    for (const Holiday &h : holidays) {
        q.prepare(QStringLiteral("INSERT INTO holidays(day, description) VALUES(?, ?)"));
        q.addBindValue(h.day.toString(Qt::ISODate));
        q.addBindValue(h.description.trimmed());
        ok = ok && q.exec();
    }
    if (!ok || !tx.commit())
        return fail(error, tr("No se pudo guardar el calendario: %1").arg(q.lastError().text()));
    return true;
}

} // namespace cobranza
