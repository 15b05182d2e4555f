#include "bookingfixture.h"
#include "results/memberfinder.h"
#include "results/promisejudge.h"
#include "results/resultrules.h"
#include "results/resultservice.h"
#include "routes/routesheetstore.h"
#include "routes/tray.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kMonday = kToday; // 23/11/2026

bool hasProblem(const QList<ResultProblem> &problems, ResultField field, const QString &text)
{
    for (const ResultProblem &p : problems)
        if (p.field == field && p.message.contains(text))
            return true;
    return false;
}

ResultContext visitOn(QDate d)
{
    ResultContext c;
    c.visitDate = d;
    return c;
}

// A fixture with CR-000001 and CR-000002 booked for the advisor PINEDA VACA ANA (id 2, initials
// PVA) today, and the clock at six in the evening, when she enters what she did.
struct ResultFixture : BookingFixture
{
    qint64 first = 0;
    qint64 second = 0;
    ResultFixture()
    {
        const BookResult r = book(QStringLiteral("coord"), cr({1, 2}), 2);
        REQUIRE(r.ok);
        first = r.bookingIds[0];
        second = r.bookingIds[1];
        at(18, 0, 0);
    }
    ResultService service(const QString &who = QStringLiteral("epsubia"),
                          const QList<Holiday> &holidays = {}) const
    {
        return ResultService(*db, session(who), PermissionTable::defaults(), TimeWindows{}, WorkingCalendar(holidays),
                             clock);
    }
    VisitResult visited(qint64 booking) const
    {
        VisitResult r;
        r.bookingId = booking;
        r.state = VisitState::Visitado;
        r.visitTime = QTime(10, 15);
        r.justification = QStringLiteral("socio   atendió en su negocio");
        return r;
    }
};

} // namespace

TEST_CASE("Result rules: No Encontrado No Visitado and Llamada Telefonica need a justification", "[results]")
{
    for (VisitState s : kAllVisitStates) {
        VisitResult r;
        r.state = s;
        ResultContext c = visitOn(kMonday);
        c.ownInitiative = s == VisitState::GestionPropia;
        const bool needs = hasProblem(resultProblems(r, c), ResultField::Justification, QStringLiteral("justificación"));
        INFO(visitStateLabel(s).toStdString());
        CHECK(needs == (s == VisitState::NoEncontrado || s == VisitState::NoVisitado || s == VisitState::LlamadaTelefonica));
    }
    VisitResult r;
    r.state = VisitState::NoEncontrado;
    r.justification = QStringLiteral("PVA");
    ResultContext c = visitOn(kMonday);
    c.initials = QStringLiteral("PVA");
    // The initials alone say nothing.
    CHECK_FALSE(resultProblems(r, c).isEmpty());
    r.justification = QStringLiteral("pva nadie en casa");
    CHECK(justificationBody(r.justification, QStringLiteral("PVA")) == QStringLiteral("NADIE EN CASA"));
}

TEST_CASE("Result rules: the agreement date is not before the visit and needs an agreement", "[results]")
{
    VisitResult r;
    r.agreementDate = kMonday.addDays(-1);
    r.agreement = QStringLiteral("paga el saldo");
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::AgreementDate, QStringLiteral("no puede ser anterior")));
    r.agreementDate = kMonday;
    CHECK(resultProblems(r, visitOn(kMonday)).isEmpty());
    CHECK(r.isPromise());
    r.agreement.clear();
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Agreement, QStringLiteral("escriba el acuerdo")));
    VisitResult amountOnly;
    amountOnly.promisedAmount = Money::fromCents(1000);
    CHECK(hasProblem(resultProblems(amountOnly, visitOn(kMonday)), ResultField::AgreementDate, QStringLiteral("fecha de acuerdo")));
}

TEST_CASE("Result rules: re-scheduling within five days after the visit - never a promise-to-pay visit", "[results]")
{
    VisitResult r;
    r.justification = QStringLiteral("socio de viaje");
    r.rescheduleDate = kMonday.addDays(5);
    CHECK(resultProblems(r, visitOn(kMonday)).isEmpty());
    r.rescheduleDate = kMonday.addDays(6);
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Reschedule, QStringLiteral("más de 5 días")));
    r.rescheduleDate = kMonday;
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Reschedule, QStringLiteral("posterior")));
    r.rescheduleDate = kMonday.addDays(2);
    ResultContext promise = visitOn(kMonday);
    promise.promiseVisit = true;
    CHECK(hasProblem(resultProblems(r, promise), ResultField::Reschedule, QStringLiteral("no se reagenda")));
    r.justification.clear();
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Justification, QStringLiteral("causa")));
    ResultContext longer = visitOn(kMonday);
    longer.windows.maxRescheduleDays = 7;
    r.justification = QStringLiteral("viaje");
    r.rescheduleDate = kMonday.addDays(7);
    CHECK(resultProblems(r, longer).isEmpty());
}

TEST_CASE("Result rules: Recaudacion needs a positive amount and a receipt", "[results]")
{
    VisitResult r;
    r.collected = Money::fromCents(2500);
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Receipt, QStringLiteral("recibo")));
    r.receiptNumber = QStringLiteral("001-2345");
    CHECK(resultProblems(r, visitOn(kMonday)).isEmpty());
    r.collected = Money();
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Collected, QStringLiteral("mayor que cero")));
    r.collected.reset();
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::Collected, QStringLiteral("001-2345")));
}

TEST_CASE("Result rules: Gestion Propia only for own-initiative entries and always for them", "[results]")
{
    VisitResult r;
    r.state = VisitState::GestionPropia;
    CHECK(hasProblem(resultProblems(r, visitOn(kMonday)), ResultField::State, QStringLiteral("fuera de la agenda")));
    ResultContext own = visitOn(kMonday);
    own.ownInitiative = true;
    CHECK(resultProblems(r, own).isEmpty());
    r.state = VisitState::Visitado;
    CHECK(hasProblem(resultProblems(r, own), ResultField::State, QStringLiteral("Gestión Propia")));
}

TEST_CASE("Result rules: texts upper case with the initials first - the hour is a real 24-hour time", "[results]")
{
    CHECK(resultText(QStringLiteral("  pagará   el viernes ")) == QStringLiteral("PAGARÁ EL VIERNES"));
    CHECK(withInitials(QStringLiteral("no estaba"), QStringLiteral("eps")) == QStringLiteral("EPS NO ESTABA"));
    CHECK(withInitials(QStringLiteral("EPS no estaba"), QStringLiteral("EPS")) == QStringLiteral("EPS NO ESTABA"));
    CHECK(withInitials(QStringLiteral("EPSILON"), QStringLiteral("EPS")) == QStringLiteral("EPS EPSILON"));
    CHECK(parseVisitTime(QStringLiteral("14:30")) == QTime(14, 30));
    CHECK(parseVisitTime(QStringLiteral("930")) == QTime(9, 30));
    CHECK(parseVisitTime(QStringLiteral("0905")) == QTime(9, 5));
    CHECK_FALSE(parseVisitTime(QStringLiteral("24:00")));
    CHECK_FALSE(parseVisitTime(QStringLiteral("10:60")));
    CHECK_FALSE(parseVisitTime(QStringLiteral("diez")));
}

TEST_CASE("Results are due at 08:45 of the next working day - Friday's on Monday - a holiday moves it", "[results]")
{
    const TimeWindows w;
    const QDate friday(2026, 11, 20);
    const WorkingCalendar plain;
    CHECK(resultsDueAt(friday, plain, w) == QDateTime(QDate(2026, 11, 23), QTime(8, 45)));
    CHECK_FALSE(isLateEntry(friday, QDateTime(QDate(2026, 11, 23), QTime(8, 45, 0)), plain, w));
    CHECK(isLateEntry(friday, QDateTime(QDate(2026, 11, 23), QTime(8, 45, 1)), plain, w));
    CHECK_FALSE(isLateEntry(friday, QDateTime(QDate(2026, 11, 22), QTime(23, 0)), plain, w));
    const WorkingCalendar holiday({{QDate(2026, 11, 23), QStringLiteral("Feriado local")}});
    CHECK(resultsDueAt(friday, holiday, w) == QDateTime(QDate(2026, 11, 24), QTime(8, 45)));
    CHECK_FALSE(isLateEntry(friday, QDateTime(QDate(2026, 11, 23), QTime(17, 0)), holiday, w));
}

TEST_CASE("Results: the visitor saves one - upper case with initials - audited - the late mark kept", "[results]")
{
    ResultFixture f;
    const ResultOutcome o = f.service().save(f.visited(f.first));
    INFO(o.messages().join(QStringLiteral(" | ")).toStdString());
    REQUIRE(o.ok);
    CHECK_FALSE(o.late);
    CHECK(f.text(QStringLiteral("SELECT justification FROM visit_results")) == QStringLiteral("PVA SOCIO ATENDIÓ EN SU NEGOCIO"));
    CHECK(f.text(QStringLiteral("SELECT visit_time FROM visit_results")) == QStringLiteral("10:15"));
    CHECK(f.audits(QStringLiteral("RESULT_ENTERED")) == 1);

    // Corrected the day after the deadline: still on time, as first entered.
    f.at(9, 0, 0, kMonday.addDays(2));
    VisitResult changed = f.visited(f.first);
    changed.agreement = QStringLiteral("abonará 50");
    REQUIRE(f.service().save(changed).ok);
    CHECK(f.audits(QStringLiteral("RESULT_CHANGED")) == 1);
    CHECK(f.count(QStringLiteral("SELECT late FROM visit_results")) == 0);
    // The second visit's result entered now is late.
    const ResultOutcome late = f.service().save(f.visited(f.second));
    REQUIRE(late.ok);
    CHECK(late.late);
    CHECK(late.summary.contains(QStringLiteral("fuera de plazo")));
    CHECK(f.service().load(f.second)->late);
}

TEST_CASE("Results: a refused entry saves nothing and says what is wrong at its field", "[results]")
{
    ResultFixture f;
    const qint64 audits = f.allAudits();
    VisitResult r = f.visited(f.first);
    r.state = VisitState::NoEncontrado;
    r.justification.clear();
    const ResultOutcome o = f.service().save(r);
    CHECK_FALSE(o.ok);
    CHECK(hasProblem(o.problems, ResultField::Justification, QStringLiteral("No Encontrado siempre lleva")));
    // Someone else's visit, a visit of tomorrow, an un-booked visit.
    CHECK_FALSE(f.service(QStringLiteral("jtorres")).save(f.visited(f.first)).ok);
    CHECK_FALSE(f.service(QStringLiteral("coord")).save(f.visited(f.first)).ok);
    const BookResult tomorrow = f.book(QStringLiteral("coord"), cr({1}), 2, kMonday.addDays(1));
    REQUIRE(tomorrow.ok);
    const ResultOutcome early = f.service().save(f.visited(tomorrow.bookingIds[0]));
    CHECK_FALSE(early.ok);
    CHECK(early.messages().join(u' ').contains(QStringLiteral("se registra desde ese día")));
    QString error;
    f.at(8, 0, 0);
    REQUIRE(f.as(QStringLiteral("coord")).unbook(f.second, QStringLiteral("PAGÓ EN CAJA"), &error));
    f.at(18, 0, 0);
    const ResultOutcome cancelled = f.service().save(f.visited(f.second));
    CHECK_FALSE(cancelled.ok);
    CHECK(cancelled.messages().join(u' ').contains(QStringLiteral("fue desagendada")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM visit_results")) == 0);
    CHECK(f.allAudits() == audits + 2); // only the booking and the un-booking
}

TEST_CASE("Results: re-scheduling books the new date - changing it moves that visit - the tray shows it", "[results]")
{
    ResultFixture f;
    VisitResult r = f.visited(f.first);
    r.state = VisitState::NoEncontrado;
    r.justification = QStringLiteral("viaje a quito");
    r.rescheduleDate = kMonday.addDays(2);
    const ResultOutcome o = f.service().save(r);
    INFO(o.messages().join(QStringLiteral(" | ")).toStdString());
    REQUIRE(o.ok);
    REQUIRE(o.rescheduledBookingId != 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE source = 'RESCHEDULE' AND visit_date = '2026-11-25' "
                                 "AND worker_id = 2 AND rescheduled_from = %1 AND cancelled_at IS NULL")
                      .arg(f.first))
          == 1);
    r.rescheduleDate = kMonday.addDays(3);
    REQUIRE(f.service().save(r).ok);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE source = 'RESCHEDULE' AND cancelled_at IS NULL")) == 1);
    CHECK(f.text(QStringLiteral("SELECT visit_date FROM bookings WHERE source = 'RESCHEDULE' AND cancelled_at IS NULL"))
          == QStringLiteral("2026-11-26"));
    const Tray tray = loadTray(*f.db, kCutOff, PortfolioRules{}, 3, QStringLiteral("IBA"));
    for (size_t i = 0; i < tray.lines.size(); ++i)
        if (tray.lines[i].row.creditNumber == QStringLiteral("CR-000001")) {
            CHECK(tray.status[i].rescheduledTo == kMonday.addDays(3));
            CHECK(tray.status[i].lastResult == VisitState::NoEncontrado);
            CHECK(tray.status[i].bookedOn == kMonday.addDays(3));
        }
}

TEST_CASE("Results: an agreement with a date is a promise - its visit cannot be re-scheduled", "[results]")
{
    ResultFixture f;
    VisitResult r = f.visited(f.first);
    r.agreement = QStringLiteral("paga dos cuotas");
    r.agreementDate = kMonday.addDays(2);
    r.promisedAmount = Money::fromCents(24100);
    REQUIRE(f.service().save(r).ok);
    CHECK(f.count(QStringLiteral("SELECT amount_cents FROM promises WHERE promised_on = '2026-11-25'")) == 24100);
    // The coordinator books the promise visit on the agreed day; it may not be re-scheduled.
    f.at(8, 0, 0);
    const BookResult visit = f.book(QStringLiteral("coord"), cr({1}), 2, kMonday.addDays(2));
    REQUIRE(visit.ok);
    f.at(18, 0, 0, kMonday.addDays(2));
    VisitResult later = f.visited(visit.bookingIds[0]);
    later.rescheduleDate = kMonday.addDays(3);
    const ResultOutcome o = f.service().save(later);
    CHECK_FALSE(o.ok);
    CHECK(hasProblem(o.problems, ResultField::Reschedule, QStringLiteral("promesa de pago")));
    // Taking the agreement away takes the promise away.
    r.agreement.clear();
    r.agreementDate = {};
    r.promisedAmount.reset();
    REQUIRE(f.service().save(r).ok);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM promises")) == 0);
}

TEST_CASE("Gestion Propia: a credit added to the day the work was done with its result", "[results]")
{
    ResultFixture f;
    VisitResult r;
    r.visitTime = QTime(16, 0);
    r.justification = QStringLiteral("cobro en el mercado");
    r.collected = Money::fromCents(5000);
    r.receiptNumber = QStringLiteral("R-77");
    const ResultOutcome o = f.service().saveOwnInitiative(QStringLiteral("CR-000007"), kMonday, r);
    INFO(o.messages().join(QStringLiteral(" | ")).toStdString());
    REQUIRE(o.ok);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE source = 'PROPIA' AND worker_id = 2 AND "
                                 "visit_date = '2026-11-23' AND credit_number = 'CR-000007'")) == 1);
    CHECK(f.text(QStringLiteral("SELECT state FROM visit_results WHERE booking_id = %1").arg(o.bookingId))
          == QStringLiteral("GESTION_PROPIA"));
    CHECK(f.count(QStringLiteral("SELECT collected_cents FROM visit_results WHERE booking_id = %1").arg(o.bookingId)) == 5000);
    // Already on her agenda that day, or not yet done: refused, and nothing added.
    CHECK_FALSE(f.service().saveOwnInitiative(QStringLiteral("CR-000001"), kMonday, r).ok);
    CHECK_FALSE(f.service().saveOwnInitiative(QStringLiteral("CR-000003"), kMonday.addDays(1), r).ok);
    r.collected = Money(); // a refused result takes the added visit back with it
    CHECK_FALSE(f.service().saveOwnInitiative(QStringLiteral("CR-000003"), kMonday, r).ok);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings WHERE source = 'PROPIA'")) == 1);
}

TEST_CASE("Promise judging: kept partly kept or broken from the figures of two reports", "[results]")
{
    const auto judge = [](std::optional<Money> promised, CreditFigures before, std::optional<CreditFigures> after,
                          qint64 collected = 0) {
        return judgePromise({promised, before, after, Money::fromCents(collected)});
    };
    const CreditFigures before{40, Money::fromCents(30000)};
    CHECK(judge({}, before, std::nullopt) == PromiseOutcome::Kept); // left the report
    CHECK(judge({}, before, CreditFigures{0, Money::fromCents(0)}) == PromiseOutcome::Kept);
    CHECK(judge(Money::fromCents(10000), before, CreditFigures{45, Money::fromCents(20000)}) == PromiseOutcome::Kept);
    CHECK(judge(Money::fromCents(10000), before, CreditFigures{45, Money::fromCents(20001)}) == PromiseOutcome::PartlyKept);
    CHECK(judge(Money::fromCents(10000), before, CreditFigures{45, Money::fromCents(35000)}, 10000) == PromiseOutcome::Kept);
    CHECK(judge({}, before, CreditFigures{12, Money::fromCents(30000)}) == PromiseOutcome::PartlyKept);
    CHECK(judge({}, before, CreditFigures{47, Money::fromCents(30000)}) == PromiseOutcome::Broken);
    CHECK(judge({}, before, CreditFigures{47, Money::fromCents(42000)}) == PromiseOutcome::Broken);
    CHECK(judge({}, before, CreditFigures{47, Money::fromCents(42000)}, 500) == PromiseOutcome::PartlyKept);
}

TEST_CASE("Promise judging: the import of a later cut-off judges the promises due by it", "[results]")
{
    ResultFixture f;
    const auto promise = [&](qint64 booking, int days) {
        VisitResult r = f.visited(booking);
        r.agreement = QStringLiteral("se pone al día");
        r.agreementDate = kMonday.addDays(days);
        REQUIRE(f.service().save(r).ok);
    };
    promise(f.first, 2);  // CR-000001: 20 days, $241 overdue; next report: 10 days, $120.50
    promise(f.second, 9); // due after the next report: not judged yet
    PortfolioFile later;
    auto one = PortfolioFile::validRow(1);
    one[QStringLiteral("FECHA_CORTE")] = QStringLiteral("26/11/2026");
    one[QStringLiteral("DIAS_MORA")] = QStringLiteral("10");
    one[QStringLiteral("VALOR_VENCIDO")] = QStringLiteral("120.50");
    later.add(one);
    auto two = PortfolioFile::validRow(2);
    two[QStringLiteral("FECHA_CORTE")] = QStringLiteral("26/11/2026");
    later.add(two);
    ImportOptions options;
    options.filePath = writeFile(f.dir, QStringLiteral("later.csv"), later.utf8());
    const ImportResult imported = PortfolioImporter(*f.db, f.session(QStringLiteral("admin")), PermissionTable::defaults(),
                                                    RatingScales::defaults())
                                      .run(options);
    REQUIRE(imported.accepted());
    CHECK(imported.promisesJudged == 1);
    CHECK(imported.summary().contains(QStringLiteral("1 promesas de pago evaluadas")));
    CHECK(f.text(QStringLiteral("SELECT outcome FROM promises WHERE booking_id = %1").arg(f.first))
          == QStringLiteral("PARTLY_KEPT"));
    CHECK(f.text(QStringLiteral("SELECT new_value FROM audit_log WHERE action = 'PROMISE_JUDGED' AND record_id = 'CR-000001'"))
          == QStringLiteral("Cumplida en parte según el corte del 26/11/2026"));
    CHECK(f.text(QStringLiteral("SELECT IFNULL(outcome, 'PENDIENTE') FROM promises WHERE booking_id = %1").arg(f.second))
          == QStringLiteral("PENDIENTE"));
}

TEST_CASE("Member finder: by member number cedula credit or words of the name in any order", "[results]")
{
    BookingFixture f;
    const MemberFinder finder = MemberFinder::newest(*f.db);
    REQUIRE(finder.lines().size() == 7);
    const auto credits = [&](const QString &text) {
        QStringList out;
        for (int i : finder.find(text))
            out.append(finder.lines()[static_cast<size_t>(i)].row.creditNumber);
        return out;
    };
    CHECK(credits(QStringLiteral("jose naupari")).size() == 7); // words in any order, without accents
    CHECK(credits(QStringLiteral("naupari jose cr-000003")) == cr({3}));
    CHECK(credits(QStringLiteral("CR-000006")) == cr({6}));
    CHECK(credits(QStringLiteral("S00004")) == cr({4}));
    CHECK(credits(finder.lines()[4].cedula) == cr({5}));
    CHECK(credits(QStringLiteral("pérez")).size() == 7);
    CHECK(credits(QStringLiteral("   ")).isEmpty());
    CHECK(credits(QStringLiteral("zzz")).isEmpty());
}

TEST_CASE("Promise judging: a broken promise shows in the tray and on the agenda", "[results]")
{
    ResultFixture f;
    VisitResult r = f.visited(f.first);
    r.agreement = QStringLiteral("paga el miércoles");
    r.agreementDate = kMonday.addDays(2);
    REQUIRE(f.service().save(r).ok);
    CHECK(loadTray(*f.db, kCutOff, PortfolioRules{}, 3, QStringLiteral("IBA")).status.size() == 5);
    PortfolioFile later;
    auto same = PortfolioFile::validRow(1); // nothing paid: the same figures four days later
    same[QStringLiteral("FECHA_CORTE")] = QStringLiteral("26/11/2026");
    same[QStringLiteral("DIAS_MORA")] = QStringLiteral("24");
    later.add(same);
    ImportOptions options;
    options.filePath = writeFile(f.dir, QStringLiteral("later.csv"), later.utf8());
    REQUIRE(PortfolioImporter(*f.db, f.session(QStringLiteral("admin")), PermissionTable::defaults(), RatingScales::defaults())
                .run(options)
                .promisesJudged
            == 1);
    CHECK(f.text(QStringLiteral("SELECT outcome FROM promises")) == QStringLiteral("BROKEN"));
    const Tray tray = loadTray(*f.db, QDate(2026, 11, 26), PortfolioRules{}, 3, QStringLiteral("IBA"));
    REQUIRE(tray.status.size() == 1);
    CHECK(tray.status[0].brokenPromiseOn == kMonday.addDays(2));
    CHECK_FALSE(tray.status[0].promisedOn.isValid());
    const auto sheet = RouteSheetStore(*f.db, CollectionsLadder::defaults()).load(2, kMonday);
    REQUIRE(sheet);
    CHECK(sheet->visits[0].promiseBroken);
    CHECK_FALSE(sheet->visits[1].promiseBroken);
}
