#include "csvreader.h"

#include "textencoding.h"

#include <QCoreApplication>
#include <QIODevice>

namespace cobranza {

namespace {

// A pipe cannot be scanned twice, so the encoding of a sequential device is judged on this much.
constexpr qint64 sequentialSniffBytes = 1 << 20;

} // namespace

CsvReader::CsvReader(QIODevice *device, qint64 chunkSize)
    : m_device(device), m_chunkSize(qMax<qint64>(1, chunkSize)), m_utf8(QStringDecoder::Utf8)
{
}

QString CsvReader::encodingName() const
{
    switch (m_encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QCoreApplication::translate("cobranza::CsvReader", "UTF-8 con BOM");
    case Encoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

bool CsvReader::readHeader(CsvRecord *header)
{
    Q_ASSERT(!m_headerRead);
    m_raw.resize(m_chunkSize);
    // Excel's "Texto Unicode" export is UTF-16; read as 1252 it would be a header of garbage, so
    // say what the file is and how to save it instead.
    const QByteArray start = m_device->peek(2);
    if (start == QByteArrayView("\xFF\xFE", 2) || start == QByteArrayView("\xFE\xFF", 2)) {
        fail(QCoreApplication::translate("cobranza::CsvReader",
                                         "el archivo está en UTF-16 («Texto Unicode» de Excel); "
                                         "guárdelo como «CSV UTF-8 (delimitado por comas)»"),
             1);
        return false;
    }
    detectEncoding();
    if (!ensureText() || !detectDelimiter()) {
        if (m_error.isEmpty()) {
            fail(QCoreApplication::translate("cobranza::CsvReader", "el archivo está vacío"),
                 m_line);
        }
        return false;
    }
    const Status status = readRecord(header);
    if (status == Status::End)
        fail(QCoreApplication::translate("cobranza::CsvReader", "el archivo está vacío"), m_line);
    m_headerRead = status == Status::Record;
    return m_headerRead;
}

CsvReader::Status CsvReader::next(CsvRecord *record)
{
    if (!m_headerRead) {
        record->m_buffer.resize(0);
        record->m_fields.clear();
        return Status::End;
    }
    return readRecord(record);
}

void CsvReader::detectEncoding()
{
    if (m_device->peek(3) == QByteArrayView("\xEF\xBB\xBF", 3)) {
        m_encoding = Encoding::Utf8Bom; // the decoder drops the BOM itself
        return;
    }
    // Without a BOM only the whole file can tell: a 1252 export is often pure ASCII for
    // thousands of rows until the first "Ñ".
    Utf8Validator validator;
    bool utf8 = false;
    if (!m_device->isSequential()) {
        const qint64 start = m_device->pos();
        for (;;) {
            const qint64 n = m_device->read(m_raw.data(), m_chunkSize);
            if (n <= 0 || !validator.feed(QByteArrayView(m_raw.constData(), n)))
                break;
        }
        m_device->seek(start);
        utf8 = validator.isCompleteAndValid();
    } else {
        while (m_pending.size() < sequentialSniffBytes) {
            const qint64 n = readDevice(m_raw.data(),
                                        qMin(m_chunkSize, sequentialSniffBytes - m_pending.size()));
            if (n <= 0)
                break;
            m_pending.append(m_raw.constData(), n);
        }
        validator.feed(m_pending);
        // A sequence cut by the 1 MB limit is not an error; one cut by the end of file is.
        utf8 = m_deviceAtEnd ? validator.isCompleteAndValid() : validator.isValidSoFar();
    }
    m_encoding = utf8 ? Encoding::Utf8 : Encoding::Windows1252;
}

bool CsvReader::detectDelimiter()
{
    // Count candidates outside quotes on the first line that is not blank; the header of a real
    // export has a dozen or more columns, so the most frequent candidate is the delimiter.
    int semicolons = 0;
    int commas = 0;
    int tabs = 0;
    qint64 blankLines = 0;
    bool inQuotes = false;
    bool content = false;
    for (qsizetype i = m_pos;; ++i) {
        if (i >= m_text.size() && !readChunk(true))
            break;
        const char16_t c = m_text.at(i).unicode();
        if (inQuotes) {
            inQuotes = c != u'"';
            continue;
        }
        if (c == u'\n' || c == u'\r') {
            if (content)
                break;
            blankLines += c == u'\n';
            semicolons = commas = tabs = 0;
            continue;
        }
        semicolons += c == u';';
        commas += c == u',';
        tabs += c == u'\t';
        inQuotes = c == u'"';
        content = content || !QChar::isSpace(c);
    }
    if (m_readFailed)
        return false;
    if (!content)
        return false; // blank file: readHeader() says so
    const int best = qMax(semicolons, qMax(commas, tabs));
    if (best == 0) {
        fail(QCoreApplication::translate("cobranza::CsvReader",
                                         "no se encontró el separador de columnas (punto y "
                                         "coma, coma o tabulador) en la línea de encabezados"),
             m_line + blankLines);
        return false;
    }
    m_delimiter = semicolons == best ? u';' : tabs == best ? u'\t' : u',';
    m_specialMask = (quint64(1) << m_delimiter) | (quint64(1) << u'"') | (quint64(1) << u'\n')
        | (quint64(1) << u'\r');
    return true;
}

qint64 CsvReader::readDevice(char *out, qint64 max)
{
    for (;;) {
        const qint64 n = m_device->read(out, max);
        if (n > 0)
            return n;
        if (n < 0) {
            m_readFailed = true;
            m_deviceAtEnd = true;
            return -1;
        }
        // A process or socket may have nothing yet without being finished; a file never waits.
        if (!(m_device->isSequential() && m_device->waitForReadyRead(-1))) {
            m_deviceAtEnd = true;
            return 0;
        }
    }
}

bool CsvReader::readChunk(bool append)
{
    if (!append) {
        m_text.resize(0); // keeps the capacity: no allocation per chunk
        m_pos = 0;
    }
    const qsizetype before = m_text.size();
    while (m_text.size() == before) {
        QByteArrayView bytes;
        if (!m_pending.isEmpty()) {
            bytes = m_pending;
        } else {
            if (m_deviceAtEnd && !m_readFailed)
                return false;
            const qint64 n = m_readFailed ? -1 : readDevice(m_raw.data(), m_chunkSize);
            if (n < 0) {
                fail(QCoreApplication::translate("cobranza::CsvReader",
                                                 "no se pudo leer el archivo: %1")
                         .arg(m_device->errorString()),
                     m_line);
                return false;
            }
            if (n == 0)
                return false;
            bytes = QByteArrayView(m_raw.constData(), n);
        }
        m_bytesConsumed += bytes.size();
        if (m_encoding == Encoding::Windows1252) {
            appendWindows1252(&m_text, bytes);
        } else {
            // The decoder is stateful: a character split between two chunks comes out whole.
            m_text.resize(before + m_utf8.requiredSpace(bytes.size()));
            const QChar *end = m_utf8.appendToBuffer(m_text.data() + before, bytes);
            m_text.resize(end - m_text.constData());
        }
        m_pending.clear();
    }
    return true;
}

void CsvReader::fail(const QString &message, qint64 line)
{
    m_error = message;
    m_errorLine = line;
}

} // namespace cobranza
