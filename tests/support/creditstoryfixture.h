#pragma once

// A credit with a story to tell: the ground the expediente's tests (core, reports, UI) stand on.

#include "bookingfixture.h"
#include "results/resultservice.h"

#include <QSqlQuery>

namespace cobranza::test {

// CR-000001's story, as the advisor PINEDA VACA ANA (epsubia) and her coordinator lived it:
// booked, un-booked and booked again on Monday 23/11; not found, re-scheduled to Tuesday; on
// Tuesday the first notice was printed for the member and the guarantor and delivered, and the
// member promised to pay $241.00 on Wednesday; on Wednesday she collected $120.50 on her own
// initiative; the cut-off of 26/11 shows 10 days past due, A2, and judges the promise.
struct CreditStoryFixture : BookingFixture
{
    ResultService service() const
    {
        return ResultService(*db, session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                             WorkingCalendar{}, clock);
    }

    void tell()
    {
        const QString credit = QStringLiteral("CR-000001");
        QString error;
        at(8, 0, 0);
        const BookResult first = book(QStringLiteral("coord"), {credit}, 2);
        REQUIRE(first.ok);
        at(8, 10, 0);
        REQUIRE(as(QStringLiteral("coord")).unbook(first.bookingIds[0], QStringLiteral("SOCIO PIDIÓ OTRA HORA"), &error));
        at(8, 20, 0);
        const BookResult again = book(QStringLiteral("coord"), {credit}, 2);
        REQUIRE(again.ok);

        at(18, 0, 0);
        VisitResult notFound;
        notFound.bookingId = again.bookingIds[0];
        notFound.state = VisitState::NoEncontrado;
        notFound.visitTime = QTime(11, 0);
        notFound.justification = QStringLiteral("viaje a quito, regresa mañana");
        notFound.rescheduleDate = kToday.addDays(1);
        const ResultOutcome o = service().save(notFound);
        INFO(o.messages().join(QStringLiteral(" | ")).toStdString());
        REQUIRE(o.ok);
        REQUIRE(o.rescheduledBookingId != 0);

        // Tuesday: the notices printed before going out (no service prints them yet).
        QSqlQuery q(db->connection());
        q.prepare(QStringLiteral("INSERT INTO notices(notice_type, year, number, credit_number, addressee_kind, "
                                 "addressee_id, addressee_name, printed_by, printed_at) VALUES"
                                 "('F1TG', 2026, 12, ?, 'TITULAR', '1000000012', 'PÉREZ ÑAUPARI JOSÉ 1', 2, ?),"
                                 "('F1TG', 2026, 13, ?, 'GARANTE', '1050000017', 'CACHIMUEL ANDRANGO MARÍA', 2, ?)"));
        const QString printed = QDateTime(kToday.addDays(1), QTime(8, 50)).toUTC().toString(Qt::ISODate);
        for (const QString &v : {credit, printed, credit, printed})
            q.addBindValue(v);
        REQUIRE(q.exec());

        at(18, 0, 0, kToday.addDays(1));
        VisitResult promise;
        promise.bookingId = o.rescheduledBookingId;
        promise.state = VisitState::Visitado;
        promise.visitTime = QTime(9, 30);
        promise.justification = QStringLiteral("socio atendió en su negocio");
        promise.agreement = QStringLiteral("paga dos cuotas el miércoles");
        promise.agreementDate = kToday.addDays(2);
        promise.promisedAmount = Money::fromCents(24100);
        promise.noticeDelivered = NoticeType::F1TG;
        REQUIRE(service().save(promise).ok);

        at(18, 0, 0, kToday.addDays(2));
        VisitResult own;
        own.visitTime = QTime(16, 0);
        own.justification = QStringLiteral("cobro en el mercado");
        own.collected = Money::fromCents(12050);
        own.receiptNumber = QStringLiteral("R-77");
        REQUIRE(service().saveOwnInitiative(credit, kToday.addDays(2), own).ok);

        // The cut-off of Thursday 26/11: CR-000001 better, CR-000003 no longer in the report.
        PortfolioFile later;
        auto one = PortfolioFile::validRow(1);
        one[QStringLiteral("FECHA_CORTE")] = QStringLiteral("26/11/2026");
        one[QStringLiteral("DIAS_MORA")] = QStringLiteral("10");
        one[QStringLiteral("VALOR_VENCIDO")] = QStringLiteral("120.50");
        one[QStringLiteral("CUOTAS_VENCIDAS")] = QStringLiteral("1");
        one[QStringLiteral("CALIFICACION")] = QStringLiteral("A2");
        later.add(one);
        auto two = PortfolioFile::validRow(2);
        two[QStringLiteral("FECHA_CORTE")] = QStringLiteral("26/11/2026");
        later.add(two);
        ImportOptions options;
        options.filePath = writeFile(dir, QStringLiteral("later.csv"), later.utf8());
        const ImportResult imported = PortfolioImporter(*db, session(QStringLiteral("admin")),
                                                        PermissionTable::defaults(), RatingScales::defaults())
                                          .run(options);
        REQUIRE(imported.accepted());
        REQUIRE(imported.promisesJudged == 1);
    }
};

} // namespace cobranza::test
