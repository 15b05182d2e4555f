#include "textfold.h"

namespace cobranza {

namespace {

// Strips the combining marks of the canonical decomposition: "Ñ" → "N", "á" → "a".
QString withoutAccents(QStringView text)
{
    bool plain = true;
    for (QChar c : text)
        if (c.unicode() >= 0x80) {
            plain = false;
            break;
        }
    if (plain)
        return text.toString();
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    return out;
}

} // namespace

QString foldForMatch(QStringView text)
{
    QString s = withoutAccents(text).toUpper();
    s.replace(u'_', u' ');
    return s.simplified();
}

QString foldForSearch(QStringView text)
{
    // Fast path for the Latin letters Spanish names use (every row of a 200,000-credit snapshot is
    // folded on load); anything else goes through Unicode decomposition.
    static const char16_t latin1[] = u"aaaaaaaceeeeiiiidnooooo\u00d7ouuuuy\u00fe"; // U+00E0..U+00FE
    QString out(text.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (QChar c : text) {
        char16_t u = c.unicode();
        if (u < 0x80) {
            *d++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
            continue;
        }
        if (u >= 0xC0 && u <= 0xDE && u != 0xD7)
            u = char16_t(u + 0x20); // Latin-1 capitals to small letters
        if (u >= 0xE0 && u <= 0xFE && u != 0xF7) {
            *d++ = QChar(latin1[u - 0xE0]);
            continue;
        }
        return withoutAccents(text).toLower();
    }
    return out;
}

} // namespace cobranza
