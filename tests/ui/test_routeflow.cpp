// The morning's planning as a coordinator does it, keyboard only: Bandejas, five credits ticked for
// an advisor and booked for tomorrow, the Agenda shows them, the visto bueno is given.
#include "auth/passwordhasher.h"
#include "demo/demoseeder.h"
#include "mainwindow.h"
#include "routes/agendaview.h"
#include "routes/routevisitmodel.h"
#include "routes/traymodel.h"
#include "routes/trayview.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kSunday(2026, 11, 22);
const QDate kMonday(2026, 11, 23);

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

TEST_CASE("Route flow: a coordinator books five credits for an advisor by keyboard and approves", "[ui][routeflow]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("flow.sqlite")), &error);
    REQUIRE(db);
    DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    REQUIRE(seeder.seedDirectory(&error));
    const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
    REQUIRE(seeder.importPortfolio(*admin, 800, 5, kSunday.addDays(-1), false).accepted());
    const auto coordinator = DirectoryStore(*db).sessionFor(QStringLiteral("mvbenalcazar"));
    REQUIRE(coordinator);
    FixedClock clock(QDateTime(kSunday, QTime(17, 30)));

    MainWindow window(*db, *coordinator, clock);
    CHECK(areasOf(window) == QStringList{QStringLiteral("Cartera"), QStringLiteral("Bandejas"), QStringLiteral("Agenda"),
                                         QStringLiteral("Notificaciones"), QStringLiteral("Supervisión"),
                                         QStringLiteral("Indicadores")});
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    TrayView *tray = window.trayView();
    REQUIRE(tray->isVisible());
    // The first person offered is an advisor; tomorrow is the default date.
    const QString advisorName = tray->staffChooser()->currentText().section(QStringLiteral(" — "), 0, 0);
    CHECK(tray->staffChooser()->currentText().endsWith(QStringLiteral("Asesor de Negocios")));
    CHECK(tray->dateEdit()->date() == kMonday);
    const auto advisor = [&] {
        for (const StaffMember &s : DirectoryStore(*db).staff())
            if (s.fullName == advisorName)
                return s;
        FAIL("advisor not found");
        return StaffMember{};
    }();

    QTableView *table = tray->table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    QStringList expected;
    for (int i = 0; i < 5; ++i) {
        expected << tray->model()->lineAt(table->currentIndex().row())->row.creditNumber;
        QTest::keyClick(table, Qt::Key_Space);
        QTest::keyClick(table, Qt::Key_Down);
    }
    CHECK(tray->model()->tickedCount() == 5);
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
    INFO(tray->statusLabel()->text().toStdString());
    CHECK(queryInt(*db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE worker_id = %1 AND visit_date = '2026-11-23'")
                            .arg(advisor.id))
          == 5);

    // The agenda of tomorrow, the advisor's sheet: the five visits in the order ticked.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    AgendaView *agenda = window.agendaView();
    REQUIRE(agenda->isVisible());
    // Tab to «Mañana» and press it.
    auto *tomorrow = qobject_cast<QPushButton *>(buttonWithText(agenda, QStringLiteral("Mañana")));
    REQUIRE(tomorrow);
    tomorrow->setFocus(Qt::TabFocusReason);
    QTest::keyClick(tomorrow, Qt::Key_Space);
    CHECK(agenda->currentDate() == kMonday);
    if (agenda->currentWorkerId() != advisor.id)
        agenda->showSheet(advisor.id, kMonday);
    REQUIRE(agenda->currentWorkerId() == advisor.id);
    QStringList shown;
    for (const RouteVisit &v : agenda->sheet().visits)
        shown << v.creditNumber;
    CHECK(shown == expected);
    REQUIRE(agenda->approveButton()->isEnabled());
    agenda->approveButton()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(agenda->approveButton(), Qt::Key_Space); // Dar visto bueno
    CHECK(queryInt(*db, QStringLiteral("SELECT approved_by FROM route_sheets WHERE staff_id = %1 AND visit_date = '2026-11-23'")
                            .arg(advisor.id))
          == coordinator->staffId);
    CHECK(agenda->sheet().approved());
}
