#include "creditstoryfixture.h"
#include "portfolio/credittimeline.h"

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

using Kind = CreditEvent::Kind;
using Tone = CreditEvent::Tone;

QList<Kind> kinds(const QList<CreditEvent> &events)
{
    QList<Kind> out;
    for (const CreditEvent &e : events)
        out.append(e.kind);
    return out;
}

QString dump(const QList<CreditEvent> &events)
{
    QStringList lines;
    for (const CreditEvent &e : events)
        lines.append(QStringLiteral("%1 | %2 | %3 | %4").arg(e.whenText(), e.title, e.detail, e.who));
    return lines.join(u'\n');
}

CreditEvent event(Kind kind, QDateTime at, bool dateOnly = false, const QString &title = {})
{
    CreditEvent e;
    e.kind = kind;
    e.at = std::move(at);
    e.dateOnly = dateOnly;
    e.title = title;
    return e;
}

} // namespace

TEST_CASE("Credit timeline: the whole story of a credit in the order it happened", "[timeline]")
{
    CreditStoryFixture f;
    f.tell();
    const QList<CreditEvent> events = loadCreditTimeline(*f.db, QStringLiteral("CR-000001"));
    INFO(dump(events).toStdString());
    REQUIRE(kinds(events)
            == QList<Kind>{Kind::Snapshot, Kind::Booked, Kind::Unbooked, Kind::Booked, Kind::Result,
                           Kind::Rescheduled, Kind::Notice, Kind::Notice, Kind::Result, Kind::Promise, Kind::Result,
                           Kind::Collected, Kind::Snapshot, Kind::PromiseJudged});

    const CreditEvent &cut = events[0];
    CHECK(cut.dateOnly);
    CHECK(cut.whenText() == QStringLiteral("21/11/2026"));
    CHECK(cut.title == QStringLiteral("Corte de cartera"));
    CHECK(cut.detail.startsWith(QStringLiteral("20 días de mora · calificación A3")));
    CHECK(cut.detail.contains(QStringLiteral("oficial asesor2")));
    CHECK(cut.detail.contains(QStringLiteral("vencido $ 241,00 (2 cuotas) · saldo $ 1.500,00")));
    CHECK_FALSE(cut.amount);

    const CreditEvent &booked = events[1];
    CHECK(booked.whenText() == QStringLiteral("23/11/2026 08:00"));
    CHECK(booked.title == QStringLiteral("Agendado"));
    CHECK(booked.who == QStringLiteral("COORDINADOR IBARRA"));
    CHECK(booked.detail == QStringLiteral("Visita del 23/11/2026 para PINEDA VACA ANA · origen: bandeja del corte 21/11/2026"));

    const CreditEvent &unbooked = events[2];
    CHECK(unbooked.whenText() == QStringLiteral("23/11/2026 08:10"));
    CHECK(unbooked.title == QStringLiteral("Desagendado"));
    CHECK(unbooked.who == QStringLiteral("COORDINADOR IBARRA"));
    CHECK(unbooked.detail.endsWith(QStringLiteral("motivo: SOCIO PIDIÓ OTRA HORA")));

    const CreditEvent &notFound = events[4];
    CHECK(notFound.whenText() == QStringLiteral("23/11/2026 11:00"));
    CHECK(notFound.title == QStringLiteral("No Encontrado"));
    CHECK(notFound.who == QStringLiteral("PINEDA VACA ANA"));
    CHECK(notFound.detail == QStringLiteral("PVA VIAJE A QUITO, REGRESA MAÑANA · reagendado al 24/11/2026"));

    const CreditEvent &rescheduled = events[5];
    CHECK(rescheduled.whenText() == QStringLiteral("23/11/2026 18:00"));
    CHECK(rescheduled.detail == QStringLiteral("Nueva visita el 24/11/2026 para PINEDA VACA ANA (pospone la del 23/11/2026)"));

    CHECK(events[6].title == QStringLiteral("Notificación impresa"));
    CHECK(events[6].detail == QStringLiteral("Primera notificación (F1TG) N.º 12/2026 · titular PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(events[7].detail.endsWith(QStringLiteral("N.º 13/2026 · garante CACHIMUEL ANDRANGO MARÍA")));

    const CreditEvent &visited = events[8];
    CHECK(visited.whenText() == QStringLiteral("24/11/2026 09:30"));
    CHECK(visited.title == QStringLiteral("Visitado"));
    CHECK(visited.detail.contains(QStringLiteral("acuerdo: PAGA DOS CUOTAS EL MIÉRCOLES")));
    CHECK(visited.detail.contains(QStringLiteral("entregó Primera notificación (F1TG)")));
    CHECK_FALSE(visited.detail.contains(QStringLiteral("fuera de plazo")));

    const CreditEvent &promise = events[9];
    CHECK(promise.at == visited.at);
    CHECK(promise.title == QStringLiteral("Promesa de pago"));
    CHECK(promise.detail == QStringLiteral("Pagará el 25/11/2026"));
    CHECK(promise.amount == Money::fromCents(24100));

    CHECK(events[10].title == QStringLiteral("Gestión Propia"));
    CHECK(events[10].whenText() == QStringLiteral("25/11/2026 16:00"));
    const CreditEvent &collected = events[11];
    CHECK(collected.title == QStringLiteral("Recaudación"));
    CHECK(collected.detail == QStringLiteral("Recibo R-77"));
    CHECK(collected.amount == Money::fromCents(12050));
    CHECK(collected.tone == Tone::Good);

    const CreditEvent &better = events[12];
    CHECK(better.whenText() == QStringLiteral("26/11/2026"));
    CHECK(better.title == QStringLiteral("Corte: mejoró la calificación"));
    CHECK(better.detail.startsWith(QStringLiteral("10 días de mora (antes 20) · calificación A2 (antes A3)")));
    CHECK(better.tone == Tone::Good);

    const CreditEvent &judged = events[13];
    CHECK(judged.title == QStringLiteral("Promesa de pago: Cumplida"));
    CHECK(judged.detail
          == QStringLiteral("prometida para el 25/11/2026 · evaluada con el corte del 26/11/2026 · mora 20 → 10 días · "
                            "vencido $ 241,00 → $ 120,50"));
    CHECK(judged.tone == Tone::Good);
}

TEST_CASE("Credit timeline: a credit that left the report and an unknown credit", "[timeline]")
{
    CreditStoryFixture f;
    f.tell();
    const QList<CreditEvent> gone = loadCreditTimeline(*f.db, QStringLiteral("CR-000003"));
    INFO(dump(gone).toStdString());
    REQUIRE(kinds(gone) == QList<Kind>{Kind::Snapshot, Kind::LeftReport});
    CHECK(gone[1].whenText() == QStringLiteral("26/11/2026"));
    CHECK(gone[1].detail == QStringLiteral("No figura en el corte del 26/11/2026: se puso al día o se canceló "
                                           "(tenía 40 días de mora)."));
    CHECK(gone[1].tone == Tone::Good);
    CHECK(loadCreditTimeline(*f.db, QStringLiteral("CR-999999")).isEmpty());
    // The credit number as typed, with stray spaces.
    CHECK(loadCreditTimeline(*f.db, QStringLiteral(" CR-000002 ")).size() == 2);
}

TEST_CASE("Credit timeline: a changed re-scheduling and a late entry are told as such", "[timeline]")
{
    CreditStoryFixture f;
    f.at(8, 0, 0);
    const BookResult b = f.book(QStringLiteral("coord"), cr({1}), 2);
    REQUIRE(b.ok);
    VisitResult r;
    r.bookingId = b.bookingIds[0];
    r.state = VisitState::NoVisitado;
    r.justification = QStringLiteral("lluvia fuerte");
    r.rescheduleDate = kToday.addDays(2);
    // Entered on Tuesday at 09:00, after the 08:45 deadline; the new date changed an hour later.
    f.at(9, 0, 0, kToday.addDays(1));
    REQUIRE(f.service().save(r).ok);
    f.at(10, 0, 0, kToday.addDays(1));
    r.rescheduleDate = kToday.addDays(3);
    REQUIRE(f.service().save(r).ok);
    const QList<CreditEvent> events = loadCreditTimeline(*f.db, QStringLiteral("CR-000001"));
    INFO(dump(events).toStdString());
    REQUIRE(kinds(events)
            == QList<Kind>{Kind::Snapshot, Kind::Booked, Kind::Result, Kind::Rescheduled, Kind::Unbooked,
                           Kind::Rescheduled});
    // No hour: the result closes the visit's day, after its timed events.
    CHECK(events[2].dateOnly);
    CHECK(events[2].whenText() == QStringLiteral("23/11/2026"));
    CHECK(events[2].detail.contains(QStringLiteral("registrado fuera de plazo el 24/11/2026 09:00")));
    CHECK(events[3].whenText() == QStringLiteral("24/11/2026 09:00"));
    CHECK(events[4].whenText() == QStringLiteral("24/11/2026 10:00"));
    CHECK(events[4].detail.endsWith(QStringLiteral("motivo: REAGENDAMIENTO CAMBIADO")));
    CHECK(events[5].detail.startsWith(QStringLiteral("Nueva visita el 26/11/2026")));
}

TEST_CASE("Credit timeline: same-moment events keep the order of the work and cut-offs close the day", "[timeline]")
{
    const QDate day(2026, 11, 24);
    QList<CreditEvent> events{
        event(Kind::PromiseJudged, QDateTime(day, QTime(0, 0)), true, QStringLiteral("judged")),
        event(Kind::Snapshot, QDateTime(day, QTime(0, 0)), true, QStringLiteral("cut")),
        event(Kind::Promise, QDateTime(day, QTime(9, 30)), false, QStringLiteral("promise")),
        event(Kind::Collected, QDateTime(day, QTime(9, 30)), false, QStringLiteral("collected")),
        event(Kind::Result, QDateTime(day, QTime(9, 30)), false, QStringLiteral("result")),
        event(Kind::Notice, QDateTime(day, QTime(23, 59)), false, QStringLiteral("late notice")),
        event(Kind::Booked, QDateTime(day.addDays(-1), QTime(23, 0)), false, QStringLiteral("booked")),
        event(Kind::Result, QDateTime(day, QTime(0, 0)), true, QStringLiteral("no hour")),
        event(Kind::Notice, QDateTime(day, QTime(23, 59)), false, QStringLiteral("second notice")),
    };
    sortCreditEvents(&events);
    QStringList titles;
    for (const CreditEvent &e : events)
        titles.append(e.title);
    CHECK(titles
          == QStringList{QStringLiteral("booked"), QStringLiteral("result"), QStringLiteral("collected"),
                         QStringLiteral("promise"), QStringLiteral("late notice"), QStringLiteral("second notice"),
                         QStringLiteral("no hour"), QStringLiteral("cut"), QStringLiteral("judged")});
}

TEST_CASE("Credit timeline: cut-offs that only add a day are routine - the newest never is", "[timeline]")
{
    BookingFixture f;
    for (const auto &[cutOff, days, rating, officer] :
         {std::tuple{"22/11/2026", "21", "A3", "asesor2"}, std::tuple{"23/11/2026", "22", "A3", "asesor2"},
          std::tuple{"24/11/2026", "23", "A3", "ASESOR2"}, std::tuple{"25/11/2026", "24", "A3", "asesor1"},
          std::tuple{"26/11/2026", "25", "A3", "asesor1"}}) {
        PortfolioFile file;
        auto row = PortfolioFile::validRow(1);
        row[QStringLiteral("FECHA_CORTE")] = QString::fromLatin1(cutOff);
        row[QStringLiteral("DIAS_MORA")] = QString::fromLatin1(days);
        row[QStringLiteral("CALIFICACION")] = QString::fromLatin1(rating);
        row[QStringLiteral("OFICIAL_CREDITO")] = QString::fromLatin1(officer);
        file.add(row);
        REQUIRE(importBytes(*f.db, f.dir, file.utf8(), {}, f.session(QStringLiteral("admin"))).accepted());
    }
    const QList<CreditEvent> events = loadCreditTimeline(*f.db, QStringLiteral("CR-000001"));
    INFO(dump(events).toStdString());
    REQUIRE(events.size() == 6);
    QList<bool> routine;
    for (const CreditEvent &e : events)
        routine.append(e.routine);
    // 21/11 the first; 22 to 24 only a day more (the officer's case does not matter); 25/11 a new
    // officer; 26/11 the newest.
    CHECK(routine == QList<bool>{false, true, true, true, false, false});
    CHECK(events[4].detail.contains(QStringLiteral("oficial ASESOR2 → asesor1")));
    CHECK(events[2].detail.startsWith(QStringLiteral("22 días de mora (antes 21) · calificación A3")));
}
