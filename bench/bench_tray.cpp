// Benchmark of the tray generator and of booking at a big cooperative's scale: filtering and sorting
// a 200,000-credit cut-off's tray, and booking 1,000 credits onto one route sheet. Run by hand in a
// Release build (bench/README.md); not a test.
#include "demo/demoseeder.h"
#include "results/memberfinder.h"
#include "routes/bookingservice.h"
#include "routes/tray.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"
#include "benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cobranza;
using cobranza::bench::measure;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cobranza::bench::DemoBenchRun run;
    cobranza::bench::openDemoBench(run, app, QStringLiteral("Credits in the snapshot."), 7);
    if (!run.db)
        return 1;
    const qint64 credits = run.credits;
    const int repeat = run.repeat;
    auto &db = run.db;
    QString error;
    const QDate cutOff(2026, 11, 21);
    DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    if (seeder.isEmpty()) {
        QElapsedTimer t;
        t.start();
        const auto admin = seeder.seedDirectory(&error) ? DirectoryStore(*db).sessionFor(QStringLiteral("admin"))
                                                        : std::nullopt;
        if (!admin || !seeder.importPortfolio(*admin, credits, 20261122, cutOff, false).accepted()) {
            std::fprintf(stderr, "demo setup failed %s\n", qPrintable(error));
            return 1;
        }
        std::printf("setup: %lld credits imported in %.1f s (not measured below)\n", static_cast<long long>(credits),
                    static_cast<double>(t.elapsed()) / 1000.0);
    }
    const RulesStore rules(*db);
    const PortfolioRules portfolioRules = rules.portfolioRules();

    std::printf("%-48s %8s %8s %8s\n", "step (ms)", "min", "median", "max");
    Tray tray;
    measure("load the tray of every branch (not a target)", 3,
            [&](int) { tray = loadTray(*db, cutOff, portfolioRules, rules.timeWindows().dueSoonDays); });
    std::printf("credits in the tray: %zu of %lld\n", tray.lines.size(), static_cast<long long>(credits));
    const PortfolioLine &first = tray.lines.front();
    const auto select = [&](const char *name, const std::function<void(TrayFilter &)> &change,
                            std::optional<PortfolioSortKey> key = {}, bool descending = false) {
        measure(name, repeat, [&](int) {
            TrayFilter f;
            change(f);
            const std::vector<int> rows = selectTray(tray, f, key, descending);
            if (rows.size() > tray.lines.size())
                std::abort(); // keeps the call from being optimised away
        });
    };
    select("no filter - priority order", [](TrayFilter &) {});
    select("branch", [&](TrayFilter &f) { f.portfolio.branchCode = first.row.branchCode; });
    select("OFICIAL_CREDITO", [&](TrayFilter &f) { f.portfolio.officer = first.row.officer; });
    select("SECTOR", [&](TrayFilter &f) { f.portfolio.sector = first.row.sector; });
    select("CALIFICACION_ANT B1", [](TrayFilter &f) { f.portfolio.previousRating = Rating::B1; });
    select("responsible role: advisor", [](TrayFilter &f) { f.responsible = Role::AsesorNegocios; });
    select("rezagados", [](TrayFilter &f) { f.rezagadosOnly = true; });
    select("search 'maria'", [](TrayFilter &f) { f.portfolio.search = QStringLiteral("maria"); });
    select("sort DIAS_MORA descending", [](TrayFilter &) {}, PortfolioSortKey::DaysPastDue, true);
    select("sort APELLIDOS_NOMBRES", [](TrayFilter &) {}, PortfolioSortKey::Member);
    select("sort SECTOR", [](TrayFilter &) {}, PortfolioSortKey::Sector);
    measure("sort by booking date", repeat, [&](int) {
        if (selectTray(tray, {}, TraySortKey::BookedOn, false).size() > tray.lines.size())
            std::abort();
    });

    // Gestión Propia's member search over the whole cut-off (every branch: the widest case).
    const MemberFinder finder(loadPortfolio(*db, cutOff, portfolioRules));
    for (const char *text : {"perez maria", "cardenas", "0101000", "1004"}) {
        const QString query = QString::fromLatin1(text);
        measure(qPrintable(QStringLiteral("member search '%1' (%2 credits)").arg(query).arg(finder.lines().size())), repeat,
                [&](int) {
                    if (finder.find(query).size() > finder.lines().size())
                        std::abort();
                });
    }

    // Booking: the Ibarra coordinator books 1,000 of the branch's advisor-rated credits for an
    // advisor, each repetition on another day (a credit is booked once a day).
    const auto coordinator = DirectoryStore(*db).sessionFor(QStringLiteral("mvbenalcazar"));
    const auto advisor = DirectoryStore(*db).staffByUsername(QStringLiteral("agchamorro"));
    if (!coordinator || !advisor) {
        std::fprintf(stderr, "demo users missing\n");
        return 1;
    }
    QStringList toBook;
    TrayFilter mine;
    mine.portfolio.branchCode = coordinator->branchCode;
    mine.responsible = Role::AsesorNegocios;
    for (int i : selectTray(tray, mine))
        if (toBook.size() < 1000)
            toBook.append(tray.lines[static_cast<size_t>(i)].row.creditNumber);
    const FixedClock clock(QDateTime(QDate(2026, 11, 22), QTime(7, 0)));
    const BookingService service(*db, *coordinator, PermissionTable::defaults(), rules.ratingRoles(),
                                 rules.timeWindows(), clock);
    std::printf("credits booked per repetition: %lld\n", static_cast<long long>(toBook.size()));
    const QDate base = QDate(2027, 1, 4).addDays(QDateTime::currentSecsSinceEpoch() % 300 * 7); // fresh days on reuse
    measure("book 1,000 credits (one transaction)", std::max(3, repeat / 2), [&](int i) {
        const BookResult r = service.book(toBook, advisor->id, base.addDays(i), cutOff);
        if (!r.ok) {
            std::fprintf(stderr, "booking refused: %s\n", qPrintable(r.reasons().value(0)));
            std::exit(1);
        }
    });
    return 0;
}
