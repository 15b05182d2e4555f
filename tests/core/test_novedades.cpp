#include "portfolio/novedades.h"
#include "portfoliofile.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

using Kind = Novedad::Kind;

CreditStanding standing(int n, const char *officer, int days, Rating rating)
{
    return {QStringLiteral("CR-%1").arg(n, 6, 10, QLatin1Char('0')), QStringLiteral("SOCIO %1").arg(n),
            QString::fromLatin1(officer), days, rating};
}

QString dump(const QList<Novedad> &items)
{
    QStringList lines;
    for (const Novedad &n : items)
        lines.append(QStringLiteral("%1 %2 %3 %4").arg(novedadKindLabel(n.kind), n.creditNumber, n.memberName, n.text));
    return lines.join(u'\n');
}

QList<Kind> kindsOf(const QList<Novedad> &items, const QString &credit)
{
    QList<Kind> out;
    for (const Novedad &n : items)
        if (n.creditNumber == credit)
            out.append(n.kind);
    return out;
}

} // namespace

TEST_CASE("Novedades: arrears worse ratings and credits brought up to date", "[novedades]")
{
    const QList<CreditStanding> before{
        standing(1, "epsubia", 0, Rating::A1),  standing(2, "epsubia", 20, Rating::A3),
        standing(3, "epsubia", 20, Rating::A3), standing(4, "epsubia", 15, Rating::A2),
        standing(5, "epsubia", 0, Rating::A1),  standing(6, "epsubia", 40, Rating::B1),
    };
    const QList<CreditStanding> after{
        standing(1, "epsubia", 5, Rating::A2),  // fell into arrears (and worse: told once)
        standing(2, "EPSUBIA", 40, Rating::B1), // worse; the officer's case does not matter
        standing(4, "epsubia", 0, Rating::A1),  // up to date
        standing(6, "epsubia", 45, Rating::B1), // more days, same rating: nothing new
        standing(7, "epsubia", 12, Rating::A2), // new in the report with days past due
    };
    // CR-000003 left the report with days past due; CR-000005 left it up to date: no news.
    const QList<Novedad> items = compareStandings(before, after, QStringLiteral("epsubia"));
    INFO(dump(items).toStdString());
    REQUIRE(items.size() == 5);
    CHECK(items[0] == Novedad{Kind::NewArrears, QStringLiteral("CR-000001"), QStringLiteral("SOCIO 1"),
                              QStringLiteral("5 días de mora, A2 (antes al día)")});
    CHECK(items[1] == Novedad{Kind::NewArrears, QStringLiteral("CR-000007"), QStringLiteral("SOCIO 7"),
                              QStringLiteral("12 días de mora, A2 (antes no figuraba en el reporte)")});
    CHECK(items[2] == Novedad{Kind::Worsened, QStringLiteral("CR-000002"), QStringLiteral("SOCIO 2"),
                              QStringLiteral("A3 → B1 · 40 días de mora")});
    CHECK(items[3] == Novedad{Kind::UpToDate, QStringLiteral("CR-000003"), QStringLiteral("SOCIO 3"),
                              QStringLiteral("salió del reporte (tenía 20 días de mora)")});
    CHECK(items[4] == Novedad{Kind::UpToDate, QStringLiteral("CR-000004"), QStringLiteral("SOCIO 4"),
                              QStringLiteral("al día (tenía 15 días de mora)")});
}

TEST_CASE("Novedades: reassignments to and away from the user", "[novedades]")
{
    const QList<CreditStanding> before{standing(1, "jtorres", 10, Rating::A2), standing(2, "epsubia", 10, Rating::A2),
                                       standing(3, "jtorres", 0, Rating::A1)};
    const QList<CreditStanding> after{standing(1, "epsubia", 10, Rating::A2), standing(2, "jtorres", 40, Rating::B1),
                                      standing(3, "epsubia", 3, Rating::A2)};
    const QList<Novedad> items = compareStandings(before, after, QStringLiteral("epsubia"));
    INFO(dump(items).toStdString());
    CHECK(kindsOf(items, QStringLiteral("CR-000001")) == QList<Kind>{Kind::AssignedToYou});
    // Away from him: only that, whatever else changed; the rest is the new officer's news.
    CHECK(kindsOf(items, QStringLiteral("CR-000002")) == QList<Kind>{Kind::AssignedAway});
    CHECK(kindsOf(items, QStringLiteral("CR-000003")) == QList<Kind>{Kind::NewArrears, Kind::AssignedToYou});
    CHECK(items.constFirst().kind == Kind::NewArrears); // grouped by kind, the most urgent first
    for (const Novedad &n : items) {
        if (n.kind == Kind::AssignedToYou && n.creditNumber == QStringLiteral("CR-000001"))
            CHECK(n.text == QStringLiteral("antes de jtorres · 10 días de mora, A2"));
        if (n.kind == Kind::AssignedAway)
            CHECK(n.text == QStringLiteral("ahora de jtorres · 40 días de mora, B1"));
    }
    CHECK(compareStandings({}, {}, QStringLiteral("epsubia")).isEmpty());
    CHECK(compareStandings(before, before, QStringLiteral("epsubia")).isEmpty());
}

namespace {

// Two cut-offs of an advisor's credits, his sign-ins in the audit trail and a broken promise.
struct NovedadesFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    NovedadesFixture()
    {
        ensureCoreApp();
        db = openTestDatabase(dir);
        exec(QStringLiteral("INSERT INTO branches(id, code, name) VALUES(1, 'IBA', 'Ibarra')"));
        exec(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, branch_id, created_at) VALUES "
                            "(2, 'epsubia', 'PINEDA VACA ANA', 'PVA', 'ASESOR_NEGOCIOS', 1, '2026-01-01'),"
                            "(3, 'jtorres', 'TORRES LUNA JUAN', 'TLJ', 'ASESOR_NEGOCIOS', 1, '2026-01-01')"));
        // credit: officer, days and rating on 21/11, then on 26/11 (officer empty: not in the report)
        importCutOff(QStringLiteral("21/11/2026"), {{1, "epsubia", 0, "A1"},
                                                    {2, "epsubia", 20, "A3"},
                                                    {3, "epsubia", 20, "A3"},
                                                    {4, "jtorres", 10, "A2"},
                                                    {5, "epsubia", 10, "A2"},
                                                    {6, "jtorres", 30, "A3"},
                                                    {7, "jtorres", 30, "A3"}});
        importCutOff(QStringLiteral("26/11/2026"), {{1, "epsubia", 5, "A2"},
                                                    {2, "epsubia", 40, "B1"},
                                                    {4, "epsubia", 10, "A2"},
                                                    {5, "jtorres", 10, "A2"},
                                                    {6, "jtorres", 35, "B1"},
                                                    {7, "jtorres", 35, "B1"}});
        exec(QStringLiteral("UPDATE imports SET finished_at = '2026-11-22T12:00:00Z' WHERE cut_off = '2026-11-21'"));
        exec(QStringLiteral("UPDATE imports SET finished_at = '2026-11-27T12:00:00Z' WHERE cut_off = '2026-11-26'"));
        // CR-000007 is booked to her this month; CR-000006, of the same officer, is not hers.
        // Her visit to CR-000002 of 24/11 carried a promise the cut-off of 26/11 judged broken.
        exec(QStringLiteral("INSERT INTO bookings(id, credit_number, visit_date, staff_id, worker_id, booked_by, booked_at, "
                            "cut_off) VALUES(1, 'CR-000007', '2026-11-23', 2, 2, 2, '2026-11-23T13:00:00Z', '2026-11-21'),"
                            "(2, 'CR-000002', '2026-11-24', 2, 2, 2, '2026-11-23T13:00:00Z', '2026-11-21')"));
        exec(QStringLiteral("INSERT INTO promises(booking_id, credit_number, promised_on, amount_cents, outcome, "
                            "judged_snapshot_id, judged_at) SELECT 2, 'CR-000002', '2026-11-25', 24100, 'BROKEN', id, "
                            "'2026-11-27T12:00:00Z' FROM snapshots WHERE cut_off = '2026-11-26'"));
    }

    struct Line
    {
        int n;
        const char *officer;
        int days;
        const char *rating;
    };

    void importCutOff(const QString &cutOff, const QList<Line> &lines)
    {
        PortfolioFile f;
        for (const Line &l : lines) {
            auto row = PortfolioFile::validRow(l.n);
            row[QStringLiteral("FECHA_CORTE")] = cutOff;
            row[QStringLiteral("OFICIAL_CREDITO")] = QString::fromLatin1(l.officer);
            row[QStringLiteral("DIAS_MORA")] = QString::number(l.days);
            row[QStringLiteral("CALIFICACION")] = QString::fromLatin1(l.rating);
            row[QStringLiteral("CALIFICACION_ANT")] = QStringLiteral("A1");
            f.add(row);
        }
        REQUIRE(importBytes(*db, dir, f.utf8()).accepted());
    }

    void exec(const QString &sql) const
    {
        QSqlQuery q(db->connection());
        INFO(sql.toStdString());
        REQUIRE(q.exec(sql));
    }

    void signIn(const QString &atUtc) const
    {
        exec(QStringLiteral("INSERT INTO audit_log(at_utc, at_local, staff_id, username, action, record_type, record_id, "
                            "new_value) VALUES('%1', '%1', 2, 'epsubia', 'LOGIN', 'staff', 'epsubia', 'IBA')")
                 .arg(atUtc));
    }

    Session epsubia() const
    {
        Session s;
        s.staffId = 2;
        s.username = QStringLiteral("epsubia");
        s.fullName = QStringLiteral("PINEDA VACA ANA");
        s.branchCode = QStringLiteral("IBA");
        s.branchId = 1;
        return s;
    }
};

} // namespace

TEST_CASE("Novedades: what changed on her credits since her last sign-in", "[novedades]")
{
    NovedadesFixture f;
    const QDate today(2026, 11, 27);
    f.signIn(QStringLiteral("2026-11-22T13:00:00.000Z")); // saw the cut-off of 21/11
    f.exec(QStringLiteral("INSERT INTO audit_log(at_utc, at_local, staff_id, username, action, record_type, record_id) "
                          "VALUES('2026-11-23T13:00:00.000Z', '', 2, 'epsubia', 'LOGIN_FAILED', 'staff', 'epsubia')"));
    f.signIn(QStringLiteral("2026-11-27T13:00:00.000Z")); // now

    const NovedadesReport report = loadNovedades(*f.db, f.epsubia(), today);
    INFO(dump(report.items).toStdString());
    CHECK(report.lastSession == QDateTime::fromString(QStringLiteral("2026-11-22T13:00:00Z"), Qt::ISODate).toLocalTime());
    CHECK(report.fromCutOff == QDate(2026, 11, 21));
    CHECK(report.toCutOff == QDate(2026, 11, 26));
    CHECK(kindsOf(report.items, QStringLiteral("CR-000001")) == QList<Kind>{Kind::NewArrears});
    CHECK(kindsOf(report.items, QStringLiteral("CR-000002")) == QList<Kind>{Kind::BrokenPromise, Kind::Worsened});
    CHECK(kindsOf(report.items, QStringLiteral("CR-000003")) == QList<Kind>{Kind::UpToDate});
    CHECK(kindsOf(report.items, QStringLiteral("CR-000004")) == QList<Kind>{Kind::AssignedToYou});
    CHECK(kindsOf(report.items, QStringLiteral("CR-000005")) == QList<Kind>{Kind::AssignedAway});
    CHECK(kindsOf(report.items, QStringLiteral("CR-000006")).isEmpty()); // another officer's, not booked to her
    CHECK(kindsOf(report.items, QStringLiteral("CR-000007")) == QList<Kind>{Kind::Worsened});
    REQUIRE(report.items.size() == 7);
    const Novedad &broken = report.items.constFirst();
    CHECK(broken.kind == Kind::BrokenPromise);
    CHECK(broken.memberName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 2"));
    CHECK(broken.text == QStringLiteral("prometió pagar $ 241,00 el 25/11/2026 · incumplida según el corte del 26/11/2026"));

    // A booking older than 30 days no longer makes the credit hers.
    const NovedadesReport later = loadNovedades(*f.db, f.epsubia(), today.addDays(31));
    CHECK(kindsOf(later.items, QStringLiteral("CR-000007")).isEmpty());

    // Signed in again: she has seen the newest cut-off, so there is nothing new.
    f.signIn(QStringLiteral("2026-11-27T15:00:00.000Z"));
    const NovedadesReport again = loadNovedades(*f.db, f.epsubia(), today);
    CHECK(again.isEmpty());
    CHECK(again.fromCutOff == again.toCutOff);
}

TEST_CASE("Novedades: a first session compares the two newest cut-offs", "[novedades]")
{
    NovedadesFixture f;
    f.signIn(QStringLiteral("2026-11-27T13:00:00.000Z")); // the current and only one
    const NovedadesReport report = loadNovedades(*f.db, f.epsubia(), QDate(2026, 11, 27));
    CHECK_FALSE(report.lastSession.isValid());
    CHECK(report.fromCutOff == QDate(2026, 11, 21));
    CHECK(report.toCutOff == QDate(2026, 11, 26));
    CHECK(report.items.size() == 7);

    // An older session, before any cut-off was imported, compares the same two.
    f.signIn(QStringLiteral("2026-11-28T13:00:00.000Z"));
    f.exec(QStringLiteral("UPDATE imports SET finished_at = '2026-11-27T14:00:00Z'"));
    CHECK(loadNovedades(*f.db, f.epsubia(), QDate(2026, 11, 28)).items.size() == 7);

    // Someone else has other credits and nothing to see.
    Session other = f.epsubia();
    other.staffId = 1;
    other.username = QStringLiteral("admin");
    CHECK(loadNovedades(*f.db, other, QDate(2026, 11, 27)).isEmpty());
}
