#include "portfolio/portfolioexport.h"
#include "testsupport.h"
#include "xlsxexport.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

PortfolioLine makeLine(const QString &credit, const QString &name, const QString &cedula, qint64 balanceCents,
                       int days, Rating rating, const PortfolioRules &rules)
{
    PortfolioLine l;
    l.row.cutOff = QDate(2026, 11, 21);
    l.row.creditNumber = credit;
    l.row.branchCode = QStringLiteral("OTA");
    l.row.officer = QStringLiteral("asesor2");
    l.row.sector = QStringLiteral("Peguche");
    l.row.balance = Money::fromCents(balanceCents);
    l.row.installment = Money::fromCents(12050);
    l.row.overdue = Money::fromCents(24100);
    l.row.overdueInstallments = 2;
    l.row.dueDate = l.row.cutOff.addDays(-days);
    l.row.daysPastDue = days;
    l.row.rating = rating;
    l.memberNumber = QStringLiteral("S-") + credit;
    l.cedula = cedula;
    l.fullName = name;
    deriveColumns(&l, rules);
    return l;
}

std::vector<PortfolioLine> sampleLines(const PortfolioRules &rules)
{
    return {makeLine(QStringLiteral("CR-000001"), QStringLiteral("ANDRANGO CACHIMUEL MARÍA"),
                     QStringLiteral("0602910945"), 123456, 22, Rating::B1, rules),
            makeLine(QStringLiteral("CR-000002"), QStringLiteral("PÉREZ \"EL FLACO\" & ÑAUPARI <JOSÉ>"),
                     QStringLiteral("1714307103"), 50000, 3, Rating::A2, rules),
            makeLine(QStringLiteral("CR-000003"), QStringLiteral("NO EXPORTADO"), QStringLiteral("1714307103"),
                     999999, 3, Rating::A2, rules)};
}

// One member of the zip as text, through Info-ZIP's unzip.
QString unzipMember(const QString &zip, const QString &member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList unzipList(const QString &zip)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-Z1"), zip});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

QString exportTo(const QTemporaryDir &dir, const std::vector<int> &rows)
{
    const PortfolioRules rules;
    const QString path = dir.filePath(QStringLiteral("cartera.xlsx"));
    QString error;
    const bool written = exportPortfolioXlsx(path, sampleLines(rules), rows, rules,
                                             QStringLiteral("Cartera de Otavalo al 21/11/2026"), &error);
    INFO(error.toStdString());
    REQUIRE(written);
    CHECK(error.isEmpty());
    return path;
}

} // namespace

TEST_CASE("Export: XLSX is a zip with the worksheet - names as text and money as numbers", "[export]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    const QString path = exportTo(dir, {0, 1});

    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    REQUIRE(bytes.startsWith(QByteArrayLiteral("PK\x03\x04"))); // a zip's first local file header

    if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty()) {
        // Without unzip, only the names (stored uncompressed in the local file headers) can be seen.
        CHECK(bytes.contains("xl/worksheets/sheet1.xml"));
        CHECK(bytes.contains("xl/workbook.xml"));
        WARN("unzip is missing (installer/install-deps.sh installs it): the sheet's contents were not checked");
        return;
    }
    const QStringList members = unzipList(path);
    CHECK(members.contains(QStringLiteral("xl/worksheets/sheet1.xml")));
    CHECK(members.contains(QStringLiteral("[Content_Types].xml")));

    const QString sheet = unzipMember(path, QStringLiteral("xl/worksheets/sheet1.xml"));
    CHECK(sheet.contains(QStringLiteral("ANDRANGO CACHIMUEL MARÍA")));
    CHECK(sheet.contains(QStringLiteral("ÑAUPARI &lt;JOSÉ&gt;"))); // escaped, not a broken XML
    CHECK(sheet.contains(QStringLiteral("Cartera de Otavalo al 21/11/2026")));
    CHECK_FALSE(sheet.contains(QStringLiteral("NO EXPORTADO")));
    // The balance is a number cell, not the text "1234,56"; the cédula keeps its leading zero as text.
    CHECK(sheet.contains(QStringLiteral("<v>1234.56</v>")));
    CHECK(sheet.contains(QStringLiteral("<t>0602910945</t>")));
    // Dates are serial numbers (days since 30/12/1899) under a date format.
    const qint64 serial = QDate(1899, 12, 30).daysTo(QDate(2026, 11, 21));
    CHECK(sheet.contains(QStringLiteral("<v>%1</v>").arg(serial)));
    // Header on row 3, data on rows 4–5, totals on row 6 following the autofilter.
    CHECK(sheet.contains(QStringLiteral("<autoFilter ref=\"A3:V5\"/>")));
    CHECK(sheet.contains(QStringLiteral("state=\"frozen\"")));
    CHECK(sheet.contains(QStringLiteral("<f>SUBTOTAL(109,J4:J5)</f><v>1734.56</v>")));
    CHECK(sheet.contains(QStringLiteral("<f>SUBTOTAL(103,D4:D5)</f><v>2</v>")));

    const QString styles = unzipMember(path, QStringLiteral("xl/styles.xml"));
    CHECK(styles.contains(QStringLiteral("formatCode=\"$ #,##0.00\"")));
    CHECK(styles.contains(QStringLiteral("formatCode=\"dd/mm/yyyy\"")));
}

TEST_CASE("Export: XLSX with no rows still has its header and zero totals", "[export]")
{
    test::ensureCoreApp();
    if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
        return;
    QTemporaryDir dir;
    const QString sheet = unzipMember(exportTo(dir, {}), QStringLiteral("xl/worksheets/sheet1.xml"));
    CHECK(sheet.contains(QStringLiteral("<t>APELLIDOS_NOMBRES</t>")));
    CHECK_FALSE(sheet.contains(QStringLiteral("SUBTOTAL")));
    CHECK(sheet.contains(QStringLiteral("<autoFilter ref=\"A3:V3\"/>")));
}

TEST_CASE("Export: XLSX says in Spanish why the file could not be written", "[export]")
{
    test::ensureCoreApp();
    QTemporaryDir dir;
    const PortfolioRules rules;
    const QString path = dir.filePath(QStringLiteral("no-existe/cartera.xlsx"));
    QString error;
    CHECK_FALSE(exportPortfolioXlsx(path, sampleLines(rules), {0}, rules, QStringLiteral("Cartera"), &error));
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("No se pudo exportar a Excel")));
    CHECK(error.contains(path));
    CHECK(error.contains(QStringLiteral("no se pudo crear el archivo")));
    CHECK_FALSE(QFile::exists(path));
}
