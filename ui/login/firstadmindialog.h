#pragma once

#include "auth/passwordhasher.h"
#include "session.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace cobranza {

class Clock;
class Database;

// The first start of an empty installation: creates the administrator (Sistemas) and signs them in.
class FirstAdminDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstAdminDialog)

public:
    FirstAdminDialog(const Database &db, const Clock &clock,
                     PasswordHasher::Cost cost = PasswordHasher::interactive(), QWidget *parent = nullptr);
    Session session() const { return m_session; } // the administrator, once accepted
    QString errorText() const;

    void accept() override; // creates the administrator; stays open with the reason when it cannot

private:
    void showError(const QString &message, QLineEdit *focus);

    const Database &m_db;
    const Clock &m_clock;
    PasswordHasher::Cost m_cost;
    Session m_session;
    QLineEdit *m_user;
    QLineEdit *m_fullName;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
};

} // namespace cobranza
