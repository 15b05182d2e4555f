#include "administrationview.h"

#include "import/importhistory.h"
#include "permissions.h"
#include "store/database.h"
#include "store/maintenance.h"

#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

AdministrationView::AdministrationView(const Database &db, Session session, QWidget *parent)
    : QWidget(parent), m_db(db), m_session(std::move(session)), m_imports(new QTableWidget(this))
{
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
    auto *importButton = new QPushButton(tr("&Importar cartera…"), this);
    auto *settingsButton = new QPushButton(tr("&Configuración…"), this);
    auto *backupButton = new QPushButton(tr("&Respaldar base de datos…"), this);
    auto *checkButton = new QPushButton(tr("Re&visar integridad"), this);
    importButton->setEnabled(permissions.allows(m_session.role, Permission::ImportPortfolio));
    backupButton->setEnabled(permissions.allows(m_session.role, Permission::Backup));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {importButton, settingsButton, backupButton, checkButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *title = new QLabel(tr("<b>Historial de importaciones</b>"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(title);
    layout->addWidget(m_imports, 1);

    connect(importButton, &QPushButton::clicked, this, &AdministrationView::importRequested);
    connect(settingsButton, &QPushButton::clicked, this, &AdministrationView::settingsRequested);
    connect(backupButton, &QPushButton::clicked, this, &AdministrationView::backup);
    connect(checkButton, &QPushButton::clicked, this, &AdministrationView::checkIntegrity);
    refresh();
}

void AdministrationView::refresh()
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
            e.cutOff.isValid() ? e.cutOff.toString(QStringLiteral("dd/MM/yyyy")) : QString(),
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

void AdministrationView::backup()
{
    const QString suggested = QStringLiteral("cobranza-%1.sqlite")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Respaldar base de datos"), suggested,
                                                      tr("Base de datos SQLite (*.sqlite)"));
    if (path.isEmpty())
        return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = backupDatabase(m_db, path, &error);
    QApplication::restoreOverrideCursor();
    if (ok)
        QMessageBox::information(this, tr("Respaldo"), tr("Respaldo guardado en %1.").arg(path));
    else
        QMessageBox::warning(this, tr("Respaldo"), error);
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
