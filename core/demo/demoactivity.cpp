#include "demoactivity.h"

#include "clock.h"
#include "notices/noticeservice.h"
#include "notices/noticetemplate.h"
#include "permissions.h"
#include "results/resultservice.h"
#include "routes/approvalservice.h"
#include "routes/bookingrules.h"
#include "routes/bookingservice.h"
#include "routes/tray.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"
#include "supervision/committees.h"
#include "supervision/monthclose.h"
#include "supervision/verificationservice.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::DemoActivity", s); }

QString iso(QDate d) { return d.toString(Qt::ISODate); }

// A branch's people as the day's work needs them.
struct BranchCrew
{
    QString code;
    std::optional<Session> coordinator;
    std::optional<Session> pivot;
    QList<StaffMember> advisors;
    QList<Session> officers;
};

// A visit waiting for its result, and when its worker will enter it.
struct PendingResult
{
    qint64 bookingId = 0;
    qint64 workerId = 0;
    QString creditNumber;
    QDate visitDate;
    bool late = false; // 10:00 of the next working day instead of 08:30
};

// Uniform integer in [lo, hi] from the simulation's one generator, so a seed replays the same weeks.
int pick(std::mt19937_64 &rng, int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

bool chance(std::mt19937_64 &rng, double p)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p;
}

const QStringList &notFoundReasons()
{
    static const QStringList texts{QStringLiteral("NO SE ENCONTRÓ AL SOCIO EN EL DOMICILIO"),
                                   QStringLiteral("DOMICILIO CERRADO, VECINOS INDICAN QUE TRABAJA FUERA"),
                                   QStringLiteral("SE DEJÓ RECADO CON FAMILIAR")};
    return texts;
}

const QStringList &contradictions()
{
    static const QStringList texts{QStringLiteral("EL SOCIO DICE QUE NADIE LO VISITÓ ESE DÍA"),
                                   QStringLiteral("LA SOCIA INDICA QUE ESTABA EN CASA Y NO LLEGÓ NADIE"),
                                   QStringLiteral("EL SOCIO NO RECUERDA HABER FIRMADO COMPROMISO")};
    return texts;
}

const QStringList &handErrors()
{
    static const QStringList texts{QStringLiteral("No llevó la notificación firmada a la agencia"),
                                   QStringLiteral("Hoja de ruta sin firma del socio en dos visitas"),
                                   QStringLiteral("Registró la visita sin la hora real")};
    return texts;
}

const QStringList &committeeDecisions()
{
    static const QStringList texts{QStringLiteral("PLAZO DE 8 DÍAS PARA PONERSE AL DÍA"),
                                   QStringLiteral("NOTIFICAR A LOS GARANTES Y CITARLOS A LA AGENCIA"),
                                   QStringLiteral("ANALIZAR REFINANCIAMIENTO A SOLICITUD DEL SOCIO"),
                                   QStringLiteral("VISITA CONJUNTA DEL COORDINADOR Y EL ASESOR"),
                                   QStringLiteral("PASA A COBRO PREJUDICIAL SI NO PAGA EN LA SEMANA")};
    return texts;
}

const QStringList &callReasons()
{
    static const QStringList texts{QStringLiteral("SE CONVERSÓ POR TELÉFONO, INDICA QUE ACERCARÁ A PAGAR"),
                                   QStringLiteral("LLAMADA AL CELULAR, SOCIO EN VIAJE DE TRABAJO")};
    return texts;
}

} // namespace

bool DemoActivity::simulate(QDate from, QDate to, QString *error)
{
    m_stats = {};
    const auto fail = [error](const QString &why) {
        if (error)
            *error = tr("No se pudo simular la actividad de demostración: %1").arg(why);
        return false;
    };
    if (!from.isValid() || !to.isValid() || from > to)
        return true;

    const RulesStore rules(m_db);
    const WorkingCalendar calendar = rules.calendar(from.year() - 1, to.year() + 1);
    const TimeWindows windows = rules.timeWindows();
    const RatingRoles ratingRoles = rules.ratingRoles();
    const PortfolioRules portfolioRules = rules.portfolioRules();
    const PermissionTable permissions = PermissionTable::defaults();
    const NoticeTemplates templates = NoticeTemplates::fromSettings(m_db);
    const DirectoryStore directory(m_db);

    std::map<qint64, BranchCrew> crews; // by branch id, so branches are walked in a stable order
    for (const Branch &b : directory.branches())
        crews[b.id].code = b.code;
    QHash<qint64, Session> sessions; // of everyone who enters results, by staff id
    std::optional<Session> sistemas;  // closes the month when nobody else has by then
    for (const StaffMember &s : directory.staff()) {
        if (!sistemas && !s.pooled && s.role == Role::Sistemas)
            sistemas = directory.sessionFor(s.username);
        if (s.pooled || s.branchId == 0 || !crews.count(s.branchId))
            continue;
        const auto session = directory.sessionFor(s.username);
        if (!session)
            continue;
        BranchCrew &crew = crews[s.branchId];
        switch (s.role) {
        case Role::AsesorNegocios: crew.advisors.append(s); break;
        case Role::CoordinadorAgencia: crew.coordinator = *session; break;
        case Role::PivotCredito: crew.pivot = *session; break;
        case Role::OficialCobranzas: crew.officers.append(*session); break;
        default: continue;
        }
        sessions.insert(s.id, *session);
    }

    std::set<QDate> cutOffs;
    QSqlQuery snaps(m_db.connection());
    if (!snaps.exec(QStringLiteral("SELECT cut_off FROM snapshots ORDER BY cut_off")))
        return fail(tr("no se pudieron leer los cortes importados"));
    while (snaps.next())
        cutOffs.insert(QDate::fromString(snaps.value(0).toString(), Qt::ISODate));
    FixedClock clock(QDateTime(from, QTime(8, 0)));
    // The morning's report: cut the day before, and the previous month end's for the officers.
    const auto importReports = [&](QDate day, QString *why) {
        if (!m_hooks.importSnapshot)
            return true;
        for (const QDate cut : {QDate(day.year(), day.month(), 1).addDays(-1), day.addDays(-1)}) {
            if (cutOffs.count(cut) || cut < from.addDays(-1))
                continue; // a month end before the simulated weeks would stand for a month nobody worked
            clock.set(QDateTime(day, QTime(7, 30))); // the core-banking report is in before the day begins
            if (!m_hooks.importSnapshot(cut, clock, why))
                return false;
            cutOffs.insert(cut);
            ++m_stats.snapshotsImported;
        }
        return true;
    };
    int daysTotal = 0;
    for (QDate day = from; day <= to; day = day.addDays(1))
        daysTotal += calendar.isWorkingDay(day) ? 1 : 0;
    int daysDone = 0;
    int planningDays = 0;

    std::mt19937_64 rng(m_seed);
    const auto at = [&clock](QDate day, int hour, int minute) { clock.set(QDateTime(day, QTime(hour, minute))); };
    std::vector<PendingResult> nextMorning;
    QHash<QString, NoticeType> printed; // credit → the notice printed for its visit, until delivered

    // Enters the result of one visit as its worker, at whatever the clock says.
    const auto enter = [&](const PendingResult &p) -> bool {
        const auto session = sessions.constFind(p.workerId);
        if (session == sessions.constEnd())
            return true;
        ResultService service(m_db, *session, permissions, windows, calendar, clock);
        VisitResult r;
        r.bookingId = p.bookingId;
        r.visitTime = QTime(pick(rng, 8, 16), pick(rng, 0, 11) * 5);
        const int roll = pick(rng, 1, 100);
        if (roll <= 62) {
            r.state = VisitState::Visitado;
            if (chance(rng, 0.35)) {
                r.agreement = QStringLiteral("SOCIO SE COMPROMETE A PAGAR LA CUOTA VENCIDA EN LA AGENCIA");
                r.agreementDate = p.visitDate.addDays(pick(rng, 2, 7));
                r.promisedAmount = Money::fromCents(pick(rng, 20, 300) * 100);
            } else if (chance(rng, 0.3)) {
                r.collected = Money::fromCents(pick(rng, 1500, 40000));
                r.receiptNumber = QStringLiteral("RC-%1").arg(pick(rng, 1, 999999), 6, 10, QLatin1Char('0'));
            }
        } else if (roll <= 85) {
            r.state = VisitState::NoEncontrado;
            r.justification = notFoundReasons().at(pick(rng, 0, int(notFoundReasons().size()) - 1));
            // A few are tried again within the configured days, on a working day with no visit yet.
            if (chance(rng, 0.3)) {
                const QDate again = calendar.nextWorkingDay(p.visitDate);
                if (again.isValid() && p.visitDate.daysTo(again) <= windows.maxRescheduleDays)
                    r.rescheduleDate = again;
            }
        } else {
            r.state = VisitState::LlamadaTelefonica;
            r.justification = callReasons().at(pick(rng, 0, int(callReasons().size()) - 1));
        }
        if (printed.contains(p.creditNumber))
            r.noticeDelivered = printed.take(p.creditNumber);
        ResultOutcome o = service.save(r);
        if (!o.ok && r.rescheduleDate.isValid()) {
            // The next day was taken (a promise visit, or another booking): keep the result without it.
            r.rescheduleDate = {};
            o = service.save(r);
        }
        if (!o.ok)
            return false;
        ++m_stats.results;
        m_stats.lateResults += o.late ? 1 : 0;
        m_stats.promises += r.isPromise() ? 1 : 0;
        m_stats.reschedules += o.rescheduledBookingId != 0 ? 1 : 0;
        m_stats.collections += r.collected ? 1 : 0;
        m_stats.noticesDelivered += r.noticeDelivered ? 1 : 0;
        return true;
    };
    QString lastRefusal;
    const auto enterAll = [&](const std::vector<PendingResult> &list, bool late) {
        for (const PendingResult &p : list)
            if (p.late == late && !enter(p))
                lastRefusal = QString::number(p.bookingId);
    };

    for (QDate day = from; day <= to; day = day.addDays(1)) {
        if (!calendar.isWorkingDay(day))
            continue;
        if (m_hooks.progress)
            m_hooks.progress(daysDone++, daysTotal);
        QString importError;
        if (!importReports(day, &importError))
            return fail(importError);
        const auto newer = cutOffs.lower_bound(day);
        if (newer == cutOffs.begin())
            continue;
        const QDate cutOff = *std::prev(newer);
        ++m_stats.workingDays;
        // The month's first working day closes the previous month and plans nothing (domain.md).
        const bool planning = !planningRefusal(calendar, day).has_value();
        planningDays += planning ? 1 : 0;
        const bool firstOfMonth = calendar.previousWorkingDay(day).month() != day.month();
        Transaction tx(m_db); // one day at a time: the services' own transactions nest as savepoints
        if (!tx.isActive())
            return fail(tr("no se pudo abrir la base de datos"));

        const Tray tray = loadTray(m_db, cutOff, portfolioRules, windows.dueSoonDays);
        QSet<QString> taken; // booked this morning: the tray was read before
        const auto choose = [&](const QString &branch, Role responsible, int count) {
            TrayFilter filter;
            filter.portfolio.branchCode = branch;
            filter.unbookedOnly = true;
            filter.responsible = responsible;
            QStringList candidates;
            for (int i : selectTray(tray, filter)) {
                const QString &credit = tray.lines[size_t(i)].row.creditNumber;
                if (!taken.contains(credit))
                    candidates.append(credit);
                if (candidates.size() >= count * 4)
                    break;
            }
            // A small branch runs out of unvisited credits within days: then visits are repeated,
            // as they are for members who did not pay, never on a day the credit is already booked.
            if (candidates.size() < count) {
                filter.unbookedOnly = false;
                for (int i : selectTray(tray, filter)) {
                    const QString &credit = tray.lines[size_t(i)].row.creditNumber;
                    const QDate booked = tray.status[size_t(i)].bookedOn;
                    if (booked.isValid() && booked < day && !taken.contains(credit) && !candidates.contains(credit))
                        candidates.append(credit);
                    if (candidates.size() >= count * 2)
                        break;
                }
            }
            // Most urgent first, as the tray sorts them, but not always the very same ones.
            std::shuffle(candidates.begin(), candidates.end(), rng);
            candidates = candidates.mid(0, count);
            for (const QString &c : candidates)
                taken.insert(c);
            return candidates;
        };
        const auto book = [&](const Session &as, qint64 staffId, const QStringList &credits) {
            if (credits.isEmpty())
                return true;
            const BookResult r = BookingService(m_db, as, permissions, ratingRoles, windows, clock)
                                     .book(credits, staffId, day, cutOff);
            if (!r.ok)
                lastRefusal = r.reasons().join(QStringLiteral("; "));
            m_stats.bookings += r.ok ? int(r.bookingIds.size()) : 0;
            return r.ok;
        };

        // 08:00: the coordinators book their advisors, the collections officers themselves.
        at(day, 8, 0);
        for (auto &[id, crew] : crews) {
            if (!planning)
                break;
            if (crew.coordinator)
                for (const StaffMember &advisor : crew.advisors) {
                    // Now and then a short day (a course, a sick child): too few visits, error E09.
                    const int visits = chance(rng, 0.04) ? pick(rng, 2, 5) : pick(rng, 6, 10);
                    book(*crew.coordinator, advisor.id, choose(crew.code, Role::AsesorNegocios, visits));
                }
            for (const Session &officer : crew.officers)
                book(officer, officer.staffId, choose(crew.code, Role::OficialCobranzas, pick(rng, 4, 6)));
        }
        // 08:30: yesterday's results entered before the deadline.
        at(day, 8, 30);
        enterAll(nextMorning, false);
        // 08:35: each coordinator his own B1–B2.
        at(day, 8, 35);
        for (auto &[id, crew] : crews)
            if (planning && crew.coordinator)
                book(*crew.coordinator, crew.coordinator->staffId,
                     choose(crew.code, Role::CoordinadorAgencia, pick(rng, 2, 4)));
        // 08:40: the visto bueno of every sheet that has visits.
        at(day, 8, 40);
        for (auto &[id, crew] : crews) {
            const auto approve = [&](const std::optional<Session> &by, qint64 workerId) {
                if (!by)
                    return;
                QSqlQuery any(m_db.connection());
                any.prepare(QStringLiteral("SELECT 1 FROM bookings WHERE worker_id = ? AND visit_date = ? "
                                           "AND cancelled_at IS NULL LIMIT 1"));
                any.addBindValue(workerId);
                any.addBindValue(iso(day));
                if (!any.exec() || !any.next())
                    return;
                QString why;
                if (ApprovalService(m_db, *by, permissions, clock).approve(workerId, day, &why))
                    ++m_stats.approvals;
                else
                    lastRefusal = why;
            };
            for (const StaffMember &advisor : crew.advisors)
                approve(crew.coordinator, advisor.id);
            for (const Session &officer : crew.officers)
                approve(crew.pivot, officer.staffId);
            if (crew.coordinator)
                approve(crew.pivot, crew.coordinator->staffId);
        }

        // Every visit of the day without a result: the morning's and the re-scheduled ones.
        std::vector<PendingResult> visits;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT b.id, b.worker_id, b.credit_number FROM bookings b LEFT JOIN visit_results r "
                                 "ON r.booking_id = b.id WHERE b.visit_date = ? AND b.cancelled_at IS NULL "
                                 "AND r.booking_id IS NULL ORDER BY b.id"));
        q.addBindValue(iso(day));
        if (!q.exec())
            return fail(tr("no se pudieron leer las visitas del %1").arg(iso(day)));
        while (q.next())
            visits.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), day, false});

        // 08:50: the notices due for some of the day's credits, printed by who takes them.
        at(day, 8, 50);
        QSet<QString> visited;
        for (const PendingResult &p : visits)
            visited.insert(p.creditNumber);
        std::map<qint64, QStringList> toPrint; // by worker
        QHash<QString, NoticeType> dueType;
        for (const NoticeDue &due : noticesDue(m_db, cutOff, portfolioRules, {})) {
            if (!visited.contains(due.line.row.creditNumber) || due.printedOn.isValid())
                continue;
            dueType.insert(due.line.row.creditNumber, due.type);
        }
        for (const PendingResult &p : visits)
            if (dueType.contains(p.creditNumber) && chance(rng, 0.7))
                toPrint[p.workerId].append(p.creditNumber);
        for (const auto &[workerId, credits] : toPrint) {
            const auto session = sessions.constFind(workerId);
            if (session == sessions.constEnd())
                continue;
            NoticeRequest request;
            request.creditNumbers = credits;
            request.cutOff = cutOff;
            request.date = day;
            const NoticeBatchResult batch =
                NoticeService(m_db, *session, permissions, portfolioRules, templates, clock)
                    .print(request, [](const QList<NoticeDocument> &, QString *) { return true; });
            if (!batch.ok) {
                lastRefusal = batch.errors.join(QStringLiteral("; "));
                continue;
            }
            m_stats.noticesPrinted += int(credits.size());
            for (const QString &c : credits)
                printed.insert(c, dueType.value(c));
        }

        // 10:00: the late entries of the previous working day.
        at(day, 10, 0);
        enterAll(nextMorning, true);
        nextMorning.clear();

        // 10:30: the first sign-in after the previous month's last results were due closes it.
        at(day, 10, 30);
        if (firstOfMonth && sistemas) {
            QString why;
            if (MonthCloseService(m_db, *sistemas, permissions, clock).closePreviousIfDue(calendar, windows, &why))
                ++m_stats.monthsClosed;
            else if (!why.isEmpty())
                return fail(why);
        }

        // 11:00: the Pivot calls members about the previous working day's results, draws a physical
        // sample of them on Thursdays, and now and then records an error the rules cannot see.
        at(day, 11, 0);
        const QDate yesterday = calendar.previousWorkingDay(day);
        std::vector<std::pair<Session, VerificationSample>> drawn; // checked against the paper at 15:00
        for (auto &[id, crew] : crews) {
            if (!crew.pivot)
                continue;
            const VerificationService pivot(m_db, *crew.pivot, permissions, clock);
            QSqlQuery done(m_db.connection());
            done.prepare(QStringLiteral("SELECT b.id FROM bookings b JOIN visit_results r ON r.booking_id = b.id "
                                        "JOIN staff w ON w.id = b.worker_id JOIN branches br ON br.id = w.branch_id "
                                        "WHERE b.visit_date = ? AND br.code = ? AND b.cancelled_at IS NULL ORDER BY b.id"));
            done.addBindValue(iso(yesterday));
            done.addBindValue(crew.code);
            if (!done.exec())
                return fail(tr("no se pudieron leer los resultados del %1").arg(iso(yesterday)));
            std::vector<qint64> entered;
            while (done.next())
                entered.push_back(done.value(0).toLongLong());
            if (entered.empty())
                continue;
            std::shuffle(entered.begin(), entered.end(), rng);
            QString why;
            const size_t calls = std::min<size_t>(entered.size(), size_t(pick(rng, 1, 3)));
            for (size_t i = 0; i < calls; ++i) {
                const bool confirmed = !chance(rng, 0.12);
                const QString note = confirmed ? QString() : contradictions().at(pick(rng, 0, int(contradictions().size()) - 1));
                if (pivot.verifyByPhone(entered[i], confirmed, note, &why))
                    ++m_stats.phoneChecks;
                else
                    lastRefusal = why;
            }
            if (day.dayOfWeek() == Qt::Thursday) {
                const auto sample = pivot.drawSample(yesterday, crew.code, std::min(5, int(entered.size())),
                                                     std::uniform_int_distribution<quint64>(1, 999999)(rng), &why);
                if (!sample) {
                    lastRefusal = why;
                } else {
                    ++m_stats.samples;
                    drawn.push_back({*crew.pivot, *sample});
                }
            }
            if (!crew.advisors.isEmpty() && chance(rng, 0.08)) {
                const StaffMember &who = crew.advisors.at(pick(rng, 0, int(crew.advisors.size()) - 1));
                if (pivot.recordError(who.id, yesterday, {}, handErrors().at(pick(rng, 0, int(handErrors().size()) - 1)), &why))
                    ++m_stats.handErrors;
                else
                    lastRefusal = why;
            }
        }

        // 15:00: each sample drawn this morning compared with the signed notices and the paper.
        at(day, 15, 0);
        for (const auto &[pivotSession, sample] : drawn) {
            const VerificationService pivot(m_db, pivotSession, permissions, clock);
            for (qint64 booking : sample.bookingIds) {
                const bool confirmed = !chance(rng, 0.1);
                QString why;
                if (!pivot.recordCheck(sample.id, booking, confirmed,
                                       confirmed ? QStringLiteral("Firma y fecha coinciden con la hoja de ruta")
                                                 : QStringLiteral("La firma del socio no coincide con la cédula"),
                                       &why))
                    lastRefusal = why;
            }
        }

        // 16:00 on Fridays: the Subcomité and the Comité de Mora decide on the credits that reached
        // them this week, in numbered minutes.
        at(day, 16, 0);
        for (auto &[id, crew] : crews) {
            if (!crew.pivot || day.dayOfWeek() != Qt::Friday)
                continue;
            for (const Committee committee : {Committee::Subcomite, Committee::Comite}) {
                QList<CommitteeDecision> decisions;
                for (const CommitteeCase &c : committeeAgenda(m_db, committee, cutOff, portfolioRules, crew.code)) {
                    if (!c.lastDecision.isEmpty() || decisions.size() >= (committee == Committee::Subcomite ? 6 : 4))
                        continue;
                    decisions.append({c.line.row.creditNumber,
                                      committeeDecisions().at(pick(rng, 0, int(committeeDecisions().size()) - 1))});
                }
                if (decisions.isEmpty())
                    continue;
                QString why;
                if (CommitteeService(m_db, *crew.pivot, permissions, clock)
                        .record(committee, crew.code, day, cutOff,
                                QStringLiteral("Pivot de Crédito, Coordinador de Agencia, Oficial de Cobranzas"), {},
                                decisions, &why))
                    ++m_stats.minutes;
                else
                    lastRefusal = why;
            }
        }

        // 18:00: most enter their results the same evening; some next morning, a few late, some never.
        at(day, 18, 0);
        const bool hasNextDay = calendar.nextWorkingDay(day) <= to;
        for (PendingResult &p : visits) {
            const int roll = pick(rng, 1, 100);
            if (roll <= 8) {
                ++m_stats.withoutResult;
            } else if (hasNextDay && roll <= 23) {
                p.late = roll <= 13;
                nextMorning.push_back(p);
            } else if (!enter(p)) {
                lastRefusal = QString::number(p.bookingId);
            }
        }
        if (!tx.commit())
            return fail(tr("no se pudo guardar el %1").arg(iso(day)));
    }
    if (m_hooks.progress)
        m_hooks.progress(daysTotal, daysTotal);
    if (m_stats.bookings == 0 && planningDays > 0)
        return fail(lastRefusal.isEmpty() ? tr("no se agendó ninguna visita") : lastRefusal);
    return true;
}

} // namespace cobranza
