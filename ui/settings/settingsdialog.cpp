#include "settingsdialog.h"

#include "branchespage.h"
#include "cooperativepage.h"
#include "holidayspage.h"
#include "ladderpage.h"
#include "ratingrolespage.h"
#include "ratingscalespage.h"
#include "timewindowspage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cobranza {

SettingsDialog::SettingsDialog(Database &db, const Session &session, QWidget *parent)
    : QDialog(parent),
      // The cooperative's permission table is not configurable yet; the defaults of core apply.
      m_service(db, session, PermissionTable::defaults()),
      m_readOnly(m_service.editRefusal().has_value()),
      m_readOnlyNote(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_cooperative(new CooperativePage(m_tabs)),
      m_branches(new BranchesPage([this](const Branch &b) { return m_service.validateBranch(b); }, m_tabs)),
      m_windows(new TimeWindowsPage(m_tabs)),
      m_roles(new RatingRolesPage(m_tabs)),
      m_scales(new RatingScalesPage(m_tabs)),
      m_ladder(new LadderPage(m_tabs)),
      m_holidays(new HolidaysPage(m_tabs)),
      m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Configuración"));
    m_tabs->addTab(m_cooperative, tr("Cooperativa"));
    m_tabs->addTab(m_branches, tr("Agencias"));
    m_tabs->addTab(m_windows, tr("Horarios"));
    m_tabs->addTab(m_roles, tr("Calificaciones"));
    m_tabs->addTab(m_scales, tr("Escalas de calificación"));
    m_tabs->addTab(m_ladder, tr("Escalera de cobranza"));
    m_tabs->addTab(m_holidays, tr("Feriados"));

    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    if (m_readOnly)
        m_readOnlyNote->setText(tr("Solo lectura: %1").arg(*m_service.editRefusal()));

    if (m_readOnly) {
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
        m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cerrar"));
    } else {
        m_buttons->setStandardButtons(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Aceptar"));
        m_buttons->button(QDialogButtonBox::Apply)->setText(tr("A&plicar"));
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));
        connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    // Why nothing can be changed, said once above all pages.
    auto *note = new QWidget(this);
    auto *noteLayout = new QHBoxLayout(note);
    noteLayout->setContentsMargins(0, 0, 0, 4);
    auto *icon = new QLabel(note);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(iconSize, iconSize));
    noteLayout->addWidget(icon);
    noteLayout->addWidget(m_readOnlyNote, 1);
    note->setVisible(m_readOnly);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);

    m_cooperative->setReadOnly(m_readOnly);
    m_branches->setReadOnly(m_readOnly);
    m_windows->setReadOnly(m_readOnly);
    m_roles->setReadOnly(m_readOnly);
    m_scales->setReadOnly(m_readOnly);
    m_ladder->setReadOnly(m_readOnly);
    m_holidays->setReadOnly(m_readOnly);
    reload();
    resize(1200, 700);
}

void SettingsDialog::reload()
{
    m_cooperative->load(m_service.profile());
    m_branches->load(m_service.branches());
    m_windows->load(m_service.timeWindows());
    m_roles->load(m_service.ratingRoles());
    m_scales->load(m_service.ratingScales());
    m_ladder->load(m_service.collectionsLadder());
    m_holidays->load(m_service.configuredHolidays());
}

SettingsChanges SettingsDialog::changes() const
{
    SettingsChanges c;
    if (m_cooperative->isModified())
        c.profile = m_cooperative->value();
    c.branches = m_branches->changed();
    if (m_windows->isModified())
        c.timeWindows = m_windows->value();
    if (m_roles->isModified())
        c.ratingRoles = m_roles->value();
    if (m_scales->isModified())
        c.ratingScales = m_scales->value();
    if (m_ladder->isModified())
        c.collectionsLadder = m_ladder->value();
    if (m_holidays->isModified())
        c.holidays = m_holidays->value();
    c.resetTimeWindows = m_windows->resetRequested();
    c.resetRatingRoles = m_roles->resetRequested();
    c.resetRatingScales = m_scales->resetRequested();
    c.resetCollectionsLadder = m_ladder->resetRequested();
    c.resetHolidays = m_holidays->resetRequested();
    return c;
}

QWidget *SettingsDialog::pageFor(SettingsService::Part part) const
{
    using P = SettingsService::Part;
    switch (part) {
    case P::Profile: return m_cooperative;
    case P::Branches: return m_branches;
    case P::TimeWindows: return m_windows;
    case P::RatingRoles: return m_roles;
    case P::RatingScales: return m_scales;
    case P::CollectionsLadder: return m_ladder;
    case P::Holidays: return m_holidays;
    }
    return nullptr;
}

bool SettingsDialog::apply()
{
    if (m_readOnly)
        return false;
    QString error;
    std::optional<SettingsService::Part> part;
    if (!m_service.saveChanges(changes(), &error, &part)) {
        QString message = error;
        if (QWidget *page = part ? pageFor(*part) : nullptr) {
            m_tabs->setCurrentWidget(page);
            message = tr("No se guardó ningún cambio. Revise la página «%1»:\n\n%2")
                          .arg(m_tabs->tabText(m_tabs->indexOf(page)), error);
        }
        QMessageBox::warning(this, tr("Configuración"), message);
        return false;
    }
    reload(); // new branches get their ids; what is shown is what is stored
    return true;
}

void SettingsDialog::accept()
{
    if (m_readOnly || apply())
        QDialog::accept();
}

} // namespace cobranza
