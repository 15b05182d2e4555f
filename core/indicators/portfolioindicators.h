#pragma once

#include "money.h"
#include "rating.h"

#include <QDate>
#include <QList>
#include <QString>
#include <array>
#include <map>
#include <optional>

namespace cobranza {

class ProvisionTable;

// Sums of the credits of a cut-off that share a branch and a rating: every portfolio indicator is
// a sum of these, so a 200,000-credit cut-off is read once, as a few dozen cells.
struct PortfolioCell
{
    QString branchCode;
    Rating rating = Rating::A1;
    qint64 credits = 0;
    Money balance;              // SALDO_CAPITAL
    qint64 overdueCredits = 0;  // with days past due > 0
    Money overdueBalance;       // cartera en mora: the whole balance of those credits
    Money overdueAmount;        // VALOR_VENCIDO: what is actually unpaid
    qint64 legalCredits = 0;    // past the legal-collection threshold
    Money legalBalance;
    bool operator==(const PortfolioCell &) const = default;
};

// The same sums over any group of cells (a branch, a rating, a risk level, the whole cut-off).
struct PortfolioFigures
{
    qint64 credits = 0;
    Money balance;
    qint64 overdueCredits = 0;
    Money overdueBalance;
    Money overdueAmount;
    qint64 legalCredits = 0;
    Money legalBalance;
    PortfolioFigures &operator+=(const PortfolioCell &c);
    bool operator==(const PortfolioFigures &) const = default;
};

// The portfolio at one month's indicator cut-off.
struct MonthPortfolio
{
    QDate cutOff;
    QList<PortfolioCell> cells;
    bool operator==(const MonthPortfolio &) const = default;
};

// One cut-off per month, the newest of each, ascending: the month-end figures every monthly
// indicator compares (a month still running shows its newest cut-off).
QList<QDate> monthEndCutOffs(const QList<QDate> &cutOffs);

// `part` as a percentage of `whole`; nullopt when the whole is zero (an empty portfolio has no
// morosidad rather than 0 %).
std::optional<double> percentOf(Money part, Money whole);

// Sums of the cells of one branch, or of all with an empty code.
PortfolioFigures sumCells(const QList<PortfolioCell> &cells, const QString &branchCode = {});
std::array<PortfolioFigures, 9> figuresByRating(const QList<PortfolioCell> &cells, const QString &branchCode = {});
std::array<PortfolioFigures, 5> figuresByRiskLevel(const QList<PortfolioCell> &cells, const QString &branchCode = {});
std::map<QString, PortfolioFigures> figuresByBranch(const QList<PortfolioCell> &cells, const QString &branchCode = {});

// % morosidad: cartera en mora ÷ cartera total × 100.
inline std::optional<double> overdueRatio(const PortfolioFigures &f) { return percentOf(f.overdueBalance, f.balance); }
// % in legal collection: balance past the legal threshold ÷ cartera total × 100.
inline std::optional<double> legalCollectionRatio(const PortfolioFigures &f) { return percentOf(f.legalBalance, f.balance); }
// % uncollectible: balance rated E (Pérdida) ÷ cartera total × 100.
std::optional<double> uncollectibleRatio(const QList<PortfolioCell> &cells, const QString &branchCode = {});

// Provision required: Σ balance × the rating's percentage, rounded to the cent once per branch and
// rating (the sums, not each credit, are multiplied).
Money requiredProvision(const QList<PortfolioCell> &cells, const ProvisionTable &table, const QString &branchCode = {});
std::array<Money, 9> provisionByRating(const QList<PortfolioCell> &cells, const ProvisionTable &table,
                                       const QString &branchCode = {});

// This month against the last one.
struct MonthChange
{
    Money current;
    Money previous;
    Money change;                 // current − previous
    std::optional<double> percent; // change ÷ previous × 100; nullopt without a previous month
    bool operator==(const MonthChange &) const = default;
};
MonthChange monthOnMonth(Money current, std::optional<Money> previous);

} // namespace cobranza
