// Benchmark of the supervision indicators at a big cooperative's scale: two month-end cut-offs of
// 200,000 credits and a month of visits by every person, read and turned into every indicator's
// numbers. Run by hand in a Release build (bench/README.md); not a test.
#include "demo/demoseeder.h"
#include "indicators/indicatorloader.h"
#include "indicators/indicatortable.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cobranza;
using cobranza::bench::measure;

namespace {

// A working month of November for everyone who visits: `perDay` visits a day on 20 working days,
// with results, some money collected and some promises judged. Straight SQL: the services' rules
// are not what is measured here.
bool simulateMonth(const Database &db, int perDay, qint64 *visits)
{
    QSqlQuery people(db.connection());
    if (!people.exec(QStringLiteral("SELECT s.id, b.code FROM staff s JOIN branches b ON b.id = s.branch_id WHERE "
                                    "s.pooled = 0 AND s.role IN ('ASESOR_NEGOCIOS', 'COORDINADOR_AGENCIA', "
                                    "'OFICIAL_COBRANZAS')")))
        return false;
    QList<std::pair<qint64, QString>> visitors;
    while (people.next())
        visitors.append({people.value(0).toLongLong(), people.value(1).toString()});
    const QStringList states = {QStringLiteral("VISITADO"), QStringLiteral("NO_ENCONTRADO"), QStringLiteral("VISITADO"),
                                QStringLiteral("LLAMADA_TELEFONICA"), QStringLiteral("NO_VISITADO"),
                                QStringLiteral("VISITADO")};
    Transaction tx(db);
    QSqlQuery booking(db.connection());
    booking.prepare(QStringLiteral("INSERT INTO bookings(credit_number, visit_date, staff_id, worker_id, booked_by, "
                                   "booked_at) VALUES(?, ?, ?, ?, ?, ?)"));
    QSqlQuery result(db.connection());
    result.prepare(QStringLiteral("INSERT INTO visit_results(booking_id, state, collected_cents, entered_by, entered_at, "
                                  "late) VALUES(?, ?, ?, ?, ?, ?)"));
    QSqlQuery promise(db.connection());
    promise.prepare(QStringLiteral("INSERT INTO promises(booking_id, credit_number, promised_on, outcome) VALUES(?, ?, ?, ?)"));
    std::map<QString, int> next; // each branch's credits handed out in turn
    for (const auto &[id, branch] : visitors) {
        QSqlQuery credits(db.connection());
        credits.prepare(QStringLiteral("SELECT credit_number FROM snapshot_credits WHERE branch_code = ? AND snapshot_id = "
                                       "(SELECT id FROM snapshots WHERE cut_off = '2026-11-21') LIMIT ? OFFSET ?"));
        credits.addBindValue(branch);
        credits.addBindValue(perDay * 20);
        credits.addBindValue(next[branch]);
        next[branch] += perDay * 20;
        if (!credits.exec())
            return false;
        int n = 0;
        while (credits.next()) {
            const QString day = QDate(2026, 11, 2).addDays(n / perDay + n / perDay / 5 * 2).toString(Qt::ISODate);
            for (const QVariant &v : QVariantList{credits.value(0), day, id, id, id, day + QStringLiteral("T08:00:00")})
                booking.addBindValue(v);
            if (!booking.exec())
                return false;
            const qint64 b = booking.lastInsertId().toLongLong();
            const QString state = states.at(n % states.size());
            for (const QVariant &v : QVariantList{b, state, n % 4 == 0 ? QVariant(1500 + n) : QVariant(), id,
                                                  day + QStringLiteral("T17:00:00"), n % 11 == 0 ? 1 : 0})
                result.addBindValue(v);
            if (!result.exec())
                return false;
            if (n % 5 == 0) {
                for (const QVariant &v : QVariantList{b, credits.value(0), day,
                                                      n % 3 == 0 ? QVariant(QStringLiteral("KEPT"))
                                                                 : QVariant(QStringLiteral("BROKEN"))})
                    promise.addBindValue(v);
                if (!promise.exec())
                    return false;
            }
            ++n;
            ++*visits;
        }
    }
    return tx.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    cobranza::bench::DemoBenchRun run;
    cobranza::bench::openDemoBench(run, app, QStringLiteral("Credits per cut-off."), 5);
    if (!run.db)
        return 1;
    const qint64 credits = run.credits;
    const int repeat = run.repeat;
    auto &db = run.db;
    QString error;
    const QDate october(2026, 10, 31);
    const QDate november(2026, 11, 21);
    DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    if (seeder.isEmpty()) {
        QElapsedTimer t;
        t.start();
        const auto admin = seeder.seedDirectory(&error) ? DirectoryStore(*db).sessionFor(QStringLiteral("admin"))
                                                        : std::nullopt;
        qint64 visits = 0;
        if (!admin || !seeder.importPortfolio(*admin, credits, 20261122, november, false).accepted()
            || !seeder.importPortfolio(*admin, credits, 20261122, october, false).accepted()
            || !simulateMonth(*db, 15, &visits)) {
            std::fprintf(stderr, "demo setup failed %s\n", qPrintable(error));
            return 1;
        }
        std::printf("setup: 2 cut-offs of %lld credits and %lld visits in %.1f s (not measured below)\n",
                    static_cast<long long>(credits), static_cast<long long>(visits),
                    static_cast<double>(t.elapsed()) / 1000.0);
    }
    const auto jefe = DirectoryStore(*db).sessionFor(QStringLiteral("gfpozo"));
    if (!jefe) {
        std::fprintf(stderr, "demo users missing\n");
        return 1;
    }
    const FixedClock clock(QDateTime(QDate(2026, 12, 2), QTime(9, 0))); // November's results all due
    const IndicatorService service(*db, *jefe, PermissionTable::defaults(), clock);

    std::printf("%-52s %8s %8s %8s\n", "step (ms)", "min", "median", "max");
    QList<PortfolioCell> cells;
    measure("one cut-off as branch x rating sums", repeat, [&] { cells = loadPortfolioCells(*db, november); });
    std::printf("cells: %lld, credits %lld\n", static_cast<long long>(cells.size()),
                static_cast<long long>(sumCells(cells).credits));
    measure("month-end cut-offs and months offered", repeat, [&] {
        if (loadIndicatorMonths(*db).isEmpty())
            std::abort();
    });
    ActivityFacts facts;
    measure("the month's visits results promises errors", repeat,
            [&] { facts = loadActivityFacts(*db, november, {}, clock.now()); });
    std::printf("visits: %lld, people: %lld\n", static_cast<long long>(facts.visits.size()),
                static_cast<long long>(facts.people.size()));
    IndicatorInputs inputs;
    measure("all inputs: 2 months + activity, first read", repeat, [&] {
        const IndicatorService fresh(*db, *jefe, PermissionTable::defaults(), clock);
        inputs = fresh.load(october, november, {});
    });
    service.load(october, november, {});
    measure("all inputs again, another branch (sums kept)", repeat,
            [&] { service.load(october, november, QStringLiteral("IBA")); });
    const QList<IndicatorSheet> sheets = loadIndicatorSheets(*db);
    measure("the 15 indicator tables from the inputs", repeat, [&] {
        for (const IndicatorSheet &s : sheets)
            if (buildIndicatorTable(s.code, inputs).code != s.code)
                std::abort();
    });
    measure("everything a first refresh computes", repeat, [&] {
        const IndicatorService fresh(*db, *jefe, PermissionTable::defaults(), clock);
        const IndicatorInputs in = fresh.load(october, november, {});
        for (const IndicatorSheet &s : loadIndicatorSheets(*db))
            if (buildIndicatorTable(s.code, in).code != s.code)
                std::abort();
    });
    return 0;
}
