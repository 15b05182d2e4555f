#include "output.h"

#include "cli.h"
#include "csvfield.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cobranza::cli {

bool Table::print(Context &ctx, const QString &format) const
{
    if (format == QLatin1String("csv")) {
        const auto line = [](const QStringList &fields) {
            QString out;
            for (qsizetype i = 0; i < fields.size(); ++i) {
                if (i)
                    out += u',';
                appendCsvField(&out, fields.at(i), u',');
            }
            return out;
        };
        ctx.out << line(m_header) << u'\n';
        for (const QStringList &r : m_rows)
            ctx.out << line(r) << u'\n';
        return true;
    }
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const QStringList &r : m_rows) {
            QJsonObject o;
            for (qsizetype i = 0; i < m_header.size(); ++i)
                o.insert(m_header.at(i), r.value(i));
            array.append(o);
        }
        ctx.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return true;
    }
    if (format != QLatin1String("table")) {
        ctx.err << QCoreApplication::translate("cli", "Error: formato desconocido «%1» (table, csv o json).\n").arg(format);
        return false;
    }
    QList<qsizetype> widths;
    for (const QString &h : m_header)
        widths.append(h.size());
    for (const QStringList &r : m_rows)
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], r.at(i).size());
    const auto line = [&widths](const QStringList &fields) {
        QString s;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i)
                s += QStringLiteral("  ");
            s += i + 1 == fields.size() ? fields.at(i) : fields.at(i).leftJustified(widths.at(i));
        }
        return s;
    };
    ctx.out << line(m_header) << u'\n';
    for (const QStringList &r : m_rows)
        ctx.out << line(r) << u'\n';
    return true;
}

} // namespace cobranza::cli
