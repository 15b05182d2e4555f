// Drives the Cartera area as a branch coordinator would: choose a cut-off, type in the search box,
// pick filters, sort by a column, open a credit; asserts on what the model shows.
#include "demo/demoseeder.h"
#include "portfolio/portfoliofilterbar.h"
#include "portfolio/portfoliomodel.h"
#include "portfolio/portfolioview.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "testsupport.h"
#include "textfold.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

const QDate kMonthEnd(2026, 10, 31);
const QDate kCutOff(2026, 11, 21);

// A demo cooperative with two snapshots, made once for all the tests of this file.
const Database &demoDatabase()
{
    // Built once and deliberately never destroyed: a static Database would be closed after Qt's
    // SQL module has shut down at exit.
    static QTemporaryDir *dir = new QTemporaryDir;
    static Database *db = nullptr;
    if (!db) {
        test::ensureGuiApp();
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Ecuador)); // as the application does
        QString error;
        db = Database::open(dir->filePath(QStringLiteral("view.sqlite")), &error).release();
        REQUIRE(db);
        DemoSeeder seeder(*db);
        REQUIRE(seeder.seedDirectory(&error));
        const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
        REQUIRE(admin);
        REQUIRE(seeder.importPortfolio(*admin, 1500, 99, kMonthEnd, false).accepted());
        REQUIRE(seeder.importPortfolio(*admin, 1500, 99, kCutOff, false).accepted());
    }
    return *db;
}

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *w = parent.findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

void chooseByData(QComboBox *combo, const QString &data)
{
    const int i = combo->findData(data);
    REQUIRE(i >= 0);
    combo->setCurrentIndex(i);
}

} // namespace

TEST_CASE("The portfolio view lists cut-offs newest first and shows the newest", "[ui][portfolio]")
{
    const Database &db = demoDatabase();
    PortfolioView view(db);
    view.reloadSnapshots();
    auto *snapshots = child<QComboBox>(view, "snapshotChooser");
    REQUIRE(snapshots->count() == 2);
    CHECK(snapshots->itemData(0).toDate() == kCutOff);
    CHECK(snapshots->itemData(1).toDate() == kMonthEnd);
    CHECK(snapshots->currentText().startsWith(QStringLiteral("21/11/2026")));
    CHECK(view.model()->visibleCount() == 1500);
    CHECK(child<QLabel>(view, "portfolioTotals")->text().contains(QStringLiteral("1.500")));

    snapshots->setCurrentIndex(1);
    CHECK(view.currentCutOff() == kMonthEnd);
    CHECK(view.model()->lineAt(0)->row.cutOff == kMonthEnd);
}

TEST_CASE("Typing in the search box finds a member by name without accents and by cédula", "[ui][portfolio]")
{
    const Database &db = demoDatabase();
    PortfolioView view(db);
    view.reloadSnapshots();
    view.show();
    const PortfolioLine target = *view.model()->lineAt(123);
    auto *search = child<QLineEdit>(view, "portfolioSearch");

    // The first surname as a person types it: lower case, no accents.
    const QString surname = foldForSearch(target.fullName.section(u' ', 0, 0));
    QTest::keyClicks(search, surname);
    REQUIRE(view.model()->visibleCount() >= 1);
    for (int r = 0; r < view.model()->visibleCount(); ++r)
        CHECK(foldForSearch(view.model()->lineAt(r)->fullName).contains(surname));

    search->clear();
    QTest::keyClicks(search, target.cedula);
    REQUIRE(view.model()->visibleCount() >= 1);
    CHECK(view.model()->lineAt(0)->cedula == target.cedula);

    search->clear();
    QTest::keyClicks(search, target.row.creditNumber);
    REQUIRE(view.model()->visibleCount() == 1);
    CHECK(view.model()->lineAt(0)->row.creditNumber == target.row.creditNumber);
    search->clear();
    CHECK(view.model()->visibleCount() == 1500);
}

TEST_CASE("Filters narrow the list and the totals follow the visible rows", "[ui][portfolio]")
{
    const Database &db = demoDatabase();
    PortfolioView view(db);
    view.reloadSnapshots();
    const auto &lines = view.model()->lines();

    chooseByData(child<QComboBox>(view, "filterBranch"), QStringLiteral("OTA"));
    const auto expectedBranch = std::count_if(lines.begin(), lines.end(),
                                              [](const PortfolioLine &l) { return l.row.branchCode == u"OTA"; });
    CHECK(view.model()->visibleCount() == expectedBranch);
    // Only Otavalo's officers are offered once the branch is chosen.
    auto *officers = child<QComboBox>(view, "filterOfficer");
    for (int i = 1; i < officers->count(); ++i) {
        const QString officer = officers->itemData(i).toString();
        CHECK(std::any_of(lines.begin(), lines.end(), [&](const PortfolioLine &l) {
            return l.row.branchCode == u"OTA" && l.row.officer == officer;
        }));
    }
    REQUIRE(officers->count() > 1);
    officers->setCurrentIndex(1);
    const QString officer = officers->currentData().toString();

    child<QSpinBox>(view, "filterMinDays")->setValue(1);
    child<QCheckBox>(view, "filterReclassified")->setChecked(true);
    Money balance;
    qint64 expected = 0;
    for (const PortfolioLine &l : lines)
        if (l.row.branchCode == u"OTA" && l.row.officer == officer && l.row.daysPastDue >= 1 && l.row.reclassified()) {
            ++expected;
            balance += l.row.balance;
        }
    CHECK(view.model()->visibleCount() == expected);
    CHECK(view.model()->visibleBalance() == balance);

    chooseByData(child<QComboBox>(view, "filterPreviousRating"), QStringLiteral("A2"));
    for (int r = 0; r < view.model()->visibleCount(); ++r)
        CHECK(view.model()->lineAt(r)->row.previousRating == Rating::A2);

    view.filterBar()->clear();
    CHECK(view.model()->visibleCount() == 1500);
}

TEST_CASE("Clicking a column header sorts by it - again reverses", "[ui][portfolio]")
{
    const Database &db = demoDatabase();
    PortfolioView view(db);
    view.reloadSnapshots();
    view.resize(1400, 700);
    view.show();
    QHeaderView *header = view.table()->horizontalHeader();
    const int x = header->sectionViewportPosition(PortfolioModel::DaysPastDue) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    const PortfolioModel *m = view.model();
    const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
    for (int r = 1; r < m->visibleCount(); ++r) {
        const int a = m->lineAt(r - 1)->row.daysPastDue, b = m->lineAt(r)->row.daysPastDue;
        CHECK((ascending ? a <= b : a >= b));
    }
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    CHECK((header->sortIndicatorOrder() == Qt::AscendingOrder) != ascending);
    for (int r = 1; r < m->visibleCount(); ++r) {
        const int a = m->lineAt(r - 1)->row.daysPastDue, b = m->lineAt(r)->row.daysPastDue;
        CHECK((ascending ? a >= b : a <= b));
    }
    CHECK(m->lineAt(0)->row.daysPastDue != m->lineAt(m->visibleCount() - 1)->row.daysPastDue);
}

TEST_CASE("Enter on a row asks to open that credit's file", "[ui][portfolio]")
{
    const Database &db = demoDatabase();
    PortfolioView view(db);
    view.reloadSnapshots();
    view.show();
    QSignalSpy opened(&view, &PortfolioView::creditActivated);
    view.table()->setFocus();
    view.table()->setCurrentIndex(view.model()->index(7, 0));
    QTest::keyClick(view.table(), Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(opened.first().first().toString() == view.model()->lineAt(7)->row.creditNumber);
}

TEST_CASE("Derived columns follow the cooperative's rules", "[ui][portfolio]")
{
    const Database &db = demoDatabase();
    PortfolioView view(db);
    view.reloadSnapshots();
    const PortfolioModel *m = view.model();
    for (int r = 0; r < m->visibleCount(); ++r) {
        const PortfolioLine *l = m->lineAt(r);
        const QString responsible =
            m->data(m->index(r, PortfolioModel::Responsible), Qt::DisplayRole).toString();
        CHECK(responsible == roleLabel(RatingRoles::defaults().responsibleFor(l->row.rating)));
        CHECK(m->data(m->index(r, PortfolioModel::Reclassified), Qt::DisplayRole).toString().isEmpty()
              != l->row.reclassified());
    }
}
