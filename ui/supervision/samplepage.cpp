#include "samplepage.h"

#include "notedialog.h"
#include "routes/routesheetstore.h"
#include "store/rulesstore.h"
#include "supervisionwidgets.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cobranza {

using supervision::gate;
using supervision::makeButton;
using supervision::makeList;

namespace {

enum Column { COrder, CPerson, CCredit, CMember, CAddress, CSector, CState, CCheck };

QString dayText(QDate d) { return d.toString(QStringLiteral("dd/MM/yyyy")); }

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
      m_info(new QLabel(this)),
      m_table(makeList({tr("N.º"), tr("Funcionario"), tr("Crédito"), tr("Socio"), tr("Dirección"), tr("Sector"),
                        tr("Resultado"), tr("Revisión")},
                       QStringLiteral("sampleTable"), this)),
      m_confirm(makeButton(tr("&Confirmada"), QStringLiteral("sampleConfirm"), this)),
      m_contradict(makeButton(tr("C&ontradice…"), QStringLiteral("sampleContradict"), this))
{
    setObjectName(QStringLiteral("samplePage"));
    m_date->setObjectName(QStringLiteral("sampleDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setDate(m_clock.today().addDays(-1));
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

    const auto labelled = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *top = new QHBoxLayout;
    top->addWidget(labelled(tr("&Fecha:"), m_date));
    top->addWidget(m_date);
    top->addSpacing(12);
    top->addWidget(labelled(tr("&Tamaño:"), m_size));
    top->addWidget(m_size);
    top->addSpacing(12);
    top->addWidget(labelled(tr("S&emilla:"), m_seed));
    top->addWidget(m_seed);
    top->addSpacing(12);
    top->addWidget(m_draw);
    top->addStretch(1);

    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int widths[] = {40, 220, 95, 220, 260, 110, 120};
    for (int c = 0; c < CCheck; ++c)
        m_table->setColumnWidth(c, widths[c]);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_contradict);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_info);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_date, &QDateEdit::dateChanged, this, [this](QDate d) {
        m_seed->setText(QString::number(defaultSeed(d)));
        clearSample();
        emit dayChanged(d);
    });
    connect(m_draw, &QPushButton::clicked, this, &SamplePage::draw);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SamplePage::updateActions);
    connect(m_confirm, &QPushButton::clicked, this, &SamplePage::confirmSelected);
    connect(m_contradict, &QPushButton::clicked, this, &SamplePage::contradictSelected);
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
    if (branchCode == m_branch)
        return;
    m_branch = branchCode;
    clearSample();
}

void SamplePage::clearSample()
{
    m_sample.reset();
    m_outcomes.clear();
    m_table->setRowCount(0);
    m_info->setText(m_branch.isEmpty()
                        ? tr("Elija una agencia para sortear la muestra de sus visitas.")
                        : tr("Sortee la muestra de las visitas con resultado del %1 en la agencia %2; luego marque "
                             "cada una al compararla con la notificación firmada y los registros en papel.")
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
    m_sample = drawn;
    m_outcomes.clear();
    showSample();
    m_table->selectRow(0); // the papers are checked in the order drawn
}

void SamplePage::showSample()
{
    m_table->setRowCount(0);
    if (!m_sample) {
        clearSample();
        return;
    }
    QHash<qint64, std::pair<QString, RouteVisit>> visits;
    for (const RouteSheet &sheet :
         RouteSheetStore(m_db, RulesStore(m_db).collectionsLadder()).agenda(m_sample->day, m_sample->branchCode))
        for (const RouteVisit &v : sheet.visits)
            visits.insert(v.bookingId, {sheet.person.fullName, v});
    int order = 0;
    for (qint64 id : m_sample->bookingIds) {
        const auto it = visits.constFind(id);
        const RouteVisit v = it != visits.cend() ? it->second : RouteVisit{};
        const QString address = v.homeAddress.isEmpty() ? v.businessAddress : v.homeAddress;
        const QString outcome = m_outcomes.value(id, tr("Pendiente"));
        const QStringList cells{QString::number(++order), it != visits.cend() ? it->first : QString(), v.creditNumber,
                                v.memberName, address.simplified(), v.sector,
                                v.state ? visitStateLabel(*v.state) : QString(), outcome};
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            item->setData(Qt::UserRole, id);
            m_table->setItem(r, c, item);
        }
        if (outcome.startsWith(tr("Contradice"))) {
            m_table->item(r, CCheck)->setForeground(QColor(0xa0, 0x10, 0x10));
            QFont bold = m_table->item(r, CCheck)->font();
            bold.setBold(true);
            m_table->item(r, CCheck)->setFont(bold);
        }
    }
    QString drawn = tr("Muestra N.º %1 del %2, agencia %3, semilla %4: %5 visitas.")
                        .arg(m_sample->id)
                        .arg(dayText(m_sample->day), m_sample->branchCode)
                        .arg(m_sample->seed)
                        .arg(m_sample->bookingIds.size());
    if (m_sample->bookingIds.size() < m_size->value())
        drawn += tr(" Se pidieron %1; el día no tenía más visitas con resultado.").arg(m_size->value());
    m_info->setText(drawn + tr(" Queda registrada con su semilla: la misma fecha, agencia y semilla sortean las "
                               "mismas visitas."));
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
    if (!VerificationService(m_db, m_session, PermissionTable::defaults(), m_clock)
             .recordCheck(m_sample->id, booking, confirmed, note, error))
        return false;
    m_outcomes.insert(booking, confirmed ? tr("Confirmada") : tr("Contradice: %1").arg(note));
    return true;
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
    showSample();
    m_table->selectRow(std::min(row + 1, m_table->rowCount() - 1)); // on to the next paper
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
        showSample();
        m_table->selectRow(row);
        emit errorsChanged();
    }
}

} // namespace cobranza
