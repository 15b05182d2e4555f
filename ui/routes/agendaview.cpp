#include "agendaview.h"

#include "datetext.h"
#include "agendabar.h"
#include "results/owninitiativedialog.h"
#include "results/resultform.h"
#include "results/resultservice.h"
#include "results/statedelegate.h"
#include "routemapwidget.h"
#include "routes/approvalservice.h"
#include "routes/bookingrules.h"
#include "routes/bookingservice.h"
#include "routes/routeplanner.h"
#include "routes/routesheetstore.h"
#include "routesheetprinting.h"
#include "routevisitmodel.h"
#include "sentence.h"
#include "store/rulesstore.h"
#include "unbookdialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

namespace cobranza {

namespace {


std::optional<GeoPoint> branchOrigin(const Branch &b)
{
    if (b.latitude && b.longitude)
        return GeoPoint{*b.latitude, *b.longitude};
    return std::nullopt;
}

std::vector<RouteStop> routeStops(const RouteSheet &sheet)
{
    std::vector<RouteStop> stops;
    for (const RouteVisit &v : sheet.visits)
        stops.push_back({v.sector, v.location});
    return stops;
}

// The name as a map label: first surname and first given name ("CHAMORRO ANDREA"), the way
// staff call members; the full name is in the table beside it.
QString shortName(const QString &fullName)
{
    const QStringList words = fullName.split(u' ', Qt::SkipEmptyParts);
    if (words.size() >= 4)
        return words.at(0) + u' ' + words.at(2);
    return words.mid(0, 2).join(u' ');
}

QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    return b;
}

} // namespace

AgendaView::AgendaView(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_permissions(PermissionTable::defaults()),
      m_windows(RulesStore(db).timeWindows()),
      m_seesBranch(seesBranchAgenda(m_permissions, m_session.role)),
      m_bar(new AgendaBar(db, m_session, clock, m_seesBranch, this)),
      m_model(new RouteVisitModel(this)),
      m_table(new QTableView(this)),
      m_map(new RouteMapWidget(this)),
      m_form(new ResultForm(db, m_session, clock, this)),
      m_side(new QTabWidget(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_summary(new QLabel(this)),
      m_notice(new QLabel(this)),
      m_approval(new QLabel(this)),
      m_up(makeButton(tr("&Subir"), QStringLiteral("moveUp"), this)),
      m_down(makeButton(tr("&Bajar"), QStringLiteral("moveDown"), this)),
      m_optimize(makeButton(tr("&Optimizar ruta"), QStringLiteral("optimizeRoute"), this)),
      m_unbook(makeButton(tr("&Desagendar…"), QStringLiteral("unbook"), this)),
      m_ownInitiative(makeButton(tr("Gestión &propia…"), QStringLiteral("ownInitiative"), this)),
      m_approve(makeButton(tr("Dar vis&to bueno"), QStringLiteral("approve"), this)),
      m_preview(makeButton(tr("Vista p&revia…"), QStringLiteral("preview"), this)),
      m_print(makeButton(tr("&Imprimir…"), QStringLiteral("print"), this)),
      m_pdf(makeButton(tr("&Guardar PDF…"), QStringLiteral("savePdf"), this))
{
    setObjectName(QStringLiteral("agendaView"));

    // The visits in route order; rows move by dragging or with Ctrl+↑ / Ctrl+↓.
    m_table->setObjectName(QStringLiteral("agendaTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setDragEnabled(true);
    m_table->setAcceptDrops(true);
    m_table->setDragDropMode(QAbstractItemView::InternalMove);
    m_table->setDragDropOverwriteMode(false);
    m_table->setDefaultDropAction(Qt::MoveAction);
    m_table->setDropIndicatorShown(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->installEventFilter(this);
    // On the own sheet the Estado cell is typed like the form's ESTADO; the table opens it itself.
    m_table->setItemDelegateForColumn(RouteVisitModel::State, new StateDelegate(this));

    m_notice->setObjectName(QStringLiteral("agendaNotice"));
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_up);
    tableButtons->addWidget(m_down);
    tableButtons->addWidget(m_optimize);
    tableButtons->addSpacing(8);
    tableButtons->addWidget(m_notice, 1);
    tableButtons->addWidget(m_ownInitiative);
    tableButtons->addWidget(m_unbook);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(tableButtons);

    m_map->setObjectName(QStringLiteral("agendaMap"));
    m_summary->setObjectName(QStringLiteral("agendaSummary"));
    m_summary->setWordWrap(true);
    // The result form beside the map rather than under the table: at 1280x800 a day's dozen visits
    // stay in sight while their results are typed.
    m_side->setObjectName(QStringLiteral("agendaSide"));
    m_side->setDocumentMode(true);
    m_side->addTab(m_form, tr("Resultado"));
    m_side->addTab(m_map, tr("Mapa"));
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_side, 1);
    rightLayout->addWidget(m_summary);

    m_splitter->setObjectName(QStringLiteral("agendaSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setChildrenCollapsible(false);
    // The map is roughly square; the table takes the rest and any extra width.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({880, 380});

    // Bottom bar: the visto bueno and the printing.
    m_approval->setObjectName(QStringLiteral("approvalStatus"));
    m_approval->setTextFormat(Qt::RichText);
    m_preview->setToolTip(tr("La hoja de ruta como se imprime, en A4 horizontal"));
    m_pdf->setToolTip(tr("Guarda la hoja de ruta en un archivo PDF"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_approval, 1);
    bottom->addWidget(m_approve);
    bottom->addSpacing(16);
    bottom->addWidget(m_preview);
    bottom->addWidget(m_print);
    bottom->addWidget(m_pdf);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(bottom);
    setFocusProxy(m_table); // showing the area puts the keys where Ctrl+↑ / Ctrl+↓ move visits

    connect(m_bar, &AgendaBar::choiceChanged, this, &AgendaView::loadSheet);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_map->setHighlighted(current.isValid() ? current.row() : -1);
                updateActions();
                // The form follows the selection, but never drops what the user typed and did not save.
                if (m_entersResults && !m_form->isDirty())
                    showSelectedInForm();
            });
    connect(m_map, &RouteMapWidget::stopClicked, this, [this](int index) {
        m_table->selectRow(index);
        m_table->scrollTo(m_model->index(index, 0));
    });
    // Double click opens the credit; Enter is read in eventFilter (the form on the own sheet).
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const RouteVisit *v = m_model->visitAt(index.row()))
            emit creditActivated(v->creditNumber);
    });
    connect(m_model, &RouteVisitModel::stateEdited, this, &AgendaView::saveStateFromGrid, Qt::QueuedConnection);
    connect(m_form, &ResultForm::saved, this, &AgendaView::resultStored);
    connect(m_form, &ResultForm::cancelled, this, [this] { m_table->setFocus(); });
    // Queued: the drop has finished before a question about the visto bueno may open.
    connect(m_model, &RouteVisitModel::orderRequested, this,
            [this](const QList<qint64> &ids, qint64 moved) { applyOrder(ids, moved); }, Qt::QueuedConnection);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_optimize, &QPushButton::clicked, this, &AgendaView::optimizeRoute);
    connect(m_unbook, &QPushButton::clicked, this, &AgendaView::unbookSelected);
    connect(m_approve, &QPushButton::clicked, this, &AgendaView::approve);
    connect(m_preview, &QPushButton::clicked, this, &AgendaView::previewSheet);
    connect(m_print, &QPushButton::clicked, this, &AgendaView::printSheet);
    connect(m_pdf, &QPushButton::clicked, this, &AgendaView::savePdf);
    const bool entersOwnResults = !refusal(m_permissions, m_session, Permission::EnterOwnResults);
    m_ownInitiative->setVisible(entersOwnResults);
    if (entersOwnResults) {
        m_ownInitiative->setToolTip(tr("Registra el trabajo con un socio que no estaba en su agenda (Ctrl+G)"));
        connect(m_ownInitiative, &QPushButton::clicked, this, &AgendaView::openOwnInitiative);
        auto *ownKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_G), this);
        connect(ownKey, &QShortcut::activated, this, &AgendaView::openOwnInitiative);
    }
    loadSheet();
}

qint64 AgendaView::currentWorkerId() const
{
    return m_bar->workerId();
}

QDate AgendaView::currentDate() const
{
    return m_bar->date();
}

QComboBox *AgendaView::personChooser() const
{
    return m_bar->personChooser();
}

QDateEdit *AgendaView::dateEdit() const
{
    return m_bar->dateEdit();
}

const RouteSheet &AgendaView::sheet() const
{
    return m_model->sheet();
}

qint64 AgendaView::selectedBookingId() const
{
    const QModelIndex current = m_table->currentIndex();
    const RouteVisit *v = current.isValid() ? m_model->visitAt(current.row()) : nullptr;
    return v ? v->bookingId : 0;
}

void AgendaView::showSheet(qint64 workerId, QDate date)
{
    m_bar->select(workerId, date);
}

void AgendaView::reload()
{
    m_windows = RulesStore(m_db).timeWindows();
    m_bar->setTimeWindows(m_windows);
    m_bar->refresh();
    loadSheet();
}

void AgendaView::loadSheet()
{
    const qint64 keep = selectedBookingId();
    const qint64 workerId = currentWorkerId();
    const bool sameSheet = workerId == sheet().person.id && currentDate() == sheet().visitDate;
    std::optional<RouteSheet> loaded;
    if (workerId != 0)
        loaded = RouteSheetStore(m_db, RulesStore(m_db).collectionsLadder()).load(workerId, currentDate());
    if (!loaded) {
        loaded = RouteSheet{};
        loaded->visitDate = currentDate();
    }
    if (!sameSheet)
        setNotice({});
    const bool sizeColumns = !m_columnsSized && !loaded->visits.isEmpty();
    m_model->setSheet(std::move(*loaded));
    if (sizeColumns) {
        m_columnsSized = true;
        // Sized to the first sheet with visits, then left as the user makes them; the long texts are
        // capped so that days, amount and rating stay in sight beside the map.
        m_table->resizeColumnsToContents();
        const int chars = m_table->fontMetrics().averageCharWidth();
        const std::pair<int, int> caps[] = {{RouteVisitModel::Member, 27}, {RouteVisitModel::Sector, 20},
                                            {RouteVisitModel::Address, 26}, {RouteVisitModel::Action, 34},
                                            {RouteVisitModel::Phones, 24}};
        for (const auto &[column, width] : caps)
            m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), width * chars + 12));
    }
    updateMap();
    updateSummary();
    if (sameSheet && keep != 0)
        selectBooking(keep);
    updateResultsPane();
    updateActions();
}

void AgendaView::updateResultsPane()
{
    const RouteSheet &s = sheet();
    // Core says who enters results: the visits' own worker, with the permission; the form is where he does.
    const bool own = s.person.id != 0 && s.person.id == m_session.staffId
                     && !refusal(m_permissions, m_session, Permission::EnterOwnResults);
    m_model->setStateEditable(own);
    if (own != m_entersResults) {
        m_entersResults = own;
        m_side->setTabVisible(m_side->indexOf(m_form), own);
        m_side->tabBar()->setVisible(own);
        m_side->setCurrentWidget(own ? static_cast<QWidget *>(m_form) : m_map);
        // Estado beside Socio while results are typed: the narrower table would scroll it away.
        QHeaderView *header = m_table->horizontalHeader();
        header->moveSection(header->visualIndex(RouteVisitModel::State),
                            own ? RouteVisitModel::Member + 1 : RouteVisitModel::State);
        // The form needs more width than the map: the table gives some up while it is shown.
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int side = own ? 470 : 380;
        if (total > side)
            m_splitter->setSizes({total - side, side});
    }
    if (!own)
        return;
    if (s.visits.isEmpty()) {
        m_form->clearVisit(tr("Sin visitas el %1. Un socio atendido fuera de la agenda se registra con "
                              "«Gestión propia…» (Ctrl+G).")
                               .arg(dayText(s.visitDate)));
        return;
    }
    // A typed, unsaved result stays while its visit is still on the sheet.
    if (m_form->isDirty() && m_model->rowOfBooking(m_form->bookingId()) >= 0)
        return;
    if (!m_table->currentIndex().isValid() || m_model->rowOfBooking(m_form->bookingId()) < 0) {
        // The first visit still without a result: where the day's entry goes on.
        int row = 0;
        while (row < m_model->rowCount() && m_model->visitAt(row)->state)
            ++row;
        selectBooking(m_model->visitAt(row < m_model->rowCount() ? row : 0)->bookingId);
    }
    showSelectedInForm();
}

void AgendaView::showSelectedInForm()
{
    const QModelIndex current = m_table->currentIndex();
    if (const RouteVisit *v = current.isValid() ? m_model->visitAt(current.row()) : nullptr)
        m_form->showVisit(*v, sheet());
}

void AgendaView::editSelectedResult()
{
    const QModelIndex current = m_table->currentIndex();
    if (!m_entersResults || !current.isValid())
        return;
    m_table->selectRow(current.row());
    showSelectedInForm();
    m_side->setCurrentWidget(m_form);
    m_form->focusFirstField();
}

void AgendaView::resultStored(const ResultOutcome &outcome)
{
    const QString summary = m_form->statusText();
    const ResultForm::Tone tone = outcome.late ? ResultForm::Tone::Warning : ResultForm::Tone::Ok;
    reload();
    // On to the next visit, so that a day's results go in one after another.
    const int row = m_model->rowOfBooking(outcome.bookingId);
    const bool last = row < 0 || row + 1 >= m_model->rowCount();
    if (const RouteVisit *next = m_model->visitAt(last ? row : row + 1)) {
        selectBooking(next->bookingId);
        m_form->showVisit(*next, sheet());
    }
    m_form->setStatus(last ? tr("%1 Era la última visita del día.").arg(summary) : summary, tone);
    if (m_fromGrid)
        m_table->setFocus();
    else
        m_form->focusFirstField();
    if (outcome.rescheduledBookingId != 0)
        emit sheetChanged(); // a visit was booked on the new date
    emit resultSaved(outcome.bookingId);
}

void AgendaView::saveStateFromGrid(qint64 bookingId, const QString &stateCode)
{
    const std::optional<VisitState> state = parseVisitState(stateCode);
    const RouteVisit *v = m_model->visitAt(m_model->rowOfBooking(bookingId));
    if (!m_entersResults || !state || !v)
        return;
    // Only the state changes: the rest of the result, if any, stays as stored. A refusal leaves the
    // visit in the form with the reason at its field, ready to complete.
    m_form->showVisit(*v, sheet());
    m_form->setState(*state);
    m_fromGrid = true;
    if (!m_form->save())
        m_side->setCurrentWidget(m_form);
    m_fromGrid = false;
}

bool AgendaView::editStateInGrid(QKeyEvent *key)
{
    const QString text = key->text();
    const Qt::KeyboardModifiers mods = key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    const QModelIndex current = m_table->currentIndex();
    if (!m_model->isStateEditable() || mods != Qt::NoModifier || text.size() != 1 || !current.isValid())
        return false;
    const QChar c = text.at(0);
    const QModelIndex cell = m_model->index(current.row(), RouteVisitModel::State);
    if ((!c.isLetter() && !(c.isDigit() && c != u'0')) || m_table->indexWidget(cell))
        return false;
    m_table->setCurrentIndex(cell);
    m_table->edit(cell);
    QWidget *editor = m_table->indexWidget(cell);
    if (!editor)
        return false;
    QCoreApplication::sendEvent(editor, key); // the key that opened it chooses, as in the form
    return true;
}

void AgendaView::openOwnInitiative()
{
    if (refusal(m_permissions, m_session, Permission::EnterOwnResults))
        return;
    const QDate day = currentDate();
    OwnInitiativeDialog dialog(m_db, m_session, m_clock, day, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ResultOutcome outcome = dialog.outcome();
    if (currentWorkerId() != m_session.staffId)
        showSheet(m_session.staffId, day);
    reload();
    selectBooking(outcome.bookingId);
    m_side->setCurrentWidget(m_form);
    m_form->setStatus(asSentence(outcome.summary), outcome.late ? ResultForm::Tone::Warning : ResultForm::Tone::Ok);
    m_table->setFocus();
    emit sheetChanged(); // a visit was added to the day
    emit resultSaved(outcome.bookingId);
}

void AgendaView::updateMap()
{
    const RouteSheet &s = sheet();
    QList<MapStop> stops;
    for (const RouteVisit &v : s.visits)
        stops.append({v.order, shortName(v.memberName), v.sector, v.location});
    m_map->setRoute(branchOrigin(s.branch), s.branch.name, stops);
    const QModelIndex current = m_table->currentIndex();
    m_map->setHighlighted(current.isValid() ? current.row() : -1);
}

void AgendaView::updateSummary()
{
    const RouteSheet &s = sheet();
    const int visits = static_cast<int>(s.visits.size());
    if (visits == 0) {
        m_summary->setText(s.person.id == 0 ? tr("Elija un funcionario.")
                                            : tr("Sin visitas agendadas para el %1.").arg(dayText(s.visitDate)));
        return;
    }
    const QLocale locale;
    const int crossings = m_map->zoneCrossings();
    QStringList parts;
    parts << (visits == 1 ? tr("1 visita") : tr("%1 visitas").arg(visits));
    parts << tr("%1 km").arg(locale.toString(m_map->totalKm(), 'f', 1));
    parts << (crossings == 1 ? tr("1 cruce de zona") : tr("%1 cruces de zona").arg(crossings));
    parts << tr("Valor vencido total %1").arg(s.totalOverdue().toDisplayString());
    // Lines break only between the parts: "$ 4.982,09" never loses its amount to the next line.
    for (QString &part : parts)
        part.replace(u' ', QChar::Nbsp);
    QString text = parts.join(QStringLiteral("\u00a0· "));
    const auto unlocated = std::count_if(s.visits.cbegin(), s.visits.cend(),
                                         [](const RouteVisit &v) { return !v.location; });
    if (unlocated > 0)
        text += u'\n' + (unlocated == 1 ? tr("1 visita sin coordenadas no está en el mapa ni en la distancia.")
                                        : tr("%1 visitas sin coordenadas no están en el mapa ni en la distancia.")
                                              .arg(unlocated));
    m_summary->setText(text);
}

void AgendaView::updateActions()
{
    const RouteSheet &s = sheet();
    const int visits = static_cast<int>(s.visits.size());
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    const bool hasPerson = s.person.id != 0;

    // The rule the booking service applies to a reorder, asked of core: only convenience, the service
    // checks again.
    std::optional<QString> editRefusal;
    const std::optional<QString> approveRefusal = hasPerson ? approvalRefusal(m_permissions, m_session, s.person)
                                                            : std::optional<QString>(tr("elija un funcionario"));
    if (!hasPerson)
        editRefusal = tr("elija un funcionario");
    else
        editRefusal = routeChangeRefusal(m_permissions, m_session, s.person, m_windows, m_clock.now(), s.visitDate);
    m_mayEdit = !editRefusal;
    const bool mayEdit = m_mayEdit;
    m_model->setReorderEnabled(mayEdit);
    m_table->setDragEnabled(mayEdit);
    m_up->setEnabled(mayEdit && row > 0);
    m_down->setEnabled(mayEdit && row >= 0 && row < visits - 1);
    m_optimize->setEnabled(mayEdit && visits >= 2);
    m_unbook->setEnabled(mayEdit && row >= 0);
    if (editRefusal) {
        const QString why = asSentence(*editRefusal);
        for (QPushButton *b : {m_up, m_down, m_optimize, m_unbook})
            b->setToolTip(why);
    } else {
        const QString keys = tr("Ctrl+↑ / Ctrl+↓ en la tabla, o arrastrando la fila");
        m_up->setToolTip(tr("Adelanta la visita seleccionada en la ruta (%1)").arg(keys));
        m_down->setToolTip(tr("Atrasa la visita seleccionada en la ruta (%1)").arg(keys));
        m_optimize->setToolTip(tr("Ordena las visitas por sector y por distancia desde la agencia, sin cruzar zonas"));
        m_unbook->setToolTip(tr("Quita la visita de la hoja de ruta indicando el motivo"));
    }

    if (s.approved()) {
        m_approval->setText(tr("<span style='color:#1b5e20'>✓ Visto bueno: aprobada por %1 el %2</span>")
                                .arg(s.approvedBy.toHtmlEscaped(),
                                     s.approvedAt.toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
    } else if (visits > 0) {
        m_approval->setText(tr("<b style='color:#9a4f00'>Pendiente de visto bueno</b>"));
    } else {
        m_approval->setText(hasPerson ? tr("Sin visitas: no hay hoja de ruta que aprobar.") : QString());
    }
    m_approve->setEnabled(!approveRefusal && visits > 0 && !s.approved());
    if (approveRefusal)
        m_approve->setToolTip(asSentence(*approveRefusal));
    else if (visits == 0)
        m_approve->setToolTip(tr("La hoja de ruta no tiene visitas: no hay nada que aprobar."));
    else if (s.approved())
        m_approve->setToolTip(tr("La hoja de ruta ya tiene visto bueno. Un cambio en ella lo quita."));
    else
        m_approve->setToolTip(tr("Aprueba la hoja de ruta de %1 del %2: zonas sin cruzar y un orden de visitas "
                                 "sensato")
                                  .arg(s.person.fullName, dayText(s.visitDate)));
    for (QPushButton *b : {m_preview, m_print, m_pdf})
        b->setEnabled(visits > 0);
}

void AgendaView::selectBooking(qint64 bookingId)
{
    const int row = m_model->rowOfBooking(bookingId);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

void AgendaView::setNotice(const QString &text)
{
    m_notice->setText(text);
}

void AgendaView::showRefusal(const QString &title, const QString &reason)
{
    QMessageBox::warning(this, title, asSentence(reason));
}

bool AgendaView::confirmLosingApproval()
{
    return QMessageBox::question(this, tr("Hoja de ruta aprobada"),
                                 tr("La hoja de ruta ya tiene visto bueno. Si la cambia, necesitará aprobarse otra "
                                    "vez. ¿Continuar?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

bool AgendaView::applyOrder(const QList<qint64> &bookingIds, qint64 focusBookingId)
{
    if (bookingIds == m_model->bookingIds())
        return false;
    if (sheet().approved() && !confirmLosingApproval())
        return false;
    const BookingService service(m_db, m_session, m_permissions, RulesStore(m_db).ratingRoles(), m_windows, m_clock);
    QString error;
    const bool ok = service.reorder(sheet().person.id, sheet().visitDate, bookingIds, &error);
    if (!ok)
        showRefusal(tr("Ordenar la ruta"), error);
    reload(); // refused too: the sheet may have changed under us
    if (ok) {
        selectBooking(focusBookingId);
        emit sheetChanged();
    }
    return ok;
}

void AgendaView::moveSelected(int delta)
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    const RouteVisit *v = m_model->visitAt(row);
    const int to = row + delta;
    if (!m_mayEdit || !v || to < 0 || to >= m_model->rowCount())
        return;
    QList<qint64> ids = m_model->bookingIds();
    ids.move(row, to);
    applyOrder(ids, v->bookingId);
}

void AgendaView::optimizeRoute()
{
    const RouteSheet &s = sheet();
    if (s.visits.size() < 2)
        return;
    const std::vector<RouteStop> stops = routeStops(s);
    const std::optional<GeoPoint> origin = branchOrigin(s.branch);
    std::vector<int> current(stops.size());
    std::iota(current.begin(), current.end(), 0);
    const std::vector<int> plan = planRoute(stops, origin);
    const QLocale locale;
    const QString kmBefore = locale.toString(routeDistanceKm(stops, current, origin), 'f', 1);
    const QString kmAfter = locale.toString(routeDistanceKm(stops, plan, origin), 'f', 1);
    const int crossingsBefore = zoneCrossings(stops, current);
    const int crossingsAfter = zoneCrossings(stops, plan);
    QList<qint64> ids;
    for (int i : plan)
        ids.append(s.visits.at(i).bookingId);
    if (ids == m_model->bookingIds()) {
        setNotice(tr("La ruta ya está en el orden sugerido: %1 km, %2 cruces de zona.").arg(kmAfter).arg(crossingsAfter));
        return;
    }
    if (applyOrder(ids, selectedBookingId()))
        setNotice(tr("Ruta optimizada: %1 → %2 km · cruces de zona %3 → %4.")
                      .arg(kmBefore, kmAfter)
                      .arg(crossingsBefore)
                      .arg(crossingsAfter));
}

void AgendaView::unbookSelected()
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    const RouteVisit *selected = m_model->visitAt(row);
    if (!selected)
        return;
    const RouteVisit visit = *selected; // the model may reload while the dialog is open
    if (sheet().approved() && !confirmLosingApproval())
        return;
    const BookingService service(m_db, m_session, m_permissions, RulesStore(m_db).ratingRoles(), m_windows, m_clock);
    UnbookDialog dialog(
        visit, sheet().person.fullName, sheet().visitDate,
        [&service, id = visit.bookingId](const QString &reason, QString *error) {
            return service.unbook(id, reason, error);
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    if (m_model->rowCount() > 0) // the visit that took its place, so the next one is a key away
        selectBooking(m_model->visitAt(std::min(row, m_model->rowCount() - 1))->bookingId);
    setNotice(tr("Visita a %1 desagendada.").arg(visit.memberName));
    emit sheetChanged();
}

void AgendaView::approve()
{
    const ApprovalService service(m_db, m_session, m_permissions, m_clock);
    QString error;
    const bool ok = service.approve(sheet().person.id, sheet().visitDate, &error);
    if (!ok)
        showRefusal(tr("Visto bueno"), error);
    reload();
    if (ok)
        emit sheetChanged();
}

void AgendaView::previewSheet()
{
    if (!sheet().visits.isEmpty())
        RouteSheetPrinting(m_db, sheet(), m_clock.now()).preview(this);
}

void AgendaView::printSheet()
{
    if (!sheet().visits.isEmpty())
        RouteSheetPrinting(m_db, sheet(), m_clock.now()).print(this);
}

void AgendaView::savePdf()
{
    if (sheet().visits.isEmpty())
        return;
    if (const QString path = RouteSheetPrinting(m_db, sheet(), m_clock.now()).savePdfAs(this); !path.isEmpty())
        setNotice(tr("PDF guardado en %1").arg(QDir::toNativeSeparators(path)));
}

bool AgendaView::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+↑ / Ctrl+↓ move the visit; without Ctrl the arrows keep moving the selection.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        if (mods == Qt::ControlModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveSelected(key->key() == Qt::Key_Up ? -1 : +1);
            return true;
        }
        // Enter opens the visit's result where the user enters results, else the credit's file, which
        // Ctrl+Enter always opens. An Enter that the open Estado editor passed on has done its work.
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        const QModelIndex current = m_table->currentIndex();
        if (enter && current.isValid() && m_table->indexWidget(m_model->index(current.row(), RouteVisitModel::State)))
            return false;
        if ((enter && mods == Qt::NoModifier && m_entersResults) || (key->key() == Qt::Key_F2 && mods == Qt::NoModifier)) {
            editSelectedResult();
            return true;
        }
        if (enter && (mods == Qt::NoModifier || mods == Qt::ControlModifier)) {
            if (const RouteVisit *v = m_model->visitAt(m_table->currentIndex().row()))
                emit creditActivated(v->creditNumber);
            return true;
        }
        if (editStateInGrid(key))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cobranza
