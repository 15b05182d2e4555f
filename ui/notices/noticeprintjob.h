#pragma once

#include "clock.h"
#include "notices/noticeservice.h"
#include "session.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QPrinter;

namespace cobranza {

// Prints one batch of collections notices on a worker thread with its own database connection:
// NoticeService numbers and records the pages in the same transaction as NoticeReport paints them
// on a PDF file or a printer, so a cancelled or failed batch leaves no record.
class NoticePrintJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticePrintJob)

public:
    // `clock` must outlive the job; it stamps the records from the worker thread.
    NoticePrintJob(QString databasePath, Session session, const Clock &clock, QObject *parent = nullptr);
    ~NoticePrintJob() override; // cancels a running batch and waits for it: the worker uses this object

    // Each starts a batch; ignored while one is running. The job may be started again afterwards.
    void startPdf(const NoticeRequest &request, const QString &path);
    // The printer, set up and chosen by the user on the GUI thread, is painted on by the worker.
    void startPrinter(const NoticeRequest &request, std::unique_ptr<QPrinter> printer);
    // Makes the renderer's next progress call return false: the page in hand is the last one, the
    // PDF is not written (or the printer's job is aborted) and nothing is recorded.
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCancelled() const { return m_cancel; }
    NoticeBatchResult result() const { return m_result; } // of the last finished batch

signals:
    // Queued to the job's thread after each page painted.
    void progress(int done, int total);
    void finished(const cobranza::NoticeBatchResult &result);

private:
    NoticeBatchResult work(const NoticeRequest &request, const QString &pdfPath); // worker thread
    void start(const NoticeRequest &request, const QString &pdfPath);
    void onWorkerFinished();

    const QString m_databasePath;
    const Session m_session;
    const Clock &m_clock;
    std::unique_ptr<QPrinter> m_printer; // while a batch goes to paper
    std::atomic<bool> m_cancel{false};
    QFutureWatcher<NoticeBatchResult> m_watcher;
    NoticeBatchResult m_result;
};

} // namespace cobranza
