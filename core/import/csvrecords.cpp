// The record half of CsvReader: splitting decoded text into RFC 4180 fields. The setup half
// (encoding, delimiter, chunked reading) is in csvreader.cpp.
#include "csvreader.h"

#include <QCoreApplication>

namespace cobranza {

namespace {

bool isPadding(char16_t c, char16_t delimiter)
{
    return c == u' ' || (c == u'\t' && delimiter != u'\t');
}

} // namespace

CsvReader::Status CsvReader::readRecord(CsvRecord *record)
{
    for (;;) {
        record->m_buffer.resize(0); // keeps the capacity for the next record
        record->m_fields.clear();
        if (!ensureText())
            return endOrError();
        record->m_line = m_line;
        bool sawQuote = false;
        const Status status = parseRecord(record, &sawQuote);
        if (status != Status::Record || sawQuote || !isBlank(*record))
            return status;
    }
}

CsvReader::Status CsvReader::endOrError()
{
    // A read failure is reported once; after it the device counts as ended, so a caller that
    // keeps reading to collect every error still terminates.
    if (!m_readFailed)
        return Status::End;
    m_readFailed = false;
    return Status::Error;
}

CsvReader::Status CsvReader::parseRecord(CsvRecord *record, bool *sawQuote)
{
    QString &buffer = record->m_buffer;
    auto &fields = record->m_fields;
    qsizetype fieldBegin = 0;
    for (;;) {
        // Fast path, nearly every field of a real export: copy unquoted text in one run per chunk
        // (delimiters included) and only note where each field begins and ends.
        const auto text = reinterpret_cast<const char16_t *>(m_text.constData());
        const qsizetype runBegin = m_pos;
        const qsizetype end = m_text.size();
        const qsizetype offset = buffer.size() - runBegin; // buffer index of text[i] is i + offset
        qsizetype pos = runBegin;
        char16_t c = 0;
        for (; pos < end; ++pos) {
            c = text[pos];
            if (c < 64 && ((m_specialMask >> c) & 1)) {
                if (c != m_delimiter)
                    break;
                fields.emplace_back(fieldBegin, pos + offset);
                fieldBegin = pos + offset + 1;
            }
        }
        buffer.append(m_text.constData() + runBegin, pos - runBegin);
        m_pos = pos;
        if (pos == end) {
            if (readChunk(false))
                continue;
            fields.emplace_back(fieldBegin, buffer.size());
            return m_readFailed ? endOrError() : Status::Record; // last line without line break
        }
        if (c != u'"') {
            fields.emplace_back(fieldBegin, buffer.size());
            consumeLineBreak();
            return Status::Record;
        }
        ++m_pos;
        bool opening = true;
        for (QChar ch : QStringView(buffer).sliced(fieldBegin))
            opening = opening && isPadding(ch.unicode(), m_delimiter);
        if (!opening) {
            buffer.append(QChar(u'"')); // stray quote inside an unquoted field: keep it literally
            continue;
        }
        buffer.truncate(fieldBegin); // spaces before an opening quote are layout, not data
        *sawQuote = true;
        if (!readQuoted(record))
            return Status::Error;
        // Spaces may follow the closing quote (hand-edited files); anything else is an error,
        // since guessing where that field really ends would silently shift every later column.
        while (ensureText() && isPadding(m_text.at(m_pos).unicode(), m_delimiter))
            ++m_pos;
        fields.emplace_back(fieldBegin, buffer.size());
        if (!ensureText())
            return m_readFailed ? endOrError() : Status::Record;
        c = m_text.at(m_pos).unicode();
        if (c == m_delimiter) {
            ++m_pos;
            fieldBegin = buffer.size();
            continue;
        }
        if (c == u'\n' || c == u'\r') {
            consumeLineBreak();
            return Status::Record;
        }
        fail(QCoreApplication::translate("cobranza::CsvReader",
                                         "texto después de las comillas de cierre en el campo %1")
                 .arg(fields.size()),
             record->m_line);
        skipRestOfLine();
        return Status::Error;
    }
}

bool CsvReader::readQuoted(CsvRecord *record)
{
    QString &buffer = record->m_buffer;
    const qint64 fieldLine = m_line;
    for (;;) {
        if (!ensureText()) {
            if (!m_readFailed) {
                fail(QCoreApplication::translate("cobranza::CsvReader",
                                                 "comillas sin cerrar: el campo empieza en la "
                                                 "línea %1 y el archivo termina sin cerrarlas")
                         .arg(fieldLine),
                     record->m_line);
            }
            m_readFailed = false;
            return false;
        }
        const auto text = reinterpret_cast<const char16_t *>(m_text.constData());
        const qsizetype runBegin = m_pos;
        const qsizetype end = m_text.size();
        qsizetype pos = runBegin;
        for (; pos < end && text[pos] != u'"'; ++pos)
            m_line += text[pos] == u'\n'; // line breaks inside quotes still count as lines
        buffer.append(m_text.constData() + runBegin, pos - runBegin);
        m_pos = pos;
        if (pos == end)
            continue;
        ++m_pos;
        if (ensureText() && m_text.at(m_pos) == u'"') {
            buffer.append(QChar(u'"')); // "" inside quotes is one literal quote
            ++m_pos;
            continue;
        }
        return true;
    }
}

void CsvReader::consumeLineBreak()
{
    if (m_text.at(m_pos) == u'\n') {
        ++m_pos;
        ++m_line;
        return;
    }
    // CR LF, a lone CR, or CR CR LF left by a double conversion: all end exactly one line.
    while (ensureText() && m_text.at(m_pos) == u'\r')
        ++m_pos;
    if (ensureText() && m_text.at(m_pos) == u'\n')
        ++m_pos;
    ++m_line;
}

void CsvReader::skipRestOfLine()
{
    while (ensureText()) {
        const char16_t c = m_text.at(m_pos).unicode();
        if (c == u'\n' || c == u'\r') {
            consumeLineBreak();
            return;
        }
        ++m_pos;
    }
}

bool CsvReader::isBlank(const CsvRecord &record) const
{
    // Whitespace only: with TAB as delimiter a row of tabs is blank too; ";;;" is a row.
    if (record.m_fields.size() > 1 && m_delimiter != u'\t')
        return false;
    for (QChar c : record.m_buffer) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

} // namespace cobranza
