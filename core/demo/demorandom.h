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

    // A bijection of [0, n) for n <= 2^24, keyed: spreads sequential keys (members, guarantors)
    // over identity and member numbers without repeats and without visible patterns. A 4-round
    // Feistel network on 24 bits, cycle-walking until the value falls back inside [0, n).
    static constexpr quint64 permute(quint64 x, quint64 n, quint64 key)
    {
        do {
            quint64 left = x >> 12, right = x & 0xfff;
            for (quint64 round = 0; round < 4; ++round) {
                const quint64 f = mix(key + (round << 32) + right) & 0xfff;
                const quint64 swapped = left ^ f;
                left = right;
                right = swapped;
            }
            x = (left << 12) | right;
        } while (x >= n);
        return x;
    }

    constexpr quint64 next() { return mix(m_state++); }
    // [0, n) for 0 < n < 2^31 by multiply-and-shift (Lemire): no division in the hot loop, and a
    // bias below n / 2^32, far under anything a demo file could show.
    constexpr int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<quint64>(n)) >> 32); }
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
