#include "dailyreviewpage.h"

#include "datetext.h"
#include "dailyerrordocument.h"
#include "notedialog.h"
#include "recorderrordialog.h"
#include "reviewmodel.h"
#include "routes/routesheetstore.h"
#include "store/rulesstore.h"
#include "supervision/dailyerrorreport.h"
#include "supervision/dailyreview.h"
#include "supervision/errorrules.h"
#include "supervision/verificationservice.h"
#include "supervisionwidgets.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cobranza {

using supervision::gate;
using supervision::makeButton;
using supervision::makeList;

namespace {

enum JustifiedColumn { JCredit, JMember, JPhones, JState, JVerification, JJustification };
enum ErrorColumn { ECode, EName, ECredit, ENote };


QTableWidgetItem *item(const QString &text, qint64 id = 0)
{
    auto *i = new QTableWidgetItem(text);
    i->setData(Qt::UserRole, id);
    i->setToolTip(text);
    return i;
}

// A title over one of the lower lists.
QLabel *makeTitle(QWidget *parent)
{
    auto *l = new QLabel(parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

DailyReviewPage::DailyReviewPage(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_date(new QDateEdit(this)),
      m_summary(new QLabel(this)),
      m_model(new ReviewModel(this)),
      m_people(new QTableView(this)),
      m_justifiedTitle(makeTitle(this)),
      // The justification last: it is the text the Pivot reads, and takes the width that is left.
      m_justified(makeList({tr("Crédito"), tr("Socio"), tr("Teléfonos"), tr("Estado"), tr("Verificación"),
                            tr("Justificación")},
                           QStringLiteral("justifiedResults"), this)),
      m_errorsTitle(makeTitle(this)),
      m_errors(makeList({tr("Código"), tr("Error"), tr("Crédito"), tr("Nota")}, QStringLiteral("dayErrors"), this)),
      m_confirm(makeButton(tr("Confirmar por &teléfono"), QStringLiteral("confirmByPhone"), this)),
      m_contradict(makeButton(tr("C&ontradice…"), QStringLiteral("contradict"), this)),
      m_recordError(makeButton(tr("&Registrar error…"), QStringLiteral("recordError"), this)),
      // Alt+D: A, E, V and U open the menus; F, T, O and R are the page's, G the branch chooser's.
      m_printErrors(makeButton(tr("Imprimir errores del &día…"), QStringLiteral("printDayErrors"), this)),
      m_printStatus(new QLabel(this)),
      m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("dailyReviewPage"));
    m_date->setObjectName(QStringLiteral("reviewDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    // The Pivot reads in the morning what was entered for the last working day; the arrows step
    // from working day to working day.
    const int year = m_clock.today().year();
    const WorkingCalendar calendar = RulesStore(m_db).calendar(year - 1, year + 1);
    m_date->setDate(defaultReviewDay(calendar, m_clock.today()));
    auto *dateLabel = new QLabel(tr("&Fecha:"), this);
    dateLabel->setBuddy(m_date);
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::LeftArrow);
    previous->setToolTip(tr("Día laborable anterior"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Día laborable siguiente"));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));

    auto *top = new QHBoxLayout;
    top->addWidget(dateLabel);
    top->addWidget(m_date);
    top->addWidget(previous);
    top->addWidget(next);
    top->addSpacing(16);
    top->addWidget(m_summary, 1);
    top->addWidget(m_printStatus);
    top->addWidget(m_printErrors);
    m_printStatus->setObjectName(QStringLiteral("printStatus"));

    m_people->setObjectName(QStringLiteral("reviewPeople"));
    m_people->setModel(m_model);
    m_people->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_people->setSelectionMode(QAbstractItemView::SingleSelection);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->setAlternatingRowColors(true);
    m_people->verticalHeader()->hide();
    m_people->horizontalHeader()->setHighlightSections(false);
    m_people->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_people->horizontalHeader()->setSectionResizeMode(ReviewModel::Person, QHeaderView::Stretch);

    m_justified->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_justified->setColumnWidth(JCredit, 90);
    m_justified->setColumnWidth(JMember, 170);
    m_justified->setColumnWidth(JPhones, 120);
    m_justified->setColumnWidth(JState, 110);
    m_justified->setColumnWidth(JVerification, 95);
    m_justified->setWordWrap(true);
    m_errors->setColumnWidth(ECode, 45);
    m_errors->setColumnWidth(EName, 165);
    m_errors->setColumnWidth(ECredit, 90);
    m_errors->setWordWrap(true); // the note is what is told to the person: read whole, not elided
    m_notice->setObjectName(QStringLiteral("reviewNotice"));
    m_notice->setWordWrap(true);

    auto *justifiedButtons = new QHBoxLayout;
    justifiedButtons->addWidget(m_notice, 1);
    justifiedButtons->addWidget(m_confirm);
    justifiedButtons->addWidget(m_contradict);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_justifiedTitle);
    leftLayout->addWidget(m_justified, 1);
    leftLayout->addLayout(justifiedButtons);

    auto *errorButtons = new QHBoxLayout;
    errorButtons->addStretch(1);
    errorButtons->addWidget(m_recordError);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_errorsTitle);
    rightLayout->addWidget(m_errors, 1);
    rightLayout->addLayout(errorButtons);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(left);
    lower->addWidget(right);
    lower->setChildrenCollapsible(false);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("reviewSplitter"));
    split->addWidget(m_people);
    split->addWidget(lower);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(previous, &QToolButton::clicked, this,
            [this, calendar] { m_date->setDate(calendar.previousWorkingDay(m_date->date())); });
    connect(next, &QToolButton::clicked, this, [this, calendar] { m_date->setDate(calendar.nextWorkingDay(m_date->date())); });
    connect(m_date, &QDateEdit::dateChanged, this, [this](QDate d) {
        m_printStatus->clear(); // it named the file of another day
        reload();
        emit dayChanged(d);
    });
    connect(m_people->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DailyReviewPage::showPerson);
    connect(m_justified, &QTableWidget::itemSelectionChanged, this, &DailyReviewPage::updateActions);
    connect(m_confirm, &QPushButton::clicked, this, &DailyReviewPage::confirmSelected);
    connect(m_contradict, &QPushButton::clicked, this, &DailyReviewPage::contradictSelected);
    connect(m_recordError, &QPushButton::clicked, this, &DailyReviewPage::recordError);
    connect(m_printErrors, &QPushButton::clicked, this, &DailyReviewPage::printDayErrors);
}

QDate DailyReviewPage::day() const
{
    return m_date->date();
}

void DailyReviewPage::setDay(QDate day)
{
    if (day.isValid() && day != m_date->date())
        m_date->setDate(day);
}

void DailyReviewPage::setBranch(const QString &branchCode)
{
    m_branch = branchCode;
    reload();
}

void DailyReviewPage::reload()
{
    const qint64 keepPerson = selectedPerson();
    const qint64 keepBooking = selectedBooking();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QDate d = day();
    m_model->setRows(dailyReview(m_db, d, m_branch, SupervisionRules::fromSettings(m_db, d.year()), m_clock.now()));
    // The day's visits give the phones to call and the credits an error may be about.
    m_visits.clear();
    for (const RouteSheet &sheet : RouteSheetStore(m_db, RulesStore(m_db).collectionsLadder()).agenda(d, m_branch))
        for (const RouteVisit &v : sheet.visits)
            m_visits.insert(v.bookingId, {sheet.person.id, v});
    QApplication::restoreOverrideCursor();

    updateSummary();
    int row = m_model->rowOf(keepPerson);
    if (row < 0) // at first the first person with something to talk about
        for (int r = 0; r < m_model->rowCount() && row < 0; ++r) {
            const ReviewRow *p = m_model->rowAt(r);
            if (p->missing + p->late > 0 || !p->errors.isEmpty() || !p->justified.isEmpty())
                row = r;
        }
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_people->selectRow(row);
    showPerson();
    for (int r = 0; r < m_justified->rowCount(); ++r)
        if (m_justified->item(r, JCredit)->data(Qt::UserRole).toLongLong() == keepBooking)
            m_justified->selectRow(r);
    updateActions();
}

void DailyReviewPage::selectPerson(qint64 staffId)
{
    if (const int row = m_model->rowOf(staffId); row >= 0)
        m_people->selectRow(row);
}

qint64 DailyReviewPage::selectedPerson() const
{
    const ReviewRow *p = person();
    return p ? p->staffId : 0;
}

const ReviewRow *DailyReviewPage::person() const
{
    const QModelIndex current = m_people->selectionModel()->currentIndex();
    return current.isValid() ? m_model->rowAt(current.row()) : nullptr;
}

qint64 DailyReviewPage::selectedBooking() const
{
    const QList<QTableWidgetItem *> selected = m_justified->selectedItems();
    return selected.isEmpty() ? 0 : m_justified->item(selected.first()->row(), JCredit)->data(Qt::UserRole).toLongLong();
}

void DailyReviewPage::updateSummary()
{
    int booked = 0, missing = 0, late = 0, errors = 0, justified = 0;
    for (const ReviewRow &r : m_model->rows()) {
        booked += r.booked;
        missing += r.missing;
        late += r.late;
        errors += static_cast<int>(r.errors.size());
        justified += static_cast<int>(r.justified.size());
    }
    const QString weekday = QLocale().dayName(day().dayOfWeek());
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("Nadie tenía visitas agendadas ni errores el %1 %2.").arg(weekday, dayText(day())));
        return;
    }
    // Each count with its own plural: "1 persona", "1 error".
    const auto count = [](qsizetype n, const QString &one, const QString &many) {
        return (n == 1 ? one : many).arg(n);
    };
    const QStringList parts{count(m_model->rowCount(), tr("%1 persona"), tr("%1 personas")),
                            count(booked, tr("%1 visita agendada"), tr("%1 visitas agendadas")),
                            count(missing, tr("%1 sin resultado"), tr("%1 sin resultado")),
                            count(late, tr("%1 fuera de plazo"), tr("%1 fuera de plazo")),
                            count(justified, tr("%1 por justificar"), tr("%1 por justificar")),
                            count(errors, tr("%1 error"), tr("%1 errores"))};
    m_summary->setText(tr("%1 %2: %3").arg(weekday, dayText(day()), parts.join(QStringLiteral(" · "))));
}

void DailyReviewPage::showPerson()
{
    const ReviewRow *p = person();
    const QString name = p ? (p->name.isEmpty() ? p->username : p->name) : QString();
    m_justified->setRowCount(0);
    m_errors->setRowCount(0);
    m_notice->clear();
    m_justifiedTitle->setText(p ? tr("Resultados por justificar de %1").arg(name) : tr("Resultados por justificar"));
    m_errorsTitle->setText(p ? tr("Errores del día de %1").arg(name) : tr("Errores del día"));
    if (p) {
        for (const JustifiedResult &j : p->justified) {
            const int r = m_justified->rowCount();
            m_justified->insertRow(r);
            const auto visit = m_visits.constFind(j.bookingId);
            m_justified->setItem(r, JCredit, item(j.creditNumber, j.bookingId));
            m_justified->setItem(r, JMember, item(j.memberName));
            m_justified->setItem(r, JPhones, item(visit != m_visits.cend() ? visit->second.phones : QString()));
            m_justified->setItem(r, JState, item(visitStateLabel(j.state)));
            m_justified->setItem(r, JJustification, item(j.justification));
            const auto outcome = parseVerificationOutcome(j.verification);
            auto *verification = item(outcome ? verificationOutcomeLabel(*outcome) : unverifiedResultLabel());
            if (outcome == VerificationOutcome::Contradicted) {
                verification->setForeground(QColor(0xa0, 0x10, 0x10));
                QFont bold = verification->font();
                bold.setBold(true);
                verification->setFont(bold);
            } else if (!outcome) {
                verification->setForeground(QColor(0x70, 0x70, 0x70));
            }
            m_justified->setItem(r, JVerification, verification);
        }
        for (const StaffError &e : p->errors) {
            const int r = m_errors->rowCount();
            m_errors->insertRow(r);
            const ErrorTypeInfo &info = errorInfo(e.type);
            auto *code = item(info.code);
            code->setToolTip(info.description);
            m_errors->setItem(r, ECode, code);
            m_errors->setItem(r, EName, item(info.name));
            m_errors->setItem(r, ECredit, item(e.creditNumber));
            m_errors->setItem(r, ENote, item(e.note));
        }
        if (p->justified.isEmpty())
            m_notice->setText(tr("Ningún resultado de %1 necesita justificación este día.").arg(name));
    }
    m_justified->resizeRowsToContents();
    m_errors->resizeRowsToContents();
    if (m_justified->rowCount() > 0)
        m_justified->selectRow(0);
    updateActions();
}

void DailyReviewPage::updateActions()
{
    const bool result = selectedBooking() != 0;
    gate(m_confirm, m_session, Permission::VerifyResults, result,
         tr("El socio confirmó por teléfono lo registrado"), tr("Elija un resultado de la lista"));
    gate(m_contradict, m_session, Permission::VerifyResults, result,
         tr("El socio contradice lo registrado: pide la nota, y cuenta como error"), tr("Elija un resultado de la lista"));
    gate(m_recordError, m_session, Permission::RecordErrors, person() != nullptr,
         tr("Un error que las reglas no detectan, con su nota"), tr("Elija una persona de la tabla"));
    // An empty day prints too: the paper says nobody had work, which is what the Pivot files.
    gate(m_printErrors, m_session, Permission::ReadSupervision, true,
         tr("Guarda en PDF los errores del día: el resumen de todos y una página por persona con errores, para "
            "entregársela"),
         {});
}

void DailyReviewPage::printDayErrors()
{
    const QString suggested = QDir::home().filePath(dailyErrorReportFileName(m_branch, day(), QStringLiteral("pdf")));
    QString path = QFileDialog::getSaveFileName(this, tr("Imprimir errores del día"), suggested,
                                                tr("Documento PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(u"pdf", Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".pdf");
    exportDayErrors(path);
}

bool DailyReviewPage::exportDayErrors(const QString &path)
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QDate d = day();
    const QDateTime now = m_clock.now();
    // Read again rather than taken from the table: what is printed is what is stored now.
    const DailyErrorReport report =
        dailyErrorReport(m_db, d, m_branch, SupervisionRules::fromSettings(m_db, d.year()), now);
    const bool ok = writeDailyErrorReport(path, report, Letterhead::fromSettings(m_db), m_session.fullName, now, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        m_printStatus->clear();
        QMessageBox::warning(this, tr("Imprimir errores del día"),
                             tr("No se pudo guardar el reporte de errores del %1.\n\n%2").arg(dayText(d), error));
        return false;
    }
    m_printStatus->setText(tr("Guardado en %1").arg(QFileInfo(path).fileName()));
    m_printStatus->setToolTip(QDir::toNativeSeparators(path));
    return true;
}

void DailyReviewPage::verify(bool confirmed, const QString &note)
{
    QString error;
    if (!VerificationService(m_db, m_session, PermissionTable::defaults(), m_clock)
             .verifyByPhone(selectedBooking(), confirmed, note, &error)) {
        QMessageBox::warning(this, tr("Verificación"), error);
        return;
    }
    reload();
    emit errorsChanged();
}

void DailyReviewPage::confirmSelected()
{
    if (selectedBooking() != 0)
        verify(true, {});
}

void DailyReviewPage::contradictSelected()
{
    const qint64 booking = selectedBooking();
    if (booking == 0)
        return;
    const int row = m_justified->currentRow();
    const QString about = tr("%1 — %2: registrado como %3, «%4».")
                              .arg(m_justified->item(row, JCredit)->text(), m_justified->item(row, JMember)->text(),
                                   m_justified->item(row, JState)->text(), m_justified->item(row, JJustification)->text());
    QString error;
    bool stored = false;
    NoteDialog dialog(tr("Verificación que contradice"), about,
                      [&](const QString &note) {
                          stored = VerificationService(m_db, m_session, PermissionTable::defaults(), m_clock)
                                       .verifyByPhone(booking, false, note, &error);
                          return stored ? QString() : error;
                      },
                      this);
    dialog.exec();
    if (stored) {
        reload();
        emit errorsChanged();
    }
}

void DailyReviewPage::recordError()
{
    const ReviewRow *p = person();
    if (!p)
        return;
    const qint64 staffId = p->staffId;
    QStringList credits;
    for (auto it = m_visits.cbegin(); it != m_visits.cend(); ++it)
        if (it->first == staffId && !credits.contains(it->second.creditNumber))
            credits.append(it->second.creditNumber);
    credits.sort();
    bool stored = false;
    RecordErrorDialog dialog(p->name.isEmpty() ? p->username : p->name, day(), credits,
                             [&](const QString &credit, const QString &note) {
                                 QString error;
                                 stored = VerificationService(m_db, m_session, PermissionTable::defaults(), m_clock)
                                              .recordError(staffId, day(), credit, note, &error);
                                 return stored ? QString() : error;
                             },
                             this);
    dialog.exec();
    if (stored) {
        reload();
        emit errorsChanged();
    }
}

} // namespace cobranza
