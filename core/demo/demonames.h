#pragma once

#include <span>
#include <string_view>

namespace cobranza::demotext {

// People's names of Imbabura for the demo data, upper case UTF-8 as the core-banking prints them.
// Kept as byte strings because the generator writes bytes straight into the file buffer.
std::span<const std::string_view> kichwaSurnames();   // Andrango, Cachimuel, Farinango, …
std::span<const std::string_view> spanishSurnames();  // Maldonado, Terán, Núñez, De la Torre, …
std::span<const std::string_view> maleNames();
std::span<const std::string_view> femaleNames();
std::span<const std::string_view> kichwaMaleNames();   // Inti, Amaru, …
std::span<const std::string_view> kichwaFemaleNames(); // Sisa, Ñusta, …
std::span<const std::string_view> emailDomains();

} // namespace cobranza::demotext
