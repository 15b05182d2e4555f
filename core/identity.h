#pragma once

#include <QString>

namespace cobranza {

// Verdict on an Ecuadorian identity number (cédula or RUC), formats/cartera.md.
enum class IdentityCheck {
    ValidCedula,
    ValidRuc,
    BadCheckDigit,   // right shape, wrong check digit: a warning on import
    BadProvince,     // digits 1–2 not 01–24 or 30
    BadThirdDigit,   // digit 3 out of the allowed set
    BadEstablishment,// RUC of a person ending in 000
    Malformed,       // not 10 or 13 digits: an error on import
};

IdentityCheck checkIdentity(QStringView number);
inline bool isValid(IdentityCheck c) { return c == IdentityCheck::ValidCedula || c == IdentityCheck::ValidRuc; }
// Spanish explanation of a failed check, for warnings and error lists.
QString identityProblem(IdentityCheck c);
// Check digit (0–9) for the first nine digits of a cédula; used by the demo generator too.
int cedulaCheckDigit(QStringView firstNine);

} // namespace cobranza
