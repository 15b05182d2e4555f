#pragma once

#include <QtGlobal>
#include <iterator>

namespace cobranza {

// splitmix64: a tiny, fully specified generator, so a demo file is the same on every platform
// and standard library (std::*_distribution output is implementation-defined).
class DemoRandom final
{
public:
    explicit constexpr DemoRandom(quint64 state) : m_state(state) {}

    // Keys a stream by (seed, purpose, a, b): each credit and each arrears cycle draws from its own
    // stream, so one value never shifts when another field's generation changes.
    static constexpr quint64 key(quint64 seed, quint64 salt, quint64 a, quint64 b = 0)
    {
        return mix(mix(mix(seed ^ (salt * 0xd6e8feb86659fd93ULL)) + a) + b);
    }

    static constexpr quint64 mix(quint64 z)
    {
        z += 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    constexpr quint64 next() { return mix(m_state++); }
    // Uniform enough in [0, n) for n far below 2^32 (modulo bias under 1e-9).
    constexpr int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    constexpr int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    // True with probability perMille / 1000.
    constexpr bool chance(int perMille) { return below(1000) < perMille; }
    // Index drawn from cumulative weights (last entry = total).
    template<typename Array>
    constexpr int pick(const Array &cumulative)
    {
        const int r = below(cumulative[std::size(cumulative) - 1]);
        int i = 0;
        while (cumulative[i] <= r)
            ++i;
        return i;
    }

private:
    quint64 m_state;
};

} // namespace cobranza
