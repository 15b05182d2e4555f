#pragma once

#include "role.h"

#include <QString>

namespace cobranza {

// Who is acting, in what role, at which branch: every service takes one and checks it itself.
struct Session
{
    qint64 staffId = 0;
    QString username;
    QString fullName;
    QString initials;
    Role role = Role::AsesorNegocios;
    qint64 branchId = 0;   // 0 for head-office users not bound to a branch
    QString branchCode;
    bool operator==(const Session &) const = default;
};

} // namespace cobranza
