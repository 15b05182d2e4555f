#pragma once

#include "clock.h"
#include "permissions.h"
#include "portfolio/portfoliotypes.h"
#include "ratingroles.h"
#include "session.h"
#include "timewindows.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cobranza {

class Database;

// A staff member with his branch's code, as the booking rules compare it to a credit's SUCURSAL.
struct BookingPerson
{
    StaffMember staff;
    QString branchCode;
};

// One reason a booking was refused; an empty credit number means the whole request.
struct BookingRefusal
{
    QString creditNumber;
    QString reason; // Spanish
    bool operator==(const BookingRefusal &) const = default;
};

// What came of a booking request: all booked, or nothing and every reason why.
struct BookResult
{
    bool ok = false;
    QList<qint64> bookingIds;       // in the order the credits were given
    QList<BookingRefusal> refusals; // empty when ok
    bool outsideWindow = false;     // booked by the Pivot after the window closed
    QString summary;                // one Spanish sentence
    QStringList reasons() const;
};

// Takes the visto bueno off a person's sheet of a day after it changed, keeping the next revision
// number and auditing it; true as well when the sheet was not approved. Call inside the change's
// transaction.
bool clearRouteApproval(const Database &db, const Session &session, const Clock &clock, const StaffMember &owner,
                        QDate visitDate);

// Books credits of a cut-off's tray onto a person's route sheet for a day and takes them off
// again (Desagendado), enforcing who may book for whom, which ratings go to which role, the
// booking window and once a day per credit, and auditing every change.
class BookingService final
{
public:
    BookingService(const Database &db, Session session, PermissionTable permissions, RatingRoles ratingRoles,
                   TimeWindows windows, const Clock &clock);

    // All or nothing in one transaction. `staffId` is the person the visits are for (a collections
    // officer's are stored on his pooled user).
    BookResult book(const QStringList &creditNumbers, qint64 staffId, QDate visitDate, QDate cutOff) const;
    // Desagendado: the row stays with who, when and why. false with a Spanish `error` when refused.
    bool unbook(qint64 bookingId, const QString &reason, QString *error) const;
    // Puts a person's visits of a day in the given route order (every active booking of the sheet,
    // each once). Allowed to whoever may book the sheet or approve it; a change clears the approval.
    bool reorder(qint64 workerId, QDate visitDate, const QList<qint64> &bookingIds, QString *error) const;

private:
    std::optional<BookingPerson> person(qint64 id) const;
    // The officer himself when he names his own pooled user; otherwise the stored person.
    BookingPerson forWhom(const BookingPerson &named) const;
    std::optional<QString> creditRefusal(const QString &creditNumber, qint64 snapshotId, QDate cutOff,
                                         const BookingPerson &target, QDate visitDate) const;
    // The Pivot takes a visit off the pooled user when the credit is of his branch.
    bool pivotOnPool(const BookingPerson &stored, const QString &creditNumber, const QString &cutOff) const;
    bool resetApproval(const BookingPerson &owner, QDate visitDate) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    RatingRoles m_ratingRoles;
    TimeWindows m_windows;
    const Clock &m_clock;
};

} // namespace cobranza
