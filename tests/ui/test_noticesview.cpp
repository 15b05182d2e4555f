// The Notificaciones area as a coordinator uses it: the notices due of the branch, ticked with the
// keyboard and printed to PDF in the worker; what reached the database and the file is checked.
#include "bookingfixture.h"
#include "notices/noticesmodel.h"
#include "notices/noticesview.h"
#include "store/settingsstore.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
                                          QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

QStringList listed(const NoticesModel &m)
{
    QStringList out;
    for (int r = 0; r < m.visibleCount(); ++r)
        out << m.noticeAt(r)->line.row.creditNumber;
    return out;
}

// Ticks one credit the way a person does: cursor on its row, space bar.
void tick(NoticesView &view, const QString &credit)
{
    const int row = view.model()->rowOf(credit);
    REQUIRE(row >= 0);
    view.table()->setFocus();
    view.table()->setCurrentIndex(view.model()->index(row, NoticesModel::Member));
    QTest::keyClick(view.table(), Qt::Key_Space);
}

// Waits for the batch in the worker to end, success or not.
void waitForBatch(NoticesView &view)
{
    REQUIRE(QTest::qWaitFor([&view] { return !view.isPrinting(); }, 30000));
    QCoreApplication::processEvents(); // the watcher's finished signal, queued to this thread
}

qint64 noticesRecorded(const BookingFixture &f) { return f.count(QStringLiteral("SELECT COUNT(*) FROM notices")); }

} // namespace

TEST_CASE("Notices view: the branch's notices due with their type - filtered by type and person", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    // A staff member whose username is the report's OFICIAL_CREDITO of CR-000001, 4 and 7.
    QString error;
    REQUIRE(f.db->execScript(QStringLiteral(
                                 "INSERT INTO staff(id, username, full_name, initials, role, branch_id, pooled, pool_id, "
                                 "created_at) VALUES(11, 'asesor2', 'ASESOR DOS', 'AS2', 'ASESOR_NEGOCIOS', 1, 0, NULL, "
                                 "'2026-01-01');"),
                             &error));
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    CHECK(view.currentCutOff() == kCutOff);
    REQUIRE(listed(*view.model()) == cr({1, 7, 4, 5})); // core's order: by notice, then days
    const auto typeOf = [&view](const QString &credit) {
        return view.model()->noticeAt(view.model()->rowOf(credit))->type;
    };
    CHECK(typeOf(QStringLiteral("CR-000001")) == NoticeType::F1TG);
    CHECK(typeOf(QStringLiteral("CR-000007")) == NoticeType::UltimaNotificacion);
    CHECK(typeOf(QStringLiteral("CR-000004")) == NoticeType::PreviaCobroLegal);
    CHECK(typeOf(QStringLiteral("CR-000005")) == NoticeType::SeguimientoMorosos);
    const int row = view.model()->rowOf(QStringLiteral("CR-000001"));
    CHECK(view.model()->index(row, NoticesModel::Notice).data().toString() == QStringLiteral("Primera notificación (F1TG)"));
    CHECK(view.model()->index(row, NoticesModel::EpisodeStart).data().toString() == QStringLiteral("01/11/2026"));
    CHECK(view.model()->index(row, NoticesModel::Printed).data().toString().isEmpty());
    CHECK(view.totalsLabel()->text().contains(QStringLiteral("<b>4</b> notificaciones pendientes")));

    view.typeChooser()->setCurrentIndex(view.typeChooser()->findData(static_cast<int>(NoticeType::F1TG)));
    CHECK(listed(*view.model()) == cr({1}));
    view.typeChooser()->setCurrentIndex(0);
    CHECK(view.model()->visibleCount() == 4);

    QComboBox *person = view.personChooser();
    CHECK(person->isEnabled());
    CHECK(person->itemText(0) == QStringLiteral("Todos"));
    person->setCurrentIndex(person->findData(QStringLiteral("asesor2")));
    CHECK(listed(*view.model()) == cr({1, 7, 4}));

    view.searchBox()->setText(QStringLiteral("cr-000007"));
    CHECK(listed(*view.model()) == cr({7}));
}

TEST_CASE("Notices view: an advisor sees only his credits - the person is fixed", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    NoticesView advisor(*f.db, f.session(QStringLiteral("epsubia")), f.clock);
    CHECK_FALSE(advisor.personChooser()->isEnabled());
    CHECK(advisor.personChooser()->count() == 1);
    CHECK(advisor.personChooser()->currentData().toString() == QStringLiteral("epsubia"));
    CHECK(advisor.model()->visibleCount() == 0); // he is nobody's OFICIAL_CREDITO and has nothing booked

    // Booked to him, the credit is his to notify.
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    advisor.reload();
    REQUIRE(listed(*advisor.model()) == cr({1}));
    CHECK(advisor.model()->index(0, NoticesModel::BookedTo).data().toString() == QStringLiteral("PINEDA VACA ANA"));
    CHECK(advisor.printButton()->isEnabled());
}

TEST_CASE("Notices view: CR-000001 ticked and saved as PDF - member and guarantor recorded and shown printed", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    view.resize(1280, 800);
    view.show();
    tick(view, QStringLiteral("CR-000001"));
    CHECK(view.model()->ticked() == cr({1}));
    CHECK(view.totalsLabel()->text().contains(QStringLiteral("<b>1</b> marcada")));

    QSignalSpy printed(&view, &NoticesView::printed);
    const QString pdf = f.dir.filePath(QStringLiteral("notificaciones.pdf"));
    view.printToPdf(pdf);
    CHECK(view.isPrinting());
    CHECK_FALSE(view.printButton()->isEnabled()); // one batch at a time
    waitForBatch(view);
    REQUIRE(printed.size() == 1);
    CHECK(printed.first().first().toInt() == 2);

    REQUIRE(QFile::exists(pdf));
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("PRIMERA NOTIFICACIÓN")));
    CHECK(text.contains(QStringLiteral("PÉREZ ÑAUPARI JOSÉ 1")));
    CHECK(text.contains(QStringLiteral("CACHIMUEL ANDRANGO MARÍA"))); // the guarantor's page
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices WHERE credit_number = 'CR-000001'")) == 2);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices WHERE addressee_kind = 'GARANTE'")) == 1);
    CHECK(noticesRecorded(f) == 2);

    // Still due until delivered, now with the day it was printed; the ticks are spent.
    const int row = view.model()->rowOf(QStringLiteral("CR-000001"));
    REQUIRE(row >= 0);
    CHECK(view.model()->index(row, NoticesModel::Printed).data().toString() == QStringLiteral("23/11/2026"));
    CHECK(view.model()->tickedCount() == 0);
    CHECK(view.statusLabel()->text().startsWith(QStringLiteral("2 páginas impresas")));
    CHECK(view.printButton()->isEnabled());

    // Again: the same numbers, as copies.
    tick(view, QStringLiteral("CR-000001"));
    view.printToPdf(pdf);
    waitForBatch(view);
    CHECK(view.statusLabel()->text().startsWith(QStringLiteral("2 páginas impresas (2 copias)")));
    CHECK(pdfText(pdf).contains(QStringLiteral("COPIA")));
}

TEST_CASE("Notices view: cancelled from the progress dialog - nothing recorded and no file", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    view.tickAllButton()->click();
    REQUIRE(view.model()->tickedCount() == 4);
    QSignalSpy failed(&view, &NoticesView::printFailed);
    QSignalSpy printed(&view, &NoticesView::printed);
    const QString pdf = f.dir.filePath(QStringLiteral("cancelado.pdf"));
    view.printToPdf(pdf);
    REQUIRE(view.progressDialog());
    // The dialog's own button, as the person presses it: the worker is still opening its connection.
    QAbstractButton *cancel = buttonWithText(view.progressDialog(), QStringLiteral("Cancelar"));
    REQUIRE(cancel);
    cancel->click();
    waitForBatch(view);
    REQUIRE(failed.size() == 1);
    CHECK(printed.isEmpty());
    CHECK(noticesRecorded(f) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notice_counters")) == 0);
    CHECK(f.audits(QStringLiteral("NOTICES_PRINTED")) == 0);
    CHECK_FALSE(QFile::exists(pdf));
    CHECK(view.statusLabel()->text().contains(QStringLiteral("cancelada")));
    CHECK(view.model()->tickedCount() == 4); // nothing lost: print again when ready
}

TEST_CASE("Notices view: nothing ticked asks before printing every listed notice", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    ModalCloser closer; // closing the question is declining it
    view.printButton()->click();
    REQUIRE(closer.shown().size() == 1);
    CHECK(closer.shown().first() == QStringLiteral("¿Imprimir las 4 notificaciones pendientes?"));
    CHECK_FALSE(view.isPrinting());
    CHECK(noticesRecorded(f) == 0);
}

TEST_CASE("Notices view: a template with an unknown placeholder is reported - nothing printed", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    QTemporaryDir templates;
    writeFile(templates, QStringLiteral("F1TG.txt"), QStringLiteral("Título: AVISO\n---\nPague {{SALDO}}.\n").toUtf8());
    REQUIRE(SettingsStore(*f.db).setValue(SettingsStore::NoticeTemplateDir, templates.path()));
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    tick(view, QStringLiteral("CR-000001"));
    QSignalSpy failed(&view, &NoticesView::printFailed);
    ModalCloser closer;
    const QString pdf = f.dir.filePath(QStringLiteral("mal.pdf"));
    view.printToPdf(pdf);
    waitForBatch(view);
    REQUIRE(failed.size() == 1);
    const QStringList errors = failed.first().first().toStringList();
    INFO(errors.join(u'\n').toStdString());
    CHECK(errors.join(u'\n').contains(QStringLiteral("{{SALDO}}")));
    REQUIRE(closer.shown().size() == 1);
    CHECK(closer.shown().first() == QStringLiteral("No se imprimió ninguna notificación."));
    CHECK(noticesRecorded(f) == 0);
    CHECK_FALSE(QFile::exists(pdf));
}

TEST_CASE("Notices view: the Compromiso de pago form for the ticked credit", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    tick(view, QStringLiteral("CR-000007"));
    view.guarantorsBox()->setChecked(false);
    QSignalSpy printed(&view, &NoticesView::printed);
    const QString pdf = f.dir.filePath(QStringLiteral("compromiso.pdf"));
    view.printToPdf(pdf, NoticeType::CompromisoPago);
    waitForBatch(view);
    REQUIRE(printed.size() == 1);
    CHECK(printed.first().first().toInt() == 1); // the member only
    CHECK(pdfText(pdf).contains(QStringLiteral("COMPROMISO DE PAGO EXTRAJUDICIAL")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices WHERE notice_type = 'COMPROMISO' "
                                 "AND credit_number = 'CR-000007'")) == 1);
    // The stage's notice is still due: a compromiso is not the última notificación.
    const int row = view.model()->rowOf(QStringLiteral("CR-000007"));
    REQUIRE(row >= 0);
    CHECK(view.model()->index(row, NoticesModel::Printed).data().toString().isEmpty());
}

TEST_CASE("Notices view: the preview shows the pages and records nothing", "[ui][notices]")
{
    ensureGuiApp();
    BookingFixture f;
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    tick(view, QStringLiteral("CR-000001"));
    QStringList titles;
    {
        ModalCloser closer([&titles](QWidget *modal) { titles << modal->windowTitle(); });
        view.previewButton()->click();
    }
    REQUIRE(titles.size() == 1);
    CHECK(titles.first().contains(QStringLiteral("Vista previa")));
    CHECK(noticesRecorded(f) == 0);

    // The preview's own print button goes the recorded way: the print dialog of the view, not paper unrecorded.
    titles.clear();
    ModalCloser printFromPreview([&titles](QWidget *modal) {
        titles << modal->windowTitle();
        const QString print = QCoreApplication::translate("QPrintPreviewDialog", "Print");
        for (QAction *a : modal->findChildren<QAction *>())
            if (a->text() == print)
                a->trigger();
    });
    view.previewButton()->click();
    REQUIRE(titles.size() == 2);
    CHECK(titles.last() == QStringLiteral("Imprimir notificaciones"));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notice_counters")) == 0);
}

TEST_CASE("Notices view: screenshot for review", "[.screenshot]")
{
    ensureGuiApp();
    BookingFixture f;
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok);
    NoticesView view(*f.db, f.session(QStringLiteral("coord")), f.clock);
    view.resize(1280, 800);
    view.show();
    tick(view, QStringLiteral("CR-000004"));
    view.printToPdf(f.dir.filePath(QStringLiteral("a.pdf")));
    waitForBatch(view);
    tick(view, QStringLiteral("CR-000001"));
    tick(view, QStringLiteral("CR-000007"));
    QTest::qWait(50);
    REQUIRE(view.grab().save(QStringLiteral("/tmp/notices-view.png")));
}
