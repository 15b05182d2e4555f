#pragma once

#include "auth/passwordhasher.h"
#include "auth/userdirectory.h"
#include "session.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace cobranza {

class Clock;
class Database;

// The administrator's page «Usuarios»: who may sign in, in what role and branch, and the account
// operations (new user, disable, enable, reset password), all through UserService.
class UsersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersView)

public:
    UsersView(const Database &db, Session session, const Clock &clock,
              PasswordHasher::Cost cost = PasswordHasher::interactive(), QWidget *parent = nullptr);
    void refresh();
    bool isReadOnly() const { return !m_canManage; }
    QString selectedUsername() const; // empty when no row is selected
    void selectUser(const QString &username);

signals:
    void usersChanged(); // a user was created, disabled, enabled or given a new password

private:
    enum Column { UsernameColumn, NameColumn, InitialsColumn, RoleColumn, BranchColumn, StateColumn, ColumnCount };

    const UserAccount *selectedAccount() const;
    void updateButtons();
    void addUser();
    void setActive(bool active);
    void resetPassword();
    void done(bool ok, const QString &error, const QString &username);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    PasswordHasher::Cost m_cost;
    bool m_canManage;
    QList<UserAccount> m_accounts;
    QLabel *m_readOnlyNote;
    QTableWidget *m_table;
    QPushButton *m_new;
    QPushButton *m_disable;
    QPushButton *m_enable;
    QPushButton *m_reset;
};

} // namespace cobranza
