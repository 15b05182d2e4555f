#pragma once

#include "clock.h"
#include "session.h"

#include <QDate>
#include <QMainWindow>

#include <functional>
#include <map>
#include <optional>
#include <utility>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace cobranza {

class AdministrationView;
class AgendaView;
class DashboardView;
class Database;
class NoticesView;
class SupervisionView;
class PortfolioView;
class TrayView;

// The workstation's main window: one area per job (only the areas that work are shown), the
// desktop menus and shortcuts, and a status bar saying who works where on which cut-off.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    PortfolioView *portfolioView() const { return m_portfolio; }
    TrayView *trayView() const { return m_tray; }     // nullptr for roles that plan no route sheet
    AgendaView *agendaView() const { return m_agenda; } // nullptr for roles without an agenda
    NoticesView *noticesView() const { return m_notices; } // nullptr for roles that print none
    void showAreaNamed(const QString &name);
    void openCreditDetail(const QString &creditNumber);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void addArea(const QString &name, QWidget *page, const QKeySequence &shortcut);
    // An area whose page is built the first time it is shown: each work area reads its data when
    // made, and a sign-in should not pay for the areas the user never opens.
    void addLazyArea(const QString &name, std::function<QWidget *()> make, const QKeySequence &shortcut);
    void connectRouteAreas(); // tray ↔ agenda, once both exist
    void showArea(int index);
    void importPortfolio();
    void exportCsv();
    void exportXlsx();
    void exportPdf();
    void printPreview();
    void copyRows();
    void openSettings();
    void showHelp();
    void showAbout();
    void changePassword();
    void updateStatus();
    void restoreState();

    Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QListWidget *m_areas;
    QStackedWidget *m_pages;
    PortfolioView *m_portfolio;
    TrayView *m_tray = nullptr;
    AgendaView *m_agenda = nullptr;
    NoticesView *m_notices = nullptr;
    SupervisionView *m_supervision = nullptr;
    DashboardView *m_dashboard = nullptr;
    AdministrationView *m_administration;
    QLabel *m_userLabel;
    QLabel *m_cutOffLabel;
    QLabel *m_databaseLabel;
    QList<QAction *> m_areaActions;
    std::map<int, std::function<QWidget *()>> m_pendingAreas; // page index → how to make it
    std::optional<std::pair<qint64, QDate>> m_bookedSheet;      // booked before the agenda existed
    bool m_routeAreasConnected = false;
};

} // namespace cobranza
