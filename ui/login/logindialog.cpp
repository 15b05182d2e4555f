#include "logindialog.h"

#include "auth/userservice.h"
#include "clock.h"
#include "errorlabel.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/settingsstore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace cobranza {

LoginDialog::LoginDialog(const Database &db, const Clock &clock, PasswordHasher::Cost cost, QWidget *parent)
    : QDialog(parent),
      m_db(db),
      m_clock(clock),
      m_cost(cost),
      m_branch(new QComboBox(this)),
      m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Cobranza — Iniciar sesión"));

    auto *cooperative =
        new QLabel(SettingsStore(db).value(SettingsStore::CooperativeName, tr("Cooperativa de Ahorro y Crédito")), this);
    cooperative->setObjectName(QStringLiteral("cooperativeName"));
    QFont big = cooperative->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    cooperative->setFont(big);
    cooperative->setAlignment(Qt::AlignCenter);
    cooperative->setWordWrap(true);
    auto *subtitle = new QLabel(tr("Gestión de cobranzas: ingrese con su agencia, usuario y contraseña."), this);
    subtitle->setAlignment(Qt::AlignCenter);
    subtitle->setWordWrap(true);

    m_branch->setObjectName(QStringLiteral("branch"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));

    QSettings settings;
    const QString lastBranch = settings.value(LastBranchKey).toString();
    const QString lastUser = settings.value(LastUserKey).toString();
    for (const Branch &b : DirectoryStore(db).branches()) {
        if (!b.active)
            continue;
        m_branch->addItem(QStringLiteral("%1 — %2").arg(b.code, b.name), b.code);
    }
    if (const int i = m_branch->findData(lastBranch); i >= 0)
        m_branch->setCurrentIndex(i);
    m_branch->setEnabled(m_branch->count() > 0);
    m_branch->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_user->setText(lastUser);
    m_user->setPlaceholderText(tr("p. ej. eperez"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Agencia:"), m_branch);
    form->addRow(tr("&Usuario:"), m_user);
    form->addRow(tr("&Contraseña:"), m_password);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *enter = buttons->addButton(tr("&Ingresar"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("&Salir"), QDialogButtonBox::RejectRole);
    enter->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(cooperative);
    layout->addWidget(subtitle);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(600); // the cooperative's full name on one line at the usual font sizes

    setTabOrder(m_branch, m_user);
    setTabOrder(m_user, m_password);
    (lastUser.isEmpty() ? m_user : m_password)->setFocus();
}

QString LoginDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void LoginDialog::showError(const QString &message)
{
    showErrorLabel(m_error, message);
    m_password->clear();
    m_password->setFocus();
}

void LoginDialog::accept()
{
    const QString user = m_user->text().trimmed();
    if (user.isEmpty()) {
        showErrorLabel(m_error, tr("Escriba su nombre de usuario."));
        m_user->setFocus();
        return;
    }
    const QString branch = m_branch->currentData().toString();
    QApplication::setOverrideCursor(Qt::WaitCursor); // the password hash takes a moment on purpose
    const LoginOutcome outcome = Authenticator(m_db, m_clock, m_cost).login(branch, user, m_password->text());
    QApplication::restoreOverrideCursor();
    if (!outcome.ok) {
        showError(outcome.message);
        return;
    }
    QSettings settings;
    settings.setValue(LastBranchKey, outcome.session.branchCode.isEmpty() ? branch : outcome.session.branchCode);
    settings.setValue(LastUserKey, outcome.session.username);
    m_session = outcome.session;
    m_error->hide();
    QDialog::accept();
}

} // namespace cobranza
