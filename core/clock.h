#pragma once

#include <QDateTime>

namespace cobranza {

// The time as services see it: injected so that rules about hours (booking until 08:45, results
// due next working day) are tested at their exact boundaries.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // local time of the branch
    QDate today() const { return now().date(); }
};

// The machine's clock.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTime(); }
};

// A clock that says what the test tells it.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at) : m_at(std::move(at)) {}
    QDateTime now() const override { return m_at; }
    void set(QDateTime at) { m_at = std::move(at); }

private:
    QDateTime m_at;
};

} // namespace cobranza
