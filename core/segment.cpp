#include "segment.h"

#include "textfold.h"

#include <QCoreApplication>

namespace cobranza {

QString segmentCode(Segment s)
{
    switch (s) {
    case Segment::Consumo: return QStringLiteral("CONSUMO");
    case Segment::Microcredito: return QStringLiteral("MICROCREDITO");
    case Segment::Productivo: return QStringLiteral("PRODUCTIVO");
    case Segment::Inmobiliario: return QStringLiteral("INMOBILIARIO");
    case Segment::ViviendaInteresSocial: return QStringLiteral("VIVIENDA_INTERES_SOCIAL");
    case Segment::Educativo: return QStringLiteral("EDUCATIVO");
    }
    return {};
}

QString segmentLabel(Segment s)
{
    switch (s) {
    case Segment::Consumo: return QCoreApplication::translate("cobranza::Segment", "Consumo");
    case Segment::Microcredito: return QCoreApplication::translate("cobranza::Segment", "Microcrédito");
    case Segment::Productivo: return QCoreApplication::translate("cobranza::Segment", "Productivo");
    case Segment::Inmobiliario: return QCoreApplication::translate("cobranza::Segment", "Inmobiliario");
    case Segment::ViviendaInteresSocial:
        return QCoreApplication::translate("cobranza::Segment", "Vivienda de interés social");
    case Segment::Educativo: return QCoreApplication::translate("cobranza::Segment", "Educativo");
    }
    return {};
}

std::optional<Segment> parseSegment(QStringView text)
{
    const QString f = foldForMatch(text);
    if (f.isEmpty())
        return std::nullopt;
    // Sub-segments of the regulator's table ("CONSUMO PRIORITARIO", "MICROCREDITO MINORISTA",
    // "PRODUCTIVO PYMES") start with their segment's name.
    if (f.startsWith(QLatin1String("CONSUMO")))
        return Segment::Consumo;
    if (f.startsWith(QLatin1String("MICROCREDITO")) || f.startsWith(QLatin1String("MICRO CREDITO")))
        return Segment::Microcredito;
    if (f.startsWith(QLatin1String("PRODUCTIVO")))
        return Segment::Productivo;
    if (f.startsWith(QLatin1String("INMOBILIARIO")))
        return Segment::Inmobiliario;
    // The regulator's "Vivienda de interés social y público" is one segment.
    if (f.startsWith(QLatin1String("VIVIENDA"))
        && (f.contains(QLatin1String("SOCIAL")) || f.contains(QLatin1String("PUBLICO"))))
        return Segment::ViviendaInteresSocial;
    if (f == QLatin1String("VIS") || f == QLatin1String("VIP"))
        return Segment::ViviendaInteresSocial;
    if (f.startsWith(QLatin1String("EDUCATIVO")) || f.startsWith(QLatin1String("EDUCACION")))
        return Segment::Educativo;
    return std::nullopt;
}

} // namespace cobranza
