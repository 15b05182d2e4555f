#pragma once

#include "routes/routesheet.h"

#include <QDateTime>
#include <QString>

class QPrinter;
class QWidget;

namespace cobranza {

class Database;

// Prints one route sheet (A4 landscape) through the preview or the print dialog, or saves it as a
// PDF; all three paint with RouteSheetReport, so paper and file look the same.
class RouteSheetPrinting final
{
public:
    // `printedAt` goes in each page's footer: the sheet says when it left the office.
    RouteSheetPrinting(const Database &db, RouteSheet sheet, QDateTime printedAt)
        : m_db(db), m_sheet(std::move(sheet)), m_printedAt(std::move(printedAt))
    {
    }

    void preview(QWidget *parent) const;
    void print(QWidget *parent) const;
    bool writePdf(const QString &path, QString *error) const;
    // Asks where (suggestedFileName() in the documents folder) and writes the PDF; says so when it
    // fails. The path written, or empty.
    QString savePdfAs(QWidget *parent) const;
    // "hoja-de-ruta-agchamorro-2026-11-23.pdf"
    QString suggestedFileName() const;

private:
    void setUp(QPrinter &printer) const;
    int render(QPrinter *printer) const;

    const Database &m_db;
    RouteSheet m_sheet;
    QDateTime m_printedAt;
};

} // namespace cobranza
