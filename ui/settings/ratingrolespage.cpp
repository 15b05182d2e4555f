#include "ratingrolespage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cobranza {

RatingRolesPage::RatingRolesPage(QWidget *parent)
    : QWidget(parent), m_reset(new QPushButton(tr("Restablecer &valores por defecto"), this))
{
    auto *intro = new QLabel(tr("Quién trabaja los créditos de cada calificación. Por defecto, como dice el "
                                "manual: A1–A3 el Asesor de Negocios, B1–B2 el Coordinador de Agencia y C1–E "
                                "el Oficial de Cobranzas."),
                             this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    for (Rating r : kAllRatings) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("role") + ratingCode(r));
        for (Role role : kAllRoles)
            combo->addItem(roleLabel(role), roleCode(role));
        auto *label = new QLabel(tr("%1 — riesgo %2:").arg(ratingCode(r), riskLevelLabel(riskLevelOf(r)).toLower()),
                                 this);
        label->setBuddy(combo);
        form->addRow(label, combo);
        m_combos.append(combo);
    }

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch();
    layout->addLayout(buttons);

    setTabOrder(m_combos.constLast(), m_reset); // created first, visited last

    connect(m_reset, &QPushButton::clicked, this, [this] {
        display(RatingRoles::defaults());
        m_resetRequested = true;
    });
}

void RatingRolesPage::load(const RatingRoles &roles)
{
    m_loaded = roles;
    m_resetRequested = false;
    display(roles);
}

void RatingRolesPage::display(const RatingRoles &roles)
{
    for (size_t i = 0; i < kAllRatings.size(); ++i) {
        QComboBox *combo = m_combos.at(static_cast<qsizetype>(i));
        combo->setCurrentIndex(combo->findData(roleCode(roles.responsibleFor(kAllRatings[i]))));
    }
}

RatingRoles RatingRolesPage::value() const
{
    RatingRoles roles = RatingRoles::defaults();
    for (size_t i = 0; i < kAllRatings.size(); ++i)
        if (const auto role = parseRole(m_combos.at(static_cast<qsizetype>(i))->currentData().toString()))
            roles.assign(kAllRatings[i], *role);
    return roles;
}

void RatingRolesPage::setReadOnly(bool readOnly)
{
    for (QComboBox *combo : m_combos)
        combo->setEnabled(!readOnly);
    m_reset->setEnabled(!readOnly);
}

} // namespace cobranza
