#include "portfoliomodel.h"

namespace cobranza {

namespace {

std::optional<PortfolioSortKey> sortKeyOf(int column)
{
    using K = PortfolioSortKey;
    static const K keys[] = {K::Branch, K::Officer, K::Member, K::Cedula, K::Credit, K::Segment, K::Sector,
                             K::Balance, K::Overdue, K::OverdueInstallments, K::DaysPastDue, K::Rating,
                             K::PreviousRating};
    if (column < 0 || column >= PortfolioModel::ColumnCount)
        return std::nullopt;
    return keys[column];
}

} // namespace

PortfolioModel::PortfolioModel(QObject *parent) : QAbstractTableModel(parent) {}

void PortfolioModel::setLines(std::vector<PortfolioLine> lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    m_visible = selectLines(m_lines, m_filter, m_sortKey, m_descending);
    endResetModel();
}

void PortfolioModel::setFilter(const PortfolioFilter &filter)
{
    m_filter = filter;
    refresh();
}

void PortfolioModel::refresh()
{
    beginResetModel();
    m_visible = selectLines(m_lines, m_filter, m_sortKey, m_descending);
    endResetModel();
}

const PortfolioLine *PortfolioModel::lineAt(int row) const
{
    if (row < 0 || row >= visibleCount())
        return nullptr;
    return &m_lines[static_cast<size_t>(m_visible[static_cast<size_t>(row)])];
}

Money PortfolioModel::visibleBalance() const
{
    Money total;
    for (int i : m_visible)
        total += m_lines[static_cast<size_t>(i)].row.balance;
    return total;
}

Money PortfolioModel::visibleOverdue() const
{
    Money total;
    for (int i : m_visible)
        total += m_lines[static_cast<size_t>(i)].row.overdue;
    return total;
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : visibleCount();
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    const PortfolioLine *l = lineAt(index.row());
    if (!l)
        return {};
    const SnapshotRow &r = l->row;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Balance: case Overdue: case OverdueInstallments: case DaysPastDue:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Rating: case PreviousRating: return QVariant::fromValue(Qt::AlignCenter);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Branch: return r.branchCode;
    case Officer: return r.officer;
    case Member: return l->fullName;
    case Cedula: return l->cedula;
    case Credit: return r.creditNumber;
    case Segment: return segmentLabel(l->segment);
    case Sector: return r.sector;
    case Balance: return r.balance.toDisplayString();
    case Overdue: return r.overdue.toDisplayString();
    case OverdueInstallments: return r.overdueInstallments;
    case DaysPastDue: return r.daysPastDue;
    case Rating: return ratingCode(r.rating);
    case PreviousRating: return r.previousRating ? ratingCode(*r.previousRating) : QString();
    default: return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Branch: return tr("Sucursal");
    case Officer: return tr("Oficial de crédito");
    case Member: return tr("Socio");
    case Cedula: return tr("Cédula");
    case Credit: return tr("Crédito");
    case Segment: return tr("Segmento");
    case Sector: return tr("Sector");
    case Balance: return tr("Saldo");
    case Overdue: return tr("Valor vencido");
    case OverdueInstallments: return tr("Cuotas venc.");
    case DaysPastDue: return tr("Días mora");
    case Rating: return tr("Calif.");
    case PreviousRating: return tr("Calif. ant.");
    default: return {};
    }
}

void PortfolioModel::sort(int column, Qt::SortOrder order)
{
    m_sortKey = sortKeyOf(column);
    m_descending = order == Qt::DescendingOrder;
    refresh();
}

} // namespace cobranza
