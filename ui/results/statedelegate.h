#pragma once

#include <QStyledItemDelegate>

namespace cobranza {

class ChoiceCombo;

// Edits the agenda's Estado cell in place with the result form's keys: the state's number or its
// initial, Enter to store it. The model's EditRole holds the stored code.
class StateDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateDelegate)

public:
    explicit StateDelegate(QObject *parent = nullptr) : QStyledItemDelegate(parent) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace cobranza
