// The collections ladder by days past due (domain.md, "The collections ladder") and its notices.
#include "ladder.h"
#include "noticetype.h"

#include <QStringList>

#include <catch2/catch.hpp>

#include <functional>
#include <string>

using cobranza::CollectionsLadder;
using cobranza::LadderStage;
using cobranza::NoticeType;

namespace {

std::string range(const LadderStage *s)
{
    if (!s)
        return "none";
    return std::to_string(s->minDays) + "-" + (s->maxDays ? std::to_string(*s->maxDays) : std::string("open"));
}

std::string notice(const LadderStage *s)
{
    if (!s)
        return "no stage";
    return s->notice ? cobranza::noticeTypeCode(*s->notice).toStdString() : std::string("none");
}

} // namespace

TEST_CASE("Ladder: stageFor at every boundary of the default ladder", "[ladder]")
{
    const CollectionsLadder ladder = CollectionsLadder::defaults();
    const std::pair<int, const char *> expected[] = {
        {0, "0-0"},     {1, "1-3"},     {3, "1-3"},     {4, "4-5"},       {5, "4-5"},       {6, "6-10"},
        {10, "6-10"},   {11, "11-20"},  {20, "11-20"},  {21, "21-25"},    {25, "21-25"},    {26, "26-35"},
        {35, "26-35"},  {36, "36-40"},  {40, "36-40"},  {41, "41-50"},    {50, "41-50"},    {51, "51-65"},
        {65, "51-65"},  {66, "66-80"},  {80, "66-80"},  {81, "81-95"},    {95, "81-95"},    {96, "96-125"},
        {125, "96-125"}, {126, "126-open"}, {400, "126-open"}, {100000, "126-open"},
    };
    for (const auto &[days, stage] : expected) {
        INFO(days << " days past due");
        CHECK(range(ladder.stageFor(days)) == stage);
    }
    CHECK(range(ladder.stageFor(-1)) == "none");
    CHECK(range(CollectionsLadder().stageFor(5)) == "none");
}

TEST_CASE("Ladder: the notice each stage calls for", "[ladder]")
{
    const CollectionsLadder ladder = CollectionsLadder::defaults();
    const auto expectedNotice = [](int days) -> std::string {
        if (days >= 11 && days <= 20)
            return "F1TG";
        if (days >= 26 && days <= 35)
            return "F2TG";
        if (days >= 41 && days <= 50)
            return "ULTIMA";
        if (days >= 66 && days <= 80)
            return "PREVIA_LEGAL";
        if (days >= 81 && days <= 95)
            return "ACCIONES_LEGALES";
        if (days >= 96 && days <= 125)
            return "SEGUIMIENTO";
        return "none";
    };
    for (int days = 0; days <= 400; ++days) {
        INFO(days << " days past due");
        CHECK(notice(ladder.stageFor(days)) == expectedNotice(days));
    }
    // The codes above are the notice types themselves.
    CHECK(ladder.stageFor(11)->notice == NoticeType::F1TG);
    CHECK(ladder.stageFor(35)->notice == NoticeType::F2TG);
    CHECK(ladder.stageFor(41)->notice == NoticeType::UltimaNotificacion);
    CHECK(ladder.stageFor(80)->notice == NoticeType::PreviaCobroLegal);
    CHECK(ladder.stageFor(81)->notice == NoticeType::ComunicadoAccionesLegales);
    CHECK(ladder.stageFor(125)->notice == NoticeType::SeguimientoMorosos);
    // The signed commitment is collected on every contact, it is not a stage's notice.
    for (const LadderStage &s : ladder.stages())
        CHECK(s.notice != NoticeType::CompromisoPago);
}

TEST_CASE("Ladder: who is responsible and how - per stage", "[ladder]")
{
    using cobranza::Role;
    const CollectionsLadder ladder = CollectionsLadder::defaults();
    CHECK(ladder.stageFor(0)->responsible == Role::PivotCredito);
    for (int days : {1, 3, 4, 5, 6, 10, 11, 20})
        CHECK(ladder.stageFor(days)->responsible == Role::AsesorNegocios);
    for (int days : {21, 25, 26, 35, 36, 40, 41, 50})
        CHECK(ladder.stageFor(days)->responsible == Role::CoordinadorAgencia);
    for (int days : {51, 65, 66, 80, 81, 95, 96, 125, 126})
        CHECK(ladder.stageFor(days)->responsible == Role::OficialCobranzas);
    // Every written notice is delivered in writing.
    for (const LadderStage &s : ladder.stages()) {
        INFO(range(&s));
        CHECK_FALSE(s.action.trimmed().isEmpty());
        CHECK_FALSE(s.responsibleLabel.isEmpty());
        if (s.notice && s.notice != NoticeType::SeguimientoMorosos)
            CHECK(s.channel == QStringLiteral("Escrito"));
    }
    CHECK(ladder.stageFor(21)->responsibleLabel == QStringLiteral("Coordinador de Agencia (Subcomité)"));
    CHECK(ladder.stageFor(51)->responsibleLabel == QStringLiteral("Oficial de Cobranzas (Comité)"));
}

TEST_CASE("Ladder: rangeLabel", "[ladder]")
{
    const CollectionsLadder ladder = CollectionsLadder::defaults();
    const auto label = [&](int days) { return CollectionsLadder::rangeLabel(*ladder.stageFor(days)).toStdString(); };
    CHECK(label(0) == "Por vencer");
    CHECK(label(1) == "1–3 días");
    CHECK(label(11) == "11–20 días");
    CHECK(label(20) == "11–20 días");
    CHECK(label(96) == "96–125 días");
    CHECK(label(126) == "Más de 125 días");
    CHECK(label(400) == "Más de 125 días");

    LadderStage single;
    single.minDays = 7;
    single.maxDays = 7;
    CHECK(CollectionsLadder::rangeLabel(single).toStdString() == "7–7 días");
    LadderStage open;
    open.minDays = 91;
    CHECK(CollectionsLadder::rangeLabel(open).toStdString() == "Más de 90 días");
}

TEST_CASE("Ladder: validate()", "[ladder]")
{
    const CollectionsLadder defaults = CollectionsLadder::defaults();
    CHECK(defaults.validate().isEmpty());
    CHECK(defaults.stages().size() == 14);

    const auto broken = [&](const std::function<void(QList<LadderStage> &)> &breakIt) {
        QList<LadderStage> stages = defaults.stages();
        breakIt(stages);
        return CollectionsLadder(stages).validate();
    };

    CHECK_FALSE(broken([](QList<LadderStage> &s) { s.removeAt(4); }).isEmpty());            // gap 11–20
    CHECK_FALSE(broken([](QList<LadderStage> &s) { s[4].minDays = 10; }).isEmpty());        // overlap
    CHECK_FALSE(broken([](QList<LadderStage> &s) { s[0].minDays = 1; }).isEmpty());         // not from 0
    const QString openMidway = broken([](QList<LadderStage> &s) {
        s[5].maxDays = std::nullopt; // 21–open, and the next stage starts where it did
        s[6].minDays = 21;
    });
    INFO(openMidway.toStdString());
    CHECK(openMidway.contains(QStringLiteral("límite")));
    CHECK_FALSE(broken([](QList<LadderStage> &s) { s.last().maxDays = 999; }).isEmpty());   // last closed
    CHECK_FALSE(broken([](QList<LadderStage> &s) { s.removeLast(); }).isEmpty());           // ends at 125
    CHECK_FALSE(broken([](QList<LadderStage> &s) { s[2].action = QStringLiteral("  "); }).isEmpty());
    CHECK_FALSE(broken([](QList<LadderStage> &s) {
                    s[3].maxDays = 5; // 6–5
                }).isEmpty());
    CHECK_FALSE(CollectionsLadder().validate().isEmpty());

    // The stage number and the expected start day are named.
    const QString gap = broken([](QList<LadderStage> &s) { s[4].minDays = 12; });
    INFO(gap.toStdString());
    CHECK(gap.contains(QStringLiteral("5")));
    CHECK(gap.contains(QStringLiteral("11")));
    // A stage may be split as long as the days stay contiguous.
    CHECK(broken([](QList<LadderStage> &s) {
              LadderStage second = s[4];
              s[4].maxDays = 15;
              second.minDays = 16;
              s.insert(5, second);
          }).isEmpty());
}

TEST_CASE("Ladder: notice type codes and labels round-trip", "[ladder]")
{
    using cobranza::noticeTypeCode;
    using cobranza::noticeTypeLabel;
    using cobranza::parseNoticeType;
    REQUIRE(cobranza::kAllNoticeTypes.size() == 7);
    QStringList codes, labels;
    for (NoticeType t : cobranza::kAllNoticeTypes) {
        const QString code = noticeTypeCode(t);
        const QString label = noticeTypeLabel(t);
        INFO(code.toStdString() << " / " << label.toStdString());
        CHECK_FALSE(code.isEmpty());
        CHECK_FALSE(label.isEmpty());
        CHECK_FALSE(codes.contains(code));
        CHECK_FALSE(labels.contains(label));
        codes.append(code);
        labels.append(label);
        CHECK(parseNoticeType(code) == t);
        CHECK(parseNoticeType(label) == t);
        CHECK(parseNoticeType(code.toLower()) == t);
        CHECK(parseNoticeType(label.toUpper()) == t);
    }
    CHECK(noticeTypeCode(NoticeType::F1TG) == QStringLiteral("F1TG"));
    CHECK(noticeTypeCode(NoticeType::F2TG) == QStringLiteral("F2TG"));
    CHECK(noticeTypeLabel(NoticeType::F1TG).contains(QStringLiteral("F1TG")));
    CHECK(noticeTypeLabel(NoticeType::UltimaNotificacion) == QStringLiteral("Última notificación"));
    CHECK(parseNoticeType(u"ultima notificacion") == NoticeType::UltimaNotificacion);
    CHECK(parseNoticeType(u" f2tg ") == NoticeType::F2TG);
    CHECK_FALSE(parseNoticeType(u"").has_value());
    CHECK_FALSE(parseNoticeType(u"F3TG").has_value());
    CHECK_FALSE(parseNoticeType(u"notificación").has_value());
}
