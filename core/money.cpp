#include "money.h"

#include <QList>
#include <algorithm>

namespace cobranza {

namespace {

bool isGroupedInteger(QStringView digits, QChar separator)
{
    // "1.234.567": first group 1–3 digits, the rest exactly 3.
    const auto groups = digits.split(separator);
    if (groups.size() < 2)
        return false;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const auto g = groups.at(i);
        if (g.isEmpty() || (i == 0 ? g.size() > 3 : g.size() != 3))
            return false;
        for (QChar c : g)
            if (!c.isDigit())
                return false;
    }
    return true;
}

std::optional<qint64> parseIntegerPart(QStringView text)
{
    if (text.isEmpty())
        return qint64{0};
    QString digits;
    digits.reserve(text.size());
    const bool hasDot = text.contains(u'.');
    const bool hasComma = text.contains(u',');
    if (hasDot && hasComma)
        return std::nullopt; // both kinds left for grouping: ambiguous
    if (hasDot || hasComma) {
        const QChar sep = hasDot ? u'.' : u',';
        if (!isGroupedInteger(text, sep))
            return std::nullopt;
        for (QChar c : text)
            if (c != sep)
                digits.append(c);
    } else {
        for (QChar c : text) {
            if (!c.isDigit())
                return std::nullopt;
            digits.append(c);
        }
    }
    if (digits.size() > 15)
        return std::nullopt; // beyond any credit, and keeps cents far from overflow
    bool ok = false;
    const qint64 v = digits.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

std::optional<Money> Money::parse(QStringView text)
{
    QStringView t = text.trimmed();
    bool negative = false;
    if (t.startsWith(u'-')) {
        negative = true;
        t = t.mid(1).trimmed();
    }
    if (t.startsWith(u'$'))
        t = t.mid(1).trimmed();
    if (!negative && t.startsWith(u'-')) {
        negative = true;
        t = t.mid(1).trimmed();
    }
    if (t.isEmpty())
        return std::nullopt;

    // The last '.' or ',' followed by one or two digits and nothing else is the decimal point.
    QStringView integerPart = t;
    qint64 fraction = 0;
    const qsizetype lastSep = std::max(t.lastIndexOf(u'.'), t.lastIndexOf(u','));
    if (lastSep >= 0) {
        const QStringView tail = t.mid(lastSep + 1);
        const bool decimalTail = (tail.size() == 1 || tail.size() == 2)
                                 && tail.at(0).isDigit() && tail.back().isDigit();
        if (decimalTail) {
            integerPart = t.left(lastSep);
            fraction = tail.at(0).digitValue() * 10 + (tail.size() == 2 ? tail.at(1).digitValue() : 0);
            if (integerPart.isEmpty())
                return std::nullopt; // ",50" is not a form the bank exports
        }
    }
    const auto whole = parseIntegerPart(integerPart);
    if (!whole)
        return std::nullopt;
    const qint64 cents = *whole * 100 + fraction;
    return Money(negative ? -cents : cents);
}

QString Money::toPlainString() const
{
    const qint64 a = m_cents < 0 ? -m_cents : m_cents;
    return QStringLiteral("%1%2.%3")
        .arg(m_cents < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

QString Money::toDisplayString() const
{
    const qint64 a = m_cents < 0 ? -m_cents : m_cents;
    QString whole = QString::number(a / 100);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u'.');
    return QStringLiteral("%1$ %2,%3")
        .arg(m_cents < 0 ? QStringLiteral("-") : QString())
        .arg(whole)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

} // namespace cobranza
