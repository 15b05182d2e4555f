#pragma once

#include "money.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// One thing that happened to a credit: a line of its expediente.
struct CreditEvent
{
    enum class Kind {
        Snapshot,      // a cut-off of the portfolio report: days past due, rating, overdue amount
        LeftReport,    // the first cut-off that no longer lists the credit (paid up or paid off)
        Booked,        // put on someone's route sheet (tray, rezagado; Gestión Propia without result)
        Unbooked,      // Desagendado, with who and why
        Rescheduled,   // a visit booked on the Reagendamiento date of a result
        Notice,        // a notice printed for the member or a guarantor
        Result,        // the result of a visit (or a Gestión Propia)
        Collected,     // money collected in the field, with its receipt
        Promise,       // a promise to pay made at a visit
        PromiseJudged, // how the promise ended, by the cut-off that judged it
    };
    // How the event reads for the cooperative: a broken promise or a worse rating is bad news.
    enum class Tone { Neutral, Good, Bad };

    QDateTime at;          // local time; a date-only event has 00:00 and dateOnly set
    bool dateOnly = false; // cut-offs, judgements, results without an hour: they close their day
    Kind kind = Kind::Snapshot;
    Tone tone = Tone::Neutral;
    QString title;         // Spanish: "Agendado", "Promesa de pago", "Corte: empeoró la calificación"
    QString detail;        // Spanish, one line
    QString who;           // who did it (full name); empty for the report's own events
    std::optional<Money> amount; // money people moved: collected, or promised
    // A cut-off that changed nothing but the count of days (same rating, officer and state of
    // arrears, and not the newest): with a report every working day, the expediente shows these
    // only when asked.
    bool routine = false;
    bool operator==(const CreditEvent &) const = default;

    // "23/11/2026 10:15", or "21/11/2026" for a date-only event.
    QString whenText() const;
};

// The credit's whole story, oldest first: each cut-off (with rating changes, reclassification and
// reassignment noted), each booking and un-booking, each result with its collection and promise,
// how each promise ended, and each notice printed. Events of the same moment keep the order the
// work happens in (bookings and un-bookings as they were made, notice, result, collected,
// promise); a day's date-only events come after its timed ones, since a cut-off closes the day.
// Empty for an unknown credit.
QList<CreditEvent> loadCreditTimeline(const Database &db, const QString &creditNumber);

// Sorts events the way loadCreditTimeline returns them; stable, so equal events keep their order.
void sortCreditEvents(QList<CreditEvent> *events);

} // namespace cobranza
