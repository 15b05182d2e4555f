#include "committeepage.h"

#include "datetext.h"
#include "minutesreport.h"
#include "permissions.h"
#include "store/rulesstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {

enum Column { ColCredit, ColMember, ColDays, ColOverdue, ColPrevious, ColDecision, ColumnCount };

} // namespace

CommitteePage::CommitteePage(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_committee(new QComboBox(this)),
      m_cutOffLabel(new QLabel(this)),
      m_agenda(new QTableWidget(this)),
      m_heldOn(new QDateEdit(this)),
      m_attendees(new QLineEdit(this)),
      m_notes(new QLineEdit(this)),
      m_record(new QPushButton(tr("&Registrar acta"), this)),
      m_minutes(new QListWidget(this)),
      m_pdf(new QPushButton(tr("&PDF del acta…"), this)),
      m_status(new QLabel(this))
{
    for (Committee c : {Committee::Subcomite, Committee::Comite}) {
        const CommitteeRule &rule = committeeRule(c);
        m_committee->addItem(tr("%1 (días %2 a %3)").arg(rule.name).arg(rule.minDays).arg(rule.maxDays),
                             static_cast<int>(c));
    }
    m_agenda->setColumnCount(ColumnCount);
    m_agenda->setHorizontalHeaderLabels({tr("Crédito"), tr("Socio"), tr("Días mora"), tr("Valor vencido"),
                                         tr("Decisión anterior"), tr("Decisión del acta")});
    m_agenda->horizontalHeader()->setSectionResizeMode(ColMember, QHeaderView::Stretch);
    m_agenda->horizontalHeader()->setSectionResizeMode(ColPrevious, QHeaderView::Stretch);
    m_agenda->horizontalHeader()->setSectionResizeMode(ColDecision, QHeaderView::Stretch);
    m_agenda->verticalHeader()->hide();
    m_agenda->setAlternatingRowColors(true);
    m_agenda->setToolTip(tr("Escriba la decisión de cada crédito tratado; los que queden en blanco no entran al acta."));
    m_heldOn->setCalendarPopup(true);
    m_heldOn->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_heldOn->setDate(m_clock.today());
    m_attendees->setPlaceholderText(tr("Nombres y cargos de los asistentes"));
    m_notes->setPlaceholderText(tr("Observaciones de la sesión (opcional)"));
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    auto *committeeLabel = new QLabel(tr("Co&mité:"), this);
    committeeLabel->setBuddy(m_committee);
    top->addWidget(committeeLabel);
    top->addWidget(m_committee);
    top->addSpacing(12);
    top->addWidget(m_cutOffLabel, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Fecha de la &sesión:"), m_heldOn);
    form->addRow(tr("As&istentes:"), m_attendees);
    form->addRow(tr("&Observaciones:"), m_notes);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_agenda, 1);
    leftLayout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_record);
    leftLayout->addLayout(buttons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Actas del año</b>"), this));
    rightLayout->addWidget(m_minutes, 1);
    rightLayout->addWidget(m_pdf);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_committee, &QComboBox::currentIndexChanged, this, &CommitteePage::reload);
    connect(m_record, &QPushButton::clicked, this, [this] {
        if (const qint64 id = recordMinutes(); id != 0
            && QMessageBox::question(this, tr("Acta registrada"), tr("%1 ¿Guardar el acta en PDF?").arg(m_status->text()))
                   == QMessageBox::Yes)
            saveMinutesPdf(id);
    });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_minutes->currentItem())
            saveMinutesPdf(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_minutes, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { saveMinutesPdf(item->data(Qt::UserRole).toLongLong()); });
}

void CommitteePage::setBranch(const QString &branchCode)
{
    m_branch = branchCode;
    reload();
}

void CommitteePage::reload()
{
    const auto newest = newestSnapshot(m_db);
    m_cutOff = newest ? newest->cutOff : QDate();
    const Committee committee = static_cast<Committee>(m_committee->currentData().toInt());
    const bool oneBranch = !m_branch.isEmpty();
    m_agenda->setRowCount(0);
    m_record->setEnabled(oneBranch && m_cutOff.isValid());
    m_record->setToolTip(oneBranch ? QString() : tr("Elija una agencia: cada acta es de una agencia."));
    if (m_cutOff.isValid() && oneBranch) {
        const std::vector<CommitteeCase> cases =
            committeeAgenda(m_db, committee, m_cutOff, RulesStore(m_db).portfolioRules(), m_branch);
        m_agenda->setRowCount(static_cast<int>(cases.size()));
        for (int r = 0; r < static_cast<int>(cases.size()); ++r) {
            const CommitteeCase &c = cases[static_cast<size_t>(r)];
            const auto item = [](const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
                auto *i = new QTableWidgetItem(text);
                i->setFlags(i->flags() & ~Qt::ItemIsEditable);
                i->setTextAlignment(align);
                return i;
            };
            m_agenda->setItem(r, ColCredit, item(c.line.row.creditNumber));
            m_agenda->setItem(r, ColMember, item(c.line.fullName));
            m_agenda->setItem(r, ColDays, item(QString::number(c.line.row.daysPastDue), Qt::AlignRight | Qt::AlignVCenter));
            m_agenda->setItem(r, ColOverdue, item(c.line.row.overdue.toDisplayString(), Qt::AlignRight | Qt::AlignVCenter));
            m_agenda->setItem(r, ColPrevious,
                              item(c.lastDecision.isEmpty() ? QString()
                                                            : tr("Acta %1: %2").arg(c.lastMinutesNumber).arg(c.lastDecision)));
            m_agenda->setItem(r, ColDecision, new QTableWidgetItem());
        }
        m_agenda->resizeColumnToContents(ColCredit);
        m_agenda->resizeColumnToContents(ColDays);
        m_agenda->resizeColumnToContents(ColOverdue);
    }
    m_cutOffLabel->setText(!m_cutOff.isValid() ? tr("No hay cortes importados.")
                           : !oneBranch        ? tr("Elija una agencia para ver la agenda del comité.")
                                               : tr("Corte %1: %2 créditos en el rango del comité.")
                                                     .arg(dayText(m_cutOff))
                                                     .arg(m_agenda->rowCount()));
    m_minutes->clear();
    for (const CommitteeMinutes &m : listMinutes(m_db, m_branch, m_clock.today().year())) {
        // Two lines, so the panel beside the agenda can stay narrow without cutting the number.
        const QString credits = m.lines.size() == 1 ? tr("1 crédito") : tr("%1 créditos").arg(m.lines.size());
        auto *item = new QListWidgetItem(
            tr("%1\n%2 · %3").arg(m.reference(), dayText(m.heldOn), credits), m_minutes);
        item->setToolTip(item->text().replace(u'\n', QStringLiteral(" · ")));
        item->setData(Qt::UserRole, m.id);
    }
    m_pdf->setEnabled(m_minutes->count() > 0);
}

qint64 CommitteePage::recordMinutes()
{
    QList<CommitteeDecision> decisions;
    for (int r = 0; r < m_agenda->rowCount(); ++r)
        if (const QTableWidgetItem *d = m_agenda->item(r, ColDecision); d && !d->text().trimmed().isEmpty())
            decisions.append({m_agenda->item(r, ColCredit)->text(), d->text()});
    QString error;
    const auto minutes = CommitteeService(m_db, m_session, PermissionTable::defaults(), m_clock)
                             .record(static_cast<Committee>(m_committee->currentData().toInt()), m_branch,
                                     m_heldOn->date(), m_cutOff, m_attendees->text(), m_notes->text(), decisions, &error);
    if (!minutes) {
        m_status->setText(tr("No se registró el acta: %1").arg(error));
        return 0;
    }
    m_attendees->clear();
    m_notes->clear();
    reload();
    m_status->setText(tr("Acta %1 registrada con %2 decisiones.").arg(minutes->reference()).arg(minutes->lines.size()));
    return minutes->id;
}

void CommitteePage::saveMinutesPdf(qint64 minutesId)
{
    const auto minutes = loadMinutes(m_db, minutesId);
    if (!minutes)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Guardar el acta en PDF"),
        QDir::home().filePath(tr("acta-%1.pdf").arg(minutes->reference().toLower())), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!MinutesReport(Letterhead::fromSettings(m_db)).writePdf(path, *minutes, &error))
        QMessageBox::warning(this, tr("Acta"), error);
    else
        m_status->setText(tr("Acta %1 guardada en %2.").arg(minutes->reference(), path));
}

} // namespace cobranza
