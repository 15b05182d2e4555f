#pragma once

#include "ladder.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace cobranza {

class ComboDelegate;

// «Escalera de cobranza»: the stages by days past due, what to do, through which channel, who
// does it and which notice is delivered.
class LadderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LadderPage)

public:
    explicit LadderPage(QWidget *parent = nullptr);

    void load(const CollectionsLadder &ladder);
    CollectionsLadder value() const;
    bool isModified() const { return value().stages() != m_loaded; }
    bool resetRequested() const
    {
        return m_resetRequested && value().stages() == CollectionsLadder::defaults().stages();
    }
    void setReadOnly(bool readOnly);

private:
    void display(const QList<LadderStage> &stages);
    void setStage(int row, const LadderStage &stage);
    void addStage();
    void removeStage();

    QList<LadderStage> m_loaded;
    bool m_resetRequested = false;
    QTableWidget *m_table;
    ComboDelegate *m_roles;
    ComboDelegate *m_notices;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_reset;
};

} // namespace cobranza
