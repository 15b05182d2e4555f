// Benchmark of supervision at a big cooperative's scale: the Pivot's daily review and the F.1-A
// month for a branch of a 200,000-credit portfolio with a month of visits and results. The visits
// are inserted directly (not through the services) so that the setup takes seconds. Run by hand in
// a Release build (bench/README.md); not a test.
#include "demo/demoseeder.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "supervision/dailyerrorreport.h"
#include "supervision/dailyreview.h"
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

// Eight visits a working day of November for every advisor of the branch, each with a result;
// one in ten left without one, one in twenty late — a month as a supervisor finds it.
int seedMonth(const Database &db, const QString &branchCode)
{
    QSqlQuery staff(db.connection());
    staff.prepare(QStringLiteral("SELECT s.id FROM staff s JOIN branches b ON b.id = s.branch_id WHERE b.code = ? "
                                 "AND s.role = 'ASESOR_NEGOCIOS' AND s.pooled = 0"));
    staff.addBindValue(branchCode);
    staff.exec();
    QList<qint64> advisors;
    while (staff.next())
        advisors << staff.value(0).toLongLong();
    QSqlQuery credits(db.connection());
    credits.prepare(QStringLiteral("SELECT credit_number FROM snapshot_credits WHERE snapshot_id = (SELECT MAX(id) FROM "
                                   "snapshots) AND branch_code = ? AND days_past_due > 0 LIMIT 5000"));
    credits.addBindValue(branchCode);
    credits.exec();
    QStringList pool;
    while (credits.next())
        pool << credits.value(0).toString();
    db.execScript(QStringLiteral("BEGIN"), nullptr);
    QSqlQuery b(db.connection());
    b.prepare(QStringLiteral("INSERT INTO bookings(credit_number, visit_date, staff_id, worker_id, booked_by, booked_at, "
                             "route_order, source) VALUES(?, ?, ?, ?, ?, '2026-11-01T12:00:00Z', ?, 'TRAY')"));
    QSqlQuery r(db.connection());
    r.prepare(QStringLiteral("INSERT INTO visit_results(booking_id, state, visit_time, justification, entered_by, "
                             "entered_at, late) VALUES(?, ?, '10:30', ?, ?, '2026-11-01T20:00:00Z', ?)"));
    int n = 0;
    for (QDate d(2026, 11, 2); d <= QDate(2026, 11, 30); d = d.addDays(1)) {
        if (d.dayOfWeek() > 5)
            continue;
        for (qint64 advisor : advisors)
            for (int v = 0; v < 8; ++v, ++n) {
                b.addBindValue(pool[n % pool.size()]);
                b.addBindValue(d.toString(Qt::ISODate));
                b.addBindValue(advisor);
                b.addBindValue(advisor);
                b.addBindValue(advisor);
                b.addBindValue(v + 1);
                if (!b.exec())
                    continue;
                if (n % 10 == 0)
                    continue;
                r.addBindValue(b.lastInsertId());
                r.addBindValue(n % 3 == 0 ? QStringLiteral("NO_ENCONTRADO") : QStringLiteral("VISITADO"));
                r.addBindValue(n % 7 == 0 ? QStringLiteral("SIN SIGLAS") : QStringLiteral("AGC SOCIO ATENDIDO"));
                r.addBindValue(advisor);
                r.addBindValue(n % 20 == 0 ? 1 : 0);
                r.exec();
            }
    }
    db.execScript(QStringLiteral("COMMIT"), nullptr);
    return n;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("credits"), QStringLiteral("Credits in the snapshot."), QStringLiteral("N"),
                      QStringLiteral("200000")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Repetitions of each step."), QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.process(app);
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")), &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    const auto admin = seeder.seedDirectory(&error) ? DirectoryStore(*db).sessionFor(QStringLiteral("admin")) : std::nullopt;
    if (!admin
        || !seeder.importPortfolio(*admin, parser.value(QStringLiteral("credits")).toLongLong(), 20261122,
                                   QDate(2026, 11, 21), false)
                .accepted()) {
        std::fprintf(stderr, "demo setup failed\n");
        return 1;
    }
    const int visits = seedMonth(*db, QStringLiteral("IBA"));
    std::printf("setup: %s credits, %d visits of November for the advisors of IBA\n",
                qPrintable(parser.value(QStringLiteral("credits"))), visits);
    const int repeat = parser.value(QStringLiteral("repeat")).toInt();
    const SupervisionRules rules = SupervisionRules::fromSettings(*db, 2026);
    const QDateTime now(QDate(2026, 12, 2), QTime(9, 0));
    std::printf("%-52s %8s %8s %8s\n", "step (ms)", "min", "median", "max");
    int rows = 0;
    measure("daily review of IBA, Friday 27/11/2026", repeat,
            [&] { rows = static_cast<int>(dailyReview(*db, QDate(2026, 11, 27), QStringLiteral("IBA"), rules, now).size()); });
    int dayErrors = 0;
    measure("daily error report of IBA, Friday 27/11/2026 (data)", repeat, [&] {
        dayErrors = dailyErrorReport(*db, QDate(2026, 11, 27), QStringLiteral("IBA"), rules, now).total;
    });
    int errors = 0;
    measure("F.1-A of IBA, November 2026 (and October to compare)", repeat, [&] {
        errors = monthlyErrorReport(*db, 2026, 11, QStringLiteral("IBA"), rules, now).total;
    });
    std::printf("review rows: %d people; %d errors on 27/11; F.1-A: %d errors in November\n", rows, dayErrors, errors);
    return 0;
}
