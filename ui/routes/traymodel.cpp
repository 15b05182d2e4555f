#include "traymodel.h"

#include "datetext.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <ranges>

namespace cobranza {

namespace {

const QString &creditOf(const PortfolioLine &l) { return l.row.creditNumber; }


QString shortDate(QDate d) { return d.isValid() ? dayText(d) : QString(); }

std::optional<PortfolioSortKey> portfolioKeyOf(int column)
{
    using K = PortfolioSortKey;
    switch (column) {
    case TrayModel::Branch: return K::Branch;
    case TrayModel::Officer: return K::Officer;
    case TrayModel::Member: return K::Member;
    case TrayModel::Cedula: return K::Cedula;
    case TrayModel::Credit: return K::Credit;
    case TrayModel::Sector: return K::Sector;
    case TrayModel::DaysPastDue: return K::DaysPastDue;
    case TrayModel::Overdue: return K::Overdue;
    case TrayModel::Rating: return K::Rating;
    case TrayModel::PreviousRating: return K::PreviousRating;
    case TrayModel::Responsible: return K::Responsible;
    case TrayModel::LadderStage:
    case TrayModel::Notice: return K::LadderStage;
    default: return std::nullopt;
    }
}

std::optional<TraySortKey> trayKeyOf(int column)
{
    switch (column) {
    case TrayModel::Booked: return TraySortKey::BookedOn;
    case TrayModel::LastResult: return TraySortKey::LastResult;
    case TrayModel::Rescheduled: return TraySortKey::RescheduledTo;
    case TrayModel::Promise: return TraySortKey::PromisedOn;
    default: return std::nullopt;
    }
}

} // namespace

TrayModel::TrayModel(QObject *parent) : QAbstractTableModel(parent) {}

void TrayModel::setTray(Tray tray, PortfolioRules rules)
{
    m_tray = std::move(tray);
    m_rules = std::move(rules);
    m_ticked.keepOnly(m_tray.lines | std::views::transform(creditOf));
    refresh();
    emit tickedChanged(tickedCount());
}

void TrayModel::setFilter(const TrayFilter &filter)
{
    m_filter = filter;
    refresh();
}

void TrayModel::refresh()
{
    beginResetModel();
    if (const auto trayKey = trayKeyOf(m_sortColumn))
        m_visible = selectTray(m_tray, m_filter, *trayKey, m_descending);
    else
        m_visible = selectTray(m_tray, m_filter, portfolioKeyOf(m_sortColumn), m_descending);
    endResetModel();
}

const PortfolioLine *TrayModel::lineAt(int row) const
{
    if (row < 0 || row >= visibleCount())
        return nullptr;
    return &m_tray.lines[static_cast<size_t>(m_visible[static_cast<size_t>(row)])];
}

const TrayStatus *TrayModel::statusAt(int row) const
{
    if (row < 0 || row >= visibleCount())
        return nullptr;
    return &m_tray.status[static_cast<size_t>(m_visible[static_cast<size_t>(row)])];
}

QStringList TrayModel::ticked() const
{
    const auto lineCredit = [this](int i) -> const QString & { return m_tray.lines[static_cast<size_t>(i)].row.creditNumber; };
    return m_ticked.ordered(m_visible | std::views::transform(lineCredit), m_tray.lines | std::views::transform(creditOf));
}

void TrayModel::setTicked(int row, bool on)
{
    const PortfolioLine *l = lineAt(row);
    if (!l)
        return;
    m_ticked.set(l->row.creditNumber, on);
    emit dataChanged(index(row, Tick), index(row, Tick), {Qt::CheckStateRole});
    emit tickedChanged(tickedCount());
}

void TrayModel::tickAllVisible()
{
    for (int i : m_visible)
        m_ticked.set(m_tray.lines[static_cast<size_t>(i)].row.creditNumber, true);
    if (!m_visible.empty())
        emit dataChanged(index(0, Tick), index(visibleCount() - 1, Tick), {Qt::CheckStateRole});
    emit tickedChanged(tickedCount());
}

void TrayModel::clearTicks()
{
    m_ticked.clear();
    if (!m_visible.empty())
        emit dataChanged(index(0, Tick), index(visibleCount() - 1, Tick), {Qt::CheckStateRole});
    emit tickedChanged(0);
}

int TrayModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : visibleCount(); }
int TrayModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

const cobranza::LadderStage *TrayModel::stageOf(const PortfolioLine &l) const
{
    const QList<cobranza::LadderStage> &stages = m_rules.ladder.stages();
    return l.ladderStage >= 0 && l.ladderStage < stages.size() ? &stages[l.ladderStage] : nullptr;
}

QVariant TrayModel::display(int row, int column) const
{
    const PortfolioLine &l = *lineAt(row);
    const TrayStatus &s = *statusAt(row);
    const SnapshotRow &r = l.row;
    switch (column) {
    case Branch: return r.branchCode;
    case Officer: return r.officer;
    case Member: return l.fullName;
    case Cedula: return l.cedula;
    case Credit: return r.creditNumber;
    case Sector: return r.sector;
    case DaysPastDue: return r.daysPastDue;
    case Overdue: return r.overdue.toDisplayString();
    case Rating: return ratingCode(r.rating);
    case PreviousRating: return r.previousRating ? ratingCode(*r.previousRating) : QString();
    case Responsible: return roleLabel(l.responsible);
    case Booked: return s.bookedOn.isValid() ? tr("%1 · %2").arg(shortDate(s.bookedOn), s.bookedTo) : QString();
    case LastResult:
        return s.lastResult ? tr("%1 · %2").arg(visitStateLabel(*s.lastResult), shortDate(s.lastResultOn)) : QString();
    case Rescheduled: return shortDate(s.rescheduledTo);
    case LadderStage: return stageOf(l) ? CollectionsLadder::rangeLabel(*stageOf(l)) : QString();
    case Notice: return stageOf(l) && stageOf(l)->notice ? noticeTypeCode(*stageOf(l)->notice) : QString();
    case Promise:
        if (s.promisedOn.isValid())
            return shortDate(s.promisedOn);
        return s.brokenPromiseOn.isValid() ? tr("Incumplida %1").arg(shortDate(s.brokenPromiseOn)) : QString();
    default: return {};
    }
}

QVariant TrayModel::data(const QModelIndex &index, int role) const
{
    const PortfolioLine *l = lineAt(index.row());
    if (!l)
        return {};
    switch (role) {
    case Qt::DisplayRole: return index.column() == Tick ? QVariant() : display(index.row(), index.column());
    case Qt::CheckStateRole:
        if (index.column() != Tick)
            return {};
        return m_ticked.contains(l->row.creditNumber) ? Qt::Checked : Qt::Unchecked;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case DaysPastDue: case Overdue: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Rating: case PreviousRating: case Notice: return QVariant::fromValue(Qt::AlignCenter);
        default: return {};
        }
    case Qt::ForegroundRole:
        // Reclassified credits are the planner's priority; booked ones are done for now.
        if (index.column() == Rating && l->row.reclassified())
            return QBrush(QColor(170, 20, 20));
        if (index.column() == Promise && !statusAt(index.row())->promisedOn.isValid()
            && statusAt(index.row())->brokenPromiseOn.isValid())
            return QBrush(QColor(170, 20, 20));
        if (statusAt(index.row())->bookedOn.isValid())
            return QBrush(QColor(110, 110, 110));
        return {};
    case Qt::FontRole:
        if (index.column() == Rating && l->row.reclassified()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if ((index.column() == LadderStage || index.column() == Notice) && stageOf(*l))
            return stageOf(*l)->action;
        return {};
    default: return {};
    }
}

bool TrayModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (index.column() != Tick || role != Qt::CheckStateRole || !lineAt(index.row()))
        return false;
    setTicked(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags TrayModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Tick)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant TrayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Tick: return tr("Marque los créditos a agendar (barra espaciadora)");
        case Booked: return tr("Visita ya agendada: fecha y funcionario");
        case Rescheduled: return tr("Fecha REAGENDAMIENTO de la última gestión");
        case Notice: return tr("Notificación que corresponde por los días de mora");
        case Promise: return tr("Promesa de pago pendiente, o la incumplida este mes");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Tick: return QString();
    case Branch: return tr("Sucursal");
    case Officer: return tr("Oficial de crédito");
    case Member: return tr("Socio");
    case Cedula: return tr("Cédula");
    case Credit: return tr("Crédito");
    case Sector: return tr("Sector");
    case DaysPastDue: return tr("Días mora");
    case Overdue: return tr("Valor vencido");
    case Rating: return tr("Calif.");
    case PreviousRating: return tr("Calif. ant.");
    case Responsible: return tr("Responsable");
    case Booked: return tr("Agendado");
    case LastResult: return tr("Última gestión");
    case Rescheduled: return tr("Fecha reagend.");
    case LadderStage: return tr("Etapa");
    case Notice: return tr("Notificación");
    case Promise: return tr("Promesa de pago");
    default: return {};
    }
}

void TrayModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column == Tick ? -1 : column;
    m_descending = order == Qt::DescendingOrder;
    refresh();
}

} // namespace cobranza
