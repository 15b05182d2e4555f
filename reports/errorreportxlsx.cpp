#include "errorreportxlsx.h"

#include "errorreport.h"
#include "xlsxerror.h"

#include <QCoreApplication>
#include <QFile>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ErrorReportXlsx", s); }

// Keeps the first error: writing goes on so the workbook is always closed (which frees it).
struct FirstError
{
    lxw_error error = LXW_NO_ERROR;
    void operator()(lxw_error e)
    {
        if (error == LXW_NO_ERROR)
            error = e;
    }
};

// "C5", for formulas: column `col` (0-based) and row `row` (0-based).
QByteArray cellName(lxw_col_t col, lxw_row_t row)
{
    QByteArray name;
    for (int c = static_cast<int>(col) + 1; c > 0; c = (c - 1) / 26)
        name.prepend(static_cast<char>('A' + (c - 1) % 26));
    return name + QByteArray::number(row + 1);
}

struct Formats
{
    lxw_format *title, *subtitle, *header, *count, *total, *change, *totalRow, *totalRowText, *day, *code;
};

Formats makeFormats(lxw_workbook *wb)
{
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.subtitle = workbook_add_format(wb);
    format_set_italic(f.subtitle);
    format_set_font_color(f.subtitle, 0x595959);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xD9D9D9);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    // Zeros hidden: the counts stand out, and the cells still add up.
    f.count = workbook_add_format(wb);
    format_set_num_format(f.count, "0;-0;;@");
    format_set_align(f.count, LXW_ALIGN_CENTER);
    f.total = workbook_add_format(wb);
    format_set_bold(f.total);
    format_set_align(f.total, LXW_ALIGN_CENTER);
    f.change = workbook_add_format(wb);
    format_set_num_format(f.change, "+0;-0;0");
    format_set_align(f.change, LXW_ALIGN_CENTER);
    f.totalRow = workbook_add_format(wb);
    format_set_bold(f.totalRow);
    format_set_top(f.totalRow, LXW_BORDER_THIN);
    format_set_align(f.totalRow, LXW_ALIGN_CENTER);
    f.totalRowText = workbook_add_format(wb);
    format_set_bold(f.totalRowText);
    format_set_top(f.totalRowText, LXW_BORDER_THIN);
    f.day = workbook_add_format(wb);
    format_set_num_format(f.day, "dd/mm/yyyy");
    format_set_align(f.day, LXW_ALIGN_LEFT);
    f.code = workbook_add_format(wb);
    format_set_bold(f.code);
    return f;
}

void writeText(FirstError &check, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const QString &text,
               lxw_format *format = nullptr)
{
    // Always string cells: a note starting with '=' stays text.
    if (!text.isEmpty())
        check(worksheet_write_string(ws, row, col, text.toUtf8().constData(), format));
}

void writeSummary(FirstError &check, lxw_worksheet *ws, const Formats &f, const ErrorReport &report,
                  const QString &heading)
{
    const QList<ErrorTypeInfo> &codes = errorCatalogue();
    const auto codeCount = static_cast<lxw_col_t>(codes.size());
    const lxw_col_t firstCount = 2;
    const lxw_col_t totalCol = firstCount + codeCount;
    const lxw_col_t previousCol = totalCol + 1;
    const lxw_col_t changeCol = totalCol + 2;
    const lxw_row_t headerRow = 3;
    const QDate previous = QDate(report.year, report.month, 1).addMonths(-1);

    check(worksheet_set_column(ws, 0, 0, 38, nullptr));
    check(worksheet_set_column(ws, 1, 1, 16, nullptr));
    check(worksheet_set_column(ws, firstCount, totalCol - 1, 6, nullptr));
    check(worksheet_set_column(ws, totalCol, changeCol, 10, nullptr));
    worksheet_freeze_panes(ws, headerRow + 1, 1);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);

    check(worksheet_set_row(ws, 0, 21, nullptr));
    writeText(check, ws, 0, 0, heading, f.title);
    writeText(check, ws, 1, 0,
              tr("Errores por funcionario y tipo, comparados con %1")
                  .arg(errorReportMonthText(previous.year(), previous.month())),
              f.subtitle);
    check(worksheet_set_row(ws, headerRow, 30, nullptr));
    QStringList headers{tr("Funcionario"), tr("Usuario")};
    for (const ErrorTypeInfo &info : codes)
        headers.append(info.code);
    headers << tr("Total") << tr("Mes anterior") << tr("Variación");
    for (qsizetype c = 0; c < headers.size(); ++c)
        writeText(check, ws, headerRow, static_cast<lxw_col_t>(c), headers.at(c), f.header);

    lxw_row_t row = headerRow + 1;
    const auto writeCounts = [&](lxw_row_t r, const QMap<ErrorType, int> &counts, int total, int previousTotal,
                                 bool totals) {
        for (lxw_col_t k = 0; k < codeCount; ++k) {
            const int n = counts.value(codes.at(static_cast<qsizetype>(k)).type);
            if (totals)
                check(worksheet_write_formula_num(
                    ws, r, firstCount + k,
                    QByteArray("=SUM(" + cellName(firstCount + k, headerRow + 1) + ':'
                               + cellName(firstCount + k, r - 1) + ')')
                        .constData(),
                    f.totalRow, n));
            else
                check(worksheet_write_number(ws, r, firstCount + k, n, f.count));
        }
        const QByteArray sum = "=SUM(" + cellName(firstCount, r) + ':' + cellName(totalCol - 1, r) + ')';
        check(worksheet_write_formula_num(ws, r, totalCol, sum.constData(), totals ? f.totalRow : f.total, total));
        check(worksheet_write_number(ws, r, previousCol, previousTotal, totals ? f.totalRow : nullptr));
        const QByteArray change = '=' + cellName(totalCol, r) + '-' + cellName(previousCol, r);
        check(worksheet_write_formula_num(ws, r, changeCol, change.constData(), f.change, total - previousTotal));
    };
    for (const MonthlyErrors &p : report.people) {
        writeText(check, ws, row, 0, p.name.isEmpty() ? p.username : p.name);
        writeText(check, ws, row, 1, p.username);
        writeCounts(row, p.counts, p.total, p.previousTotal, false);
        ++row;
    }
    writeText(check, ws, row, 0, tr("Total"), f.totalRowText);
    check(worksheet_write_blank(ws, row, 1, f.totalRowText));
    if (report.people.isEmpty()) {
        for (lxw_col_t c = firstCount; c <= changeCol; ++c)
            check(worksheet_write_number(ws, row, c, 0, f.totalRow));
    } else {
        writeCounts(row, report.totals, report.total, report.previousTotal, true);
    }
    row += 2;
    // The codes' meaning, for whoever opens the sheet without the printed report.
    writeText(check, ws, row++, 0, tr("Códigos de error"), f.code);
    for (const ErrorTypeInfo &info : codes) {
        writeText(check, ws, row, 0, tr("%1  %2").arg(info.code, info.name), f.code);
        writeText(check, ws, row, 1, info.description);
        ++row;
    }
}

void writeDetail(FirstError &check, lxw_worksheet *ws, const Formats &f, const ErrorReport &report,
                 const QString &heading)
{
    const QStringList headers{tr("Funcionario"), tr("Usuario"), tr("Fecha"), tr("Código"),
                              tr("Error"),       tr("Crédito"), tr("Nota")};
    const double widths[] = {36, 16, 12, 8, 30, 14, 80};
    const lxw_row_t headerRow = 2;
    qsizetype lines = 0;
    for (const MonthlyErrors &p : report.people)
        lines += p.lines.size();
    for (lxw_col_t c = 0; c < 7; ++c)
        check(worksheet_set_column(ws, c, c, widths[c], nullptr));
    check(worksheet_autofilter(ws, headerRow, 0, static_cast<lxw_row_t>(headerRow + std::max<qsizetype>(lines, 1)), 6));
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, headerRow, headerRow));

    check(worksheet_set_row(ws, 0, 21, nullptr));
    writeText(check, ws, 0, 0, heading, f.title);
    for (lxw_col_t c = 0; c < 7; ++c)
        writeText(check, ws, headerRow, c, headers.at(c), f.header);
    lxw_row_t row = headerRow + 1;
    for (const MonthlyErrors &p : report.people)
        for (const StaffError &e : p.lines) {
            const ErrorTypeInfo &info = errorInfo(e.type);
            writeText(check, ws, row, 0, p.name.isEmpty() ? p.username : p.name);
            writeText(check, ws, row, 1, p.username);
            if (e.day.isValid()) {
                lxw_datetime d{e.day.year(), e.day.month(), e.day.day(), 0, 0, 0.0};
                check(worksheet_write_datetime(ws, row, 2, &d, f.day));
            }
            writeText(check, ws, row, 3, info.code, f.code);
            writeText(check, ws, row, 4, info.name);
            writeText(check, ws, row, 5, e.creditNumber);
            writeText(check, ws, row, 6, e.note);
            ++row;
        }
}

} // namespace

bool exportErrorReportXlsx(const QString &path, const ErrorReport &report, QString *error, const QString &branchName)
{
    const auto fail = [&path, error](const QString &why) {
        if (error)
            *error = tr("No se pudo exportar a Excel «%1»: %2").arg(path, why);
        return false;
    };
    if (path.isEmpty())
        return fail(tr("falta el nombre del archivo"));

    const QByteArray fileName = QFile::encodeName(path);
    lxw_workbook *wb = workbook_new(fileName.constData());
    if (!wb)
        return fail(xlsxErrorText(LXW_ERROR_MEMORY_MALLOC_FAILED));
    FirstError check;
    const Formats formats = makeFormats(wb);
    const QString heading = tr("Reporte de errores F.1-A — %1 — %2")
                                .arg(errorReportBranchText(report, branchName),
                                     errorReportMonthText(report.year, report.month));
    lxw_worksheet *summary = workbook_add_worksheet(wb, "Resumen");
    lxw_worksheet *detail = workbook_add_worksheet(wb, "Detalle");
    if (!summary || !detail) {
        workbook_close(wb);
        QFile::remove(path);
        return fail(xlsxErrorText(LXW_ERROR_MEMORY_MALLOC_FAILED));
    }
    writeSummary(check, summary, formats, report, heading);
    writeDetail(check, detail, formats, report, heading);

    QByteArray titleUtf8 = heading.toUtf8();
    QByteArray author = QByteArrayLiteral("Cobranza");
    lxw_doc_properties properties{};
    properties.title = titleUtf8.data();
    properties.author = author.data();
    check(workbook_set_properties(wb, &properties));

    check(workbook_close(wb));
    if (check.error != LXW_NO_ERROR) {
        QFile::remove(path);
        return fail(xlsxErrorText(check.error));
    }
    return true;
}

} // namespace cobranza
