// The administrator's users page driven as a person would: new user, disable, enable, reset; then
// whether those people can sign in. And the same page seen by someone who may not manage users.
#include "authtestsupport.h"
#include "auth/userdirectory.h"
#include "login/firstadmindialog.h"
#include "login/logindialog.h"
#include "users/newuserdialog.h"
#include "users/resetpassworddialog.h"
#include "users/usersview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace cobranza;
using test::AuthFixture;

namespace {

const QString kPassword = QStringLiteral("Ibarra2024");

template <typename T> T *child(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

void type(QWidget *root, const char *field, const QString &text)
{
    auto *edit = child<QLineEdit>(root, field);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    test::typeText(edit, text);
}

void choose(QWidget *root, const char *combo, const QVariant &data)
{
    auto *c = child<QComboBox>(root, combo);
    const int i = c->findData(data);
    REQUIRE(i >= 0);
    c->setCurrentIndex(i);
}

void click(QWidget *root, const char *name)
{
    auto *b = child<QPushButton>(root, name);
    REQUIRE(b->isVisible());
    REQUIRE(b->isEnabled());
    QTest::mouseClick(b, Qt::LeftButton);
}

QString cellText(UsersView &view, const QString &username, int column)
{
    auto *table = child<QTableWidget>(&view, "users");
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == username)
            return table->item(row, column)->text();
    return {};
}

constexpr int kStateColumn = 5;

} // namespace

TEST_CASE("The administrator creates a user who can then sign in", "[ui][users]")
{
    AuthFixture f;
    UsersView view(*f.db, f.admin, f.clock, PasswordHasher::fastForTests());
    view.resize(900, 400);
    view.show();
    CHECK_FALSE(view.isReadOnly());
    CHECK_FALSE(child<QLabel>(&view, "readOnlyNote")->isVisible());
    CHECK(cellText(view, QStringLiteral("admin"), kStateColumn) == QStringLiteral("Activo"));
    CHECK(cellText(view, QStringLiteral("admin"), 3) == QStringLiteral("Sistemas"));

    QString firstError;
    // The closer answers the dialog as a person would, and closes whatever else might open.
    test::ModalCloser closer([&](QWidget *modal) {
        auto *dialog = qobject_cast<NewUserDialog *>(modal);
        if (!dialog)
            return;
        type(dialog, "username", QStringLiteral("EPerez"));
        type(dialog, "fullName", QStringLiteral("Eduardo Pérez Solís"));
        CHECK(child<QLineEdit>(dialog, "initials")->text() == QStringLiteral("EPS"));
        choose(dialog, "role", static_cast<int>(Role::AsesorNegocios));
        CHECK_FALSE(child<QComboBox>(dialog, "pool")->isVisible());
        CHECK(child<QComboBox>(dialog, "branch")->findData(QString()) < 0); // an advisor needs a branch
        choose(dialog, "branch", QStringLiteral("OTA"));
        type(dialog, "password", kPassword);
        type(dialog, "confirm", QStringLiteral("Ibarra2025"));
        QTest::keyClick(child<QLineEdit>(dialog, "confirm"), Qt::Key_Return);
        firstError = dialog->errorText();
        CHECK(dialog->isVisible());
        type(dialog, "password", kPassword);
        type(dialog, "confirm", kPassword);
        QTest::keyClick(child<QLineEdit>(dialog, "confirm"), Qt::Key_Return);
    });
    click(&view, "newUser");
    CHECK(firstError == QStringLiteral("La contraseña y su confirmación no coinciden."));
    CHECK(closer.shown().isEmpty());

    CHECK(view.selectedUsername() == QStringLiteral("eperez"));
    CHECK(cellText(view, QStringLiteral("eperez"), 1) == QStringLiteral("EDUARDO PÉREZ SOLÍS"));
    CHECK(cellText(view, QStringLiteral("eperez"), 2) == QStringLiteral("EPS"));
    CHECK(cellText(view, QStringLiteral("eperez"), 3) == QStringLiteral("Asesor de Negocios"));
    CHECK(cellText(view, QStringLiteral("eperez"), 4) == QStringLiteral("OTA — Otavalo"));

    LoginDialog login(*f.db, f.clock, PasswordHasher::fastForTests());
    login.show();
    choose(&login, "branch", QStringLiteral("OTA"));
    type(&login, "user", QStringLiteral("eperez"));
    type(&login, "password", kPassword);
    QTest::keyClick(child<QLineEdit>(&login, "password"), Qt::Key_Return);
    REQUIRE(login.result() == QDialog::Accepted);
    CHECK(login.session().role == Role::AsesorNegocios);
    CHECK(login.session().branchCode == QStringLiteral("OTA"));
}

TEST_CASE("A collections officer is created on the pooled user - a duplicate is refused inline", "[ui][users]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);
    UsersView view(*f.db, f.admin, f.clock, PasswordHasher::fastForTests());
    view.show();
    CHECK(cellText(view, QStringLiteral("cobranzas"), kStateColumn).startsWith(QStringLiteral("Activo (compartido")));

    QString duplicate;
    // The closer answers the dialog as a person would, and closes whatever else might open.
    test::ModalCloser closer([&](QWidget *modal) {
        auto *dialog = qobject_cast<NewUserDialog *>(modal);
        if (!dialog)
            return;
        type(dialog, "username", QStringLiteral("eperez"));
        type(dialog, "fullName", QStringLiteral("Jorge Ñato Andrade"));
        choose(dialog, "role", static_cast<int>(Role::OficialCobranzas));
        CHECK(child<QComboBox>(dialog, "pool")->isVisible());
        CHECK(child<QComboBox>(dialog, "pool")->currentData().toString() == QStringLiteral("cobranzas"));
        choose(dialog, "branch", QStringLiteral("IBA"));
        type(dialog, "password", kPassword);
        type(dialog, "confirm", kPassword);
        QTest::keyClick(child<QLineEdit>(dialog, "confirm"), Qt::Key_Return);
        duplicate = dialog->errorText();
        CHECK(dialog->isVisible());
        type(dialog, "username", QStringLiteral("jnato"));
        type(dialog, "password", kPassword);
        type(dialog, "confirm", kPassword);
        QTest::keyClick(child<QLineEdit>(dialog, "confirm"), Qt::Key_Return);
    });
    click(&view, "newUser");
    CHECK(duplicate == QStringLiteral("Ya existe el usuario «eperez»."));
    const auto officer = DirectoryStore(*f.db).staffByUsername(QStringLiteral("jnato"));
    REQUIRE(officer);
    CHECK(officer->role == Role::OficialCobranzas);
    CHECK(officer->poolId == f.poolId);
    CHECK(officer->initials == QStringLiteral("JÑA"));
}

TEST_CASE("A head-office user may have no branch", "[ui][users]")
{
    AuthFixture f;
    NewUserDialog dialog(*f.db, {});
    choose(&dialog, "role", static_cast<int>(Role::OficialRiesgos));
    CHECK(child<QComboBox>(&dialog, "branch")->findData(QString()) >= 0);
    choose(&dialog, "branch", QString());
    CHECK(dialog.user().branchCode.isEmpty());
    choose(&dialog, "role", static_cast<int>(Role::CoordinadorAgencia));
    CHECK(child<QComboBox>(&dialog, "branch")->findData(QString()) < 0);
    CHECK_FALSE(dialog.user().branchCode.isEmpty());
}

TEST_CASE("Disabling a user makes their login fail - enabling lets them in again", "[ui][users]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);
    UsersView view(*f.db, f.admin, f.clock, PasswordHasher::fastForTests());
    view.show();

    // One cannot disable oneself: the button says so by being off.
    view.selectUser(QStringLiteral("admin"));
    CHECK_FALSE(child<QPushButton>(&view, "disable")->isEnabled());

    view.selectUser(QStringLiteral("eperez"));
    CHECK_FALSE(child<QPushButton>(&view, "enable")->isEnabled());
    test::ModalCloser closer([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return;
        CHECK(box->text().startsWith(QStringLiteral("¿Desactivar a USUARIO EPEREZ (eperez)?")));
        if (QAbstractButton *yes = test::buttonWithText(box, QStringLiteral("Desactivar")))
            QTest::mouseClick(yes, Qt::LeftButton);
    });
    click(&view, "disable");
    CHECK(cellText(view, QStringLiteral("eperez"), kStateColumn) == QStringLiteral("Desactivado"));
    const LoginOutcome refused = f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), kPassword);
    CHECK_FALSE(refused.ok);
    CHECK(refused.message == QStringLiteral("El usuario eperez está desactivado; consulte con Sistemas."));

    LoginDialog login(*f.db, f.clock, PasswordHasher::fastForTests());
    login.show();
    type(&login, "user", QStringLiteral("eperez"));
    type(&login, "password", kPassword);
    QTest::keyClick(child<QLineEdit>(&login, "password"), Qt::Key_Return);
    CHECK(login.isVisible());
    CHECK(login.errorText() == refused.message);

    click(&view, "enable");
    CHECK(cellText(view, QStringLiteral("eperez"), kStateColumn) == QStringLiteral("Activo"));
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), kPassword).ok);
    CHECK(closer.shown().size() == 1); // only the question, no refusal
}

TEST_CASE("A locked user shows until when - resetting the password unlocks and lets them in", "[ui][users]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);
    for (int i = 0; i < 5; ++i)
        CHECK_FALSE(f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), QStringLiteral("mala12345")).ok);
    UsersView view(*f.db, f.admin, f.clock, PasswordHasher::fastForTests());
    view.show();
    CHECK(cellText(view, QStringLiteral("eperez"), kStateColumn) == QStringLiteral("Bloqueado hasta 08:15"));

    view.selectUser(QStringLiteral("eperez"));
    test::ModalCloser closer([](QWidget *modal) {
        auto *dialog = qobject_cast<ResetPasswordDialog *>(modal);
        if (!dialog)
            return;
        type(dialog, "password", QStringLiteral("Nueva2024"));
        type(dialog, "confirm", QStringLiteral("Nueva2024"));
        QTest::keyClick(child<QLineEdit>(dialog, "confirm"), Qt::Key_Return);
    });
    click(&view, "reset");
    CHECK(cellText(view, QStringLiteral("eperez"), kStateColumn) == QStringLiteral("Activo"));
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), QStringLiteral("Nueva2024")).ok);
}

TEST_CASE("An advisor sees the users page read-only and the service refuses them", "[ui][users]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);
    const LoginOutcome in = f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), kPassword);
    REQUIRE(in.ok);

    UsersView view(*f.db, in.session, f.clock, PasswordHasher::fastForTests());
    view.show();
    CHECK(view.isReadOnly());
    auto *note = child<QLabel>(&view, "readOnlyNote");
    CHECK(note->isVisible());
    CHECK(note->text().contains(QStringLiteral("no tiene permiso para administrar usuarios")));
    for (const char *name : {"newUser", "disable", "enable", "reset"})
        CHECK_FALSE(child<QPushButton>(&view, name)->isVisible());
    CHECK(cellText(view, QStringLiteral("admin"), 3) == QStringLiteral("Sistemas")); // still readable

    QString error;
    CHECK_FALSE(f.users(in.session).disableUser(QStringLiteral("admin"), &error));
    CHECK(error.contains(QStringLiteral("no tiene permiso para administrar usuarios")));
    NewUser u;
    u.username = QStringLiteral("intruso");
    u.fullName = QStringLiteral("Intruso");
    u.initials = QStringLiteral("IN");
    u.branchCode = QStringLiteral("IBA");
    CHECK_FALSE(f.users(in.session).addUser(u, kPassword, &error));
    CHECK_FALSE(DirectoryStore(*f.db).staffByUsername(QStringLiteral("intruso")));
}

// Not run by default: `cobranza_ui_tests "[.screenshots]"` with COBRANZA_SHOTS=<dir> writes the
// login, first-start and users page as PNG, to look at them.
TEST_CASE("Screenshots of the login dialogs and the users page", "[.screenshots]")
{
    const QString out = qEnvironmentVariable("COBRANZA_SHOTS");
    if (out.isEmpty())
        return;
    QDir().mkpath(out);
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);
    f.addUser(QStringLiteral("jnato"), Role::OficialCobranzas, QStringLiteral("OTA"), kPassword);
    f.addUser(QStringLiteral("riesgos"), Role::OficialRiesgos, QString(), kPassword);
    for (int i = 0; i < 5; ++i)
        f.auth().login(QStringLiteral("OTA"), QStringLiteral("jnato"), QStringLiteral("mala12345"));
    REQUIRE(f.users(f.admin).disableUser(QStringLiteral("riesgos"), nullptr));

    LoginDialog login(*f.db, f.clock, PasswordHasher::fastForTests());
    login.show();
    type(&login, "user", QStringLiteral("eperez"));
    type(&login, "password", QStringLiteral("equivocada1"));
    QTest::keyClick(child<QLineEdit>(&login, "password"), Qt::Key_Return);
    login.adjustSize();
    CHECK(login.grab().save(QDir(out).filePath(QStringLiteral("login.png"))));

    AuthFixture empty(false);
    FirstAdminDialog first(*empty.db, empty.clock, PasswordHasher::fastForTests());
    first.show();
    type(&first, "fullName", QStringLiteral("Mónica Chávez Yépez"));
    type(&first, "password", QStringLiteral("Sistemas2024"));
    type(&first, "confirm", QStringLiteral("Sistemas2025"));
    QTest::keyClick(child<QLineEdit>(&first, "confirm"), Qt::Key_Return);
    first.adjustSize();
    CHECK(first.grab().save(QDir(out).filePath(QStringLiteral("firstadmin.png"))));

    UsersView view(*f.db, f.admin, f.clock, PasswordHasher::fastForTests());
    view.resize(980, 360);
    view.show();
    view.selectUser(QStringLiteral("eperez"));
    CHECK(view.grab().save(QDir(out).filePath(QStringLiteral("users.png"))));

    NewUserDialog newUser(*f.db, {});
    newUser.show();
    choose(&newUser, "role", static_cast<int>(Role::OficialCobranzas));
    newUser.adjustSize();
    CHECK(newUser.grab().save(QDir(out).filePath(QStringLiteral("newuser.png"))));

    const LoginOutcome in = f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), kPassword);
    UsersView readOnly(*f.db, in.session, f.clock, PasswordHasher::fastForTests());
    readOnly.resize(980, 360);
    readOnly.show();
    CHECK(readOnly.grab().save(QDir(out).filePath(QStringLiteral("users-readonly.png"))));
}
