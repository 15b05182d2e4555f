#pragma once

#include "role.h"
#include "supervision/dailyreview.h"

#include <QDate>
#include <QList>
#include <QString>

namespace cobranza {

class Database;

// One error of the day as it is told to the person: the error and the member of its credit.
struct DailyErrorLine
{
    StaffError error;
    QString memberName; // empty when the error is about no credit (E07, E09) or the credit is unknown
    bool operator==(const DailyErrorLine &) const = default;
};

// One person reviewed that day: who (name, role, initials), how much work, and the errors.
struct DailyErrorPerson
{
    qint64 staffId = 0;
    QString username;
    QString name;
    QString initials;
    Role role = Role::AsesorNegocios;
    QString branchCode;
    int booked = 0;
    int entered = 0;
    QList<DailyErrorLine> errors; // by code, then credit
    bool operator==(const DailyErrorPerson &) const = default;
};

// The daily error report of a branch (every branch when empty): everyone the daily review shows,
// those without errors included, so the paper proves that each one was reviewed.
struct DailyErrorReport
{
    QString branchCode;
    QString branchName; // "Ibarra Matriz"; empty for every branch or an unknown code
    QDate day;
    bool workingDay = true;
    QList<DailyErrorPerson> people; // by name; for every branch, by branch and then by name
    int total = 0;
    bool operator==(const DailyErrorReport &) const = default;
};

// Gathers the report from the same reading as the daily review screen (dailyReview), adding each
// person's role and initials and the member of each error's credit.
DailyErrorReport dailyErrorReport(const Database &db, QDate day, const QString &branchCode,
                                  const SupervisionRules &rules, const QDateTime &now);

} // namespace cobranza
