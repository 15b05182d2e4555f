#include "portfolioexport.h"

#include "datetext.h"
#include "csvfield.h"

#include <QCoreApplication>
#include <QIODevice>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::PortfolioExport", s); }

ExportValue optionalRating(const std::optional<Rating> &r)
{
    return r ? ExportValue(ratingCode(*r)) : ExportValue();
}

std::vector<PortfolioExportColumn> makeColumns()
{
    using K = ExportKind;
    using L = const PortfolioLine &;
    using R = const PortfolioRules &;
    // FECHA_CORTE, VALOR_CUOTA and FECHA_VENCIMIENTO are not on screen but are required by the
    // import: with them an exported file is a valid portfolio report again.
    return {
        {QStringLiteral("FECHA_CORTE"), K::Date, 11, false, [](L l, R) -> ExportValue { return l.row.cutOff; }},
        {QStringLiteral("SUCURSAL"), K::Text, 9, false, [](L l, R) -> ExportValue { return l.row.branchCode; }},
        {QStringLiteral("OFICIAL_CREDITO"), K::Text, 16, false, [](L l, R) -> ExportValue { return l.row.officer; }},
        {QStringLiteral("NUMERO_CREDITO"), K::Text, 16, false,
         [](L l, R) -> ExportValue { return l.row.creditNumber; }},
        {QStringLiteral("NUMERO_SOCIO"), K::Text, 13, false, [](L l, R) -> ExportValue { return l.memberNumber; }},
        {QStringLiteral("CEDULA"), K::Text, 14, false, [](L l, R) -> ExportValue { return l.cedula; }},
        {QStringLiteral("APELLIDOS_NOMBRES"), K::Text, 36, false, [](L l, R) -> ExportValue { return l.fullName; }},
        {QStringLiteral("SEGMENTO"), K::Text, 14, false, [](L l, R) -> ExportValue { return segmentCode(l.segment); }},
        {QStringLiteral("SECTOR"), K::Text, 18, false, [](L l, R) -> ExportValue { return l.row.sector; }},
        {QStringLiteral("SALDO_CAPITAL"), K::Money, 15, true, [](L l, R) -> ExportValue { return l.row.balance; }},
        {QStringLiteral("VALOR_CUOTA"), K::Money, 13, true, [](L l, R) -> ExportValue { return l.row.installment; }},
        {QStringLiteral("VALOR_VENCIDO"), K::Money, 14, true, [](L l, R) -> ExportValue { return l.row.overdue; }},
        {QStringLiteral("CUOTAS_VENCIDAS"), K::Integer, 9, false,
         [](L l, R) -> ExportValue { return l.row.overdueInstallments; }},
        {QStringLiteral("FECHA_VENCIMIENTO"), K::Date, 11, false, [](L l, R) -> ExportValue { return l.row.dueDate; }},
        {QStringLiteral("DIAS_MORA"), K::Integer, 7, false, [](L l, R) -> ExportValue { return l.row.daysPastDue; }},
        {QStringLiteral("CALIFICACION"), K::Text, 8, false,
         [](L l, R) -> ExportValue { return ratingCode(l.row.rating); }},
        {QStringLiteral("CALIFICACION_ANT"), K::Text, 8, false,
         [](L l, R) { return optionalRating(l.row.previousRating); }},
        {QStringLiteral("NIVEL_RIESGO"), K::Text, 16, false,
         [](L l, R) -> ExportValue { return riskLevelLabel(l.riskLevel()); }},
        {QStringLiteral("RESPONSABLE"), K::Text, 22, false,
         [](L l, R) -> ExportValue { return roleLabel(l.responsible); }},
        {QStringLiteral("RECLASIFICADO"), K::Text, 8, false,
         [](L l, R) -> ExportValue { return l.row.reclassified() ? tr("SI") : tr("NO"); }},
        {QStringLiteral("DIAS_PROXIMA_CALIFICACION"), K::Integer, 9, false,
         [](L l, R) { return l.daysToNextRating ? ExportValue(*l.daysToNextRating) : ExportValue(); }},
        {QStringLiteral("ETAPA"), K::Text, 16, false, [](L l, R rules) {
             const auto &stages = rules.ladder.stages();
             if (l.ladderStage < 0 || l.ladderStage >= stages.size())
                 return ExportValue();
             return ExportValue(CollectionsLadder::rangeLabel(stages.at(l.ladderStage)));
         }},
    };
}

} // namespace

const std::vector<PortfolioExportColumn> &portfolioExportColumns()
{
    static const std::vector<PortfolioExportColumn> columns = makeColumns();
    return columns;
}

QString exportCsvText(const ExportValue &value)
{
    struct Visitor
    {
        QString operator()(std::monostate) const { return {}; }
        QString operator()(const QString &s) const { return s; }
        // Excel takes the decimal symbol from the Windows region, and es-EC (like es-ES) uses ','.
        // "1234,56" is therefore a number to a Spanish Excel, while "1234.56" would stay text;
        // our import reads both (formats/cartera.md). No grouping, so nothing is ambiguous.
        QString operator()(Money m) const { return m.toPlainString().replace(u'.', u','); }
        QString operator()(int n) const { return QString::number(n); }
        // dd/mm/yyyy: the region's short date, so Excel makes it a date; the import reads it too.
        QString operator()(const QDate &d) const
        {
            return d.isValid() ? dayText(d) : QString();
        }
    };
    return std::visit(Visitor{}, value);
}

// Why these choices: Excel opens a double-clicked .csv with the region's list separator (';' in
// es-EC) and, without a BOM, as the ANSI code page, which garbles "PÉREZ ÑAUPARI". The file stays
// a valid portfolio report for our own import. One thing it cannot keep: Excel still turns a cédula
// like 0602910945 into a number and drops the zero; the XLSX export writes those as text.
bool exportPortfolioCsv(QIODevice *device, const std::vector<PortfolioLine> &lines, const std::vector<int> &rows,
                        const PortfolioRules &rules, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = tr("No se pudo escribir el archivo CSV: %1").arg(why);
        return false;
    };
    if (!device || !device->isWritable())
        return fail(tr("el archivo no está abierto para escritura."));

    const std::vector<PortfolioExportColumn> &columns = portfolioExportColumns();
    QByteArray pending("\xEF\xBB\xBF");
    const auto flush = [&](bool force) {
        if (!force && pending.size() < (1 << 16))
            return true;
        if (device->write(pending) != pending.size())
            return false;
        pending.clear();
        return true;
    };

    QString line;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c > 0)
            line.append(u';');
        appendCsvField(&line, columns[c].header, u';');
    }
    line.append(QStringLiteral("\r\n"));
    pending.append(line.toUtf8());

    for (int index : rows) {
        if (index < 0 || static_cast<std::size_t>(index) >= lines.size())
            continue; // a stale selection must not crash an export
        const PortfolioLine &l = lines[static_cast<std::size_t>(index)];
        line.clear();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0)
                line.append(u';');
            appendCsvField(&line, exportCsvText(columns[c].value(l, rules)), u';');
        }
        line.append(QStringLiteral("\r\n"));
        pending.append(line.toUtf8());
        if (!flush(false))
            return fail(device->errorString());
    }
    if (!flush(true))
        return fail(device->errorString());
    return true;
}

} // namespace cobranza
