#pragma once

#include "money.h"
#include "portfolio/portfolioquery.h"

#include <QDate>
#include <QString>
#include <variant>
#include <vector>

class QIODevice;

namespace cobranza {

// How an exported column is typed: CSV writes every kind as text, a spreadsheet as numbers and dates.
enum class ExportKind { Text, Money, Integer, Date };

// One cell of an exported row; std::monostate is an empty cell (no previous rating, last band, …).
using ExportValue = std::variant<std::monostate, QString, Money, int, QDate>;

// A column of the portfolio export: the report's header name, its type and how to read it from a line.
struct PortfolioExportColumn
{
    QString header;  // "SALDO_CAPITAL": the report's own name, so an exported file imports again
    ExportKind kind = ExportKind::Text;
    int width = 10;  // characters, for the spreadsheet
    bool summed = false; // added up in the spreadsheet's totals row
    ExportValue (*value)(const PortfolioLine &, const PortfolioRules &) = nullptr;
};

// The exported columns: the report's required columns in its order (formats/cartera.md), then the
// columns the rules derive (NIVEL_RIESGO, RESPONSABLE, RECLASIFICADO, DIAS_PROXIMA_CALIFICACION, ETAPA).
const std::vector<PortfolioExportColumn> &portfolioExportColumns();

// A value as the CSV export writes it: "1234,56", "21/11/2026", "20"; empty for std::monostate.
QString exportCsvText(const ExportValue &value);

// Writes `rows` (indexes into `lines`, in that order) as a CSV file for Excel in Spanish: UTF-8 with
// BOM, ';' between fields, RFC 4180 quotes, CRLF. `device` must be open for writing.
// false + a Spanish `error` when the device refuses the bytes.
bool exportPortfolioCsv(QIODevice *device, const std::vector<PortfolioLine> &lines, const std::vector<int> &rows,
                        const PortfolioRules &rules, QString *error);

} // namespace cobranza
