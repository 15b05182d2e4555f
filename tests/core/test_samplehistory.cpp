// The physical samples read back as an auditor would: the month's list with its counts, one sample
// with its checks, the branch limit, and the sample drawn again from its seed.
#include "bookingfixture.h"
#include "results/resultservice.h"
#include "supervision/samplehistory.h"
#include "supervision/verificationservice.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kMonday = kToday; // 23/11/2026
const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0));

// CR-000001 and CR-000002 booked for the advisor PINEDA VACA ANA (epsubia) on Monday; a head-office
// reader (Jefe de Negocios) besides the fixture's people. Results are entered by each test.
struct SampleFixture : BookingFixture
{
    qint64 first = 0;
    qint64 second = 0;
    SampleFixture()
    {
        const BookResult r = book(QStringLiteral("coord"), cr({1, 2}), 2);
        REQUIRE(r.ok);
        first = r.bookingIds[0];
        second = r.bookingIds[1];
        QString error;
        REQUIRE(db->execScript(QStringLiteral("INSERT INTO staff(id, username, full_name, initials, role, branch_id, "
                                              "pooled, pool_id, created_at) VALUES(11, 'jefe', 'JEFE DE NEGOCIOS', "
                                              "'JDN', 'JEFE_NEGOCIOS', NULL, 0, NULL, '2026-01-01');"),
                               &error));
    }
    // The advisor enters the visit's result at `when` (Monday evening unless told).
    void enter(qint64 booking, VisitState state, QDateTime when = QDateTime(kMonday, QTime(18, 0)))
    {
        clock.set(when);
        VisitResult v;
        v.bookingId = booking;
        v.state = state;
        if (requiresJustification(state))
            v.justification = QStringLiteral("nadie en casa");
        REQUIRE(ResultService(*db, session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                              WorkingCalendar(), clock)
                    .save(v)
                    .ok);
    }
    VerificationService pivot() const
    {
        return VerificationService(*db, session(QStringLiteral("pivot")), PermissionTable::defaults(), clock);
    }
    SampleHistory history(const QString &username) const
    {
        return SampleHistory(*db, session(username), PermissionTable::defaults());
    }
    VerificationSample draw(int size, quint64 seed)
    {
        clock.set(kWednesday);
        QString error;
        const auto s = pivot().drawSample(kMonday, QStringLiteral("IBA"), size, seed, &error);
        INFO(error.toStdString());
        REQUIRE(s);
        return *s;
    }
};

const QDate kNovember1(2026, 11, 1);
const QDate kNovember30(2026, 11, 30);

} // namespace

TEST_CASE("Verification outcomes: stored codes and Spanish labels in one place", "[supervision][samples]")
{
    CHECK(verificationOutcomeCode(VerificationOutcome::Confirmed) == QStringLiteral("CONFIRMED"));
    CHECK(verificationOutcomeCode(VerificationOutcome::Contradicted) == QStringLiteral("CONTRADICTED"));
    CHECK(verificationOutcomeLabel(VerificationOutcome::Confirmed) == QStringLiteral("Confirmada"));
    CHECK(verificationOutcomeLabel(VerificationOutcome::Contradicted) == QStringLiteral("Contradice"));
    CHECK(parseVerificationOutcome(u"CONTRADICTED") == VerificationOutcome::Contradicted);
    CHECK_FALSE(parseVerificationOutcome(u""));
    CHECK_FALSE(parseVerificationOutcome(u"Confirmada")); // codes only: labels may be translated
    CHECK(pendingCheckLabel() == QStringLiteral("Pendiente"));
    CHECK(unverifiedResultLabel() == QStringLiteral("Sin verificar"));
}

TEST_CASE("Sample history: the month lists each sample with its counts - one loads with its checks", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::NoEncontrado);
    f.enter(f.second, VisitState::Visitado);
    const VerificationSample both = f.draw(2, 20261123);
    constexpr quint64 kHugeSeed = 18446744073709551615ULL; // stored as a negative SQLite integer
    const VerificationSample one = f.draw(1, kHugeSeed);
    REQUIRE(both.bookingIds.size() == 2);
    const qint64 confirmed = both.bookingIds[0];
    const qint64 contradicted = both.bookingIds[1];
    f.clock.set(kWednesday.addSecs(3600));
    QString error;
    REQUIRE(f.pivot().recordCheck(both.id, confirmed, true, {}, &error));
    REQUIRE(f.pivot().recordCheck(both.id, contradicted, false, QStringLiteral("la firma no es del socio"), &error));
    const VerificationSample allConfirmed = f.draw(2, 99);
    for (qint64 booking : allConfirmed.bookingIds)
        REQUIRE(f.pivot().recordCheck(allConfirmed.id, booking, true, {}, &error));
    // Another branch's sample, and one of October.
    REQUIRE(f.db->execScript(QStringLiteral("INSERT INTO verification_samples(day, branch_code, seed, size, drawn_by, "
                                            "drawn_at) VALUES('2026-11-23', 'OTA', 1, 1, 10, '2026-11-24T15:00:00Z'), "
                                            "('2026-10-30', 'IBA', 2, 3, 8, '2026-10-31T15:00:00Z');"),
                             &error));

    const auto listed = f.history(QStringLiteral("pivot")).list(kNovember1, kNovember30, QStringLiteral("IBA"), &error);
    INFO(error.toStdString());
    REQUIRE(listed);
    REQUIRE(listed->size() == 3);
    const SampleSummary &a = listed->at(0);
    CHECK(a.id == both.id);
    CHECK(a.day == kMonday);
    CHECK(a.branchCode == QStringLiteral("IBA"));
    CHECK(a.seed == 20261123);
    CHECK(a.size == 2);
    CHECK(a.visits == 2);
    CHECK(a.drawnBy == QStringLiteral("PIVOT IBARRA"));
    CHECK(a.drawnByInitials == QStringLiteral("PIV"));
    CHECK(a.drawnAt == kWednesday);
    CHECK(a.confirmed == 1);
    CHECK(a.contradicted == 1);
    CHECK(a.checked() == 2);
    CHECK(a.pending() == 0);
    const SampleSummary &b = listed->at(1);
    CHECK(b.id == one.id);
    CHECK(b.seed == kHugeSeed);
    CHECK(b.visits == 1);
    CHECK(b.checked() == 0);
    CHECK(b.pending() == 1);
    const SampleSummary &c = listed->at(2);
    CHECK(c.id == allConfirmed.id);
    CHECK(c.confirmed == 2);
    CHECK(c.contradicted == 0);
    CHECK(c.pending() == 0);
    // The Pivot's own branch when none is named; head office reads every branch, or the one named.
    const auto listedBy = [&f](const QString &user, QDate from, QDate to, const QString &branch) {
        QString why;
        const auto l = f.history(user).list(from, to, branch, &why);
        INFO(why.toStdString());
        REQUIRE(l);
        return l->size();
    };
    CHECK(listedBy(QStringLiteral("pivot"), kNovember1, kNovember30, {}) == 3);
    CHECK(listedBy(QStringLiteral("jefe"), kNovember1, kNovember30, {}) == 4);
    CHECK(listedBy(QStringLiteral("jefe"), kNovember1, kNovember30, QStringLiteral("ota")) == 1);
    CHECK(listedBy(QStringLiteral("jefe"), QDate(2026, 10, 1), QDate(2026, 10, 31), {}) == 1);
    CHECK_FALSE(f.history(QStringLiteral("pivot")).list(kNovember30, kNovember1, {}, &error));

    const auto record = f.history(QStringLiteral("pivot")).load(both.id, &error);
    INFO(error.toStdString());
    REQUIRE(record);
    CHECK(record->summary == a);
    REQUIRE(record->checks.size() == 2);
    const SampleCheck &c1 = record->checks[0];
    CHECK(c1.position == 1);
    CHECK(c1.bookingId == confirmed);
    CHECK(c1.creditNumber == f.text(QStringLiteral("SELECT credit_number FROM bookings WHERE id = %1").arg(confirmed)));
    CHECK(c1.memberName
          == f.text(QStringLiteral("SELECT m.full_name FROM members m JOIN credits c ON c.member_number = m.member_number "
                                   "WHERE c.credit_number = '%1'")
                        .arg(c1.creditNumber)));
    CHECK_FALSE(c1.memberName.isEmpty());
    CHECK(c1.visitedBy == QStringLiteral("PINEDA VACA ANA"));
    CHECK(c1.visitedByUsername == QStringLiteral("epsubia"));
    CHECK(c1.state == (confirmed == f.first ? VisitState::NoEncontrado : VisitState::Visitado));
    CHECK(c1.outcome == VerificationOutcome::Confirmed);
    CHECK(c1.note.isEmpty());
    CHECK(c1.checkedBy == QStringLiteral("PIVOT IBARRA"));
    CHECK(c1.checkedByInitials == QStringLiteral("PIV"));
    CHECK(c1.checkedAt == kWednesday.addSecs(3600));
    const SampleCheck &c2 = record->checks[1];
    CHECK(c2.position == 2);
    CHECK(c2.bookingId == contradicted);
    CHECK(c2.outcome == VerificationOutcome::Contradicted);
    CHECK(c2.note == QStringLiteral("la firma no es del socio"));

    const auto pending = f.history(QStringLiteral("pivot")).load(one.id, &error);
    REQUIRE(pending);
    REQUIRE(pending->checks.size() == 1);
    CHECK_FALSE(pending->checks[0].outcome);
    CHECK(pending->checks[0].checkedBy.isEmpty());
    CHECK_FALSE(pending->checks[0].checkedAt.isValid());
}

TEST_CASE("Sample history: a sample of another branch is refused - reading needs the supervision permission", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::Visitado);
    const VerificationSample own = f.draw(1, 1);
    QString error;
    REQUIRE(f.db->execScript(QStringLiteral("INSERT INTO verification_samples(day, branch_code, seed, size, drawn_by, "
                                            "drawn_at) VALUES('2026-11-23', 'OTA', 1, 1, 10, '2026-11-24T15:00:00Z');"),
                             &error));
    const qint64 otavalo = f.count(QStringLiteral("SELECT MAX(id) FROM verification_samples"));

    CHECK_FALSE(f.history(QStringLiteral("pivot")).list(kNovember1, kNovember30, QStringLiteral("OTA"), &error));
    CHECK(error.contains(QStringLiteral("agencia IBA")));
    error.clear();
    CHECK_FALSE(f.history(QStringLiteral("pivot")).load(otavalo, &error));
    CHECK(error.contains(QStringLiteral("es de la agencia OTA")));
    CHECK_FALSE(f.history(QStringLiteral("pivot")).replay(otavalo, &error));
    CHECK_FALSE(f.history(QStringLiteral("otacoord")).load(own.id, &error));
    CHECK(error.contains(QStringLiteral("solo ve las muestras de la agencia OTA")));
    CHECK(f.history(QStringLiteral("otacoord")).load(otavalo, &error));
    CHECK(f.history(QStringLiteral("jefe")).load(otavalo, &error));
    // An advisor reads no supervision; the administrator (Sistemas) neither.
    CHECK_FALSE(f.history(QStringLiteral("epsubia")).list(kNovember1, kNovember30, {}, &error));
    CHECK(error.contains(QStringLiteral("no tiene permiso")));
    CHECK_FALSE(f.history(QStringLiteral("admin")).load(own.id, &error));
    CHECK_FALSE(f.history(QStringLiteral("pivot")).load(own.id + 100, &error));
    CHECK(error.contains(QStringLiteral("no existe la muestra")));
}

TEST_CASE("Sample replay: the same seed draws the stored visits again", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::NoEncontrado);
    f.enter(f.second, VisitState::Visitado);
    for (const quint64 seed : {quint64{1}, quint64{20261123}, 18446744073709551615ULL}) {
        const VerificationSample s = f.draw(1, seed);
        QString error;
        const auto r = f.history(QStringLiteral("pivot")).replay(s.id, &error);
        INFO(error.toStdString());
        REQUIRE(r);
        CHECK(r->verdict == SampleReplay::Verdict::Same);
        CHECK(r->stored == s.bookingIds);
        CHECK(r->replayed == s.bookingIds);
        CHECK(r->addedSince.isEmpty());
        CHECK(r->removedSince.isEmpty());
        CHECK(describeReplay(*r).contains(QStringLiteral("da la misma visita")));
    }
}

TEST_CASE("Sample replay: a result entered after the draw changes the day - and is named", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::NoEncontrado);
    const VerificationSample s = f.draw(2, 20261123);
    REQUIRE(s.bookingIds == QList<qint64>{f.first}); // the only visit with a result at the draw
    f.enter(f.second, VisitState::Visitado, kWednesday.addSecs(60)); // late, after the draw

    QString error;
    const auto r = f.history(QStringLiteral("pivot")).replay(s.id, &error);
    REQUIRE(r);
    CHECK(r->verdict == SampleReplay::Verdict::VisitsChanged);
    CHECK(r->replayed.size() == 2);
    CHECK(r->replayedAsDrawn == s.bookingIds);
    CHECK(r->addedSince == QList<qint64>{f.second});
    CHECK(r->removedSince.isEmpty());
    CHECK(describeReplay(*r).contains(QStringLiteral("NO da las mismas visitas: 1 resultado del día se registró después")));
    CHECK(replayVerdictLabel(r->verdict) == QStringLiteral("No: cambiaron las visitas"));
}

TEST_CASE("Sample replay: a visit un-booked after the draw changes the day too", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::NoEncontrado);
    f.enter(f.second, VisitState::Visitado);
    const VerificationSample s = f.draw(2, 5);
    REQUIRE(s.bookingIds.size() == 2);
    QString error;
    REQUIRE(f.db->execScript(QStringLiteral("UPDATE bookings SET cancelled_at = '2026-11-25T16:00:00Z', cancelled_by = 8 "
                                            "WHERE id = %1;")
                                 .arg(f.second),
                             &error));
    const auto r = f.history(QStringLiteral("pivot")).replay(s.id, &error);
    REQUIRE(r);
    CHECK(r->verdict == SampleReplay::Verdict::VisitsChanged);
    CHECK(r->replayed == QList<qint64>{f.first});
    CHECK(r->removedSince == QList<qint64>{f.second});
    CHECK(describeReplay(*r).contains(QStringLiteral("1 visita con resultado se desagendó")));
}

TEST_CASE("Sample replay: a person moved to another branch after the draw is not taken for tampering", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::NoEncontrado);
    f.enter(f.second, VisitState::Visitado);
    const VerificationSample s = f.draw(1, 20261123);
    CHECK(f.text(QStringLiteral("SELECT population FROM verification_samples WHERE id = %1").arg(s.id))
          == QStringLiteral("epsubia:%1,epsubia:%2").arg(f.first).arg(f.second));
    QString error;
    REQUIRE(f.db->execScript(QStringLiteral("UPDATE staff SET branch_id = 2 WHERE username = 'epsubia';"), &error));
    const auto r = f.history(QStringLiteral("pivot")).replay(s.id, &error);
    REQUIRE(r);
    // Today the branch has none of her visits; the visits stored with the sample still give it.
    CHECK(r->verdict == SampleReplay::Verdict::VisitsChanged);
    CHECK(r->replayedAsDrawn == s.bookingIds);
    CHECK(r->replayed.isEmpty());
}

TEST_CASE("Sample population: stored as text and read back - anything else reads as none", "[supervision][samples]")
{
    const QList<std::pair<QString, qint64>> visits{{QStringLiteral("epsubia"), 12}, {QStringLiteral("jtorres"), 7}};
    CHECK(samplePopulationText(visits) == QStringLiteral("epsubia:12,jtorres:7"));
    CHECK(parseSamplePopulation(samplePopulationText(visits)) == visits);
    CHECK(parseSamplePopulation(QString()).isEmpty());
    CHECK(parseSamplePopulation(QStringLiteral("epsubia:12,jtorres")).isEmpty());
}

TEST_CASE("Sample replay: a stored sample its seed does not give is reported as unexplained", "[supervision][samples]")
{
    SampleFixture f;
    f.enter(f.first, VisitState::NoEncontrado);
    f.enter(f.second, VisitState::Visitado);
    const VerificationSample s = f.draw(1, 20261123);
    REQUIRE(s.bookingIds.size() == 1);
    const qint64 other = s.bookingIds[0] == f.first ? f.second : f.first;
    QString error;
    REQUIRE(f.db->execScript(
        QStringLiteral("UPDATE verification_checks SET booking_id = %1 WHERE sample_id = %2;").arg(other).arg(s.id), &error));
    const auto r = f.history(QStringLiteral("pivot")).replay(s.id, &error);
    REQUIRE(r);
    CHECK(r->verdict == SampleReplay::Verdict::Unexplained);
    CHECK(r->stored == QList<qint64>{other});
    CHECK(r->replayed == s.bookingIds);
    CHECK(r->replayedAsDrawn == s.bookingIds);
    CHECK(describeReplay(*r).contains(QStringLiteral("no sale de su semilla")));
    CHECK(replayVerdictLabel(r->verdict) == QStringLiteral("No: sin explicación"));
}
