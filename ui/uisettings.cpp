#include "uisettings.h"

namespace cobranza {

namespace {
const QString kPrefix = QStringLiteral("portfolio/filter/");
QString key(const char *name) { return kPrefix + QString::fromLatin1(name); }
} // namespace

PortfolioFilter UiSettings::portfolioFilter() const
{
    PortfolioFilter f;
    f.branchCode = m_settings.value(key("branch")).toString();
    f.officer = m_settings.value(key("officer")).toString();
    f.sector = m_settings.value(key("sector")).toString();
    f.rating = parseRating(m_settings.value(key("rating")).toString());
    f.previousRating = parseRating(m_settings.value(key("previousRating")).toString());
    f.segment = parseSegment(m_settings.value(key("segment")).toString());
    if (m_settings.contains(key("minDays")))
        f.minDays = m_settings.value(key("minDays")).toInt();
    if (m_settings.contains(key("maxDays")))
        f.maxDays = m_settings.value(key("maxDays")).toInt();
    f.reclassifiedOnly = m_settings.value(key("reclassifiedOnly")).toBool();
    f.search = m_settings.value(key("search")).toString();
    return f;
}

void UiSettings::setPortfolioFilter(const PortfolioFilter &f)
{
    m_settings.setValue(key("branch"), f.branchCode);
    m_settings.setValue(key("officer"), f.officer);
    m_settings.setValue(key("sector"), f.sector);
    m_settings.setValue(key("rating"), f.rating ? ratingCode(*f.rating) : QString());
    m_settings.setValue(key("previousRating"), f.previousRating ? ratingCode(*f.previousRating) : QString());
    m_settings.setValue(key("segment"), f.segment ? segmentCode(*f.segment) : QString());
    for (const auto &[name, value] : {std::pair{"minDays", f.minDays}, std::pair{"maxDays", f.maxDays}}) {
        if (value)
            m_settings.setValue(key(name), *value);
        else
            m_settings.remove(key(name));
    }
    m_settings.setValue(key("reclassifiedOnly"), f.reclassifiedOnly);
    m_settings.setValue(key("search"), f.search);
}

} // namespace cobranza
