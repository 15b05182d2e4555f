#pragma once

#include "clock.h"
#include "session.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// One line of the audit trail: who did what to which record, when, and the values before and after.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime atUtc;
    QString atLocal;  // the branch's wall clock as the user saw it ("2026-11-22T08:41:07")
    qint64 staffId = 0;
    QString staffName;
    QString action;     // "LOGIN_FAILED", "USER_CREATED", "BOOKED", …
    QString recordType; // "staff", "booking", "import", …
    QString recordId;   // entries about one credit (bookings, results, promises, notices) use the
                        // credit number, so the credit's file shows its own trail
    QString oldValue;
    QString newValue;
};

// What the administrator's viewer and a credit's trail ask for.
struct AuditFilter
{
    std::optional<qint64> staffId;
    QDate from; // local dates, inclusive; invalid = open
    QDate to;
    QString recordType;
    QString recordId;
    int limit = 2000;
};

// Appends to the audit trail (the database refuses UPDATE and DELETE on it) and reads it back.
// Writers call record() inside their own transaction, so the change and its entry commit together.
class AuditLog final
{
public:
    AuditLog(const Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}
    bool record(const Session &who, const QString &action, const QString &recordType, const QString &recordId,
                const QString &oldValue = {}, const QString &newValue = {}) const;
    QList<AuditEntry> entries(const AuditFilter &filter) const;

private:
    const Database &m_db;
    const Clock &m_clock;
};

} // namespace cobranza
