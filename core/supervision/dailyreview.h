#pragma once

#include "supervision/errorrules.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace cobranza {

class Database;

// A result the Pivot reads: a state that needs its justification, and the text given.
struct JustifiedResult
{
    qint64 bookingId = 0;
    QString creditNumber;
    QString memberName;
    VisitState state = VisitState::NoEncontrado;
    QString justification;
    QString verification; // CONFIRMED, CONTRADICTED or empty
    bool operator==(const JustifiedResult &) const = default;
};

// One person's day as the Pivot reviews it.
struct ReviewRow
{
    qint64 staffId = 0;
    QString username;
    QString name;
    int booked = 0;
    int entered = 0;
    int missing = 0;  // no result yet
    int late = 0;
    int rezagados = 0; // members in arrears of his portfolio with no work this month
    QList<JustifiedResult> justified;
    QList<StaffError> errors; // of that day
    bool operator==(const ReviewRow &) const = default;
};

// The Pivot's daily review of a branch (domain.md, "Supervision"): per person, visits booked and
// results entered, missing and late, the results that need a justification with their text,
// re-scheduled promise visits and over-long re-schedulings (among the errors), and rezagados.
// The day the Pivot's review opens on: the last working day before today, whose results were due
// this morning (on a Monday, Friday's work).
QDate defaultReviewDay(const WorkingCalendar &calendar, QDate today);

QList<ReviewRow> dailyReview(const Database &db, QDate day, const QString &branchCode, const SupervisionRules &rules,
                             const QDateTime &now);

// The F.1-A consolidation of a month: per person, the errors by type, their total and the
// previous month's total, and every error line.
struct MonthlyErrors
{
    qint64 staffId = 0;
    QString username;
    QString name;
    QMap<ErrorType, int> counts;
    int total = 0;
    int previousTotal = 0;
    QList<StaffError> lines;
};
struct ErrorReport
{
    QString branchCode; // empty: every branch
    int year = 0;
    int month = 0;
    QList<MonthlyErrors> people; // by name
    QMap<ErrorType, int> totals;
    int total = 0;
    int previousTotal = 0;
};
ErrorReport monthlyErrorReport(const Database &db, int year, int month, const QString &branchCode,
                               const SupervisionRules &rules, const QDateTime &now);

} // namespace cobranza
