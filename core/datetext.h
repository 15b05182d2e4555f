#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace cobranza {

// Dates as staff read and type them in messages and listings: "23/11/2026", "23/11/2026 08:45".
inline QString dayText(QDate d) { return d.toString(QStringLiteral("dd/MM/yyyy")); }
inline QString momentText(const QDateTime &t) { return t.toString(QStringLiteral("dd/MM/yyyy HH:mm")); }
// A moment stored in UTC, as the branch's clock showed it.
inline QString localMomentText(const QDateTime &utc) { return momentText(utc.toLocalTime()); }

} // namespace cobranza
