// Drives the Agenda area as a coordinator (and an advisor) would: choose the advisor, move a visit
// with the keyboard or by dragging, take one off, give the visto bueno, save the PDF; asserts on
// what reached the database.
#include "bookingfixture.h"
#include "demo/demoseeder.h"
#include "routes/agendaview.h"
#include "routes/approvalservice.h"
#include "routes/routemapwidget.h"
#include "routes/routevisitmodel.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>

using namespace cobranza;
using namespace cobranza::test;

namespace {

constexpr qint64 kAdvisor = 2; // epsubia, PINEDA VACA ANA

// Listed first among the bases: BookingFixture would otherwise create a QCoreApplication, and widgets
// need a QApplication.
struct GuiApp
{
    GuiApp() { ensureGuiApp(); }
};

// The fixture with CR-000001 and CR-000002 booked by the coordinator on the advisor's sheet of today.
struct AgendaFixture : GuiApp, BookingFixture
{
    AgendaFixture()
    {
        REQUIRE(book(QStringLiteral("coord"), cr({1, 2}), kAdvisor).ok);
    }

    // The advisor's active visits of today, in stored route order.
    QStringList route() const
    {
        QSqlQuery q(db->connection());
        REQUIRE(q.exec(QStringLiteral("SELECT credit_number FROM bookings WHERE worker_id = 2 AND "
                                      "visit_date = '2026-11-23' AND cancelled_at IS NULL ORDER BY route_order, id")));
        QStringList out;
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    QString approvedBy() const
    {
        return text(QStringLiteral("SELECT IFNULL(approved_by, '') FROM route_sheets WHERE staff_id = 2 "
                                   "AND visit_date = '2026-11-23'"));
    }
    std::unique_ptr<AgendaView> view(const QString &username)
    {
        auto v = std::make_unique<AgendaView>(*db, session(username), clock);
        v->resize(1280, 800);
        v->show();
        REQUIRE(QTest::qWaitForWindowExposed(v.get()));
        return v;
    }
};

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *w = parent.findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

QStringList comboTexts(const QComboBox *combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out.append(combo->itemText(i));
    return out;
}

// Chooses the person in the combo the way the keyboard does: the entry becomes current.
void choosePerson(AgendaView &view, qint64 staffId)
{
    QComboBox *people = view.personChooser();
    const int i = people->findData(staffId);
    REQUIRE(i >= 0);
    people->setFocus();
    people->setCurrentIndex(i);
    REQUIRE(view.currentWorkerId() == staffId);
}

void clickRow(QTableView *table, int row)
{
    const QRect cell = table->visualRect(table->model()->index(row, 1));
    REQUIRE(cell.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    REQUIRE(table->currentIndex().row() == row);
}

// Answers the next message box with `button` and keeps its text.
void answerNextBox(QMessageBox::StandardButton button, QString *text)
{
    whenModalShown([button, text](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box) {
            modal->close();
            return;
        }
        if (text)
            *text = box->text();
        box->button(button)->click();
    });
}

} // namespace

TEST_CASE("Agenda lists the branch's people with their visits and approval", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    QComboBox *people = view->personChooser();
    CHECK(people->isEnabled());
    const QStringList texts = comboTexts(people);
    CHECK(texts.contains(QStringLiteral("PINEDA VACA ANA — 2 visitas — pendiente")));
    CHECK(texts.contains(QStringLiteral("TORRES LUNA JUAN — sin visitas")));
    CHECK(texts.join(u'\n').contains(QStringLiteral("COORDINADOR IBARRA")));
    CHECK_FALSE(texts.join(u'\n').contains(QStringLiteral("COBRANZAS COOP"))); // the pooled user has no sheet
    CHECK_FALSE(texts.join(u'\n').contains(QStringLiteral("OTAVALO")));        // another branch
    CHECK(view->dateEdit()->date() == kToday);
    // The coordinator has no visits himself: the first person with visits is shown.
    CHECK(view->currentWorkerId() == kAdvisor);
    CHECK(view->model()->rowCount() == 2);
    CHECK(view->model()->index(0, RouteVisitModel::State).data().toString() == QStringLiteral("Agendado"));
    CHECK(child<QLabel>(*view, "approvalStatus")->text().contains(QStringLiteral("Pendiente de visto bueno")));
    CHECK(child<QLabel>(*view, "agendaSummary")->text().replace(QChar::Nbsp, u' ').toStdString()
          == "2 visitas · 0,0 km · 0 cruces de zona · Valor vencido total $ 482,00");

    QTest::mouseClick(buttonWithText(view.get(), QStringLiteral("Mañana")), Qt::LeftButton);
    CHECK(view->currentDate() == kToday.addDays(1));
    CHECK(view->currentWorkerId() == kAdvisor); // the same person, another day
    CHECK(view->model()->rowCount() == 0);
    CHECK(comboTexts(people).contains(QStringLiteral("PINEDA VACA ANA — sin visitas")));
    CHECK_FALSE(view->approveButton()->isEnabled());
    QTest::mouseClick(buttonWithText(view.get(), QStringLiteral("Hoy")), Qt::LeftButton);
    CHECK(view->model()->rowCount() == 2);
}

TEST_CASE("Ctrl+Down on the first visit stores the new route order", "[ui][agenda]")
{
    AgendaFixture f;
    REQUIRE(f.route() == cr({1, 2}));
    auto view = f.view(QStringLiteral("coord"));
    QSignalSpy changed(view.get(), &AgendaView::sheetChanged);
    choosePerson(*view, kAdvisor);
    QTableView *table = view->table();
    clickRow(table, 0);
    REQUIRE(view->model()->visitAt(0)->creditNumber == QStringLiteral("CR-000001"));

    ModalCloser closer; // a refusal would otherwise wait for a click forever
    QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier);
    CHECK(closer.shown().isEmpty());
    CHECK(f.route() == cr({2, 1}));
    CHECK(f.audits(QStringLiteral("ROUTE_REORDERED")) == 1);
    CHECK(changed.count() == 1);
    // The moved visit stays selected, now second, so it can be moved on.
    CHECK(table->currentIndex().row() == 1);
    CHECK(view->model()->visitAt(1)->creditNumber == QStringLiteral("CR-000001"));
    CHECK(view->model()->visitAt(1)->order == 2);

    // The last one cannot go further down; Ctrl+Up brings it back.
    QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier);
    CHECK(f.route() == cr({2, 1}));
    QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier);
    CHECK(f.route() == cr({1, 2}));
    // Plain arrows still only move the selection.
    QTest::keyClick(table, Qt::Key_Down);
    CHECK(f.route() == cr({1, 2}));
    CHECK(table->currentIndex().row() == 1);
    // The Subir button does what Ctrl+Up does.
    QTest::mouseClick(buttonWithText(view.get(), QStringLiteral("Subir")), Qt::LeftButton);
    CHECK(f.route() == cr({2, 1}));
}

TEST_CASE("Dropping a dragged visit elsewhere stores the new route order", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    RouteVisitModel *model = view->model();
    // What the table does when the second row is dropped above the first.
    std::unique_ptr<QMimeData> data(model->mimeData({model->index(1, 0)}));
    CHECK_FALSE(model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {})); // the view must not remove rows
    QTest::qWait(50); // the order is stored once the drop has finished
    CHECK(f.route() == cr({2, 1}));
    CHECK(view->model()->visitAt(0)->creditNumber == QStringLiteral("CR-000002"));
}

TEST_CASE("Moving visits for a drop keeps the others in their order", "[ui][agenda]")
{
    const QList<qint64> ids{10, 20, 30, 40};
    CHECK(movedOrder(ids, {10}, 3) == QList<qint64>{20, 30, 10, 40});
    CHECK(movedOrder(ids, {10}, -1) == QList<qint64>{20, 30, 40, 10});
    CHECK(movedOrder(ids, {40}, 0) == QList<qint64>{40, 10, 20, 30});
    CHECK(movedOrder(ids, {20, 30}, 4) == QList<qint64>{10, 40, 20, 30});
    CHECK(movedOrder(ids, {30}, 2) == ids); // dropped onto its own place
}

TEST_CASE("Changing an approved sheet asks first and then needs approval again", "[ui][agenda]")
{
    AgendaFixture f;
    QString error;
    REQUIRE(ApprovalService(*f.db, f.session(QStringLiteral("coord")), PermissionTable::defaults(), f.clock)
                .approve(kAdvisor, kToday, &error));
    auto view = f.view(QStringLiteral("coord"));
    CHECK(child<QLabel>(*view, "approvalStatus")->text().contains(QStringLiteral("aprobada por COORDINADOR IBARRA")));
    CHECK_FALSE(view->approveButton()->isEnabled());
    clickRow(view->table(), 0);

    QString asked;
    answerNextBox(QMessageBox::No, &asked);
    QTest::keyClick(view->table(), Qt::Key_Down, Qt::ControlModifier);
    CHECK(asked == QStringLiteral("La hoja de ruta ya tiene visto bueno. Si la cambia, necesitará aprobarse otra vez. "
                                  "¿Continuar?"));
    CHECK(f.route() == cr({1, 2}));
    CHECK(f.approvedBy() == QStringLiteral("4"));

    answerNextBox(QMessageBox::Yes, nullptr);
    QTest::keyClick(view->table(), Qt::Key_Down, Qt::ControlModifier);
    CHECK(f.route() == cr({2, 1}));
    CHECK(f.approvedBy().isEmpty());
    CHECK(child<QLabel>(*view, "approvalStatus")->text().contains(QStringLiteral("Pendiente de visto bueno")));
    CHECK(view->approveButton()->isEnabled());
}

TEST_CASE("A refused reorder is explained in Spanish and nothing changes", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    clickRow(view->table(), 0);
    f.at(8, 46, 0); // the booking window closed while the sheet was open
    ModalCloser closer;
    QTest::keyClick(view->table(), Qt::Key_Down, Qt::ControlModifier);
    REQUIRE(closer.shown().size() == 1);
    const QString told = closer.shown().constFirst();
    CHECK(told.at(0).isUpper());
    CHECK(told.contains(QStringLiteral("08:45")));
    CHECK(f.route() == cr({1, 2}));
    // Reloaded, the view now knows: moving is off, with the reason on the buttons.
    CHECK_FALSE(buttonWithText(view.get(), QStringLiteral("Bajar"))->isEnabled());
    CHECK(buttonWithText(view.get(), QStringLiteral("Bajar"))->toolTip().contains(QStringLiteral("08:45")));
}

TEST_CASE("Dar visto bueno stores who approved the sheet", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    choosePerson(*view, kAdvisor);
    QPushButton *approve = view->approveButton();
    REQUIRE(approve->isEnabled());
    QSignalSpy changed(view.get(), &AgendaView::sheetChanged);
    ModalCloser closer;
    QTest::mouseClick(approve, Qt::LeftButton);
    CHECK(closer.shown().isEmpty());
    CHECK(f.approvedBy() == QStringLiteral("4"));
    CHECK(f.audits(QStringLiteral("APPROVED")) == 1);
    CHECK(changed.count() == 1);
    CHECK_FALSE(approve->isEnabled());
    CHECK(child<QLabel>(*view, "approvalStatus")->text().contains(QStringLiteral("aprobada por COORDINADOR IBARRA el "
                                                                                 "23/11/2026 08:00")));
    CHECK(view->personChooser()->currentText() == QStringLiteral("PINEDA VACA ANA — 2 visitas — ✓ aprobada"));

    // Nobody approves his own sheet: the button says why.
    choosePerson(*view, 4);
    CHECK_FALSE(approve->isEnabled());
}

TEST_CASE("An advisor sees only his own sheet and cannot approve or reorder it", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("epsubia"));
    QComboBox *people = view->personChooser();
    CHECK(people->count() == 1);
    CHECK_FALSE(people->isEnabled());
    CHECK(view->currentWorkerId() == kAdvisor);
    CHECK(view->model()->rowCount() == 2);
    QPushButton *approve = view->approveButton();
    CHECK_FALSE(approve->isEnabled());
    CHECK(approve->toolTip().startsWith(QStringLiteral("Nadie da el visto bueno a su propia hoja de ruta")));
    CHECK_FALSE(buttonWithText(view.get(), QStringLiteral("Optimizar ruta"))->isEnabled());
    CHECK(buttonWithText(view.get(), QStringLiteral("Vista previa…"))->isEnabled()); // he prints it

    clickRow(view->table(), 0);
    ModalCloser closer;
    QTest::keyClick(view->table(), Qt::Key_Down, Qt::ControlModifier);
    CHECK(closer.shown().isEmpty());
    CHECK(f.route() == cr({1, 2}));
    // Asking for someone else's sheet changes nothing.
    view->showSheet(3, kToday);
    CHECK(view->currentWorkerId() == kAdvisor);
}

TEST_CASE("Desagendar asks for the reason and takes the visit off", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    clickRow(view->table(), 0);
    bool okWasDisabled = false;
    whenModalShown([&okWasDisabled](QWidget *modal) {
        auto *reason = modal->findChild<QLineEdit *>(QStringLiteral("unbookReason"));
        QAbstractButton *ok = buttonWithText(modal, QStringLiteral("Desagendar"));
        if (!reason || !ok) {
            modal->close();
            return;
        }
        okWasDisabled = !ok->isEnabled(); // the reason is required
        typeText(reason, QStringLiteral("Pagó en ventanilla"));
        ok->click();
    });
    QTest::mouseClick(buttonWithText(view.get(), QStringLiteral("Desagendar…")), Qt::LeftButton);
    CHECK(okWasDisabled);
    CHECK(f.route() == cr({2}));
    CHECK(f.text(QStringLiteral("SELECT cancel_reason FROM bookings WHERE credit_number = 'CR-000001'"))
          == QStringLiteral("Pagó en ventanilla"));
    CHECK(view->model()->rowCount() == 1);
    CHECK(view->table()->currentIndex().row() == 0);
    CHECK(view->personChooser()->currentText() == QStringLiteral("PINEDA VACA ANA — 1 visita — pendiente"));
}

TEST_CASE("The printing window is highlighted while it is open today", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    QLabel *window = child<QLabel>(*view, "printWindow");
    CHECK(window->text() == QStringLiteral("Impresión de la hoja de ruta: 08:45 a 09:00"));
    CHECK_FALSE(window->property("active").toBool());
    f.at(8, 50, 0);
    view->reload();
    CHECK(window->property("active").toBool());
    view->showSheet(kAdvisor, kToday.addDays(1)); // tomorrow's sheet is not printed today
    CHECK_FALSE(window->property("active").toBool());
}

TEST_CASE("Guardar PDF writes the sheet where the user chose", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    const QString path = f.dir.filePath(QStringLiteral("hoja-de-ruta-epsubia-2026-11-23.pdf"));
    QString suggested;
    // Keeps the suggested name in another folder; an error message, if any, is closed and kept.
    ModalCloser closer([&](QWidget *modal) {
        if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
            suggested = dialog->selectedFiles().value(0);
            dialog->setDirectory(f.dir.path());
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, which is protected there
        }
    });
    QTest::mouseClick(buttonWithText(view.get(), QStringLiteral("Guardar PDF…")), Qt::LeftButton);
    CHECK(QFileInfo(suggested).fileName() == QStringLiteral("hoja-de-ruta-epsubia-2026-11-23.pdf"));
    CHECK(closer.shown().isEmpty());
    CHECK(child<QLabel>(*view, "agendaNotice")->text().toStdString() == QStringLiteral("PDF guardado en %1").arg(path).toStdString());
    CHECK(QFileInfo(path).size() > 1000);
}

TEST_CASE("Vista previa shows the route sheet as it prints", "[ui][agenda]")
{
    AgendaFixture f;
    auto view = f.view(QStringLiteral("coord"));
    QString shown;
    ModalCloser closer([&shown](QWidget *modal) { shown = QString::fromLatin1(modal->metaObject()->className()); });
    QTest::mouseClick(buttonWithText(view.get(), QStringLiteral("Vista previa…")), Qt::LeftButton);
    CHECK(shown == QStringLiteral("QPrintPreviewDialog"));
}

TEST_CASE("Agenda screenshot of a demo day with twelve visits", "[ui][agenda][screenshot]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")), &error);
    REQUIRE(db);
    DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    REQUIRE(seeder.seedDirectory(&error));
    const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
    REQUIRE(admin);
    REQUIRE(seeder.importPortfolio(*admin, 1500, 99, kCutOff, false).accepted());

    const auto coordinator = DirectoryStore(*db).sessionFor(QStringLiteral("mvbenalcazar"));
    const auto advisor = DirectoryStore(*db).sessionFor(QStringLiteral("agchamorro"));
    REQUIRE(coordinator);
    REQUIRE(advisor);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT sc.credit_number FROM snapshot_credits sc JOIN snapshots s ON s.id = "
                                  "sc.snapshot_id WHERE s.cut_off = '2026-11-21' AND sc.branch_code = 'IBA' AND "
                                  "sc.rating IN ('A1', 'A2', 'A3') AND sc.days_past_due > 0 "
                                  "ORDER BY sc.officer = 'agchamorro' DESC, sc.credit_number LIMIT 12")));
    QStringList credits;
    while (q.next())
        credits.append(q.value(0).toString());
    REQUIRE(credits.size() == 12);
    FixedClock clock(QDateTime(kToday, QTime(8, 0)));
    const BookingService booking(*db, *coordinator, PermissionTable::defaults(), RatingRoles::defaults(),
                                 TimeWindows{}, clock);
    const BookResult booked = booking.book(credits, advisor->staffId, kToday, kCutOff);
    INFO(booked.reasons().join(u'\n').toStdString());
    REQUIRE(booked.ok);

    AgendaView view(*db, *coordinator, clock);
    view.resize(1280, 800);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.showSheet(advisor->staffId, kToday);
    REQUIRE(view.model()->rowCount() == 12);
    view.grab().save(QStringLiteral("/tmp/agenda-before.png"));

    ModalCloser closer;
    view.optimizeRoute();
    CHECK(closer.shown().isEmpty());
    clickRow(view.table(), 3);
    QTest::qWait(50);
    const QString path = QStringLiteral("/tmp/agenda-view.png");
    REQUIRE(view.grab().save(path));
    CHECK(QFileInfo(path).size() > 10000);
    CHECK(view.map()->highlighted() == 3);
}
