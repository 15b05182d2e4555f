// The supervisors' dashboard on the demo cooperative: two month-end cut-offs and a month of work.
#include "auth/passwordhasher.h"
#include "demo/demoseeder.h"
#include "indicators/dashboardview.h"
#include "indicators/indicatorchart.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPieSeries>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

// The demo cooperative with November 21st and October 31st, and a few visits of November per
// person so the per-person charts have something to show.
struct DemoDashboard
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0))};

    DemoDashboard()
    {
        ensureGuiApp();
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("dashboard.sqlite")), &error);
        REQUIRE(db);
        DemoSeeder seeder(*db, PasswordHasher::fastForTests());
        REQUIRE(seeder.seedDirectory(&error));
        const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
        REQUIRE(seeder.importPortfolio(*admin, 800, 5, QDate(2026, 11, 21), false).accepted());
        REQUIRE(seeder.importPortfolio(*admin, 800, 5, QDate(2026, 10, 31), false).accepted());
        simulateNovember();
    }

    Session session(const QString &username) const
    {
        const auto s = DirectoryStore(*db).sessionFor(username);
        REQUIRE(s);
        return *s;
    }

    // Each person who visits gets a handful of November visits of their branch's credits, with
    // results in the usual proportions: mostly made, some not found, a few late or unentered.
    void simulateNovember() const
    {
        const QStringList states = {QStringLiteral("VISITADO"), QStringLiteral("VISITADO"), QStringLiteral("NO_ENCONTRADO"),
                                    QStringLiteral("VISITADO"), QStringLiteral("LLAMADA_TELEFONICA"),
                                    QStringLiteral("NO_VISITADO"), QStringLiteral("VISITADO"), QString()};
        const QStringList outcomes = {QStringLiteral("KEPT"), QStringLiteral("BROKEN"), QStringLiteral("PARTLY_KEPT"),
                                      QStringLiteral("KEPT"), QString()};
        QSqlQuery people(db->connection());
        REQUIRE(people.exec(QStringLiteral(
            "SELECT s.id, b.code FROM staff s JOIN branches b ON b.id = s.branch_id WHERE s.pooled = 0 AND s.role IN "
            "('ASESOR_NEGOCIOS', 'COORDINADOR_AGENCIA', 'OFICIAL_COBRANZAS') ORDER BY s.id")));
        QList<std::pair<qint64, QString>> visitors;
        while (people.next())
            visitors.append({people.value(0).toLongLong(), people.value(1).toString()});
        REQUIRE(db->connection().transaction());
        int person = 0;
        std::map<QString, int> rankInBranch; // each person of a branch gets credits of his own
        for (const auto &[id, branch] : visitors) {
            QSqlQuery credits(db->connection());
            credits.prepare(QStringLiteral("SELECT credit_number FROM snapshot_credits WHERE branch_code = ? AND "
                                           "snapshot_id = (SELECT id FROM snapshots WHERE cut_off = '2026-11-21') "
                                           "ORDER BY credit_number LIMIT 40 OFFSET ?"));
            credits.addBindValue(branch);
            credits.addBindValue(rankInBranch[branch]++ * 25);
            REQUIRE(credits.exec());
            const int visits = 6 + person * 7 % 19; // at most 24 of the person's 25
            for (int j = 0; j < visits && credits.next(); ++j) {
                const QString day = QDate(2026, 11, 3 + j % 18).toString(Qt::ISODate);
                QSqlQuery b(db->connection());
                b.prepare(QStringLiteral("INSERT INTO bookings(credit_number, visit_date, staff_id, worker_id, booked_by, "
                                         "booked_at) VALUES(?, ?, ?, ?, ?, ?)"));
                for (const QVariant &v : QVariantList{credits.value(0), day, id, id, id, day + QStringLiteral("T08:00:00")})
                    b.addBindValue(v);
                INFO(b.lastError().text().toStdString());
                REQUIRE(b.exec());
                const qint64 booking = b.lastInsertId().toLongLong();
                const QString state = states.at((j + person) % states.size());
                if (state.isEmpty())
                    continue;
                QSqlQuery r(db->connection());
                r.prepare(QStringLiteral("INSERT INTO visit_results(booking_id, state, collected_cents, entered_by, "
                                         "entered_at, late) VALUES(?, ?, ?, ?, ?, ?)"));
                const bool collected = state == QStringLiteral("VISITADO") && j % 3 == 0;
                for (const QVariant &v : QVariantList{booking, state, collected ? QVariant(2500 + 1700 * j) : QVariant(),
                                                      id, day + QStringLiteral("T17:00:00"), (j + person) % 9 == 0 ? 1 : 0})
                    r.addBindValue(v);
                REQUIRE(r.exec());
                if (state == QStringLiteral("VISITADO") && j % 2 == 1) {
                    QSqlQuery p(db->connection());
                    p.prepare(QStringLiteral("INSERT INTO promises(booking_id, credit_number, promised_on, outcome) "
                                             "VALUES(?, ?, ?, ?)"));
                    const QString outcome = outcomes.at((j + person) % outcomes.size());
                    for (const QVariant &v : QVariantList{booking, credits.value(0), day,
                                                          outcome.isEmpty() ? QVariant() : QVariant(outcome)})
                        p.addBindValue(v);
                    REQUIRE(p.exec());
                }
            }
            ++person;
        }
        REQUIRE(db->connection().commit());
    }
};

QStringList listedCodes(const DashboardView &view)
{
    QStringList codes;
    for (int i = 0; i < view.indicatorList()->count(); ++i) {
        const QString code = view.indicatorList()->item(i)->data(Qt::UserRole).toString();
        if (!code.isEmpty())
            codes << code;
    }
    return codes;
}

// The chart's series of type T that a reader sees: named ones (the line charts' labels ride on
// unnamed twins of their lines).
template<typename T>
QList<T *> seriesOf(const DashboardView &view)
{
    QList<T *> out;
    for (QAbstractSeries *s : view.chartView()->chart()->series())
        if (auto *t = qobject_cast<T *>(s); t && (!s->name().isEmpty() || !qobject_cast<QLineSeries *>(s)))
            out << t;
    return out;
}

// Clicks the indicator in the list the way a supervisor does.
void choose(DashboardView &view, const QString &code)
{
    QListWidget *list = view.indicatorList();
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == code) {
            const QRect r = list->visualItemRect(list->item(i));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
            break;
        }
    REQUIRE(view.currentCode() == code);
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
                                          QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray head(const QString &path, int bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.read(bytes);
}

} // namespace

TEST_CASE("Dashboard: lists the indicators and charts the one chosen", "[ui][dashboard]")
{
    DemoDashboard demo;
    DashboardView view(*demo.db, demo.session(QStringLiteral("gfpozo")), demo.clock);
    view.resize(1280, 800);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));

    CHECK(listedCodes(view).size() == 15);
    CHECK(listedCodes(view).first() == IndicatorCode::OverduePortfolio);
    CHECK(view.currentCode() == IndicatorCode::OverduePortfolio);
    CHECK(view.fromMonth()->currentText() == QStringLiteral("Oct 2026"));
    CHECK(view.toMonth()->currentText() == QStringLiteral("Nov 2026"));
    REQUIRE(view.inputs().months.size() == 2);
    auto bars = seriesOf<QBarSeries>(view);
    REQUIRE(bars.size() == 1);
    CHECK(bars.first()->barSets().first()->count() == 2); // October and November
    CHECK(view.findChild<QLabel *>(QStringLiteral("indicatorSheet"))->text().contains(QStringLiteral("Jefe de Negocios")));

    choose(view, IndicatorCode::OverdueRatio);
    CHECK(seriesOf<QLineSeries>(view).size() == 1);
    // A goal is a setting: with one, the chart draws it as a second line and the ficha says it.
    REQUIRE(saveIndicatorGoal(*demo.db, IndicatorCode::OverdueRatio, 5.0));
    view.reload();
    CHECK(seriesOf<QLineSeries>(view).size() == 2);
    CHECK(view.findChild<QLabel *>(QStringLiteral("indicatorSheet"))->text().contains(QStringLiteral("máximo 5,00 %")));

    choose(view, IndicatorCode::OverdueByBranch);
    auto stacked = seriesOf<QStackedBarSeries>(view);
    REQUIRE(stacked.size() == 1);
    CHECK(stacked.first()->count() == 4); // Ibarra, Otavalo, Atuntaqui, Cotacachi

    choose(view, IndicatorCode::RiskLevels);
    auto pies = seriesOf<QPieSeries>(view);
    REQUIRE(pies.size() == 1);
    CHECK(pies.first()->count() == 5);

    choose(view, IndicatorCode::Visits);
    auto people = seriesOf<QHorizontalBarSeries>(view);
    REQUIRE(people.size() == 1);
    CHECK(people.first()->count() == 2); // booked and made
    CHECK(people.first()->barSets().first()->count() == view.currentTable().categories.size());
    CHECK(view.currentTable().categories.size() >= 20);

    // Otavalo only: one branch in the stack.
    const int ota = view.branchFilter()->findData(QStringLiteral("OTA"));
    REQUIRE(ota > 0);
    view.branchFilter()->setCurrentIndex(ota);
    view.reload();
    choose(view, IndicatorCode::OverdueByBranch);
    CHECK(seriesOf<QStackedBarSeries>(view).first()->count() == 1);
}

TEST_CASE("Dashboard: exports the numbers to Excel and the chart to PDF", "[ui][dashboard]")
{
    DemoDashboard demo;
    REQUIRE(saveIndicatorGoal(*demo.db, IndicatorCode::OverdueRatio, 5.0));
    DashboardView view(*demo.db, demo.session(QStringLiteral("gfpozo")), demo.clock);
    view.resize(1280, 800);
    REQUIRE(view.selectIndicator(IndicatorCode::OverdueRatio));
    const QString one = demo.dir.filePath(QStringLiteral("morosidad.xlsx"));
    const QString all = demo.dir.filePath(QStringLiteral("indicadores.xlsx"));
    const QString pdf = demo.dir.filePath(QStringLiteral("morosidad.pdf"));
    QString error;
    REQUIRE(view.exportXlsx(one, false, &error));
    REQUIRE(view.exportXlsx(all, true, &error));
    INFO(error.toStdString());
    REQUIRE(view.exportPdf(pdf, &error));
    CHECK(head(one, 2) == QByteArrayLiteral("PK"));
    CHECK(QFileInfo(all).size() > QFileInfo(one).size()); // fifteen sheets and an index
    CHECK(head(pdf, 5) == QByteArrayLiteral("%PDF-"));
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("Índice de morosidad")));
    CHECK(text.contains(QStringLiteral("Ficha técnica")));
    CHECK(text.contains(QStringLiteral("máximo 5,00 %")));
    CHECK(text.contains(QStringLiteral("Nov 2026"))); // the chart's axis, painted as text
    QFile::remove(QStringLiteral("/tmp/dashboard-morosidad.pdf"));
    CHECK(QFile::copy(pdf, QStringLiteral("/tmp/dashboard-morosidad.pdf")));
}

TEST_CASE("Dashboard: a coordinator sees his branch and an advisor is told why not", "[ui][dashboard]")
{
    DemoDashboard demo;
    DashboardView coordinator(*demo.db, demo.session(QStringLiteral("mvbenalcazar")), demo.clock);
    CHECK(coordinator.branchFilter()->count() == 1);
    CHECK_FALSE(coordinator.branchFilter()->isEnabled());
    CHECK(coordinator.inputs().branchCode == QStringLiteral("IBA"));
    coordinator.selectIndicator(IndicatorCode::OverdueByBranch);
    REQUIRE(coordinator.currentTable().chartedSeries().size() == 1);
    CHECK(coordinator.currentTable().chartedSeries().first()->key == QStringLiteral("IBA"));

    DashboardView advisor(*demo.db, demo.session(QStringLiteral("epsubia")), demo.clock);
    CHECK_FALSE(advisor.indicatorList()->isEnabled());
    CHECK(advisor.inputs().months.isEmpty());
}

TEST_CASE("Dashboard: the demo dashboard as a supervisor sees it", "[ui][dashboard]")
{
    DemoDashboard demo;
    REQUIRE(saveIndicatorGoal(*demo.db, IndicatorCode::OverdueRatio, 5.0));
    REQUIRE(saveIndicatorGoal(*demo.db, IndicatorCode::Visits, 15.0));
    DashboardView view(*demo.db, demo.session(QStringLiteral("gfpozo")), demo.clock);
    view.resize(1280, 800);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(50);
    REQUIRE(view.grab().save(QStringLiteral("/tmp/dashboard.png")));
    CHECK(QFileInfo(QStringLiteral("/tmp/dashboard.png")).size() > 10000);
    for (const QString &code : {IndicatorCode::OverdueRatio, IndicatorCode::OverdueByBranch, IndicatorCode::OverdueByRating,
                                IndicatorCode::RiskLevels, IndicatorCode::Provision, IndicatorCode::Visits,
                                IndicatorCode::ResultsByState, IndicatorCode::PromisesKept, IndicatorCode::Collected}) {
        choose(view, code);
        QTest::qWait(20);
        CHECK(view.grab().save(QStringLiteral("/tmp/dashboard-%1.png").arg(code.toLower())));
    }
}
