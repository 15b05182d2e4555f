#pragma once

#include "ratingroles.h"
#include "ratingscale.h"
#include "workingcalendar.h"

namespace cobranza {

class Database;

// Reads the cooperative's rules from the database; a rule with no rows there is the default of
// domain.md, so the defaults live in core only, once.
class RulesStore final
{
public:
    explicit RulesStore(const Database &db) : m_db(db) {}
    RatingScales ratingScales() const;
    RatingRoles ratingRoles() const;
    // The configured holidays; with none configured, Ecuador's national holidays of `years`.
    WorkingCalendar calendar(int firstYear, int lastYear) const;

    bool saveRatingScales(const RatingScales &scales, QString *error) const; // replaces all versions

private:
    const Database &m_db;
};

} // namespace cobranza
