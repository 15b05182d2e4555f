#include "import/portfolioimporter.h"
#include "portfolio/portfolioquery.h"
#include "portfoliofile.h"
#include "store/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QVariant>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::PortfolioFile;

namespace {

const Session &kSistemas = test::testAdmin();

// A fresh database in a temporary folder with one Sistemas user, and helpers to import into it.
struct ImportFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    ImportFixture()
    {
        test::ensureCoreApp();
        db = test::openTestDatabase(dir);
    }

    ImportResult import(const QByteArray &bytes, ImportOptions options = {}, const Session &who = kSistemas,
                        const std::atomic<bool> *cancel = nullptr)
    {
        return test::importBytes(*db, dir, bytes, std::move(options), who, cancel);
    }

    qint64 count(const QString &sql) const { return test::queryInt(*db, sql); }
    QString text(const QString &sql) const { return test::queryText(*db, sql); }
    // Everything an import may touch, to prove a rejected one touched nothing.
    QString fingerprint() const
    {
        QString s;
        for (const char *table : {"snapshots", "snapshot_credits", "members", "credits", "guarantors"}) {
            QSqlQuery q(db->connection());
            REQUIRE(q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QString::fromLatin1(table))));
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    s += q.value(i).toString() + u'|';
            s += u'\n';
        }
        return s;
    }
};

QStringList errorsOf(const ImportResult &r)
{
    QStringList out;
    for (const ImportMessage &m : r.messages)
        if (m.severity == ImportMessage::Severity::Error)
            out.append(m.format(QStringLiteral("cartera.csv")));
    return out;
}

bool hasMessage(const ImportResult &r, qint64 line, const QString &column, const QString &fragment)
{
    for (const ImportMessage &m : r.messages)
        if (m.line == line && m.column == column && m.message.contains(fragment))
            return true;
    return false;
}

} // namespace

TEST_CASE("A valid UTF-8 file imports every row with its member - credit and guarantor", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(25);
    const ImportResult r = f.import(file.utf8());
    INFO(errorsOf(r).join(u'\n').toStdString());
    REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
    CHECK(r.rows == 25);
    CHECK(r.errorCount == 0);
    CHECK(r.warningCount == 0);
    CHECK(r.cutOff == QDate(2026, 11, 21));
    CHECK(r.encoding == QStringLiteral("UTF-8"));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshot_credits")) == 25);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM members")) == 25);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM guarantors")) == 25);
    CHECK(f.count(QStringLiteral("SELECT total_balance_cents FROM snapshots")) == 25 * 150000);
    CHECK(f.count(QStringLiteral("SELECT total_overdue_cents FROM snapshots")) == 25 * 24100);
    CHECK(f.text(QStringLiteral("SELECT full_name FROM members WHERE member_number='S00007'"))
          == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 7"));
    CHECK(f.text(QStringLiteral("SELECT outcome FROM imports")) == QStringLiteral("ACCEPTED"));
    CHECK(f.count(QStringLiteral("SELECT row_count FROM imports")) == 25);

    const auto lines = loadPortfolio(*f.db, QDate(2026, 11, 21));
    REQUIRE(lines.size() == 25);
    CHECK(lines.front().row.overdue == Money::fromCents(24100));
    CHECK(lines.front().row.rating == Rating::A3);
    CHECK(lines.front().row.reclassified());
}

TEST_CASE("Windows-1252 - comma delimiter - CRLF - quoted line breaks and every money form import", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.delimiter = u',';
    file.lineEnd = QStringLiteral("\r\n");
    file.columns.append(QStringLiteral("REFERENCIA"));
    const QStringList amounts = {QStringLiteral("1.234,56"), QStringLiteral("1,234.56"), QStringLiteral("1234,5"),
                                 QStringLiteral("1234.56"), QStringLiteral("$ 1,234"), QStringLiteral("1234")};
    const qint64 cents[] = {123456, 123456, 123450, 123456, 123400, 123400};
    for (int i = 0; i < amounts.size(); ++i) {
        auto row = PortfolioFile::validRow(i + 1);
        row[QStringLiteral("SALDO_CAPITAL")] = amounts.at(i);
        row[QStringLiteral("REFERENCIA")] = QStringLiteral("Frente a la iglesia,\r\njunto a la tienda \"Don Ñato\"");
        file.add(row);
    }
    const ImportResult r = f.import(file.windows1252());
    INFO(errorsOf(r).join(u'\n').toStdString());
    REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
    CHECK(r.encoding == QStringLiteral("Windows-1252"));
    CHECK(r.delimiter == QStringLiteral(","));
    for (int i = 0; i < amounts.size(); ++i)
        CHECK(f.count(QStringLiteral("SELECT balance_cents FROM snapshot_credits WHERE credit_number='CR-%1'")
                          .arg(i + 1, 6, 10, QLatin1Char('0')))
              == cents[i]);
    CHECK(f.text(QStringLiteral("SELECT full_name FROM members WHERE member_number='S00003'"))
          == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 3"));
    CHECK(f.text(QStringLiteral("SELECT reference FROM members WHERE member_number='S00001'"))
          == QStringLiteral("Frente a la iglesia,\r\njunto a la tienda \"Don Ñato\""));
}

TEST_CASE("Header names match loosely - order is free and unknown columns are ignored", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.delimiter = u'\t';
    file.addValid(3);
    // Rename columns the way other exports spell them and put the columns in another order.
    QStringList renamed;
    for (const QString &c : file.columns)
        renamed.append(c);
    std::reverse(renamed.begin(), renamed.end());
    file.columns = renamed;
    QString text = file.text();
    text.replace(QStringLiteral("CALIFICACION_ANT"), QStringLiteral(" Calificación Ant "));
    text.replace(QStringLiteral("DIAS_MORA"), QStringLiteral("días_mora"));
    text.replace(QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("Apellidos Nombres"));
    text.replace(u'\n', QStringLiteral("\tCOLUMNA_EXTRA\n"));
    const ImportResult r = f.import(text.toUtf8() + "\n\t\t\t\n   \n");
    INFO(errorsOf(r).join(u'\n').toStdString());
    REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
    CHECK(r.rows == 3);
    CHECK(r.delimiter == QStringLiteral("TAB"));
    CHECK(f.text(QStringLiteral("SELECT previous_rating FROM snapshot_credits LIMIT 1")) == QStringLiteral("A2"));
}

TEST_CASE("Missing required columns are all named and nothing is imported", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(2);
    file.dropColumn(QStringLiteral("DIAS_MORA"));
    file.dropColumn(QStringLiteral("SEGMENTO"));
    const ImportResult r = f.import(file.utf8());
    REQUIRE(r.outcome == ImportResult::Outcome::Rejected);
    CHECK(r.errorCount == 2);
    CHECK(hasMessage(r, 1, QStringLiteral("DIAS_MORA"), QStringLiteral("falta la columna obligatoria")));
    CHECK(hasMessage(r, 1, QStringLiteral("SEGMENTO"), QStringLiteral("falta la columna obligatoria")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
    CHECK(f.text(QStringLiteral("SELECT outcome FROM imports")) == QStringLiteral("REJECTED"));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM import_messages WHERE severity='ERROR'")) == 2);
}

TEST_CASE("Every rejection class is reported with its physical line and column", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(14);
    auto &rows = file.rows;
    // Row k sits on line k + 2 (line 1 is the header); row 1 keeps a line break inside quotes,
    // so every later row starts one physical line further down.
    rows[1][QStringLiteral("DIRECCION_DOMICILIO")] = QStringLiteral("Av. Atahualpa\ny Quito");
    rows[2][QStringLiteral("DIAS_MORA")] = QStringLiteral("veinte");                   // line 5
    rows[3][QStringLiteral("SALDO_CAPITAL")] = QStringLiteral("1.2.3");                // line 6
    rows[4][QStringLiteral("VALOR_VENCIDO")] = QStringLiteral("-15.00");               // line 7
    rows[5][QStringLiteral("CALIFICACION")] = QStringLiteral("F");                     // line 8
    rows[6][QStringLiteral("SEGMENTO")] = QStringLiteral("AGRICOLA");                  // line 9
    rows[7][QStringLiteral("NUMERO_CREDITO")] = rows[0][QStringLiteral("NUMERO_CREDITO")]; // line 10
    rows[8][QStringLiteral("FECHA_VENCIMIENTO")] = QStringLiteral("31/02/2026");       // line 11
    rows[9][QStringLiteral("APELLIDOS_NOMBRES")] = QString();                          // line 12
    rows[10][QStringLiteral("CEDULA")] = QStringLiteral("12345");                       // line 13
    rows[11][QStringLiteral("CUOTAS_VENCIDAS")] = QStringLiteral("-1");                 // line 14
    rows[12][QStringLiteral("CALIFICACION_ANT")] = QStringLiteral("Z9");                // line 15
    QByteArray bytes = file.utf8();
    bytes += "31/10/2026;IBA;x;CR-999999;S1;1714307103;\"SIN CERRAR;CONSUMO\n"; // line 17: unterminated quote
    const ImportResult r = f.import(bytes);
    REQUIRE(r.outcome == ImportResult::Outcome::Rejected);
    const QStringList errors = errorsOf(r);
    INFO(errors.join(u'\n').toStdString());
    CHECK(hasMessage(r, 5, QStringLiteral("DIAS_MORA"), QStringLiteral("«veinte»")));
    CHECK(hasMessage(r, 6, QStringLiteral("SALDO_CAPITAL"), QStringLiteral("«1.2.3»")));
    CHECK(hasMessage(r, 7, QStringLiteral("VALOR_VENCIDO"), QStringLiteral("negativo")));
    CHECK(hasMessage(r, 8, QStringLiteral("CALIFICACION"), QStringLiteral("«F»")));
    CHECK(hasMessage(r, 9, QStringLiteral("SEGMENTO"), QStringLiteral("«AGRICOLA»")));
    CHECK(hasMessage(r, 10, QStringLiteral("NUMERO_CREDITO"), QStringLiteral("línea 2")));
    CHECK(hasMessage(r, 11, QStringLiteral("FECHA_VENCIMIENTO"), QStringLiteral("«31/02/2026»")));
    CHECK(hasMessage(r, 12, QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("falta el valor")));
    CHECK(hasMessage(r, 13, QStringLiteral("CEDULA"), QStringLiteral("«12345»")));
    CHECK(hasMessage(r, 14, QStringLiteral("CUOTAS_VENCIDAS"), QStringLiteral("«-1»")));
    CHECK(hasMessage(r, 15, QStringLiteral("CALIFICACION_ANT"), QStringLiteral("«Z9»")));
    CHECK(hasMessage(r, 17, QString(), QStringLiteral("comillas")));
    CHECK(r.errorCount == 12);
    CHECK(errors.first().startsWith(QStringLiteral("cartera.csv:5: DIAS_MORA: ")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM members")) == 0);
}

TEST_CASE("A bad last row leaves the database exactly as it was", "[import]")
{
    ImportFixture f;
    PortfolioFile first;
    first.addValid(10);
    for (auto &row : first.rows)
        row[QStringLiteral("FECHA_CORTE")] = QStringLiteral("2026-10-31");
    REQUIRE(f.import(first.utf8()).outcome == ImportResult::Outcome::Accepted);
    const QString before = f.fingerprint();

    PortfolioFile second;
    second.addValid(200);
    for (auto &row : second.rows)
        row[QStringLiteral("TELEFONO")] = QStringLiteral("062999999"); // would update the members
    second.rows.last()[QStringLiteral("DIAS_MORA")] = QStringLiteral("x");
    const ImportResult r = f.import(second.utf8());
    REQUIRE(r.outcome == ImportResult::Outcome::Rejected);
    CHECK(r.errorCount == 1);
    CHECK(hasMessage(r, 201, QStringLiteral("DIAS_MORA"), QStringLiteral("«x»")));
    CHECK(f.fingerprint() == before);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM imports WHERE outcome='REJECTED'")) == 1);
}

TEST_CASE("An existing cut-off is replaced only on request - other cut-offs stay", "[import]")
{
    ImportFixture f;
    PortfolioFile october;
    october.addValid(5);
    for (auto &row : october.rows)
        row[QStringLiteral("FECHA_CORTE")] = QStringLiteral("31-10-2026");
    REQUIRE(f.import(october.utf8()).accepted());
    PortfolioFile file;
    file.addValid(5);
    REQUIRE(f.import(file.utf8()).accepted());

    PortfolioFile again;
    again.addValid(3, 100);
    const ImportResult refused = f.import(again.utf8());
    CHECK(refused.outcome == ImportResult::Outcome::Rejected);
    CHECK(refused.cutOffExists);
    CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-11-21'")) == 5);

    ImportOptions replace;
    replace.replace = true;
    const ImportResult replaced = f.import(again.utf8(), replace);
    REQUIRE(replaced.outcome == ImportResult::Outcome::Accepted);
    CHECK(replaced.replaced);
    CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-11-21'")) == 3);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshot_credits sc JOIN snapshots s ON s.id=sc.snapshot_id "
                                 "WHERE s.cut_off='2026-11-21'")) == 3);
    CHECK(f.count(QStringLiteral("SELECT credit_count FROM snapshots WHERE cut_off='2026-10-31'")) == 5);
    CHECK(f.count(QStringLiteral("SELECT replaced FROM imports ORDER BY id DESC LIMIT 1")) == 1);
}

TEST_CASE("A dry run and a cancelled import change nothing but the log", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(4100);
    ImportOptions dry;
    dry.dryRun = true;
    const ImportResult r = f.import(file.utf8(), dry);
    CHECK(r.outcome == ImportResult::Outcome::DryRun);
    CHECK(r.rows == 4100);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
    CHECK(f.text(QStringLiteral("SELECT outcome FROM imports")) == QStringLiteral("DRY_RUN"));

    std::atomic<bool> cancel{true};
    const ImportResult c = f.import(file.utf8(), {}, kSistemas, &cancel);
    CHECK(c.outcome == ImportResult::Outcome::Cancelled);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM members")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM imports WHERE outcome='CANCELLED'")) == 1);
}

TEST_CASE("Doubtful rows import with warnings kept for the credit", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(5);
    file.rows[0][QStringLiteral("CEDULA")] = QStringLiteral("1714307104");       // check digit
    file.rows[1][QStringLiteral("CALIFICACION")] = QStringLiteral("B2");          // 20 days consumo → A3
    file.rows[2][QStringLiteral("TELEFONO")] = QString();
    file.rows[2][QStringLiteral("CELULAR")] = QString();
    file.rows[3][QStringLiteral("LATITUD")] = QStringLiteral("40.4168");         // Madrid
    file.rows[3][QStringLiteral("LONGITUD")] = QStringLiteral("-3.7038");
    const ImportResult r = f.import(file.utf8());
    INFO(errorsOf(r).join(u'\n').toStdString());
    REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
    CHECK(r.warningCount == 4);
    CHECK(hasMessage(r, 2, QStringLiteral("CEDULA"), QStringLiteral("dígito verificador")));
    CHECK(hasMessage(r, 3, QStringLiteral("CALIFICACION"), QStringLiteral("espera A3")));
    CHECK(hasMessage(r, 4, QStringLiteral("TELEFONO"), QStringLiteral("teléfono")));
    CHECK(hasMessage(r, 5, QStringLiteral("LATITUD"), QStringLiteral("fuera del Ecuador")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM import_messages WHERE severity='WARNING' "
                                 "AND credit_number='CR-000002'")) == 1);
    CHECK(f.count(QStringLiteral("SELECT latitude IS NULL FROM members WHERE member_number='S00004'")) == 1);
}

TEST_CASE("The cut-off may come from the options - without either the column is missing", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(3);
    file.dropColumn(QStringLiteral("FECHA_CORTE"));
    const ImportResult missing = f.import(file.utf8());
    CHECK(hasMessage(missing, 1, QStringLiteral("FECHA_CORTE"), QStringLiteral("falta la columna")));

    ImportOptions options;
    options.cutOff = QDate(2026, 11, 20);
    const ImportResult r = f.import(file.utf8(), options);
    REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
    CHECK(f.text(QStringLiteral("SELECT cut_off FROM snapshots")) == QStringLiteral("2026-11-20"));
}

TEST_CASE("A file with two cut-offs is refused", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(3);
    file.rows[2][QStringLiteral("FECHA_CORTE")] = QStringLiteral("2026-11-20");
    const ImportResult r = f.import(file.utf8());
    CHECK(r.outcome == ImportResult::Outcome::Rejected);
    CHECK(hasMessage(r, 4, QStringLiteral("FECHA_CORTE"), QStringLiteral("un solo corte")));
}

TEST_CASE("Only Sistemas imports the portfolio", "[import][permissions]")
{
    ImportFixture f;
    PortfolioFile file;
    file.addValid(2);
    const Session advisor{2, QStringLiteral("asesor1"), QStringLiteral("PINEDA VACA ANA"), QStringLiteral("AP"),
                          Role::AsesorNegocios, 1, QStringLiteral("IBA")};
    const ImportResult r = f.import(file.utf8(), {}, advisor);
    CHECK(r.outcome == ImportResult::Outcome::Rejected);
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages.first().message.contains(QStringLiteral("no tiene permiso para importar la cartera")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM snapshots")) == 0);
}

TEST_CASE("Header-only and empty files are refused with a clear message", "[import]")
{
    ImportFixture f;
    PortfolioFile file;
    const ImportResult headerOnly = f.import(file.utf8());
    CHECK(headerOnly.outcome == ImportResult::Outcome::Rejected);
    CHECK(hasMessage(headerOnly, 1, QString(), QStringLiteral("no tiene créditos")));
    const ImportResult empty = f.import(QByteArray());
    CHECK(empty.outcome == ImportResult::Outcome::Rejected);
    CHECK(empty.errorCount == 1);
}
