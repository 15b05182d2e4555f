#include "workingcalendar.h"

#include "datetext.h"

#include <QCoreApplication>
#include <QSet>

namespace cobranza {

WorkingCalendar::WorkingCalendar(const QList<Holiday> &holidays)
{
    for (const Holiday &h : holidays)
        m_holidays[h.day] = h.description;
}

QDate easterSunday(int year)
{
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QList<Holiday> WorkingCalendar::ecuadorHolidays(int year)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::WorkingCalendar", s); };
    const QDate easter = easterSunday(year);
    return {
        {QDate(year, 1, 1), tr("Año Nuevo")},
        {easter.addDays(-48), tr("Carnaval")},
        {easter.addDays(-47), tr("Carnaval")},
        {easter.addDays(-2), tr("Viernes Santo")},
        {QDate(year, 5, 1), tr("Día del Trabajo")},
        {QDate(year, 5, 24), tr("Batalla de Pichincha")},
        {QDate(year, 8, 10), tr("Primer Grito de Independencia")},
        {QDate(year, 10, 9), tr("Independencia de Guayaquil")},
        {QDate(year, 11, 2), tr("Día de los Difuntos")},
        {QDate(year, 11, 3), tr("Independencia de Cuenca")},
        {QDate(year, 12, 25), tr("Navidad")},
    };
}

QString holidaysProblem(const QList<Holiday> &holidays)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::WorkingCalendar", s); };
    QSet<QDate> seen;
    for (const Holiday &h : holidays) {
        const QString day = dayText(h.day);
        if (!h.day.isValid())
            return tr("Hay un feriado sin fecha válida.");
        if (h.description.trimmed().isEmpty())
            return tr("El feriado del %1 no tiene descripción.").arg(day);
        if (seen.contains(h.day))
            return tr("El %1 está dos veces en el calendario.").arg(day);
        seen.insert(h.day);
    }
    return {};
}

QString WorkingCalendar::holidayName(QDate d) const
{
    const auto it = m_holidays.find(d);
    return it == m_holidays.end() ? QString() : it->second;
}

bool WorkingCalendar::isWorkingDay(QDate d) const
{
    return d.isValid() && d.dayOfWeek() <= 5 && !isHoliday(d);
}

QDate WorkingCalendar::nextWorkingDay(QDate d) const
{
    if (!d.isValid())
        return {}; // addDays() keeps an invalid date invalid: the loop would never end
    QDate n = d.addDays(1);
    while (!isWorkingDay(n))
        n = n.addDays(1);
    return n;
}

QDate WorkingCalendar::previousWorkingDay(QDate d) const
{
    if (!d.isValid())
        return {};
    QDate p = d.addDays(-1);
    while (!isWorkingDay(p))
        p = p.addDays(-1);
    return p;
}

QDate WorkingCalendar::nthWorkingDay(int year, int month, int n) const
{
    int count = 0;
    for (QDate d(year, month, 1); d.isValid() && d.month() == month; d = d.addDays(1))
        if (isWorkingDay(d) && ++count == n)
            return d;
    return {};
}

QList<Holiday> WorkingCalendar::holidays() const
{
    QList<Holiday> out;
    for (const auto &[day, name] : m_holidays)
        out.append({day, name});
    return out;
}

} // namespace cobranza
