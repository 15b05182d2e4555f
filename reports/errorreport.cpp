#include "errorreport.h"

#include "pdffile.h"
#include "datetext.h"
#include "csvfield.h"
#include "errorreportxlsx.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ErrorReport", s); }


} // namespace

QString errorReportMonthText(int year, int month)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("cobranza::ErrorReport", "enero"),     QT_TRANSLATE_NOOP("cobranza::ErrorReport", "febrero"),
        QT_TRANSLATE_NOOP("cobranza::ErrorReport", "marzo"),     QT_TRANSLATE_NOOP("cobranza::ErrorReport", "abril"),
        QT_TRANSLATE_NOOP("cobranza::ErrorReport", "mayo"),      QT_TRANSLATE_NOOP("cobranza::ErrorReport", "junio"),
        QT_TRANSLATE_NOOP("cobranza::ErrorReport", "julio"),     QT_TRANSLATE_NOOP("cobranza::ErrorReport", "agosto"),
        QT_TRANSLATE_NOOP("cobranza::ErrorReport", "septiembre"), QT_TRANSLATE_NOOP("cobranza::ErrorReport", "octubre"),
        QT_TRANSLATE_NOOP("cobranza::ErrorReport", "noviembre"), QT_TRANSLATE_NOOP("cobranza::ErrorReport", "diciembre"),
    };
    if (month < 1 || month > 12)
        return QString::number(year);
    return tr("%1 de %2").arg(tr(names[month - 1])).arg(year);
}

QString errorReportBranchText(const ErrorReport &report, const QString &branchName)
{
    return errorReportBranchText(report.branchCode, branchName);
}

QString errorReportBranchText(const QString &branchCode, const QString &branchName)
{
    if (branchCode.isEmpty())
        return tr("Todas las agencias");
    if (branchName.isEmpty() || branchName == branchCode)
        return tr("Agencia %1").arg(branchCode);
    return tr("Agencia %1 – %2").arg(branchCode, branchName);
}

QString errorReportBranchField(const QString &branchCode, const QString &branchName)
{
    if (branchCode.isEmpty())
        return tr("Todas");
    if (branchName.isEmpty() || branchName == branchCode)
        return branchCode;
    return tr("%1 – %2").arg(branchCode, branchName);
}

QString errorReportChangeText(int total, int previousTotal)
{
    const int change = total - previousTotal;
    if (change > 0)
        return QStringLiteral("+%1").arg(change);
    if (change < 0)
        return QStringLiteral("\u2212%1").arg(-change); // a real minus: the hyphen reads as a dash on paper
    return QStringLiteral("0");
}

QByteArray errorReportCsv(const ErrorReport &report)
{
    // Why these choices: as the portfolio's CSV, for Excel in es-EC (';' and a BOM, portfolioexport.h).
    QString text = csvLine({QStringLiteral("FUNCIONARIO"), QStringLiteral("USUARIO"), QStringLiteral("CODIGO"),
                            QStringLiteral("ERROR"), QStringLiteral("FECHA"), QStringLiteral("CREDITO"),
                            QStringLiteral("NOTA")},
                           u';');
    for (const MonthlyErrors &p : report.people)
        for (const StaffError &e : p.lines) {
            const ErrorTypeInfo &info = errorInfo(e.type);
            text += csvLine({p.name, p.username, info.code, info.name, dayText(e.day), e.creditNumber, e.note}, u';');
        }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

bool writeErrorReportCsv(const QString &path, const ErrorReport &report, QString *error)
{
    return writeFileAtomically(path, errorReportCsv(report), error);
}

bool writeErrorReport(const QString &path, const ErrorReport &report, const Letterhead &letterhead, QString *error,
                      const QString &branchName)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf") {
        ErrorReportDocument document(letterhead);
        document.setBranchName(branchName);
        return document.writePdf(path, report, error);
    }
    if (suffix == u"xlsx")
        return exportErrorReportXlsx(path, report, error, branchName);
    if (suffix == u"csv")
        return writeErrorReportCsv(path, report, error);
    if (error)
        *error = tr("«%1»: el reporte se guarda como .pdf, .xlsx o .csv.").arg(path);
    return false;
}

} // namespace cobranza
