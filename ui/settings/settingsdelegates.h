#pragma once

#include <QList>
#include <QStyledItemDelegate>
#include <QVariant>

namespace cobranza {

// Edits a count of days in a table cell. An open-ended column shows an empty cell as «sin límite»,
// which is how the last band of a scale or the last stage of the ladder is written.
class DaysDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaysDelegate)

public:
    DaysDelegate(bool openEnded, QObject *parent);
    QString displayText(const QVariant &value, const QLocale &locale) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    bool m_openEnded;
};

// Chooses one of a fixed list of values in a table cell: the label is shown, the value is kept
// under Qt::UserRole so that reading the table back never parses labels.
class ComboDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComboDelegate)

public:
    struct Choice
    {
        QString label;
        QVariant value;
    };
    ComboDelegate(QList<Choice> choices, QObject *parent);

    QString labelFor(const QVariant &value) const;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QList<Choice> m_choices;
};

} // namespace cobranza
