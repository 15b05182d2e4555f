#pragma once

#include "ratingroles.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace cobranza {

// «Calificaciones»: which role works the credits of each rating.
class RatingRolesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RatingRolesPage)

public:
    explicit RatingRolesPage(QWidget *parent = nullptr);

    void load(const RatingRoles &roles);
    RatingRoles value() const;
    bool isModified() const { return !(value() == m_loaded); }
    bool resetRequested() const { return m_resetRequested && value() == RatingRoles::defaults(); }
    void setReadOnly(bool readOnly);

private:
    void display(const RatingRoles &roles);

    RatingRoles m_loaded;
    bool m_resetRequested = false;
    QList<QComboBox *> m_combos; // one per rating, A1 … E
    QPushButton *m_reset;
};

} // namespace cobranza
