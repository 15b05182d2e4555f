#pragma once

#include "routes/routesheet.h"

#include <QAbstractTableModel>
#include <QList>

namespace cobranza {

// `ids` with the `moving` ones taken out and put back, in their order, before the one that stood at
// `destinationRow` (at the end when it is -1 or past the last): the order a drag and drop asks for.
QList<qint64> movedOrder(const QList<qint64> &ids, const QList<qint64> &moving, int destinationRow);

// The visits of one route sheet in route order, as the agenda's table. Dropping rows does not move
// them here: the model asks for the new order (orderRequested) and shows it once it is stored.
class RouteVisitModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteVisitModel)

public:
    // What decides the route (sector, address) and the visit's weight come first; the identifiers,
    // needed only to look a credit up, last, where a narrow window may scroll them away.
    enum Column {
        Order, Member, Sector, Address, DaysPastDue, Overdue, Rating, Action, State, Phones, Cedula, Credit,
        ColumnCount
    };
    static constexpr int BookingIdRole = Qt::UserRole + 1;

    explicit RouteVisitModel(QObject *parent = nullptr);

    void setSheet(RouteSheet sheet);
    const RouteSheet &sheet() const { return m_sheet; }
    const RouteVisit *visitAt(int row) const;
    int rowOfBooking(qint64 bookingId) const; // -1 when not on the sheet
    QList<qint64> bookingIds() const;         // in route order
    // Whether rows may be dragged to a new place; off while the user may not change the sheet.
    void setReorderEnabled(bool enabled) { m_reorderEnabled = enabled; }
    // Whether the Estado cell may be edited in place: the user's own sheet, where he enters results.
    void setStateEditable(bool editable) { m_stateEditable = editable; }
    bool isStateEditable() const { return m_stateEditable; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The Estado cell takes a state's stored code; it is not kept here but asked for (stateEdited)
    // and shown once the service stored it.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // The user dropped visits elsewhere: `bookingIds` is the whole sheet in the wanted order.
    void orderRequested(const QList<qint64> &bookingIds, qint64 movedBookingId);
    // The user chose a state in the Estado cell: `stateCode` as visitStateCode() gives it.
    void stateEdited(qint64 bookingId, const QString &stateCode);

private:
    QVariant display(const RouteVisit &v, int column) const;
    QVariant toolTip(const RouteVisit &v, int column) const;

    RouteSheet m_sheet;
    bool m_reorderEnabled = true;
    bool m_stateEditable = false;
};

} // namespace cobranza
