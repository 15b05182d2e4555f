#pragma once

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace cobranza::bench {

// Runs `step` `repeat` times (with the repetition's number) and prints min / median / max in ms.
inline void measure(const char *name, int repeat, const std::function<void(int)> &step)
{
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        step(i);
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-52s %8.1f %8.1f %8.1f\n", name, ms.front(), ms[ms.size() / 2], ms.back());
    std::fflush(stdout);
}

inline void measure(const char *name, int repeat, const std::function<void()> &step)
{
    measure(name, repeat, [&step](int) { step(); });
}

} // namespace cobranza::bench
