#include "uitestsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLocale>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

#include <memory>

namespace cobranza::test {

void ensureGuiApp()
{
    if (QApplication::instance())
        return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "cobranza_ui_tests";
    static char *argv[] = {name, nullptr};
    new QApplication(argc, argv); // lives until the process ends
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Ecuador)); // as the application does
}

void typeText(QWidget *w, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(w, c.toLatin1());
        else // no key code for "é" on QTest's ASCII table: the text alone is what a layout sends
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

QAbstractButton *buttonWithText(QWidget *root, const QString &text)
{
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (QString(b->text()).remove(u'&') == text)
            return b;
    return nullptr;
}

void whenModalShown(std::function<void(QWidget *modal)> act)
{
    auto *timer = new QTimer(qApp);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tries, act = std::move(act)] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->isVisible()) {
            timer->deleteLater();
            timer->stop();
            act(modal);
        } else if (++*tries > 250) {
            timer->deleteLater();
            timer->stop();
        }
    });
    timer->start(20);
}

ModalCloser::ModalCloser(std::function<void(QWidget *modal)> act)
    : m_timer(new QTimer), m_shown(std::make_shared<QStringList>())
{
    // A modal dialog runs its own event loop, which keeps serving this timer.
    QObject::connect(m_timer, &QTimer::timeout, m_timer, [shown = m_shown, act = std::move(act)] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            shown->append(box->text());
        if (act)
            act(modal);
        if (modal->isVisible())
            modal->close();
    });
    m_timer->start(20);
}

ModalCloser::~ModalCloser()
{
    delete m_timer;
}

} // namespace cobranza::test
