#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace cobranza {

// The administrator gives a user a new password (twice), e.g. when they forgot theirs.
class ResetPasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetPasswordDialog)

public:
    // Sets the password (UserService::resetPassword); false with the Spanish reason when refused.
    using Submit = std::function<bool(const QString &password, QString *error)>;
    ResetPasswordDialog(const QString &username, const QString &fullName, Submit submit, QWidget *parent = nullptr);
    QString errorText() const;

    void accept() override;

private:
    void showError(const QString &message);

    Submit m_submit;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
};

} // namespace cobranza
