#pragma once

#include "auth/passwordhasher.h"
#include "session.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace cobranza {

class Clock;
class Database;

// Lets the signed-in user change their own password (current, new, confirmation).
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    ChangePasswordDialog(const Database &db, Session session, const Clock &clock,
                         PasswordHasher::Cost cost = PasswordHasher::interactive(), QWidget *parent = nullptr);
    QString errorText() const;

    void accept() override; // changes the password; stays open with the reason when it cannot

private:
    void showError(const QString &message, QLineEdit *focus);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    PasswordHasher::Cost m_cost;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QLabel *m_error;
};

} // namespace cobranza
