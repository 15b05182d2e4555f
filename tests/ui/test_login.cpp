// The sign-in dialogs driven from the keyboard as a person would: first start, login, change of
// password; then what the session and the database say.
#include "authtestsupport.h"
#include "login/changepassworddialog.h"
#include "login/firstadmindialog.h"
#include "login/logindialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace cobranza;
using test::AuthFixture;

namespace {

template <typename T> T *child(QWidget &root, const char *name)
{
    T *w = root.findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

void type(QWidget &root, const char *field, const QString &text)
{
    auto *edit = child<QLineEdit>(root, field);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    test::typeText(edit, text);
}

void chooseBranch(QWidget &root, const char *code)
{
    auto *combo = child<QComboBox>(root, "branch");
    const int i = combo->findData(QString::fromLatin1(code));
    REQUIRE(i >= 0);
    combo->setCurrentIndex(i);
}

// Enter in the field: the default button answers, as it does for a person.
void pressEnter(QWidget &root, const char *field)
{
    QTest::keyClick(child<QLineEdit>(root, field), Qt::Key_Return);
}

const QString kPassword = QStringLiteral("Ibarra2024");

} // namespace

TEST_CASE("A wrong password keeps the login open with the reason - the right one signs in", "[ui][login]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);

    LoginDialog dialog(*f.db, f.clock, PasswordHasher::fastForTests());
    dialog.show();
    CHECK(dialog.windowTitle() == QStringLiteral("Cobranza — Iniciar sesión"));
    CHECK(child<QLabel>(dialog, "cooperativeName")->text()
          == QStringLiteral("Cooperativa de Ahorro y Crédito Andina Ltda."));
    auto *branches = child<QComboBox>(dialog, "branch");
    REQUIRE(branches->count() == 2);
    CHECK(branches->itemText(0) == QStringLiteral("IBA — Ibarra Matriz"));
    CHECK(child<QLineEdit>(dialog, "password")->echoMode() == QLineEdit::Password);

    chooseBranch(dialog, "IBA");
    type(dialog, "user", QStringLiteral("eperez"));
    type(dialog, "password", QStringLiteral("equivocada1"));
    pressEnter(dialog, "password");
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.errorText() == QStringLiteral("Usuario o contraseña incorrectos."));
    CHECK(child<QLabel>(dialog, "error")->isVisible());
    CHECK(child<QLineEdit>(dialog, "password")->text().isEmpty());
    CHECK(dialog.focusWidget() == child<QLineEdit>(dialog, "password"));

    type(dialog, "password", kPassword);
    pressEnter(dialog, "password");
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(dialog.isVisible());
    const Session s = dialog.session();
    CHECK(s.username == QStringLiteral("eperez"));
    CHECK(s.role == Role::AsesorNegocios);
    CHECK(s.branchCode == QStringLiteral("IBA"));
    CHECK(s.branchId == f.ibaId);

    // The next start remembers branch and user and waits in the password.
    LoginDialog again(*f.db, f.clock, PasswordHasher::fastForTests());
    CHECK(child<QComboBox>(again, "branch")->currentData().toString() == QStringLiteral("IBA"));
    CHECK(child<QLineEdit>(again, "user")->text() == QStringLiteral("eperez"));
    CHECK(again.focusWidget() == child<QLineEdit>(again, "password"));
}

TEST_CASE("The login refuses an advisor at another branch and signs an administrator in anywhere", "[ui][login]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);

    LoginDialog dialog(*f.db, f.clock, PasswordHasher::fastForTests());
    dialog.show();
    chooseBranch(dialog, "OTA");
    type(dialog, "user", QStringLiteral("eperez"));
    type(dialog, "password", kPassword);
    pressEnter(dialog, "password");
    CHECK(dialog.isVisible());
    CHECK(dialog.errorText().contains(QStringLiteral("pertenece a la agencia Ibarra Matriz")));

    type(dialog, "user", QStringLiteral("admin"));
    type(dialog, "password", test::kAdminPassword);
    pressEnter(dialog, "password");
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(dialog.session().role == Role::Sistemas);
    CHECK(dialog.session().branchCode == QStringLiteral("OTA"));
    CHECK(dialog.session().branchId == f.otaId);
}

TEST_CASE("The login is used with the keyboard alone", "[ui][login]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("lmora"), Role::CoordinadorAgencia, QStringLiteral("OTA"), kPassword);

    LoginDialog dialog(*f.db, f.clock, PasswordHasher::fastForTests());
    dialog.show();
    dialog.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    // Nothing remembered: the cursor starts in the user name.
    REQUIRE(QApplication::focusWidget() == child<QLineEdit>(dialog, "user"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier); // back to the branch
    REQUIRE(QApplication::focusWidget() == child<QComboBox>(dialog, "branch"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // IBA → OTA
    CHECK(child<QComboBox>(dialog, "branch")->currentData().toString() == QStringLiteral("OTA"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    test::typeText(QApplication::focusWidget(), QStringLiteral("lmora"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget() == child<QLineEdit>(dialog, "password"));
    test::typeText(QApplication::focusWidget(), kPassword);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(dialog.session().role == Role::CoordinadorAgencia);
    CHECK(dialog.session().branchCode == QStringLiteral("OTA"));
}

TEST_CASE("The first start creates the administrator - a mismatched confirmation is refused inline", "[ui][login]")
{
    AuthFixture f(false);
    REQUIRE_FALSE(f.auth().hasUsers());

    FirstAdminDialog dialog(*f.db, f.clock, PasswordHasher::fastForTests());
    dialog.show();
    CHECK(dialog.findChildren<QLabel *>().size() > 0);
    bool explained = false;
    for (const QLabel *l : dialog.findChildren<QLabel *>())
        explained = explained || l->text() == QStringLiteral("Es el primer inicio: cree el usuario administrador (Sistemas).");
    CHECK(explained);
    CHECK(child<QLineEdit>(dialog, "user")->text() == QStringLiteral("admin"));

    type(dialog, "fullName", QStringLiteral("Mónica Chávez Yépez"));
    type(dialog, "password", QStringLiteral("Sistemas2024"));
    type(dialog, "confirm", QStringLiteral("Sistemas2025"));
    pressEnter(dialog, "confirm");
    CHECK(dialog.isVisible());
    CHECK(dialog.errorText() == QStringLiteral("La contraseña y su confirmación no coinciden."));
    CHECK_FALSE(f.auth().hasUsers());

    type(dialog, "password", QStringLiteral("corta1"));
    type(dialog, "confirm", QStringLiteral("corta1"));
    pressEnter(dialog, "confirm");
    CHECK(dialog.errorText() == QStringLiteral("La contraseña debe tener al menos 8 caracteres."));
    CHECK_FALSE(f.auth().hasUsers());

    type(dialog, "password", QStringLiteral("Sistemas2024"));
    type(dialog, "confirm", QStringLiteral("Sistemas2024"));
    pressEnter(dialog, "confirm");
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(dialog.session().role == Role::Sistemas);
    CHECK(dialog.session().username == QStringLiteral("admin"));
    CHECK(dialog.session().fullName == QStringLiteral("MÓNICA CHÁVEZ YÉPEZ")); // stored upper case like every user
    CHECK(f.auth().hasUsers());
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("admin"), QStringLiteral("Sistemas2024")).ok);
}

TEST_CASE("A user changes their own password - a wrong current one is refused inline", "[ui][login]")
{
    AuthFixture f;
    f.addUser(QStringLiteral("eperez"), Role::AsesorNegocios, QStringLiteral("IBA"), kPassword);
    const LoginOutcome in = f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), kPassword);
    REQUIRE(in.ok);

    ChangePasswordDialog dialog(*f.db, in.session, f.clock, PasswordHasher::fastForTests());
    dialog.show();
    type(dialog, "current", QStringLiteral("noesesta1"));
    type(dialog, "newPassword", QStringLiteral("Nueva2024"));
    type(dialog, "confirm", QStringLiteral("Nueva2024"));
    pressEnter(dialog, "confirm");
    CHECK(dialog.isVisible());
    CHECK(dialog.errorText() == QStringLiteral("La contraseña actual no es correcta."));

    type(dialog, "current", kPassword);
    type(dialog, "newPassword", QStringLiteral("Nueva2024"));
    type(dialog, "confirm", QStringLiteral("Otra2024"));
    pressEnter(dialog, "confirm");
    CHECK(dialog.errorText() == QStringLiteral("La nueva contraseña y su confirmación no coinciden."));

    type(dialog, "current", kPassword);
    type(dialog, "newPassword", QStringLiteral("Nueva2024"));
    type(dialog, "confirm", QStringLiteral("Nueva2024"));
    pressEnter(dialog, "confirm");
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), kPassword).ok);
    CHECK(f.auth().login(QStringLiteral("IBA"), QStringLiteral("eperez"), QStringLiteral("Nueva2024")).ok);
}
