#include "bookingfixture.h"
#include "notices/noticeservice.h"
#include "notices/noticetemplate.h"
#include "results/resultservice.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using namespace cobranza::test;

namespace {

std::optional<NoticeType> noticeAt(int days)
{
    const LadderStage *stage = CollectionsLadder::defaults().stageFor(days);
    return stage ? stage->notice : std::nullopt;
}

NoticeService notices(const BookingFixture &f, const QString &who = QStringLiteral("coord"),
                      const QString &templateDir = {})
{
    return NoticeService(*f.db, f.session(who), PermissionTable::defaults(), PortfolioRules{}, NoticeTemplates(templateDir),
                         f.clock);
}

NoticeRequest request(const QStringList &credits, std::optional<NoticeType> type = {})
{
    NoticeRequest r;
    r.creditNumbers = credits;
    r.type = type;
    r.cutOff = kCutOff;
    r.date = kToday;
    return r;
}

// Keeps the pages it is given, as a PDF writer would print them.
struct Printer
{
    QList<NoticeDocument> pages;
    bool succeed = true;
    NoticeService::Renderer renderer()
    {
        return [this](const QList<NoticeDocument> &p, QString *error) {
            pages = p;
            if (!succeed && error)
                *error = QStringLiteral("disco lleno");
            return succeed;
        };
    }
};

QStringList dueCredits(const BookingFixture &f, const NoticeDueFilter &filter = {})
{
    QStringList out;
    for (const NoticeDue &d : noticesDue(*f.db, kCutOff, PortfolioRules{}, filter))
        out << d.line.row.creditNumber;
    out.sort();
    return out;
}

} // namespace

TEST_CASE("Notices: the stage and its notice at every boundary of the ladder", "[notices]")
{
    using N = NoticeType;
    const std::vector<std::pair<int, std::optional<N>>> cases{
        {10, std::nullopt}, {11, N::F1TG}, {20, N::F1TG}, {21, std::nullopt}, {25, std::nullopt}, {26, N::F2TG},
        {35, N::F2TG}, {36, std::nullopt}, {40, std::nullopt}, {41, N::UltimaNotificacion}, {50, N::UltimaNotificacion},
        {51, std::nullopt}, {65, std::nullopt}, {66, N::PreviaCobroLegal}, {80, N::PreviaCobroLegal},
        {81, N::ComunicadoAccionesLegales}, {95, N::ComunicadoAccionesLegales}, {96, N::SeguimientoMorosos},
        {125, N::SeguimientoMorosos}, {126, std::nullopt}};
    for (const auto &[days, notice] : cases) {
        INFO(days << " días");
        CHECK(noticeAt(days) == notice);
    }
}

TEST_CASE("Notices: an episode of arrears is named by the day it began", "[notices]")
{
    CHECK(episodeStartOf(QDate(2026, 11, 21), 20) == QDate(2026, 11, 1));
    // The next report of the same arrears names the same episode.
    CHECK(episodeStartOf(QDate(2026, 11, 26), 25) == QDate(2026, 11, 1));
    CHECK(episodeStartOf(QDate(2026, 11, 21), 0) == QDate(2026, 11, 21));
}

TEST_CASE("Notices due: by stage per branch and per person - until delivered in the episode", "[notices]")
{
    BookingFixture f;
    // IBA: CR-1 20 days F1TG, CR-4 70 days previa, CR-5 100 days seguimiento, CR-7 50 days última; CR-3 at 40 days
    // is between notices; OTA's CR-6 at 10 days has none yet.
    CHECK(dueCredits(f) == cr({1, 4, 5, 7}));
    NoticeDueFilter f1;
    f1.type = NoticeType::F1TG;
    CHECK(dueCredits(f, f1) == cr({1}));
    NoticeDueFilter ota;
    ota.branchCode = QStringLiteral("OTA");
    CHECK(dueCredits(f, ota).isEmpty());
    NoticeDueFilter person;
    person.staffUsername = QStringLiteral("asesor2"); // OFICIAL_CREDITO of CR-1, CR-4 and CR-7 is asesor(n % 3 + 1)
    CHECK(dueCredits(f, person) == cr({1, 4, 7}));
}

TEST_CASE("Notices: one page per addressee numbered per type and year - a reprint keeps its number as COPIA", "[notices]")
{
    BookingFixture f;
    Printer printer;
    const NoticeBatchResult r = notices(f).print(request(cr({1, 7})), printer.renderer());
    INFO(r.errors.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(r.ok);
    CHECK(r.pages == 4); // each credit: the member and one guarantor
    REQUIRE(printer.pages.size() == 4);
    const NoticeDocument &first = printer.pages[0];
    CHECK(first.type == NoticeType::F1TG);
    CHECK(first.reference() == QStringLiteral("F1TG-2026-000001"));
    CHECK(first.addresseeKind == AddresseeKind::Titular);
    CHECK(first.addresseeName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(printer.pages[1].addresseeKind == AddresseeKind::Garante);
    CHECK(printer.pages[1].addresseeName == QStringLiteral("CACHIMUEL ANDRANGO MARÍA"));
    CHECK(printer.pages[1].memberName == QStringLiteral("PÉREZ ÑAUPARI JOSÉ 1"));
    CHECK(printer.pages[1].number == 2);
    CHECK(printer.pages[2].type == NoticeType::UltimaNotificacion);
    CHECK(printer.pages[2].number == 1);
    CHECK(first.overdue == Money::fromCents(24100));
    CHECK(first.payBy == kToday.addDays(5));
    CHECK(first.paragraphs.join(u' ').contains(QStringLiteral("crédito N.º CR-000001")));
    CHECK(first.paragraphs.join(u' ').contains(QStringLiteral("$ 241,00")));
    CHECK_FALSE(first.paragraphs.join(u' ').contains(QStringLiteral("{{")));
    CHECK(printer.pages[1].paragraphs.join(u' ').contains(QStringLiteral("calidad de garante")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices")) == 4);
    CHECK(f.count(QStringLiteral("SELECT last_number FROM notice_counters WHERE notice_type = 'F1TG'")) == 2);

    Printer again;
    REQUIRE(notices(f).print(request(cr({1})), again.renderer()).ok);
    REQUIRE(again.pages.size() == 2);
    CHECK(again.pages[0].copy);
    CHECK(again.pages[0].number == 1);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices WHERE copy_of IS NOT NULL")) == 2);
    CHECK(f.count(QStringLiteral("SELECT last_number FROM notice_counters WHERE notice_type = 'F1TG'")) == 2);
    // A new credit's F1TG takes the next number.
    Printer third;
    REQUIRE(notices(f).print(request(cr({4}), NoticeType::F1TG), third.renderer()).ok);
    CHECK(third.pages[0].number == 3);
}

TEST_CASE("Notices: a PDF that fails leaves no number and no record", "[notices]")
{
    BookingFixture f;
    Printer printer;
    printer.succeed = false;
    const NoticeBatchResult r = notices(f).print(request(cr({1})), printer.renderer());
    CHECK_FALSE(r.ok);
    CHECK(r.errors.join(u' ').contains(QStringLiteral("disco lleno")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices")) == 0);
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notice_counters")) == 0);
    // Refusals: another branch's credit, a stage without a notice, no permission.
    Printer p;
    CHECK(notices(f).print(request(cr({6})), p.renderer()).errors.join(u' ').contains(QStringLiteral("agencia OTA")));
    CHECK(notices(f).print(request(cr({3})), p.renderer()).errors.join(u' ').contains(QStringLiteral("no pide")));
    CHECK_FALSE(notices(f, QStringLiteral("admin")).print(request(cr({1})), p.renderer()).ok);
}

TEST_CASE("Notices: an advisor prints only his own members' - as OFICIAL_CREDITO or booked to him", "[notices]")
{
    BookingFixture f;
    Printer p;
    const NoticeBatchResult refused = notices(f, QStringLiteral("epsubia")).print(request(cr({1})), p.renderer());
    CHECK_FALSE(refused.ok);
    CHECK(refused.errors.join(u' ').contains(QStringLiteral("el crédito CR-000001 no es suyo")));
    CHECK(f.count(QStringLiteral("SELECT COUNT(*) FROM notices")) == 0);
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 2).ok); // booked to epsubia for today
    CHECK(notices(f, QStringLiteral("epsubia")).print(request(cr({1})), p.renderer()).ok);
    // Booked to jtorres too, for tomorrow: his list of notices due shows it, and he may print it.
    REQUIRE(f.book(QStringLiteral("coord"), cr({1}), 3, kToday.addDays(1)).ok);
    NoticeDueFilter jtorres;
    jtorres.staffUsername = QStringLiteral("jtorres");
    CHECK(dueCredits(f, jtorres).contains(QStringLiteral("CR-000001")));
    CHECK(notices(f, QStringLiteral("jtorres")).print(request(cr({1})), p.renderer()).ok);
    // The coordinator prints any credit of his branch.
    CHECK(notices(f).print(request(cr({7})), p.renderer()).ok);
}

TEST_CASE("Notices: delivered with the visit result - never without a printed one - then no longer due", "[notices]")
{
    BookingFixture f;
    const BookResult booked = f.book(QStringLiteral("coord"), cr({1}), 2);
    REQUIRE(booked.ok);
    f.at(18, 0, 0);
    const ResultService results(*f.db, f.session(QStringLiteral("epsubia")), PermissionTable::defaults(), TimeWindows{},
                                WorkingCalendar(), f.clock);
    VisitResult r;
    r.bookingId = booked.bookingIds[0];
    r.state = VisitState::Visitado;
    r.noticeDelivered = NoticeType::F1TG;
    const ResultOutcome refused = results.save(r);
    CHECK_FALSE(refused.ok);
    REQUIRE_FALSE(refused.problems.isEmpty());
    CHECK(refused.problems.first().field == ResultField::Notice);
    CHECK(refused.problems.first().message.contains(QStringLiteral("no se ha impreso")));

    Printer printer;
    REQUIRE(notices(f).print(request(cr({1})), printer.renderer()).ok);
    CHECK(dueCredits(f).contains(QStringLiteral("CR-000001"))); // printed, not yet delivered
    REQUIRE(results.save(r).ok);
    CHECK_FALSE(dueCredits(f).contains(QStringLiteral("CR-000001")));
}

TEST_CASE("Notice templates: the shipped ones parse - an unknown placeholder is reported by name", "[notices]")
{
    for (NoticeType t : kAllNoticeTypes) {
        QList<TemplateError> errors;
        const auto parsed = NoticeTemplates().load(t, &errors);
        INFO(noticeTypeCode(t).toStdString());
        for (const TemplateError &e : errors)
            INFO(e.text().toStdString());
        REQUIRE(parsed);
        CHECK_FALSE(parsed->title.isEmpty());
        CHECK_FALSE(parsed->paragraphs.isEmpty());
    }
    QList<TemplateError> errors;
    CHECK_FALSE(parseNoticeTemplate(QStringLiteral("Título: X\n---\nHola {{SOCIO}} y {{DEUDA_TOTAL}}.\n"),
                                    QStringLiteral("F1TG.txt"), &errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].text() == QStringLiteral("F1TG.txt:3: marcador desconocido {{DEUDA_TOTAL}}"));
    CHECK_FALSE(parseNoticeTemplate(QStringLiteral("---\nTexto\n"), QStringLiteral("a.txt"), &errors));
    CHECK(errors[0].message.contains(QStringLiteral("Título")));
    CHECK_FALSE(parseNoticeTemplate(QStringLiteral("Título: X\nColor: azul\n---\nTexto {{SOCIO\n"), QStringLiteral("a.txt"),
                                    &errors));
    CHECK(errors.size() == 2);
    const auto ok = parseNoticeTemplate(QStringLiteral("# nota\nTítulo: AVISO\nPlazo en días: 2\n---\nUno\ndos.\n\nTres {{SOCIO}}.\n"),
                                        QStringLiteral("a.txt"), &errors);
    REQUIRE(ok);
    CHECK(ok->paragraphs == QStringList{QStringLiteral("Uno dos."), QStringLiteral("Tres {{SOCIO}}.")});
    CHECK(ok->payWithinDays == 2);
    CHECK(ok->fill({{QStringLiteral("SOCIO"), QStringLiteral("ANA")}})[1] == QStringLiteral("Tres ANA."));
}

TEST_CASE("Notice templates: the cooperative's folder overrides a shipped file - a bad one stops the print", "[notices]")
{
    BookingFixture f;
    QTemporaryDir dir;
    writeFile(dir, QStringLiteral("F1TG.txt"),
              QStringLiteral("Título: AVISO DE LA COOPERATIVA\n---\nEstimado {{DESTINATARIO}}, pague {{TOTAL_A_PAGAR}}.\n").toUtf8());
    Printer printer;
    REQUIRE(notices(f, QStringLiteral("coord"), dir.path()).print(request(cr({1})), printer.renderer()).ok);
    CHECK(printer.pages[0].title == QStringLiteral("AVISO DE LA COOPERATIVA"));
    CHECK(printer.pages[0].paragraphs == QStringList{QStringLiteral("Estimado PÉREZ ÑAUPARI JOSÉ 1, pague $ 241,00.")});
    writeFile(dir, QStringLiteral("F1TG.txt"), QStringLiteral("Título: AVISO\n---\n{{SALDO}}\n").toUtf8());
    const NoticeBatchResult bad = notices(f, QStringLiteral("coord"), dir.path()).print(request(cr({1})), printer.renderer());
    CHECK_FALSE(bad.ok);
    CHECK(bad.errors.join(u' ').contains(QStringLiteral("marcador desconocido {{SALDO}}")));
}
