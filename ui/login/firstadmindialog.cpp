#include "firstadmindialog.h"

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

FirstAdminDialog::FirstAdminDialog(const Database &db, const Clock &clock, PasswordHasher::Cost cost, QWidget *parent)
    : QDialog(parent),
      m_db(db),
      m_clock(clock),
      m_cost(cost),
      m_user(new QLineEdit(QStringLiteral("admin"), this)),
      m_fullName(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)),
      m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Cobranza — Primer inicio"));
    auto *intro = new QLabel(tr("Es el primer inicio: cree el usuario administrador (Sistemas)."), this);
    QFont bold = intro->font();
    bold.setBold(true);
    intro->setFont(bold);
    intro->setWordWrap(true);
    auto *detail = new QLabel(tr("Con este usuario se registran las agencias y los demás usuarios, se importa la "
                                 "cartera y se hacen los respaldos. La contraseña debe tener al menos 8 caracteres, "
                                 "con letras y números."),
                              this);
    detail->setWordWrap(true);

    m_user->setObjectName(QStringLiteral("user"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_password->setObjectName(QStringLiteral("password"));
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_fullName->setPlaceholderText(tr("p. ej. María Fernanda Chávez"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Usuario:"), m_user);
    form->addRow(tr("&Nombre completo:"), m_fullName);
    form->addRow(tr("&Contraseña:"), m_password);
    form->addRow(tr("Con&firmar contraseña:"), m_confirm);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *create = buttons->addButton(tr("C&rear administrador"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("&Salir"), QDialogButtonBox::RejectRole);
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstAdminDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstAdminDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(detail);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    m_fullName->setFocus();
}

QString FirstAdminDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void FirstAdminDialog::showError(const QString &message, QLineEdit *focus)
{
    showErrorLabel(m_error, message);
    if (focus == m_password || focus == m_confirm) {
        m_password->clear();
        m_confirm->clear();
        focus = m_password;
    }
    focus->setFocus();
    focus->selectAll();
}

void FirstAdminDialog::accept()
{
    if (m_fullName->text().trimmed().isEmpty())
        return showError(tr("Escriba el nombre completo del administrador."), m_fullName);
    if (const QString problem = passwordProblem(m_password->text()); !problem.isEmpty())
        return showError(problem, m_password);
    if (m_password->text() != m_confirm->text())
        return showError(tr("La contraseña y su confirmación no coinciden."), m_confirm);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const LoginOutcome outcome = Authenticator(m_db, m_clock, m_cost)
                                     .createAdministrator(m_user->text().trimmed().toLower(), m_fullName->text().trimmed(),
                                                          m_password->text());
    QApplication::restoreOverrideCursor();
    if (!outcome.ok)
        return showError(outcome.message, m_user);
    m_session = outcome.session;
    QDialog::accept();
}

} // namespace cobranza
