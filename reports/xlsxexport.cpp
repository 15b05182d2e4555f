#include "xlsxexport.h"

#include "portfolio/portfolioexport.h"
#include "xlsxerror.h"

#include <QCoreApplication>
#include <QFile>

#include <xlsxwriter.h>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::XlsxExport", s); }

// The cell formats of the sheet, owned by the workbook.
struct Formats
{
    lxw_format *title = nullptr;
    lxw_format *subtitle = nullptr;
    lxw_format *header = nullptr;
    lxw_format *money = nullptr;
    lxw_format *integer = nullptr;
    lxw_format *date = nullptr;
    lxw_format *totalLabel = nullptr;
    lxw_format *totalMoney = nullptr;
    lxw_format *totalCount = nullptr;
    lxw_format *totalBlank = nullptr;

    explicit Formats(lxw_workbook *wb)
    {
        // "$ #,##0.00": Excel shows the separators of the reader's region, so a Spanish Excel
        // reads "$ 1.234,56" as on our screens while the cell stays a number.
        const char *moneyCode = "$ #,##0.00";
        title = workbook_add_format(wb);
        format_set_bold(title);
        format_set_font_size(title, 14);
        subtitle = workbook_add_format(wb);
        format_set_italic(subtitle);
        format_set_font_color(subtitle, 0x595959);
        header = workbook_add_format(wb);
        format_set_bold(header);
        format_set_bg_color(header, 0xD9E1F2);
        format_set_bottom(header, LXW_BORDER_THIN);
        money = workbook_add_format(wb);
        format_set_num_format(money, moneyCode);
        integer = workbook_add_format(wb);
        format_set_num_format(integer, "0");
        date = workbook_add_format(wb);
        format_set_num_format(date, "dd/mm/yyyy");
        totalLabel = workbook_add_format(wb);
        format_set_bold(totalLabel);
        format_set_top(totalLabel, LXW_BORDER_THIN);
        totalMoney = workbook_add_format(wb);
        format_set_bold(totalMoney);
        format_set_top(totalMoney, LXW_BORDER_THIN);
        format_set_num_format(totalMoney, moneyCode);
        totalCount = workbook_add_format(wb);
        format_set_bold(totalCount);
        format_set_top(totalCount, LXW_BORDER_THIN);
        format_set_num_format(totalCount, "0 \"créditos\"");
        totalBlank = workbook_add_format(wb);
        format_set_top(totalBlank, LXW_BORDER_THIN);
    }
};

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

void writeCell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const ExportValue &value, const Formats &f,
               FirstError &check)
{
    if (const auto *text = std::get_if<QString>(&value)) {
        // Always a string cell, never a formula or number: cédulas keep their leading zero and a
        // name beginning with '=' stays a name.
        if (!text->isEmpty())
            check(worksheet_write_string(ws, row, col, text->toUtf8().constData(), nullptr));
    } else if (const auto *money = std::get_if<Money>(&value)) {
        // A cell holds a double; cents / 100 is exact to the cent for any balance below 2^53 cents.
        check(worksheet_write_number(ws, row, col, static_cast<double>(money->cents()) / 100.0, f.money));
    } else if (const auto *number = std::get_if<int>(&value)) {
        check(worksheet_write_number(ws, row, col, *number, f.integer));
    } else if (const auto *date = std::get_if<QDate>(&value)) {
        if (date->isValid()) {
            lxw_datetime dt{date->year(), date->month(), date->day(), 0, 0, 0.0};
            check(worksheet_write_datetime(ws, row, col, &dt, f.date));
        }
    }
}

} // namespace

// lxw_strerror() is English; staff get the cause in Spanish and the library's words for support.
QString xlsxErrorText(lxw_error e)
{
    QString why;
    switch (e) {
    case LXW_ERROR_CREATING_XLSX_FILE:
        why = tr("no se pudo crear el archivo; revise que la carpeta exista, que se pueda escribir en ella y "
                 "que el archivo no esté abierto en otro programa");
        break;
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        why = tr("no se pudo usar un archivo temporal (¿disco lleno?)");
        break;
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        why = tr("no hay memoria suficiente");
        break;
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        why = tr("no se pudo comprimir el libro (¿disco lleno?)");
        break;
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
        why = tr("un texto supera los 32.767 caracteres que admite una celda de Excel");
        break;
    default:
        why = tr("error interno al generar el libro");
        break;
    }
    return why + QStringLiteral(" (libxlsxwriter: %1)").arg(QString::fromUtf8(lxw_strerror(e)));
}

bool exportPortfolioXlsx(const QString &path, const std::vector<PortfolioLine> &lines, const std::vector<int> &rows,
                         const PortfolioRules &rules, const QString &title, QString *error)
{
    const auto fail = [&path, error](const QString &why) {
        if (error)
            *error = tr("No se pudo exportar a Excel «%1»: %2").arg(path, why);
        return false;
    };
    if (path.isEmpty())
        return fail(tr("falta el nombre del archivo"));

    std::vector<const PortfolioLine *> selected;
    selected.reserve(rows.size());
    for (int index : rows)
        if (index >= 0 && static_cast<std::size_t>(index) < lines.size())
            selected.push_back(&lines[static_cast<std::size_t>(index)]);

    const std::vector<PortfolioExportColumn> &columns = portfolioExportColumns();
    const auto lastCol = static_cast<lxw_col_t>(columns.size() - 1);
    const lxw_row_t headerRow = 2;
    const lxw_row_t firstDataRow = 3;
    const auto totalsRow = static_cast<lxw_row_t>(firstDataRow + selected.size());
    if (selected.size() + firstDataRow + 1 > LXW_ROW_MAX)
        return fail(tr("%1 créditos no caben en una hoja de Excel (máximo %2 filas)")
                        .arg(selected.size())
                        .arg(LXW_ROW_MAX));

    // Constant memory: each row goes to a temporary file as soon as the next one starts, so
    // 200,000 credits do not sit in memory twice; it also writes strings inline in the sheet.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    const QByteArray fileName = QFile::encodeName(path);
    lxw_workbook *wb = workbook_new_opt(fileName.constData(), &options);
    if (!wb)
        return fail(xlsxErrorText(LXW_ERROR_MEMORY_MALLOC_FAILED));
    FirstError check;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Cartera");
    if (!ws) {
        check(LXW_ERROR_CREATING_TMPFILE); // in constant memory, the sheet's temporary file
        workbook_close(wb);
        QFile::remove(path);
        return fail(xlsxErrorText(check.error));
    }
    const Formats f(wb);

    for (lxw_col_t c = 0; c <= lastCol; ++c)
        check(worksheet_set_column(ws, c, c, columns[c].width, nullptr));
    // Before any cell: in constant memory the autofilter refuses rows already written.
    check(worksheet_autofilter(ws, headerRow, 0, selected.empty() ? headerRow : totalsRow - 1, lastCol));
    worksheet_freeze_panes(ws, firstDataRow, 0);
    // Printed: landscape, one page wide, the header on every page.
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, headerRow, headerRow));

    const QString sheetTitle = title.trimmed().isEmpty() ? tr("Cartera") : title.trimmed();
    check(worksheet_set_row(ws, 0, 21, nullptr));
    check(worksheet_write_string(ws, 0, 0, sheetTitle.toUtf8().constData(), f.title));
    // No export time here: the cut-off is in the data, and code in this project never reads the clock
    // behind its caller's back (a caller may put the time in the title).
    const QString subtitle = tr("%1 créditos").arg(selected.size());
    check(worksheet_write_string(ws, 1, 0, subtitle.toUtf8().constData(), f.subtitle));
    for (lxw_col_t c = 0; c <= lastCol; ++c)
        check(worksheet_write_string(ws, headerRow, c, columns[c].header.toUtf8().constData(), f.header));

    std::vector<qint64> sums(columns.size(), 0);
    lxw_row_t row = firstDataRow;
    for (const PortfolioLine *l : selected) {
        for (lxw_col_t c = 0; c <= lastCol; ++c) {
            const ExportValue value = columns[c].value(*l, rules);
            if (const auto *money = std::get_if<Money>(&value))
                sums[c] += money->cents();
            writeCell(ws, row, c, value, f, check);
        }
        ++row;
    }

    // SUBTOTAL ignores the rows the autofilter hides, so the totals follow what the reader filters;
    // the cached results are the full totals, for viewers that do not recalculate.
    char range[64];
    for (lxw_col_t c = 0; c <= lastCol; ++c) {
        const PortfolioExportColumn &column = columns[c];
        if (c == 0) {
            check(worksheet_write_string(ws, totalsRow, c, tr("TOTAL").toUtf8().constData(), f.totalLabel));
        } else if (column.summed || column.header == QLatin1String("NUMERO_CREDITO")) {
            const bool count = !column.summed;
            const double result = count ? static_cast<double>(selected.size()) : static_cast<double>(sums[c]) / 100.0;
            lxw_format *format = count ? f.totalCount : f.totalMoney;
            if (selected.empty()) {
                check(worksheet_write_number(ws, totalsRow, c, 0, format));
            } else {
                lxw_rowcol_to_range(range, firstDataRow, c, totalsRow - 1, c);
                const QByteArray formula = QByteArrayLiteral("=SUBTOTAL(") + (count ? "103," : "109,") + range + ')';
                check(worksheet_write_formula_num(ws, totalsRow, c, formula.constData(), format, result));
            }
        } else {
            check(worksheet_write_blank(ws, totalsRow, c, f.totalBlank));
        }
    }

    QByteArray titleUtf8 = sheetTitle.toUtf8();
    QByteArray author = QByteArrayLiteral("Cobranza");
    lxw_doc_properties properties{};
    properties.title = titleUtf8.data();
    properties.author = author.data();
    check(workbook_set_properties(wb, &properties));

    const lxw_error closed = workbook_close(wb);
    check(closed);
    if (check.error != LXW_NO_ERROR) {
        QFile::remove(path);
        return fail(xlsxErrorText(check.error));
    }
    return true;
}

} // namespace cobranza
