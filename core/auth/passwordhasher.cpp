#include "passwordhasher.h"

#include <QCoreApplication>

#include <sodium.h>

namespace cobranza {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

PasswordHasher::Cost PasswordHasher::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Cost PasswordHasher::fastForTests()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(Cost cost) : m_cost(cost) {}

QString PasswordHasher::hash(const QString &password) const
{
    if (!sodiumReady())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), m_cost.operations,
                              m_cost.memoryBytes, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password)
{
    if (!sodiumReady() || encodedHash.isEmpty())
        return false;
    const QByteArray stored = encodedHash.toLatin1();
    if (stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    char buffer[crypto_pwhash_STRBYTES] = {};
    std::copy(stored.cbegin(), stored.cend(), buffer);
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(buffer, utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

QString passwordProblem(const QString &password)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::PasswordHasher", s); };
    if (password.size() < 8)
        return tr("La contraseña debe tener al menos 8 caracteres.");
    bool letter = false, digit = false;
    for (QChar c : password) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    if (!letter || !digit)
        return tr("La contraseña debe tener letras y números.");
    return {};
}

} // namespace cobranza
