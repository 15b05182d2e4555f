#include "login/novedadesdialog.h"
#include "portfoliofile.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

using Kind = Novedad::Kind;

NovedadesReport sampleReport()
{
    NovedadesReport r;
    r.lastSession = QDateTime(QDate(2026, 11, 22), QTime(8, 5));
    r.fromCutOff = QDate(2026, 11, 21);
    r.toCutOff = QDate(2026, 11, 26);
    r.items = {
        {Kind::BrokenPromise, QStringLiteral("CR-000002"), QStringLiteral("PÉREZ ÑAUPARI JOSÉ 2"),
         QStringLiteral("prometió pagar $ 241,00 el 25/11/2026 · incumplida según el corte del 26/11/2026")},
        {Kind::NewArrears, QStringLiteral("CR-000001"), QStringLiteral("ANDRANGO CACHIMUEL MARÍA"),
         QStringLiteral("5 días de mora, A2 (antes al día)")},
        {Kind::NewArrears, QStringLiteral("CR-000007"), QStringLiteral("YÉPEZ CÓRDOVA LUCÍA"),
         QStringLiteral("12 días de mora, A2 (antes no figuraba en el reporte)")},
        {Kind::UpToDate, QStringLiteral("CR-000003"), QStringLiteral("MUÑOZ PÉREZ ÁNGEL"),
         QStringLiteral("salió del reporte (tenía 20 días de mora)")},
    };
    return r;
}

} // namespace

TEST_CASE("Novedades dialog lists the changes grouped by kind with counts", "[ui][novedades]")
{
    ensureGuiApp();
    NovedadesDialog dialog(sampleReport());
    dialog.show();
    CHECK(dialog.windowTitle() == QStringLiteral("Novedades de sus créditos"));
    CHECK(dialog.headline()
          == QStringLiteral("Desde su última sesión, el 22/11/2026 a las 08:05: 4 novedades en sus créditos, del corte "
                            "del 21/11/2026 al del 26/11/2026."));
    const QTreeWidget *tree = dialog.tree();
    REQUIRE(tree->topLevelItemCount() == 3);
    CHECK(tree->topLevelItem(0)->text(0) == QStringLiteral("Promesas de pago incumplidas (1)"));
    CHECK(tree->topLevelItem(1)->text(0) == QStringLiteral("Cayeron en mora (2)"));
    CHECK(tree->topLevelItem(2)->text(0) == QStringLiteral("Se pusieron al día (1)"));
    const QTreeWidgetItem *arrears = tree->topLevelItem(1);
    CHECK(arrears->isExpanded());
    REQUIRE(arrears->childCount() == 2);
    CHECK(arrears->child(1)->text(0) == QStringLiteral("CR-000007"));
    CHECK(arrears->child(1)->text(1) == QStringLiteral("YÉPEZ CÓRDOVA LUCÍA"));
    CHECK(arrears->child(1)->text(2) == QStringLiteral("12 días de mora, A2 (antes no figuraba en el reporte)"));

    // Double-click opens nothing and closes nothing; Cerrar closes.
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(arrears->child(0)).center());
    CHECK(dialog.isVisible());
    CHECK(arrears->isExpanded());
    QAbstractButton *close = buttonWithText(&dialog, QStringLiteral("Cerrar"));
    REQUIRE(close);
    QTest::mouseClick(close, Qt::LeftButton);
    CHECK_FALSE(dialog.isVisible());
}

TEST_CASE("Novedades showIfAny stays quiet when nothing changed and shows the dialog otherwise", "[ui][novedades]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    auto db = openTestDatabase(dir);
    const Session &admin = testAdmin();
    QStringList opened;
    {
        ModalCloser closer([&opened](QWidget *modal) { opened.append(modal->windowTitle()); });
        NovedadesDialog::showIfAny(*db, admin, nullptr); // no cut-offs at all: nothing to tell
    }
    CHECK(opened.isEmpty());

    // Two cut-offs; the admin is the officer of a credit that fell into arrears.
    for (const auto &[cutOff, days, rating] : {std::tuple{"21/11/2026", "0", "A1"}, std::tuple{"26/11/2026", "9", "A2"}}) {
        PortfolioFile file;
        auto row = PortfolioFile::validRow(1);
        row[QStringLiteral("FECHA_CORTE")] = QString::fromLatin1(cutOff);
        row[QStringLiteral("OFICIAL_CREDITO")] = QStringLiteral("admin");
        row[QStringLiteral("DIAS_MORA")] = QString::fromLatin1(days);
        row[QStringLiteral("CALIFICACION")] = QString::fromLatin1(rating);
        file.add(row);
        REQUIRE(importBytes(*db, dir, file.utf8()).accepted());
    }
    whenModalShown([&opened](QWidget *modal) {
        auto *dialog = qobject_cast<NovedadesDialog *>(modal);
        REQUIRE(dialog);
        opened.append(dialog->tree()->topLevelItem(0)->text(0));
        dialog->reject();
    });
    NovedadesDialog::showIfAny(*db, admin, nullptr, QDate(2026, 11, 27));
    CHECK(opened == QStringList{QStringLiteral("Cayeron en mora (1)")});
}

// Not a check: the dialog as a person sees it.
// COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_ui_tests "[screenshots]"
TEST_CASE("Novedades: screenshot", "[.][screenshots]")
{
    ensureGuiApp();
    const QString dir = qEnvironmentVariable("COBRANZA_SCREENSHOTS", QStringLiteral("."));
    NovedadesDialog dialog(sampleReport());
    dialog.show();
    QApplication::processEvents();
    CHECK(dialog.grab().save(dir + QStringLiteral("/novedades.png")));
}
