#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QAbstractButton;
class QTimer;
class QWidget;

namespace cobranza::test {

// Makes sure a QApplication exists, on the offscreen platform unless one is chosen. Created lazily
// inside the tests: Catch2's discovery runs the binary at build time, where there is no display.
void ensureGuiApp();

// Types `text` into `w` key by key; unlike QTest::keyClicks it also types accented letters.
void typeText(QWidget *w, const QString &text);

// The button under `root` whose text, without its '&', is `text`; nullptr when there is none.
QAbstractButton *buttonWithText(QWidget *root, const QString &text);

// Runs `act` on the next modal dialog (message box, editor) once it is shown, so a test can answer
// it the way a person would. Gives up silently after a few seconds.
void whenModalShown(std::function<void(QWidget *modal)> act);

// While it lives, answers every modal dialog that opens (message box, editor) so that a test never
// hangs on one: `act` answers it as a person would; whatever is still open after that is closed. Message boxes' texts
// are kept, for the test to check what the user was told.
class ModalCloser final
{
public:
    explicit ModalCloser(std::function<void(QWidget *modal)> act = {});
    ~ModalCloser();
    ModalCloser(const ModalCloser &) = delete;
    ModalCloser &operator=(const ModalCloser &) = delete;
    QStringList shown() const { return *m_shown; }

private:
    QTimer *m_timer;
    std::shared_ptr<QStringList> m_shown;
};

} // namespace cobranza::test
