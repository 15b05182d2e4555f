#pragma once

#include <QString>

namespace cobranza {

// Core services word their refusals to follow "No se pudo …: "; shown alone in a message box they
// need a capital and a full stop.
inline QString asSentence(QString reason)
{
    reason = reason.trimmed();
    if (reason.isEmpty())
        return reason;
    reason[0] = reason.at(0).toUpper();
    if (!reason.endsWith(u'.') && !reason.endsWith(u'?') && !reason.endsWith(u'!'))
        reason.append(u'.');
    return reason;
}

} // namespace cobranza
