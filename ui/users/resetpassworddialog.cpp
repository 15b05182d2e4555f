#include "resetpassworddialog.h"

#include "auth/passwordhasher.h"
#include "login/errorlabel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cobranza {

ResetPasswordDialog::ResetPasswordDialog(const QString &username, const QString &fullName, Submit submit,
                                         QWidget *parent)
    : QDialog(parent),
      m_submit(std::move(submit)),
      m_password(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)),
      m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Restablecer contraseña — %1").arg(username));
    auto *intro = new QLabel(tr("Nueva contraseña para %1 (%2). El bloqueo por intentos fallidos se levanta; "
                                "comuníquele la contraseña en persona.")
                                 .arg(fullName, username),
                             this);
    intro->setWordWrap(true);
    m_password->setObjectName(QStringLiteral("password"));
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("8 o más, con letras y números"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Nueva contraseña:"), m_password);
    form->addRow(tr("&Confirmar contraseña:"), m_confirm);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("&Restablecer"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancelar"), QDialogButtonBox::RejectRole);
    ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ResetPasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ResetPasswordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_password->setFocus();
}

QString ResetPasswordDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void ResetPasswordDialog::showError(const QString &message)
{
    showErrorLabel(m_error, message);
    m_password->clear();
    m_confirm->clear();
    m_password->setFocus();
}

void ResetPasswordDialog::accept()
{
    if (const QString problem = passwordProblem(m_password->text()); !problem.isEmpty())
        return showError(problem);
    if (m_password->text() != m_confirm->text())
        return showError(tr("La contraseña y su confirmación no coinciden."));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool done = m_submit && m_submit(m_password->text(), &error);
    QApplication::restoreOverrideCursor();
    if (!done)
        return showError(error.isEmpty() ? tr("No se pudo cambiar la contraseña.") : error);
    QDialog::accept();
}

} // namespace cobranza
