// Drives the Supervisión area as the Pivot de Crédito would: the day's review per person, a phone
// check that contradicts, an error recorded by hand, the physical sample, the F.1-A of the month
// and its export; asserts on what reached the database.
#include "bookingfixture.h"
#include "results/resultservice.h"
#include "supervision/dailyreviewpage.h"
#include "supervision/errorreportpage.h"
#include "supervision/errorsummarymodel.h"
#include "supervision/reviewmodel.h"
#include "supervision/samplepage.h"
#include "supervision/supervisionview.h"
#include "supervision/verificationservice.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include <catch2/catch.hpp>

#include <memory>

using namespace cobranza;
using namespace cobranza::test;

namespace {

constexpr qint64 kAdvisor = 2; // epsubia, PINEDA VACA ANA
const QDate kMonday = kToday;  // 23/11/2026

// Listed first among the bases: BookingFixture would otherwise create a QCoreApplication, and widgets
// need a QApplication.
struct GuiApp
{
    GuiApp() { ensureGuiApp(); }
};

// CR-000001 and CR-000002 booked for the advisor on Monday; she enters CR-000001 (No Encontrado,
// justified) and CR-000002 stays without a result. The clock then stands on Wednesday morning, so
// the area opens on Tuesday, the day before.
struct SupervisionFixture : GuiApp, BookingFixture
{
    qint64 first = 0;
    SupervisionFixture()
    {
        const BookResult r = book(QStringLiteral("coord"), cr({1, 2}), kAdvisor);
        REQUIRE(r.ok);
        first = r.bookingIds[0];
        at(18, 0, 0);
        VisitResult v;
        v.bookingId = first;
        v.state = VisitState::NoEncontrado;
        v.justification = QStringLiteral("nadie en casa");
        REQUIRE(ResultService(*db, session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                              WorkingCalendar(), clock)
                    .save(v)
                    .ok);
        clock.set(QDateTime(QDate(2026, 11, 25), QTime(10, 0)));
    }
    std::unique_ptr<SupervisionView> view(const QString &username)
    {
        auto v = std::make_unique<SupervisionView>(*db, session(username), clock);
        v->resize(1280, 800);
        v->show();
        REQUIRE(QTest::qWaitForWindowExposed(v.get()));
        return v;
    }
};

QToolButton *toolButton(QWidget *root, const QString &tip)
{
    for (QToolButton *b : root->findChildren<QToolButton *>())
        if (b->toolTip() == tip)
            return b;
    return nullptr;
}

// Clicks the row of the person as a person would.
void clickPerson(DailyReviewPage *page, qint64 staffId)
{
    const int row = page->model()->rowOf(staffId);
    REQUIRE(row >= 0);
    QTableView *table = page->peopleTable();
    const QRect cell = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    REQUIRE(page->selectedPerson() == staffId);
}

QStringList columnTexts(QTableWidget *table, int column)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out.append(table->item(r, column) ? table->item(r, column)->text() : QString());
    return out;
}

// Presses the dialog's accept button (Guardar, Registrar) as a person would.
void acceptDialog(QWidget *modal)
{
    auto *buttons = modal->findChild<QDialogButtonBox *>();
    REQUIRE(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    REQUIRE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

} // namespace

TEST_CASE("Supervisión: the daily review shows each person's counts and the results to read", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    DailyReviewPage *page = view->reviewPage();
    CHECK(view->tabs()->tabText(0) == QStringLiteral("Revisión diaria"));
    CHECK(page->day() == QDate(2026, 11, 24)); // the last working day before Wednesday 25
    // The Pivot of Ibarra supervises Ibarra only.
    CHECK(view->branchChooser()->count() == 1);
    CHECK_FALSE(view->branchChooser()->isEnabled());
    CHECK(view->branchChooser()->currentData().toString() == QStringLiteral("IBA"));

    QTest::mouseClick(toolButton(page, QStringLiteral("Día laborable anterior")), Qt::LeftButton);
    REQUIRE(page->day() == kMonday);
    CHECK(view->samplePage()->day() == kMonday); // the sample follows the day under review
    const int row = page->model()->rowOf(kAdvisor);
    REQUIRE(row >= 0);
    const auto count = [&](int column) {
        return page->model()->index(row, column).data(ReviewModel::RawRole).toInt();
    };
    CHECK(page->model()->index(row, ReviewModel::Person).data().toString() == QStringLiteral("PINEDA VACA ANA"));
    CHECK(count(ReviewModel::Booked) == 2);
    CHECK(count(ReviewModel::Entered) == 1);
    CHECK(count(ReviewModel::Missing) == 1);
    CHECK(count(ReviewModel::Late) == 0);
    CHECK(count(ReviewModel::Errors) >= 1);
    CHECK(page->findChild<QLabel *>(QStringLiteral("reviewSummary"))->text().contains(QStringLiteral("23/11/2026")));

    clickPerson(page, kAdvisor);
    CHECK(columnTexts(page->justifiedTable(), 0) == QStringList{QStringLiteral("CR-000001")});
    CHECK(columnTexts(page->justifiedTable(), 5) == QStringList{QStringLiteral("PVA NADIE EN CASA")});
    CHECK(columnTexts(page->justifiedTable(), 4) == QStringList{QStringLiteral("Sin verificar")});
    const QStringList codes = columnTexts(page->errorsTable(), 0);
    CHECK(codes.contains(QStringLiteral("E01")));
    CHECK(columnTexts(page->errorsTable(), 2).contains(QStringLiteral("CR-000002")));
}

TEST_CASE("Supervisión: Contradice asks the note and stores CONTRADICTED - an error of the day", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    DailyReviewPage *page = view->reviewPage();
    page->dateEdit()->setDate(kMonday);
    clickPerson(page, kAdvisor);
    auto *contradict = qobject_cast<QPushButton *>(buttonWithText(page, QStringLiteral("Contradice…")));
    REQUIRE(contradict);
    REQUIRE(contradict->isEnabled());

    const QString note = QStringLiteral("el socio dice que nadie lo visitó");
    bool saveWasOff = false;
    whenModalShown([&](QWidget *modal) {
        auto *edit = modal->findChild<QPlainTextEdit *>(QStringLiteral("note"));
        REQUIRE(edit);
        auto *buttons = modal->findChild<QDialogButtonBox *>();
        saveWasOff = !buttons->button(QDialogButtonBox::Ok)->isEnabled(); // no note, no saving
        edit->setFocus();
        typeText(edit, note);
        acceptDialog(modal);
    });
    QTest::mouseClick(contradict, Qt::LeftButton);
    CHECK(saveWasOff);
    CHECK(f.text(QStringLiteral("SELECT verification FROM visit_results WHERE booking_id = %1").arg(f.first))
          == QStringLiteral("CONTRADICTED"));
    CHECK(f.text(QStringLiteral("SELECT verification_note FROM visit_results WHERE booking_id = %1").arg(f.first)) == note);
    // The review shows it, still on the same person, and counts it as an error of the day.
    CHECK(page->selectedPerson() == kAdvisor);
    CHECK(columnTexts(page->justifiedTable(), 4) == QStringList{QStringLiteral("Contradice")});
    CHECK(columnTexts(page->errorsTable(), 0).contains(QStringLiteral("E08")));
    CHECK(f.audits(QStringLiteral("RESULT_VERIFIED")) == 1);

    // Confirmed by phone: no note asked.
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Confirmar por teléfono")), Qt::LeftButton);
    CHECK(f.text(QStringLiteral("SELECT verification FROM visit_results WHERE booking_id = %1").arg(f.first))
          == QStringLiteral("CONFIRMED"));
}

TEST_CASE("Supervisión: Registrar error stores the note for the person and day", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    DailyReviewPage *page = view->reviewPage();
    page->dateEdit()->setDate(kMonday);
    clickPerson(page, kAdvisor);
    whenModalShown([](QWidget *modal) {
        auto *credit = modal->findChild<QComboBox *>(QStringLiteral("errorCredit"));
        REQUIRE(credit);
        CHECK(credit->findText(QStringLiteral("CR-000002")) >= 0); // her visits of the day to choose from
        credit->setCurrentIndex(credit->findText(QStringLiteral("CR-000002")));
        auto *note = modal->findChild<QPlainTextEdit *>(QStringLiteral("errorNote"));
        note->setFocus();
        typeText(note, QStringLiteral("no llevó la notificación"));
        acceptDialog(modal);
    });
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Registrar error…")), Qt::LeftButton);
    CHECK(f.text(QStringLiteral("SELECT note || '|' || credit_number || '|' || day FROM staff_errors WHERE staff_id = 2"))
          == QStringLiteral("no llevó la notificación|CR-000002|2026-11-23"));
    CHECK(columnTexts(page->errorsTable(), 0).contains(QStringLiteral("E10")));
    CHECK(columnTexts(page->errorsTable(), 3).contains(QStringLiteral("no llevó la notificación")));
    // The month's report counts it at once.
    bool counted = false;
    for (const MonthlyErrors &p : view->errorReportPage()->model()->report().people)
        counted = counted || (p.staffId == kAdvisor && p.counts.value(ErrorType::Manual) == 1);
    CHECK(counted);
}

TEST_CASE("Supervisión: the physical sample is drawn with the day as seed and checked", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    view->reviewPage()->dateEdit()->setDate(kMonday);
    view->tabs()->setCurrentIndex(1);
    SamplePage *page = view->samplePage();
    CHECK(page->day() == kMonday);
    CHECK(page->sizeSpin()->value() == 5);
    CHECK(page->seedEdit()->text() == QStringLiteral("20261123"));
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Sortear")), Qt::LeftButton);
    REQUIRE(page->sample());
    CHECK(f.count(QStringLiteral("SELECT seed FROM verification_samples")) == 20261123);
    CHECK(page->findChild<QLabel *>(QStringLiteral("sampleInfo"))->text().contains(QStringLiteral("semilla 20261123")));
    REQUIRE(page->table()->rowCount() == 1); // the only visit with a result
    CHECK(page->table()->item(0, 2)->text() == QStringLiteral("CR-000001"));
    CHECK(page->table()->item(0, 5)->text() == QStringLiteral("Pendiente"));
    page->table()->selectRow(0);
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Confirmada")), Qt::LeftButton);
    CHECK(f.text(QStringLiteral("SELECT outcome FROM verification_checks WHERE booking_id = %1").arg(f.first))
          == QStringLiteral("CONFIRMED"));
    CHECK(page->table()->item(0, 5)->text() == QStringLiteral("Confirmada"));
}

TEST_CASE("Supervisión: Errores F.1-A lists the person and exports the report", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    view->tabs()->setCurrentIndex(2);
    ErrorReportPage *page = view->errorReportPage();
    CHECK(page->month() == QDate(2026, 11, 1));
    const ErrorSummaryModel *model = page->model();
    int row = -1;
    for (int r = 0; r < model->report().people.size(); ++r)
        if (model->personAt(r)->staffId == kAdvisor)
            row = r;
    REQUIRE(row >= 0);
    CHECK(model->index(row, 0).data().toString() == QStringLiteral("PINEDA VACA ANA"));
    CHECK(model->index(row, 1).data(ErrorSummaryModel::RawRole).toInt() == 1); // E01: CR-000002 without result
    CHECK(model->isTotalsRow(model->rowCount() - 1));
    CHECK(model->index(model->rowCount() - 1, model->totalColumn()).data().toInt() == model->report().total);
    page->summaryTable()->selectRow(row);
    CHECK(columnTexts(page->detailTable(), 4).contains(QStringLiteral("CR-000002")));

    // Exportar PDF…: the person types a name without the extension; the file gets it.
    const QString pdf = f.dir.filePath(QStringLiteral("f1a"));
    QString title;
    whenModalShown([&](QWidget *modal) {
        auto *files = qobject_cast<QFileDialog *>(modal);
        REQUIRE(files);
        title = files->windowTitle();
        auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        REQUIRE(name);
        name->setText(pdf);
        static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected; QDialog::accept is not
    });
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Exportar PDF…")), Qt::LeftButton);
    CHECK(title == QStringLiteral("Exportar reporte F.1-A"));
    REQUIRE(QFile::exists(pdf + QStringLiteral(".pdf")));
    CHECK(page->findChild<QLabel *>(QStringLiteral("exportStatus"))->text().contains(QStringLiteral("f1a.pdf")));
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf + QStringLiteral(".pdf"),
                                              QStringLiteral("-")});
        REQUIRE(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        CHECK(text.contains(QStringLiteral("PINEDA VACA ANA")));
        CHECK(text.contains(QStringLiteral("Agencia IBA – Ibarra")));
    }
    CHECK(page->exportTo(f.dir.filePath(QStringLiteral("f1a.xlsx"))));
    CHECK(page->exportTo(f.dir.filePath(QStringLiteral("f1a.csv"))));
    QFile csv(f.dir.filePath(QStringLiteral("f1a.csv")));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(csv.readAll()).contains(QStringLiteral("PINEDA VACA ANA;epsubia;E01")));
}

TEST_CASE("Supervisión: Imprimir errores del día saves the day's PDF - a failed save says why", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    DailyReviewPage *page = view->reviewPage();
    page->dateEdit()->setDate(kMonday);
    QAbstractButton *print = buttonWithText(page, QStringLiteral("Imprimir errores del día…"));
    REQUIRE(print);
    CHECK(print->isEnabled());
    CHECK(print->text() == QStringLiteral("Imprimir errores del &día…")); // Alt+D: A E V U are the menus'

    // The dialog offers errores-IBA-2026-11-23.pdf; the person types a name without the extension.
    const QString pdf = f.dir.filePath(QStringLiteral("errores-lunes"));
    QString title;
    QString offered;
    whenModalShown([&](QWidget *modal) {
        auto *files = qobject_cast<QFileDialog *>(modal);
        REQUIRE(files);
        title = files->windowTitle();
        auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        REQUIRE(name);
        offered = name->text();
        name->setText(pdf);
        static_cast<QDialog *>(files)->accept();
    });
    QTest::mouseClick(print, Qt::LeftButton);
    CHECK(title == QStringLiteral("Imprimir errores del día"));
    CHECK(offered == QStringLiteral("errores-IBA-2026-11-23.pdf"));
    REQUIRE(QFile::exists(pdf + QStringLiteral(".pdf")));
    CHECK(page->findChild<QLabel *>(QStringLiteral("printStatus"))->text().contains(QStringLiteral("errores-lunes.pdf")));
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf + QStringLiteral(".pdf"),
                                              QStringLiteral("-")});
        REQUIRE(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
        CHECK(text.contains(QStringLiteral("Reporte diario de errores — lunes 23 de noviembre de 2026")));
        CHECK(text.contains(QStringLiteral("PINEDA VACA ANA (epsubia)")));
        CHECK(text.contains(QStringLiteral("CR-000002")));
        CHECK(text.contains(QStringLiteral("Impreso por: PIVOT IBARRA")));
    }

    // A folder that does not exist: the Pivot is told, in Spanish, and nothing claims it was saved.
    ModalCloser closer;
    CHECK_FALSE(page->exportDayErrors(f.dir.filePath(QStringLiteral("no-existe/errores.pdf"))));
    REQUIRE(closer.shown().size() == 1);
    CHECK(closer.shown().first().contains(QStringLiteral("No se pudo guardar el reporte de errores del 23/11/2026")));
    CHECK(page->findChild<QLabel *>(QStringLiteral("printStatus"))->text().isEmpty());
}

TEST_CASE("Supervisión: checking and recording need their permissions - reading needs its own", "[ui][supervision]")
{
    SupervisionFixture f;
    // The coordinator reads supervision but does not verify nor record errors.
    auto coord = f.view(QStringLiteral("coord"));
    DailyReviewPage *page = coord->reviewPage();
    page->dateEdit()->setDate(kMonday);
    clickPerson(page, kAdvisor);
    for (const QString &text : {QStringLiteral("Contradice…"), QStringLiteral("Confirmar por teléfono"),
                                QStringLiteral("Registrar error…")}) {
        QAbstractButton *b = buttonWithText(page, text);
        REQUIRE(b);
        CHECK_FALSE(b->isEnabled());
        CHECK(b->toolTip().contains(QStringLiteral("no tiene permiso")));
    }
    QAbstractButton *draw = buttonWithText(coord->samplePage(), QStringLiteral("Sortear"));
    CHECK_FALSE(draw->isEnabled());
    CHECK(draw->toolTip().contains(QStringLiteral("no tiene permiso")));

    // An advisor does not read it at all.
    auto advisor = f.view(QStringLiteral("epsubia"));
    CHECK_FALSE(advisor->tabs()->isEnabled());
    CHECK(advisor->findChild<QLabel *>(QStringLiteral("supervisionRefusal"))->text().contains(QStringLiteral("no tiene permiso")));
    CHECK(advisor->reviewPage()->model()->rowCount() == 0);
}

// Not a check: grabs the area to a PNG for a person to look at.
// COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_ui_tests "[screenshots]"
TEST_CASE("Supervisión: screenshot of the three tabs", "[.][screenshots]")
{
    const QString folder = qEnvironmentVariable("COBRANZA_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    SupervisionFixture f;
    // The coordinator's own visits of Monday, one entered on Tuesday afternoon (late).
    f.at(8, 35, 0);
    const BookResult own = f.book(QStringLiteral("coord"), cr({3, 7}), 4);
    INFO(own.reasons().join(u'\n').toStdString());
    REQUIRE(own.ok);
    f.clock.set(QDateTime(QDate(2026, 11, 24), QTime(16, 0)));
    VisitResult late;
    late.bookingId = own.bookingIds[0];
    late.state = VisitState::NoVisitado;
    late.justification = QStringLiteral("COI lluvia, camino cerrado");
    REQUIRE(ResultService(*f.db, f.session(QStringLiteral("coord")), PermissionTable::defaults(), TimeWindows{},
                          WorkingCalendar(), f.clock)
                .save(late)
                .ok);
    f.clock.set(QDateTime(QDate(2026, 11, 25), QTime(10, 0)));
    QString error;
    REQUIRE(VerificationService(*f.db, f.session(QStringLiteral("pivot")), PermissionTable::defaults(), f.clock)
                .recordError(3, kMonday, QStringLiteral("CR-000003"), QStringLiteral("no llevó la notificación F1TG"), &error));
    auto view = f.view(QStringLiteral("pivot"));
    view->reviewPage()->dateEdit()->setDate(kMonday);
    view->reviewPage()->selectPerson(kAdvisor);
    const QStringList names{QStringLiteral("review"), QStringLiteral("sample"), QStringLiteral("errors")};
    for (int i = 0; i < 3; ++i) {
        view->tabs()->setCurrentIndex(i);
        if (i == 1)
            QTest::mouseClick(buttonWithText(view->samplePage(), QStringLiteral("Sortear")), Qt::LeftButton);
        QTest::qWait(50);
        view->grab().save(folder + QStringLiteral("/supervision-%1.png").arg(names.at(i)));
    }
}
