#pragma once

#include "import/portfolioimporter.h"
#include "session.h"

#include <QDate>
#include <QDialog>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cobranza {

class ImportJob;

// Shows one import running off the GUI thread: progress, a Cancel button, and the question
// before an existing cut-off is replaced. The result is handed on; ImportResultDialog shows it.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    // Answers whether the existing cut-off of that date should be replaced.
    using ReplaceQuestion = std::function<bool(const QDate &cutOff)>;

    ImportDialog(const QString &databasePath, const Session &session, const QString &filePath,
                 QWidget *parent = nullptr);

    void start();
    // Tests answer the question themselves; by default it is a message box over this dialog.
    void setReplaceQuestion(ReplaceQuestion ask) { m_askReplace = std::move(ask); }
    bool isRunning() const;
    // Of the last run (QDialog::result() stays the button that closed the dialog).
    ImportResult importResult() const { return m_result; }

    // «Archivo → Importar cartera…»: asks for the file, runs the import in this dialog, shows the
    // result and calls onDone with it (also after a cancellation or a rejection).
    static void chooseAndRun(QWidget *parent, const QString &databasePath, const Session &session,
                             std::function<void(const ImportResult &)> onDone);
    // The folder the last portfolio file came from (QSettings "import/lastFolder"), else Documents.
    static QString lastFolder();

signals:
    void importFinished(const cobranza::ImportResult &result);

protected:
    void reject() override; // Esc and the window's close button cancel first, then close

private:
    void run(bool replace);
    void showProgress(int percent, qint64 rows);
    void onJobFinished(const ImportResult &result);
    bool askReplaceInMessageBox(const QDate &cutOff);

    QString m_filePath;
    ImportJob *m_job;
    ReplaceQuestion m_askReplace;
    ImportResult m_result;
    bool m_cancelRequested = false;
    QLabel *m_phase;
    QProgressBar *m_bar;
    QLabel *m_status;
    QPushButton *m_cancel;
};

} // namespace cobranza
