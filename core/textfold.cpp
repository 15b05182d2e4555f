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
    return withoutAccents(text).toLower();
}

} // namespace cobranza
