#include "samplepage.h"

#include "datetext.h"
#include "notedialog.h"
#include "samplehistorywidget.h"
#include "store/rulesstore.h"
#include "supervision/dailyreview.h"
#include "supervisionwidgets.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

namespace cobranza {

using supervision::gate;
using supervision::makeButton;
using supervision::makeList;

namespace {

// Address and sector ride in the member's tooltip, and who checked is signed with initials as on
// paper: the papers are matched by credit and member, and the note, last, takes the width left.
enum Column { COrder, CPerson, CCredit, CMember, CState, CCheck, CCheckedBy, CNote };


} // namespace

quint64 SamplePage::defaultSeed(QDate day)
{
    return day.toString(QStringLiteral("yyyyMMdd")).toULongLong();
}

SamplePage::SamplePage(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_date(new QDateEdit(this)),
      m_size(new QSpinBox(this)),
      m_seed(new QLineEdit(this)),
      m_draw(makeButton(tr("&Sortear"), QStringLiteral("drawSample"), this)),
      m_history(new SampleHistoryWidget(db, m_session, this)),
      m_info(new QLabel(this)),
      m_replayText(new QLabel(this)),
      m_table(makeList({tr("N.º"), tr("Funcionario"), tr("Crédito"), tr("Socio"), tr("Resultado"), tr("Revisión"),
                        tr("Revisada el, por"), tr("Nota")},
                       QStringLiteral("sampleTable"), this)),
      m_confirm(makeButton(tr("&Confirmada"), QStringLiteral("sampleConfirm"), this)),
      m_contradict(makeButton(tr("C&ontradice…"), QStringLiteral("sampleContradict"), this))
{
    setObjectName(QStringLiteral("samplePage"));
    m_date->setObjectName(QStringLiteral("sampleDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    // The same day the review opens on: the last working day, whose visits can be checked.
    const int year = m_clock.today().year();
    m_date->setDate(defaultReviewDay(RulesStore(m_db).calendar(year - 1, year), m_clock.today()));
    m_size->setObjectName(QStringLiteral("sampleSize"));
    m_size->setRange(1, 100);
    m_size->setValue(5);
    m_size->setSuffix(tr(" visitas"));
    m_seed->setObjectName(QStringLiteral("sampleSeed"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,18}")), m_seed));
    m_seed->setText(QString::number(defaultSeed(m_date->date())));
    m_seed->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000000000000")) + 16);
    m_seed->setToolTip(tr("La misma fecha, agencia y semilla sortean la misma muestra: así se repite ante un "
                          "auditor. Por omisión, la fecha (AAAAMMDD)."));
    m_info->setObjectName(QStringLiteral("sampleInfo"));
    m_info->setWordWrap(true);
    m_replayText->setObjectName(QStringLiteral("sampleReplay"));
    m_replayText->setWordWrap(true);
    m_replayText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto labelled = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    // Alt+E, Alt+A, Alt+V and Alt+U open the menus: the seed takes its m.
    auto *top = new QHBoxLayout;
    top->addWidget(labelled(tr("&Fecha:"), m_date));
    top->addWidget(m_date);
    top->addSpacing(12);
    top->addWidget(labelled(tr("&Tamaño:"), m_size));
    top->addWidget(m_size);
    top->addSpacing(12);
    top->addWidget(labelled(tr("Se&milla:"), m_seed));
    top->addWidget(m_seed);
    top->addSpacing(12);
    top->addWidget(m_draw);
    top->addStretch(1);

    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Widths from the texts they hold (the demo's longest names), so a larger font does not cut them.
    const QFontMetrics fm = fontMetrics();
    const auto fit = [&fm](const QString &text) { return fm.horizontalAdvance(text) + 16; };
    m_table->setColumnWidth(COrder, fit(QStringLiteral("000")));
    m_table->setColumnWidth(CPerson, fit(QStringLiteral("CHAMORRO ROSERO ANDREA GABRIELA")));
    m_table->setColumnWidth(CCredit, fit(QStringLiteral("0101000000")));
    m_table->setColumnWidth(CMember, fit(QStringLiteral("LANDÁZURI RUIZ JOHANNA GLORIA")));
    m_table->setColumnWidth(CState, fit(visitStateLabel(VisitState::LlamadaTelefonica)));
    m_table->setColumnWidth(CCheck, fit(verificationOutcomeLabel(VerificationOutcome::Contradicted)) + 8); // bold
    m_table->setColumnWidth(CCheckedBy, fit(QStringLiteral("00/00/0000 00:00 · MMM")));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_contradict);

    auto *checks = new QWidget(this);
    auto *checksLayout = new QVBoxLayout(checks);
    checksLayout->setContentsMargins(0, 6, 0, 0);
    checksLayout->addWidget(m_info);
    checksLayout->addWidget(m_replayText);
    checksLayout->addWidget(m_table, 1);
    checksLayout->addLayout(buttons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_history);
    split->addWidget(checks);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_date, &QDateEdit::dateChanged, this, [this](QDate d) {
        m_seed->setText(QString::number(defaultSeed(d)));
        m_history->setMonth(d);
        if (!m_sample)
            clearSample(); // the invitation names the day
        emit dayChanged(d);
    });
    connect(m_draw, &QPushButton::clicked, this, &SamplePage::draw);
    connect(m_history, &SampleHistoryWidget::sampleChosen, this, &SamplePage::showSample);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SamplePage::updateActions);
    connect(m_confirm, &QPushButton::clicked, this, &SamplePage::confirmSelected);
    connect(m_contradict, &QPushButton::clicked, this, &SamplePage::contradictSelected);
    m_history->setMonth(m_date->date());
    clearSample();
}

QDate SamplePage::day() const
{
    return m_date->date();
}

void SamplePage::setDay(QDate day)
{
    if (day.isValid() && day != m_date->date())
        m_date->setDate(day);
}

void SamplePage::setBranch(const QString &branchCode)
{
    m_branch = branchCode;
    m_history->setBranch(branchCode); // a sample shown of another branch is no longer listed: cleared
    if (!m_sample)
        clearSample();
}

void SamplePage::clearSample()
{
    m_sample.reset();
    m_replay.reset();
    m_table->setRowCount(0);
    m_replayText->clear();
    m_replayText->hide();
    m_info->setText(m_branch.isEmpty()
                        ? tr("Elija una agencia para sortear la muestra de sus visitas, o una muestra registrada para "
                             "ver sus revisiones.")
                        : tr("Sortee la muestra de las visitas con resultado del %1 en la agencia %2, o elija una "
                             "muestra registrada; luego marque cada visita al compararla con la notificación firmada "
                             "y los registros en papel.")
                              .arg(dayText(day()), m_branch));
    updateActions();
}

void SamplePage::draw()
{
    bool ok = false;
    const quint64 seed = m_seed->text().toULongLong(&ok);
    if (!ok) {
        QMessageBox::warning(this, tr("Muestra física"), tr("La semilla es un número entero."));
        return;
    }
    QString error;
    const auto drawn = VerificationService(m_db, m_session, PermissionTable::defaults(), m_clock)
                           .drawSample(day(), m_branch, m_size->value(), seed, &error);
    if (!drawn) {
        QMessageBox::warning(this, tr("Muestra física"), error);
        return;
    }
    if (m_history->month() == QDate(day().year(), day().month(), 1))
        m_history->reload();
    else
        m_history->setMonth(day());
    if (!m_history->selectSample(drawn->id)) // listed as soon as stored; shown even if it were not
        showSample(drawn->id);
    m_table->selectRow(0); // the papers are checked in the order drawn
    m_table->setFocus();
}

void SamplePage::showSample(qint64 sampleId)
{
    if (sampleId == 0) {
        clearSample();
        return;
    }
    const SampleHistory history(m_db, m_session, PermissionTable::defaults());
    QString error;
    m_sample = history.load(sampleId, &error);
    m_replay = m_sample ? history.replay(sampleId, &error) : std::nullopt;
    if (!m_sample) {
        clearSample();
        m_info->setText(error);
        return;
    }
    fillChecks();
}

void SamplePage::fillChecks()
{
    m_table->setRowCount(0);
    const QColor red(0xa0, 0x10, 0x10);
    for (const SampleCheck &c : m_sample->checks) {
        const QString outcome = c.outcome ? verificationOutcomeLabel(*c.outcome) : pendingCheckLabel();
        // The moment first: a long name is cut at its end, and the tooltip keeps it whole.
        const QString checkedBy =
            c.checkedBy.isEmpty() ? QString() : tr("%1 · %2").arg(localMomentText(c.checkedAt), c.checkedByInitials);
        const QStringList cells{QString::number(c.position), c.visitedBy, c.creditNumber, c.memberName,
                                c.state ? visitStateLabel(*c.state) : QString(), outcome, checkedBy, c.note};
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setToolTip(cells.at(col));
            item->setData(Qt::UserRole, c.bookingId);
            m_table->setItem(r, col, item);
        }
        if (!c.checkedBy.isEmpty())
            m_table->item(r, CCheckedBy)->setToolTip(tr("Revisada por %1 el %2").arg(c.checkedBy, localMomentText(c.checkedAt)));
        m_table->item(r, CMember)->setToolTip(
            QStringList{c.memberName, c.address, c.sector}.filter(QRegularExpression(QStringLiteral("\\S"))).join(u'\n'));
        QTableWidgetItem *check = m_table->item(r, CCheck);
        if (c.outcome == VerificationOutcome::Contradicted) {
            check->setForeground(red);
            QFont bold = check->font();
            bold.setBold(true);
            check->setFont(bold);
        } else if (!c.outcome) {
            check->setForeground(QColor(0x70, 0x70, 0x70));
        }
    }
    const SampleSummary &s = m_sample->summary;
    QString text = tr("Muestra N.º %1 del %2, agencia %3, semilla %4, sorteada por %5 el %6: %7.")
                       .arg(s.id)
                       .arg(dayText(s.day), s.branchCode)
                       .arg(s.seed)
                       .arg(s.drawnBy, localMomentText(s.drawnAt),
                            s.visits == 1 ? tr("1 visita") : tr("%1 visitas").arg(s.visits));
    if (s.visits < s.size)
        text += tr(" Se pidieron %1; el día no tenía más visitas con resultado.").arg(s.size);
    m_info->setText(text);
    if (m_replay) {
        const bool same = m_replay->verdict == SampleReplay::Verdict::Same;
        m_replayText->setText(describeReplay(*m_replay));
        m_replayText->setStyleSheet(same ? QStringLiteral("color: #1b5e20;")
                                         : QStringLiteral("color: #a01010; font-weight: bold;"));
        m_replayText->show();
    }
    updateActions();
}

qint64 SamplePage::selectedBooking() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

void SamplePage::updateActions()
{
    gate(m_draw, m_session, Permission::VerifyResults, !m_branch.isEmpty(),
         tr("Sortea y registra la muestra con su semilla"), tr("Elija una agencia para sortear la muestra"));
    const bool visit = m_sample && selectedBooking() != 0;
    gate(m_confirm, m_session, Permission::VerifyResults, visit, tr("Lo registrado coincide con los papeles"),
         tr("Elija una visita de la muestra"));
    gate(m_contradict, m_session, Permission::VerifyResults, visit,
         tr("Lo registrado no coincide: pide la nota, y cuenta como error"), tr("Elija una visita de la muestra"));
}

bool SamplePage::check(qint64 booking, bool confirmed, const QString &note, QString *error)
{
    return VerificationService(m_db, m_session, PermissionTable::defaults(), m_clock)
        .recordCheck(m_sample->summary.id, booking, confirmed, note, error);
}

void SamplePage::afterCheck(int row)
{
    m_history->reload(); // its counts; the sample stays chosen
    showSample(m_sample->summary.id);
    m_table->selectRow(std::clamp(row, 0, m_table->rowCount() - 1));
}

void SamplePage::confirmSelected()
{
    const qint64 booking = selectedBooking();
    if (!m_sample || booking == 0)
        return;
    const int row = m_table->currentRow();
    QString error;
    if (!check(booking, true, {}, &error)) {
        QMessageBox::warning(this, tr("Muestra física"), error);
        return;
    }
    afterCheck(row + 1); // on to the next paper
}

void SamplePage::contradictSelected()
{
    const qint64 booking = selectedBooking();
    if (!m_sample || booking == 0)
        return;
    const int row = m_table->currentRow();
    bool stored = false;
    NoteDialog dialog(tr("Revisión física que contradice"),
                      tr("%1 — %2, visitado por %3.")
                          .arg(m_table->item(row, CCredit)->text(), m_table->item(row, CMember)->text(),
                               m_table->item(row, CPerson)->text()),
                      [&](const QString &note) {
                          QString error;
                          stored = check(booking, false, note, &error);
                          return stored ? QString() : error;
                      },
                      this);
    dialog.exec();
    if (stored) {
        afterCheck(row);
        emit errorsChanged();
    }
}

} // namespace cobranza
