#pragma once

#include <QGuiApplication>

namespace cobranza::test {

// Painting needs fonts, hence a QGuiApplication; made lazily and offscreen so that test discovery
// at build time never needs a display. A core-only application made by an earlier test of this
// process (random order) is replaced: nothing outlives those tests.
inline void ensureGuiApp()
{
    if (QCoreApplication *app = QCoreApplication::instance()) {
        if (qobject_cast<QGuiApplication *>(app))
            return;
        delete app;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "cobranza_reports_tests";
    static char *argv[] = {name, nullptr};
    new QGuiApplication(argc, argv); // lives until the process ends
}

} // namespace cobranza::test
