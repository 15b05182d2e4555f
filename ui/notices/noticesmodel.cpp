#include "noticesmodel.h"

#include "datetext.h"
#include "textfold.h"

#include <QBrush>
#include <QColor>
#include <algorithm>
#include <ranges>

namespace cobranza {

namespace {

const QString &creditOf(const NoticeDue &n) { return n.line.row.creditNumber; }


QString shortDate(QDate d) { return d.isValid() ? dayText(d) : QString(); }

// Orders two notices by one column; ties keep core's order (the sort is stable).
bool lessBy(int column, const NoticeDue &a, const NoticeDue &b)
{
    const SnapshotRow &x = a.line.row;
    const SnapshotRow &y = b.line.row;
    switch (column) {
    case NoticesModel::Branch: return x.branchCode < y.branchCode;
    case NoticesModel::Notice: return a.type < b.type;
    case NoticesModel::Credit: return x.creditNumber < y.creditNumber;
    case NoticesModel::Member: return a.line.nameRank < b.line.nameRank;
    case NoticesModel::Officer: return x.officer < y.officer;
    case NoticesModel::DaysPastDue: return x.daysPastDue < y.daysPastDue;
    case NoticesModel::Overdue: return x.overdue.cents() < y.overdue.cents();
    case NoticesModel::EpisodeStart: return a.episodeStart < b.episodeStart;
    case NoticesModel::Printed: return a.printedOn < b.printedOn;
    case NoticesModel::BookedTo: return a.bookedTo < b.bookedTo;
    default: return false;
    }
}

} // namespace

NoticesModel::NoticesModel(QObject *parent) : QAbstractTableModel(parent) {}

void NoticesModel::setNotices(std::vector<NoticeDue> notices)
{
    m_notices = std::move(notices);
    // A credit that left the list (delivered, or another cut-off) loses its tick.
    m_ticked.keepOnly(m_notices | std::views::transform(creditOf));
    refresh();
    emit tickedChanged(tickedCount());
}

void NoticesModel::setSearch(const QString &text)
{
    const QString folded = foldForSearch(text.trimmed());
    if (folded == m_search)
        return;
    m_search = folded;
    refresh();
}

void NoticesModel::refresh()
{
    beginResetModel();
    m_visible.clear();
    const PortfolioFilter filter; // the search alone: core decides what a search matches
    for (size_t i = 0; i < m_notices.size(); ++i)
        if (filter.matches(m_notices[i].line, m_search))
            m_visible.push_back(static_cast<int>(i));
    if (m_sortColumn >= 0) {
        std::stable_sort(m_visible.begin(), m_visible.end(), [this](int a, int b) {
            const NoticeDue &x = m_notices[static_cast<size_t>(a)];
            const NoticeDue &y = m_notices[static_cast<size_t>(b)];
            return m_descending ? lessBy(m_sortColumn, y, x) : lessBy(m_sortColumn, x, y);
        });
    }
    endResetModel();
}

const NoticeDue *NoticesModel::noticeAt(int row) const
{
    if (row < 0 || row >= visibleCount())
        return nullptr;
    return &m_notices[static_cast<size_t>(m_visible[static_cast<size_t>(row)])];
}

int NoticesModel::rowOf(const QString &creditNumber) const
{
    for (int r = 0; r < visibleCount(); ++r)
        if (noticeAt(r)->line.row.creditNumber == creditNumber)
            return r;
    return -1;
}

QStringList NoticesModel::ticked() const
{
    const auto noticeCredit = [this](int i) -> const QString & { return creditOf(m_notices[static_cast<size_t>(i)]); };
    return m_ticked.ordered(m_visible | std::views::transform(noticeCredit), m_notices | std::views::transform(creditOf));
}

QStringList NoticesModel::visibleCredits() const
{
    QStringList out;
    for (int r = 0; r < visibleCount(); ++r)
        out.append(noticeAt(r)->line.row.creditNumber);
    return out;
}

void NoticesModel::setTicked(int row, bool on)
{
    const NoticeDue *n = noticeAt(row);
    if (!n)
        return;
    m_ticked.set(n->line.row.creditNumber, on);
    emit dataChanged(index(row, Tick), index(row, Tick), {Qt::CheckStateRole});
    emit tickedChanged(tickedCount());
}

void NoticesModel::tickAllVisible()
{
    for (int r = 0; r < visibleCount(); ++r)
        m_ticked.set(noticeAt(r)->line.row.creditNumber, true);
    if (visibleCount() > 0)
        emit dataChanged(index(0, Tick), index(visibleCount() - 1, Tick), {Qt::CheckStateRole});
    emit tickedChanged(tickedCount());
}

void NoticesModel::clearTicks()
{
    m_ticked.clear();
    if (visibleCount() > 0)
        emit dataChanged(index(0, Tick), index(visibleCount() - 1, Tick), {Qt::CheckStateRole});
    emit tickedChanged(0);
}

int NoticesModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : visibleCount(); }
int NoticesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NoticesModel::display(const NoticeDue &n, int column) const
{
    const SnapshotRow &r = n.line.row;
    switch (column) {
    case Branch: return r.branchCode;
    case Notice: return noticeTypeLabel(n.type);
    case Credit: return r.creditNumber;
    case Member: return n.line.fullName;
    case Officer: return r.officer;
    case DaysPastDue: return r.daysPastDue;
    case Overdue: return r.overdue.toDisplayString();
    case EpisodeStart: return shortDate(n.episodeStart);
    case Printed: return shortDate(n.printedOn);
    case BookedTo: return n.bookedTo;
    default: return {};
    }
}

QVariant NoticesModel::data(const QModelIndex &index, int role) const
{
    const NoticeDue *n = noticeAt(index.row());
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole: return index.column() == Tick ? QVariant() : display(*n, index.column());
    case Qt::CheckStateRole:
        if (index.column() != Tick)
            return {};
        return m_ticked.contains(n->line.row.creditNumber) ? Qt::Checked : Qt::Unchecked;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case DaysPastDue: case Overdue: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Branch: case EpisodeStart: case Printed: return QVariant::fromValue(Qt::AlignCenter);
        default: return {};
        }
    case Qt::ForegroundRole:
        // Printed and waiting for delivery: the notifier has it, the list keeps it until it is delivered.
        if (n->printedOn.isValid())
            return QBrush(QColor(110, 110, 110));
        return {};
    case Qt::ToolTipRole:
        if (n->printedOn.isValid())
            return tr("Impresa el %1: sigue en la lista hasta que se registre su entrega en una visita")
                .arg(shortDate(n->printedOn));
        if (index.column() == Notice)
            return noticeTypeCode(n->type);
        return {};
    default: return {};
    }
}

bool NoticesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (index.column() != Tick || role != Qt::CheckStateRole || !noticeAt(index.row()))
        return false;
    setTicked(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags NoticesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Tick)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant NoticesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Tick: return tr("Marque las notificaciones a imprimir (barra espaciadora)");
        case Officer: return tr("Oficial de crédito del reporte (OFICIAL_CREDITO)");
        case EpisodeStart: return tr("Primer día de la mora actual: una notificación impresa desde entonces vale para ella");
        case Printed: return tr("Fecha en que se imprimió para esta mora, si aún no se registró su entrega");
        case BookedTo: return tr("Quién visita el crédito próximamente");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Tick: return QString();
    case Branch: return tr("Sucursal");
    case Notice: return tr("Notificación");
    case Credit: return tr("Crédito");
    case Member: return tr("Socio");
    case Officer: return tr("Oficial");
    case DaysPastDue: return tr("Días mora");
    case Overdue: return tr("Valor vencido");
    case EpisodeStart: return tr("Mora desde");
    case Printed: return tr("Impresa");
    case BookedTo: return tr("Agendado a");
    default: return {};
    }
}

void NoticesModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column == Tick ? -1 : column;
    m_descending = order == Qt::DescendingOrder;
    refresh();
}

} // namespace cobranza
