#pragma once

#include "portfoliocolumns.h"
#include "portfolioimporter.h"
#include "portfolio/portfoliotypes.h"
#include "ratingscale.h"

#include <QList>

namespace cobranza {

class CsvRecord;

// Turns one record of the portfolio file into a PortfolioRecord, telling errors (the row cannot
// be understood) from warnings (understood, but doubtful) as formats/cartera.md defines them.
class RowParser final
{
public:
    RowParser(const PortfolioHeader &header, const RatingScales &scales, std::optional<QDate> cutOff);

    // Fills `out`; appends every problem to `messages`. Returns false when the row has an error.
    bool parse(const CsvRecord &record, PortfolioRecord *out, QList<ImportMessage> *messages);
    // The cut-off of the file: the option, else the first row's FECHA_CORTE.
    QDate cutOff() const { return m_cutOff; }

private:
    QStringView text(const CsvRecord &r, PortfolioColumn c) const;

    const PortfolioHeader &m_header;
    const RatingScales &m_scales;
    QDate m_cutOff;
    bool m_cutOffFromOption = false;
};

} // namespace cobranza
