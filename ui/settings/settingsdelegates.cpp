#include "settingsdelegates.h"

#include <QComboBox>
#include <QIntValidator>
#include <QLineEdit>

#include <algorithm>

namespace cobranza {

DaysDelegate::DaysDelegate(bool openEnded, QObject *parent) : QStyledItemDelegate(parent), m_openEnded(openEnded) {}

QString DaysDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    if (m_openEnded && value.toString().isEmpty())
        return tr("sin límite");
    return QStyledItemDelegate::displayText(value, locale);
}

QWidget *DaysDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setValidator(new QIntValidator(0, 99999, edit));
    if (m_openEnded)
        edit->setPlaceholderText(tr("sin límite"));
    return edit;
}

ComboDelegate::ComboDelegate(QList<Choice> choices, QObject *parent)
    : QStyledItemDelegate(parent), m_choices(std::move(choices))
{
}

QString ComboDelegate::labelFor(const QVariant &value) const
{
    for (const Choice &c : m_choices)
        if (c.value == value)
            return c.label;
    return {};
}

QWidget *ComboDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (const Choice &c : m_choices)
        combo->addItem(c.label, c.value);
    return combo;
}

void ComboDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::UserRole))));
}

void ComboDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::UserRole);
    model->setData(index, combo->currentText(), Qt::DisplayRole);
}

} // namespace cobranza
