#pragma once

#include <QString>

namespace cobranza {

// Argon2id password hashes (libsodium's crypto_pwhash_str_alg): only the hash is ever stored.
// The cost is a parameter so tests can hash fast; the application uses interactive().
class PasswordHasher final
{
public:
    struct Cost
    {
        unsigned long long operations;
        size_t memoryBytes;
    };
    static Cost interactive(); // libsodium's interactive limits: about a quarter second, 64 MiB
    static Cost fastForTests();

    explicit PasswordHasher(Cost cost = interactive());
    // The encoded hash ("$argon2id$v=19$m=…"); empty when libsodium could not run.
    QString hash(const QString &password) const;
    static bool verify(const QString &encodedHash, const QString &password);

private:
    Cost m_cost;
};

// A Spanish reason why a new password is not acceptable; empty when it is.
QString passwordProblem(const QString &password);

} // namespace cobranza
