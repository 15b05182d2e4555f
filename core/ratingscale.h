#pragma once

#include "rating.h"
#include "segment.h"

#include <QDate>
#include <QList>
#include <optional>

namespace cobranza {

// One band of a rating scale: credits of `segments` with minDays..maxDays past due get `rating`.
struct RatingBand
{
    Rating rating = Rating::A1;
    int minDays = 0;
    std::optional<int> maxDays; // open-ended for the last band ("over 120")
    bool operator==(const RatingBand &) const = default;
};

// A version of the scale for a group of segments, in force from `validFrom` (regulators revise it).
struct RatingScaleVersion
{
    QString name;              // e.g. "Consumo, microcrédito, productivo y educativo"
    QList<Segment> segments;
    QDate validFrom;
    QList<RatingBand> bands;   // ordered A1 … E, contiguous
    bool operator==(const RatingScaleVersion &) const = default;
};

// The days-past-due → rating scales, as configurable data with the shipped defaults of domain.md.
class RatingScales final
{
public:
    RatingScales() = default;
    explicit RatingScales(QList<RatingScaleVersion> versions) : m_versions(std::move(versions)) {}
    static RatingScales defaults();

    const QList<RatingScaleVersion> &versions() const { return m_versions; }
    // The version in force for a segment on a date; nullptr when none applies yet.
    const RatingScaleVersion *versionFor(Segment segment, QDate on) const;
    // The rating the scale expects for `daysPastDue`; nullopt when no version applies.
    std::optional<Rating> expectedRating(Segment segment, QDate on, int daysPastDue) const;
    // Days left before the credit drops to the next rating (1 = tomorrow); nullopt on the last band.
    std::optional<int> daysToNextRating(Segment segment, QDate on, int daysPastDue) const;
    // Spanish description of what is wrong with the data; empty when the scales are consistent.
    QString validate() const;

private:
    QList<RatingScaleVersion> m_versions;
};

} // namespace cobranza
