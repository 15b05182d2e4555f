#pragma once

#include "clock.h"

#include <QDate>
#include <QString>
#include <functional>

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
    int phoneChecks = 0;       // results the Pivot verified by phone
    int samples = 0;           // physical samples drawn (Thursdays) and checked
    int handErrors = 0;        // errors the Pivot recorded by hand
    int minutes = 0;           // committee minutes recorded (Fridays)
    int snapshotsImported = 0; // daily reports imported along the way
    int monthsClosed = 0;
    bool operator==(const DemoActivityStats &) const = default;
};

// What the simulation needs from outside core/demo's work loop: how a day's report arrives, and
// whom to tell how far it got.
struct DemoActivityHooks
{
    // Imports the report cut at `cutOff` (the demo generator's, through the real import) when the
    // simulation reaches a day whose report is missing; empty: work from what was imported before.
    // `clock` stands at the simulated morning, so the import's log and audit carry that day.
    std::function<bool(QDate cutOff, const Clock &clock, QString *error)> importSnapshot;
    std::function<void(int daysDone, int daysTotal)> progress;
};

// Plays weeks of branch work on the demo portfolio through the real services, with the clock set to
// each moment of each working day, so every supervision screen has real bookings, approvals,
// results (late and missing ones too), promises judged on the next day's report, notices and a
// closed month to show on first start.
class DemoActivity final
{
public:
    DemoActivity(const Database &db, quint64 seed, DemoActivityHooks hooks = {})
        : m_db(db), m_seed(seed), m_hooks(std::move(hooks))
    {
    }

    // Every working day in [from, to]: the morning imports the report cut the day before (and the
    // previous month end's, which collections officers plan from) when missing, then works on the
    // newest report before that day; days with none are skipped. No sheet is planned before the
    // month's second working day; the first one closes the previous month once its results were
    // due. false with a Spanish `error` when a service refuses what the simulation expected it to
    // accept.
    bool simulate(QDate from, QDate to, QString *error);
    const DemoActivityStats &stats() const { return m_stats; }

private:
    const Database &m_db;
    quint64 m_seed;
    DemoActivityHooks m_hooks;
    DemoActivityStats m_stats;
};

} // namespace cobranza
