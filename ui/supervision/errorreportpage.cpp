#include "errorreportpage.h"

#include "datetext.h"
#include "errorreport.h"
#include "errorsummarymodel.h"
#include "supervision/errorrules.h"
#include "supervisionwidgets.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cobranza {

using supervision::makeButton;
using supervision::makeList;

namespace {

enum DetailColumn { DPerson, DDay, DCode, DName, DCredit, DNote };

} // namespace

ErrorReportPage::ErrorReportPage(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_month(new QDateEdit(this)),
      m_totals(new QLabel(this)),
      m_model(new ErrorSummaryModel(this)),
      m_summary(new QTableView(this)),
      m_detailTitle(new QLabel(this)),
      m_detail(makeList({tr("Funcionario"), tr("Fecha"), tr("Código"), tr("Error"), tr("Crédito"), tr("Nota")},
                        QStringLiteral("errorDetail"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("errorReportPage"));
    m_month->setObjectName(QStringLiteral("errorMonth"));
    m_month->setDisplayFormat(QStringLiteral("MM/yyyy"));
    m_month->setCurrentSection(QDateTimeEdit::MonthSection);
    // The month of the day under review: on the 1st, the month being closed.
    const QDate yesterday = m_clock.today().addDays(-1);
    m_month->setDate(QDate(yesterday.year(), yesterday.month(), 1));
    m_month->setToolTip(tr("Mes del reporte (MM/AAAA)"));
    auto *monthLabel = new QLabel(tr("&Mes:"), this);
    monthLabel->setBuddy(m_month);
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::LeftArrow);
    previous->setToolTip(tr("Mes anterior"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Mes siguiente"));
    m_totals->setObjectName(QStringLiteral("errorTotals"));
    auto *pdf = makeButton(tr("Exportar &PDF…"), QStringLiteral("exportPdf"), this);
    auto *xlsx = makeButton(tr("Exportar E&xcel…"), QStringLiteral("exportXlsx"), this);
    auto *csv = makeButton(tr("Exportar &CSV…"), QStringLiteral("exportCsv"), this);
    pdf->setToolTip(tr("El reporte F.1-A para el Comité, en A4 horizontal"));
    xlsx->setToolTip(tr("Hojas Resumen y Detalle"));
    csv->setToolTip(tr("Las líneas de detalle, para otra hoja de cálculo"));

    auto *top = new QHBoxLayout;
    top->addWidget(monthLabel);
    top->addWidget(m_month);
    top->addWidget(previous);
    top->addWidget(next);
    top->addSpacing(16);
    top->addWidget(m_totals, 1);
    top->addWidget(pdf);
    top->addWidget(xlsx);
    top->addWidget(csv);

    m_summary->setObjectName(QStringLiteral("errorSummary"));
    m_summary->setModel(m_model);
    m_summary->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summary->setSelectionMode(QAbstractItemView::SingleSelection);
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->verticalHeader()->hide();
    m_summary->horizontalHeader()->setHighlightSections(false);
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_summary->horizontalHeader()->setDefaultSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("E00")) + 24);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c : {m_model->totalColumn(), m_model->previousColumn(), m_model->changeColumn()})
        m_summary->setColumnWidth(c, fontMetrics().horizontalAdvance(tr("Mes anterior")) + 24);

    m_detail->setColumnWidth(DPerson, 230);
    m_detail->setColumnWidth(DDay, 85);
    m_detail->setColumnWidth(DCode, 50);
    m_detail->setColumnWidth(DName, 190);
    m_detail->setColumnWidth(DCredit, 95);
    QFont bold = m_detailTitle->font();
    bold.setBold(true);
    m_detailTitle->setFont(bold);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The codes' names under the table, as on the printed report.
    QStringList legend;
    for (const ErrorTypeInfo &info : errorCatalogue())
        legend.append(tr("<b>%1</b>&nbsp;%2").arg(info.code, info.name.toHtmlEscaped().replace(u' ', QStringLiteral("&nbsp;"))));
    auto *legendLabel = new QLabel(legend.join(QStringLiteral(" &nbsp; &nbsp; ")), this);
    legendLabel->setObjectName(QStringLiteral("errorLegend"));
    legendLabel->setWordWrap(true);
    legendLabel->setTextFormat(Qt::RichText);

    auto *upper = new QWidget(this);
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_summary, 1);
    upperLayout->addWidget(legendLabel);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 6, 0, 0);
    lowerLayout->addWidget(m_detailTitle);
    lowerLayout->addWidget(m_detail, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(upper);
    split->addWidget(lower);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(previous, &QToolButton::clicked, this, [this] { m_month->setDate(month().addMonths(-1)); });
    connect(next, &QToolButton::clicked, this, [this] { m_month->setDate(month().addMonths(1)); });
    connect(m_month, &QDateEdit::dateChanged, this, &ErrorReportPage::reload);
    connect(m_summary->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ErrorReportPage::showDetail);
    connect(pdf, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("pdf")); });
    connect(xlsx, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("xlsx")); });
    connect(csv, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("csv")); });
}

QDate ErrorReportPage::month() const
{
    const QDate d = m_month->date();
    return QDate(d.year(), d.month(), 1);
}

void ErrorReportPage::setMonth(QDate anyDayOfIt)
{
    if (anyDayOfIt.isValid())
        m_month->setDate(QDate(anyDayOfIt.year(), anyDayOfIt.month(), 1));
}

void ErrorReportPage::setBranch(const QString &branchCode, const QString &branchName)
{
    m_branch = branchCode;
    m_branchName = branchName;
    reload();
}

void ErrorReportPage::reload()
{
    const QString keep = m_model->personAt(m_summary->currentIndex().row())
                             ? m_model->personAt(m_summary->currentIndex().row())->username
                             : QString();
    const QDate m = month();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_model->setReport(monthlyErrorReport(m_db, m.year(), m.month(), m_branch,
                                          SupervisionRules::fromSettings(m_db, m.year()), m_clock.now()));
    QApplication::restoreOverrideCursor();
    const ErrorReport &r = m_model->report();
    m_totals->setText(tr("%1 · %2: %3 errores de %4 personas · mes anterior %5 (%6)")
                          .arg(errorReportBranchText(r, m_branchName), errorReportMonthText(r.year, r.month))
                          .arg(r.total)
                          .arg(r.people.size())
                          .arg(r.previousTotal)
                          .arg(errorReportChangeText(r.total, r.previousTotal)));
    int row = 0;
    for (int i = 0; i < r.people.size(); ++i)
        if (r.people.at(i).username == keep)
            row = i;
    if (m_model->rowCount() > 0)
        m_summary->selectRow(row);
    showDetail();
}

void ErrorReportPage::showDetail()
{
    const int row = m_summary->currentIndex().row();
    const MonthlyErrors *only = m_model->personAt(row);
    m_detail->setRowCount(0);
    if (m_model->rowCount() == 0) {
        m_detailTitle->setText(tr("No hay errores registrados en el mes ni en el anterior."));
        return;
    }
    m_detailTitle->setText(only ? tr("Detalle de %1").arg(only->name.isEmpty() ? only->username : only->name)
                                : tr("Detalle de todos"));
    for (const MonthlyErrors &p : m_model->report().people) {
        if (only && only->staffId != p.staffId)
            continue;
        for (const StaffError &e : p.lines) {
            const ErrorTypeInfo &info = errorInfo(e.type);
            const QStringList cells{p.name.isEmpty() ? p.username : p.name, dayText(e.day),
                                    info.code, info.name, e.creditNumber, e.note};
            const int r = m_detail->rowCount();
            m_detail->insertRow(r);
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                item->setToolTip(c == DCode ? info.description : cells.at(c));
                m_detail->setItem(r, c, item);
            }
        }
    }
}

bool ErrorReportPage::exportTo(const QString &path)
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = writeErrorReport(path, m_model->report(), Letterhead::fromSettings(m_db), &error, m_branchName);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        m_status->clear();
        QMessageBox::warning(this, tr("Exportar reporte F.1-A"), error);
        return false;
    }
    m_status->setText(tr("Reporte F.1-A guardado en %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ErrorReportPage::exportAs(const QString &suffix)
{
    const QDate m = month();
    const QString suggested = QDir::home().filePath(
        QStringLiteral("F1A-%1-%2.%3")
            .arg(m_branch.isEmpty() ? tr("todas") : m_branch, m.toString(QStringLiteral("yyyy-MM")), suffix));
    const QString filter = suffix == u"pdf"    ? tr("Documento PDF (*.pdf)")
                           : suffix == u"xlsx" ? tr("Libro de Excel (*.xlsx)")
                                               : tr("Texto separado por punto y coma (*.csv)");
    QString path = QFileDialog::getSaveFileName(this, tr("Exportar reporte F.1-A"), suggested, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += u'.' + suffix;
    exportTo(path);
}

} // namespace cobranza
