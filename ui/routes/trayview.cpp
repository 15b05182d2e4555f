#include "trayview.h"

#include "datetext.h"
#include "permissions.h"
#include "portfolio/portfoliofilterbar.h"
#include "routes/bookingrules.h"
#include "routes/bookingservice.h"
#include "routes/routesheetstore.h"
#include "store/database.h"
#include "store/rulesstore.h"
#include "ticks.h"
#include "traymodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace cobranza {

TrayView::TrayView(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_branchScope(branchScope(m_session)),
      m_model(new TrayModel(this)),
      m_snapshots(new QComboBox(this)),
      m_filters(new PortfolioFilterBar(this)),
      m_rezagados(new QCheckBox(tr("Solo re&zagados"), this)),
      m_unbooked(new QCheckBox(tr("Solo sin a&gendar"), this)),
      m_responsible(new QComboBox(this)),
      m_table(new QTableView(this)),
      m_totals(new QLabel(this)),
      m_tickAll(new QPushButton(tr("&Marcar visibles"), this)),
      m_clearTicks(new QPushButton(tr("&Desmarcar"), this)),
      m_ticked(new QLabel(this)),
      m_staff(new QComboBox(this)),
      m_date(new QDateEdit(this)),
      m_book(new QPushButton(tr("Agendar"), this)),
      m_status(new QLabel(this))
{
    m_snapshots->setObjectName(QStringLiteral("trayCutOff"));
    m_responsible->setObjectName(QStringLiteral("trayResponsible"));
    m_table->setObjectName(QStringLiteral("trayTable"));
    m_staff->setObjectName(QStringLiteral("trayStaff"));
    m_date->setObjectName(QStringLiteral("trayDate"));
    m_book->setObjectName(QStringLiteral("trayBook"));
    m_snapshots->setMinimumContentsLength(28);
    m_rezagados->setToolTip(tr("Créditos en mora este mes que nadie agendó ni gestionó"));

    m_responsible->addItem(tr("Todos"), -1);
    for (Role r : {Role::AsesorNegocios, Role::CoordinadorAgencia, Role::OficialCobranzas})
        m_responsible->addItem(roleLabel(r), static_cast<int>(r));

    auto *top = new QHBoxLayout;
    auto *cutOffLabel = new QLabel(tr("&Corte:"), this);
    cutOffLabel->setBuddy(m_snapshots);
    auto *responsibleLabel = new QLabel(tr("&Responsable:"), this);
    responsibleLabel->setBuddy(m_responsible);
    top->addWidget(cutOffLabel);
    top->addWidget(m_snapshots);
    top->addSpacing(12);
    top->addWidget(responsibleLabel);
    top->addWidget(m_responsible);
    top->addSpacing(12);
    top->addWidget(m_rezagados);
    top->addWidget(m_unbooked);
    top->addStretch(1);

    setUpTickList(m_table, m_model, TrayModel::Tick);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);

    auto *bar = new QHBoxLayout;
    auto *staffLabel = new QLabel(tr("&Para:"), this);
    staffLabel->setBuddy(m_staff);
    auto *dateLabel = new QLabel(tr("Fec&ha de visita:"), this);
    dateLabel->setBuddy(m_date);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dddd dd/MM/yyyy"));
    const int year = m_clock.today().year();
    m_date->setDate(defaultVisitDate(RulesStore(m_db).calendar(year, year + 1), m_clock.today()));
    // Long enough for a full name; the role is in the tooltip-free tail and may be cut on small screens.
    m_staff->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_staff->setMinimumContentsLength(26);
    m_book->setToolTip(tr("Agenda los créditos marcados (Ctrl+Intro)"));
    m_tickAll->setToolTip(tr("Marca todos los créditos que muestra el filtro (Ctrl+Mayús+M)"));
    bar->addWidget(m_tickAll);
    bar->addWidget(m_clearTicks);
    bar->addWidget(m_ticked);
    bar->addSpacing(24);
    bar->addWidget(staffLabel);
    bar->addWidget(m_staff, 1); // the full name and role when there is room
    bar->addWidget(dateLabel);
    bar->addWidget(m_date);
    bar->addWidget(m_book);

    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("trayStatus"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totals);
    layout->addLayout(bar);
    layout->addWidget(m_status);

    connect(m_snapshots, &QComboBox::currentIndexChanged, this, &TrayView::reloadTray);
    connect(m_filters, &PortfolioFilterBar::filterChanged, this, &TrayView::applyFilter);
    connect(m_rezagados, &QCheckBox::toggled, this, &TrayView::applyFilter);
    connect(m_unbooked, &QCheckBox::toggled, this, &TrayView::applyFilter);
    connect(m_responsible, &QComboBox::currentIndexChanged, this, &TrayView::applyFilter);
    connect(m_staff, &QComboBox::currentIndexChanged, this, &TrayView::staffChosen);
    connect(m_tickAll, &QPushButton::clicked, m_model, &TrayModel::tickAllVisible);
    connect(m_clearTicks, &QPushButton::clicked, m_model, &TrayModel::clearTicks);
    connect(m_model, &TrayModel::tickedChanged, this, &TrayView::updateTicked);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const QLocale locale;
        m_totals->setText(tr("<b>%1</b> créditos en la bandeja de %2")
                              .arg(locale.toString(m_model->visibleCount()),
                                   locale.toString(static_cast<qlonglong>(m_model->tray().lines.size()))));
    });
    connect(m_book, &QPushButton::clicked, this, &TrayView::book);
    auto *bookKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(bookKey, &QShortcut::activated, this, &TrayView::book);
    auto *bookKeyPad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    connect(bookKeyPad, &QShortcut::activated, this, &TrayView::book);
    auto *tickAllKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this);
    connect(tickAllKey, &QShortcut::activated, m_model, &TrayModel::tickAllVisible);

    fillStaff();
    updateTicked(0);
    reloadSnapshots();
}

void TrayView::fillStaff()
{
    // Only the people this user may book for: the rules in core decide, the list just spares a refusal.
    const PermissionTable table = PermissionTable::defaults();
    const QSignalBlocker block(m_staff);
    m_staff->clear();
    QList<StaffMember> people = RouteSheetStore(m_db, {}).planners(m_branchScope);
    // Advisors first: their sheets are the ones a coordinator builds every morning.
    std::stable_sort(people.begin(), people.end(), [](const StaffMember &a, const StaffMember &b) {
        return static_cast<int>(a.role) < static_cast<int>(b.role);
    });
    for (const StaffMember &s : people)
        if (!bookingGrant(table, m_session, s).refusal)
            m_staff->addItem(tr("%1 — %2").arg(s.fullName, roleLabel(s.role)), s.id);
    const bool books = m_staff->count() > 0;
    m_staff->setEnabled(books);
    m_date->setEnabled(books);
    m_book->setEnabled(books);
    if (!books)
        m_status->setText(tr("Su cargo no agenda hojas de ruta: la bandeja es solo de consulta."));
    staffChosen();
}

void TrayView::staffChosen()
{
    // Booking for an advisor shows the advisors' ratings: the planner can widen it back to "Todos".
    const qint64 id = m_staff->currentData().toLongLong();
    for (const StaffMember &s : RouteSheetStore(m_db, {}).planners(m_branchScope))
        if (s.id == id) {
            const int i = m_responsible->findData(static_cast<int>(s.role));
            if (i >= 0 && !m_rezagados->isChecked())
                m_responsible->setCurrentIndex(i);
        }
}

void TrayView::reloadSnapshots()
{
    QDate keep = currentCutOff();
    const QList<SnapshotInfo> snapshots = listSnapshots(m_db);
    if (!keep.isValid()) {
        QList<QDate> imported;
        for (const SnapshotInfo &s : snapshots)
            imported.append(s.cutOff);
        keep = defaultTrayCutOff(m_session.role, m_clock.today(), imported);
    }
    {
        const QSignalBlocker block(m_snapshots);
        m_snapshots->clear();
        const QLocale locale;
        for (const SnapshotInfo &s : snapshots)
            m_snapshots->addItem(tr("%1 — %2 créditos").arg(dayText(s.cutOff),
                                                           locale.toString(s.creditCount)),
                                 s.cutOff);
        const int i = m_snapshots->findData(keep);
        m_snapshots->setCurrentIndex(i >= 0 ? i : 0);
    }
    reloadTray();
}

QDate TrayView::currentCutOff() const { return m_snapshots->currentData().toDate(); }

void TrayView::reloadTray()
{
    const RulesStore rules(m_db);
    const PortfolioRules portfolioRules = rules.portfolioRules();
    const QDate cutOff = currentCutOff();
    Tray tray = cutOff.isValid() ? loadTray(m_db, cutOff, portfolioRules, rules.timeWindows().dueSoonDays, m_branchScope)
                                 : Tray{};
    m_model->setTray(std::move(tray), portfolioRules);
    m_filters->setChoices(m_model->tray().lines);
    applyFilter();
    // Sized once, on the first rows there are (the header samples 200 of them); later the user's widths stay.
    if (!m_columnsSized && m_model->visibleCount() > 0) {
        m_table->resizeColumnsToContents();
        m_table->setColumnWidth(TrayModel::Tick, m_table->verticalHeader()->defaultSectionSize() + 6);
        m_columnsSized = true;
    }
}

void TrayView::applyFilter()
{
    TrayFilter f;
    f.portfolio = m_filters->filter();
    f.rezagadosOnly = m_rezagados->isChecked();
    f.unbookedOnly = m_unbooked->isChecked();
    if (const int role = m_responsible->currentData().toInt(); role >= 0)
        f.responsible = static_cast<Role>(role);
    m_model->setFilter(f);
}

void TrayView::showRezagados(bool on)
{
    m_rezagados->setChecked(on);
    if (on)
        m_responsible->setCurrentIndex(0);
}

void TrayView::updateTicked(int count)
{
    m_ticked->setText(tr("%n marcado(s)", nullptr, count));
    m_book->setText(count > 0 ? tr("Agendar %1").arg(count) : tr("Agendar"));
}

void TrayView::book()
{
    if (!m_book->isEnabled())
        return;
    const QStringList credits = m_model->ticked();
    if (credits.isEmpty()) {
        m_status->setText(tr("Marque primero los créditos a agendar (barra espaciadora o «Marcar visibles»)."));
        return;
    }
    const qint64 staffId = m_staff->currentData().toLongLong();
    const QDate day = m_date->date();
    const RulesStore rules(m_db);
    const BookResult r = BookingService(m_db, m_session, PermissionTable::defaults(), rules.ratingRoles(),
                                        rules.timeWindows(), m_clock)
                             .book(credits, staffId, day, currentCutOff());
    if (!r.ok) {
        QStringList reasons = r.reasons();
        constexpr int kShown = 15;
        const qsizetype more = reasons.size() - kShown;
        if (more > 0) {
            reasons = reasons.mid(0, kShown);
            reasons.append(tr("… y %n motivo(s) más.", nullptr, static_cast<int>(more)));
        }
        QMessageBox box(QMessageBox::Warning, tr("No se agendó"),
                        r.summary + QStringLiteral("\n\n• ") + reasons.join(QStringLiteral("\n• ")), QMessageBox::Ok,
                        this);
        box.exec();
        m_status->setText(r.summary);
        return;
    }
    m_status->setText(r.outsideWindow ? tr("%1 Fuera del horario: queda registrado en la auditoría.").arg(r.summary)
                                      : r.summary);
    m_model->clearTicks();
    reloadTray();
    emit booked(staffId, day);
}

} // namespace cobranza
