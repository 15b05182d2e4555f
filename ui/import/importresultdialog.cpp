#include "importresultdialog.h"

#include "datetext.h"
#include "importdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QVBoxLayout>

namespace cobranza {

namespace {

QStyle::StandardPixmap iconFor(const ImportResult &r)
{
    switch (r.outcome) {
    case ImportResult::Outcome::Accepted:
    case ImportResult::Outcome::DryRun:
        return r.warningCount > 0 ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation;
    case ImportResult::Outcome::Cancelled: return QStyle::SP_MessageBoxInformation;
    case ImportResult::Outcome::Rejected:
        return r.cutOffExists ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxCritical;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

ImportResultDialog::ImportResultDialog(ImportResult result, QWidget *parent)
    : QDialog(parent), m_result(std::move(result)), m_note(new QLabel)
{
    setWindowTitle(tr("Resultado de la importación"));
    const QLocale locale;
    const QString none = tr("—");

    auto *icon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(iconFor(m_result), nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *summary = new QLabel(m_result.summary());
    summary->setWordWrap(true);
    QFont bold = summary->font();
    bold.setBold(true);
    summary->setFont(bold);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(8);
    top->addWidget(summary, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);

    // A cancelled import, or one that stopped at an existing cut-off the person chose to keep,
    // read only part of the file: its figures and messages would mislead.
    const bool partial = m_result.outcome == ImportResult::Outcome::Cancelled || m_result.cutOffExists;
    if (m_result.cutOffExists) {
        layout->addWidget(new QLabel(tr("El resto del archivo no se leyó y la base de datos no cambió.")));
        layout->addSpacing(8);
    }
    if (!partial) {
        QString separator = none;
        if (m_result.delimiter == QLatin1String(";"))
            separator = tr("punto y coma (;)");
        else if (m_result.delimiter == QLatin1String(","))
            separator = tr("coma (,)");
        else if (m_result.delimiter == QLatin1String("TAB"))
            separator = tr("tabulador");
        auto *figures = new QFormLayout;
        figures->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
        const QString size = locale.formattedDataSize(m_result.fileSize, 1, QLocale::DataSizeSIFormat);
        const QString cutOff =
            m_result.cutOff.isValid() ? dayText(m_result.cutOff) : none;
        figures->addRow(tr("Archivo:"), new QLabel(tr("%1 (%2)").arg(m_result.fileName, size)));
        figures->addRow(tr("Corte:"), new QLabel(cutOff));
        figures->addRow(tr("Filas:"), new QLabel(locale.toString(m_result.rows)));
        figures->addRow(tr("Advertencias:"), new QLabel(locale.toString(m_result.warningCount)));
        figures->addRow(tr("Errores:"), new QLabel(locale.toString(m_result.errorCount)));
        figures->addRow(tr("Codificación:"), new QLabel(m_result.encoding.isEmpty() ? none : m_result.encoding));
        figures->addRow(tr("Separador:"), new QLabel(separator));
        layout->addLayout(figures);
        layout->addSpacing(8);
    }

    auto *buttons = new QDialogButtonBox;
    QPushButton *close = buttons->addButton(tr("Cerrar"), QDialogButtonBox::RejectRole);
    close->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_result.messages.isEmpty() || partial) {
        if (!partial)
            layout->addWidget(new QLabel(tr("El archivo no tuvo errores ni advertencias.")));
        layout->addStretch(1);
        layout->addWidget(buttons);
        setMinimumWidth(540); // the summary on one line for the usual figures
        return;
    }

    const QString heading = m_result.errorCount > 0
        ? tr("Errores (%1) y advertencias (%2), cada uno con su línea en el archivo:")
              .arg(locale.toString(m_result.errorCount), locale.toString(m_result.warningCount))
        : tr("Advertencias (%1), cada una con su línea en el archivo:").arg(locale.toString(m_result.warningCount));
    layout->addWidget(new QLabel(heading));
    auto *list = new QPlainTextEdit;
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap); // one message a line, as it is saved
    list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    list->setPlainText(messageText());
    layout->addWidget(list, 1);

    QPushButton *copy = buttons->addButton(tr("Copiar"), QDialogButtonBox::ActionRole);
    QPushButton *save = buttons->addButton(tr("Guardar lista…"), QDialogButtonBox::ActionRole);
    copy->setAutoDefault(false);
    save->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, this, &ImportResultDialog::copyList);
    connect(save, &QPushButton::clicked, this, &ImportResultDialog::saveListAs);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(820, 560);
}

QStringList ImportResultDialog::messageLines(const ImportResult &result)
{
    QStringList lines;
    lines.reserve(result.messages.size());
    for (const ImportMessage &m : result.messages) {
        if (m.severity == ImportMessage::Severity::Error) {
            lines.append(m.format(result.fileName));
        } else {
            ImportMessage warning = m;
            warning.message = tr("advertencia: %1").arg(m.message);
            lines.append(warning.format(result.fileName));
        }
    }
    return lines;
}

QString ImportResultDialog::messageText() const
{
    return messageLines(m_result).join(u'\n');
}

bool ImportResultDialog::saveList(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        const QByteArray bytes = (messageText() + u'\n').toUtf8();
        if (file.write(bytes) == bytes.size() && file.commit())
            return true;
    }
    if (error)
        *error = tr("No se pudo guardar la lista en %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

void ImportResultDialog::copyList()
{
    QApplication::clipboard()->setText(messageText() + u'\n');
    m_note->setText(tr("Lista copiada al portapapeles."));
}

void ImportResultDialog::saveListAs()
{
    // Next to the file it describes, where whoever fixes the file will look for it.
    const QString suggested = QDir(ImportDialog::lastFolder()).filePath(
        (m_result.errorCount > 0 ? tr("%1-errores.txt") : tr("%1-advertencias.txt"))
            .arg(QFileInfo(m_result.fileName).completeBaseName()));
    const QString path = m_chooseSavePath
        ? m_chooseSavePath(suggested)
        : QFileDialog::getSaveFileName(this, tr("Guardar lista"), suggested, tr("Texto (*.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveList(path, &error)) {
        QMessageBox::warning(this, tr("Guardar lista"), error);
        return;
    }
    m_note->setText(tr("Lista guardada en %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace cobranza
