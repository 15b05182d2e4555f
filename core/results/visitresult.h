#pragma once

#include "money.h"
#include "noticetype.h"
#include "visitstate.h"

#include <QDate>
#include <QString>
#include <QTime>
#include <optional>

namespace cobranza {

// What a staff member reports of one booked visit (domain.md, "Visit results").
struct VisitResult
{
    qint64 bookingId = 0;
    VisitState state = VisitState::Visitado;
    std::optional<QTime> visitTime;   // HORA VISITA, 24-hour clock
    QString justification;            // upper case, starting with the worker's initials
    QString agreement;                // ACUERDO, upper case
    QDate agreementDate;              // Fecha de acuerdo: with an agreement, a promise to pay
    std::optional<Money> promisedAmount;
    std::optional<NoticeType> noticeDelivered;
    QDate rescheduleDate;             // Reagendamiento
    std::optional<Money> collected;   // Recaudación
    QString receiptNumber;
    bool operator==(const VisitResult &) const = default;

    bool isPromise() const { return !agreement.trimmed().isEmpty() && agreementDate.isValid(); }
};

// The fields of the result form, so a refusal can point at the one to fix.
enum class ResultField {
    State, VisitTime, Justification, Agreement, AgreementDate, PromisedAmount, Notice, Reschedule, Collected, Receipt,
};

// One rule a result breaks, with the field it concerns and the Spanish message to show there.
struct ResultProblem
{
    ResultField field = ResultField::State;
    QString message;
    bool operator==(const ResultProblem &) const = default;
};

} // namespace cobranza
