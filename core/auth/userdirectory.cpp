#include "userdirectory.h"

#include "store/database.h"
#include "store/directorystore.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace cobranza {

AccountState UserAccount::state(const QDateTime &now) const
{
    if (!member.active)
        return AccountState::Disabled;
    if (lockedUntil.isValid() && lockedUntil > now)
        return AccountState::Locked;
    return AccountState::Active;
}

QList<UserAccount> UserDirectory::accounts() const
{
    const DirectoryStore directory(m_db);
    QHash<qint64, Branch> branches;
    for (const Branch &b : directory.branches())
        branches.insert(b.id, b);

    // The sign-in state is not part of the directory's StaffMember: read it alongside.
    struct SignIn
    {
        bool hasPassword = false;
        int failed = 0;
        QDateTime lockedUntil;
    };
    QHash<qint64, SignIn> signIn;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT id, password_hash IS NOT NULL AND password_hash <> '', failed_logins, "
                              "locked_until FROM staff")))
        while (q.next())
            signIn.insert(q.value(0).toLongLong(),
                          {q.value(1).toBool(), q.value(2).toInt(),
                           q.value(3).isNull() ? QDateTime()
                                               : QDateTime::fromString(q.value(3).toString(), Qt::ISODate)});

    QList<UserAccount> result;
    for (const StaffMember &s : directory.staff(true)) {
        UserAccount a;
        a.member = s;
        if (const auto b = branches.constFind(s.branchId); b != branches.constEnd()) {
            a.branchCode = b->code;
            a.branchName = b->name;
        }
        const SignIn in = signIn.value(s.id);
        a.hasPassword = in.hasPassword;
        a.failedLogins = in.failed;
        a.lockedUntil = in.lockedUntil;
        result.append(a);
    }
    std::sort(result.begin(), result.end(), [](const UserAccount &a, const UserAccount &b) {
        return a.member.username.compare(b.member.username, Qt::CaseInsensitive) < 0;
    });
    return result;
}

QList<StaffMember> UserDirectory::pooledUsers() const
{
    QList<StaffMember> result;
    for (const StaffMember &s : DirectoryStore(m_db).staff(false))
        if (s.pooled)
            result.append(s);
    return result;
}

} // namespace cobranza
