#include "import/csvreader.h"
#include "import/portfoliocolumns.h"
#include "import/rowparser.h"
#include "portfolio/portfolioexport.h"
#include "testsupport.h"

#include <QBuffer>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace cobranza;

namespace {

const QString kTrickyName = QStringLiteral("PÉREZ \"EL FLACO\"; ÑAUPARI JOSÉ");

PortfolioLine makeLine(const QString &credit, const QString &name, const QString &cedula, qint64 balanceCents,
                       int days, Rating rating, std::optional<Rating> previous, const PortfolioRules &rules)
{
    PortfolioLine l;
    l.row.cutOff = QDate(2026, 11, 21);
    l.row.creditNumber = credit;
    l.row.branchCode = QStringLiteral("IBA");
    l.row.officer = QStringLiteral("asesor1");
    l.row.sector = QStringLiteral("San Antonio de Ibarra");
    l.row.balance = Money::fromCents(balanceCents);
    l.row.installment = Money::fromCents(12050);
    l.row.overdue = Money::fromCents(days > 0 ? 24100 : 0);
    l.row.overdueInstallments = days > 0 ? 2 : 0;
    l.row.dueDate = l.row.cutOff.addDays(days > 0 ? -days : 9);
    l.row.daysPastDue = days;
    l.row.rating = rating;
    l.row.previousRating = previous;
    l.memberNumber = QStringLiteral("S-") + credit;
    l.cedula = cedula;
    l.fullName = name;
    l.segment = Segment::Microcredito;
    deriveColumns(&l, rules);
    return l;
}

// Three credits: a reclassified one with a name that needs quoting, one up to date without a
// previous rating (granted this month), and one on the last rating band and ladder stage.
std::vector<PortfolioLine> sampleLines(const PortfolioRules &rules)
{
    return {makeLine(QStringLiteral("CR-000001"), kTrickyName, QStringLiteral("0602910945"), 123456, 22, Rating::B1,
                     Rating::A3, rules),
            makeLine(QStringLiteral("CR-000002"), QStringLiteral("ANDRANGO CACHIMUEL MARÍA"),
                     QStringLiteral("1714307103"), 50000, 0, Rating::A1, std::nullopt, rules),
            makeLine(QStringLiteral("CR-000003"), QStringLiteral("NOT EXPORTED"), QStringLiteral("1714307103"), 100,
                     200, Rating::E, Rating::E, rules),
            makeLine(QStringLiteral("CR-000004"), QStringLiteral("GUAMÁN TOAPANTA LUIS"),
                     QStringLiteral("1714307103"), 9900, 400, Rating::E, Rating::D, rules)};
}

QByteArray exportCsv(const std::vector<PortfolioLine> &lines, const std::vector<int> &rows,
                     const PortfolioRules &rules)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    REQUIRE(exportPortfolioCsv(&buffer, lines, rows, rules, &error));
    CHECK(error.isEmpty());
    return buffer.data();
}

int columnIndex(const QString &header)
{
    const auto &columns = portfolioExportColumns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].header == header)
            return static_cast<int>(i);
    FAIL("no column " << header.toStdString());
    return -1;
}

// A device that refuses every byte, like a full disk.
class FullDevice final : public QIODevice
{
public:
    FullDevice() { open(WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64) override
    {
        setErrorString(QStringLiteral("No queda espacio en el dispositivo"));
        return -1;
    }
};

} // namespace

TEST_CASE("Export: CSV header - BOM - delimiter and line ends for a Spanish Excel", "[export]")
{
    test::ensureCoreApp();
    const PortfolioRules rules;
    const QByteArray bytes = exportCsv(sampleLines(rules), {0}, rules);
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QString header = text.section(QStringLiteral("\r\n"), 0, 0);
    CHECK(header
          == QStringLiteral("FECHA_CORTE;SUCURSAL;OFICIAL_CREDITO;NUMERO_CREDITO;NUMERO_SOCIO;CEDULA;"
                            "APELLIDOS_NOMBRES;SEGMENTO;SECTOR;SALDO_CAPITAL;VALOR_CUOTA;VALOR_VENCIDO;"
                            "CUOTAS_VENCIDAS;FECHA_VENCIMIENTO;DIAS_MORA;CALIFICACION;CALIFICACION_ANT;"
                            "NIVEL_RIESGO;RESPONSABLE;RECLASIFICADO;DIAS_PROXIMA_CALIFICACION;ETAPA"));
    CHECK(text.count(QStringLiteral("\r\n")) == 2); // header and one row, each ended by CRLF
    CHECK_FALSE(text.contains(QRegularExpression(QStringLiteral("[^\r]\n"))));
}

TEST_CASE("Export: CSV quotes - decimal comma - dates and accents", "[export]")
{
    test::ensureCoreApp();
    const PortfolioRules rules;
    const QString text = QString::fromUtf8(exportCsv(sampleLines(rules), {0, 1}, rules).mid(3));
    // RFC 4180: the name holds ';' and '"', so it is quoted and its quotes doubled.
    CHECK(text.contains(QStringLiteral(";\"PÉREZ \"\"EL FLACO\"\"; ÑAUPARI JOSÉ\";")));
    CHECK(text.contains(QStringLiteral(";ANDRANGO CACHIMUEL MARÍA;")));
    // Money with a decimal comma and no grouping, dates as dd/mm/yyyy.
    CHECK(text.contains(QStringLiteral(";1234,56;120,50;241,00;2;30/10/2026;22;B1;A3;")));
    CHECK(text.contains(QStringLiteral(";500,00;120,50;0,00;0;30/11/2026;0;A1;;")));
    CHECK(text.startsWith(QStringLiteral("FECHA_CORTE;")));
    CHECK(text.contains(QStringLiteral("\r\n21/11/2026;IBA;asesor1;CR-000001;S-CR-000001;0602910945;")));
}

TEST_CASE("Export: CSV exports only the given rows - in their order", "[export]")
{
    test::ensureCoreApp();
    const PortfolioRules rules;
    const QString text = QString::fromUtf8(exportCsv(sampleLines(rules), {3, 0}, rules));
    CHECK_FALSE(text.contains(QStringLiteral("NOT EXPORTED")));
    CHECK(text.indexOf(QStringLiteral("CR-000004")) < text.indexOf(QStringLiteral("CR-000001")));
    CHECK(text.count(QStringLiteral("\r\n")) == 3);

    const QString empty = QString::fromUtf8(exportCsv(sampleLines(rules), {}, rules));
    CHECK(empty.count(QStringLiteral("\r\n")) == 1); // the header alone
}

TEST_CASE("Export: CSV reads back with our reader and passes the import's row rules", "[export]")
{
    test::ensureCoreApp();
    const PortfolioRules rules;
    const std::vector<PortfolioLine> lines = sampleLines(rules);
    const std::vector<int> rows = {0, 1, 3};
    QByteArray bytes = exportCsv(lines, rows, rules);
    QBuffer in(&bytes);
    in.open(QIODevice::ReadOnly);

    CsvReader reader(&in);
    CsvRecord header;
    REQUIRE(reader.readHeader(&header));
    CHECK(reader.encoding() == CsvReader::Encoding::Utf8Bom);
    CHECK(reader.delimiter() == u';');
    const auto &columns = portfolioExportColumns();
    REQUIRE(header.fieldCount() == static_cast<int>(columns.size()));
    for (int c = 0; c < header.fieldCount(); ++c)
        CHECK(header.field(c).toString() == columns[static_cast<std::size_t>(c)].header);

    const PortfolioHeader known(header);
    CHECK(known.missingRequired(false).isEmpty()); // a complete portfolio report again
    RowParser parser(known, rules.scales, std::nullopt);

    CsvRecord record;
    for (int i : rows) {
        const PortfolioLine &expected = lines[static_cast<std::size_t>(i)];
        REQUIRE(reader.next(&record) == CsvReader::Status::Record);
        REQUIRE(record.fieldCount() == static_cast<int>(columns.size()));
        CHECK(record.field(columnIndex(QStringLiteral("APELLIDOS_NOMBRES"))).toString() == expected.fullName);

        PortfolioRecord parsed;
        QList<ImportMessage> messages;
        CHECK(parser.parse(record, &parsed, &messages));
        for (const ImportMessage &m : messages)
            CHECK(m.severity == ImportMessage::Severity::Warning); // no errors, whatever it warns about
        CHECK(parsed.row == expected.row); // money, dates, days, ratings: every figure back as it was
        CHECK(parsed.member.fullName == expected.fullName);
        CHECK(parsed.member.cedula == expected.cedula);
        CHECK(parsed.member.memberNumber == expected.memberNumber);
        CHECK(parsed.credit.segment == expected.segment);
    }
    CHECK(reader.next(&record) == CsvReader::Status::End);
}

TEST_CASE("Export: the derived columns say what the rules decided", "[export]")
{
    test::ensureCoreApp();
    const PortfolioRules rules;
    const std::vector<PortfolioLine> lines = sampleLines(rules);
    const auto cell = [&](int line, const char *column) {
        const PortfolioExportColumn &c = portfolioExportColumns()[static_cast<std::size_t>(
            columnIndex(QString::fromLatin1(column)))];
        return exportCsvText(c.value(lines[static_cast<std::size_t>(line)], rules));
    };
    CHECK(cell(0, "NIVEL_RIESGO") == riskLevelLabel(RiskLevel::Potencial));
    CHECK(cell(0, "RESPONSABLE") == roleLabel(Role::CoordinadorAgencia));
    CHECK(cell(0, "RECLASIFICADO") == QStringLiteral("SI"));
    CHECK(cell(0, "ETAPA") == QStringLiteral("21–25 días"));
    CHECK(cell(0, "DIAS_PROXIMA_CALIFICACION") == QString::number(*lines[0].daysToNextRating));
    CHECK(cell(1, "RECLASIFICADO") == QStringLiteral("NO"));
    CHECK(cell(1, "CALIFICACION_ANT").isEmpty());
    CHECK(cell(1, "ETAPA") == QStringLiteral("Por vencer"));
    CHECK(cell(3, "ETAPA") == QStringLiteral("Más de 125 días"));
    CHECK(cell(3, "DIAS_PROXIMA_CALIFICACION").isEmpty()); // E is the last band
    CHECK(cell(3, "RESPONSABLE") == roleLabel(Role::OficialCobranzas));
}

TEST_CASE("Export: CSV reports a device that cannot be written", "[export]")
{
    test::ensureCoreApp();
    const PortfolioRules rules;
    QString error;
    FullDevice full;
    CHECK_FALSE(exportPortfolioCsv(&full, sampleLines(rules), {0}, rules, &error));
    CHECK(error.contains(QStringLiteral("No se pudo escribir el archivo CSV")));
    CHECK(error.contains(QStringLiteral("No queda espacio")));

    QBuffer closed;
    error.clear();
    CHECK_FALSE(exportPortfolioCsv(&closed, sampleLines(rules), {0}, rules, &error));
    CHECK(error.contains(QStringLiteral("no está abierto")));
}
