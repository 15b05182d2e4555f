#include "portfoliomodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace cobranza {

namespace {

std::optional<PortfolioSortKey> sortKeyOf(int column)
{
    using K = PortfolioSortKey;
    static const K keys[] = {K::Branch,  K::Officer,    K::Member,  K::Cedula,
                             K::Credit,  K::Segment,    K::Sector,  K::Balance,
                             K::Overdue, K::OverdueInstallments, K::DaysPastDue, K::Rating,
                             K::PreviousRating, K::RiskLevel, K::Responsible, K::Reclassified,
                             K::DaysToNextRating, K::LadderStage};
    if (column < 0 || column >= PortfolioModel::ColumnCount)
        return std::nullopt;
    return keys[column];
}

} // namespace

PortfolioModel::PortfolioModel(QObject *parent) : QAbstractTableModel(parent) {}

void PortfolioModel::setLines(std::vector<PortfolioLine> lines, PortfolioRules rules)
{
    m_lines = std::move(lines);
    m_rules = std::move(rules);
    refresh();
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
    m_balance = Money();
    m_overdue = Money();
    for (int i : m_visible) {
        m_balance += m_lines[static_cast<size_t>(i)].row.balance;
        m_overdue += m_lines[static_cast<size_t>(i)].row.overdue;
    }
    endResetModel();
}

const PortfolioLine *PortfolioModel::lineAt(int row) const
{
    if (row < 0 || row >= visibleCount())
        return nullptr;
    return &m_lines[static_cast<size_t>(m_visible[static_cast<size_t>(row)])];
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : visibleCount();
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortfolioModel::display(const PortfolioLine &l, int column) const
{
    const SnapshotRow &r = l.row;
    switch (column) {
    case Branch: return r.branchCode;
    case Officer: return r.officer;
    case Member: return l.fullName;
    case Cedula: return l.cedula;
    case Credit: return r.creditNumber;
    case Segment: return segmentLabel(l.segment);
    case Sector: return r.sector;
    case Balance: return r.balance.toDisplayString();
    case Overdue: return r.overdue.toDisplayString();
    case OverdueInstallments: return r.overdueInstallments;
    case DaysPastDue: return r.daysPastDue;
    case Rating: return ratingCode(r.rating);
    case PreviousRating: return r.previousRating ? ratingCode(*r.previousRating) : QString();
    case RiskLevel: return riskLevelLabel(l.riskLevel());
    case Responsible: return roleLabel(l.responsible);
    case Reclassified: return r.reclassified() ? tr("Sí") : QString();
    case DaysToNextRating: return l.daysToNextRating ? QVariant(*l.daysToNextRating) : QVariant();
    case LadderStage:
        if (l.ladderStage < 0 || l.ladderStage >= m_rules.ladder.stages().size())
            return {};
        return CollectionsLadder::rangeLabel(m_rules.ladder.stages().at(l.ladderStage));
    default: return {};
    }
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    const PortfolioLine *l = lineAt(index.row());
    if (!l)
        return {};
    switch (role) {
    case Qt::DisplayRole: return display(*l, index.column());
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Balance: case Overdue: case OverdueInstallments: case DaysPastDue: case DaysToNextRating:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Rating: case PreviousRating: case Reclassified: return QVariant::fromValue(Qt::AlignCenter);
        default: return {};
        }
    case Qt::ForegroundRole:
        // Reclassified credits are the planner's priority: their rating stands out.
        if (index.column() == Rating && l->row.reclassified())
            return QBrush(QColor(170, 20, 20));
        return {};
    case Qt::FontRole:
        if (index.column() == Rating && l->row.reclassified()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LadderStage && l->ladderStage >= 0 && l->ladderStage < m_rules.ladder.stages().size())
            return m_rules.ladder.stages().at(l->ladderStage).action;
        if (index.column() == Reclassified && l->row.reclassified())
            return tr("Calificación %1, peor que %2 al cierre del mes anterior")
                .arg(ratingCode(l->row.rating), ratingCode(*l->row.previousRating));
        return {};
    default: return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == DaysToNextRating)
        return tr("Días que faltan para que el crédito pase a la siguiente calificación");
    if (role != Qt::DisplayRole)
        return {};
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
    case RiskLevel: return tr("Nivel de riesgo");
    case Responsible: return tr("Responsable");
    case Reclassified: return tr("Reclasif.");
    case DaysToNextRating: return tr("Días p/ próx. calif.");
    case LadderStage: return tr("Etapa");
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
