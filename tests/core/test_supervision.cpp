#include "bookingfixture.h"
#include "datetext.h"
#include "results/resultservice.h"
#include "supervision/dailyerrorreport.h"
#include "supervision/dailyreview.h"
#include "supervision/errorrules.h"
#include "supervision/monthclose.h"
#include "supervision/verificationservice.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kMonday = kToday;                     // 23/11/2026
const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0));

VisitFacts entered(VisitState state, const QString &justification)
{
    VisitFacts v;
    v.visitDate = kMonday;
    v.hasResult = true;
    v.state = state;
    v.justification = justification;
    v.initials = QStringLiteral("PVA");
    return v;
}

int countOf(const QList<StaffError> &errors, ErrorType type, const QString &username, QDate day = {})
{
    return static_cast<int>(std::count_if(errors.cbegin(), errors.cend(), [&](const StaffError &e) {
        return e.type == type && e.username == username && (!day.isValid() || e.day == day);
    }));
}

// CR-1 and CR-2 booked for the advisor PINEDA VACA ANA (epsubia, id 2) on Monday; she enters CR-1
// (No Encontrado, justified) and CR-2 stays without a result. The clock then stands on Wednesday
// morning, after Monday's results were due.
struct SupervisionFixture : BookingFixture
{
    qint64 first = 0;
    qint64 second = 0;
    SupervisionFixture()
    {
        const BookResult r = book(QStringLiteral("coord"), cr({1, 2}), 2);
        REQUIRE(r.ok);
        first = r.bookingIds[0];
        second = r.bookingIds[1];
        at(18, 0, 0);
        VisitResult v;
        v.bookingId = first;
        v.state = VisitState::NoEncontrado;
        v.justification = QStringLiteral("nadie en casa");
        REQUIRE(ResultService(*db, session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                              WorkingCalendar(), clock)
                    .save(v)
                    .ok);
        clock.set(kWednesday);
    }
    SupervisionRules rules() const
    {
        SupervisionRules r;
        r.minVisits.advisor = 2;
        r.minVisits.officer = 2;
        return r;
    }
    VerificationService pivot() const
    {
        return VerificationService(*db, session(QStringLiteral("pivot")), PermissionTable::defaults(), clock);
    }
};

} // namespace

TEST_CASE("Error rules: a missing result counts once results are due - then late entries and texts", "[supervision]")
{
    const SupervisionRules rules;
    VisitFacts none;
    none.visitDate = kMonday;
    CHECK(visitErrors(none, rules, QDateTime(QDate(2026, 11, 24), QTime(8, 45))).isEmpty());
    CHECK(visitErrors(none, rules, QDateTime(QDate(2026, 11, 24), QTime(8, 46))) == QList<ErrorType>{ErrorType::MissingResult});

    const QDateTime later(QDate(2026, 12, 1), QTime(9, 0));
    CHECK(visitErrors(entered(VisitState::Visitado, QStringLiteral("PVA COBRADO")), rules, later).isEmpty());
    CHECK(visitErrors(entered(VisitState::NoEncontrado, QStringLiteral("PVA")), rules, later)
          == QList<ErrorType>{ErrorType::MissingJustification});
    CHECK(visitErrors(entered(VisitState::Visitado, QStringLiteral("COBRADO")), rules, later)
          == QList<ErrorType>{ErrorType::JustificationWithoutInitials});
    VisitFacts late = entered(VisitState::Visitado, {});
    late.late = true;
    CHECK(visitErrors(late, rules, later) == QList<ErrorType>{ErrorType::LateEntry});
    VisitFacts far = entered(VisitState::NoEncontrado, QStringLiteral("PVA VIAJE"));
    far.rescheduleDate = kMonday.addDays(6);
    CHECK(visitErrors(far, rules, later) == QList<ErrorType>{ErrorType::RescheduledBeyondLimit});
    far.rescheduleDate = kMonday.addDays(5);
    CHECK(visitErrors(far, rules, later).isEmpty());
    far.promiseVisit = true;
    CHECK(visitErrors(far, rules, later) == QList<ErrorType>{ErrorType::PromiseVisitRescheduled});
    VisitFacts contradicted = entered(VisitState::Visitado, {});
    contradicted.contradicted = true;
    CHECK(visitErrors(contradicted, rules, later) == QList<ErrorType>{ErrorType::ContradictedVerification});
}

TEST_CASE("Error rules: too few visits on planned working days only - by role", "[supervision]")
{
    SupervisionRules rules;
    rules.calendar = WorkingCalendar(WorkingCalendar::ecuadorHolidays(2026));
    CHECK(rules.minVisits.advisor == 6); // the defaults
    CHECK(rules.minVisits.officer == 4);
    CHECK(tooFewVisits(kMonday, 5, Role::AsesorNegocios, rules));
    CHECK_FALSE(tooFewVisits(kMonday, 6, Role::AsesorNegocios, rules));
    CHECK(tooFewVisits(kMonday, 3, Role::OficialCobranzas, rules));
    CHECK_FALSE(tooFewVisits(kMonday, 4, Role::OficialCobranzas, rules));
    CHECK_FALSE(tooFewVisits(kMonday, 0, Role::CoordinadorAgencia, rules)); // his own sheet is optional
    CHECK_FALSE(tooFewVisits(QDate(2026, 11, 22), 0, Role::AsesorNegocios, rules)); // Sunday
    // Wednesday 4 November is the month's first working day: nothing is planned for it.
    CHECK_FALSE(tooFewVisits(QDate(2026, 11, 4), 0, Role::AsesorNegocios, rules));
    CHECK(tooFewVisits(QDate(2026, 11, 5), 0, Role::AsesorNegocios, rules));
    rules.minVisits.advisor = 0; // not judged
    CHECK_FALSE(tooFewVisits(kMonday, 0, Role::AsesorNegocios, rules));
    CHECK(errorInfo(ErrorType::TooFewVisits).code == QStringLiteral("E09"));
    CHECK(parseErrorType(QStringLiteral("e01")) == ErrorType::MissingResult);
    CHECK(errorCatalogue().size() == 10);
}

TEST_CASE("Errors detected from the data per person and day - manual ones with them", "[supervision]")
{
    SupervisionFixture f;
    const QList<StaffError> errors = detectErrors(*f.db, kMonday, kMonday.addDays(2), QStringLiteral("IBA"), f.rules(),
                                                  kWednesday);
    CHECK(countOf(errors, ErrorType::MissingResult, QStringLiteral("epsubia")) == 1);
    CHECK(countOf(errors, ErrorType::MissingJustification, QStringLiteral("epsubia")) == 0);
    // Two visits on Monday meet the minimum of two; none on Tuesday and Wednesday do not.
    CHECK(countOf(errors, ErrorType::TooFewVisits, QStringLiteral("epsubia"), kMonday) == 0);
    CHECK(countOf(errors, ErrorType::TooFewVisits, QStringLiteral("epsubia"), kMonday.addDays(1)) == 1);
    CHECK(countOf(errors, ErrorType::TooFewVisits, QStringLiteral("jtorres"), kMonday) == 1);
    CHECK(countOf(errors, ErrorType::TooFewVisits, QStringLiteral("coord")) == 0); // coordinators are not counted
    CHECK(countOf(errors, ErrorType::TooFewVisits, QStringLiteral("otasesor")) == 0); // another branch
    // Before the first visit planned with the workstation (23/11/2026) nobody is asked for visits.
    const QList<StaffError> before = detectErrors(*f.db, QDate(2026, 11, 16), QDate(2026, 11, 20), QStringLiteral("IBA"),
                                                  f.rules(), kWednesday);
    CHECK(countOf(before, ErrorType::TooFewVisits, QStringLiteral("jtorres")) == 0);

    QString error;
    CHECK_FALSE(f.pivot().recordError(2, kMonday, QStringLiteral("CR-000001"), {}, &error));
    REQUIRE(f.pivot().recordError(2, kMonday, QStringLiteral("CR-000001"), QStringLiteral("no llevó la notificación"), &error));
    CHECK_FALSE(VerificationService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), f.clock)
                    .recordError(3, kMonday, {}, QStringLiteral("x"), &error));
    // A Pivot supervises his own branch only.
    CHECK_FALSE(f.pivot().recordError(9, kMonday, {}, QStringLiteral("de Otavalo"), &error));
    CHECK(error.contains(QStringLiteral("no es de su agencia")));
    CHECK_FALSE(f.pivot().drawSample(kMonday, QStringLiteral("OTA"), 3, 1, &error));
    const QList<StaffError> withManual = detectErrors(*f.db, kMonday, kMonday, QStringLiteral("IBA"), f.rules(), kWednesday);
    CHECK(countOf(withManual, ErrorType::Manual, QStringLiteral("epsubia")) == 1);
}

TEST_CASE("Daily review: booked entered missing and the results to read per person", "[supervision]")
{
    SupervisionFixture f;
    const QList<ReviewRow> rows = dailyReview(*f.db, kMonday, QStringLiteral("IBA"), f.rules(), kWednesday);
    const auto it = std::find_if(rows.cbegin(), rows.cend(), [](const ReviewRow &r) { return r.username == QStringLiteral("epsubia"); });
    REQUIRE(it != rows.cend());
    CHECK(it->booked == 2);
    CHECK(it->entered == 1);
    CHECK(it->missing == 1);
    CHECK(it->late == 0);
    REQUIRE(it->justified.size() == 1);
    CHECK(it->justified[0].justification == QStringLiteral("PVA NADIE EN CASA"));
    CHECK(it->justified[0].state == VisitState::NoEncontrado);
    CHECK(std::any_of(it->errors.cbegin(), it->errors.cend(),
                      [](const StaffError &e) { return e.type == ErrorType::MissingResult; }));
}

TEST_CASE("Daily error report: everyone of the review with role initials and the member of each error", "[supervision]")
{
    SupervisionFixture f;
    QString error;
    REQUIRE(f.pivot().recordError(3, kMonday, QStringLiteral("CR-000003"), QStringLiteral("no llevó la notificación"),
                                  &error));
    const auto personOf = [](const DailyErrorReport &r, const QString &username) {
        const auto it = std::find_if(r.people.cbegin(), r.people.cend(),
                                     [&](const DailyErrorPerson &p) { return p.username == username; });
        REQUIRE(it != r.people.cend());
        return *it;
    };
    const DailyErrorReport report = dailyErrorReport(*f.db, kMonday, QStringLiteral("IBA"), f.rules(), kWednesday);
    CHECK(report.day == kMonday);
    CHECK(report.branchName == QStringLiteral("Ibarra"));
    CHECK(report.workingDay);
    const DailyErrorPerson ana = personOf(report, QStringLiteral("epsubia"));
    CHECK(ana.name == QStringLiteral("PINEDA VACA ANA"));
    CHECK(ana.role == Role::AsesorNegocios);
    CHECK(ana.initials == QStringLiteral("PVA"));
    CHECK(ana.branchCode == QStringLiteral("IBA"));
    CHECK(ana.booked == 2);
    CHECK(ana.entered == 1);
    REQUIRE(ana.errors.size() == 1);
    CHECK(ana.errors[0].error.type == ErrorType::MissingResult);
    CHECK(ana.errors[0].error.creditNumber == QStringLiteral("CR-000002"));
    CHECK(ana.errors[0].memberName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 2"));
    // Juan booked nothing (E09, about no credit) and has the Pivot's note about CR-000003, in code order.
    const DailyErrorPerson juan = personOf(report, QStringLiteral("jtorres"));
    CHECK(juan.initials == QStringLiteral("TLJ"));
    REQUIRE(juan.errors.size() == 2);
    CHECK(juan.errors[0].error.type == ErrorType::TooFewVisits);
    CHECK(juan.errors[0].memberName.isEmpty());
    CHECK(juan.errors[1].error.type == ErrorType::Manual);
    CHECK(juan.errors[1].memberName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 3"));
    CHECK(juan.errors[1].error.note == QStringLiteral("no llevó la notificación"));
    int sum = 0;
    for (const DailyErrorPerson &p : report.people)
        sum += static_cast<int>(p.errors.size());
    CHECK(report.total == sum);
    CHECK(std::none_of(report.people.cbegin(), report.people.cend(),
                       [](const DailyErrorPerson &p) { return p.username == QStringLiteral("otasesor"); }));

    // Her missing result entered in time: she stays on the report, without errors.
    f.at(18, 30, 0);
    VisitResult v;
    v.bookingId = f.second;
    v.state = VisitState::Visitado;
    REQUIRE(ResultService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                          WorkingCalendar(), f.clock)
                .save(v)
                .ok);
    const DailyErrorReport clean = dailyErrorReport(*f.db, kMonday, QStringLiteral("IBA"), f.rules(), kWednesday);
    CHECK(personOf(clean, QStringLiteral("epsubia")).errors.isEmpty());
    CHECK(clean.total == report.total - 1);

    // A Sunday: nobody to review, and the report knows it is no working day.
    const DailyErrorReport sunday =
        dailyErrorReport(*f.db, kMonday.addDays(-1), QStringLiteral("IBA"), f.rules(), kWednesday);
    CHECK(sunday.people.isEmpty());
    CHECK(sunday.total == 0);
    CHECK_FALSE(sunday.workingDay);
}

TEST_CASE("Verification: a contradicted phone check is an error - the physical sample is reproducible", "[supervision]")
{
    SupervisionFixture f;
    QString error;
    CHECK_FALSE(f.pivot().verifyByPhone(f.first, false, {}, &error));
    CHECK_FALSE(f.pivot().verifyByPhone(f.second, true, {}, &error)); // no result yet
    REQUIRE(f.pivot().verifyByPhone(f.first, false, QStringLiteral("el socio dice que nadie lo visitó"), &error));
    CHECK(f.text(QStringLiteral("SELECT verification FROM visit_results WHERE booking_id = %1").arg(f.first))
          == QStringLiteral("CONTRADICTED"));
    const QList<StaffError> errors = detectErrors(*f.db, kMonday, kMonday, QStringLiteral("IBA"), f.rules(), kWednesday);
    CHECK(countOf(errors, ErrorType::ContradictedVerification, QStringLiteral("epsubia")) == 1);
    // The error carries what the member said: it is what the Pivot tells the person.
    CHECK(std::any_of(errors.cbegin(), errors.cend(), [](const StaffError &e) {
        return e.type == ErrorType::ContradictedVerification && e.note == QStringLiteral("el socio dice que nadie lo visitó");
    }));

    const auto sample = f.pivot().drawSample(kMonday, QStringLiteral("IBA"), 3, 20261123, &error);
    INFO(error.toStdString());
    REQUIRE(sample);
    CHECK(sample->bookingIds == QList<qint64>{f.first}); // the only visit with a result
    CHECK(f.count(QStringLiteral("SELECT seed FROM verification_samples")) == 20261123);
    const bool checked = f.pivot().recordCheck(sample->id, f.first, true, {}, &error);
    INFO(error.toStdString());
    REQUIRE(checked);
    CHECK_FALSE(f.pivot().recordCheck(sample->id, f.second, true, {}, &error));
    CHECK_FALSE(VerificationService(*f.db, f.session(QStringLiteral("coord")), PermissionTable::defaults(), f.clock)
                    .drawSample(kMonday, QStringLiteral("IBA"), 3, 1, &error));
}

TEST_CASE("Verification sample: the same seed draws the same visits spread across people", "[supervision]")
{
    QList<std::pair<QString, qint64>> visits;
    for (int i = 0; i < 30; ++i)
        visits.append({QStringLiteral("asesor%1").arg(i % 3), i});
    const QList<qint64> a = sampleVisits(visits, 6, 42);
    CHECK(a == sampleVisits(visits, 6, 42));
    CHECK(a != sampleVisits(visits, 6, 43));
    REQUIRE(a.size() == 6);
    // Two of each person's visits: taken in turns.
    for (int person = 0; person < 3; ++person)
        CHECK(std::count_if(a.cbegin(), a.cend(), [&](qint64 id) { return id % 3 == person; }) == 2);
    CHECK(sampleVisits(visits, 100, 1).size() == 30);
    CHECK(sampleVisits({}, 5, 1).isEmpty());
    // Pinned: a sample drawn today must be drawn again the same in front of an auditor next year.
    CHECK(sampleVisits(visits, 3, 7) == sampleVisits(visits, 3, 7));
}

TEST_CASE("Monthly error report F.1-A: counts per person and type against the previous month", "[supervision]")
{
    SupervisionFixture f;
    QString error;
    REQUIRE(f.pivot().recordError(2, QDate(2026, 10, 30), {}, QStringLiteral("error de octubre"), &error));
    const ErrorReport report = monthlyErrorReport(*f.db, 2026, 11, QStringLiteral("IBA"), f.rules(), kWednesday);
    const auto it = std::find_if(report.people.cbegin(), report.people.cend(),
                                 [](const MonthlyErrors &p) { return p.username == QStringLiteral("epsubia"); });
    REQUIRE(it != report.people.cend());
    CHECK(it->counts.value(ErrorType::MissingResult) == 1);
    CHECK(it->total == static_cast<int>(it->lines.size()));
    CHECK(it->previousTotal >= 1); // October's manual error (and October's working days without visits)
    int sum = 0;
    for (const MonthlyErrors &p : report.people)
        sum += p.total;
    CHECK(report.total == sum);
}

TEST_CASE("Month close: once the month is over - idempotent and audited - its work becomes read-only", "[supervision]")
{
    SupervisionFixture f;
    const auto closer = [&f](const QString &who) {
        return MonthCloseService(*f.db, f.session(who), PermissionTable::defaults(), f.clock);
    };
    QString error;
    CHECK_FALSE(closer(QStringLiteral("admin")).close(kMonday, &error));
    CHECK(error.contains(QStringLiteral("noviembre de 2026 aún no termina")));
    f.clock.set(QDateTime(QDate(2026, 12, 1), QTime(9, 0)));
    CHECK_FALSE(closer(QStringLiteral("pivot")).close(kMonday, &error));
    REQUIRE(closer(QStringLiteral("admin")).close(kMonday, &error));
    REQUIRE(closer(QStringLiteral("admin")).close(QDate(2026, 11, 2), &error));
    CHECK(f.audits(QStringLiteral("MONTH_CLOSED")) == 1);
    CHECK(isMonthClosed(*f.db, QDate(2026, 11, 30)));
    CHECK_FALSE(isMonthClosed(*f.db, QDate(2026, 12, 1)));

    // November's visits and results are history now: nothing changes them, nothing is deleted.
    VisitResult late;
    late.bookingId = f.second;
    late.state = VisitState::Visitado;
    const ResultOutcome o = ResultService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(),
                                          TimeWindows{}, WorkingCalendar(), f.clock)
                                .save(late);
    CHECK_FALSE(o.ok);
    CHECK(o.summary.contains(QStringLiteral("está cerrado")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM bookings")) == 2);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM visit_results")) == 1);
}

TEST_CASE("Month close: the previous month closes by itself once its last results were due", "[supervision]")
{
    SupervisionFixture f;
    MonthCloseService service(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), f.clock);
    const WorkingCalendar calendar;
    const TimeWindows windows;
    CHECK(service.closePreviousIfDue(calendar, windows)); // on 25 November, October closes
    CHECK(isMonthClosed(*f.db, QDate(2026, 10, 15)));
    CHECK_FALSE(isMonthClosed(*f.db, kMonday));
    // 30 November's results are due on Tuesday 1 December at 08:45: until then November stays open.
    f.clock.set(QDateTime(QDate(2026, 12, 1), QTime(8, 45)));
    CHECK_FALSE(service.closePreviousIfDue(calendar, windows));
    f.clock.set(QDateTime(QDate(2026, 12, 1), QTime(8, 46)));
    CHECK(service.closePreviousIfDue(calendar, windows));
    CHECK(isMonthClosed(*f.db, kMonday));
    CHECK_FALSE(service.closePreviousIfDue(calendar, windows));
    CHECK(f.audits(QStringLiteral("MONTH_CLOSED_AUTO")) == 2);
}

TEST_CASE("Daily review opens on the last working day before today", "[supervision]")
{
    const WorkingCalendar calendar(WorkingCalendar::ecuadorHolidays(2026));
    CHECK(defaultReviewDay(calendar, QDate(2026, 11, 23)) == QDate(2026, 11, 20)); // Monday → Friday
    CHECK(defaultReviewDay(calendar, QDate(2026, 11, 22)) == QDate(2026, 11, 20)); // Sunday → Friday
    CHECK(defaultReviewDay(calendar, QDate(2026, 11, 5)) == QDate(2026, 11, 4));
    CHECK(defaultReviewDay(calendar, QDate(2026, 11, 4)) == QDate(2026, 10, 30)); // over the 2–3 November holidays
}

TEST_CASE("A late entry's error says when it was entered", "[supervision]")
{
    SupervisionFixture f; // the clock stands on Wednesday, past Monday's deadline (Tuesday 08:45)
    VisitResult v;
    v.bookingId = f.second;
    v.state = VisitState::Visitado;
    const ResultOutcome saved = ResultService(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(),
                                              TimeWindows{}, WorkingCalendar(), f.clock)
                                    .save(v);
    REQUIRE(saved.ok);
    REQUIRE(saved.late);
    const QList<StaffError> errors = detectErrors(*f.db, kMonday, kMonday, QStringLiteral("IBA"), f.rules(), kWednesday);
    const auto late = std::find_if(errors.cbegin(), errors.cend(),
                                   [](const StaffError &e) { return e.type == ErrorType::LateEntry; });
    REQUIRE(late != errors.cend());
    CHECK(late->creditNumber == QStringLiteral("CR-000002"));
    CHECK(late->note == QStringLiteral("registrado el %1").arg(localMomentText(kWednesday.toUTC())));
}

TEST_CASE("The daily error report of every branch keeps each branch's people together", "[supervision]")
{
    SupervisionFixture f;
    const DailyErrorReport all = dailyErrorReport(*f.db, kMonday, {}, f.rules(), kWednesday);
    QStringList order;
    for (const DailyErrorPerson &p : all.people)
        order << p.branchCode + u' ' + p.name;
    INFO(order.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(order.size() >= 2);
    CHECK(order.first().startsWith(QStringLiteral("IBA ")));
    CHECK(order.last().startsWith(QStringLiteral("OTA ")));
    QStringList sorted = order;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const QString &a, const QString &b) { return a.left(3) < b.left(3); });
    CHECK(order == sorted);
}
