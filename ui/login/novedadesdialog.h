#pragma once

#include "portfolio/novedades.h"
#include "session.h"

#include <QDate>
#include <QDialog>

class QLabel;
class QTreeWidget;

namespace cobranza {

class Database;

// Shown after signing in: what changed on the user's credits since his last session (new arrears,
// worse ratings, reassignments, broken promises, credits brought up to date), grouped by kind.
// Only a list to read; the work itself is done in the portfolio, tray and agenda.
class NovedadesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NovedadesDialog)

public:
    explicit NovedadesDialog(NovedadesReport report, QWidget *parent = nullptr);

    // Loads the user's novelties and shows them modally; does nothing when there are none.
    static void showIfAny(const Database &db, const Session &session, QWidget *parent,
                          QDate today = QDate::currentDate());

    QTreeWidget *tree() const { return m_tree; }
    QString headline() const;

private:
    NovedadesReport m_report;
    QLabel *m_headline;
    QTreeWidget *m_tree;
};

} // namespace cobranza
