#include "identity.h"

#include <QCoreApplication>

namespace cobranza {

namespace {

int digit(QStringView s, qsizetype i) { return s.at(i).digitValue(); }

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

bool validProvince(QStringView s)
{
    const int p = digit(s, 0) * 10 + digit(s, 1);
    return (p >= 1 && p <= 24) || p == 30;
}

IdentityCheck checkCedula(QStringView s)
{
    if (!validProvince(s))
        return IdentityCheck::BadProvince;
    if (digit(s, 2) > 6)
        return IdentityCheck::BadThirdDigit;
    return cedulaCheckDigit(s.left(9)) == digit(s, 9) ? IdentityCheck::ValidCedula : IdentityCheck::BadCheckDigit;
}

int mod11Check(QStringView s, std::initializer_list<int> weights)
{
    int sum = 0;
    qsizetype i = 0;
    for (int w : weights)
        sum += digit(s, i++) * w;
    const int r = sum % 11;
    return r == 0 ? 0 : 11 - r;
}

IdentityCheck checkRuc(QStringView s)
{
    if (!validProvince(s))
        return IdentityCheck::BadProvince;
    const int third = digit(s, 2);
    if (third <= 5) {
        const IdentityCheck c = checkCedula(s.left(10));
        if (c != IdentityCheck::ValidCedula)
            return c;
        return s.mid(10) == u"000" ? IdentityCheck::BadEstablishment : IdentityCheck::ValidRuc;
    }
    if (third == 9)
        return mod11Check(s, {4, 3, 2, 7, 6, 5, 4, 3, 2}) == digit(s, 9) ? IdentityCheck::ValidRuc
                                                                         : IdentityCheck::BadCheckDigit;
    if (third == 6)
        return mod11Check(s, {3, 2, 7, 6, 5, 4, 3, 2}) == digit(s, 8) ? IdentityCheck::ValidRuc
                                                                      : IdentityCheck::BadCheckDigit;
    return IdentityCheck::BadThirdDigit;
}

} // namespace

int cedulaCheckDigit(QStringView firstNine)
{
    int sum = 0;
    for (qsizetype i = 0; i < 9; ++i) {
        int p = digit(firstNine, i) * (i % 2 == 0 ? 2 : 1);
        if (p > 9)
            p -= 9;
        sum += p;
    }
    return (10 - sum % 10) % 10;
}

IdentityCheck checkIdentity(QStringView number)
{
    const QStringView s = number.trimmed();
    if (!allDigits(s) || (s.size() != 10 && s.size() != 13))
        return IdentityCheck::Malformed;
    return s.size() == 10 ? checkCedula(s) : checkRuc(s);
}

QString identityProblem(IdentityCheck c)
{
    switch (c) {
    case IdentityCheck::ValidCedula:
    case IdentityCheck::ValidRuc: return {};
    case IdentityCheck::BadCheckDigit:
        return QCoreApplication::translate("cobranza::Identity", "el dígito verificador no corresponde");
    case IdentityCheck::BadProvince:
        return QCoreApplication::translate("cobranza::Identity", "el código de provincia no existe (01–24 o 30)");
    case IdentityCheck::BadThirdDigit:
        return QCoreApplication::translate("cobranza::Identity", "el tercer dígito no es válido");
    case IdentityCheck::BadEstablishment:
        return QCoreApplication::translate("cobranza::Identity", "el número de establecimiento del RUC no puede ser 000");
    case IdentityCheck::Malformed:
        return QCoreApplication::translate("cobranza::Identity", "debe tener 10 dígitos (cédula) o 13 (RUC)");
    }
    return {};
}

} // namespace cobranza
