#include "portfolioindicators.h"

#include "indicators/provision.h"

#include <algorithm>

namespace cobranza {

namespace {

bool inScope(const PortfolioCell &c, const QString &branchCode)
{
    return branchCode.isEmpty() || c.branchCode == branchCode;
}

} // namespace

PortfolioFigures &PortfolioFigures::operator+=(const PortfolioCell &c)
{
    credits += c.credits;
    balance += c.balance;
    overdueCredits += c.overdueCredits;
    overdueBalance += c.overdueBalance;
    overdueAmount += c.overdueAmount;
    legalCredits += c.legalCredits;
    legalBalance += c.legalBalance;
    return *this;
}

QList<QDate> monthEndCutOffs(const QList<QDate> &cutOffs)
{
    QList<QDate> sorted = cutOffs;
    std::sort(sorted.begin(), sorted.end());
    QList<QDate> out;
    for (const QDate &d : sorted) {
        if (!d.isValid())
            continue;
        if (!out.isEmpty() && out.last().year() == d.year() && out.last().month() == d.month())
            out.last() = d; // a later cut-off of the same month replaces the earlier one
        else
            out.append(d);
    }
    return out;
}

std::optional<double> percentOf(Money part, Money whole)
{
    if (whole.isZero())
        return std::nullopt;
    return static_cast<double>(part.cents()) * 100.0 / static_cast<double>(whole.cents());
}

PortfolioFigures sumCells(const QList<PortfolioCell> &cells, const QString &branchCode)
{
    PortfolioFigures f;
    for (const PortfolioCell &c : cells)
        if (inScope(c, branchCode))
            f += c;
    return f;
}

std::array<PortfolioFigures, 9> figuresByRating(const QList<PortfolioCell> &cells, const QString &branchCode)
{
    std::array<PortfolioFigures, 9> out{};
    for (const PortfolioCell &c : cells)
        if (inScope(c, branchCode))
            out.at(static_cast<size_t>(c.rating)) += c;
    return out;
}

std::array<PortfolioFigures, 5> figuresByRiskLevel(const QList<PortfolioCell> &cells, const QString &branchCode)
{
    std::array<PortfolioFigures, 5> out{};
    for (const PortfolioCell &c : cells)
        if (inScope(c, branchCode))
            out.at(static_cast<size_t>(riskLevelOf(c.rating))) += c;
    return out;
}

std::map<QString, PortfolioFigures> figuresByBranch(const QList<PortfolioCell> &cells, const QString &branchCode)
{
    std::map<QString, PortfolioFigures> out;
    for (const PortfolioCell &c : cells)
        if (inScope(c, branchCode))
            out[c.branchCode] += c;
    return out;
}

std::optional<double> uncollectibleRatio(const QList<PortfolioCell> &cells, const QString &branchCode)
{
    const auto byRating = figuresByRating(cells, branchCode);
    return percentOf(byRating.at(static_cast<size_t>(Rating::E)).balance, sumCells(cells, branchCode).balance);
}

std::array<Money, 9> provisionByRating(const QList<PortfolioCell> &cells, const ProvisionTable &table,
                                       const QString &branchCode)
{
    std::array<Money, 9> out{};
    for (const PortfolioCell &c : cells)
        if (inScope(c, branchCode))
            out.at(static_cast<size_t>(c.rating)) += provisionFor(c.balance, table.basisPoints(c.rating));
    return out;
}

Money requiredProvision(const QList<PortfolioCell> &cells, const ProvisionTable &table, const QString &branchCode)
{
    Money total;
    for (Money m : provisionByRating(cells, table, branchCode))
        total += m;
    return total;
}

MonthChange monthOnMonth(Money current, std::optional<Money> previous)
{
    MonthChange c;
    c.current = current;
    c.previous = previous.value_or(Money());
    c.change = current - c.previous;
    if (previous)
        c.percent = percentOf(c.change, *previous);
    return c;
}

} // namespace cobranza
