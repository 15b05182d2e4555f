#include "import/importdialog.h"
#include "import/importjob.h"
#include "import/importresultdialog.h"
#include "portfoliofile.h"
#include "store/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::PortfolioFile;

namespace {

constexpr int kTimeoutMs = 120000; // generous: a Debug build on a busy machine

const Session kSistemas{1, QStringLiteral("admin"), QStringLiteral("Administrador"), QStringLiteral("ADM"),
                        Role::Sistemas, 0, QString()};

// A database file in a temporary folder, with the GUI thread's own connection, as the main
// window holds one while an import runs beside it.
struct UiImportFixture
{
    QTemporaryDir dir;
    QString dbPath;
    std::unique_ptr<Database> db;

    UiImportFixture()
    {
        test::ensureGuiApp();
        REQUIRE(dir.isValid());
        dbPath = dir.filePath(QStringLiteral("cobranza.sqlite"));
        QString error;
        db = Database::open(dbPath, &error);
        REQUIRE(db);
        QSqlQuery q(db->connection());
        REQUIRE(q.exec(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, created_at) "
                                      "VALUES(1, 'admin', 'Administrador', 'ADM', 'SISTEMAS', '2026-01-01')")));
    }

    QString write(const PortfolioFile &file, const QString &name = QStringLiteral("cartera.csv")) const
    {
        return test::writeFile(dir, name, file.utf8());
    }

    qint64 count(const QString &sql) const
    {
        QSqlQuery q(db->connection());
        REQUIRE(q.exec(sql));
        REQUIRE(q.next());
        return q.value(0).toLongLong();
    }

    // Runs a whole import the way the dialog does, and waits for it.
    ImportResult runJob(const QString &path, const Session &who = kSistemas, bool replace = false) const
    {
        ImportJob job(dbPath, who);
        QSignalSpy finished(&job, &ImportJob::finished);
        ImportOptions options;
        options.filePath = path;
        options.replace = replace;
        job.start(options);
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));
        return job.result();
    }
};

PortfolioFile validFile(int rows, int first = 1)
{
    PortfolioFile file;
    file.addValid(rows, first);
    return file;
}

// Clicks the button labelled `text` under `root`, as a person would; fails when there is none.
void click(QWidget *root, const QString &text)
{
    QAbstractButton *button = test::buttonWithText(root, text);
    INFO("button «" << text.toStdString() << "»");
    REQUIRE(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

TEST_CASE("An import job reports progress from its worker thread and fills the database", "[ui][import]")
{
    UiImportFixture f;
    const QString path = f.write(validFile(30000));
    ImportJob job(f.dbPath, kSistemas);
    QSignalSpy progress(&job, &ImportJob::progress);
    QSignalSpy finished(&job, &ImportJob::finished);
    ImportOptions options;
    options.filePath = path;
    job.start(options);
    CHECK(job.isRunning());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));

    const ImportResult r = job.result();
    INFO(r.summary().toStdString());
    REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
    CHECK(r.rows == 30000);
    CHECK(qvariant_cast<ImportResult>(finished.at(0).at(0)).rows == 30000);

    REQUIRE(progress.count() >= 2);
    int lastPercent = -1;
    qint64 lastRows = -1;
    for (const QList<QVariant> &signal : progress) {
        CHECK(signal.at(0).toInt() >= lastPercent);
        CHECK(signal.at(1).toLongLong() >= lastRows);
        lastPercent = signal.at(0).toInt();
        lastRows = signal.at(1).toLongLong();
    }
    CHECK(progress.first().at(0).toInt() < 100);
    CHECK(lastPercent == 100);
    CHECK(lastRows == 30000);

    CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-11-21'")) == 30000);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshot_credits")) == 30000);
}

TEST_CASE("Cancelling an import job after its first progress leaves no snapshot", "[ui][import]")
{
    UiImportFixture f;
    const QString path = f.write(validFile(30000));
    ImportJob job(f.dbPath, kSistemas);
    QSignalSpy finished(&job, &ImportJob::finished);
    int progressSeen = 0;
    QObject::connect(&job, &ImportJob::progress, &job, [&] {
        if (++progressSeen == 1)
            job.cancel();
    });
    ImportOptions options;
    options.filePath = path;
    job.start(options);
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));

    CHECK(progressSeen >= 1);
    CHECK(job.result().outcome == ImportResult::Outcome::Cancelled);
    CHECK(job.result().rows < 30000);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM members")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM imports WHERE outcome='CANCELLED'")) == 1);
}

TEST_CASE("The import dialog's Cancelar button stops the import and closes the dialog", "[ui][import]")
{
    UiImportFixture f;
    ImportDialog dialog(f.dbPath, kSistemas, f.write(validFile(30000)));
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    dialog.show();
    dialog.start();
    auto *bar = dialog.findChild<QProgressBar *>();
    REQUIRE(bar);
    REQUIRE(QTest::qWaitFor([&] { return bar->value() > 0 || finished.count() > 0; }, kTimeoutMs));
    REQUIRE(finished.count() == 0);
    click(&dialog, QStringLiteral("Cancelar"));
    CHECK_FALSE(test::buttonWithText(&dialog, QStringLiteral("Cancelar"))->isEnabled());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));

    CHECK(dialog.importResult().outcome == ImportResult::Outcome::Cancelled);
    CHECK_FALSE(dialog.isVisible());
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
}

TEST_CASE("The import dialog asks before replacing an existing cut-off", "[ui][import]")
{
    UiImportFixture f;
    REQUIRE(f.runJob(f.write(validFile(5), QStringLiteral("primero.csv"))).accepted());
    const QString again = f.write(validFile(3, 100), QStringLiteral("cartera.csv"));

    ImportDialog dialog(f.dbPath, kSistemas, again);
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    QList<QDate> asked;

    SECTION("Sí replaces the cut-off")
    {
        dialog.setReplaceQuestion([&](const QDate &cutOff) {
            asked.append(cutOff);
            return true;
        });
        dialog.show();
        dialog.start();
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));
        CHECK(asked == QList<QDate>{QDate(2026, 11, 21)});
        CHECK(dialog.importResult().outcome == ImportResult::Outcome::Accepted);
        CHECK(dialog.importResult().replaced);
        CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-11-21'")) == 3);
        CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 1);
    }
    SECTION("No keeps the cut-off and reports why")
    {
        dialog.setReplaceQuestion([&](const QDate &cutOff) {
            asked.append(cutOff);
            return false;
        });
        dialog.show();
        dialog.start();
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));
        CHECK(asked.size() == 1);
        CHECK(dialog.importResult().outcome == ImportResult::Outcome::Rejected);
        CHECK(dialog.importResult().cutOffExists);
        CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-11-21'")) == 5);
    }
    SECTION("the default question is a message box in Spanish, No unless Sí is chosen")
    {
        QString question;
        QString defaultButton;
        // The message box runs its own event loop; it is answered once shown, as a person would.
        test::whenModalShown([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            REQUIRE(box);
            question = box->text();
            defaultButton = box->defaultButton()->text();
            click(box, QStringLiteral("Sí"));
        });
        dialog.show();
        dialog.start();
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, kTimeoutMs));
        CHECK(question == QStringLiteral("El corte del 21/11/2026 ya existe. ¿Desea reemplazarlo con este archivo? "
                                         "Se conserva el trabajo hecho sobre sus créditos."));
        CHECK(defaultButton == QStringLiteral("No"));
        CHECK(dialog.importResult().replaced);
        CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-11-21'")) == 3);
    }
}

TEST_CASE("A refusal by permission comes back like any rejection", "[ui][import]")
{
    UiImportFixture f;
    Session asesor = kSistemas;
    asesor.role = Role::AsesorNegocios;
    const ImportResult r = f.runJob(f.write(validFile(3)), asesor);
    CHECK(r.outcome == ImportResult::Outcome::Rejected);
    REQUIRE(r.messages.size() == 1);
    CHECK(ImportResultDialog::messageLines(r).constFirst().startsWith(QStringLiteral("cartera.csv:0: ")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
}

TEST_CASE("The result dialog lists every error of a rejected file - copies and saves the list", "[ui][import]")
{
    UiImportFixture f;
    PortfolioFile file = validFile(8);
    file.rows[0][QStringLiteral("CEDULA")] = QStringLiteral("1714307104"); // warning: check digit
    file.rows[1][QStringLiteral("DIAS_MORA")] = QStringLiteral("x");
    file.rows[3][QStringLiteral("SEGMENTO")] = QStringLiteral("PESCA");
    file.rows[6][QStringLiteral("SALDO_CAPITAL")] = QStringLiteral("-5");
    const ImportResult r = f.runJob(f.write(file));
    REQUIRE(r.outcome == ImportResult::Outcome::Rejected);
    REQUIRE(r.errorCount == 3);
    REQUIRE(r.warningCount == 1);

    ImportResultDialog dialog(r);
    QString suggested;
    const QString savedPath = f.dir.filePath(QStringLiteral("lista.txt"));
    dialog.setSavePathChooser([&](const QString &proposal) {
        suggested = proposal;
        return savedPath;
    });
    dialog.show();
    auto *list = dialog.findChild<QPlainTextEdit *>();
    REQUIRE(list);
    CHECK(list->isReadOnly());
    const QStringList lines = list->toPlainText().split(u'\n');
    REQUIRE(lines.size() == 4);
    CHECK(lines.at(0).startsWith(QStringLiteral("cartera.csv:3: DIAS_MORA: ")));
    CHECK(lines.at(1).startsWith(QStringLiteral("cartera.csv:5: SEGMENTO: ")));
    CHECK(lines.at(2).startsWith(QStringLiteral("cartera.csv:8: SALDO_CAPITAL: ")));
    CHECK(lines.at(3).startsWith(QStringLiteral("cartera.csv:2: CEDULA: advertencia: ")));

    click(&dialog, QStringLiteral("Copiar"));
    CHECK(QApplication::clipboard()->text() == lines.join(u'\n') + u'\n');

    click(&dialog, QStringLiteral("Guardar lista…"));
    CHECK(suggested.endsWith(QStringLiteral("cartera-errores.txt")));
    QFile saved(savedPath);
    REQUIRE(saved.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(saved.readAll()) == lines.join(u'\n') + u'\n');
}

TEST_CASE("The result dialog says plainly when there is nothing to list", "[ui][import]")
{
    test::ensureGuiApp();
    const auto saysPlainly = [](const QDialog &dialog, const QString &text) {
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            if (label->text() == text)
                return true;
        return false;
    };
    ImportResult r;
    r.fileName = QStringLiteral("cartera.csv");
    r.cutOff = QDate(2026, 11, 21);

    SECTION("an accepted file without errors or warnings")
    {
        r.outcome = ImportResult::Outcome::Accepted;
        r.rows = 12;
        ImportResultDialog dialog(r);
        CHECK(dialog.findChild<QPlainTextEdit *>() == nullptr);
        CHECK(saysPlainly(dialog, QStringLiteral("El archivo no tuvo errores ni advertencias.")));
    }
    SECTION("a file stopped at an existing cut-off the person chose to keep: its messages are partial")
    {
        r.outcome = ImportResult::Outcome::Rejected;
        r.cutOffExists = true;
        r.messages.append(
            {ImportMessage::Severity::Error, 0, QString(), QStringLiteral("el corte ya existe"), QString()});
        r.errorCount = 1;
        ImportResultDialog dialog(r);
        CHECK(dialog.findChild<QPlainTextEdit *>() == nullptr);
        CHECK(saysPlainly(dialog, r.summary()));
        CHECK(saysPlainly(dialog, QStringLiteral("El resto del archivo no se leyó y la base de datos no cambió.")));
    }
}
