#include "importdialog.h"

#include "datetext.h"
#include "importjob.h"
#include "importresultdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace cobranza {

namespace {

const QString kLastFolderKey = QStringLiteral("import/lastFolder");

QString dateText(const QDate &d)
{
    return dayText(d);
}

} // namespace

ImportDialog::ImportDialog(const QString &databasePath, const Session &session, const QString &filePath,
                           QWidget *parent)
    : QDialog(parent),
      m_filePath(filePath),
      m_job(new ImportJob(databasePath, session, this)),
      m_phase(new QLabel),
      m_bar(new QProgressBar),
      m_status(new QLabel),
      m_cancel(new QPushButton(tr("Cancelar")))
{
    setWindowTitle(tr("Importar cartera"));
    m_askReplace = [this](const QDate &cutOff) { return askReplaceInMessageBox(cutOff); };

    const QFileInfo info(filePath);
    auto *name = new QLabel(QStringLiteral("<b>%1</b>").arg(info.fileName().toHtmlEscaped()));
    auto *where = new QLabel(QStringLiteral("%1 · %2")
                                 .arg(QDir::toNativeSeparators(info.absolutePath()),
                                      QLocale().formattedDataSize(info.size(), 1, QLocale::DataSizeSIFormat)));
    where->setForegroundRole(QPalette::PlaceholderText);
    where->setToolTip(QDir::toNativeSeparators(info.absoluteFilePath()));
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_cancel->setAutoDefault(false); // a stray Enter must not throw away a long import
    m_bar->setRange(0, 100);
    m_bar->setValue(0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(name);
    layout->addWidget(where);
    layout->addSpacing(12);
    layout->addWidget(m_phase);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(m_job, &ImportJob::progress, this, &ImportDialog::showProgress);
    connect(m_job, &ImportJob::finished, this, &ImportDialog::onJobFinished);
}

void ImportDialog::start()
{
    run(false);
}

bool ImportDialog::isRunning() const
{
    return m_job->isRunning();
}

void ImportDialog::run(bool replace)
{
    m_phase->setText(replace ? tr("Reemplazando el corte del %1…").arg(dateText(m_result.cutOff))
                             : tr("Leyendo el archivo…"));
    m_bar->setValue(0);
    m_status->setText(tr("Preparando la importación…"));
    m_cancel->setEnabled(true);
    ImportOptions options;
    options.filePath = m_filePath;
    options.replace = replace;
    m_job->start(options);
}

void ImportDialog::showProgress(int percent, qint64 rows)
{
    if (m_cancelRequested)
        return; // keep «Cancelando…» on screen until the worker stops
    m_bar->setValue(percent);
    m_status->setText(tr("%1 filas leídas").arg(QLocale().toString(rows)));
}

void ImportDialog::onJobFinished(const ImportResult &result)
{
    m_result = result;
    // The importer stops at the first row of a cut-off that exists, so the question comes early.
    if (result.cutOffExists && !m_cancelRequested && m_askReplace && m_askReplace(result.cutOff)) {
        run(true);
        return;
    }
    emit importFinished(result);
    accept();
}

void ImportDialog::reject()
{
    if (!m_job->isRunning()) {
        QDialog::reject();
        return;
    }
    // Closing mid-import means «stop»; the dialog closes once the worker has rolled back.
    m_cancelRequested = true;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Cancelando…"));
    m_status->setText(tr("Deshaciendo lo leído; la base de datos queda como estaba."));
}

bool ImportDialog::askReplaceInMessageBox(const QDate &cutOff)
{
    QMessageBox box(QMessageBox::Question, tr("Importar cartera"),
                    tr("El corte del %1 ya existe. ¿Desea reemplazarlo con este archivo? "
                       "Se conserva el trabajo hecho sobre sus créditos.")
                        .arg(dateText(cutOff)),
                    QMessageBox::Yes | QMessageBox::No, this);
    // Qt's own button texts are not translated in this application; name them here.
    box.button(QMessageBox::Yes)->setText(tr("Sí"));
    box.button(QMessageBox::No)->setText(tr("No"));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void ImportDialog::chooseAndRun(QWidget *parent, const QString &databasePath, const Session &session,
                                std::function<void(const ImportResult &)> onDone)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Importar cartera"), lastFolder(),
                                                      tr("Reportes de cartera (*.csv *.txt);;Todos los archivos (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(kLastFolderKey, QFileInfo(path).absolutePath());

    auto *dialog = new ImportDialog(databasePath, session, path, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importFinished, dialog, [parent, onDone = std::move(onDone)](const ImportResult &r) {
        auto *shown = new ImportResultDialog(r, parent);
        shown->setAttribute(Qt::WA_DeleteOnClose);
        shown->open();
        if (onDone)
            onDone(r);
    });
    dialog->open();
    dialog->start();
}

QString ImportDialog::lastFolder()
{
    return QSettings()
        .value(kLastFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

} // namespace cobranza
