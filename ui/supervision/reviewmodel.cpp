#include "reviewmodel.h"

#include <QColor>
#include <QFont>
#include <QMap>

namespace cobranza {

namespace {

int count(const ReviewRow &r, int column)
{
    switch (column) {
    case ReviewModel::Booked: return r.booked;
    case ReviewModel::Entered: return r.entered;
    case ReviewModel::Missing: return r.missing;
    case ReviewModel::Late: return r.late;
    case ReviewModel::Rezagados: return r.rezagados;
    case ReviewModel::Errors: return static_cast<int>(r.errors.size());
    default: return 0;
    }
}

// The columns where a number above zero is something to talk about with the person.
bool isConcern(int column)
{
    return column == ReviewModel::Missing || column == ReviewModel::Late || column == ReviewModel::Rezagados
           || column == ReviewModel::Errors;
}

// "E01 Resultado no registrado (2)" per line: what the Errores count is made of.
QString errorBreakdown(const QList<StaffError> &errors)
{
    QMap<QString, int> counts;
    for (const StaffError &e : errors) {
        const ErrorTypeInfo &info = errorInfo(e.type);
        counts[info.code + u' ' + info.name] += 1;
    }
    QStringList lines;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        lines.append(it.value() == 1 ? it.key() : ReviewModel::tr("%1 (%2)").arg(it.key()).arg(it.value()));
    return lines.join(u'\n');
}

} // namespace

void ReviewModel::setRows(QList<ReviewRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ReviewRow *ReviewModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ReviewModel::rowOf(qint64 staffId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).staffId == staffId)
            return static_cast<int>(i);
    return -1;
}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    const ReviewRow *r = rowAt(index.row());
    if (!r)
        return {};
    const int column = index.column();
    const int n = count(*r, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Person)
            return r->name.isEmpty() ? r->username : r->name;
        return n;
    case RawRole:
        return column == Person ? QVariant(r->username) : QVariant(n);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(column == Person ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (isConcern(column) && n > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (isConcern(column) && n > 0)
            return QColor(0xa0, 0x10, 0x10);
        return {};
    case Qt::ToolTipRole:
        if (column == Person)
            return r->username;
        if (column == Errors && !r->errors.isEmpty())
            return errorBreakdown(r->errors);
        return {};
    default: return {};
    }
}

QVariant ReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Person: return tr("Funcionario");
        case Booked: return tr("Agendadas");
        case Entered: return tr("Registradas");
        case Missing: return tr("Faltan");
        case Late: return tr("Fuera de plazo");
        case Rezagados: return tr("Rezagados");
        case Errors: return tr("Errores");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Booked: return tr("Visitas agendadas para el día");
        case Entered: return tr("Visitas con resultado registrado");
        case Missing: return tr("Visitas agendadas sin resultado todavía");
        case Late: return tr("Resultados registrados después del plazo");
        case Rezagados: return tr("Socios en mora de su cartera sin gestión en el mes");
        case Errors: return tr("Errores del día, detectados y registrados a mano");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Person ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace cobranza
