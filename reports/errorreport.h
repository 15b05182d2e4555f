#pragma once

#include "letterhead.h"
#include "supervision/dailyreview.h"

#include <QDateTime>
#include <QString>

class QIODevice;
class QPagedPaintDevice;

namespace cobranza {

// "noviembre de 2026": the month as the committee's papers name it.
QString errorReportMonthText(int year, int month);
// "Agencia IBA" or "Todas las agencias"; `branchName` ("Ibarra Matriz") is added when known.
QString errorReportBranchText(const ErrorReport &report, const QString &branchName = {});
QString errorReportBranchText(const QString &branchCode, const QString &branchName);
// The same after a heading's "Agencia:": "IBA – Ibarra Matriz", "Todas".
QString errorReportBranchField(const QString &branchCode, const QString &branchName);
// The change against the previous month as printed: "+2", "−1" (a real minus sign), "0".
QString errorReportChangeText(int total, int previousTotal);

// The F.1-A report printed for the Comité de Gestión de Crédito (domain.md, "Supervision and the
// error report"): per person the month's errors by type with totals and the change against the
// previous month, then every error line grouped by person. A4 landscape, legible in black and white.
class ErrorReportDocument final
{
public:
    explicit ErrorReportDocument(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}

    // "Ibarra Matriz" beside the branch code in the heading.
    void setBranchName(const QString &name) { m_branchName = name; }
    // When set, each page's footer says when it was printed; unset, the output depends only on the data.
    void setPrintedAt(const QDateTime &at) { m_printedAt = at; }

    // Renders the report; the device should be A4 landscape (columns scale to any width).
    // Returns the number of pages, 0 when the device cannot be painted on.
    int render(QPagedPaintDevice *device, const ErrorReport &report) const;
    // Writes it as a PDF at `path`, replacing the file only once complete; false + a Spanish `error`.
    bool writePdf(const QString &path, const ErrorReport &report, QString *error = nullptr) const;

private:
    Letterhead m_letterhead;
    QString m_branchName;
    QDateTime m_printedAt;
};

// The detail lines as CSV for Excel in Spanish (UTF-8 with BOM, ';', CRLF, dates dd/MM/yyyy): a
// header row, then FUNCIONARIO, USUARIO, CODIGO, ERROR, FECHA, CREDITO, NOTA per error.
QByteArray errorReportCsv(const ErrorReport &report);
bool writeErrorReportCsv(const QString &path, const ErrorReport &report, QString *error);

// Writes the report at `path` in the format its extension names: .pdf, .xlsx or .csv. false + a
// Spanish `error` on an unknown extension or a failed write.
bool writeErrorReport(const QString &path, const ErrorReport &report, const Letterhead &letterhead, QString *error,
                      const QString &branchName = {});

} // namespace cobranza
