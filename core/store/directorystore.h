#pragma once

#include "portfolio/portfoliotypes.h"
#include "session.h"

#include <QList>
#include <optional>

namespace cobranza {

class Database;

// Branches and staff as stored: the directory every session and booking refers to.
class DirectoryStore final
{
public:
    explicit DirectoryStore(const Database &db) : m_db(db) {}

    QList<Branch> branches() const;
    std::optional<Branch> branch(qint64 id) const;
    std::optional<Branch> branchByCode(const QString &code) const;
    QList<StaffMember> staff(bool includeInactive = false) const;
    std::optional<StaffMember> staffByUsername(const QString &username) const;
    std::optional<StaffMember> staffById(qint64 id) const; // disabled users too
    bool hasStaff() const;

    // Inserts and returns the new id (0 on failure, with the reason in `error`). Callers hold the
    // transaction when they insert several rows.
    qint64 addBranch(const Branch &b, QString *error = nullptr) const;
    qint64 addStaff(const StaffMember &s, QString *error = nullptr) const;
    // Rewrites the branch with `b.id`; false (reason in `error`) when it fails or no such branch.
    bool updateBranch(const Branch &b, QString *error = nullptr) const;

    // The session of a stored user.
    std::optional<Session> sessionFor(const QString &username) const;

private:
    const Database &m_db;
};

} // namespace cobranza
