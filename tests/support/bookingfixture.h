#pragma once

// A database with two branches, one person of each kind and a snapshot covering every rating
// role: the ground the route-sheet tests (booking, approval, agenda, tray) stand on.

#include "import/portfolioimporter.h"
#include "portfoliofile.h"
#include "routes/bookingservice.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <memory>

#include <catch2/catch.hpp>

namespace cobranza::test {

inline const QDate kCutOff(2026, 11, 21);
inline const QDate kToday(2026, 11, 23);

// Two branches, one person of each kind, and a snapshot whose credits cover every rating role:
// CR-000001 A3, CR-000002 A1, CR-000003 B1, CR-000004 C1, CR-000005 D, CR-000007 B2 (IBA) and
// CR-000006 A2 (OTA).
struct BookingFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    FixedClock clock{QDateTime(kToday, QTime(8, 0))};

    BookingFixture()
    {
        ensureCoreApp();
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("booking.sqlite")), &error);
        REQUIRE(db);
        REQUIRE(db->execScript(QStringLiteral(
                                   "INSERT INTO branches(id, code, name) VALUES(1, 'IBA', 'Ibarra'), (2, 'OTA', 'Otavalo');"
                                   "INSERT INTO staff(id, username, full_name, initials, role, branch_id, pooled, pool_id, "
                                   "created_at) VALUES"
                                   "(1, 'admin', 'ADMINISTRADOR', 'ADM', 'SISTEMAS', NULL, 0, NULL, '2026-01-01'),"
                                   "(2, 'epsubia', 'PINEDA VACA ANA', 'PVA', 'ASESOR_NEGOCIOS', 1, 0, NULL, '2026-01-01'),"
                                   "(3, 'jtorres', 'TORRES LUNA JUAN', 'TLJ', 'ASESOR_NEGOCIOS', 1, 0, NULL, '2026-01-01'),"
                                   "(4, 'coord', 'COORDINADOR IBARRA', 'COI', 'COORDINADOR_AGENCIA', 1, 0, NULL, '2026-01-01'),"
                                   "(5, 'cobranzas', 'COBRANZAS COOP', 'COB', 'OFICIAL_COBRANZAS', 1, 1, NULL, '2026-01-01'),"
                                   "(6, 'oficial', 'OFICIAL COBRANZAS UNO', 'OC1', 'OFICIAL_COBRANZAS', 1, 0, 5, '2026-01-01'),"
                                   "(7, 'sinpool', 'OFICIAL SIN POOL', 'OSP', 'OFICIAL_COBRANZAS', 1, 0, NULL, '2026-01-01'),"
                                   "(8, 'pivot', 'PIVOT IBARRA', 'PIV', 'PIVOT_CREDITO', 1, 0, NULL, '2026-01-01'),"
                                   "(9, 'otasesor', 'ASESOR OTAVALO', 'AOT', 'ASESOR_NEGOCIOS', 2, 0, NULL, '2026-01-01'),"
                                   "(10, 'otacoord', 'COORDINADOR OTAVALO', 'COO', 'COORDINADOR_AGENCIA', 2, 0, NULL, '2026-01-01');"),
                               &error));
        PortfolioFile file;
        const auto add = [&file](int n, const char *rating, int days, const char *branch) {
            auto row = PortfolioFile::validRow(n);
            row[QStringLiteral("CALIFICACION")] = QString::fromLatin1(rating);
            row[QStringLiteral("DIAS_MORA")] = QString::number(days);
            row[QStringLiteral("SUCURSAL")] = QString::fromLatin1(branch);
            file.add(row);
        };
        add(1, "A3", 20, "IBA");
        add(2, "A1", 0, "IBA");
        add(3, "B1", 40, "IBA");
        add(4, "C1", 70, "IBA");
        add(5, "D", 100, "IBA");
        add(6, "A2", 10, "OTA");
        add(7, "B2", 50, "IBA");
        ImportOptions options;
        options.filePath = test::writeFile(dir, QStringLiteral("cartera.csv"), file.utf8());
        PortfolioImporter importer(*db, session(QStringLiteral("admin")), PermissionTable::defaults(),
                                   RatingScales::defaults());
        const ImportResult imported = importer.run(options);
        REQUIRE(imported.outcome == ImportResult::Outcome::Accepted);
        REQUIRE(imported.cutOff == kCutOff);
    }

    Session session(const QString &username) const
    {
        const auto s = DirectoryStore(*db).sessionFor(username);
        REQUIRE(s);
        return *s;
    }
    BookingService as(const QString &username) const
    {
        return BookingService(*db, session(username), PermissionTable::defaults(), RatingRoles::defaults(),
                              TimeWindows{}, clock);
    }
    BookResult book(const QString &who, const QStringList &credits, qint64 forStaff, QDate day = kToday) const
    {
        return as(who).book(credits, forStaff, day, kCutOff);
    }
    void at(int h, int m, int s, QDate day = kToday) { clock.set(QDateTime(day, QTime(h, m, s))); }
    qint64 count(const QString &sql) const { return test::queryInt(*db, sql); }
    QString text(const QString &sql) const { return test::queryText(*db, sql); }
    qint64 bookings() const { return count(QStringLiteral("SELECT COUNT(*) FROM bookings")); }
    qint64 audits(const QString &action) const
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = '%1'").arg(action));
    }
    qint64 allAudits() const { return count(QStringLiteral("SELECT COUNT(*) FROM audit_log")); }
};

inline QStringList cr(std::initializer_list<int> numbers)
{
    QStringList out;
    for (int n : numbers)
        out.append(QStringLiteral("CR-%1").arg(n, 6, 10, QLatin1Char('0')));
    return out;
}

} // namespace cobranza::test
