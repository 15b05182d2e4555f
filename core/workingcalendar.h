#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <map>

namespace cobranza {

// A day the cooperative does not work although it is a weekday.
struct Holiday
{
    QDate day;
    QString description;
    bool operator==(const Holiday &) const = default;
};

// Working days: Monday to Friday except configured holidays. Planning and deadlines count on it
// (advisors' sheets open on the month's second working day; results are due next working day).
class WorkingCalendar final
{
public:
    WorkingCalendar() = default;
    explicit WorkingCalendar(const QList<Holiday> &holidays);
    // Ecuador's national holidays of a year (fixed dates, Carnival and Good Friday from Easter),
    // the shipped default that each cooperative adjusts to the year's official decree.
    static QList<Holiday> ecuadorHolidays(int year);

    bool isHoliday(QDate d) const { return m_holidays.count(d) > 0; }
    QString holidayName(QDate d) const;
    bool isWorkingDay(QDate d) const;
    QDate nextWorkingDay(QDate d) const;      // strictly after d; invalid if d is invalid
    QDate previousWorkingDay(QDate d) const;  // strictly before d; invalid if d is invalid
    // The n-th (1-based) working day of a month; invalid QDate if the month has fewer.
    QDate nthWorkingDay(int year, int month, int n) const;
    QList<Holiday> holidays() const;

private:
    std::map<QDate, QString> m_holidays;
};

QDate easterSunday(int year); // Gregorian computus (anonymous algorithm)

// What is wrong with a list of holidays to store (a day without a valid date or description, or
// twice); empty when it can be saved.
QString holidaysProblem(const QList<Holiday> &holidays);

} // namespace cobranza
