#pragma once

#include "rating.h"
#include "role.h"

#include <array>

namespace cobranza {

// Which role works a credit of each rating (domain.md: A1–A3 advisors, B1–B2 coordinator,
// C1–E collections officers); the cooperative may change it.
class RatingRoles final
{
public:
    static RatingRoles defaults();
    Role responsibleFor(Rating r) const { return m_roles.at(static_cast<size_t>(r)); }
    void assign(Rating r, Role role) { m_roles.at(static_cast<size_t>(r)) = role; }
    bool operator==(const RatingRoles &) const = default;

private:
    std::array<Role, kAllRatings.size()> m_roles{};
};

} // namespace cobranza
