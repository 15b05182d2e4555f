#include "statedelegate.h"

#include "choicecombo.h"

namespace cobranza {

QWidget *StateDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new ChoiceCombo(parent);
    combo->setObjectName(QStringLiteral("stateEditor"));
    fillStates(combo);
    return combo;
}

void StateDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<ChoiceCombo *>(editor);
    if (!combo)
        return;
    // Only when the editor opens: afterwards it holds what the keys chose.
    if (!combo->property("filled").toBool()) {
        selectState(combo, parseVisitState(index.data(Qt::EditRole).toString()));
        combo->setProperty("filled", true);
    }
}

void StateDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const auto *combo = qobject_cast<ChoiceCombo *>(editor);
    if (combo && combo->currentIndex() >= 0)
        model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace cobranza
