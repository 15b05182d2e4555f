#pragma once

#include "auth/passwordhasher.h"
#include "clock.h"
#include "permissions.h"
#include "portfolio/portfoliotypes.h"
#include "session.h"

#include <QList>
#include <QString>

namespace cobranza {

class Database;

// How many wrong passwords lock a user, and for how long (settings, defaults from the issue).
struct LoginPolicy
{
    int maxFailedLogins = 5;
    int lockoutMinutes = 15;
    static LoginPolicy load(const Database &db);
};

// What the login dialog and the CLI get back.
struct LoginOutcome
{
    bool ok = false;
    Session session;
    QString message; // Spanish, for the person at the keyboard
};

// A user to create.
struct NewUser
{
    QString username;
    QString fullName;
    QString initials;
    Role role = Role::AsesorNegocios;
    QString branchCode;   // empty only for head-office roles
    QString poolUsername; // collections officers: the pooled user they book on
};

// Signs people in: checks branch, user and password, counts failures, locks after too many, and
// writes every attempt's outcome to the audit trail.
class Authenticator final
{
public:
    Authenticator(const Database &db, const Clock &clock, PasswordHasher::Cost cost = PasswordHasher::interactive());
    bool hasUsers() const; // a user with a password: without one, the first start creates the administrator
    LoginOutcome login(const QString &branchCode, const QString &username, const QString &password) const;
    // The first administrator of an empty installation (GUI first start, `cobranza-cli init`).
    LoginOutcome createAdministrator(const QString &username, const QString &fullName, const QString &password) const;

private:
    const Database &m_db;
    const Clock &m_clock;
    PasswordHasher m_hasher;
};

// The administrator's and each user's account operations; permission checked here, audited here.
class UserService final
{
public:
    UserService(const Database &db, Session session, PermissionTable permissions, const Clock &clock,
                PasswordHasher::Cost cost = PasswordHasher::interactive());
    QList<StaffMember> users() const;
    bool addUser(const NewUser &user, const QString &password, QString *error) const;
    bool disableUser(const QString &username, QString *error) const;
    bool enableUser(const QString &username, QString *error) const;
    bool resetPassword(const QString &username, const QString &newPassword, QString *error) const;
    bool changeOwnPassword(const QString &current, const QString &newPassword, QString *error) const;

private:
    bool allowed(QString *error) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
    PasswordHasher m_hasher;
};

} // namespace cobranza
