#include "mainwindow.h"

#include "datetext.h"
#include "administrationview.h"
#include "permissions.h"
#include "creditdetaildialog.h"
#include "import/importdialog.h"
#include "login/changepassworddialog.h"
#include "store/backupmanager.h"
#include "portfolio/portfolioexport.h"
#include "portfolio/portfoliomodel.h"
#include "portfolio/portfolioview.h"
#include "portfolioprinting.h"
#include "notices/noticesview.h"
#include "indicators/dashboardview.h"
#include "supervision/supervisionview.h"
#include "routes/agendaview.h"
#include "routes/routesheetstore.h"
#include "routes/trayview.h"
#include "settings/settingsdialog.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/settingsstore.h"
#include "uisettings.h"
#include "xlsxexport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace cobranza {

namespace {
constexpr Permission kAdministrativePermissions[] = {Permission::ImportPortfolio, Permission::ManageUsers,
                                                     Permission::EditSettings, Permission::ViewAudit,
                                                     Permission::Backup};
} // namespace

MainWindow::MainWindow(Database &db, Session session, const Clock &clock, QWidget *parent)
    : QMainWindow(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_areas(new QListWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_portfolio(new PortfolioView(db, branchScope(m_session), this)),
      m_administration(new AdministrationView(db, m_session, clock, this)),
      m_userLabel(new QLabel(this)),
      m_cutOffLabel(new QLabel(this)),
      m_databaseLabel(new QLabel(this))
{
    const QString cooperative = SettingsStore(m_db).value(SettingsStore::CooperativeName, tr("Cooperativa"));
    setWindowTitle(tr("%1 — Cobranza").arg(cooperative));
    setObjectName(QStringLiteral("mainWindow"));

    m_areas->setObjectName(QStringLiteral("areaList"));
    m_areas->setFixedWidth(170);
    m_areas->setSpacing(2);
    m_areas->setFocusPolicy(Qt::TabFocus);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_areas);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    // Only the areas that work today, and each only for the roles that use it; notices and
    // supervision join as they land.
    const PermissionTable permissions = PermissionTable::defaults();
    addArea(tr("Cartera"), m_portfolio, QKeySequence(Qt::CTRL | Qt::Key_1));
    const bool plans = permissions.allows(m_session.role, Permission::BookAdvisorSheets)
                       || permissions.allows(m_session.role, Permission::BookOwnSheet)
                       || permissions.allows(m_session.role, Permission::BookRezagados);
    if (plans)
        addLazyArea(tr("Bandejas"), [this, &db, &clock] {
            m_tray = new TrayView(db, m_session, clock, this);
            connectRouteAreas();
            return m_tray;
        }, QKeySequence(Qt::CTRL | Qt::Key_2));
    const bool hasAgenda = permissions.allows(m_session.role, Permission::EnterOwnResults)
                           || seesBranchAgenda(permissions, m_session.role);
    if (hasAgenda && m_session.branchId != 0)
        addLazyArea(tr("Agenda"), [this, &db, &clock] {
            m_agenda = new AgendaView(db, m_session, clock, this);
            connect(m_agenda, &AgendaView::creditActivated, this, &MainWindow::openCreditDetail);
            if (m_bookedSheet)
                m_agenda->showSheet(m_bookedSheet->first, m_bookedSheet->second);
            connectRouteAreas();
            return m_agenda;
        }, QKeySequence(Qt::CTRL | Qt::Key_3));
    if (permissions.allows(m_session.role, Permission::PrintNotices))
        addLazyArea(tr("Notificaciones"), [this, &db, &clock] {
            return m_notices = new NoticesView(db, m_session, clock, this);
        }, QKeySequence(Qt::CTRL | Qt::Key_4));
    if (permissions.allows(m_session.role, Permission::ReadSupervision)) {
        addLazyArea(tr("Supervisión"), [this, &db, &clock] {
            return m_supervision = new SupervisionView(db, m_session, clock, this);
        }, QKeySequence(Qt::CTRL | Qt::Key_5));
        addLazyArea(tr("Indicadores"), [this, &db] { return m_dashboard = new DashboardView(db, m_session, m_clock, this); },
                    QKeySequence(Qt::CTRL | Qt::Key_6));
    }
    // Administración only for those who administer something; the others change their password
    // from Editar and read the settings from there.
    const bool administers = std::any_of(
        std::begin(kAdministrativePermissions), std::end(kAdministrativePermissions),
        [&](Permission p) { return permissions.allows(m_session.role, p); });
    if (administers)
        addArea(tr("Administración"), m_administration, QKeySequence(Qt::CTRL | Qt::Key_9));
    else
        m_administration->hide();
    connect(m_areas, &QListWidget::currentRowChanged, this, &MainWindow::showArea);

    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_cutOffLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    m_databaseLabel->setText(tr("Base de datos: %1").arg(m_db.path()));

    createMenus();
    connect(m_portfolio, &PortfolioView::creditActivated, this, &MainWindow::openCreditDetail);
    connect(m_portfolio, &PortfolioView::cutOffChanged, this, &MainWindow::updateStatus);
    connect(m_administration, &AdministrationView::importRequested, this, &MainWindow::importPortfolio);
    connect(m_administration, &AdministrationView::settingsRequested, this, &MainWindow::openSettings);
    connect(m_administration, &AdministrationView::databaseRestored, this, [this] {
        m_portfolio->reloadSnapshots();
        if (m_tray)
            m_tray->reloadSnapshots();
        if (m_agenda)
            m_agenda->reload();
        if (m_notices)
            m_notices->reload();
    });

    m_portfolio->reloadSnapshots();
    restoreState();
    updateStatus();
}

void MainWindow::addArea(const QString &name, QWidget *page, const QKeySequence &shortcut)
{
    m_areas->addItem(QStringLiteral("%1\n%2").arg(name, shortcut.toString(QKeySequence::PortableText)));
    m_pages->addWidget(page);
    auto *action = new QAction(name, this);
    action->setShortcut(shortcut);
    const int index = m_pages->count() - 1;
    connect(action, &QAction::triggered, this, [this, index] { m_areas->setCurrentRow(index); });
    addAction(action);
    m_areaActions.append(action);
}

void MainWindow::addLazyArea(const QString &name, std::function<QWidget *()> make, const QKeySequence &shortcut)
{
    addArea(name, new QWidget(this), shortcut); // a placeholder until the area is first shown
    m_pendingAreas.emplace(m_pages->count() - 1, std::move(make));
}

void MainWindow::connectRouteAreas()
{
    // The tray remembers what it booked, for an agenda not made yet; once both exist they talk.
    if (m_tray && !m_agenda)
        connect(m_tray, &TrayView::booked, this, [this](qint64 staffId, QDate day) {
            if (!m_agenda)
                m_bookedSheet = std::make_pair(staffId, day);
        });
    if (!m_tray || !m_agenda || m_routeAreasConnected)
        return;
    m_routeAreasConnected = true;
    // The agenda then shows the sheet just booked, ready for its order and visto bueno.
    connect(m_tray, &TrayView::booked, this, [this](qint64 staffId, QDate day) {
        m_agenda->reload(); // the people's visit counts of the day changed too
        m_agenda->showSheet(staffId, day);
    });
    connect(m_agenda, &AgendaView::sheetChanged, m_tray, &TrayView::reloadTray);
}

void MainWindow::showAreaNamed(const QString &name)
{
    for (int i = 0; i < m_areas->count(); ++i)
        if (m_areas->item(i)->text().section(u'\n', 0, 0) == name)
            m_areas->setCurrentRow(i);
}

void MainWindow::showArea(int index)
{
    if (const auto pending = m_pendingAreas.find(index); pending != m_pendingAreas.end()) {
        // Made now, it has just read its data: no reload below.
        QWidget *placeholder = m_pages->widget(index);
        QWidget *page = pending->second();
        m_pendingAreas.erase(pending);
        m_pages->insertWidget(index, page);
        m_pages->removeWidget(placeholder);
        placeholder->deleteLater();
        m_pages->setCurrentIndex(index);
        return;
    }
    m_pages->setCurrentIndex(index);
    if (m_pages->currentWidget() == m_administration)
        m_administration->refresh();
    // Results and prints elsewhere change what is due: the list is read again when it is shown.
    if (m_notices && m_pages->currentWidget() == m_notices)
        m_notices->reload();
    if (m_supervision && m_pages->currentWidget() == m_supervision)
        m_supervision->reload();
    if (m_dashboard && m_pages->currentWidget() == m_dashboard)
        m_dashboard->reload();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Archivo"));
    QAction *import = file->addAction(tr("&Importar cartera…"), this, &MainWindow::importPortfolio);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    // Convenience only: the importer itself refuses anyone but Sistemas.
    import->setEnabled(PermissionTable::defaults().allows(m_session.role, Permission::ImportPortfolio));
    file->addSeparator();
    file->addAction(tr("Exportar a &CSV…"), this, &MainWindow::exportCsv);
    QAction *xlsx = file->addAction(tr("Exportar a &Excel…"), this, &MainWindow::exportXlsx);
    xlsx->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Exportar a P&DF…"), this, &MainWindow::exportPdf);
    file->addSeparator();
    QAction *print = file->addAction(tr("Im&primir…"), this, &MainWindow::printPreview);
    print->setShortcut(QKeySequence::Print);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Salir"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Editar"));
    QAction *copy = edit->addAction(tr("&Copiar filas"), this, &MainWindow::copyRows);
    copy->setShortcut(QKeySequence::Copy);
    QAction *find = edit->addAction(tr("&Buscar"), this, [this] {
        m_areas->setCurrentRow(0);
        m_portfolio->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *clear = edit->addAction(tr("&Limpiar filtros"), this, [this] { m_portfolio->setFilter({}); });
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    edit->addSeparator();
    QAction *settings = edit->addAction(tr("C&onfiguración…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    edit->addAction(tr("Cambiar &contraseña…"), this, &MainWindow::changePassword);

    QMenu *view = menuBar()->addMenu(tr("&Ver"));
    for (QAction *a : std::as_const(m_areaActions))
        view->addAction(a);
    view->addSeparator();
    QAction *detail = view->addAction(tr("&Ficha del crédito"), this,
                                      [this] { openCreditDetail(m_portfolio->selectedCreditNumber()); });
    detail->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));

    QMenu *help = menuBar()->addMenu(tr("Ay&uda"));
    QAction *helpAction = help->addAction(tr("&Ayuda de Cobranza"), this, &MainWindow::showHelp);
    helpAction->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("A&cerca de Cobranza"), this, &MainWindow::showAbout);
}

void MainWindow::restoreState()
{
    UiSettings settings;
    if (!restoreGeometry(settings.mainWindowGeometry()))
        resize(1366, 800);
    QMainWindow::restoreState(settings.mainWindowState());
    m_portfolio->table()->horizontalHeader()->restoreState(settings.portfolioHeaderState());
    if (settings.portfolioHeaderState().isEmpty())
        m_portfolio->table()->resizeColumnsToContents();
    m_portfolio->setFilter(settings.portfolioFilter());
    int area = 0;
    for (int i = 0; i < m_areas->count(); ++i)
        if (m_areas->item(i)->text().section(u'\n', 0, 0) == settings.lastArea())
            area = i;
    m_areas->setCurrentRow(area);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    UiSettings settings;
    settings.setMainWindowGeometry(saveGeometry());
    settings.setMainWindowState(saveState());
    settings.setPortfolioHeaderState(m_portfolio->table()->horizontalHeader()->saveState());
    settings.setPortfolioFilter(m_portfolio->filter());
    if (QListWidgetItem *item = m_areas->currentItem())
        settings.setLastArea(item->text().section(u'\n', 0, 0));
    // The day's first session leaves a backup behind (rotated: 7 daily, 4 weekly).
    const BackupManager backups(m_db, BackupManager::folderFor(m_db.path()), m_clock);
    if (m_db.path() != QLatin1String(":memory:") && backups.dailyBackupDue()) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        QString error;
        const bool ok = backups.runDailyIfDue(&error);
        QApplication::restoreOverrideCursor();
        if (!ok)
            QMessageBox::warning(this, tr("Respaldo diario"), tr("No se pudo hacer el respaldo del día: %1").arg(error));
    }
    event->accept();
}

void MainWindow::updateStatus()
{
    QString who = tr("%1 (%2)").arg(m_session.fullName, roleLabel(m_session.role));
    if (!m_session.branchCode.isEmpty()) {
        const auto branch = DirectoryStore(m_db).branchByCode(m_session.branchCode);
        who += tr(" · Agencia %1").arg(branch ? branch->name : m_session.branchCode);
    }
    m_userLabel->setText(who);
    const QDate cutOff = m_portfolio->currentCutOff();
    m_cutOffLabel->setText(cutOff.isValid() ? tr("Corte: %1").arg(dayText(cutOff))
                                            : tr("Sin cortes importados"));
}

void MainWindow::openCreditDetail(const QString &creditNumber)
{
    if (creditNumber.isEmpty())
        return;
    CreditDetailDialog dialog(m_db, creditNumber, m_portfolio->model()->rules(), this);
    dialog.exec();
}

void MainWindow::importPortfolio()
{
    ImportDialog::chooseAndRun(this, m_db.path(), m_session, [this](const ImportResult &result) {
        if (result.outcome == ImportResult::Outcome::Accepted) {
            m_portfolio->reloadSnapshots(result.cutOff);
            if (m_tray)
                m_tray->reloadSnapshots();
            if (m_notices)
                m_notices->reload();
        }
        m_administration->refresh();
    });
}

void MainWindow::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Exportar a CSV"),
        tr("cartera-%1.csv").arg(m_portfolio->currentCutOff().toString(Qt::ISODate)),
        tr("CSV para Excel (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    QString error;
    const PortfolioModel *m = m_portfolio->model();
    if (!file.open(QIODevice::WriteOnly) || !exportPortfolioCsv(&file, m->lines(), m->visibleRows(), m->rules(), &error)
        || !file.commit()) {
        QMessageBox::warning(this, tr("Exportar a CSV"),
                             tr("No se pudo guardar %1: %2").arg(path, error.isEmpty() ? file.errorString() : error));
        return;
    }
    statusBar()->showMessage(tr("%1 créditos exportados a %2").arg(m->visibleCount()).arg(path), 8000);
}

void MainWindow::exportXlsx()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Exportar a Excel"),
        tr("cartera-%1.xlsx").arg(m_portfolio->currentCutOff().toString(Qt::ISODate)), tr("Libro de Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    const PortfolioModel *m = m_portfolio->model();
    const QString title = tr("Cartera al %1 — %2")
                              .arg(dayText(m_portfolio->currentCutOff()),
                                   m_portfolio->describeFilter());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportPortfolioXlsx(path, m->lines(), m->visibleRows(), m->rules(), title, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(this, tr("Exportar a Excel"), tr("No se pudo guardar %1: %2").arg(path, error));
        return;
    }
    statusBar()->showMessage(tr("%1 créditos exportados a %2").arg(m->visibleCount()).arg(path), 8000);
}

void MainWindow::exportPdf()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Exportar a PDF"), tr("cartera-%1.pdf").arg(m_portfolio->currentCutOff().toString(Qt::ISODate)),
        tr("Documento PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = PortfolioPrinting(m_db, *m_portfolio).writePdf(path, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Exportar a PDF"), error);
    else
        statusBar()->showMessage(tr("PDF guardado en %1").arg(path), 8000);
}

void MainWindow::printPreview()
{
    PortfolioPrinting(m_db, *m_portfolio).preview(this);
}

void MainWindow::copyRows()
{
    // The selected rows as tab-separated text, which pastes into a spreadsheet as cells.
    const QModelIndexList rows = m_portfolio->table()->selectionModel()->selectedRows();
    const PortfolioModel *m = m_portfolio->model();
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m->columnCount(); ++c)
        header << m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    lines << header.join(u'\t');
    for (const QModelIndex &r : rows) {
        QStringList cells;
        for (int c = 0; c < m->columnCount(); ++c)
            cells << m->data(m->index(r.row(), c), Qt::DisplayRole).toString();
        lines << cells.join(u'\t');
    }
    if (rows.isEmpty())
        return;
    QApplication::clipboard()->setText(lines.join(u'\n'));
    statusBar()->showMessage(tr("%1 filas copiadas").arg(rows.size()), 5000);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_db, m_session, this);
    if (dialog.exec() == QDialog::Accepted) {
        setWindowTitle(tr("%1 — Cobranza")
                           .arg(SettingsStore(m_db).value(SettingsStore::CooperativeName, tr("Cooperativa"))));
        m_portfolio->reloadSnapshots(); // rules may have changed the derived columns
    }
}

void MainWindow::changePassword()
{
    ChangePasswordDialog dialog(m_db, m_session, m_clock, PasswordHasher::interactive(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Contraseña cambiada."), 8000);
}

void MainWindow::showHelp()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Ayuda de Cobranza"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr(
        "<h3>Cobranza</h3>"
        "<p><b>Cartera</b> (Ctrl+1): elija el corte, filtre por sucursal, oficial, sector, segmento, calificación, "
        "calificación anterior, días de mora o solo los reclasificados, y busque por nombre, cédula, número de socio "
        "o de crédito (Ctrl+F). Haga clic en un encabezado para ordenar. Doble clic o Intro abre la ficha del "
        "crédito.</p>"
        "<p><b>Reclasificado</b>: la calificación es peor que al cierre del mes anterior; esos créditos tienen "
        "prioridad al planificar las visitas.</p>"
        "<p><b>Archivo → Importar cartera</b> (Ctrl+I) carga el reporte de créditos vencidos y por vencer. "
        "Un archivo con errores se rechaza completo y la base no cambia.</p>"
        "<p><b>Exportar</b>: las filas visibles a CSV, Excel (Ctrl+E) o PDF; <b>Imprimir</b> con Ctrl+P.</p>"
        "<p><b>Bandejas</b> (Ctrl+2): la bandeja de créditos vencidos y por vencer del corte, con lo ya agendado, "
        "la última gestión, la fecha de reagendamiento, la etapa de cobranza y las promesas de pago. Marque los "
        "créditos con la barra espaciadora (o «Marcar visibles»), elija el funcionario y la fecha y agende con "
        "Ctrl+Intro. «Solo rezagados» muestra los socios en mora que nadie agendó este mes.</p>"
        "<p><b>Agenda</b> (Ctrl+3): la hoja de ruta de cada funcionario para un día: ordene las visitas con "
        "Ctrl+↑ / Ctrl+↓ o arrastrando, «Optimizar ruta» las agrupa por sector y acorta el recorrido; el mapa "
        "muestra el recorrido y los cruces de zona. El Coordinador da el visto bueno a las de los asesores y el "
        "Pivot de Crédito a las de los oficiales de cobranzas; imprima la hoja de ruta de 08:45 a 09:00.</p>"
        "<p><b>Notificaciones</b> (Ctrl+4): las notificaciones escritas que pide la escalera de cobranza y aún no "
        "se entregan en esta mora; márquelas e imprímalas (socio y cada garante) en un PDF o en la impresora. La "
        "entrega se registra con el resultado de la visita.</p>"
        "<p><b>Supervisión</b> (Ctrl+5): la revisión diaria del Pivot por persona (agendadas, registradas, "
        "faltantes, fuera de plazo, rezagados y las justificaciones a leer), la verificación telefónica, la muestra "
        "física sorteada con su semilla y el reporte mensual de errores F.1-A en PDF, Excel o CSV.</p>"
        "<p><b>Indicadores</b> (Ctrl+6): cartera en mora y morosidad mes a mes, por agencia y calificación, niveles "
        "de riesgo, provisión requerida, visitas, resultados, promesas cumplidas, recaudación y errores por persona, "
        "cada uno con su ficha técnica y meta; exporte los datos a Excel y el gráfico a PDF.</p>"
        "<p><b>Administración</b> (Ctrl+9): historial de importaciones, configuración de la cooperativa y sus reglas, "
        "respaldo y revisión de la base de datos.</p>"));
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("Acerca de Cobranza"),
                       tr("<h3>Cobranza %1</h3><p>Estación de trabajo de cobranzas para cooperativas de ahorro y "
                          "crédito: cartera, hojas de ruta, resultados de visitas, notificaciones y supervisión.</p>"
                          "<p>Qt %2 · SQLite</p>")
                           .arg(QStringLiteral(COBRANZA_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace cobranza
