#pragma once

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
};

// Fills a database with the demo cooperative so a newcomer sees a real-looking branch at once.
// The portfolio goes through the real import, from files the generator writes.
class DemoSeeder final
{
public:
    explicit DemoSeeder(const Database &db) : m_db(db) {}

    // Settings, branches and staff of the demo cooperative, in one transaction. Only into a
    // database that has no staff yet.
    bool seedDirectory(QString *error) const;
    // Generates the portfolio for `cutOff` into a temporary file and imports it as `session`.
    ImportResult importPortfolio(const Session &session, qint64 credits, quint64 seed, QDate cutOff,
                                 bool replace, const ImportProgress &progress = {}) const;
    // The whole demo: directory, then the previous month end and yesterday's snapshots.
    bool seedAll(const DemoSeedOptions &options, QString *error, const ImportProgress &progress = {}) const;
    // True for a database with neither staff nor snapshots: the first start of the application.
    bool isEmpty() const;

private:
    const Database &m_db;
};

} // namespace cobranza
