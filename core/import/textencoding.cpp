#include "textencoding.h"

#include <array>
#include <cstring>

namespace cobranza {

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (!m_valid)
        return false;
    auto s = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto e = s + bytes.size();
    while (s < e) {
        if (m_remaining == 0) {
            // Portfolio files are almost all ASCII: skip eight bytes at a time while no high bit
            // is set, which keeps the whole-file scan of a 400 MB export well under a second.
            while (e - s >= 8) {
                quint64 word;
                std::memcpy(&word, s, sizeof word);
                if (word & 0x8080808080808080ULL)
                    break;
                s += 8;
            }
            if (s == e)
                break;
            const unsigned char b = *s++;
            if (b < 0x80)
                continue;
            m_low = 0x80;
            m_high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                m_remaining = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                m_remaining = 2;
                if (b == 0xE0)
                    m_low = 0xA0; // overlong
                else if (b == 0xED)
                    m_high = 0x9F; // UTF-16 surrogates
            } else if (b >= 0xF0 && b <= 0xF4) {
                m_remaining = 3;
                if (b == 0xF0)
                    m_low = 0x90; // overlong
                else if (b == 0xF4)
                    m_high = 0x8F; // beyond U+10FFFF
            } else {
                m_valid = false; // C0, C1, F5-FF, or a stray continuation byte
                return false;
            }
        } else {
            const unsigned char b = *s++;
            if (b < m_low || b > m_high) {
                m_valid = false;
                return false;
            }
            m_low = 0x80;
            m_high = 0xBF;
            --m_remaining;
        }
    }
    return true;
}

namespace {

constexpr std::array<char16_t, 32> windows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

} // namespace

void appendWindows1252(QString *out, QByteArrayView bytes)
{
    const qsizetype start = out->size();
    out->resize(start + bytes.size());
    auto dst = reinterpret_cast<char16_t *>(out->data()) + start;
    auto src = reinterpret_cast<const unsigned char *>(bytes.data());
    for (qsizetype i = 0, n = bytes.size(); i < n; ++i) {
        const unsigned char b = src[i];
        dst[i] = (b >= 0x80 && b < 0xA0) ? windows1252High[b - 0x80] : char16_t(b);
    }
}

} // namespace cobranza
