#pragma once

#include "portfolio/portfolioquery.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace cobranza {

class Database;

// Finds the credit a Gestión Propia is for: by member number, cédula, credit number or any words
// of the surnames and names, in any order, partial and without accents ("perez jose" finds
// "PÉREZ ÑAUPARI JOSÉ"). Holds one cut-off's lines so each search is a scan in memory.
class MemberFinder final
{
public:
    MemberFinder() = default;
    explicit MemberFinder(std::vector<PortfolioLine> lines);
    // The newest cut-off of one branch (every branch when empty).
    static MemberFinder newest(const Database &db, const QString &branchCode = {});

    // Indexes into lines(), in the cut-off's order; at most `limit`. Nothing for blank text.
    std::vector<int> find(const QString &text, int limit = 50) const;
    const std::vector<PortfolioLine> &lines() const { return m_lines; }

private:
    std::vector<PortfolioLine> m_lines;
    // The lines' search keys as UTF-8, scanned with memmem: a search stays a few milliseconds at
    // 200,000 credits even when nothing matches.
    std::vector<QByteArray> m_keys;
};

} // namespace cobranza
