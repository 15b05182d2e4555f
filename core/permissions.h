#pragma once

#include "role.h"
#include "session.h"

#include <QList>
#include <QString>
#include <map>
#include <optional>
#include <set>

namespace cobranza {

// Things a user may be allowed to do; services ask for one before acting.
enum class Permission {
    ViewPortfolio,            // see the portfolio and trays of the own branch
    ViewAllBranches,          // choose any branch
    ImportPortfolio,
    BookAdvisorSheets,        // build the advisors' route sheets (coordinator)
    BookOwnSheet,             // build the own route sheet (coordinator, collections officer)
    BookRezagados,            // book forgotten members for anyone of the branch (Pivot)
    BookOutsideWindow,        // book after the booking window closes (Pivot), audited
    ApproveAdvisorSheets,     // visto bueno of advisors' sheets (coordinator)
    ApproveCollectionsSheets, // visto bueno of collections officers' sheets (Pivot)
    EnterOwnResults,          // results of visits booked to oneself (or one's pooled user)
    PrintNotices,
    VerifyResults,            // phone and physical verification (Pivot)
    RecordErrors,             // errors by hand (Pivot)
    ReadSupervision,          // daily review, F.1-A, indicators
    DrawRiskSample,           // preventive visits sample (Oficial de Riesgos)
    CloseMonth,
    ManageUsers,
    EditSettings,
    ViewAudit,
    Backup,
};

// The permission table per role, as data; the cooperative's defaults follow domain.md.
class PermissionTable final
{
public:
    static PermissionTable defaults();
    bool allows(Role role, Permission p) const;
    void grant(Role role, Permission p) { m_table[role].insert(p); }
    void revoke(Role role, Permission p) { m_table[role].erase(p); }
    QList<Permission> permissionsOf(Role role) const;

private:
    std::map<Role, std::set<Permission>> m_table;
};

QString permissionLabel(Permission p); // Spanish: "importar la cartera"
// The branch whose credits a session may see: its own, or empty (every branch) for head-office
// roles (domain.md: "an advisor sees his branch; head-office roles may choose branches").
QString branchScope(const Session &session);

// nullopt when allowed; otherwise the Spanish message to show the user.
std::optional<QString> refusal(const PermissionTable &table, const Session &session, Permission p);

} // namespace cobranza
