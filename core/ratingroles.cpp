#include "ratingroles.h"

namespace cobranza {

RatingRoles RatingRoles::defaults()
{
    RatingRoles r;
    for (Rating rating : kAllRatings) {
        switch (riskLevelOf(rating)) {
        case RiskLevel::Normal: r.assign(rating, Role::AsesorNegocios); break;
        case RiskLevel::Potencial: r.assign(rating, Role::CoordinadorAgencia); break;
        default: r.assign(rating, Role::OficialCobranzas); break;
        }
    }
    return r;
}

} // namespace cobranza
