#include "credittimelinepage.h"

#include "credittimelinereport.h"
#include "credittimelinexlsx.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {

enum Column { ColWhen, ColEvent, ColDetail, ColWho, ColAmount, ColumnCount };

QColor toneColor(CreditEvent::Tone tone)
{
    switch (tone) {
    case CreditEvent::Tone::Good: return {27, 110, 40};
    case CreditEvent::Tone::Bad: return {170, 20, 20};
    case CreditEvent::Tone::Neutral: break;
    }
    return {};
}

// The report's own voice (cut-offs, judgements) is shaded, so the people's work stands apart.
bool isReportEvent(CreditEvent::Kind k)
{
    return k == CreditEvent::Kind::Snapshot || k == CreditEvent::Kind::LeftReport
           || k == CreditEvent::Kind::PromiseJudged;
}

} // namespace

CreditTimelinePage::CreditTimelinePage(const Database &db, CreditFile file, QList<CreditEvent> events, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_file(std::move(file)),
      m_events(std::move(events)),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_showRoutine(new QCheckBox(this)),
      m_status(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setHorizontalHeaderLabels({tr("Fecha"), tr("Evento"), tr("Detalle"), tr("Usuario"), tr("Valor")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true); // a detail is read whole, not from a tooltip
    m_table->verticalHeader()->hide();
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->horizontalHeader()->setSectionResizeMode(ColDetail, QHeaderView::Stretch);
    // Wrapped rows follow the width the detail gets, also when the dialog is resized. A credit
    // has hundreds of events at most, so measuring them on each layout costs nothing.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    qsizetype routine = 0;
    for (const CreditEvent &e : std::as_const(m_events))
        routine += e.routine ? 1 : 0;
    m_showRoutine->setObjectName(QStringLiteral("showRoutine"));
    m_showRoutine->setText(tr("Mostrar también los cortes sin cambios (%1)").arg(routine));
    m_showRoutine->setToolTip(
        tr("Cortes en que solo aumentaron los días de mora: misma calificación, mismo oficial."));
    m_showRoutine->setVisible(routine > 0);
    connect(m_showRoutine, &QCheckBox::toggled, this, &CreditTimelinePage::fill);

    auto *pdf = new QPushButton(tr("Exportar PDF…"), this);
    pdf->setObjectName(QStringLiteral("exportPdf"));
    connect(pdf, &QPushButton::clicked, this, &CreditTimelinePage::choosePdf);
    auto *xlsx = new QPushButton(tr("Exportar Excel…"), this);
    xlsx->setObjectName(QStringLiteral("exportXlsx"));
    connect(xlsx, &QPushButton::clicked, this, &CreditTimelinePage::chooseXlsx);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_showRoutine);
    bar->addStretch(1);
    bar->addWidget(m_status);
    bar->addWidget(pdf);
    bar->addWidget(xlsx);

    auto *hint = new QLabel(tr("La historia del crédito, de lo más antiguo a lo más reciente: cortes del reporte, "
                               "agendamientos, resultados, promesas, notificaciones y recaudaciones."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(bar);
    fill();
}

QList<CreditEvent> CreditTimelinePage::shownEvents() const
{
    QList<CreditEvent> out;
    for (const CreditEvent &e : m_events)
        if (!e.routine || m_showRoutine->isChecked())
            out.append(e);
    return out;
}

qsizetype CreditTimelinePage::shownCount() const { return shownEvents().size(); }

void CreditTimelinePage::setShowRoutine(bool show) { m_showRoutine->setChecked(show); }

void CreditTimelinePage::fill()
{
    const QList<CreditEvent> events = shownEvents();
    m_table->clearContents();
    m_table->setRowCount(static_cast<int>(events.size()));
    QFont bold = m_table->font();
    bold.setBold(true);
    const QBrush shade(QColor(236, 240, 246));
    for (int r = 0; r < events.size(); ++r) {
        const CreditEvent &e = events.at(r);
        const QStringList cells{e.whenText(), e.title, e.detail, e.who,
                                e.amount ? e.amount->toDisplayString() : QString()};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment((c == ColAmount ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
            if (isReportEvent(e.kind))
                item->setBackground(shade);
            m_table->setItem(r, c, item);
        }
        QTableWidgetItem *title = m_table->item(r, ColEvent);
        title->setFont(bold);
        if (const QColor color = toneColor(e.tone); color.isValid())
            title->setForeground(color);
    }
    // Sized on what is shown; the date column fits "dd/mm/yyyy hh:mm" on one line.
    for (int c : {ColWhen, ColEvent, ColWho, ColAmount})
        m_table->resizeColumnToContents(c);
    m_table->setColumnWidth(ColEvent, std::min(m_table->columnWidth(ColEvent), 240));
    m_table->setColumnWidth(ColWho, std::min(m_table->columnWidth(ColWho), 200));
    // A case file reads oldest first, but what the agent needs today is at the end.
    m_table->scrollToBottom();
}

QString CreditTimelinePage::chooseFile(const QString &title, const QString &suffix, const QString &filter)
{
    const QString suggested = QDir::home().filePath(
        tr("expediente-%1.%2").arg(m_file.credit.creditNumber, suffix));
    QString path = QFileDialog::getSaveFileName(this, title, suggested, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += u'.' + suffix;
    return path;
}

void CreditTimelinePage::choosePdf()
{
    const QString path =
        chooseFile(tr("Exportar expediente a PDF"), QStringLiteral("pdf"), tr("Documento PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

void CreditTimelinePage::chooseXlsx()
{
    const QString path = chooseFile(tr("Exportar expediente a Excel"), QStringLiteral("xlsx"),
                                    tr("Libro de Excel (*.xlsx)"));
    if (!path.isEmpty())
        exportXlsx(path);
}

bool CreditTimelinePage::exportPdf(const QString &path)
{
    CreditTimelineReport report(Letterhead::fromSettings(m_db));
    report.setPrintedAt(QDateTime::currentDateTime()); // a printed file says when it was printed
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = report.writePdf(path, m_file, shownEvents(), &error);
    QApplication::restoreOverrideCursor();
    reportSaved(ok, path, tr("Exportar expediente a PDF"), error);
    return ok;
}

bool CreditTimelinePage::exportXlsx(const QString &path)
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportCreditTimelineXlsx(path, m_file, shownEvents(), &error);
    QApplication::restoreOverrideCursor();
    reportSaved(ok, path, tr("Exportar expediente a Excel"), error);
    return ok;
}

void CreditTimelinePage::reportSaved(bool ok, const QString &path, const QString &title, const QString &error)
{
    if (!ok) {
        m_status->clear();
        QMessageBox::warning(this, title, error);
        return;
    }
    m_status->setText(tr("Guardado en %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace cobranza
