#pragma once

#include "rating.h"
#include "session.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// One change on a user's credits since his last session, as the login shows it.
struct Novedad
{
    // In the order the dialog lists them: what needs action first.
    enum class Kind {
        BrokenPromise,  // a promise made on his visit, judged broken by a newer cut-off
        NewArrears,     // was up to date (or not in the report) and now has days past due
        Worsened,       // its rating got worse (reclassified)
        AssignedToYou,  // OFICIAL_CREDITO changed to him
        AssignedAway,   // OFICIAL_CREDITO changed from him to someone else
        UpToDate,       // had days past due and is now up to date or left the report
    };
    Kind kind = Kind::NewArrears;
    QString creditNumber;
    QString memberName;
    QString text; // Spanish: what changed ("A3 → B1 · 40 días de mora")
    bool operator==(const Novedad &) const = default;
};

QString novedadKindLabel(Novedad::Kind kind); // "Cayeron en mora": the dialog's group heading

// A credit's standing on one cut-off: what the comparison reads of it.
struct CreditStanding
{
    QString creditNumber;
    QString memberName;
    QString officer; // OFICIAL_CREDITO
    int daysPastDue = 0;
    Rating rating = Rating::A1;
    bool operator==(const CreditStanding &) const = default;
};

// What changed between two cut-offs on the given credits (the user's: both lists already hold
// only them), for the user `username`. A credit reassigned away from him reports only that; a
// credit that fell into arrears is not also reported as worsened. Sorted by kind, then member
// name, then credit number.
QList<Novedad> compareStandings(const QList<CreditStanding> &before, const QList<CreditStanding> &after,
                                const QString &username);

// The novelties of a session with the cut-offs and the session they were measured against.
struct NovedadesReport
{
    QDateTime lastSession; // local; invalid when the user had never signed in before
    QDate fromCutOff;      // the cut-off he last saw (invalid: nothing to compare)
    QDate toCutOff;        // the newest cut-off
    QList<Novedad> items;
    bool isEmpty() const { return items.isEmpty(); }
};

// What changed on the user's credits since his last session. "His credits": those whose
// OFICIAL_CREDITO is his username, plus those booked to him (worker) in the 30 days up to `today`.
// "Since his last session": the successful sign-in before the current one (the newest LOGIN in the
// audit trail); the comparison is the newest cut-off against the newest one already imported at
// that sign-in, or against the cut-off before the newest when there was none. Broken promises are
// those of his visits judged by a cut-off newer than that one.
NovedadesReport loadNovedades(const Database &db, const Session &session, QDate today);

} // namespace cobranza
