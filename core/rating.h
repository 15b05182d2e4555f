#pragma once

#include <QString>
#include <array>
#include <optional>

namespace cobranza {

// Credit risk rating at a cut-off, best (A1) to worst (E); the order is the severity.
enum class Rating { A1, A2, A3, B1, B2, C1, C2, D, E };

// Risk level (nivel de riesgo) that groups the ratings.
enum class RiskLevel { Normal, Potencial, Deficiente, DudosoRecaudo, Perdida };

inline constexpr std::array kAllRatings = {Rating::A1, Rating::A2, Rating::A3, Rating::B1, Rating::B2,
                                           Rating::C1, Rating::C2, Rating::D,  Rating::E};
inline constexpr std::array kAllRiskLevels = {RiskLevel::Normal, RiskLevel::Potencial, RiskLevel::Deficiente,
                                              RiskLevel::DudosoRecaudo, RiskLevel::Perdida};

QString ratingCode(Rating r);                       // "A1" … "E": stored and shown
std::optional<Rating> parseRating(QStringView code); // tolerant of case and spaces
inline int severity(Rating r) { return static_cast<int>(r); }
// "Reclasificado": the rating is worse than at the previous month end.
inline bool isWorse(Rating now, Rating before) { return severity(now) > severity(before); }

RiskLevel riskLevelOf(Rating r);
QString riskLevelCode(RiskLevel l);  // stored code
QString riskLevelLabel(RiskLevel l); // Spanish, translated
std::optional<RiskLevel> parseRiskLevel(QStringView code);

} // namespace cobranza
