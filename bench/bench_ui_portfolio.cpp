// Benchmark of the Cartera view at a big cooperative's scale: how long the main window takes to
// open on a 200,000-credit snapshot, and how long each filter change and each sort takes until the
// table has repainted. Run by hand in a Release build (bench/README.md); not a test.
#include "demo/demoseeder.h"
#include "mainwindow.h"
#include "portfolio/portfoliofilterbar.h"
#include "portfolio/portfoliomodel.h"
#include "portfolio/portfolioview.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "benchsupport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cobranza;
using cobranza::bench::measure;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's own settings
    QSettings().clear();
    cobranza::bench::DemoBenchRun run;
    cobranza::bench::openDemoBench(run, app, QStringLiteral("Credits in the snapshot."), 5);
    if (!run.db)
        return 1;
    const qint64 credits = run.credits;
    const int repeat = run.repeat;
    auto &db = run.db;
    QString error;
    DemoSeeder seeder(*db);
    if (seeder.isEmpty()) {
        QElapsedTimer t;
        t.start();
        const QDate today = QDate::currentDate();
        if (!seeder.seedDirectory(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
        for (const QDate cutOff : {QDate(today.year(), today.month(), 1).addDays(-1), today.addDays(-1)}) {
            const ImportResult r = seeder.importPortfolio(*admin, credits, 20261122, cutOff, false);
            if (!r.accepted()) {
                std::fprintf(stderr, "demo import failed: %s\n", qPrintable(r.summary()));
                return 1;
            }
        }
        std::printf("setup: %lld credits x 2 snapshots imported in %.1f s (not measured below)\n",
                    static_cast<long long>(credits), static_cast<double>(t.elapsed()) / 1000.0);
    }
    const auto session = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
    const SystemClock clock;

    std::printf("%-44s %8s %8s %8s\n", "step (ms)", "min", "median", "max");
    std::unique_ptr<MainWindow> window;
    measure("open main window on the newest snapshot", std::max(1, repeat / 2), [&] {
        window.reset();
        window = std::make_unique<MainWindow>(*db, *session, clock);
        window->show();
        QApplication::processEvents();
    });
    PortfolioView *view = window->portfolioView();
    QTableView *table = view->table();
    PortfolioModel *model = view->model();
    std::printf("rows in the view: %d\n", model->visibleCount());
    const auto repaint = [&] {
        table->viewport()->repaint();
        QApplication::processEvents();
    };
    const PortfolioLine first = model->lines().front();
    const auto apply = [&](const char *name, const std::function<void(PortfolioFilter &)> &change) {
        measure(name, repeat, [&] {
            PortfolioFilter f;
            change(f);
            view->setFilter(f);
            repaint();
        });
    };
    apply("filter: none", [](PortfolioFilter &) {});
    apply("filter: branch", [&](PortfolioFilter &f) { f.branchCode = first.row.branchCode; });
    apply("filter: branch + officer", [&](PortfolioFilter &f) {
        f.branchCode = first.row.branchCode;
        f.officer = first.row.officer;
    });
    apply("filter: previous rating A3", [](PortfolioFilter &f) { f.previousRating = Rating::A3; });
    apply("filter: rating B1", [](PortfolioFilter &f) { f.rating = Rating::B1; });
    apply("filter: sector", [&](PortfolioFilter &f) { f.sector = first.row.sector; });
    apply("filter: segment microcrédito", [](PortfolioFilter &f) { f.segment = Segment::Microcredito; });
    apply("filter: days 11-20", [](PortfolioFilter &f) {
        f.minDays = 11;
        f.maxDays = 20;
    });
    apply("filter: reclassified only", [](PortfolioFilter &f) { f.reclassifiedOnly = true; });
    apply("search: surname (accent-insensitive)", [](PortfolioFilter &f) { f.search = QStringLiteral("nunez"); });
    apply("search: cédula prefix", [&](PortfolioFilter &f) { f.search = first.cedula.left(6); });
    apply("search: typing one more letter", [](PortfolioFilter &f) { f.search = QStringLiteral("farinang"); });
    view->setFilter({});
    // The core's share of a sort, without the model reset and the repaint.
    for (const auto &[name, key] : {std::pair{"core only: sort by member name", PortfolioSortKey::Member},
                                    std::pair{"core only: sort by cédula", PortfolioSortKey::Cedula},
                                    std::pair{"core only: sort by days past due", PortfolioSortKey::DaysPastDue}})
        measure(name, repeat, [&, k = key] { selectLines(model->lines(), PortfolioFilter(), k, false); });
    for (int c = 0; c < PortfolioModel::ColumnCount; ++c) {
        const QByteArray name = "sort: " + model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().toUtf8();
        measure(name.constData(), repeat, [&] {
            table->sortByColumn(c, Qt::AscendingOrder);
            repaint();
        });
    }
    return 0;
}
