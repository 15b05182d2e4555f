#pragma once

#include <QString>
#include <QtGlobal>
#include <compare>
#include <optional>

namespace cobranza {

// An amount of US dollars held as integer cents; parsing follows formats/cartera.md.
class Money final
{
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }

    constexpr Money operator+(Money o) const { return Money(m_cents + o.m_cents); }
    constexpr Money operator-(Money o) const { return Money(m_cents - o.m_cents); }
    constexpr Money &operator+=(Money o) { m_cents += o.m_cents; return *this; }
    constexpr Money &operator-=(Money o) { m_cents -= o.m_cents; return *this; }
    constexpr auto operator<=>(const Money &) const = default;

    // Accepts "1.234,56", "1,234.56", "1234,5", "$ 1,234", "-12.50"; nullopt when malformed.
    static std::optional<Money> parse(QStringView text);
    // "1234.56": plain machine form (CSV, JSON).
    QString toPlainString() const;
    // "$ 1.234,56": the form Ecuadorian staff read on screen and paper.
    QString toDisplayString() const;

private:
    constexpr explicit Money(qint64 cents) : m_cents(cents) {}
    qint64 m_cents = 0;
};

} // namespace cobranza
