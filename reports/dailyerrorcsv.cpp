#include "dailyerrordocument.h"

#include "pdffile.h"
#include "datetext.h"
#include "csvfield.h"
#include "errorreport.h"

#include <QCoreApplication>
#include <QFileInfo>

// The daily error report's texts, its CSV, and the choice of format by extension.
namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::DailyErrorReport", s); }

} // namespace

QString dailyErrorDayText(QDate day)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "lunes"),
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "martes"),
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "miércoles"),
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "jueves"),
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "viernes"),
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "sábado"),
        QT_TRANSLATE_NOOP("cobranza::DailyErrorReport", "domingo"),
    };
    if (!day.isValid())
        return {};
    return tr("%1 %2 de %3")
        .arg(tr(names[day.dayOfWeek() - 1]))
        .arg(day.day())
        .arg(errorReportMonthText(day.year(), day.month()));
}

QString dailyErrorReportFileName(const QString &branchCode, QDate day, const QString &suffix)
{
    return QStringLiteral("errores-%1-%2.%3")
        .arg(branchCode.isEmpty() ? tr("todas") : branchCode, day.toString(QStringLiteral("yyyy-MM-dd")), suffix);
}

QByteArray dailyErrorReportCsv(const DailyErrorReport &report)
{
    // As the F.1-A's CSV, for Excel in es-EC: ';' and a BOM (portfolioexport.h).
    const QChar sep = u';';
    QString text = csvLine({QStringLiteral("FUNCIONARIO"), QStringLiteral("USUARIO"), QStringLiteral("CARGO"),
                            QStringLiteral("SIGLAS"), QStringLiteral("AGENCIA"), QStringLiteral("FECHA"),
                            QStringLiteral("CODIGO"), QStringLiteral("ERROR"), QStringLiteral("CREDITO"),
                            QStringLiteral("SOCIO"), QStringLiteral("NOTA")},
                           sep);
    const QString day = dayText(report.day);
    for (const DailyErrorPerson &p : report.people) {
        const QStringList who{p.name, p.username, roleLabel(p.role), p.initials, p.branchCode, day};
        if (p.errors.isEmpty())
            text += csvLine(who + QStringList{QString(), tr("Sin errores"), QString(), QString(), QString()}, sep);
        for (const DailyErrorLine &l : p.errors) {
            const ErrorTypeInfo &info = errorInfo(l.error.type);
            text += csvLine(who + QStringList{info.code, info.name, l.error.creditNumber, l.memberName, l.error.note},
                            sep);
        }
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

bool writeDailyErrorReport(const QString &path, const DailyErrorReport &report, const Letterhead &letterhead,
                           const QString &printedBy, const QDateTime &printedAt, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf") {
        DailyErrorDocument document(letterhead);
        document.setPrintedBy(printedBy);
        document.setPrintedAt(printedAt);
        return document.writePdf(path, report, error);
    }
    if (suffix != u"csv") {
        if (error)
            *error = tr("«%1»: el reporte diario se guarda como .pdf o .csv.").arg(path);
        return false;
    }
    return writeFileAtomically(path, dailyErrorReportCsv(report), error);
}

} // namespace cobranza
