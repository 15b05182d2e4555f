#pragma once

#include <QString>

namespace cobranza {

// Folds text for matching: upper case, no accents, '_' as space, spaces collapsed and trimmed.
// "Calificación_Ant " and "CALIFICACION ANT" fold to the same key.
QString foldForMatch(QStringView text);

// Folds for search boxes: lower case, no accents; keeps everything else as typed.
QString foldForSearch(QStringView text);

} // namespace cobranza
