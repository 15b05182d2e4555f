#pragma once

#include "money.h"
#include "rating.h"

#include <QString>
#include <array>
#include <optional>

namespace cobranza {

class Database;

// The share of the balance the cooperative must set aside per rating, in basis points (1 % = 100)
// so that provisions are computed in integer cents. The defaults are to be confirmed by each
// cooperative against the norm in force.
class ProvisionTable final
{
public:
    static ProvisionTable defaults(); // A1 1 %, A2 2 %, A3 3 %, B1 6 %, B2 10 %, C1 20 %, C2 40 %, D 60 %, E 100 %
    int basisPoints(Rating r) const { return m_basisPoints.at(static_cast<size_t>(r)); }
    void setBasisPoints(Rating r, int bp) { m_basisPoints.at(static_cast<size_t>(r)) = bp; }
    QString percentText(Rating r) const; // "1 %", "2,5 %"
    bool operator==(const ProvisionTable &) const = default;

    // Settings key of a rating's percentage: "provision/A1" = "1" (percent, '.' or ',' decimals).
    static QString settingsKey(Rating r);
    // The configured table; a rating without a valid setting keeps its default.
    static ProvisionTable load(const Database &db);
    bool save(const Database &db) const;

private:
    std::array<int, 9> m_basisPoints{};
};

// "1", "2.5", "2,5 %" → basis points; nullopt unless 0–100 % with at most two decimals.
std::optional<int> parsePercentBasisPoints(QStringView text);

// balance × basisPoints / 10,000, rounded half away from zero to the cent.
Money provisionFor(Money balance, int basisPoints);

} // namespace cobranza
