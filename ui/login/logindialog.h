#pragma once

#include "auth/passwordhasher.h"
#include "session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cobranza {

class Clock;
class Database;

// Asks for branch, user and password at start, and keeps the session that sign-in gave.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(const Database &db, const Clock &clock, PasswordHasher::Cost cost = PasswordHasher::interactive(),
                QWidget *parent = nullptr);
    Session session() const { return m_session; } // valid once the dialog was accepted
    QString errorText() const;                     // what the person was told last; empty when nothing

    void accept() override; // signs in; stays open with the reason when it fails

    static inline const QString LastBranchKey = QStringLiteral("login/branch");
    static inline const QString LastUserKey = QStringLiteral("login/user");

private:
    void showError(const QString &message);

    const Database &m_db;
    const Clock &m_clock;
    PasswordHasher::Cost m_cost;
    Session m_session;
    QComboBox *m_branch;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace cobranza
