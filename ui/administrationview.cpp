#include "administrationview.h"

#include "datetext.h"
#include "audit/auditview.h"
#include "import/importhistory.h"
#include "permissions.h"
#include "services/maintenanceservice.h"
#include "store/database.h"
#include "store/maintenance.h"
#include "users/usersview.h"

#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

AdministrationView::AdministrationView(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_tabs(new QTabWidget(this)),
      m_imports(new QTableWidget(this))
{
    m_tabs->setObjectName(QStringLiteral("administrationTabs"));
    m_imports->setObjectName(QStringLiteral("importLog"));
    m_imports->setColumnCount(9);
    m_imports->setHorizontalHeaderLabels({tr("Fecha"), tr("Usuario"), tr("Archivo"), tr("Corte"), tr("Filas"),
                                          tr("Advertencias"), tr("Errores"), tr("Resultado"), tr("Reemplazó")});
    m_imports->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_imports->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_imports->setAlternatingRowColors(true);
    m_imports->verticalHeader()->hide();
    m_imports->horizontalHeader()->setStretchLastSection(true);

    const PermissionTable permissions = PermissionTable::defaults();
    const bool mayBackup = permissions.allows(m_session.role, Permission::Backup);
    auto *importButton = new QPushButton(tr("&Importar cartera…"), this);
    auto *settingsButton = new QPushButton(tr("&Configuración…"), this);
    auto *backupButton = new QPushButton(tr("&Respaldar ahora"), this);
    auto *backupFileButton = new QPushButton(tr("Respaldar en &archivo…"), this);
    auto *restoreButton = new QPushButton(tr("Res&taurar respaldo…"), this);
    auto *checkButton = new QPushButton(tr("Re&visar integridad"), this);
    importButton->setEnabled(permissions.allows(m_session.role, Permission::ImportPortfolio));
    for (QPushButton *b : {backupButton, backupFileButton, restoreButton})
        b->setEnabled(mayBackup);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {importButton, settingsButton, backupButton, backupFileButton, restoreButton, checkButton})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto *importsPage = new QWidget(this);
    auto *importsLayout = new QVBoxLayout(importsPage);
    importsLayout->addWidget(m_imports);
    m_tabs->addTab(importsPage, tr("Importaciones"));
    m_users = new UsersView(m_db, m_session, m_clock, PasswordHasher::interactive(), this);
    m_tabs->addTab(m_users, tr("Usuarios"));
    if (permissions.allows(m_session.role, Permission::ViewAudit)) {
        m_audit = new AuditView(m_db, m_clock, this);
        m_tabs->addTab(m_audit, tr("Auditoría"));
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);

    connect(importButton, &QPushButton::clicked, this, &AdministrationView::importRequested);
    connect(settingsButton, &QPushButton::clicked, this, &AdministrationView::settingsRequested);
    connect(backupButton, &QPushButton::clicked, this, &AdministrationView::backupNow);
    connect(backupFileButton, &QPushButton::clicked, this, &AdministrationView::backupToFile);
    connect(restoreButton, &QPushButton::clicked, this, &AdministrationView::restore);
    connect(checkButton, &QPushButton::clicked, this, &AdministrationView::checkIntegrity);
    refresh();
}

void AdministrationView::refresh()
{
    refreshImports();
    m_users->refresh();
    if (m_audit)
        m_audit->refresh();
}

void AdministrationView::refreshImports()
{
    const QList<ImportLogEntry> entries = recentImports(m_db);
    const QLocale locale;
    m_imports->setRowCount(static_cast<int>(entries.size()));
    for (int r = 0; r < entries.size(); ++r) {
        const ImportLogEntry &e = entries.at(r);
        const QStringList cells = {
            e.startedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
            e.user.isEmpty() ? tr("Instalación") : e.user,
            e.fileName,
            e.cutOff.isValid() ? dayText(e.cutOff) : QString(),
            locale.toString(e.rows),
            locale.toString(e.warnings),
            locale.toString(e.errors),
            outcomeLabel(e.outcome),
            e.replaced ? tr("Sí") : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c >= 4 && c <= 6)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_imports->setItem(r, c, item);
        }
    }
    m_imports->resizeColumnsToContents();
}

void AdministrationView::backupNow()
{
    const MaintenanceService service(m_db, m_session, PermissionTable::defaults(), m_clock);
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto path = service.backupNow(&error);
    QApplication::restoreOverrideCursor();
    if (path)
        QMessageBox::information(this, tr("Respaldo"), tr("Respaldo guardado en %1.").arg(*path));
    else
        QMessageBox::warning(this, tr("Respaldo"), error);
    refresh();
}

void AdministrationView::backupToFile()
{
    const QString suggested =
        QStringLiteral("cobranza-%1.sqlite").arg(m_clock.now().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Respaldar en archivo"), suggested,
                                                      tr("Base de datos SQLite (*.sqlite)"));
    if (path.isEmpty())
        return;
    const MaintenanceService service(m_db, m_session, PermissionTable::defaults(), m_clock);
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = service.backupTo(path, &error);
    QApplication::restoreOverrideCursor();
    if (ok)
        QMessageBox::information(this, tr("Respaldo"), tr("Respaldo guardado en %1.").arg(path));
    else
        QMessageBox::warning(this, tr("Respaldo"), error);
    refresh();
}

void AdministrationView::restore()
{
    const MaintenanceService service(m_db, m_session, PermissionTable::defaults(), m_clock);
    const QString path = QFileDialog::getOpenFileName(this, tr("Restaurar respaldo"), service.backupFolder(),
                                                      tr("Respaldos de Cobranza (*.sqlite)"));
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Restaurar respaldo"),
        tr("Se reemplazará toda la base de datos por el respaldo\n%1\n\nAntes se revisa el respaldo y se guarda una "
           "copia de la base actual. ¿Continuar?")
            .arg(path),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    QString error, safetyCopy;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = service.restore(path, &error, &safetyCopy);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(this, tr("Restaurar respaldo"), error);
        return;
    }
    QMessageBox::information(this, tr("Restaurar respaldo"),
                             tr("Base de datos restaurada. La base anterior quedó copiada en %1.").arg(safetyCopy));
    emit databaseRestored();
    refresh();
}

void AdministrationView::checkIntegrity()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QStringList problems = integrityProblems(m_db);
    QApplication::restoreOverrideCursor();
    if (problems.isEmpty())
        QMessageBox::information(this, tr("Integridad"), tr("La base de datos está íntegra."));
    else
        QMessageBox::warning(this, tr("Integridad"),
                             tr("Se encontraron problemas:\n%1").arg(problems.mid(0, 20).join(u'\n')));
}

} // namespace cobranza
