#include "audit/auditlog.h"
#include "import/portfolioimporter.h"
#include "portfoliofile.h"
#include "services/settingsservice.h"
#include "store/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

const Session kAdmin{1, QStringLiteral("admin"), QStringLiteral("ADMINISTRADOR"), QStringLiteral("ADM"), Role::Sistemas,
                     0, QString()};

QList<AuditEntry> trail(const Database &db, const QString &type)
{
    const SystemClock clock;
    AuditFilter f;
    f.recordType = type;
    return AuditLog(db, clock).entries(f);
}

} // namespace

TEST_CASE("Every import attempt is audited - accepted or rejected", "[audit]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("a.sqlite")), &error);
    REQUIRE(db);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, created_at) "
                                  "VALUES(1, 'admin', 'ADMINISTRADOR', 'ADM', 'SISTEMAS', '2026-01-01')")));
    test::PortfolioFile file;
    file.addValid(3);
    ImportOptions options;
    options.filePath = test::writeFile(dir, QStringLiteral("ok.csv"), file.utf8());
    PortfolioImporter importer(*db, kAdmin, PermissionTable::defaults(), RatingScales::defaults());
    REQUIRE(importer.run(options).accepted());
    file.rows[0][QStringLiteral("DIAS_MORA")] = QStringLiteral("x");
    options.filePath = test::writeFile(dir, QStringLiteral("mal.csv"), file.utf8());
    options.replace = true;
    REQUIRE_FALSE(importer.run(options).accepted());

    const QList<AuditEntry> entries = trail(*db, QStringLiteral("import"));
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(0).action == QStringLiteral("IMPORT_REJECTED")); // newest first
    CHECK(entries.at(0).newValue.contains(QStringLiteral("mal.csv")));
    CHECK(entries.at(1).action == QStringLiteral("IMPORT_ACCEPTED"));
    CHECK(entries.at(1).newValue.contains(QStringLiteral("3 filas")));
    CHECK(entries.at(1).staffName == QStringLiteral("ADMINISTRADOR"));
}

TEST_CASE("A settings change is audited with its old and new values - in the same transaction", "[audit]")
{
    test::ensureCoreApp();
    QString error;
    auto db = Database::open(QStringLiteral(":memory:"), &error);
    REQUIRE(db);
    const SettingsService service(*db, kAdmin, PermissionTable::defaults());
    TimeWindows w;
    w.bookingUntil = QTime(9, 0);
    REQUIRE(service.saveTimeWindows(w, &error));
    const QList<AuditEntry> entries = trail(*db, QStringLiteral("settings"));
    REQUIRE(entries.size() == 1);
    CHECK(entries.first().recordId == QStringLiteral("horarios"));
    CHECK(entries.first().oldValue.contains(QStringLiteral("agendar hasta 08:45")));
    CHECK(entries.first().newValue.contains(QStringLiteral("agendar hasta 09:00")));

    // A refused change leaves no entry.
    const Session advisor{2, QStringLiteral("asesor"), QStringLiteral("ASESOR"), QStringLiteral("AS"),
                          Role::AsesorNegocios, 0, QString()};
    CHECK_FALSE(SettingsService(*db, advisor, PermissionTable::defaults()).saveTimeWindows(w, &error));
    CHECK(trail(*db, QStringLiteral("settings")).size() == 1);
}
