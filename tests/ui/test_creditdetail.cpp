#include "creditdetaildialog.h"
#include "import/portfolioimporter.h"
#include "portfoliofile.h"
#include "store/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QLabel>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::PortfolioFile;

namespace {


// Two cut-offs imported through the real importer: credit 1 slips from A2 to B1 with a second
// guarantor and a rating warning on the first cut-off; credit 4 drops out of the newest report.
struct DetailFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    DetailFixture()
    {
        test::ensureGuiApp();
        db = test::openTestDatabase(dir);
        QSqlQuery q(db->connection());
        REQUIRE(q.exec(QStringLiteral("INSERT INTO branches(id, code, name) VALUES(1, 'IBA', 'Ibarra')")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, branch_id, created_at) "
                                      "VALUES(2, 'asesor2', 'Edgar Patricio Subia', 'EPS', 'ASESOR_NEGOCIOS', 1, "
                                      "'2026-01-01')")));
        importCutOff(QStringLiteral("31/10/2026"), 10, QStringLiteral("A1"), 4);
        importCutOff(QStringLiteral("21/11/2026"), 40, QStringLiteral("B1"), 3);
    }

    void importCutOff(const QString &cutOff, int days, const QString &rating, int credits)
    {
        PortfolioFile f;
        f.columns << QStringLiteral("GARANTE2_CEDULA") << QStringLiteral("GARANTE2_NOMBRE");
        for (int n = 1; n <= credits; ++n) {
            auto row = PortfolioFile::validRow(n);
            row[QStringLiteral("FECHA_CORTE")] = cutOff;
            if (n == 1) {
                row[QStringLiteral("DIAS_MORA")] = QString::number(days);
                row[QStringLiteral("CALIFICACION")] = rating;
                row[QStringLiteral("GARANTE2_CEDULA")] = PortfolioFile::validRow(900).value(QStringLiteral("CEDULA"));
                row[QStringLiteral("GARANTE2_NOMBRE")] = QStringLiteral("TUQUERRES ÁLVAREZ LUIS");
            }
            if (n == 3) { // a second credit of the member of credit 1
                const auto first = PortfolioFile::validRow(1);
                for (const char *c : {"NUMERO_SOCIO", "CEDULA", "APELLIDOS_NOMBRES"})
                    row[QString::fromLatin1(c)] = first.value(QString::fromLatin1(c));
            }
            f.add(row);
        }
        REQUIRE(test::importBytes(*db, dir, f.utf8()).outcome == ImportResult::Outcome::Accepted);
    }
};

QString labelText(const QWidget &w, const char *objectName)
{
    const auto *l = w.findChild<QLabel *>(QString::fromLatin1(objectName));
    REQUIRE(l);
    return l->text();
}

QStringList tabTitles(const QTabWidget *tabs)
{
    QStringList out;
    for (int i = 0; i < tabs->count(); ++i)
        out.append(tabs->tabText(i));
    return out;
}

} // namespace

TEST_CASE("The credit detail shows the member - the rating's consequences and the guarantors", "[ui][creditdetail]")
{
    DetailFixture f;
    CreditDetailDialog dialog(*f.db, QStringLiteral("CR-000001"), PortfolioRules{});
    dialog.show();
    REQUIRE(dialog.hasCredit());
    CHECK(dialog.windowTitle() == QStringLiteral("Crédito CR-000001 — PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(labelText(dialog, "memberName") == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(labelText(dialog, "memberNumber") == QStringLiteral("S00001"));
    CHECK(labelText(dialog, "ratingBadge") == QStringLiteral("B1"));
    CHECK(labelText(dialog, "rating") == QStringLiteral("B1 · riesgo Potencial · reclasificado desde A2"));
    CHECK(labelText(dialog, "responsible") == QStringLiteral("Coordinador de Agencia"));
    CHECK(labelText(dialog, "officer") == QStringLiteral("Edgar Patricio Subia (asesor2)"));
    CHECK(labelText(dialog, "daysPastDue") == QStringLiteral("40 días"));
    CHECK(labelText(dialog, "nextRating") == QStringLiteral("B2 en 6 días (27/11/2026), si no paga"));
    CHECK(labelText(dialog, "ladderStage")
          == QStringLiteral("36–40 días — Visitar y negociar: reestructuración o refinanciamiento "
                            "(Coordinador de Agencia · Verbal)"));
    CHECK(labelText(dialog, "trend") == QStringLiteral("Empeoró de A1 a B1 en el último corte"));
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("staleNote")) == nullptr);

    REQUIRE(dialog.tabs());
    CHECK(tabTitles(dialog.tabs())
          == QStringList{QStringLiteral("Socio"), QStringLiteral("Garantes (2)"), QStringLiteral("Crédito"),
                         QStringLiteral("Historial (2)"), QStringLiteral("Expediente (2)"),
                         QStringLiteral("Advertencias de importación (1)"),
                                              QStringLiteral("Auditoría")});

    const auto *guarantors = dialog.findChild<QTableWidget *>(QStringLiteral("guarantorsTable"));
    REQUIRE(guarantors);
    REQUIRE(guarantors->rowCount() == 2);
    CHECK(guarantors->item(0, 1)->text() == QStringLiteral("CACHIMUEL ANDRANGO MARÍA"));
    CHECK(guarantors->item(0, 3)->text() == QStringLiteral("0987654321"));
    CHECK(guarantors->item(1, 1)->text() == QStringLiteral("TUQUERRES ÁLVAREZ LUIS"));

    CHECK(labelText(dialog, "otherCredits").contains(QStringLiteral("CR-000003")));
}

TEST_CASE("The credit detail lists the history newest first and the import warnings", "[ui][creditdetail]")
{
    DetailFixture f;
    CreditDetailDialog dialog(*f.db, QStringLiteral("CR-000001"), PortfolioRules{});
    const auto *history = dialog.findChild<QTableWidget *>(QStringLiteral("historyTable"));
    REQUIRE(history);
    REQUIRE(history->rowCount() == 2);
    CHECK(history->item(0, 0)->text() == QStringLiteral("21/11/2026"));
    CHECK(history->item(0, 1)->text() == QStringLiteral("40"));
    CHECK(history->item(0, 2)->text() == QStringLiteral("B1"));
    CHECK(history->item(0, 3)->text() == QStringLiteral("A2"));
    CHECK(history->item(0, 4)->text() == Money::fromCents(150000).toDisplayString());
    CHECK(history->item(1, 0)->text() == QStringLiteral("31/10/2026"));
    CHECK(history->item(1, 2)->text() == QStringLiteral("A1"));

    const auto *warnings = dialog.findChild<QTableWidget *>(QStringLiteral("warningsTable"));
    REQUIRE(warnings);
    REQUIRE(warnings->rowCount() == 1);
    CHECK(warnings->item(0, 0)->text() == QStringLiteral("31/10/2026"));
    CHECK(warnings->item(0, 2)->text() == QStringLiteral("CALIFICACION"));

    // A credit without warnings has no warnings page at all.
    CreditDetailDialog clean(*f.db, QStringLiteral("CR-000002"), PortfolioRules{});
    REQUIRE(clean.tabs());
    CHECK(clean.tabs()->count() == 6); // no warnings tab; the expediente and audit tabs are always there
    CHECK(clean.findChild<QTableWidget *>(QStringLiteral("warningsTable")) == nullptr);
}

TEST_CASE("The credit detail says when a credit left the newest report - and when it is unknown",
          "[ui][creditdetail]")
{
    DetailFixture f;
    CreditDetailDialog gone(*f.db, QStringLiteral("CR-000004"), PortfolioRules{});
    CHECK(labelText(gone, "staleNote").contains(QStringLiteral("21/11/2026")));
    CHECK(labelText(gone, "staleNote").contains(QStringLiteral("31/10/2026")));

    CreditDetailDialog unknown(*f.db, QStringLiteral("CR-999999"), PortfolioRules{});
    CHECK_FALSE(unknown.hasCredit());
    CHECK(unknown.tabs() == nullptr);
    CHECK(labelText(unknown, "notFound").contains(QStringLiteral("CR-999999")));
}

TEST_CASE("Esc closes the credit detail", "[ui][creditdetail]")
{
    DetailFixture f;
    CreditDetailDialog dialog(*f.db, QStringLiteral("CR-000001"), PortfolioRules{});
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    // From inside the history table, where the staff's focus usually is: the table lets Esc through.
    auto *history = dialog.findChild<QTableWidget *>(QStringLiteral("historyTable"));
    REQUIRE(history);
    QTest::keyClick(history, Qt::Key_Escape);
    CHECK_FALSE(dialog.isVisible());
    CHECK(dialog.result() == QDialog::Rejected);
}
