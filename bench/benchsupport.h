#pragma once

#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
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

// What a benchmark on a demo database runs with: --credits, --repeat, and --db to reuse a database
// made by an earlier run (the demo takes longer to make than to measure).
struct DemoBenchRun
{
    qint64 credits = 0;
    int repeat = 0;
    QTemporaryDir dir;                 // holds the database when --db is not given
    std::unique_ptr<Database> db;      // null: it could not be opened (said on stderr)
};

inline void openDemoBench(DemoBenchRun &run, const QCoreApplication &app, const QString &creditsHelp,
                          int defaultRepeat)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("credits"), creditsHelp, QStringLiteral("N"), QStringLiteral("200000")});
    parser.addOption({QStringLiteral("db"), QStringLiteral("Reuse this database (made on first run)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Repetitions of each step."), QStringLiteral("N"),
                      QString::number(defaultRepeat)});
    parser.process(app);
    run.credits = parser.value(QStringLiteral("credits")).toLongLong();
    run.repeat = parser.value(QStringLiteral("repeat")).toInt();
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                            : run.dir.filePath(QStringLiteral("bench.sqlite"));
    QString error;
    run.db = Database::open(path, &error);
    if (!run.db)
        std::fprintf(stderr, "%s\n", qPrintable(error));
}

} // namespace cobranza::bench
