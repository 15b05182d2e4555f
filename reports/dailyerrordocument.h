#pragma once

#include "letterhead.h"
#include "supervision/dailyerrorreport.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

class QPagedPaintDevice;

namespace cobranza {

// "viernes 20 de noviembre de 2026": the day as the report's title names it, in Spanish whatever
// the system's locale.
QString dailyErrorDayText(QDate day);
// "errores-IBA-2026-11-20.pdf" ("errores-todas-…" for every branch): the name a save offers.
QString dailyErrorReportFileName(const QString &branchCode, QDate day, const QString &suffix);

// The daily error report the Pivot prints (domain.md, "Supervision and the error report": errors
// are told to the person at once): page 1 lists everyone reviewed with his count, "Sin errores"
// for the clean ones, and the branch total; then each person with errors has a page of his own,
// with what each error means, the credit and member, and a line to sign. A4 portrait.
class DailyErrorDocument final
{
public:
    explicit DailyErrorDocument(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}

    // Who prints it and when, on page 1 and in the footer; unset, the output depends only on the data.
    void setPrintedBy(const QString &name) { m_printedBy = name; }
    void setPrintedAt(const QDateTime &at) { m_printedAt = at; }

    // Renders the report; the device should be A4 portrait (columns scale to any width).
    // Returns the number of pages, 0 when the device cannot be painted on.
    int render(QPagedPaintDevice *device, const DailyErrorReport &report) const;
    // Writes it as a PDF at `path`, replacing the file only once complete; false + a Spanish `error`.
    bool writePdf(const QString &path, const DailyErrorReport &report, QString *error = nullptr) const;

private:
    Letterhead m_letterhead;
    QString m_printedBy;
    QDateTime m_printedAt;
};

// The same data as CSV for Excel in Spanish (UTF-8 with BOM, ';', CRLF, dates dd/MM/yyyy): a header,
// then FUNCIONARIO, USUARIO, CARGO, SIGLAS, AGENCIA, FECHA, CODIGO, ERROR, CREDITO, SOCIO, NOTA per
// error, and one row with ERROR "Sin errores" for each person without any.
QByteArray dailyErrorReportCsv(const DailyErrorReport &report);

// Writes the report at `path` as its extension says, .pdf or .csv; false + a Spanish `error` on
// another extension or a failed write.
bool writeDailyErrorReport(const QString &path, const DailyErrorReport &report, const Letterhead &letterhead,
                           const QString &printedBy, const QDateTime &printedAt, QString *error);

} // namespace cobranza
