#pragma once

#include "auth/passwordhasher.h"
#include "import/portfolioimporter.h"

#include <QDate>
#include <functional>

namespace cobranza {

class Database;

// What the demo database holds: how many credits and which days it was generated for.
struct DemoSeedOptions
{
    qint64 credits = 4000;
    quint64 seed = 20261122;
    QDate today; // the demo's "today": snapshots are cut at yesterday and at the previous month end
    // Weeks of branch work (DemoActivity) from `activityFrom` (by default the first day of the
    // previous month, so a whole month is closed and the current one under way) to yesterday, with
    // each working day's report imported that morning, so the supervision screens show something
    // on first start.
    bool simulateActivity = true;
    QDate activityFrom;
};

// Fills a database with the demo cooperative so a newcomer sees a real-looking branch at once.
// The portfolio goes through the real import, from files the generator writes.
class DemoSeeder final
{
public:
    // Every demo user who signs in (all but the pooled collections user) has this password; the
    // README and `cobranza-cli user list` on a demo database say so.
    static inline const QString kDemoPassword = QStringLiteral("Cobranza2026");

    explicit DemoSeeder(const Database &db, PasswordHasher::Cost cost = PasswordHasher::interactive())
        : m_db(db), m_cost(cost)
    {
    }

    // Settings, branches and staff of the demo cooperative, in one transaction. Only into a
    // database that has no staff yet. Staff who sign in get kDemoPassword.
    bool seedDirectory(QString *error) const;
    // Generates the portfolio for `cutOff` into a temporary file and imports it as `session`.
    // `clock` dates the import (log, audit, promises judged); none: the machine's.
    ImportResult importPortfolio(const Session &session, qint64 credits, quint64 seed, QDate cutOff,
                                 bool replace, const ImportProgress &progress = {}, const Clock *clock = nullptr) const;
    // The whole demo: directory, then the previous month end and yesterday's snapshots.
    bool seedAll(const DemoSeedOptions &options, QString *error, const ImportProgress &progress = {}) const;
    // DemoActivity on the working days of [from, lastDay] as `session` (who imports each morning's
    // report of `credits` demo credits from `seed`), then yesterday's report of lastDay's morning
    // after: the import judges the promises due by then.
    bool simulateActivity(const Session &session, qint64 credits, quint64 seed, QDate from, QDate lastDay,
                          QString *error, const std::function<void(int, int)> &progress = {}) const;
    // The first of the last `days` working days up to `lastDay` (the CLI's --actividad N).
    QDate workingDaysBack(QDate lastDay, int days) const;
    // True for a database with neither staff nor snapshots: the first start of the application.
    bool isEmpty() const;

private:
    const Database &m_db;
    PasswordHasher::Cost m_cost;
};

} // namespace cobranza
