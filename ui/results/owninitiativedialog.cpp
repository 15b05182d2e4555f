#include "owninitiativedialog.h"

#include "datetext.h"
#include "resultform.h"
#include "routes/routesheet.h"
#include "store/rulesstore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cobranza {

namespace {

constexpr int kShown = 50; // more than a screen of names: the user types one more word instead

} // namespace

OwnInitiativeDialog::OwnInitiativeDialog(const Database &db, Session session, const Clock &clock, QDate workDay,
                                         QWidget *parent)
    : QDialog(parent),
      m_workDay(workDay),
      m_finder(MemberFinder::newest(db, session.branchCode)),
      m_ladder(RulesStore(db).collectionsLadder()),
      m_search(new QLineEdit(this)),
      m_count(new QLabel(this)),
      m_matches(new QTableWidget(0, 5, this)),
      m_form(new ResultForm(db, session, clock, this))
{
    setObjectName(QStringLiteral("ownInitiativeDialog"));
    setWindowTitle(tr("Gestión propia del %1").arg(dayText(workDay)));
    auto *intro = new QLabel(tr("Un socio que no estaba en su agenda: búsquelo, elija el crédito con Intro y "
                                "registre lo que hizo. El crédito se añade a su día del %1 con el estado "
                                "Gestión Propia.")
                                 .arg(dayText(workDay)),
                             this);
    intro->setWordWrap(true);

    m_search->setObjectName(QStringLiteral("ownSearch"));
    m_search->setPlaceholderText(tr("N.º de socio, cédula, apellidos y nombres o N.º de crédito"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    auto *searchLabel = new QLabel(tr("&Buscar:"), this);
    searchLabel->setBuddy(m_search);
    m_count->setObjectName(QStringLiteral("ownCount"));

    m_matches->setObjectName(QStringLiteral("ownMatches"));
    m_matches->setHorizontalHeaderLabels({tr("Crédito"), tr("Socio"), tr("Cédula"), tr("N.º socio"), tr("Días mora")});
    m_matches->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matches->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matches->setTabKeyNavigation(false);
    m_matches->verticalHeader()->hide();
    m_matches->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_matches->setWordWrap(false);
    m_matches->installEventFilter(this);
    // Seven rows are enough to pick from (one more word narrows the rest); the form below needs its height.
    const int rows = 7;
    m_matches->setFixedHeight(m_matches->horizontalHeader()->sizeHint().height()
                              + rows * m_matches->verticalHeader()->defaultSectionSize() + 2 * m_matches->frameWidth());

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("Cerrar"), QDialogButtonBox::RejectRole);
    close->setAutoDefault(false);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(searchRow);
    layout->addWidget(m_matches);
    layout->addWidget(m_count);
    layout->addWidget(m_form, 1);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &OwnInitiativeDialog::search);
    connect(m_matches, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { pick(row); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &ResultForm::cancelled, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_form, &ResultForm::saved, this, [this](const ResultOutcome &o) {
        m_outcome = o;
        accept();
    });
    m_form->clearVisit(tr("Busque al socio y pulse Intro sobre su crédito."));
    m_count->setText(m_finder.lines().empty() ? tr("No hay un corte importado de su agencia.") : QString());
    resize(760, sizeHint().height());
    m_search->setFocus();
}

void OwnInitiativeDialog::search(const QString &text)
{
    m_found = m_finder.find(text, kShown + 1);
    const bool more = static_cast<int>(m_found.size()) > kShown;
    if (more)
        m_found.resize(kShown);
    m_matches->setRowCount(static_cast<int>(m_found.size()));
    for (int r = 0; r < static_cast<int>(m_found.size()); ++r) {
        const PortfolioLine &l = m_finder.lines()[static_cast<size_t>(m_found[static_cast<size_t>(r)])];
        const QStringList cells{l.row.creditNumber, l.fullName, l.cedula, l.memberNumber,
                                QString::number(l.row.daysPastDue)};
        for (int c = 0; c < cells.size(); ++c)
            m_matches->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        m_matches->item(r, 4)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (!m_found.empty())
        m_matches->setCurrentCell(0, 0);
    if (text.trimmed().isEmpty())
        m_count->clear();
    else if (m_found.empty())
        m_count->setText(tr("Sin coincidencias"));
    else if (more)
        m_count->setText(tr("Las primeras %1: escriba más").arg(kShown));
    else
        m_count->setText(m_found.size() == 1 ? tr("1 crédito") : tr("%1 créditos").arg(m_found.size()));
}

void OwnInitiativeDialog::pick(int row)
{
    if (row < 0 || row >= static_cast<int>(m_found.size()))
        return;
    const PortfolioLine &l = m_finder.lines()[static_cast<size_t>(m_found[static_cast<size_t>(row)])];
    RouteVisit v;
    v.creditNumber = l.row.creditNumber;
    v.memberNumber = l.memberNumber;
    v.cedula = l.cedula;
    v.memberName = l.fullName;
    v.sector = l.row.sector;
    v.daysPastDue = l.row.daysPastDue;
    v.overdue = l.row.overdue;
    v.balance = l.row.balance;
    v.rating = l.row.rating;
    if (const LadderStage *stage = m_ladder.stageFor(v.daysPastDue)) {
        v.action = stage->action;
        v.notice = stage->notice;
    }
    m_form->showOwnInitiative(v, m_workDay);
    m_form->focusFirstField();
}

bool OwnInitiativeDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || (watched != m_search && watched != m_matches))
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const int current = m_matches->currentRow();
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        pick(current >= 0 ? current : 0);
        return true;
    case Qt::Key_Down:
    case Qt::Key_Up:
        // The list follows the arrows while the cursor stays in the search box.
        if (watched == m_search && m_matches->rowCount() > 0) {
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            m_matches->setCurrentCell(std::clamp(current + step, 0, m_matches->rowCount() - 1), 0);
            return true;
        }
        break;
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace cobranza
