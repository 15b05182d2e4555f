// The main window as each role sees it: the areas offered and the branch whose credits it shows.
#include "demo/demoseeder.h"
#include "mainwindow.h"
#include "portfolio/portfoliomodel.h"
#include "portfolio/portfolioview.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "uitestsupport.h"

#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

// Made once and never destroyed (a static Database would close after Qt's SQL module at exit).
const Database &demo()
{
    static Database *db = nullptr;
    if (!db) {
        test::ensureGuiApp();
        QStandardPaths::setTestModeEnabled(true);
        static QTemporaryDir *dir = new QTemporaryDir;
        QString error;
        db = Database::open(dir->filePath(QStringLiteral("mw.sqlite")), &error).release();
        REQUIRE(db);
        DemoSeeder seeder(*db, PasswordHasher::fastForTests());
        REQUIRE(seeder.seedDirectory(&error));
        const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
        REQUIRE(seeder.importPortfolio(*admin, 800, 5, QDate(2026, 11, 21), false).accepted());
    }
    return *db;
}

QStringList areasOf(MainWindow &w)
{
    QStringList out;
    auto *list = w.findChild<QListWidget *>(QStringLiteral("areaList"));
    REQUIRE(list);
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text().section(u'\n', 0, 0);
    return out;
}

} // namespace

TEST_CASE("An advisor sees the portfolio of his branch only and no administration area", "[ui][mainwindow]")
{
    Database &db = const_cast<Database &>(demo());
    const SystemClock clock;
    const auto advisor = DirectoryStore(db).sessionFor(QStringLiteral("epsubia"));
    REQUIRE(advisor);
    REQUIRE(advisor->role == Role::AsesorNegocios);
    MainWindow window(db, *advisor, clock);
    CHECK(areasOf(window) == QStringList{QStringLiteral("Cartera"), QStringLiteral("Agenda"), QStringLiteral("Notificaciones")});
    const PortfolioModel *m = window.portfolioView()->model();
    REQUIRE(m->visibleCount() > 0);
    for (const PortfolioLine &l : m->lines())
        CHECK(l.row.branchCode == advisor->branchCode);
}

TEST_CASE("The administrator sees every branch and the administration area", "[ui][mainwindow]")
{
    Database &db = const_cast<Database &>(demo());
    const SystemClock clock;
    const auto admin = DirectoryStore(db).sessionFor(QStringLiteral("admin"));
    MainWindow window(db, *admin, clock);
    CHECK(areasOf(window) == QStringList{QStringLiteral("Cartera"), QStringLiteral("Administración")});
    CHECK(window.portfolioView()->model()->lines().size() == 800);
}
