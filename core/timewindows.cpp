#include "timewindows.h"

#include <QCoreApplication>

namespace cobranza {

QString TimeWindows::validate() const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cobranza::TimeWindows", s); };
    for (const QTime &t : {bookingUntil, coordinatorFrom, coordinatorUntil, printingFrom, printingUntil, remindersUntil,
                           resultsDue})
        if (!t.isValid())
            return tr("Hay una hora vacía o no válida.");
    if (coordinatorFrom >= coordinatorUntil)
        return tr("El horario de los coordinadores debe empezar antes de terminar.");
    if (printingFrom >= printingUntil)
        return tr("El horario de impresión debe empezar antes de terminar.");
    if (dueSoonDays < 0 || dueSoonDays > 30)
        return tr("Los días «por vencer» deben estar entre 0 y 30.");
    if (maxRescheduleDays < 1 || maxRescheduleDays > 60)
        return tr("Los días máximos de reagendamiento deben estar entre 1 y 60.");
    return {};
}

} // namespace cobranza
