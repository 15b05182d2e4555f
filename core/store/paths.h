#pragma once

#include <QString>

namespace cobranza {

// The embedded database of this user: $COBRANZA_DB when set, else cobranza.sqlite in the user's
// data folder (~/.local/share/cobranza on Linux).
QString defaultDatabasePath();

} // namespace cobranza
