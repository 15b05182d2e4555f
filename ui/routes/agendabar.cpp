#include "agendabar.h"

#include "permissions.h"
#include "routes/routesheetstore.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace cobranza {

namespace {

QString hourText(QTime t) { return t.toString(QStringLiteral("HH:mm")); }

// "PINEDA VACA ANA — 12 visitas — ✓ aprobada": who, how many visits, and whether approved.
QString personText(const QString &name, const RouteSheet *sheet)
{
    const auto tr = [](const char *s) { return AgendaBar::tr(s); };
    const int visits = sheet ? static_cast<int>(sheet->visits.size()) : 0;
    if (visits == 0)
        return tr("%1 — sin visitas").arg(name);
    const QString counted = visits == 1 ? tr("%1 — 1 visita").arg(name) : tr("%1 — %2 visitas").arg(name).arg(visits);
    return sheet->approved() ? tr("%1 — ✓ aprobada").arg(counted) : tr("%1 — pendiente").arg(counted);
}

} // namespace

AgendaBar::AgendaBar(const Database &db, Session session, const Clock &clock, bool seesBranch, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_seesBranch(seesBranch),
      m_windows(RulesStore(db).timeWindows()),
      m_date(new QDateEdit(this)),
      m_person(new QComboBox(this)),
      m_printWindow(new QLabel(this))
{
    m_date->setObjectName(QStringLiteral("agendaDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setDate(m_clock.today());
    auto *dateLabel = new QLabel(tr("&Fecha:"), this);
    dateLabel->setBuddy(m_date);
    auto *today = new QPushButton(tr("&Hoy"), this);
    auto *tomorrow = new QPushButton(tr("&Mañana"), this);
    today->setAutoDefault(false);
    tomorrow->setAutoDefault(false);
    today->setToolTip(tr("La agenda de hoy, para imprimir la hoja de ruta"));
    tomorrow->setToolTip(tr("La agenda del día siguiente, para planificarla"));
    m_person->setObjectName(QStringLiteral("agendaPerson"));
    // Grows with the window (stretch 1); its minimum keeps the main window within a 1366-pixel screen.
    m_person->setMinimumContentsLength(36);
    m_person->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    if (!m_seesBranch)
        m_person->setToolTip(tr("Su cargo ve solo su propia hoja de ruta."));
    auto *personLabel = new QLabel(tr("Funcio&nario:"), this);
    personLabel->setBuddy(m_person);
    m_printWindow->setObjectName(QStringLiteral("printWindow"));
    m_printWindow->setContentsMargins(6, 2, 6, 2);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dateLabel);
    layout->addWidget(m_date);
    layout->addWidget(today);
    layout->addWidget(tomorrow);
    layout->addSpacing(16);
    layout->addWidget(personLabel);
    layout->addWidget(m_person, 1);
    layout->addSpacing(16);
    layout->addWidget(m_printWindow);

    connect(today, &QPushButton::clicked, this, [this] { m_date->setDate(m_clock.today()); });
    connect(tomorrow, &QPushButton::clicked, this, [this] { m_date->setDate(m_clock.today().addDays(1)); });
    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        refresh();
        updatePrintWindow();
        emit choiceChanged();
    });
    connect(m_person, &QComboBox::currentIndexChanged, this, &AgendaBar::choiceChanged);
    // The clock moves into and out of the printing window while the area is open.
    auto *minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &AgendaBar::updatePrintWindow);
    minute->start(30 * 1000);

    refresh();
    updatePrintWindow();
}

qint64 AgendaBar::workerId() const
{
    return m_person->currentData().toLongLong();
}

QDate AgendaBar::date() const
{
    return m_date->date();
}

void AgendaBar::select(qint64 workerId, QDate date)
{
    {
        const QSignalBlocker blockDate(m_date);
        const QSignalBlocker blockPerson(m_person);
        if (date.isValid() && date != m_date->date()) {
            m_date->setDate(date);
            refresh();
            updatePrintWindow();
        }
        if (const int i = m_person->findData(workerId); i >= 0)
            m_person->setCurrentIndex(i);
    }
    emit choiceChanged();
}

void AgendaBar::setTimeWindows(const TimeWindows &windows)
{
    m_windows = windows;
    updatePrintWindow();
}

void AgendaBar::refresh()
{
    const qint64 keep = workerId();
    const RouteSheetStore store(m_db, RulesStore(m_db).collectionsLadder());
    const QString scope = branchScope(m_session);
    QList<StaffMember> people;
    if (m_seesBranch) {
        people = store.planners(scope);
    } else {
        StaffMember self;
        self.id = m_session.staffId;
        self.username = m_session.username;
        self.fullName = m_session.fullName;
        self.role = m_session.role;
        people.append(self);
    }
    const QList<RouteSheet> sheets = store.agenda(m_date->date(), scope, m_seesBranch ? 0 : m_session.staffId);
    // Head-office users see every branch: the branch code tells the people apart.
    QHash<qint64, QString> branchCodes;
    if (scope.isEmpty() && m_seesBranch)
        for (const Branch &b : DirectoryStore(m_db).branches())
            branchCodes.insert(b.id, b.code);

    const QSignalBlocker block(m_person);
    m_person->clear();
    int firstWithVisits = -1;
    bool ownHasVisits = false;
    for (const StaffMember &p : std::as_const(people)) {
        const RouteSheet *sheet = nullptr;
        for (const RouteSheet &s : sheets)
            if (s.person.id == p.id && !s.visits.isEmpty())
                sheet = &s;
        QString name = p.fullName.isEmpty() ? p.username : p.fullName;
        if (!branchCodes.isEmpty())
            name = tr("%1 · %2").arg(branchCodes.value(p.branchId), name);
        m_person->addItem(personText(name, sheet), p.id);
        m_person->setItemData(m_person->count() - 1, roleLabel(p.role), Qt::ToolTipRole);
        if (sheet && firstWithVisits < 0)
            firstWithVisits = m_person->count() - 1;
        if (sheet && p.id == m_session.staffId)
            ownHasVisits = true;
    }
    // At first the own sheet when it has visits, else the first that has (a coordinator opens on his
    // advisors'), else the own empty one.
    int index = m_person->findData(keep);
    const int own = m_person->findData(m_session.staffId);
    if (index < 0 && own >= 0 && ownHasVisits)
        index = own;
    if (index < 0)
        index = firstWithVisits >= 0 ? firstWithVisits : std::max(own, 0);
    m_person->setCurrentIndex(m_person->count() > 0 ? index : -1);
    m_person->setEnabled(m_seesBranch && m_person->count() > 1);
}

void AgendaBar::updatePrintWindow()
{
    const QDateTime now = m_clock.now();
    const QTime t = now.time();
    const bool active = m_date->date() == now.date() && t >= m_windows.printingFrom && t <= m_windows.printingUntil;
    m_printWindow->setText(tr("Impresión de la hoja de ruta: %1 a %2")
                               .arg(hourText(m_windows.printingFrom), hourText(m_windows.printingUntil)));
    m_printWindow->setToolTip(active ? tr("Es hora de imprimir la hoja de ruta de hoy.")
                                     : tr("Horario de la cooperativa para imprimir las hojas de ruta del día"));
    m_printWindow->setProperty("active", active);
    m_printWindow->setStyleSheet(active ? QStringLiteral("QLabel { background: #fff3c4; color: #6b4a00; "
                                                         "font-weight: bold; border-radius: 3px; }")
                                        : QString());
}

} // namespace cobranza
