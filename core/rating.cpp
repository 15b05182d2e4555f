#include "rating.h"

#include <QCoreApplication>

namespace cobranza {

QString ratingCode(Rating r)
{
    static const std::array<QString, 9> codes = {
        QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A3"), QStringLiteral("B1"), QStringLiteral("B2"),
        QStringLiteral("C1"), QStringLiteral("C2"), QStringLiteral("D"),  QStringLiteral("E")};
    return codes.at(static_cast<size_t>(r));
}

std::optional<Rating> parseRating(QStringView code)
{
    const QString c = code.trimmed().toString().toUpper();
    for (Rating r : kAllRatings)
        if (ratingCode(r) == c)
            return r;
    return std::nullopt;
}

RiskLevel riskLevelOf(Rating r)
{
    switch (r) {
    case Rating::A1: case Rating::A2: case Rating::A3: return RiskLevel::Normal;
    case Rating::B1: case Rating::B2: return RiskLevel::Potencial;
    case Rating::C1: case Rating::C2: return RiskLevel::Deficiente;
    case Rating::D: return RiskLevel::DudosoRecaudo;
    case Rating::E: return RiskLevel::Perdida;
    }
    return RiskLevel::Perdida;
}

QString riskLevelCode(RiskLevel l)
{
    switch (l) {
    case RiskLevel::Normal: return QStringLiteral("NORMAL");
    case RiskLevel::Potencial: return QStringLiteral("POTENCIAL");
    case RiskLevel::Deficiente: return QStringLiteral("DEFICIENTE");
    case RiskLevel::DudosoRecaudo: return QStringLiteral("DUDOSO_RECAUDO");
    case RiskLevel::Perdida: return QStringLiteral("PERDIDA");
    }
    return {};
}

QString riskLevelLabel(RiskLevel l)
{
    switch (l) {
    case RiskLevel::Normal: return QCoreApplication::translate("cobranza::RiskLevel", "Normal");
    case RiskLevel::Potencial: return QCoreApplication::translate("cobranza::RiskLevel", "Potencial");
    case RiskLevel::Deficiente: return QCoreApplication::translate("cobranza::RiskLevel", "Deficiente");
    case RiskLevel::DudosoRecaudo: return QCoreApplication::translate("cobranza::RiskLevel", "Dudoso recaudo");
    case RiskLevel::Perdida: return QCoreApplication::translate("cobranza::RiskLevel", "Pérdida");
    }
    return {};
}

std::optional<RiskLevel> parseRiskLevel(QStringView code)
{
    for (RiskLevel l : kAllRiskLevels)
        if (riskLevelCode(l) == code)
            return l;
    return std::nullopt;
}

} // namespace cobranza
