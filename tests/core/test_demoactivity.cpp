#include "demo/demoactivity.h"
#include "demo/demoseeder.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

// A small demo with the previous month end and yesterday imported, and no work yet.
std::unique_ptr<Database> smallDemo(const QTemporaryDir &dir)
{
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")), &error);
    REQUIRE(db);
    DemoSeedOptions options;
    options.credits = 800;
    options.today = QDate(2026, 3, 16); // cut-offs 2026-02-28 and 2026-03-15
    options.simulateActivity = false;
    REQUIRE(DemoSeeder(*db, PasswordHasher::fastForTests()).seedAll(options, &error));
    return db;
}

qint64 count(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("Demo activity books approves and enters results for every working day of planning", "[demo][activity]")
{
    QTemporaryDir dir;
    const auto db = smallDemo(dir);
    DemoActivity activity(*db, 7);
    QString error;
    QElapsedTimer timer;
    timer.start();
    // Monday to Friday; Monday 2 March is the month's first working day, when nothing is planned.
    const bool ok = activity.simulate(QDate(2026, 3, 2), QDate(2026, 3, 6), &error);
    INFO(error.toStdString());
    REQUIRE(ok);
    WARN("5 days on 800 credits in " << timer.elapsed() << " ms");
    const DemoActivityStats &s = activity.stats();
    CHECK(s.workingDays == 5);

    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE visit_date = '2026-03-02'")) == 0);
    // Every advisor has visits booked and approved on each of the four days that follow.
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT s.username, COUNT(DISTINCT b.visit_date) FROM staff s LEFT JOIN bookings b "
                                  "ON b.worker_id = s.id AND b.cancelled_at IS NULL AND b.source = 'TRAY' "
                                  "WHERE s.role = 'ASESOR_NEGOCIOS' GROUP BY s.id")));
    int advisors = 0;
    while (q.next()) {
        INFO(q.value(0).toString().toStdString());
        CHECK(q.value(1).toInt() == 4);
        ++advisors;
    }
    CHECK(advisors > 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM route_sheets WHERE approved_at IS NOT NULL")) >= advisors * 4);
    // Collections officers' sheets are stored on the pooled user but are theirs.
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM bookings b JOIN staff s ON s.id = b.worker_id "
                                    "WHERE s.role = 'OFICIAL_COBRANZAS' AND NOT s.pooled")) > 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM bookings b JOIN staff s ON s.id = b.worker_id "
                                    "WHERE s.role = 'COORDINADOR_AGENCIA'")) > 0);

    // Results: about nine in ten visits, some late, promises, re-scheduled visits, notices delivered.
    const qint64 visits = count(*db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE cancelled_at IS NULL"));
    const qint64 results = count(*db, QStringLiteral("SELECT COUNT(*) FROM visit_results"));
    CHECK(results == s.results);
    CHECK(double(results) / double(visits) > 0.85);
    CHECK(double(results) / double(visits) < 0.96);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM visit_results WHERE late")) > 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM promises")) > 0);
    CHECK(s.reschedules > 0);
    CHECK(s.collections > 0);
    CHECK(s.withoutResult > 0);
    CHECK(s.noticesPrinted > 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM visit_results WHERE notice_delivered IS NOT NULL")) > 0);
}

TEST_CASE("Demo activity replays the same work from the same seed", "[demo][activity]")
{
    QTemporaryDir a;
    QTemporaryDir b;
    const auto first = smallDemo(a);
    const auto second = smallDemo(b);
    DemoActivity one(*first, 11);
    DemoActivity two(*second, 11);
    QString error;
    REQUIRE(one.simulate(QDate(2026, 3, 2), QDate(2026, 3, 6), &error));
    REQUIRE(two.simulate(QDate(2026, 3, 2), QDate(2026, 3, 6), &error));
    CHECK(one.stats() == two.stats());
    const QString sql = QStringLiteral("SELECT group_concat(credit_number || visit_date, ',') FROM "
                                       "(SELECT credit_number, visit_date FROM bookings ORDER BY id)");
    QSqlQuery q1(first->connection());
    QSqlQuery q2(second->connection());
    REQUIRE(q1.exec(sql));
    REQUIRE(q2.exec(sql));
    REQUIRE(q1.next());
    REQUIRE(q2.next());
    CHECK(q1.value(0).toString() == q2.value(0).toString());
}

TEST_CASE("Demo activity imports each morning's report - judges promises - closes the month", "[demo][activity]")
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")), &error);
    REQUIRE(db);
    const DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    REQUIRE(seeder.seedDirectory(&error));
    const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
    REQUIRE(admin);
    QList<int> progress;
    // Wednesday 18 February (Carnival is Monday 16 and Tuesday 17) to Friday 6 March.
    const bool ok = seeder.simulateActivity(*admin, 600, 5, QDate(2026, 2, 18), QDate(2026, 3, 6), &error,
                                            [&progress](int done, int) { progress.append(done); });
    INFO(error.toStdString());
    REQUIRE(ok);
    CHECK(progress.size() == 14); // 13 working days and the end
    CHECK(progress.last() == 13);

    // The report of the day before each working day, the month end's within the weeks (not January's,
    // a month nobody worked) and the last day's.
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 15);
    for (const char *cut : {"2026-02-17", "2026-02-22", "2026-02-28", "2026-03-01", "2026-03-05", "2026-03-06"}) {
        INFO(cut);
        CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE cut_off = '%1'").arg(QLatin1String(cut))) == 1);
    }
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM snapshots WHERE cut_off = '2026-02-21'")) == 0); // a Saturday

    // February closes on the first working day of March, after its last results were due; nothing
    // is planned that day.
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM month_closes WHERE month = '2026-02' "
                                    "AND closed_at LIKE '2026-03-02T%'")) == 1);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE visit_date = '2026-03-02' AND source = 'TRAY'")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE visit_date = '2026-03-03'")) > 0);

    // Promises made in February were judged by the reports that followed: some kept, some broken.
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM promises WHERE outcome = 'KEPT'")) > 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM promises WHERE outcome = 'BROKEN'")) > 0);

    // The Pivots verify by phone, draw Thursday samples (19 and 26 February, 5 March) and check them.
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM visit_results WHERE verification = 'CONFIRMED'")) > 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM verification_samples")) >= 3);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM verification_samples WHERE day NOT IN "
                                    "('2026-02-18', '2026-02-25', '2026-03-04')")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM verification_checks WHERE outcome IS NOT NULL")) > 0);
    // The audit trail reads in the order things happened, imports and promise judgements included,
    // all within the simulated weeks (the directory was seeded before them, with the machine's clock).
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.id = a.id + 1 "
                                    "WHERE a.at_utc >= '2026-02-18' AND b.at_utc < a.at_utc")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action IN ('PROMISE_JUDGED', 'IMPORT_ACCEPTED') "
                                    "AND at_utc NOT BETWEEN '2026-02-18' AND '2026-03-08'")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'PROMISE_JUDGED'")) > 0);
    // The committees meet on Fridays and number their minutes.
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM committee_minutes WHERE held_on NOT IN "
                                    "('2026-02-20', '2026-02-27', '2026-03-06')")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT COUNT(*) FROM committee_minutes")) > 0);
}
