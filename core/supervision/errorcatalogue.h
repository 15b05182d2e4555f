#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

// The kinds of error the Pivot counts (domain.md, "Supervision and the error report").
enum class ErrorType {
    MissingResult,            // a booked visit without a result once results were due
    LateEntry,                // a result entered after 08:45 of the next working day
    MissingJustification,     // No Encontrado, No Visitado or Llamada Telefónica without one
    JustificationWithoutInitials,
    RescheduledBeyondLimit,   // a commitment re-scheduled more than the allowed days out
    PromiseVisitRescheduled,  // the visit of a promise to pay re-scheduled
    ArrearsWithoutWork,       // members in arrears nobody booked or worked in the month
    ContradictedVerification, // a phone or physical check said otherwise
    TooFewVisits,             // fewer visits booked than the day's minimum
    Manual,                   // recorded by the Pivot with a note
};

// One line of the catalogue: the code printed in reports, and what the error means.
struct ErrorTypeInfo
{
    ErrorType type;
    QString code;        // "E01"
    QString name;        // "Resultado no registrado"
    QString description; // the rule, in a sentence
};

const QList<ErrorTypeInfo> &errorCatalogue();
const ErrorTypeInfo &errorInfo(ErrorType type);
std::optional<ErrorType> parseErrorType(QStringView codeOrName);

// One error: who, which day, which record, and why.
struct StaffError
{
    ErrorType type = ErrorType::Manual;
    qint64 staffId = 0;
    QString username;
    QString staffName;
    QDate day;
    QString creditNumber; // the record, when it is a credit
    qint64 bookingId = 0;
    QString note;
    bool operator==(const StaffError &) const = default;
};

} // namespace cobranza
