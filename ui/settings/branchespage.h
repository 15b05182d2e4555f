#pragma once

#include "portfolio/portfoliotypes.h"

#include <QList>
#include <QWidget>

#include <functional>

class QPushButton;
class QTableWidget;

namespace cobranza {

// «Agencias»: the branches of the cooperative; additions and edits are kept here until the
// settings dialog saves them all together.
class BranchesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BranchesPage)

public:
    // Spanish description of what is wrong with a branch (the service's validation).
    using Check = std::function<QString(const Branch &)>;
    BranchesPage(Check check, QWidget *parent = nullptr);

    void load(const QList<Branch> &branches);
    QList<Branch> changed() const; // new ones (id 0) and edited ones
    void setReadOnly(bool readOnly);

    // Opens the editor on a new branch / on the branch of a row; public so tests can drive it.
    void addBranch();
    void editBranch(int row);

private:
    bool edit(Branch &branch, qsizetype self); // self: its row, -1 for a new one
    void showBranches();
    void updateButtons();

    Check m_check;
    QList<Branch> m_loaded;
    QList<Branch> m_branches;
    bool m_readOnly = false;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
};

} // namespace cobranza
