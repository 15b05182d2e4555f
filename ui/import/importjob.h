#pragma once

#include "import/portfolioimporter.h"
#include "session.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>

namespace cobranza {

// Runs one portfolio import on a worker thread with its own database connection, reporting
// progress and the result to the thread that owns the job.
class ImportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportJob)

public:
    ImportJob(QString databasePath, Session session, QObject *parent = nullptr);
    ~ImportJob() override; // cancels a running import and waits for it: the worker uses this object

    // Starts an import; ignored while one is running. The job may be started again afterwards.
    void start(const ImportOptions &options);
    void cancel(); // honoured at the importer's next checkpoint (every few thousand rows)
    bool isRunning() const { return m_watcher.isRunning(); }
    ImportResult result() const { return m_result; } // of the last finished import

signals:
    // Queued to the job's thread, at most about ten times a second except when the percent moves.
    void progress(int percent, qint64 rows);
    void finished(const cobranza::ImportResult &result);

private:
    ImportResult work(const ImportOptions &options); // runs in the worker thread
    void onWorkerFinished();

    const QString m_databasePath;
    const Session m_session;
    std::atomic<bool> m_cancel{false};
    QFutureWatcher<ImportResult> m_watcher;
    ImportResult m_result;
};

} // namespace cobranza
