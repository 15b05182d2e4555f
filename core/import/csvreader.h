#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringView>

#include <utility>
#include <vector>

class QIODevice;

namespace cobranza {

// One record of a delimited file: fields are views into a buffer reused for the next record.
class CsvRecord final
{
public:
    qint64 line() const { return m_line; } // physical line (1-based) where the record starts
    int fieldCount() const { return static_cast<int>(m_fields.size()); }
    // Empty view when i is out of range, so a short row reads as missing values, not a crash.
    QStringView field(int i) const
    {
        if (i < 0 || i >= fieldCount())
            return {};
        const auto &[begin, end] = m_fields[static_cast<std::size_t>(i)];
        return QStringView(m_buffer).sliced(begin, end - begin);
    }

private:
    friend class CsvReader;
    // One buffer for the whole record (delimiters included) and [begin, end) spans into it:
    // no allocation per field, and the capacity survives from one record to the next.
    QString m_buffer;
    std::vector<std::pair<qsizetype, qsizetype>> m_fields;
    qint64 m_line = 0;
};

// Streams a delimited text file: detects encoding and delimiter, unquotes RFC 4180 fields.
// Memory stays at about two chunks plus the longest record, whatever the size of the file.
class CsvReader final
{
public:
    // `device` must be open for reading. `chunkSize` is how many bytes are read at a time; tests
    // lower it to put chunk boundaries inside multi-byte characters, quotes and line breaks.
    explicit CsvReader(QIODevice *device, qint64 chunkSize = 1 << 20);

    enum class Encoding { Utf8, Utf8Bom, Windows1252 };
    enum class Status { Record, End, Error };

    // Reads the header record; detects encoding and delimiter. false + errorMessage() on failure
    // (empty file, no delimiter found, ...). Call once, before next().
    bool readHeader(CsvRecord *header);
    // The next data record. After an Error the reader resumes at the following line, so a caller
    // may keep reading to report every bad row; an unterminated quote simply runs to the end.
    // End at once when readHeader() failed: without a delimiter there is nothing to split.
    Status next(CsvRecord *record);

    QString errorMessage() const { return m_error; } // Spanish, e.g. "comillas sin cerrar: ..."
    qint64 errorLine() const { return m_errorLine; } // physical line where the bad record starts
    QChar delimiter() const { return QChar(m_delimiter); }
    Encoding encoding() const { return m_encoding; }
    QString encodingName() const; // "UTF-8", "UTF-8 con BOM", "Windows-1252"
    qint64 bytesConsumed() const { return m_bytesConsumed; } // for a progress bar

private:
    void detectEncoding();
    bool detectDelimiter();
    bool readChunk(bool append);
    qint64 readDevice(char *out, qint64 max);
    bool ensureText() { return m_pos < m_text.size() || readChunk(false); }
    Status readRecord(CsvRecord *record);
    Status parseRecord(CsvRecord *record, bool *sawQuote);
    Status endOrError();
    bool readQuoted(CsvRecord *record);
    void consumeLineBreak();
    void skipRestOfLine();
    bool isBlank(const CsvRecord &record) const;
    void fail(const QString &message, qint64 line);

    QIODevice *m_device;
    qint64 m_chunkSize;
    Encoding m_encoding = Encoding::Utf8;
    QStringDecoder m_utf8;
    QByteArray m_raw;     // the chunk just read from the device, reused
    QByteArray m_pending; // bytes read ahead to judge the encoding of a sequential device
    QString m_text;       // decoded text of the current chunk (the header may span several)
    qsizetype m_pos = 0;  // next unread character of m_text
    qint64 m_line = 1;    // physical line of m_pos
    qint64 m_bytesConsumed = 0;
    char16_t m_delimiter = u';';
    quint64 m_specialMask = 0; // bit c set: character c (< 64) ends the fast unquoted scan
    bool m_deviceAtEnd = false;
    bool m_readFailed = false;
    bool m_headerRead = false;
    QString m_error;
    qint64 m_errorLine = 0;
};

} // namespace cobranza
