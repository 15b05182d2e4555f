#include "changepassworddialog.h"

#include "auth/userservice.h"
#include "clock.h"
#include "errorlabel.h"
#include "store/database.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cobranza {

ChangePasswordDialog::ChangePasswordDialog(const Database &db, Session session, const Clock &clock,
                                           PasswordHasher::Cost cost, QWidget *parent)
    : QDialog(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_cost(cost),
      m_current(new QLineEdit(this)),
      m_new(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)),
      m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Cambiar contraseña — %1").arg(m_session.username));
    auto *hint = new QLabel(tr("La nueva contraseña debe tener al menos 8 caracteres, con letras y números."), this);
    hint->setWordWrap(true);
    const std::pair<QLineEdit *, const char *> fields[] = {
        {m_current, "current"}, {m_new, "newPassword"}, {m_confirm, "confirm"}};
    for (const auto &[edit, name] : fields) {
        edit->setObjectName(QString::fromLatin1(name));
        edit->setEchoMode(QLineEdit::Password);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("Contraseña &actual:"), m_current);
    form->addRow(tr("&Nueva contraseña:"), m_new);
    form->addRow(tr("&Confirmar nueva:"), m_confirm);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *change = buttons->addButton(tr("Cambiar &contraseña"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancelar"), QDialogButtonBox::RejectRole);
    change->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_current->setFocus();
}

QString ChangePasswordDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void ChangePasswordDialog::showError(const QString &message, QLineEdit *focus)
{
    showErrorLabel(m_error, message);
    if (focus == m_current)
        m_current->clear();
    m_new->clear();
    m_confirm->clear();
    focus->setFocus();
}

void ChangePasswordDialog::accept()
{
    if (m_new->text() != m_confirm->text())
        return showError(tr("La nueva contraseña y su confirmación no coinciden."), m_new);
    // Which field to send the person back to: the new one when it is the new one that is refused.
    const bool newPasswordAtFault =
        !passwordProblem(m_new->text()).isEmpty() || (!m_new->text().isEmpty() && m_new->text() == m_current->text());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool changed = UserService(m_db, m_session, PermissionTable::defaults(), m_clock, m_cost)
                             .changeOwnPassword(m_current->text(), m_new->text(), &error);
    QApplication::restoreOverrideCursor();
    if (!changed)
        return showError(error, newPasswordAtFault ? m_new : m_current);
    QDialog::accept();
}

} // namespace cobranza
