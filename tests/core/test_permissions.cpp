// The default permission table (domain.md, "Who uses it" and "Building the route sheet") and refusals.
#include "permissions.h"

#include <QStringList>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using cobranza::Permission;
using cobranza::PermissionTable;
using cobranza::Role;
using cobranza::Session;
using cobranza::branchScope;

namespace {

std::vector<Permission> allPermissions()
{
    std::vector<Permission> out;
    for (int i = 0; i <= static_cast<int>(Permission::Backup); ++i)
        out.push_back(static_cast<Permission>(i));
    return out;
}

// The roles the default table lets do `p`, as codes, in kAllRoles order.
std::string whoMay(const PermissionTable &t, Permission p)
{
    std::string out;
    for (Role r : cobranza::kAllRoles)
        if (t.allows(r, p)) {
            if (!out.empty())
                out += ',';
            out += cobranza::roleCode(r).toStdString();
        }
    return out;
}

cobranza::Session session(const char *username, const char *fullName, Role role)
{
    cobranza::Session s;
    s.staffId = 7;
    s.username = QString::fromUtf8(username);
    s.fullName = QString::fromUtf8(fullName);
    s.role = role;
    s.branchId = 1;
    s.branchCode = QStringLiteral("MATRIZ");
    return s;
}

} // namespace

TEST_CASE("Permissions: only Sistemas imports - closes the month and manages users", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    CHECK(whoMay(t, Permission::ImportPortfolio) == "SISTEMAS");
    CHECK(whoMay(t, Permission::CloseMonth) == "SISTEMAS");
    CHECK(whoMay(t, Permission::ManageUsers) == "SISTEMAS");
    CHECK(whoMay(t, Permission::EditSettings) == "SISTEMAS");
    CHECK(whoMay(t, Permission::Backup) == "SISTEMAS");
}

TEST_CASE("Permissions: the coordinator books and approves the advisors' sheets", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    CHECK(whoMay(t, Permission::BookAdvisorSheets) == "COORDINADOR_AGENCIA");
    CHECK(whoMay(t, Permission::ApproveAdvisorSheets) == "COORDINADOR_AGENCIA");
    CHECK(whoMay(t, Permission::BookOwnSheet) == "COORDINADOR_AGENCIA,OFICIAL_COBRANZAS");
}

TEST_CASE("Permissions: the Pivot approves collections sheets and books rezagados and late", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    CHECK(whoMay(t, Permission::ApproveCollectionsSheets) == "PIVOT_CREDITO");
    CHECK(whoMay(t, Permission::BookRezagados) == "PIVOT_CREDITO");
    CHECK(whoMay(t, Permission::BookOutsideWindow) == "PIVOT_CREDITO");
    CHECK(whoMay(t, Permission::VerifyResults) == "PIVOT_CREDITO");
    CHECK(whoMay(t, Permission::RecordErrors) == "PIVOT_CREDITO");
    CHECK(whoMay(t, Permission::DrawRiskSample) == "OFICIAL_RIESGOS");
    // Whoever approves a sheet is not the one who works it.
    CHECK_FALSE(t.allows(Role::OficialCobranzas, Permission::ApproveCollectionsSheets));
    CHECK_FALSE(t.allows(Role::AsesorNegocios, Permission::ApproveAdvisorSheets));
}

TEST_CASE("Permissions: the advisor enters own results but does not book or import", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    const Role a = Role::AsesorNegocios;
    CHECK(t.allows(a, Permission::ViewPortfolio));
    CHECK(t.allows(a, Permission::EnterOwnResults));
    CHECK(t.allows(a, Permission::PrintNotices));
    for (Permission p : {Permission::BookAdvisorSheets, Permission::BookOwnSheet, Permission::BookRezagados,
                         Permission::BookOutsideWindow, Permission::ImportPortfolio, Permission::ApproveAdvisorSheets,
                         Permission::ViewAllBranches, Permission::CloseMonth})
        CHECK_FALSE(t.allows(a, p));
    CHECK(t.permissionsOf(a).size() == 3);
    CHECK(whoMay(t, Permission::EnterOwnResults) == "ASESOR_NEGOCIOS,COORDINADOR_AGENCIA,OFICIAL_COBRANZAS");
}

TEST_CASE("Permissions: every role sees the portfolio - only head-office roles see all branches", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    for (Role r : cobranza::kAllRoles) {
        INFO(cobranza::roleCode(r).toStdString());
        CHECK(t.allows(r, Permission::ViewPortfolio));
        CHECK(t.allows(r, Permission::ViewAllBranches) == cobranza::worksAllBranches(r));
        CHECK_FALSE(t.permissionsOf(r).isEmpty());
    }
}

TEST_CASE("Permissions: grant and revoke change one role only", "[permissions]")
{
    PermissionTable t = PermissionTable::defaults();
    t.grant(Role::AsesorNegocios, Permission::BookOwnSheet);
    CHECK(t.allows(Role::AsesorNegocios, Permission::BookOwnSheet));
    CHECK(t.permissionsOf(Role::AsesorNegocios).contains(Permission::BookOwnSheet));
    t.revoke(Role::Sistemas, Permission::ImportPortfolio);
    CHECK_FALSE(t.allows(Role::Sistemas, Permission::ImportPortfolio));
    CHECK(t.allows(Role::Sistemas, Permission::CloseMonth));
    CHECK(whoMay(t, Permission::ImportPortfolio).empty());

    const PermissionTable empty;
    for (Role r : cobranza::kAllRoles)
        for (Permission p : allPermissions())
            CHECK_FALSE(empty.allows(r, p));
}

TEST_CASE("Permissions: refusal() is nullopt when allowed", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    CHECK_FALSE(refusal(t, session("sistemas", "Ana Sistemas", Role::Sistemas), Permission::ImportPortfolio));
    CHECK_FALSE(refusal(t, session("coord", "Carlos Coordinador", Role::CoordinadorAgencia),
                        Permission::ApproveAdvisorSheets));
    CHECK_FALSE(refusal(t, session("pivot", "", Role::PivotCredito), Permission::BookRezagados));
}

TEST_CASE("Permissions: refusal() names the user - the role and the permission in Spanish", "[permissions]")
{
    const PermissionTable t = PermissionTable::defaults();
    const auto msg = refusal(t, session("esubia", "Edgar Patricio Subia", Role::AsesorNegocios),
                             Permission::ImportPortfolio);
    REQUIRE(msg.has_value());
    CHECK(msg->toStdString() == "Edgar Patricio Subia (Asesor de Negocios) no tiene permiso para importar la cartera.");

    const auto pivot = refusal(t, session("mlopez", "María López", Role::PivotCredito),
                               Permission::ApproveAdvisorSheets);
    REQUIRE(pivot.has_value());
    CHECK(pivot->toStdString() == "María López (Pivot de Crédito) no tiene permiso para dar el visto bueno a las "
                                  "hojas de ruta de los asesores.");

    // Without a full name the username is shown.
    const auto anon = refusal(t, session("cobranzas1", "", Role::OficialCobranzas), Permission::CloseMonth);
    REQUIRE(anon.has_value());
    CHECK(anon->toStdString() == "cobranzas1 (Oficial de Cobranzas) no tiene permiso para cerrar el mes.");

    // A name with a placeholder-looking text is shown as typed.
    const auto odd = refusal(t, session("x", "Pérez %2", Role::AsesorNegocios), Permission::Backup);
    REQUIRE(odd.has_value());
    CHECK(odd->startsWith(QStringLiteral("Pérez %2 (Asesor de Negocios)")));
}

TEST_CASE("Permissions: every permission has its own Spanish label used in refusals", "[permissions]")
{
    const PermissionTable none;
    QStringList seen;
    for (Permission p : allPermissions()) {
        const QString label = cobranza::permissionLabel(p);
        INFO(static_cast<int>(p) << ": " << label.toStdString());
        CHECK_FALSE(label.isEmpty());
        CHECK_FALSE(seen.contains(label));
        seen.append(label);
        const auto msg = refusal(none, session("u", "Usuario", Role::JefeNegocios), p);
        REQUIRE(msg.has_value());
        CHECK(msg->endsWith(label + u'.'));
    }
    CHECK(seen.size() == 20);
}

TEST_CASE("An advisor sees his branch - head-office roles see every branch", "[permissions]")
{
    Session advisor;
    advisor.role = Role::AsesorNegocios;
    advisor.branchCode = QStringLiteral("OTA");
    CHECK(branchScope(advisor) == QStringLiteral("OTA"));
    Session coordinator = advisor;
    coordinator.role = Role::CoordinadorAgencia;
    CHECK(branchScope(coordinator) == QStringLiteral("OTA"));
    for (Role r : {Role::Sistemas, Role::JefeNegocios, Role::OficialRiesgos}) {
        Session head = advisor;
        head.role = r;
        CHECK(branchScope(head).isEmpty());
    }
}
