#include "routevisitmodel.h"

#include <QBrush>
#include <QColor>
#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <QStringList>

namespace cobranza {

namespace {

const QString kMimeType = QStringLiteral("application/x-cobranza-booking-ids");

} // namespace

QList<qint64> movedOrder(const QList<qint64> &ids, const QList<qint64> &moving, int destinationRow)
{
    // The visit the moved ones go before, found by id because removing them shifts the rows.
    qint64 before = 0;
    for (int r = destinationRow; r >= 0 && r < ids.size(); ++r)
        if (!moving.contains(ids.at(r))) {
            before = ids.at(r);
            break;
        }
    QList<qint64> out;
    for (qint64 id : ids)
        if (!moving.contains(id))
            out.append(id);
    QList<qint64> moved;
    for (qint64 id : ids) // the moved visits keep their relative route order
        if (moving.contains(id))
            moved.append(id);
    const qsizetype at = before ? out.indexOf(before) : out.size();
    for (qsizetype i = 0; i < moved.size(); ++i)
        out.insert(at + i, moved.at(i));
    return out;
}

RouteVisitModel::RouteVisitModel(QObject *parent) : QAbstractTableModel(parent) {}

void RouteVisitModel::setSheet(RouteSheet sheet)
{
    beginResetModel();
    m_sheet = std::move(sheet);
    endResetModel();
}

const RouteVisit *RouteVisitModel::visitAt(int row) const
{
    if (row < 0 || row >= m_sheet.visits.size())
        return nullptr;
    return &m_sheet.visits.at(row);
}

int RouteVisitModel::rowOfBooking(qint64 bookingId) const
{
    for (int r = 0; r < m_sheet.visits.size(); ++r)
        if (m_sheet.visits.at(r).bookingId == bookingId)
            return r;
    return -1;
}

QList<qint64> RouteVisitModel::bookingIds() const
{
    QList<qint64> out;
    for (const RouteVisit &v : m_sheet.visits)
        out.append(v.bookingId);
    return out;
}

int RouteVisitModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sheet.visits.size());
}

int RouteVisitModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouteVisitModel::display(const RouteVisit &v, int column) const
{
    switch (column) {
    case Order: return v.order;
    case Member: return v.memberName;
    case Cedula: return v.cedula;
    case Credit: return v.creditNumber;
    case Sector: return v.sector;
    case Address: return v.homeAddress.isEmpty() ? v.businessAddress : v.homeAddress;
    case Phones: return v.phones;
    case DaysPastDue: return v.daysPastDue;
    case Overdue: return v.overdue.toDisplayString();
    case Rating: return ratingCode(v.rating);
    case Action:
        // The notice code first: it is what the person has to take along printed.
        return v.notice ? tr("%1 · %2").arg(noticeTypeCode(*v.notice), v.action) : v.action;
    case State: return visitStateLabel(v.state.value_or(VisitState::Agendado));
    default: return {};
    }
}

QVariant RouteVisitModel::toolTip(const RouteVisit &v, int column) const
{
    switch (column) {
    case Order: {
        QStringList why;
        if (v.source == QLatin1String("REZAGADO"))
            why << tr("Rezagado: agendado por el Pivot de Crédito");
        else if (v.source == QLatin1String("RESCHEDULE"))
            why << tr("Visita reagendada");
        else if (v.source == QLatin1String("PROPIA"))
            why << tr("Gestión propia");
        if (v.outsideWindow)
            why << tr("Agendada fuera del horario de agendamiento");
        return why.isEmpty() ? QVariant() : QVariant(why.join(u'\n'));
    }
    case Member: return tr("%1\nSocio N.º %2 · cédula %3").arg(v.memberName, v.memberNumber, v.cedula);
    case Address: {
        QStringList lines;
        if (!v.homeAddress.isEmpty())
            lines << tr("Domicilio: %1").arg(v.homeAddress);
        if (!v.businessAddress.isEmpty())
            lines << tr("Negocio: %1").arg(v.businessAddress);
        if (!v.location)
            lines << tr("Sin coordenadas: no aparece en el mapa");
        return lines.join(u'\n');
    }
    case Action:
        if (v.notice)
            return tr("%1\nNotificación: %2").arg(v.action, noticeTypeLabel(*v.notice));
        return v.action;
    case Overdue: return tr("Saldo: %1").arg(v.balance.toDisplayString());
    default: return {};
    }
}

QVariant RouteVisitModel::data(const QModelIndex &index, int role) const
{
    const RouteVisit *v = index.isValid() ? visitAt(index.row()) : nullptr;
    if (!v)
        return {};
    switch (role) {
    case Qt::DisplayRole: return display(*v, index.column());
    case Qt::EditRole:
        if (index.column() == State)
            return v->state ? visitStateCode(*v->state) : QString();
        return display(*v, index.column());
    case Qt::ToolTipRole: return toolTip(*v, index.column());
    case BookingIdRole: return v->bookingId;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Order: case Rating: return QVariant::fromValue(Qt::AlignCenter);
        case DaysPastDue: case Overdue: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case Qt::FontRole:
        if (index.column() == Order) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        // A visit with a result other than the booking itself stands out from the pending ones, which
        // are greyed: "Agendado" there means no result yet.
        if (index.column() == State && v->state && *v->state != VisitState::Agendado)
            return QBrush(QColor(0x1f, 0x5f, 0x9f));
        if (index.column() == State && !v->state)
            return QBrush(QColor(0x75, 0x75, 0x75));
        if (index.column() == Address && !v->location)
            return QBrush(QColor(0x8a, 0x5a, 0x00));
        return {};
    default: return {};
    }
}

QVariant RouteVisitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Order: return tr("Orden de la visita en la ruta");
        case Action: return tr("Lo que la escalera de cobranza pide a estos días de mora, y la notificación que "
                               "corresponde entregar");
        case State: return tr("Resultado de la visita; «Agendado» mientras no se registre");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Order: return tr("N.º");
    case Member: return tr("Socio");
    case Cedula: return tr("Cédula");
    case Credit: return tr("Crédito");
    case Sector: return tr("Sector");
    case Address: return tr("Dirección");
    case Phones: return tr("Teléfonos");
    case DaysPastDue: return tr("Días mora");
    case Overdue: return tr("Valor vencido");
    case Rating: return tr("Calif.");
    case Action: return tr("Acción / Notificación");
    case State: return tr("Estado");
    default: return {};
    }
}

Qt::ItemFlags RouteVisitModel::flags(const QModelIndex &index) const
{
    // Only the gaps between rows take a drop: dropping "onto" a visit would mean nothing here.
    if (!index.isValid())
        return m_reorderEnabled ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_reorderEnabled)
        f |= Qt::ItemIsDragEnabled;
    if (m_stateEditable && index.column() == State)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RouteVisitModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const RouteVisit *v = index.isValid() ? visitAt(index.row()) : nullptr;
    if (!v || role != Qt::EditRole || index.column() != State || !m_stateEditable)
        return false;
    const QString code = value.toString();
    if (!parseVisitState(code))
        return false;
    emit stateEdited(v->bookingId, code);
    return false; // nothing changed yet: the reloaded sheet shows what the service stored
}

QStringList RouteVisitModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *RouteVisitModel::mimeData(const QModelIndexList &indexes) const
{
    QList<qint64> ids;
    for (const QModelIndex &i : indexes)
        if (const RouteVisit *v = visitAt(i.row()); v && !ids.contains(v->bookingId))
            ids.append(v->bookingId);
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << ids;
    auto *data = new QMimeData;
    data->setData(kMimeType, bytes);
    return data;
}

bool RouteVisitModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    Q_UNUSED(column)
    if (action == Qt::IgnoreAction)
        return true;
    if (!m_reorderEnabled || action != Qt::MoveAction || !data || !data->hasFormat(kMimeType))
        return false;
    QList<qint64> moving;
    QDataStream in(data->data(kMimeType));
    in >> moving;
    const QList<qint64> current = bookingIds();
    moving.removeIf([&current](qint64 id) { return !current.contains(id); });
    if (moving.isEmpty())
        return false;
    const int destination = parent.isValid() ? parent.row() : row;
    const QList<qint64> wanted = movedOrder(current, moving, destination);
    if (wanted != current)
        emit orderRequested(wanted, moving.constFirst());
    // False: the view must not remove the dragged rows; the reloaded sheet shows the new order.
    return false;
}

} // namespace cobranza
