#pragma once

#include <QString>
#include <array>
#include <optional>

namespace cobranza {

// Credit segment of the regulator's classification; decides which rating scale applies.
enum class Segment { Consumo, Microcredito, Productivo, Inmobiliario, ViviendaInteresSocial, Educativo };

inline constexpr std::array kAllSegments = {Segment::Consumo, Segment::Microcredito, Segment::Productivo,
                                            Segment::Inmobiliario, Segment::ViviendaInteresSocial,
                                            Segment::Educativo};

QString segmentCode(Segment s);  // "VIVIENDA_INTERES_SOCIAL": stored and written in files
QString segmentLabel(Segment s); // "Vivienda de interés social": shown
// Accepts the codes and the obvious spellings a core-banking export uses:
// "Microcrédito", "Consumo Ordinario", "vivienda de interés social", …
std::optional<Segment> parseSegment(QStringView text);

} // namespace cobranza
