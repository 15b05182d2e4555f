#pragma once

#include "democredit.h"

#include <QByteArray>
#include <QDate>
#include <cstring>
#include <string_view>

namespace cobranza {

// Appends a row's fields as bytes. QString::arg and QByteArray::number would dominate the
// time of a million rows; this writes digits straight into a preallocated buffer.
class DemoRowSink final
{
public:
    explicit DemoRowSink(QByteArray &buffer) : m_begin(buffer.data()), m_at(buffer.data()) {}

    qsizetype size() const { return m_at - m_begin; }
    void reset() { m_at = m_begin; }

    void text(std::string_view s)
    {
        std::memcpy(m_at, s.data(), s.size());
        m_at += s.size();
    }
    void bytes(const QByteArray &b) { text(std::string_view(b.constData(), static_cast<size_t>(b.size()))); }
    void put(char c) { *m_at++ = c; }
    void sep() { *m_at++ = ';'; }
    void number(qint64 v, int width = 1)
    {
        char digits[24];
        int n = 0;
        do {
            digits[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v > 0 || n < width);
        while (n > 0)
            *m_at++ = digits[--n];
    }
    void money(qint64 cents) // "1234.56": the plain machine form, as Money::toPlainString writes it
    {
        number(cents / 100);
        put('.');
        number(cents % 100, 2);
    }
    void date(qint64 julianDay) // dd/mm/yyyy
    {
        int y = 0, m = 0, d = 0;
        QDate::fromJulianDay(julianDay).getDate(&y, &m, &d);
        number(d, 2);
        put('/');
        number(m, 2);
        put('/');
        number(y, 4);
    }
    void degrees(qint32 micro) // "-78.122390"
    {
        if (micro < 0)
            put('-');
        const qint64 a = micro < 0 ? -qint64(micro) : micro;
        number(a / 1'000'000);
        put('.');
        number(a % 1'000'000, 6);
    }
    void name(const DemoPerson &p)
    {
        text(p.names[0]);
        for (size_t i = 1; i < p.names.size(); ++i) {
            put(' ');
            text(p.names.at(i));
        }
    }
    void address(const DemoAddress &a)
    {
        text(a.street);
        put(' ');
        number(a.block);
        put('-');
        number(a.number, 2);
        text(" y ");
        text(a.cross);
    }
    void mobile(int eightDigits)
    {
        text("09");
        number(eightDigits, 8);
    }
    // Lower case ASCII for e-mail addresses: drops the accents and the spaces of "DE LA TORRE".
    void emailWord(std::string_view upper)
    {
        for (size_t i = 0; i < upper.size(); ++i) {
            const auto c = static_cast<unsigned char>(upper[i]);
            if (c == 0xC3 && i + 1 < upper.size()) {
                switch (static_cast<unsigned char>(upper[++i])) {
                case 0x81: put('a'); break;
                case 0x89: put('e'); break;
                case 0x8D: put('i'); break;
                case 0x93: put('o'); break;
                case 0x9A: case 0x9C: put('u'); break;
                case 0x91: put('n'); break;
                default: break;
                }
            } else if (c >= 'A' && c <= 'Z') {
                put(static_cast<char>(c - 'A' + 'a'));
            } else if (c >= 'a' && c <= 'z') {
                put(static_cast<char>(c));
            }
        }
    }

private:
    char *m_begin;
    char *m_at;
};

} // namespace cobranza
