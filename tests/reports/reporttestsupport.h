#pragma once

#include <QGuiApplication>
#include <QProcess>
#include <QStringList>

#include <catch2/catch.hpp>

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

// The PDF's text as poppler lays it out (pdftotext -layout), pages separated by form feeds.
inline QString pdfLayoutText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The PDF's text one printed line per entry, spaces collapsed.
inline QStringList pdfLines(const QString &pdf)
{
    QStringList out;
    for (const QString &l : pdfLayoutText(pdf).split(u'\n'))
        out.append(l.simplified());
    return out;
}

inline QString lineStarting(const QStringList &lines, const QString &start)
{
    for (const QString &l : lines)
        if (l.startsWith(start))
            return l;
    return {};
}

} // namespace cobranza::test
