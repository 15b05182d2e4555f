#include "importjob.h"

#include "permissions.h"
#include "store/database.h"
#include "store/rulesstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace cobranza {

namespace {

constexpr qint64 kProgressIntervalMs = 100;

int percentOf(qint64 done, qint64 total)
{
    if (total <= 0)
        return 0;
    return static_cast<int>(std::clamp<qint64>(done * 100 / total, 0, 100));
}

} // namespace

ImportJob::ImportJob(QString databasePath, Session session, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_session(std::move(session))
{
    connect(&m_watcher, &QFutureWatcher<ImportResult>::finished, this, &ImportJob::onWorkerFinished);
}

ImportJob::~ImportJob()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

void ImportJob::start(const ImportOptions &options)
{
    if (isRunning())
        return;
    m_cancel = false;
    m_watcher.setFuture(QtConcurrent::run([this, options] { return work(options); }));
}

void ImportJob::cancel()
{
    m_cancel = true;
}

ImportResult ImportJob::work(const ImportOptions &options)
{
    // The connection is opened and closed here: a QSqlDatabase belongs to the thread that opened it.
    QString error;
    const std::unique_ptr<Database> db = Database::open(m_databasePath, &error);
    if (!db) {
        ImportResult failed;
        const QFileInfo info(options.filePath);
        failed.fileName = info.fileName();
        failed.fileSize = info.size();
        failed.messages.append({ImportMessage::Severity::Error, 0, QString(), error, QString()});
        failed.errorCount = 1;
        return failed;
    }

    // The importer calls back every few thousand rows; a fast disk would flood the GUI thread
    // with events it cannot paint, so only a moved percent or a tenth of a second gets through.
    int lastPercent = -1;
    QElapsedTimer sinceLast;
    const ImportProgress onProgress = [&](qint64 done, qint64 total, qint64 rows) {
        const int percent = percentOf(done, total);
        if (percent == lastPercent && sinceLast.isValid() && sinceLast.elapsed() < kProgressIntervalMs)
            return;
        lastPercent = percent;
        sinceLast.start();
        QMetaObject::invokeMethod(this, [this, percent, rows] { emit progress(percent, rows); }, Qt::QueuedConnection);
    };
    PortfolioImporter importer(*db, m_session, PermissionTable::defaults(), RulesStore(*db).ratingScales());
    return importer.run(options, onProgress, &m_cancel);
}

void ImportJob::onWorkerFinished()
{
    m_result = m_watcher.result();
    emit finished(m_result);
}

} // namespace cobranza
