// The "Muestra física" tab read back as the Pivot and an auditor would: the month's samples with
// their counts, one chosen by keyboard with its checks and its replay, a result entered later, and
// mnemonics that leave the menu bar's alone.
#include "bookingfixture.h"
#include "results/resultservice.h"
#include "supervision/samplehistorywidget.h"
#include "supervision/samplepage.h"
#include "supervision/supervisionview.h"
#include "supervision/verificationservice.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include <catch2/catch.hpp>

#include <memory>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kMonday = kToday; // 23/11/2026

// Listed first among the bases: BookingFixture would otherwise create a QCoreApplication, and widgets
// need a QApplication.
struct GuiApp
{
    GuiApp() { ensureGuiApp(); }
};

// CR-000001 and CR-000002 booked for the advisor PINEDA VACA ANA on Monday; she enters CR-000001 and
// CR-000002 stays without a result. The clock then stands on Wednesday morning.
struct SupervisionFixture : GuiApp, BookingFixture
{
    SupervisionFixture()
    {
        const BookResult r = book(QStringLiteral("coord"), cr({1, 2}), 2);
        REQUIRE(r.ok);
        at(18, 0, 0);
        VisitResult v;
        v.bookingId = r.bookingIds[0];
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

QStringList columnTexts(QTableWidget *table, int column)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out.append(table->item(r, column) ? table->item(r, column)->text() : QString());
    return out;
}

} // namespace

TEST_CASE("Supervisión: past samples are listed by month with their checks and whether the seed repeats them", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    view->tabs()->setCurrentIndex(1);
    SamplePage *page = view->samplePage();
    page->setDay(kMonday);
    QTableWidget *list = page->history()->table();
    CHECK(list->rowCount() == 0);
    CHECK(page->history()->month() == QDate(2026, 11, 1));
    CHECK(list->isColumnHidden(2)); // the Pivot's own branch: no branch column

    // Two samples of Monday: the first confirmed, the second left pending.
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Sortear")), Qt::LeftButton);
    REQUIRE(page->sample());
    const qint64 firstSample = page->sample()->summary.id;
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Confirmada")), Qt::LeftButton);
    page->seedEdit()->setText(QStringLiteral("7"));
    QTest::mouseClick(buttonWithText(page, QStringLiteral("Sortear")), Qt::LeftButton);
    REQUIRE(page->sample());
    CHECK(page->sample()->summary.id != firstSample);
    REQUIRE(list->rowCount() == 2);
    CHECK(columnTexts(list, 0) == QStringList{QString::number(firstSample), QString::number(page->sample()->summary.id)});
    CHECK(columnTexts(list, 3) == QStringList{QStringLiteral("20261123"), QStringLiteral("7")});
    CHECK(columnTexts(list, 4) == QStringList{QStringLiteral("1 de 5"), QStringLiteral("1 de 5")});
    CHECK(columnTexts(list, 5) == QStringList{QStringLiteral("1"), QStringLiteral("0")}); // confirmed
    CHECK(columnTexts(list, 7) == QStringList{QStringLiteral("0"), QStringLiteral("1")}); // pending
    CHECK(columnTexts(list, 8) == QStringList{QStringLiteral("Sí"), QStringLiteral("Sí")});
    CHECK(list->item(0, 9)->text() == QStringLiteral("25/11/2026 10:00 · PIV"));
    CHECK(list->item(0, 9)->toolTip() == QStringLiteral("Sorteada por PIVOT IBARRA el 25/11/2026 10:00"));

    // Back to the first by keyboard: its checks, with who checked, and its replay.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up);
    REQUIRE(page->sample());
    CHECK(page->sample()->summary.id == firstSample);
    REQUIRE(page->table()->rowCount() == 1);
    CHECK(page->table()->item(0, 2)->text() == QStringLiteral("CR-000001"));
    CHECK(page->table()->item(0, 5)->text() == QStringLiteral("Confirmada"));
    CHECK(page->table()->item(0, 6)->text().startsWith(QStringLiteral("25/11/2026 ")));
    CHECK(page->table()->item(0, 6)->text().endsWith(QStringLiteral(" · PIV")));
    CHECK(page->table()->item(0, 6)->toolTip().startsWith(QStringLiteral("Revisada por PIVOT IBARRA el 25/11/2026")));
    CHECK(page->findChild<QLabel *>(QStringLiteral("sampleInfo"))->text().contains(QStringLiteral("semilla 20261123")));
    auto *replay = page->findChild<QLabel *>(QStringLiteral("sampleReplay"));
    CHECK(replay->text().contains(QStringLiteral("da la misma visita")));

    // CR-000002's result, entered after the draws, changes Monday's visits: both say so.
    f.clock.set(QDateTime(QDate(2026, 11, 25), QTime(10, 5)));
    VisitResult v;
    v.bookingId = f.count(QStringLiteral("SELECT id FROM bookings WHERE credit_number = 'CR-000002'"));
    v.state = VisitState::Visitado;
    REQUIRE(ResultService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                          WorkingCalendar(), f.clock)
                .save(v)
                .ok);
    page->history()->reload();
    CHECK(columnTexts(list, 8) == QStringList(2, QStringLiteral("No: cambiaron las visitas")));
    QTest::keyClick(list, Qt::Key_Down);
    QTest::keyClick(list, Qt::Key_Up);
    CHECK(page->sample()->summary.id == firstSample);
    CHECK(replay->text().contains(QStringLiteral("1 resultado del día se registró después del sorteo")));

    // Another month has none; the sample shown goes with it.
    QTest::mouseClick(toolButton(page->history(), QStringLiteral("Mes anterior")), Qt::LeftButton);
    CHECK(list->rowCount() == 0);
    CHECK_FALSE(page->sample());
    CHECK(page->findChild<QLabel *>(QStringLiteral("sampleHistoryCount"))->text().contains(QStringLiteral("10/2026")));
}

TEST_CASE("Supervisión: the sample page mnemonics are its own and leave the menus' alone", "[ui][supervision]")
{
    SupervisionFixture f;
    auto view = f.view(QStringLiteral("pivot"));
    view->tabs()->setCurrentIndex(1);
    SamplePage *page = view->samplePage();
    QStringList taken{QStringLiteral("a"), QStringLiteral("e"), QStringLiteral("v"), QStringLiteral("u")}; // menu bar
    const auto mnemonic = [](const QString &text) {
        const qsizetype at = text.indexOf(u'&');
        return at >= 0 && at + 1 < text.size() ? text.mid(at + 1, 1).toLower() : QString();
    };
    QStringList texts;
    for (QLabel *l : view->findChildren<QLabel *>())
        if (l->isVisibleTo(view.get()) && l->buddy() != nullptr)
            texts.append(l->text());
    for (QAbstractButton *b : page->findChildren<QAbstractButton *>())
        texts.append(b->text());
    for (const QString &text : texts) {
        const QString key = mnemonic(text);
        if (key.isEmpty())
            continue;
        INFO(text.toStdString());
        CHECK_FALSE(taken.contains(key));
        taken.append(key);
    }
    // Alt+R reaches the month of the samples.
    QTest::keyClick(view.get(), Qt::Key_R, Qt::AltModifier);
    CHECK(QApplication::focusWidget() == page->history()->monthEdit());
}


// Not a check: the sample tab with a month of samples, one checked both ways and one pending, after a
// late result changed the day. COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_ui_tests "[screenshots]"
TEST_CASE("Supervisión: screenshot of the sample tab with its history", "[.][screenshots]")
{
    const QString folder = qEnvironmentVariable("COBRANZA_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    SupervisionFixture f;
    f.at(8, 35, 0);
    const BookResult own = f.book(QStringLiteral("coord"), cr({3, 7}), 4);
    REQUIRE(own.ok);
    f.clock.set(QDateTime(kMonday, QTime(17, 0)));
    for (qint64 id : own.bookingIds) {
        VisitResult r;
        r.bookingId = id;
        r.state = VisitState::Visitado;
        REQUIRE(ResultService(*f.db, f.session(QStringLiteral("coord")), PermissionTable::defaults(), TimeWindows{},
                              WorkingCalendar(), f.clock)
                    .save(r)
                    .ok);
    }
    f.clock.set(QDateTime(QDate(2026, 11, 25), QTime(10, 0)));
    const VerificationService pivot(*f.db, f.session(QStringLiteral("pivot")), PermissionTable::defaults(), f.clock);
    QString error;
    const auto checked = pivot.drawSample(kMonday, QStringLiteral("IBA"), 5, 20261123, &error);
    REQUIRE(checked);
    REQUIRE(pivot.recordCheck(checked->id, checked->bookingIds[0], true, {}, &error));
    REQUIRE(pivot.recordCheck(checked->id, checked->bookingIds[1], false,
                              QStringLiteral("la notificación no tiene la firma del socio"), &error));
    REQUIRE(pivot.drawSample(kMonday, QStringLiteral("IBA"), 2, 7, &error));
    f.clock.set(QDateTime(QDate(2026, 11, 25), QTime(11, 0)));
    VisitResult late;
    late.bookingId = f.count(QStringLiteral("SELECT id FROM bookings WHERE credit_number = 'CR-000002'"));
    late.state = VisitState::Visitado;
    REQUIRE(ResultService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                          WorkingCalendar(), f.clock)
                .save(late)
                .ok);
    auto view = f.view(QStringLiteral("pivot"));
    view->tabs()->setCurrentIndex(1);
    SamplePage *page = view->samplePage();
    page->setDay(kMonday);
    page->history()->selectSample(checked->id);
    QTest::qWait(50);
    view->grab().save(folder + QStringLiteral("/supervision-sample-history.png"));
    // Head office reads every branch: the branch column shows, drawing waits for a branch.
    REQUIRE(f.db->execScript(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, branch_id, pooled, "
                                            "pool_id, created_at) VALUES(11, 'jefe', 'JEFE DE NEGOCIOS', 'JDN', "
                                            "'JEFE_NEGOCIOS', NULL, 0, NULL, '2026-01-01');"),
                             &error));
    auto head = f.view(QStringLiteral("jefe"));
    head->tabs()->setCurrentIndex(1);
    head->samplePage()->setDay(kMonday);
    QTest::qWait(50);
    head->grab().save(folder + QStringLiteral("/supervision-sample-history-head.png"));
}
