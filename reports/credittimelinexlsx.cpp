#include "credittimelinexlsx.h"

#include "datetext.h"
#include "segment.h"
#include "xlsxerror.h"

#include <QCoreApplication>
#include <QFile>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::CreditTimelineXlsx", s); }

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

QString subtitleOf(const CreditFile &file)
{
    QStringList parts{tr("Cédula %1").arg(file.member.cedula), tr("socio N.º %1").arg(file.member.memberNumber),
                      segmentLabel(file.credit.segment)};
    if (const CreditHistoryPoint *p = file.latest())
        parts << tr("último corte %1: %2, calificación %3, oficial %4")
                     .arg(dayText(p->cutOff),
                          p->daysPastDue == 0 ? tr("al día") : tr("%1 días de mora").arg(p->daysPastDue),
                          ratingCode(p->rating), p->officer);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

bool exportCreditTimelineXlsx(const QString &path, const CreditFile &file, const QList<CreditEvent> &events,
                              QString *error)
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
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Expediente");
    lxw_format *title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format *subtitle = workbook_add_format(wb);
    format_set_italic(subtitle);
    format_set_font_color(subtitle, 0x595959);
    lxw_format *header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bg_color(header, 0xD9E1F2);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format *moment = workbook_add_format(wb);
    format_set_num_format(moment, "dd/mm/yyyy hh:mm");
    format_set_align(moment, LXW_ALIGN_LEFT);
    lxw_format *day = workbook_add_format(wb);
    format_set_num_format(day, "dd/mm/yyyy");
    format_set_align(day, LXW_ALIGN_LEFT);
    lxw_format *money = workbook_add_format(wb);
    format_set_num_format(money, "$ #,##0.00");
    lxw_format *bad = workbook_add_format(wb);
    format_set_font_color(bad, 0xA00000);
    format_set_bold(bad);
    lxw_format *good = workbook_add_format(wb);
    format_set_font_color(good, 0x1B5E20);
    format_set_bold(good);

    const QStringList headers{tr("Fecha"), tr("Evento"), tr("Detalle"), tr("Usuario"), tr("Valor")};
    const double widths[] = {17, 32, 100, 30, 14};
    const lxw_row_t headerRow = 3;
    const auto lastRow = static_cast<lxw_row_t>(headerRow + events.size());
    for (lxw_col_t c = 0; c < 5; ++c)
        check(worksheet_set_column(ws, c, c, widths[c], nullptr));
    check(worksheet_autofilter(ws, headerRow, 0, lastRow, 4));
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, headerRow, headerRow));

    const QString sheetTitle =
        tr("Expediente del crédito %1 — %2").arg(file.credit.creditNumber, file.member.fullName);
    check(worksheet_set_row(ws, 0, 21, nullptr));
    check(worksheet_write_string(ws, 0, 0, sheetTitle.toUtf8().constData(), title));
    check(worksheet_write_string(ws, 1, 0, subtitleOf(file).toUtf8().constData(), subtitle));
    for (lxw_col_t c = 0; c < 5; ++c)
        check(worksheet_write_string(ws, headerRow, c, headers.at(c).toUtf8().constData(), header));

    lxw_row_t row = headerRow + 1;
    for (const CreditEvent &e : events) {
        // A real date cell, so Excel sorts and filters by it; a date-only event keeps 00:00 hidden.
        const QDate d = e.at.date();
        const QTime t = e.dateOnly ? QTime(0, 0) : e.at.time();
        lxw_datetime dt{d.year(), d.month(), d.day(), t.hour(), t.minute(), 0.0};
        check(worksheet_write_datetime(ws, row, 0, &dt, e.dateOnly ? day : moment));
        lxw_format *tone = e.tone == CreditEvent::Tone::Bad ? bad : e.tone == CreditEvent::Tone::Good ? good : nullptr;
        // Always string cells: a detail starting with '=' stays text.
        check(worksheet_write_string(ws, row, 1, e.title.toUtf8().constData(), tone));
        if (!e.detail.isEmpty())
            check(worksheet_write_string(ws, row, 2, e.detail.toUtf8().constData(), nullptr));
        if (!e.who.isEmpty())
            check(worksheet_write_string(ws, row, 3, e.who.toUtf8().constData(), nullptr));
        if (e.amount)
            check(worksheet_write_number(ws, row, 4, static_cast<double>(e.amount->cents()) / 100.0, money));
        ++row;
    }

    QByteArray titleUtf8 = sheetTitle.toUtf8();
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
