#pragma once

#include "auth/userservice.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cobranza {

class Database;

// The administrator's form for a new user: name, initials, role, branch, pooled user, first password.
class NewUserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewUserDialog)

public:
    // Creates the user (UserService::addUser); false with the Spanish reason when it is refused.
    using Submit = std::function<bool(const NewUser &user, const QString &password, QString *error)>;
    NewUserDialog(const Database &db, Submit submit, QWidget *parent = nullptr);
    NewUser user() const;
    QString errorText() const;

    void accept() override; // submits; stays open with the reason when refused

private:
    void roleChanged();
    void suggestInitials();
    void showError(const QString &message, QWidget *focus);

    Submit m_submit;
    QLineEdit *m_username;
    QLineEdit *m_fullName;
    QLineEdit *m_initials;
    QComboBox *m_role;
    QComboBox *m_branch;
    QLabel *m_poolLabel;
    QComboBox *m_pool;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
    bool m_initialsTyped = false;
};

} // namespace cobranza
