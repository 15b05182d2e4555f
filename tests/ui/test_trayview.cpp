// The tray generator as a coordinator uses it: the keyboard ticks credits, chooses the advisor and
// books; what reaches the database is checked.
#include "bookingfixture.h"
#include "routes/traymodel.h"
#include "routes/trayview.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

int rowOf(const TrayModel &m, const QString &credit)
{
    for (int r = 0; r < m.visibleCount(); ++r)
        if (m.lineAt(r)->row.creditNumber == credit)
            return r;
    return -1;
}

} // namespace

TEST_CASE("Tray view: opens on the cut-off with the branch's overdue credits - filtered for the advisor chosen", "[ui][tray]")
{
    ensureGuiApp();
    BookingFixture f;
    TrayView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    CHECK(view.currentCutOff() == kCutOff);
    CHECK(view.model()->tray().lines.size() == 5); // IBA's overdue credits of the fixture
    // The coordinator books for the advisors and himself; the first one chosen is an advisor, so the
    // tray shows the advisors' ratings only.
    QStringList people;
    for (int i = 0; i < view.staffChooser()->count(); ++i)
        people << view.staffChooser()->itemText(i);
    CHECK(people.size() == 3);
    CHECK(people.filter(QStringLiteral("COORDINADOR IBARRA")).size() == 1);
    CHECK(people.filter(QStringLiteral("OFICIAL")).isEmpty());
    REQUIRE(view.staffChooser()->currentText().contains(QStringLiteral("Asesor de Negocios")));
    CHECK(view.model()->visibleCount() == 1); // CR-000001, A3

    // An advisor books nobody: the tray is read-only for him.
    TrayView advisor(*f.db, f.session(QStringLiteral("epsubia")), f.clock);
    CHECK_FALSE(advisor.bookButton()->isEnabled());
    CHECK(advisor.statusLabel()->text().contains(QStringLiteral("solo de consulta")));
}

TEST_CASE("Tray view: the keyboard ticks and books - a refusal says why and books nothing", "[ui][tray]")
{
    ensureGuiApp();
    BookingFixture f;
    TrayView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    view.resize(1200, 700);
    view.show();
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    QTableView *table = view.table();
    table->setFocus();
    // Widen to every role: the coordinator ticks an advisor's credit and one of his own ratings.
    auto *responsible = view.findChild<QComboBox *>(QStringLiteral("trayResponsible"));
    REQUIRE(responsible);
    responsible->setCurrentIndex(0);
    const int a3 = rowOf(*view.model(), QStringLiteral("CR-000001"));
    const int b1 = rowOf(*view.model(), QStringLiteral("CR-000003"));
    REQUIRE(a3 >= 0);
    REQUIRE(b1 >= 0);
    table->setCurrentIndex(view.model()->index(a3, TrayModel::Member));
    QTest::keyClick(table, Qt::Key_Space);
    table->setCurrentIndex(view.model()->index(b1, TrayModel::Member));
    QTest::keyClick(table, Qt::Key_Space);
    CHECK(view.model()->tickedCount() == 2);
    CHECK(view.bookButton()->text() == QStringLiteral("Agendar 2"));

    view.dateEdit()->setDate(kToday);
    ModalCloser closer;
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(closer.shown().size() == 1);
    CHECK(closer.shown().first().contains(QStringLiteral("CR-000003 tiene calificación B1")));
    CHECK(f.bookings() == 0);
    CHECK(view.model()->tickedCount() == 2); // nothing lost: untick the wrong one and book again

    table->setCurrentIndex(view.model()->index(rowOf(*view.model(), QStringLiteral("CR-000003")), TrayModel::Member));
    QTest::keyClick(table, Qt::Key_Space);
    INFO(view.model()->ticked().join(u' ').toStdString());
    REQUIRE(view.model()->tickedCount() == 1);
    view.activateWindow(); // as it is again for the person once the message is closed
    REQUIRE(QTest::qWaitForWindowActive(&view));
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE credit_number = 'CR-000001' AND worker_id = 2")) == 1);
    CHECK(view.statusLabel()->text().contains(QStringLiteral("Se agendaron 1 crédito(s)")));
    CHECK(view.model()->tickedCount() == 0);
    // The tray shows it booked, to whom.
    const int row = rowOf(*view.model(), QStringLiteral("CR-000001"));
    CHECK(view.model()->index(row, TrayModel::Booked).data().toString().contains(QStringLiteral("PINEDA VACA ANA")));
}
