#include "noticesview.h"

#include "datetext.h"
#include "noticeprintjob.h"
#include "noticereport.h"
#include "noticesmodel.h"
#include "permissions.h"
#include "routes/routesheetstore.h"
#include "store/database.h"
#include "store/rulesstore.h"
#include "ticks.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace cobranza {

namespace {

// The notice report lays out A4 portrait; the printer gets the margins the PDF has.
const QPageLayout kNoticePage(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 14, 20, 10),
                              QPageLayout::Millimeter);

bool isCommitment(std::optional<NoticeType> type) { return type == NoticeType::CompromisoPago; }

} // namespace

NoticesView::NoticesView(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_branchScope(branchScope(m_session)),
      m_mayPrint(!refusal(PermissionTable::defaults(), m_session, Permission::PrintNotices)),
      m_model(new NoticesModel(this)),
      m_job(new NoticePrintJob(db.path(), m_session, clock, this)),
      m_cutOff(new QComboBox(this)),
      m_type(new QComboBox(this)),
      m_person(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_table(new QTableView(this)),
      m_totals(new QLabel(this)),
      m_tickAll(new QPushButton(tr("&Marcar todas"), this)),
      m_clearTicks(new QPushButton(tr("&Desmarcar"), this)),
      m_date(new QDateEdit(this)),
      m_guarantors(new QCheckBox(tr("Incluir &garantes"), this)),
      m_preview(new QPushButton(tr("Vista p&revia…"), this)),
      m_print(new QPushButton(tr("&Imprimir…"), this)),
      m_pdf(new QPushButton(tr("Guardar &PDF…"), this)),
      m_commitment(new QPushButton(tr("C&ompromiso de pago…"), this)),
      m_status(new QLabel(this))
{
    m_cutOff->setObjectName(QStringLiteral("noticesCutOff"));
    m_type->setObjectName(QStringLiteral("noticesType"));
    m_person->setObjectName(QStringLiteral("noticesPerson"));
    m_table->setObjectName(QStringLiteral("noticesTable"));
    m_status->setObjectName(QStringLiteral("noticesStatus"));
    m_cutOff->setMinimumContentsLength(24);
    m_person->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_person->setMinimumContentsLength(26);
    m_search->setPlaceholderText(tr("Nombre, cédula, socio o crédito"));
    m_search->setClearButtonEnabled(true);

    auto *top = new QHBoxLayout;
    const auto labelled = [this, top](const QString &text, QWidget *w, int stretch = 0) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        top->addWidget(label);
        top->addWidget(w, stretch);
        top->addSpacing(12);
    };
    labelled(tr("&Corte:"), m_cutOff);
    labelled(tr("&Notificación:"), m_type);
    labelled(tr("Per&sona:"), m_person, 1);
    labelled(tr("&Buscar:"), m_search, 1);

    setUpTickList(m_table, m_model, NoticesModel::Tick);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *ticks = new QHBoxLayout;
    m_tickAll->setToolTip(tr("Marca todas las notificaciones de la lista (Ctrl+Mayús+M)"));
    ticks->addWidget(m_totals, 1);
    ticks->addWidget(m_tickAll);
    ticks->addWidget(m_clearTicks);

    auto *bar = new QHBoxLayout;
    auto *dateLabel = new QLabel(tr("&Fecha de las notificaciones:"), this);
    dateLabel->setBuddy(m_date);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setDate(m_clock.today());
    m_guarantors->setChecked(true);
    m_guarantors->setToolTip(tr("Una página más por cada garante del crédito"));
    m_preview->setToolTip(tr("Muestra las páginas sin numerarlas ni registrarlas"));
    m_print->setToolTip(tr("Imprime las marcadas (o todas) y las registra como impresas"));
    m_pdf->setToolTip(tr("Guarda las marcadas (o todas) en un PDF y las registra como impresas"));
    m_commitment->setToolTip(tr("Formulario de Compromiso de Pago extrajudicial de los créditos marcados"));
    auto *commitmentMenu = new QMenu(m_commitment);
    commitmentMenu->addAction(tr("Vista previa…"), this, [this] { preview(NoticeType::CompromisoPago); });
    commitmentMenu->addAction(tr("Imprimir…"), this, [this] { printOnPaper(NoticeType::CompromisoPago); });
    commitmentMenu->addAction(tr("Guardar PDF…"), this, [this] { saveAsPdf(NoticeType::CompromisoPago); });
    m_commitment->setMenu(commitmentMenu);
    bar->addWidget(dateLabel);
    bar->addWidget(m_date);
    bar->addSpacing(12);
    bar->addWidget(m_guarantors);
    bar->addStretch(1);
    bar->addWidget(m_preview);
    bar->addWidget(m_print);
    bar->addWidget(m_pdf);
    bar->addSpacing(24);
    bar->addWidget(m_commitment);

    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(ticks);
    layout->addLayout(bar);
    layout->addWidget(m_status);

    connect(m_cutOff, &QComboBox::currentIndexChanged, this, &NoticesView::reloadList);
    connect(m_type, &QComboBox::currentIndexChanged, this, &NoticesView::reloadList);
    connect(m_person, &QComboBox::currentIndexChanged, this, &NoticesView::reloadList);
    connect(m_search, &QLineEdit::textChanged, m_model, &NoticesModel::setSearch);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NoticesView::updateTotals);
    connect(m_model, &NoticesModel::tickedChanged, this, &NoticesView::updateTotals);
    connect(m_tickAll, &QPushButton::clicked, m_model, &NoticesModel::tickAllVisible);
    connect(m_clearTicks, &QPushButton::clicked, m_model, &NoticesModel::clearTicks);
    connect(m_preview, &QPushButton::clicked, this, [this] { preview(std::nullopt); });
    connect(m_print, &QPushButton::clicked, this, [this] { printOnPaper(std::nullopt); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { saveAsPdf(std::nullopt); });
    connect(m_job, &NoticePrintJob::progress, this, [this](int done, int total) {
        if (!m_progress || m_job->wasCancelled())
            return;
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_progress->setLabelText(tr("Página %1 de %2…").arg(done).arg(total));
    });
    connect(m_job, &NoticePrintJob::finished, this, &NoticesView::printFinished);
    auto *tickAllKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this);
    connect(tickAllKey, &QShortcut::activated, m_model, &NoticesModel::tickAllVisible);

    if (!m_mayPrint)
        m_status->setText(tr("Su cargo no imprime notificaciones: la lista es solo de consulta."));
    fillChoosers();
    setBusy(false);
    reload();
}

NoticesView::~NoticesView() = default; // the job, a child, cancels and waits for its worker

void NoticesView::fillChoosers()
{
    const QSignalBlocker blockType(m_type);
    const QSignalBlocker blockPerson(m_person);
    m_type->addItem(tr("Todas"), -1);
    // The notices the cooperative's ladder asks for, in its order; the compromiso has its own button.
    QList<NoticeType> types;
    for (const LadderStage &s : RulesStore(m_db).collectionsLadder().stages())
        if (s.notice && !types.contains(*s.notice))
            types.append(*s.notice);
    for (NoticeType t : types)
        m_type->addItem(noticeTypeLabel(t), static_cast<int>(t));

    // Someone who sees only his own agenda sees only his own notices: OFICIAL_CREDITO or booked to him.
    if (!seesBranchAgenda(PermissionTable::defaults(), m_session.role)) {
        m_person->addItem(m_session.fullName.isEmpty() ? m_session.username : m_session.fullName, m_session.username);
        m_person->setEnabled(false);
        m_person->setToolTip(tr("Sus créditos: los que tiene como oficial de crédito y los agendados a usted"));
        return;
    }
    m_person->addItem(tr("Todos"), QString());
    for (const StaffMember &s : RouteSheetStore(m_db, {}).planners(m_branchScope))
        m_person->addItem(tr("%1 — %2").arg(s.fullName, roleLabel(s.role)), s.username);
    m_person->setToolTip(tr("Créditos que la persona tiene como oficial de crédito o que tiene agendados"));
}

void NoticesView::reload()
{
    QDate keep = currentCutOff();
    {
        const QSignalBlocker block(m_cutOff);
        m_cutOff->clear();
        const QLocale locale;
        for (const SnapshotInfo &s : listSnapshots(m_db)) // newest first
            m_cutOff->addItem(tr("%1 — %2 créditos").arg(dayText(s.cutOff),
                                                         locale.toString(s.creditCount)),
                              s.cutOff);
        const int i = keep.isValid() ? m_cutOff->findData(keep) : -1;
        m_cutOff->setCurrentIndex(i >= 0 ? i : 0);
    }
    reloadList();
}

QDate NoticesView::currentCutOff() const { return m_cutOff->currentData().toDate(); }

void NoticesView::reloadList()
{
    const QDate cutOff = currentCutOff();
    if (!cutOff.isValid()) {
        m_model->setNotices({});
        m_status->setText(tr("No hay cartera importada: importe el reporte de cartera para ver las notificaciones."));
        return;
    }
    NoticeDueFilter filter;
    filter.branchCode = m_branchScope;
    filter.staffUsername = m_person->currentData().toString();
    if (const int type = m_type->currentData().toInt(); type >= 0)
        filter.type = static_cast<NoticeType>(type);
    m_model->setNotices(noticesDue(m_db, cutOff, RulesStore(m_db).portfolioRules(), filter));
    // Sized once, on the first rows there are; later the user's widths stay.
    if (!m_columnsSized && m_model->visibleCount() > 0) {
        m_table->resizeColumnsToContents();
        m_table->setColumnWidth(NoticesModel::Tick, m_table->verticalHeader()->defaultSectionSize() + 6);
        m_columnsSized = true;
    }
}

void NoticesView::updateTotals()
{
    const QLocale locale;
    const int listed = m_model->visibleCount();
    const int ticked = m_model->tickedCount();
    int printed = 0;
    for (int r = 0; r < listed; ++r)
        printed += m_model->noticeAt(r)->printedOn.isValid() ? 1 : 0;
    // Printed ones stay until their delivery is recorded: how many are out with the notifiers.
    const QString out = printed == 0   ? QString()
                        : printed == 1 ? tr(" (1 impresa, por entregar)")
                                       : tr(" (%1 impresas, por entregar)").arg(locale.toString(printed));
    m_totals->setText(tr("<b>%1</b> %2%3 · <b>%4</b> %5")
                          .arg(locale.toString(listed),
                               listed == 1 ? tr("notificación pendiente") : tr("notificaciones pendientes"), out,
                               locale.toString(ticked), ticked == 1 ? tr("marcada") : tr("marcadas")));
}

QStringList NoticesView::chosenCredits(std::optional<NoticeType> type, bool ask)
{
    if (const QStringList ticked = m_model->ticked(); !ticked.isEmpty())
        return ticked;
    const QStringList all = m_model->visibleCredits();
    if (all.isEmpty()) {
        m_status->setText(tr("No hay notificaciones pendientes en la lista."));
        return {};
    }
    if (!ask)
        return all;
    const int n = static_cast<int>(all.size());
    QString question;
    if (isCommitment(type))
        question = n == 1 ? tr("¿Imprimir el compromiso de pago del crédito de la lista?")
                          : tr("¿Imprimir el compromiso de pago de los %1 créditos de la lista?").arg(n);
    else
        question = n == 1 ? tr("¿Imprimir la notificación pendiente?")
                          : tr("¿Imprimir las %1 notificaciones pendientes?").arg(n);
    QMessageBox box(QMessageBox::Question, tr("Imprimir notificaciones"), question, QMessageBox::NoButton, this);
    box.setInformativeText(tr("No marcó ninguna: se imprimen todas las de la lista."));
    QPushButton *yes = box.addButton(tr("Imprimir"), QMessageBox::AcceptRole);
    box.addButton(tr("Cancelar"), QMessageBox::RejectRole);
    box.setDefaultButton(yes);
    box.exec();
    return box.clickedButton() == yes ? all : QStringList();
}

NoticeRequest NoticesView::request(const QStringList &credits, std::optional<NoticeType> type) const
{
    NoticeRequest r;
    r.creditNumbers = credits;
    r.type = type;
    r.cutOff = currentCutOff();
    r.date = m_date->date();
    r.guarantors = m_guarantors->isChecked();
    return r;
}

void NoticesView::showErrors(const QString &title, const QString &summary, const QStringList &errors)
{
    QStringList shown = errors;
    constexpr int kShown = 15;
    if (const qsizetype more = shown.size() - kShown; more > 0) {
        shown = shown.mid(0, kShown);
        shown.append(tr("… y %1 problema(s) más.").arg(more));
    }
    QMessageBox box(QMessageBox::Warning, title, summary, QMessageBox::Ok, this);
    if (!shown.isEmpty())
        box.setInformativeText(QStringLiteral("• ") + shown.join(QStringLiteral("\n• ")));
    box.exec();
    m_status->setText(summary);
}

void NoticesView::preview(std::optional<NoticeType> type)
{
    const QStringList credits = chosenCredits(type, false);
    if (credits.isEmpty())
        return;
    // On this thread and through prepare(): a preview numbers nothing and records nothing.
    QStringList errors;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const RulesStore rules(m_db);
    const std::optional<QList<NoticeDocument>> pages =
        NoticeService(m_db, m_session, PermissionTable::defaults(), rules.portfolioRules(),
                      NoticeTemplates::fromSettings(m_db), m_clock)
            .prepare(request(credits, type), &errors);
    QApplication::restoreOverrideCursor();
    if (!pages) {
        showErrors(tr("Vista previa"), tr("No se puede preparar la vista previa."), errors);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(kNoticePage);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Vista previa de las notificaciones (sin registrar)"));
    const NoticeReport report(Letterhead::fromSettings(m_db));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
            [&report, &pages](QPrinter *p) { report.render(p, *pages); });
    // The dialog's own «Imprimir» would put unrecorded notices on paper; it takes the recorded path instead.
    bool printAfter = false;
    const QString printText = QCoreApplication::translate("QPrintPreviewDialog", "Print");
    for (QAction *a : dialog.findChildren<QAction *>())
        if (a->text() == printText) {
            disconnect(a, &QAction::triggered, &dialog, nullptr);
            connect(a, &QAction::triggered, &dialog, [&dialog, &printAfter] {
                printAfter = true;
                dialog.accept();
            });
        }
    dialog.resize(900, 1000);
    dialog.exec();
    if (printAfter)
        printOnPaper(type, false);
}

void NoticesView::printOnPaper(std::optional<NoticeType> type, bool ask)
{
    if (isPrinting())
        return;
    const QStringList credits = chosenCredits(type, ask);
    if (credits.isEmpty())
        return;
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer->setPageLayout(kNoticePage);
    printer->setDocName(isCommitment(type) ? tr("Compromisos de pago") : tr("Notificaciones de cobranza"));
    QPrintDialog dialog(printer.get(), this);
    dialog.setWindowTitle(isCommitment(type) ? tr("Imprimir compromisos de pago") : tr("Imprimir notificaciones"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_pdfPath.clear();
    m_job->startPrinter(request(credits, type), std::move(printer));
    startProgress();
}

void NoticesView::saveAsPdf(std::optional<NoticeType> type)
{
    if (isPrinting() || chosenCredits(type, true).isEmpty())
        return;
    const QDir folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    const QString name = (isCommitment(type) ? tr("compromisos-de-pago-%1.pdf") : tr("notificaciones-%1.pdf"))
                             .arg(m_date->date().toString(Qt::ISODate));
    QString path = QFileDialog::getSaveFileName(this, tr("Guardar las notificaciones en PDF"), folder.filePath(name),
                                                tr("Documento PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    printToPdf(path, type);
}

void NoticesView::printToPdf(const QString &path, std::optional<NoticeType> type)
{
    if (isPrinting())
        return;
    const QStringList credits = chosenCredits(type, false);
    if (credits.isEmpty())
        return;
    m_pdfPath = path;
    m_job->startPdf(request(credits, type), path);
    startProgress();
}

void NoticesView::startProgress()
{
    setBusy(true);
    m_status->setText(tr("Imprimiendo…"));
    m_progress = new QProgressDialog(tr("Preparando las páginas…"), tr("Cancelar"), 0, 0, this);
    m_progress->setWindowTitle(tr("Notificaciones"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(400); // a batch of a few pages is done before it would flash
    m_progress->setMinimumWidth(360);
    connect(m_progress, &QProgressDialog::canceled, this, &NoticesView::cancelPrinting);
    m_progress->setValue(0);
}

void NoticesView::cancelPrinting()
{
    if (!isPrinting())
        return;
    m_job->cancel();
    if (m_progress)
        m_progress->setLabelText(tr("Cancelando: no se registrará ninguna notificación…"));
}

bool NoticesView::isPrinting() const { return m_job->isRunning(); }

QProgressDialog *NoticesView::progressDialog() const { return m_progress; }

void NoticesView::printFinished(const NoticeBatchResult &result)
{
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    setBusy(false);
    if (result.ok) {
        QString done = result.copies > 0 ? tr("%1 páginas impresas (%2 copias)").arg(result.pages).arg(result.copies)
                                         : tr("%1 páginas impresas").arg(result.pages);
        if (result.pages == 1)
            done = result.copies > 0 ? tr("1 página impresa (copia)") : tr("1 página impresa");
        m_status->setText(m_pdfPath.isEmpty() ? done + u'.'
                                              : tr("%1 en %2.").arg(done, QDir::toNativeSeparators(m_pdfPath)));
        m_model->clearTicks(); // printed: a second click would only reprint copies
        reloadList();
        emit printed(result.pages);
        return;
    }
    if (m_job->wasCancelled()) {
        m_status->setText(tr("Impresión cancelada: no se registró ninguna notificación."));
        emit printFailed(result.errors);
        return;
    }
    showErrors(tr("Notificaciones"), tr("No se imprimió ninguna notificación."), result.errors);
    emit printFailed(result.errors);
}

void NoticesView::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_preview, m_print, m_pdf, m_commitment})
        w->setEnabled(m_mayPrint && !busy);
    m_cutOff->setEnabled(!busy);
    m_type->setEnabled(!busy);
}

} // namespace cobranza
