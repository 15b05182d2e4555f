#include "noticeprintjob.h"

#include "noticereport.h"
#include "permissions.h"
#include "store/database.h"
#include "store/rulesstore.h"

#include <QCoreApplication>
#include <QPrinter>
#include <QtConcurrent/QtConcurrentRun>

namespace cobranza {

NoticePrintJob::NoticePrintJob(QString databasePath, Session session, const Clock &clock, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_session(std::move(session)), m_clock(clock)
{
    connect(&m_watcher, &QFutureWatcher<NoticeBatchResult>::finished, this, &NoticePrintJob::onWorkerFinished);
}

NoticePrintJob::~NoticePrintJob()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

void NoticePrintJob::startPdf(const NoticeRequest &request, const QString &path)
{
    if (isRunning())
        return;
    m_printer.reset();
    start(request, path);
}

void NoticePrintJob::startPrinter(const NoticeRequest &request, std::unique_ptr<QPrinter> printer)
{
    if (isRunning() || !printer)
        return;
    m_printer = std::move(printer);
    start(request, {});
}

void NoticePrintJob::start(const NoticeRequest &request, const QString &pdfPath)
{
    m_cancel = false;
    m_watcher.setFuture(QtConcurrent::run([this, request, pdfPath] { return work(request, pdfPath); }));
}

void NoticePrintJob::cancel() { m_cancel = true; }

NoticeBatchResult NoticePrintJob::work(const NoticeRequest &request, const QString &pdfPath)
{
    // The connection is opened and closed here: a QSqlDatabase belongs to the thread that opened it,
    // and WAL lets the GUI's connection keep reading while this one writes.
    QString error;
    const std::unique_ptr<Database> db = Database::open(m_databasePath, &error);
    if (!db) {
        NoticeBatchResult failed;
        failed.errors << error;
        return failed;
    }
    const NoticeReport report(Letterhead::fromSettings(*db));
    const NoticeReport::Progress onPage = [this](int done, int total) {
        QMetaObject::invokeMethod(this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
        return !m_cancel;
    };
    const NoticeService::Renderer render = [&](const QList<NoticeDocument> &pages, QString *why) {
        if (m_printer) {
            const int painted = report.render(m_printer.get(), pages, onPage);
            if (painted > 0)
                return true;
            *why = painted < 0 ? QCoreApplication::translate("cobranza::NoticePrintJob",
                                                             "Se ha cancelado la impresión de las notificaciones.")
                               : QCoreApplication::translate("cobranza::NoticePrintJob",
                                                             "La impresora no aceptó el trabajo.");
            return false;
        }
        return report.writePdf(pdfPath, pages, why, onPage);
    };
    const RulesStore rules(*db);
    return NoticeService(*db, m_session, PermissionTable::defaults(), rules.portfolioRules(),
                         NoticeTemplates::fromSettings(*db), m_clock)
        .print(request, render);
}

void NoticePrintJob::onWorkerFinished()
{
    m_result = m_watcher.result();
    m_printer.reset();
    emit finished(m_result);
}

} // namespace cobranza
