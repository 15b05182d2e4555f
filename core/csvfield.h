#pragma once

#include <QChar>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace cobranza {

// Appends one field of a delimited file, RFC 4180: quoted only when it holds the delimiter, a quote
// or a line break, with inner quotes doubled. Used by every CSV the workstation writes.
inline void appendCsvField(QString *out, QStringView text, QChar delimiter)
{
    bool quote = false;
    for (QChar c : text)
        if (c == delimiter || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    if (!quote) {
        out->append(text);
        return;
    }
    out->append(u'"');
    for (QChar c : text) {
        if (c == u'"')
            out->append(u'"');
        out->append(c);
    }
    out->append(u'"');
}

// One row of such a file, ending in CRLF as Excel writes them.
inline QString csvLine(const QStringList &fields, QChar delimiter)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line.append(delimiter);
        appendCsvField(&line, fields.at(i), delimiter);
    }
    return line + QStringLiteral("\r\n");
}

} // namespace cobranza
