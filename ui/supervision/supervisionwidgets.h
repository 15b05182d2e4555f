#pragma once

#include "permissions.h"
#include "session.h"

#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>

// Small pieces the Supervisión pages share.
namespace cobranza::supervision {

inline QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    return b;
}

// A read-only list of a few rows, selected whole, that keeps its column widths to the content.
inline QTableWidget *makeList(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setHighlightSections(false);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return t;
}

// Enables `button` when the session holds `p` and `ready` is true; the tooltip says why not, or
// what the button does.
inline void gate(QPushButton *button, const Session &session, Permission p, bool ready, const QString &whatItDoes,
                 const QString &whyNotReady)
{
    const auto refused = refusal(PermissionTable::defaults(), session, p);
    button->setEnabled(!refused && ready);
    button->setToolTip(refused ? *refused : ready ? whatItDoes : whyNotReady);
}

} // namespace cobranza::supervision
