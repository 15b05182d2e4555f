#pragma once

#include "services/settingsservice.h"
#include "session.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace cobranza {

class BranchesPage;
class CooperativePage;
class Database;
class HolidaysPage;
class LadderPage;
class RatingRolesPage;
class RatingScalesPage;
class TimeWindowsPage;

// The cooperative's shared settings, one page per subject; Aceptar/Aplicar save every changed
// page through SettingsService at once, or nothing when any page is refused.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(Database &db, const Session &session, QWidget *parent = nullptr);

    bool isReadOnly() const { return m_readOnly; }
    // Saves the changed pages; false (after telling the user which page is wrong) when refused.
    bool apply();
    void accept() override;

private:
    void reload();
    SettingsChanges changes() const;
    QWidget *pageFor(SettingsService::Part part) const;

    SettingsService m_service;
    bool m_readOnly;
    QLabel *m_readOnlyNote;
    QTabWidget *m_tabs;
    CooperativePage *m_cooperative;
    BranchesPage *m_branches;
    TimeWindowsPage *m_windows;
    RatingRolesPage *m_roles;
    RatingScalesPage *m_scales;
    LadderPage *m_ladder;
    HolidaysPage *m_holidays;
    QDialogButtonBox *m_buttons;
};

} // namespace cobranza
