#include "import/csvreader.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

#include <cstring>
#include <utility>

#include <catch2/catch.hpp>

using cobranza::CsvReader;
using cobranza::CsvRecord;

namespace {

// A device that cannot seek, like a pipe: the reader may judge its encoding on 1 MB only.
class SequentialDevice final : public QIODevice
{
public:
    explicit SequentialDevice(QByteArray data) : m_data(std::move(data)) { open(ReadOnly); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, m_data.size() - m_offset);
        std::memcpy(out, m_data.constData() + m_offset, static_cast<std::size_t>(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

// Everything a reader made of a file: records (header first) with their lines, and errors.
struct Outcome
{
    bool headerOk = false;
    QList<QStringList> records;
    QList<qint64> lines;
    QStringList errors; // "LINE: message"
    CsvReader::Encoding encoding = CsvReader::Encoding::Utf8;
    QChar delimiter;
    qint64 bytesConsumed = 0;
};

QStringList fieldsOf(const CsvRecord &record)
{
    QStringList fields;
    for (int i = 0; i < record.fieldCount(); ++i)
        fields << record.field(i).toString();
    return fields;
}

Outcome readAll(QIODevice *device, qint64 chunkSize = 1 << 20)
{
    CsvReader reader(device, chunkSize);
    Outcome out;
    CsvRecord record;
    out.headerOk = reader.readHeader(&record);
    if (!out.headerOk) {
        out.errors << QStringLiteral("%1: %2").arg(reader.errorLine()).arg(reader.errorMessage());
        return out;
    }
    out.encoding = reader.encoding();
    out.delimiter = reader.delimiter();
    for (int guard = 0; guard < 100000; ++guard) {
        out.records << fieldsOf(record);
        out.lines << record.line();
        CsvReader::Status status;
        while ((status = reader.next(&record)) == CsvReader::Status::Error)
            out.errors << QStringLiteral("%1: %2").arg(reader.errorLine()).arg(reader.errorMessage());
        if (status == CsvReader::Status::End)
            break;
    }
    REQUIRE(reader.next(&record) == CsvReader::Status::End); // End stays End
    out.bytesConsumed = reader.bytesConsumed();
    return out;
}

Outcome readAll(const QByteArray &bytes, qint64 chunkSize = 1 << 20)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return readAll(&buffer, chunkSize);
}

QStringList row(std::initializer_list<const char16_t *> fields)
{
    QStringList list;
    for (const char16_t *f : fields)
        list << QString::fromUtf16(f);
    return list;
}

// Windows-1252 bytes of a Latin text; the three typographic characters are mapped by hand so
// the test does not share the decoder's table.
QByteArray to1252(QStringView text)
{
    QByteArray bytes;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        bytes += u == u'€' ? '\x80' : u == u'“' ? '\x93' : u == u'”' ? '\x94' : static_cast<char>(u);
    }
    return bytes;
}

const QString latinRow = QStringLiteral(u"Ñandú Peñafiel;José Ávila Güiza;ó ú é á;€ 5 “cinco”");

} // namespace

TEST_CASE("CsvReader reads UTF-8 with and without BOM - and ASCII as UTF-8", "[csv]")
{
    const QByteArray body = (QStringLiteral(u"NOMBRE;APELLIDO;NOTA;PRECIO\r\n") + latinRow).toUtf8();
    const auto plain = readAll(body);
    CHECK(plain.encoding == CsvReader::Encoding::Utf8);
    CHECK(plain.records.value(1) == latinRow.split(u';'));

    const auto bom = readAll(QByteArray("\xEF\xBB\xBF") + body);
    CHECK(bom.encoding == CsvReader::Encoding::Utf8Bom);
    CHECK(bom.records.value(0).value(0) == QStringLiteral("NOMBRE")); // no U+FEFF left over
    CHECK(bom.records.value(1) == latinRow.split(u';'));

    CHECK(readAll(QByteArray("A;B\n1;2\n")).encoding == CsvReader::Encoding::Utf8);
}

TEST_CASE("CsvReader decodes Windows-1252 - including 0x80-0x9F", "[csv]")
{
    const auto out = readAll(to1252(QStringLiteral(u"NOMBRE;APELLIDO;NOTA;PRECIO\n") + latinRow));
    CHECK(out.encoding == CsvReader::Encoding::Windows1252);
    CHECK(out.records.value(1) == latinRow.split(u';'));

    QBuffer buffer;
    buffer.setData(to1252(u"A;B\n1;ñ\n"));
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord header;
    REQUIRE(reader.readHeader(&header));
    CHECK(reader.encodingName() == QStringLiteral("Windows-1252"));
}

TEST_CASE("CsvReader judges the encoding on the whole of a seekable file", "[csv]")
{
    // 2.5 MB of ASCII and one 1252 "ñ" at the very end, read through a real QFile.
    QByteArray bytes = "A;B\n";
    while (bytes.size() < 2'500'000)
        bytes += "12345;abcdefghijklmnopqrstuvwxyz\n";
    bytes += to1252(u"9;Muñoz\n");
    QTemporaryDir dir;
    QFile file(cobranza::test::writeFile(dir, QStringLiteral("cartera.csv"), bytes));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto out = readAll(&file);
    CHECK(out.encoding == CsvReader::Encoding::Windows1252);
    CHECK(out.records.constLast() == row({u"9", u"Muñoz"}));
    CHECK(out.lines.constLast() == out.records.size());
    CHECK(out.bytesConsumed == bytes.size());

    // Tiny chunks: the validator sees the bytes of one character in separate calls.
    CHECK(readAll(to1252(u"A;B\n1;x\n2;é\n"), 3).encoding == CsvReader::Encoding::Windows1252);
    CHECK(readAll(QStringLiteral(u"A;B\n1;x\n2;é€😀\n").toUtf8(), 3).encoding
          == CsvReader::Encoding::Utf8);
}

TEST_CASE("CsvReader judges a sequential device on its first megabyte", "[csv]")
{
    SequentialDevice latin(to1252(u"A;B\n1;Ñu\n"));
    CHECK(readAll(&latin, 4).records.value(1) == row({u"1", u"Ñu"}));

    // A 2-byte UTF-8 character cut by the 1 MB limit is not mistaken for invalid UTF-8.
    QByteArray bytes = "A;B\n";
    bytes += QByteArray((1 << 20) - 1 - bytes.size(), 'x');
    bytes += QStringLiteral(u"ñ;z\n").toUtf8();
    SequentialDevice utf8(bytes);
    const auto out = readAll(&utf8);
    CHECK(out.encoding == CsvReader::Encoding::Utf8);
    CHECK(out.records.value(1).value(0).endsWith(u'ñ'));
    CHECK(out.bytesConsumed == bytes.size());
}

TEST_CASE("CsvReader gives the same records whatever the chunk boundaries", "[csv]")
{
    // Boundaries fall inside multi-byte characters, doubled quotes, CR LF and blank lines.
    const QByteArray bytes = QStringLiteral(u"NOMBRE;CIUDAD;NOTA\r\n"
                                            u"Muñoz Peñafiel;Ambato €;\"dice \"\"hola\"\" 😀\r\n"
                                            u"segunda línea\"\r\n"
                                            u"Ñandú;\"a;b\";ü\n"
                                            u"\r\n"
                                            u"   \n"
                                            u"Último;x;\"\"\r\n\r\n")
                                 .toUtf8();
    const QList<QStringList> records = {
        row({u"NOMBRE", u"CIUDAD", u"NOTA"}),
        row({u"Muñoz Peñafiel", u"Ambato €", u"dice \"hola\" 😀\r\nsegunda línea"}),
        row({u"Ñandú", u"a;b", u"ü"}),
        row({u"Último", u"x", u""}),
    };
    const QList<qint64> lines = {1, 2, 4, 7};
    for (qint64 chunk : {1, 2, 3, 4, 5, 7, 8, 13, 1 << 20}) {
        INFO("chunk size " << chunk);
        const auto out = readAll(bytes, chunk);
        CHECK(out.encoding == CsvReader::Encoding::Utf8);
        CHECK(out.errors.isEmpty());
        CHECK(out.records == records);
        CHECK(out.lines == lines);
        CHECK(out.bytesConsumed == bytes.size());
    }
}

TEST_CASE("CsvReader detects each delimiter from the header - outside quotes", "[csv]")
{
    for (char d : {';', ',', '\t'}) {
        const QString others = QString::fromLatin1(";,\t").remove(QLatin1Char(d));
        const QString sep{QLatin1Char(d)};
        // The quoted header name holds the other candidates more often than the delimiter occurs.
        const QString text = QStringLiteral("A") + sep + u'"' + others.repeated(4) + u'"' + sep
            + QStringLiteral("C\n1") + sep + QStringLiteral("2") + sep + QStringLiteral("3\n");
        INFO("delimiter " << int(d));
        const auto out = readAll(text.toUtf8());
        CHECK(out.delimiter == QLatin1Char(d));
        CHECK(out.records.value(0).value(1) == others.repeated(4));
        CHECK(out.records.value(1) == row({u"1", u"2", u"3"}));
    }
}

TEST_CASE("CsvReader unquotes RFC 4180 fields and counts the lines inside them", "[csv]")
{
    const auto out = readAll(QStringLiteral(u"ID;TEXTO;OTRO\n"
                                            u"1;\"a;b\";x\n"
                                            u"2;\"dijo \"\"sí\"\"\";y\n"
                                            u"3;\"uno\r\ndos\";z\n"
                                            u"4;\"tres\ncuatro\ncinco\";w\n"
                                            u"5;\"\";\" v \"\n"
                                            u"6; \"q;r\"  ;ab\"c\n"
                                            u" 7 ; fin ;\n")
                                 .toUtf8());
    CHECK(out.errors.isEmpty());
    CHECK(out.records == QList<QStringList>{
              row({u"ID", u"TEXTO", u"OTRO"}), row({u"1", u"a;b", u"x"}),
              row({u"2", u"dijo \"sí\"", u"y"}), row({u"3", u"uno\r\ndos", u"z"}),
              row({u"4", u"tres\ncuatro\ncinco", u"w"}), row({u"5", u"", u" v "}),
              row({u"6", u"q;r", u"ab\"c"}), // spaces around quotes dropped, a stray quote kept
              row({u" 7 ", u" fin ", u""}),  // unquoted whitespace left for the importer
          });
    CHECK(out.lines == QList<qint64>{1, 2, 3, 4, 6, 9, 10, 11});
}

TEST_CASE("CsvReader reads CRLF - LF and stray CR line endings alike", "[csv]")
{
    const QByteArray lf = "A;B\n1;2\n\n3;\"x\ny\"\n4;5";
    const auto expected = readAll(lf);
    CHECK(expected.records.size() == 4);
    CHECK(expected.lines == QList<qint64>{1, 2, 4, 6});
    for (const QByteArray &other : {QByteArray("A;B\r\n1;2\r\n\r\n3;\"x\ny\"\r\n4;5\r\n"),
                                    QByteArray("A;B\r1;2\r\r\n\r\n3;\"x\ny\"\r\r\n4;5\r")}) {
        const auto out = readAll(other);
        CHECK(out.records == expected.records);
        CHECK(out.lines == expected.lines);
    }
}

TEST_CASE("CsvReader skips blank lines but counts them", "[csv]")
{
    const auto out = readAll(QByteArray("A;B\n\n1;2\n   \n\t\n3;4\n;\n\n\n  \n \r\n"));
    CHECK(out.records == QList<QStringList>{row({u"A", u"B"}), row({u"1", u"2"}),
                                            row({u"3", u"4"}), row({u"", u""})});
    CHECK(out.lines == QList<qint64>{1, 3, 6, 7}); // ";" is a row of empty fields, not blank

    const auto tabs = readAll(QByteArray("\n \nA\tB\n\t\n1\t2\n"));
    CHECK(tabs.records == QList<QStringList>{row({u"A", u"B"}), row({u"1", u"2"})});
    CHECK(tabs.lines == QList<qint64>{3, 5});
}

TEST_CASE("CsvReader reports an unterminated quote at the line where its row starts", "[csv]")
{
    const auto out = readAll(QByteArray("A;B;C\n1;2;3\n4;\"ok\nstill\";\"open\nmore;5\n\n"));
    CHECK(out.records.size() == 2);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].startsWith(u"3: comillas sin cerrar"));
    CHECK(out.errors[0].contains(u"el campo empieza en la línea 4"));
}

TEST_CASE("CsvReader refuses text after a closing quote and goes on at the next line", "[csv]")
{
    const auto out = readAll(QByteArray("A;B;C\n1;\"x\"y;3\n4;5;\"6\"\n\"a\nb\"c;8;9\n7;8;9\n"));
    CHECK(out.errors == QStringList{
              QStringLiteral(u"2: texto después de las comillas de cierre en el campo 2"),
              QStringLiteral(u"4: texto después de las comillas de cierre en el campo 1")});
    CHECK(out.records == QList<QStringList>{row({u"A", u"B", u"C"}), row({u"4", u"5", u"6"}),
                                            row({u"7", u"8", u"9"})});
    CHECK(out.lines == QList<qint64>{1, 3, 6});
}

TEST_CASE("CsvReader handles header-only - empty and undelimited files", "[csv]")
{
    for (const char *text : {"A;B;C", "A;B;C\r\n", "A;B;C\n\n  \n\r\n"}) {
        INFO(text);
        const auto out = readAll(QByteArray(text));
        CHECK(out.headerOk);
        CHECK(out.records == QList<QStringList>{row({u"A", u"B", u"C"})});
    }
    for (const char *text : {"", "\n", "  \r\n\t\n"}) {
        INFO(text);
        const auto out = readAll(QByteArray(text));
        CHECK_FALSE(out.headerOk);
        CHECK(out.errors == QStringList{QStringLiteral(u"1: el archivo está vacío")});
    }
    const auto utf16 = readAll(QByteArray("\xFF\xFE" "A\0;\0B\0\n\0", 10));
    CHECK_FALSE(utf16.headerOk);
    CHECK(utf16.errors.value(0).startsWith(u"1: el archivo está en UTF-16"));
    const auto single = readAll(QByteArray("\nSOLO_UNA_COLUMNA\n1\n"));
    CHECK_FALSE(single.headerOk);
    CHECK(single.errors.value(0).startsWith(u"2: no se encontró el separador de columnas"));
}

TEST_CASE("CsvRecord answers an empty view outside its fields", "[csv]")
{
    QBuffer buffer;
    buffer.setData("A;B\n1;2\n");
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    REQUIRE(reader.readHeader(&record));
    REQUIRE(reader.next(&record) == CsvReader::Status::Record);
    CHECK(record.fieldCount() == 2);
    CHECK(record.field(1) == u"2");
    CHECK(record.field(2).isEmpty());
    CHECK(record.field(-1).isEmpty());
}
