#include "permissions.h"

#include <QCoreApplication>

namespace cobranza {

PermissionTable PermissionTable::defaults()
{
    using P = Permission;
    PermissionTable t;
    const auto give = [&t](Role r, std::initializer_list<P> ps) {
        for (P p : ps)
            t.grant(r, p);
    };
    give(Role::AsesorNegocios, {P::ViewPortfolio, P::EnterOwnResults, P::PrintNotices});
    give(Role::CoordinadorAgencia, {P::ViewPortfolio, P::BookAdvisorSheets, P::BookOwnSheet, P::ApproveAdvisorSheets,
                                    P::EnterOwnResults, P::PrintNotices, P::ReadSupervision});
    give(Role::OficialCobranzas, {P::ViewPortfolio, P::BookOwnSheet, P::EnterOwnResults, P::PrintNotices});
    give(Role::PivotCredito, {P::ViewPortfolio, P::BookRezagados, P::BookOutsideWindow, P::ApproveCollectionsSheets,
                              P::VerifyResults, P::RecordErrors, P::ReadSupervision, P::PrintNotices});
    give(Role::OficialRiesgos, {P::ViewPortfolio, P::ViewAllBranches, P::DrawRiskSample, P::ReadSupervision});
    give(Role::JefeNegocios, {P::ViewPortfolio, P::ViewAllBranches, P::ReadSupervision});
    give(Role::Sistemas, {P::ViewPortfolio, P::ViewAllBranches, P::ImportPortfolio, P::CloseMonth, P::ManageUsers,
                          P::EditSettings, P::ViewAudit, P::Backup});
    return t;
}

bool PermissionTable::allows(Role role, Permission p) const
{
    const auto it = m_table.find(role);
    return it != m_table.end() && it->second.count(p) > 0;
}

QList<Permission> PermissionTable::permissionsOf(Role role) const
{
    QList<Permission> out;
    const auto it = m_table.find(role);
    if (it != m_table.end())
        for (Permission p : it->second)
            out.append(p);
    return out;
}

QString permissionLabel(Permission p)
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::Permission", s); };
    switch (p) {
    case Permission::ViewPortfolio: return tr("ver la cartera");
    case Permission::ViewAllBranches: return tr("ver todas las agencias");
    case Permission::ImportPortfolio: return tr("importar la cartera");
    case Permission::BookAdvisorSheets: return tr("agendar las hojas de ruta de los asesores");
    case Permission::BookOwnSheet: return tr("agendar su propia hoja de ruta");
    case Permission::BookRezagados: return tr("agendar socios rezagados");
    case Permission::BookOutsideWindow: return tr("agendar fuera del horario");
    case Permission::ApproveAdvisorSheets: return tr("dar el visto bueno a las hojas de ruta de los asesores");
    case Permission::ApproveCollectionsSheets:
        return tr("dar el visto bueno a las hojas de ruta de los oficiales de cobranzas");
    case Permission::EnterOwnResults: return tr("registrar resultados de visitas");
    case Permission::PrintNotices: return tr("imprimir notificaciones");
    case Permission::VerifyResults: return tr("verificar resultados");
    case Permission::RecordErrors: return tr("registrar errores");
    case Permission::ReadSupervision: return tr("ver los reportes de supervisión");
    case Permission::DrawRiskSample: return tr("sortear la muestra de inspección");
    case Permission::CloseMonth: return tr("cerrar el mes");
    case Permission::ManageUsers: return tr("administrar usuarios");
    case Permission::EditSettings: return tr("cambiar la configuración");
    case Permission::ViewAudit: return tr("ver la auditoría");
    case Permission::Backup: return tr("respaldar y restaurar la base de datos");
    }
    return {};
}

QString branchScope(const Session &session)
{
    return worksAllBranches(session.role) ? QString() : session.branchCode;
}

std::optional<QString> refusal(const PermissionTable &table, const Session &session, Permission p)
{
    if (table.allows(session.role, p))
        return std::nullopt;
    return QCoreApplication::translate("cobranza::Permission", "%1 (%2) no tiene permiso para %3.")
        .arg(session.fullName.isEmpty() ? session.username : session.fullName, roleLabel(session.role),
             permissionLabel(p));
}

} // namespace cobranza
