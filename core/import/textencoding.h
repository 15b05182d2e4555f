#pragma once

#include <QByteArrayView>
#include <QString>

namespace cobranza {

// Checks that a byte stream is well-formed UTF-8 when it arrives in arbitrary chunks, so a file
// of hundreds of megabytes can be judged in constant memory before anything is decoded.
class Utf8Validator final
{
public:
    // Feeds the next bytes; false as soon as the stream can no longer be valid UTF-8.
    bool feed(QByteArrayView bytes);
    // True when everything fed so far is valid and no multi-byte sequence is left open.
    bool isCompleteAndValid() const { return m_valid && m_remaining == 0; }
    bool isValidSoFar() const { return m_valid; }

private:
    int m_remaining = 0;         // continuation bytes still owed by the current sequence
    unsigned char m_low = 0x80;  // allowed range of the next continuation byte; narrower after
    unsigned char m_high = 0xBF; // E0, ED, F0, F4 so overlongs and surrogates are rejected
    bool m_valid = true;
};

// Appends the Windows-1252 decoding of `bytes` to `out`. Hand-made because QStringDecoder is not
// guaranteed to know "windows-1252" on every Qt build, and Latin-1 gets 0x80-0x9F (€, “ ”) wrong.
// The five bytes 1252 leaves undefined map to the C1 controls, as browsers do.
void appendWindows1252(QString *out, QByteArrayView bytes);

} // namespace cobranza
