#include "usersview.h"

#include "auth/userservice.h"
#include "clock.h"
#include "newuserdialog.h"
#include "resetpassworddialog.h"
#include "store/database.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

UsersView::UsersView(const Database &db, Session session, const Clock &clock, PasswordHasher::Cost cost,
                     QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_cost(cost),
      m_canManage(PermissionTable::defaults().allows(m_session.role, Permission::ManageUsers)),
      m_readOnlyNote(new QLabel(this)),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_new(new QPushButton(tr("&Nuevo usuario…"), this)),
      m_disable(new QPushButton(tr("&Desactivar"), this)),
      m_enable(new QPushButton(tr("&Activar"), this)),
      m_reset(new QPushButton(tr("&Restablecer contraseña…"), this))
{
    auto *title = new QLabel(tr("Usuarios"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    if (const auto why = refusal(PermissionTable::defaults(), m_session, Permission::ManageUsers))
        m_readOnlyNote->setText(tr("Solo consulta: %1 Los usuarios los administra Sistemas.").arg(*why));
    m_readOnlyNote->setVisible(!m_canManage);

    m_table->setObjectName(QStringLiteral("users"));
    m_table->setHorizontalHeaderLabels(
        {tr("Usuario"), tr("Nombre"), tr("Iniciales"), tr("Rol"), tr("Agencia"), tr("Estado")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersView::updateButtons);

    m_new->setObjectName(QStringLiteral("newUser"));
    m_disable->setObjectName(QStringLiteral("disable"));
    m_enable->setObjectName(QStringLiteral("enable"));
    m_reset->setObjectName(QStringLiteral("reset"));
    connect(m_new, &QPushButton::clicked, this, &UsersView::addUser);
    connect(m_disable, &QPushButton::clicked, this, [this] { setActive(false); });
    connect(m_enable, &QPushButton::clicked, this, [this] { setActive(true); });
    connect(m_reset, &QPushButton::clicked, this, &UsersView::resetPassword);
    for (QPushButton *b : {m_new, m_disable, m_enable, m_reset})
        b->setVisible(m_canManage);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_disable);
    buttons->addWidget(m_enable);
    buttons->addWidget(m_reset);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_readOnlyNote);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    refresh();
}

void UsersView::refresh()
{
    const QString selected = selectedUsername();
    m_accounts = UserDirectory(m_db).accounts();
    const QDateTime now = m_clock.now();
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row) {
        const UserAccount &a = m_accounts.at(row);
        const AccountState state = a.state(now);
        QString stateText;
        switch (state) {
        case AccountState::Active:
            stateText = a.member.pooled ? tr("Activo (compartido, no inicia sesión)")
                        : a.hasPassword ? tr("Activo")
                                        : tr("Activo (sin contraseña)");
            break;
        case AccountState::Disabled: stateText = tr("Desactivado"); break;
        case AccountState::Locked:
            stateText = tr("Bloqueado hasta %1").arg(a.lockedUntil.toString(QStringLiteral("HH:mm")));
            break;
        }
        const QStringList texts = {a.member.username,
                                   a.member.fullName,
                                   a.member.initials,
                                   roleLabel(a.member.role),
                                   a.branchCode.isEmpty() ? tr("Todas (matriz)")
                                                          : QStringLiteral("%1 — %2").arg(a.branchCode, a.branchName),
                                   stateText};
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *item = cell(texts.at(column));
            if (state == AccountState::Disabled)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            else if (state == AccountState::Locked && column == StateColumn)
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_table->setItem(row, column, item);
        }
    }
    selectUser(selected);
    updateButtons();
}

QString UsersView::selectedUsername() const
{
    const UserAccount *a = selectedAccount();
    return a ? a->member.username : QString();
}

void UsersView::selectUser(const QString &username)
{
    m_table->clearSelection();
    for (int row = 0; row < m_accounts.size(); ++row)
        if (!username.isEmpty() && m_accounts.at(row).member.username.compare(username, Qt::CaseInsensitive) == 0)
            m_table->selectRow(row);
}

const UserAccount *UsersView::selectedAccount() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty())
        return nullptr;
    const int row = ranges.first().topRow();
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

void UsersView::updateButtons()
{
    const UserAccount *a = selectedAccount();
    const AccountState state = a ? a->state(m_clock.now()) : AccountState::Active;
    m_new->setEnabled(m_canManage);
    m_disable->setEnabled(m_canManage && a && a->member.active && a->member.id != m_session.staffId);
    m_enable->setEnabled(m_canManage && a && state != AccountState::Active);
    m_reset->setEnabled(m_canManage && a && !a->member.pooled);
}

void UsersView::done(bool ok, const QString &error, const QString &username)
{
    if (!ok)
        QMessageBox::warning(this, tr("Usuarios"), error);
    refresh();
    selectUser(username);
    if (ok)
        emit usersChanged();
}

void UsersView::addUser()
{
    const UserService service(m_db, m_session, PermissionTable::defaults(), m_clock, m_cost);
    NewUserDialog dialog(
        m_db, [&service](const NewUser &u, const QString &password, QString *error) {
            return service.addUser(u, password, error);
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    selectUser(dialog.user().username);
    emit usersChanged();
}

void UsersView::setActive(bool active)
{
    const UserAccount *a = selectedAccount();
    if (!a)
        return;
    const QString username = a->member.username;
    if (!active) {
        QMessageBox ask(QMessageBox::Question, tr("Desactivar usuario"),
                        tr("¿Desactivar a %1 (%2)? No podrá iniciar sesión hasta que se lo active de nuevo; "
                           "su historial se conserva.")
                            .arg(a->member.fullName, username),
                        QMessageBox::NoButton, this);
        QPushButton *yes = ask.addButton(tr("Desactivar"), QMessageBox::AcceptRole);
        ask.addButton(tr("Cancelar"), QMessageBox::RejectRole);
        ask.setDefaultButton(yes);
        ask.exec();
        if (ask.clickedButton() != yes)
            return;
    }
    const UserService service(m_db, m_session, PermissionTable::defaults(), m_clock, m_cost);
    QString error;
    const bool ok = active ? service.enableUser(username, &error) : service.disableUser(username, &error);
    done(ok, error, username);
}

void UsersView::resetPassword()
{
    const UserAccount *a = selectedAccount();
    if (!a)
        return;
    const QString username = a->member.username;
    const UserService service(m_db, m_session, PermissionTable::defaults(), m_clock, m_cost);
    ResetPasswordDialog dialog(
        username, a->member.fullName,
        [&service, &username](const QString &password, QString *error) {
            return service.resetPassword(username, password, error);
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    selectUser(username);
    emit usersChanged();
}

} // namespace cobranza
