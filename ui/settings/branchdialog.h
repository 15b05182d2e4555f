#pragma once

#include "portfolio/portfoliotypes.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLineEdit;

namespace cobranza {

// Adds or edits one branch (agencia); the caller says what is wrong with it before it is accepted.
class BranchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BranchDialog)

public:
    // Spanish description of the problem, empty when the branch may be kept.
    using Check = std::function<QString(const Branch &)>;
    BranchDialog(const Branch &branch, Check check, QWidget *parent = nullptr);
    Branch branch() const;

    void accept() override;

private:
    Branch m_branch;
    Check m_check;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_city;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QLineEdit *m_latitude;
    QLineEdit *m_longitude;
    QCheckBox *m_active;
};

} // namespace cobranza
