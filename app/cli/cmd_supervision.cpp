#include "cli.h"

namespace cobranza::cli {

// Filled in by the supervision commands (report errors, review, verify, sample, error add).
QList<Command> supervisionCommands() { return {}; }

} // namespace cobranza::cli
