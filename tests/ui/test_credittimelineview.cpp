#include "creditdetail/credittimelinepage.h"
#include "creditdetaildialog.h"
#include "creditstoryfixture.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

// Makes the application object before anything else is built.
struct GuiApp
{
    GuiApp() { ensureGuiApp(); }
};

// A base before the member: the story's fixture would otherwise make a core-only application.
struct StoryDialogFixture : GuiApp
{
    CreditStoryFixture story;
};

int tabIndex(const QTabWidget *tabs, const QString &prefix)
{
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i).startsWith(prefix))
            return i;
    return -1;
}

QStringList column(const QTableWidget *t, int c)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out.append(t->item(r, c)->text());
    return out;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
                                          QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

} // namespace

TEST_CASE("The credit detail has an Expediente tab with the credit's story oldest first", "[ui][expediente]")
{
    StoryDialogFixture f;
    f.story.tell();
    CreditDetailDialog dialog(*f.story.db, QStringLiteral("CR-000001"), PortfolioRules{});
    dialog.show();
    REQUIRE(dialog.tabs());
    const int history = tabIndex(dialog.tabs(), QStringLiteral("Historial"));
    const int expediente = tabIndex(dialog.tabs(), QStringLiteral("Expediente"));
    REQUIRE(expediente == history + 1); // the story right after the figures it explains
    CHECK(dialog.tabs()->tabText(expediente) == QStringLiteral("Expediente (14)"));

    dialog.tabs()->setCurrentIndex(expediente);
    const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("timelineTable"));
    REQUIRE(table);
    REQUIRE(table->rowCount() == 14);
    CHECK(column(table, 1)
          == QStringList{QStringLiteral("Corte de cartera"), QStringLiteral("Agendado"), QStringLiteral("Desagendado"),
                         QStringLiteral("Agendado"), QStringLiteral("No Encontrado"), QStringLiteral("Reagendado"),
                         QStringLiteral("Notificación impresa"), QStringLiteral("Notificación impresa"),
                         QStringLiteral("Visitado"), QStringLiteral("Promesa de pago"), QStringLiteral("Gestión Propia"),
                         QStringLiteral("Recaudación"), QStringLiteral("Corte: mejoró la calificación"),
                         QStringLiteral("Promesa de pago: Cumplida")});
    CHECK(table->item(0, 0)->text() == QStringLiteral("21/11/2026"));
    CHECK(table->item(1, 0)->text() == QStringLiteral("23/11/2026 08:00"));
    CHECK(table->item(1, 3)->text() == QStringLiteral("COORDINADOR IBARRA"));
    CHECK(table->item(2, 2)->text().endsWith(QStringLiteral("motivo: SOCIO PIDIÓ OTRA HORA")));
    CHECK(table->item(9, 4)->text() == QStringLiteral("$ 241,00"));
    CHECK(table->item(11, 4)->text() == QStringLiteral("$ 120,50"));
    CHECK(table->item(13, 1)->foreground().color() == QColor(27, 110, 40)); // kept: good news in green
    // Nothing to hide: every cut-off of this story changed something.
    CHECK_FALSE(dialog.findChild<QCheckBox *>(QStringLiteral("showRoutine"))->isVisibleTo(&dialog));
}

TEST_CASE("The Expediente hides cut-offs that only add a day until asked", "[ui][expediente]")
{
    StoryDialogFixture f;
    for (const char *cutOff : {"22/11/2026", "23/11/2026", "24/11/2026"}) {
        PortfolioFile file;
        auto row = PortfolioFile::validRow(1);
        row[QStringLiteral("FECHA_CORTE")] = QString::fromLatin1(cutOff);
        file.add(row);
        REQUIRE(importBytes(*f.story.db, f.story.dir, file.utf8(), {}, f.story.session(QStringLiteral("admin"))).accepted());
    }
    CreditDetailDialog dialog(*f.story.db, QStringLiteral("CR-000001"), PortfolioRules{});
    const int expediente = tabIndex(dialog.tabs(), QStringLiteral("Expediente"));
    CHECK(dialog.tabs()->tabText(expediente) == QStringLiteral("Expediente (2)"));
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("timelineTable"));
    auto *routine = dialog.findChild<QCheckBox *>(QStringLiteral("showRoutine"));
    REQUIRE(table);
    REQUIRE(routine);
    CHECK(table->rowCount() == 2); // 21/11 and the newest, 24/11
    CHECK(routine->text() == QStringLiteral("Mostrar también los cortes sin cambios (2)"));
    dialog.show();
    dialog.tabs()->setCurrentIndex(expediente);
    QTest::mouseClick(routine, Qt::LeftButton, {}, QPoint(8, routine->height() / 2));
    CHECK(routine->isChecked());
    CHECK(column(table, 0)
          == QStringList{QStringLiteral("21/11/2026"), QStringLiteral("22/11/2026"), QStringLiteral("23/11/2026"),
                         QStringLiteral("24/11/2026")});
}

TEST_CASE("Exportar PDF asks for a file and writes the expediente there", "[ui][expediente]")
{
    StoryDialogFixture f;
    f.story.tell();
    CreditDetailDialog dialog(*f.story.db, QStringLiteral("CR-000001"), PortfolioRules{});
    dialog.show();
    dialog.tabs()->setCurrentIndex(tabIndex(dialog.tabs(), QStringLiteral("Expediente")));
    const QString pdf = f.story.dir.filePath(QStringLiteral("expediente"));
    // The person types a name without the extension; the file gets it.
    whenModalShown([&pdf](QWidget *modal) {
        auto *files = qobject_cast<QFileDialog *>(modal);
        REQUIRE(files);
        CHECK(files->windowTitle() == QStringLiteral("Exportar expediente a PDF"));
        // Typed into the name box, as a person does (selectFile() races the dialog's own directory loading).
        auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        REQUIRE(name);
        name->setText(pdf);
        static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected; QDialog::accept is not
    });
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("exportPdf"));
    REQUIRE(button);
    CHECK(button->text() == QStringLiteral("Exportar PDF…"));
    QTest::mouseClick(button, Qt::LeftButton);
    REQUIRE(QFile::exists(pdf + QStringLiteral(".pdf")));
    const QString text = pdfText(pdf + QStringLiteral(".pdf"));
    CHECK(text.contains(QStringLiteral("EXPEDIENTE DEL CRÉDITO CR-000001")));
    CHECK(text.contains(QStringLiteral("Promesa de pago: Cumplida")));
    CHECK(text.contains(QStringLiteral("Página 1 de 1")));
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))->text().contains(QStringLiteral("expediente.pdf")));

    // Excel, straight through the page as the button's dialog would.
    auto *page = dialog.findChild<CreditTimelinePage *>();
    REQUIRE(page);
    const QString xlsx = f.story.dir.filePath(QStringLiteral("expediente.xlsx"));
    CHECK(page->exportXlsx(xlsx));
    CHECK(QFile(xlsx).size() > 0);
    CHECK(dialog.findChild<QPushButton *>(QStringLiteral("exportXlsx"))->text() == QStringLiteral("Exportar Excel…"));
}

// Not a check: grabs the Expediente tab to a PNG and writes its PDF, for a person to look at.
// COBRANZA_SCREENSHOTS=/tmp/shots ./tests/cobranza_ui_tests "[screenshots]"
TEST_CASE("Expediente: screenshot of the tab and its PDF", "[.][screenshots]")
{
    const QString dir = qEnvironmentVariable("COBRANZA_SCREENSHOTS", QStringLiteral("."));
    StoryDialogFixture f;
    f.story.tell();
    CreditDetailDialog dialog(*f.story.db, QStringLiteral("CR-000001"), PortfolioRules{});
    dialog.show();
    dialog.tabs()->setCurrentIndex(tabIndex(dialog.tabs(), QStringLiteral("Expediente")));
    QApplication::processEvents();
    CHECK(dialog.grab().save(dir + QStringLiteral("/expediente-tab.png")));
    CHECK(dialog.findChild<CreditTimelinePage *>()->exportPdf(dir + QStringLiteral("/expediente-real.pdf")));
}
