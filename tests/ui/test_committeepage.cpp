// The committees' tab as a coordinator uses it: the Subcomité's credits, a decision typed for one,
// the minutes recorded with their number.
#include "bookingfixture.h"
#include "supervision/committeepage.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

TEST_CASE("Committee page: a decision typed for a credit becomes numbered minutes", "[ui][committees]")
{
    ensureGuiApp();
    BookingFixture f;
    // A second cut-off where CR-000001 sits at 25 days: the Subcomité's range.
    PortfolioFile file;
    auto row = PortfolioFile::validRow(1);
    row[QStringLiteral("FECHA_CORTE")] = QStringLiteral("22/11/2026");
    row[QStringLiteral("DIAS_MORA")] = QStringLiteral("25");
    file.add(row);
    ImportOptions options;
    options.filePath = writeFile(f.dir, QStringLiteral("later.csv"), file.utf8());
    REQUIRE(PortfolioImporter(*f.db, f.session(QStringLiteral("admin")), PermissionTable::defaults(), RatingScales::defaults())
                .run(options)
                .accepted());

    CommitteePage page(*f.db, f.session(QStringLiteral("coord")), f.clock);
    page.setBranch(QStringLiteral("IBA"));
    REQUIRE(page.agenda()->rowCount() == 1);
    CHECK(page.agenda()->item(0, 0)->text() == QStringLiteral("CR-000001"));
    CHECK(page.recordMinutes() == 0); // no attendees, no decision
    page.attendees()->setText(QStringLiteral("Coordinador, asesora"));
    CHECK(page.recordMinutes() == 0);
    CHECK(page.statusLabel()->text().contains(QStringLiteral("no tiene decisiones")));
    page.agenda()->item(0, 5)->setText(QStringLiteral("plazo hasta el viernes"));
    CHECK(page.recordMinutes() != 0);
    CHECK(page.statusLabel()->text().contains(QStringLiteral("SUBCOMITE-IBA-2026-001")));
    CHECK(page.minutesList()->count() == 1);
    CHECK(page.agenda()->item(0, 4)->text() == QStringLiteral("Acta 1: PLAZO HASTA EL VIERNES"));
    page.committeeChooser()->setCurrentIndex(1);
    CHECK(page.agenda()->rowCount() == 0);
}
