#include "bookingrules.h"

#include "datetext.h"

#include <QCoreApplication>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::BookingRules", s); }
QString timeText(QTime t) { return t.toString(QStringLiteral("HH:mm:ss")); }
QString nameOf(const StaffMember &s) { return s.fullName.isEmpty() ? s.username : s.fullName; }

// Seconds only: a clock reading of 08:45:00.600 is still 08:45:00 to the person at the desk.
QTime toSecond(QTime t) { return QTime(t.hour(), t.minute(), t.second()); }

std::optional<QString> otherBranch(const Session &actor, const StaffMember &target)
{
    if (actor.branchId != 0 && actor.branchId == target.branchId)
        return std::nullopt;
    return tr("%1 no pertenece a su agencia: solo puede agendar para personas de su agencia.").arg(nameOf(target));
}

// Officers' visits live on the pooled user; an officer without one cannot have any stored.
void storeOnPool(BookingGrant &g, const StaffMember &target)
{
    if (target.role != Role::OficialCobranzas || target.pooled)
        return;
    g.onPool = true;
    if (target.poolId == 0)
        g.refusal = tr("%1 no tiene asignado el usuario compartido de cobranzas: pida a Sistemas que lo asigne "
                       "antes de agendar.")
                        .arg(nameOf(target));
}

} // namespace

BookingGrant bookingGrant(const PermissionTable &table, const Session &actor, const StaffMember &target)
{
    BookingGrant g;
    if (actor.staffId == target.id) {
        if (auto no = refusal(table, actor, Permission::BookOwnSheet)) {
            g.refusal = no;
            return g;
        }
        g.coordinatorOwn = target.role == Role::CoordinadorAgencia;
        storeOnPool(g, target);
        return g;
    }
    if (table.allows(actor.role, Permission::BookAdvisorSheets) && target.role == Role::AsesorNegocios) {
        g.refusal = otherBranch(actor, target);
        return g;
    }
    if (table.allows(actor.role, Permission::BookRezagados)) {
        g.refusal = otherBranch(actor, target);
        g.rezagado = true;
        if (!g.refusal)
            storeOnPool(g, target);
        return g;
    }
    if (table.allows(actor.role, Permission::BookAdvisorSheets)) {
        g.refusal = tr("%1 es %2: el %3 agenda solo las hojas de ruta de los asesores y la suya.")
                        .arg(nameOf(target), roleLabel(target.role), roleLabel(actor.role));
        return g;
    }
    g.refusal = refusal(table, actor, Permission::BookAdvisorSheets);
    if (!g.refusal) // unreachable with the checks above; never let a hole become a grant
        g.refusal = tr("no tiene permiso para agendar la hoja de ruta de %1.").arg(nameOf(target));
    return g;
}

BookingWindow bookingWindow(const TimeWindows &windows, const QDateTime &now, QDate visitDate, bool coordinatorOwn)
{
    const QDate today = now.date();
    if (visitDate < today)
        return BookingWindow::PastDate;
    if (visitDate > today)
        return BookingWindow::Open;
    const QTime t = toSecond(now.time());
    if (coordinatorOwn)
        return t >= windows.coordinatorFrom && t <= windows.coordinatorUntil ? BookingWindow::Open
                                                                               : BookingWindow::Closed;
    return t <= windows.bookingUntil ? BookingWindow::Open : BookingWindow::Closed;
}

QString bookingWindowRefusal(const TimeWindows &windows, const QDateTime &now, QDate visitDate, bool coordinatorOwn)
{
    switch (bookingWindow(windows, now, visitDate, coordinatorOwn)) {
    case BookingWindow::Open: return {};
    case BookingWindow::PastDate:
        return tr("el %1 ya pasó: no se agenda ni se desagenda para una fecha pasada.").arg(dayText(visitDate));
    case BookingWindow::Closed: break;
    }
    const QString nowText = timeText(toSecond(now.time()));
    if (coordinatorOwn)
        return tr("el Coordinador de Agencia arma su propia hoja de ruta de hoy entre las %1 y las %2; son las %3.")
            .arg(timeText(windows.coordinatorFrom), timeText(windows.coordinatorUntil), nowText);
    return tr("la hoja de ruta del %1 se cierra a las %2; son las %3. Fuera del horario solo agenda el Pivot de "
              "Crédito.")
        .arg(dayText(visitDate), timeText(windows.bookingUntil), nowText);
}

QDate planningOpensOn(const WorkingCalendar &calendar, QDate day)
{
    return day.isValid() ? calendar.nthWorkingDay(day.year(), day.month(), 2) : QDate();
}

QDate defaultVisitDate(const WorkingCalendar &calendar, QDate today)
{
    const QDate next = calendar.nextWorkingDay(today);
    const QDate opens = planningOpensOn(calendar, next);
    return opens.isValid() && next < opens ? opens : next;
}

std::optional<QString> planningRefusal(const WorkingCalendar &calendar, QDate visitDate)
{
    const QDate opens = planningOpensOn(calendar, visitDate);
    if (!opens.isValid() || visitDate >= opens)
        return std::nullopt;
    return tr("las hojas de ruta del mes se planifican desde su segundo día laborable, el %1; el %2 no se agenda.")
        .arg(dayText(opens), dayText(visitDate));
}

std::optional<QString> ratingRefusal(const RatingRoles &roles, const QString &creditNumber, Rating rating, Role role)
{
    const Role responsible = roles.responsibleFor(rating);
    if (responsible == role)
        return std::nullopt;
    return tr("el crédito %1 tiene calificación %2, que corresponde al %3")
        .arg(creditNumber, ratingCode(rating), roleLabel(responsible));
}

} // namespace cobranza
