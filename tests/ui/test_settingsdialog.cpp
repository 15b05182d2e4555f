// The settings dialog driven as a person would: typing, choosing, pressing Aceptar; then what
// reached the database.
#include "services/settingsservice.h"
#include "settings/branchdialog.h"
#include "settings/settingsdialog.h"
#include "store/database.h"
#include "store/rulesstore.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>

#include <catch2/catch.hpp>

#include <memory>

using namespace cobranza;

namespace {

std::unique_ptr<Database> openDb()
{
    test::ensureGuiApp();
    QString error;
    auto db = Database::open(QStringLiteral(":memory:"), &error);
    REQUIRE(db);
    return db;
}

Session sessionAs(Role role)
{
    return {1, QStringLiteral("usuario"), QStringLiteral("Ana Pérez"), QStringLiteral("AP"), role, 0, QString()};
}

SettingsService service(const Database &db) { return {db, sessionAs(Role::Sistemas), PermissionTable::defaults()}; }

CooperativeProfile storedProfile()
{
    return {QStringLiteral("Cooperativa Andina"), QString(), QStringLiteral("1792060346001"), QStringLiteral("Quito"),
            QString(), QString(), QByteArray(), QString(), 5, 15};
}

template <typename T> T *child(QWidget &root, const char *name)
{
    T *w = root.findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

void showTab(SettingsDialog &dialog, const char *title)
{
    auto *tabs = dialog.findChild<QTabWidget *>();
    REQUIRE(tabs);
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == QString::fromUtf8(title))
            return tabs->setCurrentIndex(i);
    FAIL("no tab " << title);
}

// Clicks a button of the page shown, as several pages have an «Agregar…» or a «Restablecer…».
void click(SettingsDialog &dialog, const char *text)
{
    QWidget *page = dialog.findChild<QTabWidget *>()->currentWidget();
    QAbstractButton *b = test::buttonWithText(page, QString::fromUtf8(text));
    REQUIRE(b);
    REQUIRE(b->isEnabled());
    QTest::mouseClick(b, Qt::LeftButton);
}

// Presses Aceptar expecting the dialog to save; a warning would be closed and fail the test.
void pressOk(SettingsDialog &dialog)
{
    const test::ModalCloser closer;
    auto *box = dialog.findChild<QDialogButtonBox *>(QString(), Qt::FindDirectChildrenOnly);
    REQUIRE(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
    CHECK(closer.shown().join(u'|').toStdString() == "");
}

// Replaces a field's text by typing, as a person selecting it all and writing over it.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    test::typeText(edit, text);
}

// Types over the hours and minutes of a "HH:mm" time edit, entered with Tab as a person would
// (which selects the hour for overtyping).
void typeTime(QTimeEdit *edit, const char *hhmm)
{
    edit->window()->activateWindow(); // back from a message box
    REQUIRE(QTest::qWaitForWindowActive(edit->window()));
    edit->clearFocus();
    edit->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(edit, QString::fromLatin1(hhmm));
}

// Shows the dialog and makes it the active window, so focus and keys reach its fields.
void showActive(SettingsDialog &dialog)
{
    dialog.show();
    dialog.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
}

// Edits a cell of an editable table through its editor, with the keyboard.
void typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setFocus();
    table->setCurrentCell(row, column);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    REQUIRE(editor);
    REQUIRE(editor != table);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents(); // the delegate commits the editor's data in a queued call
}

// Presses Aceptar expecting a refusal; returns the message the user was shown.
QString pressOkExpectingWarning(SettingsDialog &dialog)
{
    const test::ModalCloser closer;
    auto *box = dialog.findChild<QDialogButtonBox *>(QString(), Qt::FindDirectChildrenOnly);
    REQUIRE(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
    REQUIRE(closer.shown().size() == 1);
    return closer.shown().constFirst();
}

int ladderRows(const Database &db)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*) FROM ladder_stages")));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("Settings dialog: what is typed and chosen is stored when Aceptar is pressed", "[ui][settings]")
{
    auto db = openDb();
    SettingsDialog dialog(*db, sessionAs(Role::Sistemas), nullptr);
    showActive(dialog);
    REQUIRE_FALSE(dialog.isReadOnly());

    typeInto(child<QLineEdit>(dialog, "cooperativeName"), QStringLiteral("Cooperativa de Ahorro y Crédito Andina"));
    typeInto(child<QLineEdit>(dialog, "cooperativeRuc"), QStringLiteral("1792060346001"));
    typeInto(child<QLineEdit>(dialog, "cooperativeCity"), QStringLiteral("Quito"));

    showTab(dialog, "Horarios");
    typeTime(child<QTimeEdit>(dialog, "bookingUntil"), "0915");
    CHECK(child<QTimeEdit>(dialog, "bookingUntil")->time() == QTime(9, 15));

    showTab(dialog, "Calificaciones");
    auto *b2 = child<QComboBox>(dialog, "roleB2");
    b2->setFocus();
    QTest::keyClick(b2, Qt::Key_Down); // Coordinador de Agencia → Oficial de Cobranzas
    CHECK(b2->currentText().toStdString() == "Oficial de Cobranzas");

    pressOk(dialog);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(dialog.isVisible());

    const SettingsService s = service(*db);
    CHECK(s.profile().name.toStdString() == "Cooperativa de Ahorro y Crédito Andina");
    CHECK(s.profile().ruc.toStdString() == "1792060346001");
    const RulesStore rules(*db);
    TimeWindows expected;
    expected.bookingUntil = QTime(9, 15);
    CHECK(rules.timeWindows() == expected);
    CHECK(rules.ratingRoles().responsibleFor(Rating::B2) == Role::OficialCobranzas);
    CHECK(rules.ratingRoles().responsibleFor(Rating::B1) == Role::CoordinadorAgencia);
    CHECK(ladderRows(*db) == 0); // untouched pages are not written
}

TEST_CASE("Settings dialog: Tab walks each page's fields in reading order", "[ui][settings]")
{
    auto db = openDb();
    SettingsDialog dialog(*db, sessionAs(Role::Sistemas), nullptr);
    showActive(dialog);
    showTab(dialog, "Horarios");
    auto *first = child<QTimeEdit>(dialog, "bookingUntil");
    first->setFocus(Qt::TabFocusReason);
    QStringList visited;
    for (int i = 0; i < 8; ++i) { // in a time edit Tab goes from the hour to the minutes first
        if (visited.isEmpty() || visited.constLast() != QApplication::focusWidget()->objectName())
            visited.append(QApplication::focusWidget()->objectName());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    CHECK(visited.join(u',').toStdString() == "bookingUntil,coordinatorFrom,coordinatorUntil,printingFrom");

    showTab(dialog, "Cooperativa");
    child<QLineEdit>(dialog, "cooperativeName")->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == child<QLineEdit>(dialog, "cooperativeRuc"));
}

TEST_CASE("Settings dialog: a refused save names the page - keeps the edits and stores nothing", "[ui][settings]")
{
    auto db = openDb();
    REQUIRE(service(*db).saveProfile(storedProfile(), nullptr));
    SettingsDialog dialog(*db, sessionAs(Role::Sistemas), nullptr);
    showActive(dialog);

    typeInto(child<QLineEdit>(dialog, "cooperativeName"), QStringLiteral("Cooperativa Andina Ltda."));
    showTab(dialog, "Horarios");
    typeTime(child<QTimeEdit>(dialog, "coordinatorFrom"), "0900"); // after 08:45, when they stop
    showTab(dialog, "Cooperativa");

    const QString shown = pressOkExpectingWarning(dialog);
    CHECK_THAT(shown.toStdString(), Catch::Contains("«Horarios»"));
    CHECK_THAT(shown.toStdString(), Catch::Contains("coordinadores debe empezar antes de terminar"));
    CHECK(dialog.isVisible());
    CHECK(dialog.findChild<QTabWidget *>()->tabText(dialog.findChild<QTabWidget *>()->currentIndex())
          == QStringLiteral("Horarios"));
    CHECK(child<QLineEdit>(dialog, "cooperativeName")->text().toStdString() == "Cooperativa Andina Ltda.");
    CHECK(child<QTimeEdit>(dialog, "coordinatorFrom")->time() == QTime(9, 0));

    CHECK(service(*db).profile() == storedProfile()); // the valid page was not saved either
    CHECK(RulesStore(*db).timeWindows() == TimeWindows{});

    // Corrected, the same dialog saves both.
    typeTime(child<QTimeEdit>(dialog, "coordinatorFrom"), "0815");
    pressOk(dialog);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(service(*db).profile().name.toStdString() == "Cooperativa Andina Ltda.");
    CHECK(RulesStore(*db).timeWindows().coordinatorFrom == QTime(8, 15));
}

TEST_CASE("Settings dialog: a user without permission sees everything read-only and why", "[ui][settings]")
{
    auto db = openDb();
    REQUIRE(service(*db).saveProfile(storedProfile(), nullptr));
    SettingsDialog dialog(*db, sessionAs(Role::CoordinadorAgencia), nullptr);
    showActive(dialog);

    CHECK(dialog.isReadOnly());
    auto *note = child<QLabel>(dialog, "readOnlyNote");
    CHECK(note->isVisible());
    CHECK(note->text().toStdString()
          == "Solo lectura: Ana Pérez (Coordinador de Agencia) no tiene permiso para cambiar la configuración.");

    auto *name = child<QLineEdit>(dialog, "cooperativeName");
    CHECK(name->isReadOnly());
    QTest::keyClicks(name, QStringLiteral("XYZ"));
    CHECK(name->text().toStdString() == "Cooperativa Andina");
    CHECK_FALSE(child<QTimeEdit>(dialog, "bookingUntil")->isEnabled());
    CHECK_FALSE(child<QComboBox>(dialog, "roleA1")->isEnabled());
    CHECK(child<QTableWidget>(dialog, "ladderTable")->editTriggers() == QAbstractItemView::NoEditTriggers);
    CHECK(child<QTableWidget>(dialog, "scaleBands")->editTriggers() == QAbstractItemView::NoEditTriggers);
    for (const char *text : {"Elegir logo…", "Agregar…", "Editar…", "Nueva versión", "Agregar etapa",
                             "Restablecer valores por defecto"})
        for (QAbstractButton *b : dialog.findChildren<QAbstractButton *>())
            if (QString(b->text()).remove(u'&') == QString::fromUtf8(text)) {
                INFO(text);
                CHECK_FALSE(b->isEnabled());
            }

    auto *box = dialog.findChild<QDialogButtonBox *>(QString(), Qt::FindDirectChildrenOnly);
    CHECK(box->button(QDialogButtonBox::Ok) == nullptr);
    CHECK(box->button(QDialogButtonBox::Apply) == nullptr);
    CHECK_FALSE(dialog.apply());
    QTest::mouseClick(box->button(QDialogButtonBox::Close), Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Rejected);
    CHECK(service(*db).profile() == storedProfile());
}

TEST_CASE("Settings dialog: a gap in the ladder is refused - and the defaults come back on request", "[ui][settings]")
{
    auto db = openDb();
    QList<LadderStage> custom = CollectionsLadder::defaults().stages();
    custom[1].action = QStringLiteral("Llamar al socio");
    REQUIRE(service(*db).saveProfile(storedProfile(), nullptr));
    REQUIRE(service(*db).saveCollectionsLadder(CollectionsLadder(custom), nullptr));

    SettingsDialog dialog(*db, sessionAs(Role::Sistemas), nullptr);
    showActive(dialog);
    showTab(dialog, "Escalera de cobranza");
    auto *table = child<QTableWidget>(dialog, "ladderTable");
    REQUIRE(table->rowCount() == custom.size());
    typeIntoCell(table, 3, 0, QStringLiteral("7")); // 6–10 becomes 7–10
    CHECK(table->item(3, 0)->text().toStdString() == "7");
    showTab(dialog, "Cooperativa");

    const QString shown = pressOkExpectingWarning(dialog);
    CHECK_THAT(shown.toStdString(), Catch::Contains("«Escalera de cobranza»"));
    CHECK_THAT(shown.toStdString(), Catch::Contains("La etapa 4 debe empezar en el día 6."));
    CHECK(RulesStore(*db).collectionsLadder().stages() == custom);

    showTab(dialog, "Escalera de cobranza");
    click(dialog, "Restablecer valores por defecto");
    CHECK(table->item(3, 0)->text().toStdString() == "6");
    CHECK(table->item(1, 2)->text().toStdString() != "Llamar al socio");
    pressOk(dialog);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(ladderRows(*db) == 0);
    CHECK(RulesStore(*db).collectionsLadder().stages() == CollectionsLadder::defaults().stages());
}

TEST_CASE("Settings dialog: a branch is added through its editor", "[ui][settings]")
{
    auto db = openDb();
    REQUIRE(service(*db).saveProfile(storedProfile(), nullptr));
    SettingsDialog dialog(*db, sessionAs(Role::Sistemas), nullptr);
    showActive(dialog);
    showTab(dialog, "Agencias");

    bool answered = false;
    {
        // No REQUIRE in here: an exception must not unwind through the editor's event loop.
        const test::ModalCloser closer([&answered](QWidget *editor) {
            const QList<QLineEdit *> fields = editor->findChildren<QLineEdit *>();
            QAbstractButton *ok = test::buttonWithText(editor, QStringLiteral("Aceptar"));
            if (answered || fields.size() < 3 || !ok)
                return; // closed by the closer
            QTest::keyClicks(fields.at(0), QStringLiteral("cay")); // upper-cased as typed
            QTest::keyClicks(fields.at(1), QStringLiteral("Cayambe"));
            QTest::keyClicks(fields.at(2), QStringLiteral("Cayambe"));
            answered = true;
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        click(dialog, "Agregar…");
    }
    REQUIRE(answered);
    CHECK(child<QTableWidget>(dialog, "branchesTable")->rowCount() == 1);
    CHECK(service(*db).branches().isEmpty()); // kept until the dialog is accepted

    pressOk(dialog);
    REQUIRE(dialog.result() == QDialog::Accepted);
    const QList<Branch> branches = service(*db).branches();
    REQUIRE(branches.size() == 1);
    CHECK(branches.constFirst().code.toStdString() == "CAY");
    CHECK(branches.constFirst().name.toStdString() == "Cayambe");
}

TEST_CASE("Settings dialog: national holidays and a new scale version are stored", "[ui][settings]")
{
    auto db = openDb();
    REQUIRE(service(*db).saveProfile(storedProfile(), nullptr));
    SettingsDialog dialog(*db, sessionAs(Role::Sistemas), nullptr);
    showActive(dialog);

    showTab(dialog, "Feriados");
    auto *load = child<QPushButton>(dialog, "loadNationalHolidays");
    const int year = load->text().right(4).toInt();
    CHECK(year == QDate::currentDate().year());
    QTest::mouseClick(load, Qt::LeftButton);

    showTab(dialog, "Escalas de calificación");
    click(dialog, "Nueva versión");
    auto *versions = dialog.findChild<QTabWidget *>()->currentWidget();
    auto *nameField = versions->findChildren<QLineEdit *>().value(0);
    REQUIRE(nameField);
    REQUIRE(nameField->hasFocus());
    typeInto(nameField, QStringLiteral("Consumo (revisión)"));

    pressOk(dialog);
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(RulesStore(*db).configuredHolidays() == WorkingCalendar::ecuadorHolidays(year));
    const QList<RatingScaleVersion> stored = RulesStore(*db).ratingScales().versions();
    REQUIRE(stored.size() == RatingScales::defaults().versions().size() + 1);
    CHECK(stored.last().name.toStdString() == "Consumo (revisión)");
    CHECK(stored.last().validFrom == QDate::currentDate());
    CHECK(stored.last().bands == RatingScales::defaults().versions().constFirst().bands);
}

// Not a check: renders every page to PNG files for a person to look at.
// COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_ui_tests "[screenshots]"
TEST_CASE("Settings dialog: screenshots of every page", "[.][screenshots]")
{
    const QString dir = qEnvironmentVariable("COBRANZA_SCREENSHOTS", QStringLiteral("."));
    auto db = openDb();
    QImage logo(480, 160, QImage::Format_ARGB32);
    logo.fill(Qt::white);
    {
        QPainter p(&logo);
        p.setBrush(QColor(0, 102, 51));
        p.drawEllipse(10, 10, 140, 140);
        p.setFont(QFont(QStringLiteral("Sans"), 36, QFont::Bold));
        p.drawText(QRect(160, 0, 320, 160), Qt::AlignVCenter, QStringLiteral("ANDINA"));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    logo.save(&buffer, "PNG");
    CooperativeProfile profile{QStringLiteral("Cooperativa de Ahorro y Crédito Andina Ltda."), QStringLiteral("Andina"),
                               QStringLiteral("1792060346001"), QStringLiteral("Quito"),
                               QStringLiteral("Av. Amazonas N24-120 y Colón"), QStringLiteral("(02) 250-1234"), png, {}, 5, 15};
    REQUIRE(service(*db).saveProfile(profile, nullptr));
    REQUIRE(service(*db).saveBranch({0, QStringLiteral("MAT"), QStringLiteral("Matriz"), QStringLiteral("Quito"),
                                     QStringLiteral("Av. Amazonas N24-120"), QStringLiteral("(02) 250-1234"), -0.1807,
                                     -78.4678, true},
                                    nullptr));
    REQUIRE(service(*db).saveBranch({0, QStringLiteral("CAY"), QStringLiteral("Cayambe"), QStringLiteral("Cayambe"),
                                     QStringLiteral("Calle Bolívar y Sucre"), QString(), {}, {}, false},
                                    nullptr));
    REQUIRE(service(*db).saveHolidays(WorkingCalendar::ecuadorHolidays(2025), nullptr));

    for (const Role role : {Role::Sistemas, Role::AsesorNegocios}) {
        SettingsDialog dialog(*db, sessionAs(role), nullptr);
        showActive(dialog);
        auto *tabs = dialog.findChild<QTabWidget *>();
        const QString prefix = role == Role::Sistemas ? QStringLiteral("settings") : QStringLiteral("readonly");
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QApplication::processEvents();
            CHECK(dialog.grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, prefix).arg(i)));
        }
    }
    BranchDialog editor(service(*db).branches().constLast(), {}, nullptr);
    editor.show();
    QApplication::processEvents();
    CHECK(editor.grab().save(dir + QStringLiteral("/branch.png")));
}
