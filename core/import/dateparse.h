#pragma once

#include <QDate>
#include <QStringView>

#include <optional>

namespace cobranza {

// Parses the date forms of the portfolio file: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, d-m-yyyy,
// yyyy-mm-dd. Invalid calendar dates (31/02/2026) → invalid QDate. Trims spaces. Hand-parsed,
// because it runs a few million times per import and QDate::fromString with formats does not.
QDate parseFileDate(QStringView text);

// Parses a non-negative integer ("12", " 7 "); nullopt for "", "-1", "1.5", "abc", overflow
// beyond int.
std::optional<int> parseCount(QStringView text);

} // namespace cobranza
