#include "errorsummarymodel.h"

#include "errorreport.h"

#include <QColor>
#include <QFont>

namespace cobranza {

void ErrorSummaryModel::setReport(ErrorReport report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

const MonthlyErrors *ErrorSummaryModel::personAt(int row) const
{
    return row >= 0 && row < m_report.people.size() ? &m_report.people.at(row) : nullptr;
}

int ErrorSummaryModel::totalColumn() const
{
    return 1 + static_cast<int>(errorCatalogue().size());
}

int ErrorSummaryModel::rowCount(const QModelIndex &parent) const
{
    // The totals row only under people.
    return parent.isValid() || m_report.people.isEmpty() ? 0 : static_cast<int>(m_report.people.size()) + 1;
}

int ErrorSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : totalColumn() + 3;
}

QVariant ErrorSummaryModel::data(const QModelIndex &index, int role) const
{
    const int row = index.row();
    const int column = index.column();
    const MonthlyErrors *p = personAt(row);
    const bool totals = isTotalsRow(row);
    if (!p && !totals)
        return {};
    const QMap<ErrorType, int> &counts = p ? p->counts : m_report.totals;
    const int total = p ? p->total : m_report.total;
    const int previous = p ? p->previousTotal : m_report.previousTotal;
    int value = 0;
    if (column >= 1 && column < totalColumn())
        value = counts.value(errorCatalogue().at(column - 1).type);
    else if (column == totalColumn())
        value = total;
    else if (column == previousColumn())
        value = previous;
    else if (column == changeColumn())
        value = total - previous;

    switch (role) {
    case Qt::DisplayRole:
        if (column == 0)
            return totals ? tr("Total (%1 funcionarios)").arg(m_report.people.size())
                          : (p->name.isEmpty() ? p->username : p->name);
        if (column == changeColumn())
            return errorReportChangeText(total, previous);
        // Blank for none: the counts stand out, as on the printed report.
        if (column < totalColumn() && value == 0)
            return QString();
        return value;
    case RawRole:
        return column == 0 ? QVariant(p ? p->username : QString()) : QVariant(value);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(column == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter);
    case Qt::FontRole:
        if (totals || column == totalColumn() || (column == changeColumn() && value > 0)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        // A rise against last month is what the committee asks about.
        if (column == changeColumn() && value > 0)
            return QColor(0xa0, 0x10, 0x10);
        if (column == changeColumn() && value < 0)
            return QColor(0x1b, 0x5e, 0x20);
        return {};
    case Qt::BackgroundRole:
        if (totals)
            return QColor(0xee, 0xee, 0xee);
        return {};
    case Qt::ToolTipRole:
        if (column >= 1 && column < totalColumn())
            return errorCatalogue().at(column - 1).name;
        return {};
    default: return {};
    }
}

QVariant ErrorSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const bool isCode = section >= 1 && section < totalColumn();
    if (role == Qt::DisplayRole) {
        if (section == 0)
            return tr("Funcionario");
        if (isCode)
            return errorCatalogue().at(section - 1).code;
        if (section == totalColumn())
            return tr("Total");
        if (section == previousColumn())
            return tr("Mes anterior");
        if (section == changeColumn())
            return tr("Variación");
        return {};
    }
    if (role == Qt::ToolTipRole && isCode) {
        const ErrorTypeInfo &info = errorCatalogue().at(section - 1);
        return tr("%1 %2: %3").arg(info.code, info.name, info.description);
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter);
    return {};
}

} // namespace cobranza
