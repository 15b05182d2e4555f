#include "ratingscale.h"

#include <QCoreApplication>

namespace cobranza {

namespace {

QList<RatingBand> bands(std::initializer_list<int> upperBounds)
{
    // upperBounds: last day of A1, A2, … D; E is open-ended.
    QList<RatingBand> out;
    int from = 0;
    size_t i = 0;
    for (int upper : upperBounds) {
        out.append({kAllRatings.at(i++), from, upper});
        from = upper + 1;
    }
    out.append({Rating::E, from, std::nullopt});
    return out;
}

const RatingBand *bandFor(const RatingScaleVersion &v, int days)
{
    for (const RatingBand &b : v.bands)
        if (days >= b.minDays && (!b.maxDays || days <= *b.maxDays))
            return &b;
    return nullptr;
}

} // namespace

RatingScales RatingScales::defaults()
{
    const QDate from(2015, 1, 1);
    return RatingScales({
        {QCoreApplication::translate("cobranza::RatingScales", "Consumo, microcrédito, productivo y educativo"),
         {Segment::Consumo, Segment::Microcredito, Segment::Productivo, Segment::Educativo},
         from,
         bands({0, 15, 30, 45, 60, 75, 90, 120})},
        {QCoreApplication::translate("cobranza::RatingScales", "Inmobiliario y vivienda de interés social"),
         {Segment::Inmobiliario, Segment::ViviendaInteresSocial},
         from,
         bands({0, 30, 60, 120, 180, 210, 270, 450})},
    });
}

const RatingScaleVersion *RatingScales::versionFor(Segment segment, QDate on) const
{
    const RatingScaleVersion *best = nullptr;
    for (const RatingScaleVersion &v : m_versions)
        if (v.segments.contains(segment) && v.validFrom <= on && (!best || v.validFrom > best->validFrom))
            best = &v;
    return best;
}

std::optional<Rating> RatingScales::expectedRating(Segment segment, QDate on, int daysPastDue) const
{
    const RatingScaleVersion *v = versionFor(segment, on);
    if (!v)
        return std::nullopt;
    const RatingBand *b = bandFor(*v, daysPastDue);
    return b ? std::optional<Rating>(b->rating) : std::nullopt;
}

std::optional<int> RatingScales::daysToNextRating(Segment segment, QDate on, int daysPastDue) const
{
    const RatingScaleVersion *v = versionFor(segment, on);
    if (!v)
        return std::nullopt;
    const RatingBand *b = bandFor(*v, daysPastDue);
    if (!b || !b->maxDays)
        return std::nullopt;
    return *b->maxDays - daysPastDue + 1;
}

QString RatingScales::validate() const
{
    for (const RatingScaleVersion &v : m_versions) {
        if (v.segments.isEmpty())
            return QCoreApplication::translate("cobranza::RatingScales", "La escala «%1» no tiene segmentos.").arg(v.name);
        if (!v.validFrom.isValid())
            return QCoreApplication::translate("cobranza::RatingScales", "La escala «%1» no tiene fecha de vigencia.")
                .arg(v.name);
        int expectedFrom = 0;
        for (qsizetype i = 0; i < v.bands.size(); ++i) {
            const RatingBand &b = v.bands.at(i);
            const bool last = i + 1 == v.bands.size();
            if (b.minDays != expectedFrom)
                return QCoreApplication::translate("cobranza::RatingScales",
                                                   "La escala «%1»: la calificación %2 debe empezar en el día %3.")
                    .arg(v.name, ratingCode(b.rating))
                    .arg(expectedFrom);
            if (b.maxDays && *b.maxDays < b.minDays)
                return QCoreApplication::translate("cobranza::RatingScales",
                                                   "La escala «%1»: la calificación %2 termina antes de empezar.")
                    .arg(v.name, ratingCode(b.rating));
            if (!last && !b.maxDays)
                return QCoreApplication::translate("cobranza::RatingScales",
                                                   "La escala «%1»: solo la última calificación puede no tener límite.")
                    .arg(v.name);
            if (last && b.maxDays)
                return QCoreApplication::translate("cobranza::RatingScales",
                                                   "La escala «%1»: la última calificación debe cubrir todos los días siguientes.")
                    .arg(v.name);
            if (b.maxDays)
                expectedFrom = *b.maxDays + 1;
        }
        if (v.bands.isEmpty())
            return QCoreApplication::translate("cobranza::RatingScales", "La escala «%1» no tiene calificaciones.").arg(v.name);
    }
    return {};
}

} // namespace cobranza
