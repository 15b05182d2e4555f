#pragma once

#include "portfolio/creditfile.h"
#include "portfolio/credittimeline.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace cobranza {

class Database;

// «Expediente»: the credit's story oldest first, as a case file reads, with the newest event in
// view; cut-offs that only add a day are hidden unless asked. Exports what it shows to PDF and
// Excel.
class CreditTimelinePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreditTimelinePage)

public:
    CreditTimelinePage(const Database &db, CreditFile file, QList<CreditEvent> events, QWidget *parent = nullptr);

    QList<CreditEvent> shownEvents() const;
    qsizetype shownCount() const;
    QTableWidget *table() const { return m_table; }
    void setShowRoutine(bool show);

    // What the buttons do once a file is chosen; false with the reason shown to the user.
    bool exportPdf(const QString &path);
    bool exportXlsx(const QString &path);

private:
    void fill();
    void choosePdf();
    void chooseXlsx();
    QString chooseFile(const QString &title, const QString &suffix, const QString &filter);
    void reportSaved(bool ok, const QString &path, const QString &title, const QString &error);

    const Database &m_db;
    CreditFile m_file;
    QList<CreditEvent> m_events;
    QTableWidget *m_table;
    QCheckBox *m_showRoutine;
    QLabel *m_status;
};

} // namespace cobranza
