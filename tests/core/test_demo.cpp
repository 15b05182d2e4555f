#include "auth/userservice.h"
#include "clock.h"
#include "demo/demodirectory.h"
#include "demo/demoseeder.h"
#include "demo/portfoliogenerator.h"
#include "identity.h"
#include "money.h"
#include "ratingscale.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <catch2/catch.hpp>
#include <cmath>

using namespace cobranza;

namespace {

QByteArray generate(qint64 credits, QDate cutOff, quint64 seed = 20261122)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    PortfolioGenerator generator({credits, seed, cutOff});
    REQUIRE(generator.write(&buffer));
    return bytes;
}

// The file split naively on ';' and newlines: the generator never quotes, so this is exact.
struct Table
{
    QStringList header;
    QList<QStringList> rows;
    QString at(qsizetype row, const char *column) const
    {
        return rows.at(row).at(header.indexOf(QString::fromLatin1(column)));
    }
};

Table parse(const QByteArray &bytes)
{
    Table t;
    const QStringList lines = QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
    REQUIRE_FALSE(lines.isEmpty());
    t.header = lines.first().split(u';');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        t.rows.append(lines.at(i).split(u';'));
        REQUIRE(t.rows.last().size() == t.header.size());
    }
    return t;
}

QDate date(const QString &text) { return QDate::fromString(text, QStringLiteral("dd/MM/yyyy")); }
QString s(const char *latin1) { return QString::fromLatin1(latin1); }

const QDate kMonthEnd(2026, 10, 31);
const QDate kYesterday(2026, 11, 21);

} // namespace

TEST_CASE("Demo portfolio is deterministic for a seed", "[demo]")
{
    const QByteArray a = generate(1500, kYesterday);
    CHECK(a == generate(1500, kYesterday));
    CHECK(a != generate(1500, kYesterday, 7));
    CHECK(a.startsWith(PortfolioGenerator::header().join(u';').toUtf8() + '\n'));
    CHECK(parse(a).rows.size() == 1500);
    // More credits extend the file; the first credits stay exactly as they were.
    CHECK(generate(3000, kYesterday).startsWith(a));
}

TEST_CASE("Demo credits keep their identity across cut-offs", "[demo]")
{
    const Table before = parse(generate(400, kMonthEnd));
    const Table after = parse(generate(400, kYesterday));
    for (const char *column : {"NUMERO_CREDITO", "NUMERO_SOCIO", "CEDULA", "APELLIDOS_NOMBRES", "SUCURSAL",
                               "OFICIAL_CREDITO", "SECTOR", "SEGMENTO", "MONTO_ORIGINAL", "PLAZO_MESES",
                               "DIRECCION_DOMICILIO", "LATITUD", "LONGITUD", "GARANTE1_CEDULA", "GARANTE2_NOMBRE"}) {
        INFO(column);
        CHECK(before.at(17, column) == after.at(17, column));
        for (qsizetype i = 0; i < before.rows.size(); ++i)
            REQUIRE(before.at(i, column) == after.at(i, column));
    }
    CHECK(before.at(17, "FECHA_CORTE") == s("31/10/2026"));
    CHECK(after.at(17, "FECHA_CORTE") == s("21/11/2026"));
}

TEST_CASE("Demo CALIFICACION_ANT is the rating at the previous month end", "[demo]")
{
    const auto check = [](QDate monthEnd, QDate later) {
        const Table before = parse(generate(3000, monthEnd));
        const Table after = parse(generate(3000, later));
        qint64 worse = 0;
        for (qsizetype i = 0; i < after.rows.size(); ++i) {
            REQUIRE(after.at(i, "CALIFICACION_ANT") == before.at(i, "CALIFICACION"));
            if (isWorse(*parseRating(after.at(i, "CALIFICACION")), *parseRating(after.at(i, "CALIFICACION_ANT"))))
                ++worse;
        }
        return 100.0 * double(worse) / double(after.rows.size());
    };
    const double reclassified = check(kMonthEnd, kYesterday);
    INFO("reclassified since the month end: " << reclassified << "%");
    CHECK(reclassified > 12);
    CHECK(reclassified < 30);
    check(QDate(2026, 9, 30), kMonthEnd); // a month-end cut-off looks one month back
    check(QDate(2026, 12, 31), QDate(2027, 1, 4)); // across a year
}

TEST_CASE("Demo days past due evolve day by day", "[demo]")
{
    Table previous = parse(generate(800, QDate(2026, 11, 1)));
    qint64 paid = 0;
    for (QDate d(2026, 11, 2); d <= QDate(2026, 11, 12); d = d.addDays(1)) {
        const Table next = parse(generate(800, d));
        for (qsizetype i = 0; i < next.rows.size(); ++i) {
            const int before = previous.at(i, "DIAS_MORA").toInt();
            const int now = next.at(i, "DIAS_MORA").toInt();
            INFO(d.toString(Qt::ISODate).toStdString() << " credit " << i << ": " << before << " -> " << now);
            REQUIRE((now == before + 1 || now == 0));
            if (before > 0 && now == 0)
                ++paid;
            if (before > 0 && now > 0) // the same unpaid installment
                REQUIRE(previous.at(i, "FECHA_VENCIMIENTO") == next.at(i, "FECHA_VENCIMIENTO"));
        }
        previous = next;
    }
    CHECK(paid > 50);
}

TEST_CASE("Demo identity numbers are valid and belong to one member each", "[demo]")
{
    const Table t = parse(generate(5000, kYesterday));
    QHash<QString, QString> memberOfCedula;
    QHash<QString, QString> cedulaOfMember;
    QSet<QString> guarantors;
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        const QString cedula = t.at(i, "CEDULA");
        INFO(cedula.toStdString());
        REQUIRE(checkIdentity(cedula) == IdentityCheck::ValidCedula);
        REQUIRE((cedula.startsWith(s("10")) || cedula.startsWith(s("17"))));
        const QString member = t.at(i, "NUMERO_SOCIO") + u'|' + t.at(i, "APELLIDOS_NOMBRES");
        REQUIRE(memberOfCedula.value(cedula, member) == member);
        REQUIRE(cedulaOfMember.value(t.at(i, "NUMERO_SOCIO"), cedula) == cedula);
        memberOfCedula.insert(cedula, member);
        cedulaOfMember.insert(t.at(i, "NUMERO_SOCIO"), cedula);
        for (const char *column : {"GARANTE1_CEDULA", "GARANTE2_CEDULA", "GARANTE3_CEDULA"}) {
            const QString g = t.at(i, column);
            if (!g.isEmpty()) {
                REQUIRE(checkIdentity(g) == IdentityCheck::ValidCedula);
                guarantors.insert(g);
            }
        }
    }
    CHECK(memberOfCedula.size() < t.rows.size()); // some members hold two credits
    CHECK(memberOfCedula.size() > t.rows.size() * 9 / 10);
    for (const QString &g : guarantors)
        CHECK_FALSE(memberOfCedula.contains(g));
}

TEST_CASE("Demo ratings follow the default scales and cover the whole ladder", "[demo]")
{
    const Table t = parse(generate(5000, kYesterday));
    const RatingScales scales = RatingScales::defaults();
    const QList<QPair<int, int>> ladder = {{0, 0},   {1, 3},   {4, 5},   {6, 10},  {11, 20},  {21, 25},
                                           {26, 35}, {36, 40}, {41, 50}, {51, 65}, {66, 80}, {81, 95},
                                           {96, 125}, {126, 100000}};
    QList<int> perStage(ladder.size(), 0);
    QHash<int, int> perSegment;
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        const auto segment = parseSegment(t.at(i, "SEGMENTO"));
        REQUIRE(segment.has_value());
        ++perSegment[static_cast<int>(*segment)];
        const int days = t.at(i, "DIAS_MORA").toInt();
        REQUIRE(parseRating(t.at(i, "CALIFICACION")) == scales.expectedRating(*segment, kYesterday, days));
        for (qsizetype s = 0; s < ladder.size(); ++s)
            if (days >= ladder.at(s).first && days <= ladder.at(s).second)
                ++perStage[s];
    }
    for (qsizetype s = 0; s < ladder.size(); ++s) {
        INFO("days " << ladder.at(s).first << "-" << ladder.at(s).second << ": " << perStage.at(s));
        CHECK(perStage.at(s) >= 15);
    }
    CHECK(perStage.at(0) > perStage.at(12)); // more about to fall due than in judicial stage
    for (Segment seg : kAllSegments)
        CHECK(perSegment.value(static_cast<int>(seg)) > 50);
    const int personal = perSegment.value(static_cast<int>(Segment::Consumo))
        + perSegment.value(static_cast<int>(Segment::Microcredito));
    CHECK(personal > 3500);
}

TEST_CASE("Demo rows are consistent and importable", "[demo]")
{
    const QByteArray bytes = generate(5000, kYesterday);
    const Table t = parse(bytes);
    CHECK(t.header == PortfolioGenerator::header());
    CHECK(bytes.contains("Ñ"));
    CHECK(bytes.contains("Á"));
    const DemoDirectory &dir = DemoDirectory::instance();
    QSet<QString> creditNumbers;
    qint64 noPhone = 0, withEmail = 0;
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        INFO("row " << i << ": " << t.rows.at(i).join(u';').toStdString());
        REQUIRE(t.at(i, "FECHA_CORTE") == s("21/11/2026"));
        REQUIRE_FALSE(creditNumbers.contains(t.at(i, "NUMERO_CREDITO")));
        creditNumbers.insert(t.at(i, "NUMERO_CREDITO"));

        const auto branch = std::find_if(dir.branches.begin(), dir.branches.end(),
                                         [&](const DemoBranch &b) { return b.code == t.at(i, "SUCURSAL"); });
        REQUIRE(branch != dir.branches.end());
        REQUIRE(dir.advisorsOf(branch->code).contains(t.at(i, "OFICIAL_CREDITO")));
        REQUIRE(branch->sectors.contains(t.at(i, "SECTOR")));
        // Within ~3 km of the town centre (1° ≈ 111 km near the equator).
        const double km = 111.2 * std::hypot(t.at(i, "LATITUD").toDouble() - branch->latitude,
                                             t.at(i, "LONGITUD").toDouble() - branch->longitude);
        REQUIRE(km < 3.2);
        REQUIRE(t.at(i, "LATITUD").section(u'.', 1).size() == 6);

        const int days = t.at(i, "DIAS_MORA").toInt();
        const int overdueInstallments = t.at(i, "CUOTAS_VENCIDAS").toInt();
        REQUIRE(overdueInstallments == (days + 29) / 30);
        const QDate due = date(t.at(i, "FECHA_VENCIMIENTO"));
        const QDate granted = date(t.at(i, "FECHA_CONCESION"));
        REQUIRE(granted.isValid());
        REQUIRE(granted <= kYesterday);
        if (days > 0) {
            REQUIRE(due == kYesterday.addDays(-days));
            REQUIRE(due > granted);
        } else {
            REQUIRE(kYesterday.daysTo(due) >= 1);
            REQUIRE(kYesterday.daysTo(due) <= 5);
        }

        const auto amount = Money::parse(t.at(i, "MONTO_ORIGINAL"));
        const auto balance = Money::parse(t.at(i, "SALDO_CAPITAL"));
        const auto installment = Money::parse(t.at(i, "VALOR_CUOTA"));
        const auto overdue = Money::parse(t.at(i, "VALOR_VENCIDO"));
        REQUIRE((amount && balance && installment && overdue));
        REQUIRE(amount->toPlainString() == t.at(i, "MONTO_ORIGINAL"));
        REQUIRE(overdue->toPlainString() == t.at(i, "VALOR_VENCIDO"));
        REQUIRE(*balance <= *amount);
        REQUIRE(balance->cents() > 0);
        REQUIRE(installment->cents() > 0);
        REQUIRE((days == 0) == overdue->isZero());
        if (days > 0) { // the overdue installments plus some late interest
            REQUIRE(overdue->cents() >= overdueInstallments * installment->cents());
            REQUIRE(overdue->cents() < overdueInstallments * installment->cents() * 13 / 10 + 100);
        }

        if (t.at(i, "TELEFONO").isEmpty()) {
            ++noPhone;
            REQUIRE(t.at(i, "CELULAR").isEmpty());
        } else {
            REQUIRE(t.at(i, "TELEFONO").startsWith(s("06-2")));
            REQUIRE(t.at(i, "TELEFONO").size() == 10);
            REQUIRE(t.at(i, "CELULAR").size() == 10);
            REQUIRE(t.at(i, "CELULAR").startsWith(s("09")));
        }
        if (!t.at(i, "EMAIL").isEmpty())
            ++withEmail;
        REQUIRE_FALSE(t.at(i, "DIRECCION_DOMICILIO").isEmpty());
        REQUIRE_FALSE(t.at(i, "DIRECCION_NEGOCIO").isEmpty());
        REQUIRE_FALSE(t.at(i, "REFERENCIA").isEmpty());
        REQUIRE(t.at(i, "APELLIDOS_NOMBRES").split(u' ').size() >= 4);
        // Guarantors fill their columns in order, all four or none.
        for (int g = 1; g <= 3; ++g) {
            const QString prefix = s("GARANTE") + QString::number(g) + u'_';
            const auto col = [&](const char *name) { return t.rows.at(i).at(t.header.indexOf(prefix + s(name))); };
            REQUIRE(col("CEDULA").isEmpty() == col("NOMBRE").isEmpty());
            REQUIRE(col("CEDULA").isEmpty() == col("DIRECCION").isEmpty());
            REQUIRE(col("CEDULA").isEmpty() == col("TELEFONO").isEmpty());
        }
    }
    CHECK(noPhone > 0);
    CHECK(noPhone < t.rows.size() / 50);
    CHECK(withEmail > t.rows.size() / 10);
}

TEST_CASE("Demo generator reports progress and errors", "[demo]")
{
    QList<qint64> reported;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    PortfolioGenerator generator({25'000, 1, kYesterday});
    CHECK(generator.write(&buffer, [&](qint64 rows) { reported.append(rows); }));
    CHECK(reported == QList<qint64>{10'000, 20'000, 25'000});

    QBuffer closed;
    CHECK_FALSE(generator.write(&closed));
    CHECK_FALSE(generator.errorString().isEmpty());
    PortfolioGenerator noDate({10, 1, QDate()});
    CHECK_FALSE(noDate.write(&buffer));
    CHECK_FALSE(noDate.errorString().isEmpty());
}

TEST_CASE("Demo directory describes a complete cooperative", "[demo]")
{
    const DemoDirectory &dir = DemoDirectory::instance();
    CHECK(checkIdentity(dir.ruc) == IdentityCheck::ValidRuc);
    CHECK(dir.ruc.at(2) == u'9');
    CHECK(dir.branches.size() == 4);
    QSet<QString> usernames;
    for (const DemoStaff &st : dir.staff) {
        INFO(st.username.toStdString());
        CHECK_FALSE(usernames.contains(st.username));
        usernames.insert(st.username);
        CHECK(st.username == st.username.toLower());
        CHECK_FALSE(st.initials.isEmpty());
        CHECK((st.branchCode.isEmpty() || std::any_of(dir.branches.begin(), dir.branches.end(),
                                                       [&](const DemoBranch &b) { return b.code == st.branchCode; })));
    }
    for (const DemoBranch &b : dir.branches) {
        INFO(b.code.toStdString());
        CHECK(b.sectors.size() >= 8);
        CHECK(b.sectors.size() <= 12);
        CHECK(b.latitude > 0.2);
        CHECK(b.latitude < 0.4);
        CHECK(b.longitude < -78.1);
        CHECK(dir.advisorsOf(b.code).size() >= 3);
        const auto count = [&](Role r) {
            return std::count_if(dir.staff.begin(), dir.staff.end(),
                                 [&](const DemoStaff &st) { return st.role == r && st.branchCode == b.code; });
        };
        CHECK(count(Role::CoordinadorAgencia) == 1);
        CHECK(count(Role::PivotCredito) == 1);
        CHECK(count(Role::AsesorNegocios) >= 1);
        CHECK(count(Role::OficialCobranzas) >= 1); // "at least one user per role and branch"
    }
    const auto find = [&](const char *username) {
        return std::find_if(dir.staff.begin(), dir.staff.end(),
                            [&](const DemoStaff &st) { return st.username == QLatin1String(username); });
    };
    REQUIRE(find("admin") != dir.staff.end());
    CHECK(find("admin")->role == Role::Sistemas);
    REQUIRE(find("cobranzas") != dir.staff.end());
    CHECK(find("cobranzas")->pooled);
    CHECK(find("cobranzas")->role == Role::OficialCobranzas);
    CHECK(find("cobranzas")->fullName == s("COBRANZAS SUMAK KAWSAY"));
    REQUIRE(find("epsubia") != dir.staff.end());
    CHECK(find("epsubia")->initials == s("EPS"));
    CHECK(find("epsubia")->fullName == s("SUBIA PASPUEZAN EDGAR PATRICIO"));
    CHECK(std::count_if(dir.staff.begin(), dir.staff.end(), [](const DemoStaff &st) {
              return st.role == Role::OficialCobranzas && !st.pooled;
          }) == 5);
    // Head-office roles work every branch; the demo still has one of each.
    for (const Role r : kAllRoles)
        CHECK(std::any_of(dir.staff.begin(), dir.staff.end(), [&](const DemoStaff &st) { return st.role == r; }));
}

TEST_CASE("Demo users sign in with the shared demo password - the pooled user has none", "[demo][auth]")
{
    QTemporaryDir dir;
    QString error;
    const auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")), &error);
    REQUIRE(db);
    REQUIRE(DemoSeeder(*db, PasswordHasher::fastForTests()).seedDirectory(&error));
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT COUNT(DISTINCT password_hash), SUM(password_hash IS NULL), "
                                  "SUM(pooled AND password_hash IS NULL), COUNT(*) FROM staff")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1); // hashed once, shared
    CHECK(q.value(1).toInt() == 1); // only the pooled user
    CHECK(q.value(2).toInt() == 1);
    CHECK(q.value(3).toInt() == DemoDirectory::instance().staff.size());
    const FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(8, 10))};
    const Authenticator auth(*db, clock, PasswordHasher::fastForTests());
    CHECK(auth.hasUsers());
    CHECK(auth.login({}, QStringLiteral("admin"), DemoSeeder::kDemoPassword).ok);
    const LoginOutcome advisor = auth.login({}, QStringLiteral("epsubia"), DemoSeeder::kDemoPassword);
    CHECK(advisor.ok);
    CHECK(advisor.session.branchCode == QStringLiteral("IBA"));
    CHECK_FALSE(auth.login({}, QStringLiteral("cobranzas"), DemoSeeder::kDemoPassword).ok);
    CHECK_FALSE(auth.login({}, QStringLiteral("admin"), QStringLiteral("otra-cosa-2026")).ok);
}

// Not run by default: `cobranza_core_tests "[.bench]"` in a Release build.
TEST_CASE("Demo generator writes a million rows", "[.bench]")
{
    QTemporaryFile file;
    REQUIRE(file.open());
    QElapsedTimer timer;
    timer.start();
    PortfolioGenerator generator({1'000'000, 20261122, kYesterday});
    REQUIRE(generator.write(&file));
    file.flush();
    WARN("1,000,000 rows to a file in " << timer.elapsed() << " ms, " << file.size() << " bytes");

    QFile null(QStringLiteral("/dev/null"));
    if (null.open(QIODevice::WriteOnly)) {
        timer.restart();
        REQUIRE(generator.write(&null));
        WARN("1,000,000 rows to /dev/null in " << timer.elapsed() << " ms");
    }
}

