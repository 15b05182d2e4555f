#include "import/portfolioimporter.h"
#include "portfolio/creditfile.h"
#include "portfoliofile.h"
#include "store/database.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::PortfolioFile;

namespace {


// Three cut-offs of a small portfolio imported through the real importer. Credit 1 slips from A1
// to B1 and carries a rating warning on the first two cut-offs; credit 3 belongs to the same member.
struct CreditFileFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    CreditFileFixture()
    {
        test::ensureCoreApp();
        db = test::openTestDatabase(dir);
        // Days past due and the rating the report gives, per cut-off; 5 days at A1 and 20 days at A2
        // disagree with the consumo scale, so those imports warn.
        importCutOff(QStringLiteral("31/10/2026"), 5, QStringLiteral("A1"), QStringLiteral("A1"));
        importCutOff(QStringLiteral("15/11/2026"), 20, QStringLiteral("A2"), QStringLiteral("A1"));
        importCutOff(QStringLiteral("21/11/2026"), 40, QStringLiteral("B1"), QStringLiteral("A1"));
    }

    static PortfolioFile file(const QString &cutOff, int days, const QString &rating, const QString &previous)
    {
        PortfolioFile f;
        f.columns << QStringLiteral("MONTO_ORIGINAL") << QStringLiteral("FECHA_CONCESION")
                  << QStringLiteral("PLAZO_MESES") << QStringLiteral("DESTINO") << QStringLiteral("EMAIL")
                  << QStringLiteral("GARANTE2_CEDULA") << QStringLiteral("GARANTE2_NOMBRE");
        for (int n = 1; n <= 3; ++n) {
            auto row = PortfolioFile::validRow(n);
            row[QStringLiteral("FECHA_CORTE")] = cutOff;
            if (n == 1) {
                row[QStringLiteral("DIAS_MORA")] = QString::number(days);
                row[QStringLiteral("CALIFICACION")] = rating;
                row[QStringLiteral("CALIFICACION_ANT")] = previous;
                row[QStringLiteral("SALDO_CAPITAL")] = QStringLiteral("%1.00").arg(2000 - days);
                row[QStringLiteral("MONTO_ORIGINAL")] = QStringLiteral("3000.00");
                row[QStringLiteral("FECHA_CONCESION")] = QStringLiteral("15/03/2025");
                row[QStringLiteral("PLAZO_MESES")] = QStringLiteral("36");
                row[QStringLiteral("DESTINO")] = QStringLiteral("Compra de ganado");
                row[QStringLiteral("EMAIL")] = QStringLiteral("jose.perez@example.ec");
                row[QStringLiteral("GARANTE2_CEDULA")] = PortfolioFile::validRow(900).value(QStringLiteral("CEDULA"));
                row[QStringLiteral("GARANTE2_NOMBRE")] = QStringLiteral("TUQUERRES ÁLVAREZ LUIS");
            }
            if (n == 3) { // a second credit of the member of credit 1
                const auto first = PortfolioFile::validRow(1);
                for (const char *c : {"NUMERO_SOCIO", "CEDULA", "APELLIDOS_NOMBRES"})
                    row[QString::fromLatin1(c)] = first.value(QString::fromLatin1(c));
                // The member's last row in the file gives the contact data, so it repeats them.
                row[QStringLiteral("EMAIL")] = QStringLiteral("jose.perez@example.ec");
                row[QStringLiteral("DIAS_MORA")] = QStringLiteral("0");
                row[QStringLiteral("CALIFICACION")] = QStringLiteral("A1");
            }
            f.add(row);
        }
        return f;
    }

    ImportResult importCutOff(const QString &cutOff, int days, const QString &rating, const QString &previous,
                              bool replace = false)
    {
        ImportOptions options;
        options.replace = replace;
        const ImportResult r = test::importBytes(*db, dir, file(cutOff, days, rating, previous).utf8(), options);
        REQUIRE(r.outcome == ImportResult::Outcome::Accepted);
        return r;
    }
};

CreditHistoryPoint point(QDate cutOff, int days, Rating rating)
{
    CreditHistoryPoint p;
    p.cutOff = cutOff;
    p.daysPastDue = days;
    p.rating = rating;
    return p;
}

} // namespace

TEST_CASE("A credit file holds the member - the credit and its guarantors", "[creditfile]")
{
    CreditFileFixture f;
    const auto file = loadCreditFile(*f.db, QStringLiteral("CR-000001"));
    REQUIRE(file);
    CHECK(file->member.memberNumber == QStringLiteral("S00001"));
    CHECK(file->member.fullName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(file->member.homeAddress == QStringLiteral("Calle Bolívar 5-12 y Sucre"));
    CHECK(file->member.mobile == QStringLiteral("0991234567"));
    CHECK(file->member.email == QStringLiteral("jose.perez@example.ec"));
    REQUIRE(file->member.latitude);
    CHECK(*file->member.latitude == Approx(0.351));
    CHECK(file->credit.creditNumber == QStringLiteral("CR-000001"));
    CHECK(file->credit.segment == Segment::Consumo);
    CHECK(file->credit.originalAmount == Money::fromCents(300000));
    CHECK(file->credit.grantedOn == QDate(2025, 3, 15));
    CHECK(file->credit.termMonths == 36);
    CHECK(file->credit.purpose == QStringLiteral("Compra de ganado"));

    REQUIRE(file->guarantors.size() == 2);
    CHECK(file->guarantors.at(0).position == 1);
    CHECK(file->guarantors.at(0).fullName == QStringLiteral("CACHIMUEL ANDRANGO MARÍA"));
    CHECK(file->guarantors.at(0).phone == QStringLiteral("0987654321"));
    CHECK(file->guarantors.at(1).position == 2);
    CHECK(file->guarantors.at(1).fullName == QStringLiteral("TUQUERRES ÁLVAREZ LUIS"));

    // Credit 3 is the same member's; credit 2 is someone else's.
    CHECK(file->otherCredits == QStringList{QStringLiteral("CR-000003")});
    const auto third = loadCreditFile(*f.db, QStringLiteral("CR-000003"));
    REQUIRE(third);
    CHECK(third->otherCredits == QStringList{QStringLiteral("CR-000001")});
    CHECK(loadCreditFile(*f.db, QStringLiteral("CR-000002"))->otherCredits.isEmpty());
}

TEST_CASE("A credit's history lists every cut-off oldest first with its figures", "[creditfile]")
{
    CreditFileFixture f;
    const auto file = loadCreditFile(*f.db, QStringLiteral(" CR-000001 "));
    REQUIRE(file);
    REQUIRE(file->history.size() == 3);
    const CreditHistoryPoint &a = file->history.at(0);
    const CreditHistoryPoint &c = file->history.at(2);
    CHECK(a.cutOff == QDate(2026, 10, 31));
    CHECK(file->history.at(1).cutOff == QDate(2026, 11, 15));
    CHECK(c.cutOff == QDate(2026, 11, 21));
    CHECK(a.daysPastDue == 5);
    CHECK(a.rating == Rating::A1);
    CHECK(file->history.at(1).rating == Rating::A2);
    CHECK(c.daysPastDue == 40);
    CHECK(c.rating == Rating::B1);
    CHECK(c.previousRating == Rating::A1);
    CHECK(a.balance == Money::fromCents(199500));
    CHECK(c.balance == Money::fromCents(196000));
    CHECK(c.overdue == Money::fromCents(24100));
    CHECK(c.overdueInstallments == 2);
    CHECK(c.officer == QStringLiteral("asesor2"));
    CHECK(c.sector == QStringLiteral("El Olivo"));
    CHECK(c.branchCode == QStringLiteral("IBA"));
    CHECK(c.installment == Money::fromCents(12050));
    CHECK(c.dueDate == QDate(2026, 11, 1));
    CHECK(file->latest() == &file->history.constLast());
    CHECK(trendSummary(file->history) == QStringLiteral("Empeoró de A1 a B1 en los últimos 2 cortes"));
}

TEST_CASE("Import warnings stay with the cut-off that raised them", "[creditfile]")
{
    CreditFileFixture f;
    auto file = loadCreditFile(*f.db, QStringLiteral("CR-000001"));
    REQUIRE(file);
    REQUIRE(file->warnings.size() == 2);
    CHECK(file->warnings.at(0).cutOff == QDate(2026, 11, 15)); // newest first
    CHECK(file->warnings.at(0).column == QStringLiteral("CALIFICACION"));
    CHECK(file->warnings.at(0).message.contains(QStringLiteral("espera A3")));
    CHECK(file->warnings.at(0).line == 2);
    CHECK(file->warnings.at(1).cutOff == QDate(2026, 10, 31));
    CHECK(file->warnings.at(1).message.contains(QStringLiteral("espera A2")));
    CHECK(loadCreditFile(*f.db, QStringLiteral("CR-000002"))->warnings.isEmpty());

    // Replacing a cut-off with a clean report drops the warnings of the report it replaced.
    f.importCutOff(QStringLiteral("15/11/2026"), 20, QStringLiteral("A3"), QStringLiteral("A1"), true);
    file = loadCreditFile(*f.db, QStringLiteral("CR-000001"));
    REQUIRE(file->warnings.size() == 1);
    CHECK(file->warnings.at(0).cutOff == QDate(2026, 10, 31));
    CHECK(file->history.at(1).rating == Rating::A3);
}

TEST_CASE("An unknown credit has no file", "[creditfile]")
{
    CreditFileFixture f;
    CHECK_FALSE(loadCreditFile(*f.db, QStringLiteral("CR-999999")));
    CHECK_FALSE(loadCreditFile(*f.db, QString()));
}

TEST_CASE("The newest cut-off gets the portfolio's derived columns", "[creditfile]")
{
    CreditFileFixture f;
    const auto file = loadCreditFile(*f.db, QStringLiteral("CR-000001"));
    REQUIRE(file);
    const PortfolioRules rules;
    const auto line = latestLine(*file, rules);
    REQUIRE(line);
    CHECK(line->row.cutOff == QDate(2026, 11, 21));
    CHECK(line->row.daysPastDue == 40);
    CHECK(line->responsible == Role::CoordinadorAgencia);
    CHECK(line->riskLevel() == RiskLevel::Potencial);
    CHECK(line->daysToNextRating == 6); // consumo B1 ends at 45 days
    REQUIRE(line->ladderStage >= 0);
    CHECK(rules.ladder.stages().at(line->ladderStage).minDays == 36);
    CHECK_FALSE(latestLine(CreditFile{}, rules));
}

TEST_CASE("The trend summary tells how the rating moved", "[creditfile]")
{
    const QDate d1(2026, 9, 30), d2(2026, 10, 31), d3(2026, 11, 15), d4(2026, 11, 21);
    using R = Rating;
    CHECK(trendSummary({}) == QStringLiteral("Sin cortes registrados"));
    CHECK(trendSummary({point(d4, 20, R::A3)}) == QStringLiteral("Un solo corte (21/11/2026): 20 días de mora, A3"));
    CHECK(trendSummary({point(d4, 0, R::A1)}) == QStringLiteral("Un solo corte (21/11/2026): al día, A1"));
    CHECK(trendSummary({point(d1, 0, R::A1), point(d2, 0, R::A1)}) == QStringLiteral("Al día en los 2 cortes"));
    CHECK(trendSummary({point(d1, 40, R::B1), point(d2, 0, R::A1), point(d3, 0, R::A1)})
          == QStringLiteral("Se puso al día en el corte del 31/10/2026"));
    // Only the run of cut-offs that never improved counts: the earlier recovery is history.
    CHECK(trendSummary({point(d1, 40, R::B1), point(d2, 0, R::A1), point(d3, 10, R::A2), point(d4, 20, R::A3)})
          == QStringLiteral("Empeoró de A1 a A3 en los últimos 2 cortes"));
    // Time spent at the first rating is not part of "how fast": the fall took one cut-off.
    CHECK(trendSummary({point(d1, 10, R::A2), point(d2, 10, R::A2), point(d3, 40, R::B1)})
          == QStringLiteral("Empeoró de A2 a B1 en el último corte"));
    // A plateau at the end still belongs to the fall that led to it.
    CHECK(trendSummary({point(d1, 10, R::A2), point(d2, 40, R::B1), point(d3, 44, R::B1)})
          == QStringLiteral("Empeoró de A2 a B1 en los últimos 2 cortes"));
    CHECK(trendSummary({point(d1, 70, R::C1), point(d2, 50, R::B2), point(d3, 20, R::A3)})
          == QStringLiteral("Mejoró de C1 a A3 en los últimos 2 cortes"));
    CHECK(trendSummary({point(d1, 50, R::B2), point(d2, 20, R::A3)}) == QStringLiteral("Mejoró de B2 a A3 en el último corte"));
    CHECK(trendSummary({point(d1, 20, R::A3), point(d2, 20, R::A3)}) == QStringLiteral("Se mantiene en A3 en los 2 cortes"));
    CHECK(trendSummary({point(d1, 16, R::A3), point(d2, 25, R::A3)})
          == QStringLiteral("Se mantiene en A3 en los 2 cortes; la mora pasó de 16 a 25 días"));
}
