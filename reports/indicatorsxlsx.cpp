#include "indicatorsxlsx.h"

#include "xlsxerror.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::IndicatorsXlsx", s); }

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

QString unitSuffix(IndicatorUnit unit)
{
    switch (unit) {
    case IndicatorUnit::Dollars: return tr(" (USD)");
    case IndicatorUnit::Percent: return tr(" (%)");
    case IndicatorUnit::Count: return QString();
    }
    return {};
}

// The formats of one workbook, made once.
struct Formats
{
    lxw_format *title, *subtitle, *label, *wrap, *header, *money, *percent, *count;
    explicit Formats(lxw_workbook *wb)
        : title(workbook_add_format(wb)), subtitle(workbook_add_format(wb)), label(workbook_add_format(wb)),
          wrap(workbook_add_format(wb)), header(workbook_add_format(wb)), money(workbook_add_format(wb)),
          percent(workbook_add_format(wb)), count(workbook_add_format(wb))
    {
        format_set_bold(title);
        format_set_font_size(title, 14);
        format_set_italic(subtitle);
        format_set_font_color(subtitle, 0x595959);
        format_set_bold(label);
        format_set_align(label, LXW_ALIGN_VERTICAL_TOP);
        format_set_text_wrap(wrap);
        format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
        format_set_bold(header);
        format_set_bg_color(header, 0xD9E1F2);
        format_set_bottom(header, LXW_BORDER_THIN);
        format_set_text_wrap(header);
        format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
        format_set_num_format(money, "$ #,##0.00");
        format_set_num_format(percent, "0.00%");
        format_set_num_format(count, "#,##0");
    }
};

void writeText(FirstError &check, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const QString &text,
               lxw_format *format = nullptr)
{
    // Always string cells: a text starting with '=' stays text.
    check(worksheet_write_string(ws, row, col, text.toUtf8().constData(), format));
}

// A text too long for one cell, across columns B to `lastCol`, wrapped on as many lines as it needs.
void writeLong(FirstError &check, lxw_worksheet *ws, lxw_row_t row, lxw_col_t lastCol, const QString &text,
               const Formats &f)
{
    const int lines = std::max<int>(1, static_cast<int>((text.size() + 109) / 110));
    check(worksheet_set_row(ws, row, 15.0 * lines, nullptr));
    if (lastCol > 1)
        check(worksheet_merge_range(ws, row, 1, row, lastCol, text.toUtf8().constData(), f.wrap));
    else
        writeText(check, ws, row, 1, text, f.wrap);
}

void writeIndicator(FirstError &check, lxw_workbook *wb, const Formats &f, const IndicatorExport &e, const QString &scope)
{
    const IndicatorTable &t = e.table;
    lxw_worksheet *ws = workbook_add_worksheet(wb, e.sheet.code.left(31).toUtf8().constData());
    if (!ws) {
        check(LXW_ERROR_SHEETNAME_ALREADY_USED);
        return;
    }
    const bool notes = !t.noteTitle.isEmpty();
    const lxw_col_t firstValue = notes ? 2 : 1;
    const auto lastCol = static_cast<lxw_col_t>(std::max<qsizetype>(5, firstValue + t.series.size() - 1));
    check(worksheet_set_column(ws, 0, 0, 34, nullptr));
    check(worksheet_set_column(ws, 1, lastCol, 16, nullptr));
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);

    check(worksheet_set_row(ws, 0, 21, nullptr));
    writeText(check, ws, 0, 0, e.sheet.name, f.title);
    writeText(check, ws, 1, 0, scope, f.subtitle);
    writeText(check, ws, 2, 0, t.headline, nullptr);
    const QList<std::pair<QString, QString>> sheetLines = {
        {tr("Ficha técnica: código"), e.sheet.code}, {tr("Fórmula"), e.sheet.formula},
        {tr("Unidad"), e.sheet.unit},                 {tr("Frecuencia"), e.sheet.frequency},
        {tr("Fuente"), e.sheet.source},               {tr("Meta"), goalText(e.sheet, t.chartUnit())},
        {tr("Responsable"), e.sheet.responsible}};
    lxw_row_t row = 4;
    for (const auto &[label, text] : sheetLines) {
        writeText(check, ws, row, 0, label, f.label);
        writeLong(check, ws, row, lastCol, text, f);
        ++row;
    }

    const lxw_row_t headerRow = row + 1;
    writeText(check, ws, headerRow, 0, t.categoryTitle, f.header);
    if (notes)
        writeText(check, ws, headerRow, 1, t.noteTitle, f.header);
    for (qsizetype s = 0; s < t.series.size(); ++s)
        writeText(check, ws, headerRow, static_cast<lxw_col_t>(firstValue + s),
                  t.series.at(s).name + unitSuffix(t.series.at(s).unit), f.header);
    check(worksheet_set_row(ws, headerRow, 32, nullptr));
    worksheet_freeze_panes(ws, headerRow + 1, 1);
    for (qsizetype c = 0; c < t.categories.size(); ++c) {
        const auto r = static_cast<lxw_row_t>(headerRow + 1 + c);
        writeText(check, ws, r, 0, t.categories.at(c));
        if (notes)
            writeText(check, ws, r, 1, t.notes.value(c));
        for (qsizetype s = 0; s < t.series.size(); ++s) {
            const IndicatorSeries &series = t.series.at(s);
            const std::optional<double> v = series.values.value(c);
            if (!v)
                continue;
            const auto col = static_cast<lxw_col_t>(firstValue + s);
            switch (series.unit) {
            case IndicatorUnit::Dollars: check(worksheet_write_number(ws, r, col, *v, f.money)); break;
            case IndicatorUnit::Percent: check(worksheet_write_number(ws, r, col, *v / 100.0, f.percent)); break;
            case IndicatorUnit::Count: check(worksheet_write_number(ws, r, col, *v, f.count)); break;
            }
        }
    }
}

void writeIndex(FirstError &check, lxw_workbook *wb, const Formats &f, const QList<IndicatorExport> &indicators,
                const QString &scope)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, tr("Indicadores").toUtf8().constData());
    check(worksheet_set_column(ws, 0, 0, 20, nullptr));
    check(worksheet_set_column(ws, 1, 1, 40, nullptr));
    check(worksheet_set_column(ws, 2, 2, 100, f.wrap));
    check(worksheet_set_column(ws, 3, 3, 22, nullptr));
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    writeText(check, ws, 0, 0, tr("Indicadores de cobranza"), f.title);
    writeText(check, ws, 1, 0, scope, f.subtitle);
    const QStringList headers = {tr("Código (hoja)"), tr("Indicador"), tr("Resumen"), tr("Meta")};
    for (int c = 0; c < headers.size(); ++c)
        writeText(check, ws, 3, static_cast<lxw_col_t>(c), headers.at(c), f.header);
    lxw_row_t row = 4;
    for (const IndicatorExport &e : indicators) {
        writeText(check, ws, row, 0, e.sheet.code);
        writeText(check, ws, row, 1, e.sheet.name);
        writeText(check, ws, row, 2, e.table.headline, f.wrap);
        writeText(check, ws, row, 3, goalText(e.sheet, e.table.chartUnit()));
        ++row;
    }
    worksheet_freeze_panes(ws, 4, 0);
}

} // namespace

bool exportIndicatorsXlsx(const QString &path, const QList<IndicatorExport> &indicators, const QString &scope,
                          QString *error)
{
    const auto fail = [&path, error](const QString &why) {
        if (error)
            *error = tr("No se pudo exportar a Excel «%1»: %2").arg(path, why);
        return false;
    };
    if (path.isEmpty())
        return fail(tr("falta el nombre del archivo"));
    if (indicators.isEmpty())
        return fail(tr("no hay indicadores que exportar"));

    const QByteArray fileName = QFile::encodeName(path);
    lxw_workbook *wb = workbook_new(fileName.constData());
    if (!wb)
        return fail(xlsxErrorText(LXW_ERROR_MEMORY_MALLOC_FAILED));
    FirstError check;
    const Formats formats(wb);
    if (indicators.size() > 1)
        writeIndex(check, wb, formats, indicators, scope);
    for (const IndicatorExport &e : indicators)
        writeIndicator(check, wb, formats, e, scope);

    QByteArray title = (indicators.size() == 1 ? indicators.first().sheet.name : tr("Indicadores de cobranza")).toUtf8();
    QByteArray author = QByteArrayLiteral("Cobranza");
    lxw_doc_properties properties{};
    properties.title = title.data();
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
