#include "dateparse.h"

#include <limits>

namespace cobranza {

namespace {

// Reads 1..maxDigits ASCII digits at *pos; -1 when there is none or too many.
int readNumber(QStringView text, qsizetype *pos, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (*pos < text.size()) {
        const char16_t c = text[*pos].unicode();
        if (c < u'0' || c > u'9')
            break;
        if (++digits > maxDigits)
            return -1;
        value = value * 10 + (c - u'0');
        ++*pos;
    }
    return digits == 0 ? -1 : value;
}

QDate makeDate(int year, int month, int day)
{
    return QDate::isValid(year, month, day) ? QDate(year, month, day) : QDate();
}

} // namespace

QDate parseFileDate(QStringView text)
{
    text = text.trimmed();
    qsizetype pos = 0;
    const int first = readNumber(text, &pos, 4);
    if (first < 0 || pos >= text.size())
        return {};
    const bool iso = pos == 4;
    const char16_t separator = text[pos].unicode();
    // The year is the only 4-digit part, so two-digit years (ambiguous century) are refused.
    if (!(separator == u'/' || separator == u'-') || (iso && separator != u'-') || (!iso && pos > 2))
        return {};
    ++pos;
    const int second = readNumber(text, &pos, 2);
    if (second < 0 || pos >= text.size() || text[pos] != separator)
        return {};
    ++pos;
    const qsizetype thirdBegin = pos;
    const int third = readNumber(text, &pos, iso ? 2 : 4);
    if (third < 0 || pos != text.size() || (!iso && pos - thirdBegin != 4))
        return {};
    return iso ? makeDate(first, second, third) : makeDate(third, second, first);
}

std::optional<int> parseCount(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c - u'0');
        if (value > std::numeric_limits<int>::max())
            return std::nullopt;
    }
    return static_cast<int>(value);
}

} // namespace cobranza
