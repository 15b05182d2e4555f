#pragma once

#include "segment.h"

#include <span>
#include <string_view>

namespace cobranza::demotext {

// Places and wording of the demo data. `branch` is the index in DemoDirectory::branches
// (0 Ibarra, 1 Otavalo, 2 Atuntaqui, 3 Cotacachi).
std::span<const std::string_view> streets(int branch);        // "Av. Mariano Acosta", "Calle Sucre"
std::span<const std::string_view> markets(int branch);        // "Mercado Amazonas"
std::span<const std::string_view> landlinePrefixes(int branch); // "06-264"

// A landmark with the preposition forms it takes ("frente al parque", "frente a la iglesia").
struct DemoLandmark
{
    std::string_view name;
    bool feminine;
};
std::span<const DemoLandmark> landmarks();
std::span<const std::string_view> directionsMasculine(); // "Frente al", pairs with the next list
std::span<const std::string_view> directionsFeminine();  // "Frente a la"
std::span<const std::string_view> houseDescriptions();   // "casa de dos pisos color crema"

std::span<const std::string_view> businessActivities(int branch); // local trades first
std::span<const std::string_view> employeeActivities();
std::span<const std::string_view> purposes(Segment segment);      // DESTINO

} // namespace cobranza::demotext
