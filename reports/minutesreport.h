#pragma once

#include "letterhead.h"
#include "supervision/committees.h"

#include <QString>

class QPagedPaintDevice;

namespace cobranza {

// The printed minutes (acta) of a Subcomité or Comité de Mora: number, branch, date, attendees,
// each credit's decision with its figures, observations and the signatures. A4 portrait.
class MinutesReport final
{
public:
    explicit MinutesReport(Letterhead letterhead) : m_letterhead(std::move(letterhead)) {}
    int render(QPagedPaintDevice *device, const CommitteeMinutes &minutes) const; // pages, 0 on failure
    bool writePdf(const QString &path, const CommitteeMinutes &minutes, QString *error = nullptr) const;

private:
    Letterhead m_letterhead;
};

} // namespace cobranza
