#pragma once

#include <QDate>
#include <QString>

namespace cobranza {

class Database;

// What a simulation did, so the demo's callers and tests can say it and compare two runs.
struct DemoActivityStats
{
    int workingDays = 0;
    int bookings = 0;      // tray bookings made in the mornings (not counting re-scheduled visits)
    int approvals = 0;
    int results = 0;
    int lateResults = 0;
    int withoutResult = 0; // visits deliberately left without a result (error E01)
    int promises = 0;
    int reschedules = 0;
    int collections = 0;
    int noticesPrinted = 0; // credits whose notice was printed
    int noticesDelivered = 0;
    bool operator==(const DemoActivityStats &) const = default;
};

// Plays weeks of branch work on the demo portfolio through the real services, with the clock set to
// each moment of each working day, so every supervision screen has real bookings, approvals,
// results (late and missing ones too), promises and notices to show on first start.
class DemoActivity final
{
public:
    DemoActivity(const Database &db, quint64 seed) : m_db(db), m_seed(seed) {}

    // Every working day in [from, to] works on the newest imported cut-off before that day. Days
    // with no such cut-off are skipped. false with a Spanish `error` when a service refuses what the
    // simulation expected it to accept.
    bool simulate(QDate from, QDate to, QString *error);
    const DemoActivityStats &stats() const { return m_stats; }

private:
    const Database &m_db;
    quint64 m_seed;
    DemoActivityStats m_stats;
};

} // namespace cobranza
