#pragma once

#include "portfolio/portfoliotypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cobranza {

class Database;

// Whether a user may sign in right now.
enum class AccountState {
    Active,
    Disabled,
    Locked, // too many wrong passwords; until lockedUntil
};

// One user as the administrator's list shows it: the directory entry plus its sign-in state.
struct UserAccount
{
    StaffMember member;
    QString branchCode; // empty for head-office users without a branch
    QString branchName;
    bool hasPassword = false;
    int failedLogins = 0;
    QDateTime lockedUntil; // invalid when not locked
    AccountState state(const QDateTime &now) const;
    bool operator==(const UserAccount &) const = default;
};

// Read-only view of the users and their sign-in state, for the administrator's page; changes go
// through UserService, which checks permission and audits.
class UserDirectory final
{
public:
    explicit UserDirectory(const Database &db) : m_db(db) {}
    // Every user, disabled ones included, pooled collections users included, by user name.
    QList<UserAccount> accounts() const;
    // The pooled collections users ("COBRANZAS …") an Oficial de Cobranzas books on.
    QList<StaffMember> pooledUsers() const;

private:
    const Database &m_db;
};

} // namespace cobranza
