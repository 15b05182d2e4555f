#include "newuserdialog.h"

#include "auth/userdirectory.h"
#include "login/errorlabel.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cobranza {

namespace {

// "Eduardo Pérez Solís" → "EPS": the usual initials, which the administrator may still change.
QString initialsOf(const QString &fullName)
{
    static const QStringList particles = {QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("la"),
                                          QStringLiteral("las"), QStringLiteral("los"), QStringLiteral("y")};
    QString out;
    for (const QString &word : fullName.split(u' ', Qt::SkipEmptyParts))
        if (!particles.contains(word.toLower()) && word.front().isLetter())
            out.append(word.front().toUpper());
    return out.left(5);
}

} // namespace

NewUserDialog::NewUserDialog(const Database &db, Submit submit, QWidget *parent)
    : QDialog(parent),
      m_submit(std::move(submit)),
      m_username(new QLineEdit(this)),
      m_fullName(new QLineEdit(this)),
      m_initials(new QLineEdit(this)),
      m_role(new QComboBox(this)),
      m_branch(new QComboBox(this)),
      m_poolLabel(new QLabel(tr("Usuario &compartido:"), this)),
      m_pool(new QComboBox(this)),
      m_password(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)),
      m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Nuevo usuario"));
    m_username->setObjectName(QStringLiteral("username"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_initials->setObjectName(QStringLiteral("initials"));
    m_role->setObjectName(QStringLiteral("role"));
    m_branch->setObjectName(QStringLiteral("branch"));
    m_pool->setObjectName(QStringLiteral("pool"));
    m_password->setObjectName(QStringLiteral("password"));
    m_confirm->setObjectName(QStringLiteral("confirm"));

    m_username->setPlaceholderText(tr("p. ej. eperez (minúsculas)"));
    m_username->setMaxLength(32);
    connect(m_username, &QLineEdit::textEdited, m_username, [this](const QString &text) {
        const int cursor = m_username->cursorPosition();
        m_username->setText(text.toLower());
        m_username->setCursorPosition(cursor);
    });
    m_fullName->setPlaceholderText(tr("p. ej. Eduardo Pérez Solís"));
    connect(m_fullName, &QLineEdit::textEdited, this, &NewUserDialog::suggestInitials);
    m_initials->setMaxLength(5);
    m_initials->setPlaceholderText(tr("2 a 5 letras"));
    connect(m_initials, &QLineEdit::textEdited, m_initials, [this](const QString &text) {
        m_initialsTyped = !text.isEmpty();
        const int cursor = m_initials->cursorPosition();
        m_initials->setText(text.toUpper());
        m_initials->setCursorPosition(cursor);
    });
    for (const Role r : kAllRoles)
        m_role->addItem(roleLabel(r), QVariant::fromValue(static_cast<int>(r)));
    for (const Branch &b : DirectoryStore(db).branches())
        if (b.active)
            m_branch->addItem(QStringLiteral("%1 — %2").arg(b.code, b.name), b.code);
    for (const StaffMember &p : UserDirectory(db).pooledUsers())
        m_pool->addItem(QStringLiteral("%1 — %2").arg(p.username, p.fullName), p.username);
    m_pool->insertItem(0, tr("(ninguno)"), QString());
    m_pool->setCurrentIndex(m_pool->count() > 1 ? 1 : 0);
    m_poolLabel->setBuddy(m_pool);
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("8 o más, con letras y números"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Usuario:"), m_username);
    form->addRow(tr("&Nombre completo:"), m_fullName);
    form->addRow(tr("&Iniciales:"), m_initials);
    form->addRow(tr("&Rol:"), m_role);
    form->addRow(tr("&Agencia:"), m_branch);
    form->addRow(m_poolLabel, m_pool);
    form->addRow(tr("Contraseña &inicial:"), m_password);
    form->addRow(tr("Con&firmar contraseña:"), m_confirm);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *create = buttons->addButton(tr("Crear &usuario"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancelar"), QDialogButtonBox::RejectRole);
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewUserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewUserDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(m_role, &QComboBox::currentIndexChanged, this, &NewUserDialog::roleChanged);
    roleChanged();
    m_username->setFocus();
}

void NewUserDialog::suggestInitials()
{
    if (!m_initialsTyped)
        m_initials->setText(initialsOf(m_fullName->text()));
}

// Head-office roles may have no branch; only collections officers book on a pooled user.
void NewUserDialog::roleChanged()
{
    const Role role = static_cast<Role>(m_role->currentData().toInt());
    const int none = m_branch->findData(QString());
    if (worksAllBranches(role) && none < 0)
        m_branch->insertItem(0, tr("(ninguna: oficina matriz)"), QString());
    else if (!worksAllBranches(role) && none >= 0)
        m_branch->removeItem(none);
    const bool officer = role == Role::OficialCobranzas;
    m_poolLabel->setVisible(officer);
    m_pool->setVisible(officer);
}

NewUser NewUserDialog::user() const
{
    NewUser u;
    u.username = m_username->text().trimmed().toLower();
    u.fullName = m_fullName->text().trimmed();
    u.initials = m_initials->text().trimmed().toUpper();
    u.role = static_cast<Role>(m_role->currentData().toInt());
    u.branchCode = m_branch->currentData().toString();
    if (u.role == Role::OficialCobranzas)
        u.poolUsername = m_pool->currentData().toString();
    return u;
}

QString NewUserDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void NewUserDialog::showError(const QString &message, QWidget *focus)
{
    showErrorLabel(m_error, message);
    if (focus == m_password) {
        m_password->clear();
        m_confirm->clear();
    }
    focus->setFocus();
}

void NewUserDialog::accept()
{
    if (const QString problem = passwordProblem(m_password->text()); !problem.isEmpty())
        return showError(problem, m_password);
    if (m_password->text() != m_confirm->text())
        return showError(tr("La contraseña y su confirmación no coinciden."), m_password);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool created = m_submit && m_submit(user(), m_password->text(), &error);
    QApplication::restoreOverrideCursor();
    if (!created)
        return showError(error.isEmpty() ? tr("No se pudo crear el usuario.") : error, m_username);
    QDialog::accept();
}

} // namespace cobranza
