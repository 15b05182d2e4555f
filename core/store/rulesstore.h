#pragma once

#include "ladder.h"
#include "portfolio/portfolioquery.h"
#include "ratingroles.h"
#include "ratingscale.h"
#include "timewindows.h"
#include "workingcalendar.h"

namespace cobranza {

class Database;

// Reads and writes the cooperative's rules in the database; a rule with no rows there is the
// default of domain.md, so the defaults live in core only, once. Every save validates first and
// is one transaction.
class RulesStore final
{
public:
    explicit RulesStore(const Database &db) : m_db(db) {}

    RatingScales ratingScales() const;
    RatingRoles ratingRoles() const;
    CollectionsLadder collectionsLadder() const;
    TimeWindows timeWindows() const;
    QList<Holiday> configuredHolidays() const; // only what the cooperative entered
    // The configured holidays; with none configured, Ecuador's national holidays of the years.
    WorkingCalendar calendar(int firstYear, int lastYear) const;
    PortfolioRules portfolioRules() const { return {ratingRoles(), ratingScales(), collectionsLadder()}; }

    bool saveRatingScales(const RatingScales &scales, QString *error) const; // replaces all versions
    bool saveRatingRoles(const RatingRoles &roles, QString *error) const;
    bool saveCollectionsLadder(const CollectionsLadder &ladder, QString *error) const;
    bool saveTimeWindows(const TimeWindows &windows, QString *error) const;
    bool saveHolidays(const QList<Holiday> &holidays, QString *error) const; // replaces all

private:
    const Database &m_db;
};

} // namespace cobranza
