#include "errorrules.h"

#include "datetext.h"
#include "results/resultrules.h"
#include "routes/bookingrules.h"
#include "store/database.h"
#include "store/query.h"
#include "store/rulesstore.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ErrorRules", s); }
QString iso(QDate d) { return d.toString(Qt::ISODate); }
QDate dateOf(const QVariant &v) { return QDate::fromString(v.toString(), Qt::ISODate); }

bool hasRouteSheet(Role r) { return r == Role::AsesorNegocios || r == Role::OficialCobranzas; }

} // namespace

SupervisionRules SupervisionRules::fromSettings(const Database &db, int year)
{
    SupervisionRules r;
    const RulesStore rules(db);
    r.windows = rules.timeWindows();
    r.calendar = rules.calendar(year - 1, year + 1);
    r.ratingRoles = rules.ratingRoles();
    r.minVisits = MinimumVisits::load(db);
    return r;
}

MinimumVisits MinimumVisits::load(const Database &db)
{
    MinimumVisits m;
    const SettingsStore settings(db);
    const auto read = [&settings](const QString &key, int &into) {
        bool ok = false;
        const int n = settings.value(key, QString()).toInt(&ok);
        if (ok && n >= 0)
            into = n;
    };
    read(SettingsStore::SupervisionMinVisits, m.advisor);
    read(SettingsStore::SupervisionMinVisitsOfficer, m.officer);
    return m;
}

int MinimumVisits::forRole(Role role) const
{
    switch (role) {
    case Role::AsesorNegocios: return advisor;
    case Role::OficialCobranzas: return officer;
    default: return 0;
    }
}

QList<ErrorType> visitErrors(const VisitFacts &v, const SupervisionRules &rules, const QDateTime &now)
{
    QList<ErrorType> out;
    if (!v.hasResult) {
        if (now > resultsDueAt(v.visitDate, rules.calendar, rules.windows))
            out << ErrorType::MissingResult;
        return out;
    }
    if (v.late)
        out << ErrorType::LateEntry;
    const QString body = justificationBody(v.justification, v.initials);
    if (v.state && requiresJustification(*v.state) && body.isEmpty())
        out << ErrorType::MissingJustification;
    const QString text = resultText(v.justification);
    const QString mark = resultText(v.initials);
    if (!text.isEmpty() && !mark.isEmpty() && text != mark && !text.startsWith(mark + u' '))
        out << ErrorType::JustificationWithoutInitials;
    if (v.rescheduleDate.isValid() && v.promiseVisit)
        out << ErrorType::PromiseVisitRescheduled;
    else if (v.rescheduleDate.isValid() && v.visitDate.daysTo(v.rescheduleDate) > rules.windows.maxRescheduleDays)
        out << ErrorType::RescheduledBeyondLimit;
    if (v.contradicted)
        out << ErrorType::ContradictedVerification;
    return out;
}

bool tooFewVisits(QDate day, int visitsBooked, Role role, const SupervisionRules &rules)
{
    return rules.calendar.isWorkingDay(day) && !planningRefusal(rules.calendar, day)
           && visitsBooked < rules.minVisits.forRole(role);
}

QList<StaffError> detectErrors(const Database &db, QDate from, QDate to, const QString &branchCode,
                               const SupervisionRules &rules, const QDateTime &now)
{
    QList<StaffError> out;
    const QString branchClause = branchCode.isEmpty() ? QString() : QStringLiteral(" AND br.code = ?");
    const auto binds = [&](QVariantList b) {
        if (!branchCode.isEmpty())
            b << branchCode;
        return b;
    };
    // Every active booking of the range with its result and what the rules need around it.
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT b.id, b.credit_number, b.visit_date, w.id, w.username, w.full_name, "
                                     "w.initials, r.booking_id IS NOT NULL, r.state, r.justification, r.reschedule_date, "
                                     "IFNULL(r.late, 0), IFNULL(r.verification, '') = 'CONTRADICTED' OR EXISTS(SELECT 1 "
                                     "  FROM verification_checks v WHERE v.booking_id = b.id AND v.outcome = 'CONTRADICTED'), "
                                     "EXISTS(SELECT 1 FROM promises p WHERE p.credit_number = b.credit_number "
                                     "  AND p.promised_on = b.visit_date AND p.booking_id <> b.id), "
                                     "CASE WHEN r.verification = 'CONTRADICTED' THEN IFNULL(r.verification_note, '') "
                                     "  ELSE '' END, "
                                     "IFNULL((SELECT v.note FROM verification_checks v WHERE v.booking_id = b.id "
                                     "  AND v.outcome = 'CONTRADICTED' ORDER BY v.checked_at DESC LIMIT 1), ''), "
                                     "r.entered_at "
                                     "FROM bookings b JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
                                     "LEFT JOIN branches br ON br.id = w.branch_id "
                                     "LEFT JOIN visit_results r ON r.booking_id = b.id "
                                     "WHERE b.cancelled_at IS NULL AND b.visit_date BETWEEN ? AND ?")
                          + branchClause,
                      binds({iso(from), iso(to)}));
    QHash<QString, int> booked; // "staffId day" → visits
    while (q.next()) {
        VisitFacts v;
        v.visitDate = dateOf(q.value(2));
        v.hasResult = q.value(7).toBool();
        if (!q.value(8).isNull())
            v.state = parseVisitState(q.value(8).toString());
        v.justification = q.value(9).toString();
        v.initials = q.value(6).toString();
        v.rescheduleDate = dateOf(q.value(10));
        v.late = q.value(11).toBool();
        v.contradicted = q.value(12).toBool();
        v.promiseVisit = q.value(13).toBool();
        const qint64 staffId = q.value(3).toLongLong();
        booked[QStringLiteral("%1 %2").arg(staffId).arg(iso(v.visitDate))] += 1;
        // A contradiction carries what the phone call or the paper said: it is what the person is told.
        QStringList found;
        for (const int column : {14, 15})
            if (const QString note = q.value(column).toString().trimmed(); !note.isEmpty() && !found.contains(note))
                found.append(note);
        // A late entry says when it came, against the deadline the person knows.
        const QString entered =
            tr("registrado el %1").arg(localMomentText(QDateTime::fromString(q.value(16).toString(), Qt::ISODate)));
        for (ErrorType t : visitErrors(v, rules, now))
            out.append({t, staffId, q.value(4).toString(), q.value(5).toString(), v.visitDate, q.value(1).toString(),
                        q.value(0).toLongLong(),
                        t == ErrorType::ContradictedVerification ? found.join(QStringLiteral("; "))
                        : t == ErrorType::LateEntry              ? entered
                                                                 : QString()});
    }

    // Too few visits: every advisor and collections officer of the branch, each working day up to today.
    QSqlQuery people = runQuery(db,
                           QStringLiteral("SELECT w.id, w.username, w.full_name, w.role FROM staff w LEFT JOIN branches br "
                                          "ON br.id = w.branch_id WHERE w.active = 1 AND w.pooled = 0")
                               + branchClause,
                           binds({}));
    struct Person { qint64 id; QString username; QString name; Role role; };
    QList<Person> planners;
    while (people.next())
        if (const auto role = parseRole(people.value(3).toString()); role && hasRouteSheet(*role))
            planners.append({people.value(0).toLongLong(), people.value(1).toString(), people.value(2).toString(), *role});
    // Nobody is asked for visits before the cooperative planned its first one with the workstation:
    // months of reports loaded for the indicators say nothing about who worked then.
    QSqlQuery first = runQuery(db, QStringLiteral("SELECT MIN(visit_date) FROM bookings"));
    const QDate firstVisit = first.next() ? dateOf(first.value(0)) : QDate();
    const QDate judgedFrom = firstVisit.isValid() ? std::max(from, firstVisit) : to.addDays(1);
    for (QDate d = judgedFrom; d <= to && d <= now.date(); d = d.addDays(1))
        for (const Person &p : planners) {
            const int visits = booked.value(QStringLiteral("%1 %2").arg(p.id).arg(iso(d)));
            if (tooFewVisits(d, visits, p.role, rules))
                out.append({ErrorType::TooFewVisits, p.id, p.username, p.name, d, {}, 0,
                            (visits == 1 ? tr("1 visita agendada; el mínimo es %1")
                                         : tr("%1 visitas agendadas; el mínimo es %2").arg(visits))
                                .arg(rules.minVisits.forRole(p.role))});
        }

    // Members in arrears without work: judged on the month's last working day, per advisor, on the
    // ratings the advisors work.
    QStringList advisorRatings;
    for (Rating r : kAllRatings)
        if (rules.ratingRoles.responsibleFor(r) == Role::AsesorNegocios)
            advisorRatings << QStringLiteral("'%1'").arg(ratingCode(r));
    for (QDate monthStart(from.year(), from.month(), 1); monthStart <= to; monthStart = monthStart.addMonths(1)) {
        const QDate monthEnd = monthStart.addMonths(1).addDays(-1);
        QDate judgeDay = monthEnd;
        while (judgeDay >= monthStart && !rules.calendar.isWorkingDay(judgeDay))
            judgeDay = judgeDay.addDays(-1);
        if (judgeDay < from || judgeDay > to || judgeDay > now.date())
            continue;
        const QString sql =
            QStringLiteral("SELECT w.id, w.username, w.full_name, COUNT(*) FROM snapshot_credits c "
                           "JOIN staff w ON w.username = c.officer AND w.role = 'ASESOR_NEGOCIOS' "
                           "LEFT JOIN branches br ON br.id = w.branch_id "
                           "WHERE c.snapshot_id = (SELECT id FROM snapshots WHERE cut_off <= ? ORDER BY cut_off DESC LIMIT 1) "
                           "AND c.days_past_due > 0 AND c.rating IN (")
            + advisorRatings.join(u',')
            + QStringLiteral(") AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.credit_number = c.credit_number "
                             "AND b.cancelled_at IS NULL AND b.visit_date BETWEEN ? AND ?)")
            + branchClause + QStringLiteral(" GROUP BY w.id");
        QSqlQuery a = runQuery(db, sql,
                          binds({iso(judgeDay), iso(monthStart), iso(monthEnd)}));
        while (a.next())
            out.append({ErrorType::ArrearsWithoutWork, a.value(0).toLongLong(), a.value(1).toString(),
                        a.value(2).toString(), judgeDay, {}, 0,
                        tr("%1 créditos en mora de su cartera sin visita en el mes").arg(a.value(3).toInt())});
    }

    // Recorded by hand.
    QSqlQuery m = runQuery(db,
                      QStringLiteral("SELECT e.error_type, w.id, w.username, w.full_name, e.day, IFNULL(e.credit_number, ''), "
                                     "IFNULL(e.booking_id, 0), e.note FROM staff_errors e JOIN staff w ON w.id = e.staff_id "
                                     "LEFT JOIN branches br ON br.id = w.branch_id WHERE e.source = 'MANUAL' "
                                     "AND e.day BETWEEN ? AND ?")
                          + branchClause,
                      binds({iso(from), iso(to)}));
    while (m.next())
        out.append({parseErrorType(m.value(0).toString()).value_or(ErrorType::Manual), m.value(1).toLongLong(),
                    m.value(2).toString(), m.value(3).toString(), dateOf(m.value(4)), m.value(5).toString(),
                    m.value(6).toLongLong(), m.value(7).toString()});

    std::stable_sort(out.begin(), out.end(), [](const StaffError &a, const StaffError &b) {
        if (a.day != b.day)
            return a.day < b.day;
        if (a.staffName != b.staffName)
            return a.staffName < b.staffName;
        return a.type < b.type;
    });
    return out;
}

} // namespace cobranza
