#pragma once

#include <QLabel>

namespace cobranza {

// The red line under a form where a dialog says what is wrong, instead of a message box that
// would hide the field to correct.
inline QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error"));
    label->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

inline void showErrorLabel(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace cobranza
