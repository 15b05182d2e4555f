#include "demonames.h"

#include <array>

namespace cobranza::demotext {

namespace {

using namespace std::string_view_literals;

// Surnames of the Kichwa (Otavalo, Karanki, Kayambi) families of Imbabura.
constexpr std::array kKichwaSurnames = {
    "ANDRANGO"sv,  "CACHIMUEL"sv, "FARINANGO"sv,  "GUANDINANGO"sv, "CHALACÁN"sv,  "TABANGO"sv,
    "PERUGACHI"sv, "CAMUENDO"sv,  "QUINCHE"sv,    "LEMA"sv,        "CONEJO"sv,    "CAIZA"sv,
    "GUALSAQUÍ"sv, "CABASCANGO"sv, "TÚQUERRES"sv, "IPIALES"sv,     "PICHAMBA"sv,  "CUASCOTA"sv,
    "MUENALA"sv,   "YAMBERLA"sv,  "TITUAÑA"sv,    "QUILUMBAQUÍN"sv, "AMAGUAÑA"sv, "ANRANGO"sv,
    "CHICAIZA"sv,  "IMBAQUINGO"sv, "PUPIALES"sv,  "TOCAGÓN"sv,     "SARANSIG"sv,  "ACHINA"sv,
    "PINSAG"sv,    "GUAMÁN"sv,    "PASPUEZÁN"sv,  "CÓRDOVA"sv,     "DE LA TORRE"sv, "SANTILLÁN"sv,
    "ARELLANO"sv,  "OTAVALO"sv,   "COTACACHI"sv,  "ALTA"sv,        "FUERES"sv,    "CHICO"sv,
};

// Spanish and mestizo surnames common in Ibarra, Otavalo, Atuntaqui and Cotacachi.
constexpr std::array kSpanishSurnames = {
    "MALDONADO"sv, "PINEDA"sv,   "MORALES"sv,  "TERÁN"sv,     "VACA"sv,      "NÚÑEZ"sv,
    "PEÑAHERRERA"sv, "ROSERO"sv, "BENALCÁZAR"sv, "CHAMORRO"sv, "PROAÑO"sv,   "ANDRADE"sv,
    "YÉPEZ"sv,     "GUERRERO"sv, "POZO"sv,     "ALMEIDA"sv,   "CEVALLOS"sv,  "VALENCIA"sv,
    "REVELO"sv,    "ENRÍQUEZ"sv, "ORTEGA"sv,   "LÓPEZ"sv,     "VILLARREAL"sv, "GORDILLO"sv,
    "FLORES"sv,    "NARVÁEZ"sv,  "CHÁVEZ"sv,   "MONTALVO"sv,  "RUIZ"sv,      "SUBIA"sv,
    "JÁCOME"sv,    "ERAZO"sv,    "PAREDES"sv,  "BOLAÑOS"sv,   "AYALA"sv,     "MOREJÓN"sv,
    "ESPINOSA"sv,  "GALARZA"sv,  "CALDERÓN"sv, "LARREA"sv,    "HIDALGO"sv,   "ARCOS"sv,
    "DÁVILA"sv,    "RECALDE"sv,  "ORBES"sv,    "VITERI"sv,    "MOSQUERA"sv,  "POTOSÍ"sv,
    "LANDÁZURI"sv, "FUENTES"sv,  "PAZMIÑO"sv,  "ACOSTA"sv,    "OBANDO"sv,    "BURBANO"sv,
    "CARRERA"sv,   "MIDEROS"sv,  "ESTÉVEZ"sv,  "CÁRDENAS"sv,  "BASTIDAS"sv,  "GODOY"sv,
    "HERRERA"sv,   "MUÑOZ"sv,    "IBARRA"sv,   "ARTEAGA"sv,   "ROSALES"sv,   "BRACHO"sv,
    "TORRES"sv,    "GUDIÑO"sv,   "MANOSALVAS"sv, "EGAS"sv,    "PONCE"sv,     "VÁSQUEZ"sv,
};

constexpr std::array kMaleNames = {
    "JOSÉ"sv,   "LUIS"sv,    "CARLOS"sv,  "JUAN"sv,    "MANUEL"sv,  "SEGUNDO"sv,  "EDGAR"sv,
    "PATRICIO"sv, "MARCO"sv, "FERNANDO"sv, "DIEGO"sv,  "JORGE"sv,   "VÍCTOR"sv,   "HUGO"sv,
    "RAMIRO"sv, "GALO"sv,    "WILSON"sv,  "FAUSTO"sv,  "DARÍO"sv,   "ÁNGEL"sv,    "RAFAEL"sv,
    "MIGUEL"sv, "ANDRÉS"sv,  "CRISTIAN"sv, "ALEX"sv,   "PABLO"sv,   "FRANKLIN"sv, "WASHINGTON"sv,
    "RODRIGO"sv, "SANTIAGO"sv, "ESTEBAN"sv, "MARCELO"sv, "OSWALDO"sv, "RUBÉN"sv,  "GERMÁN"sv,
    "JAVIER"sv, "BYRON"sv,   "EDISON"sv,  "FABIÁN"sv,  "IVÁN"sv,    "JAIME"sv,    "NELSON"sv,
    "ALFONSO"sv, "GUSTAVO"sv, "ANTONIO"sv, "FRANCISCO"sv, "ALBERTO"sv, "RENÉ"sv,
};

constexpr std::array kFemaleNames = {
    "MARÍA"sv,   "ROSA"sv,     "ANA"sv,      "LUZ"sv,     "CARMEN"sv,   "GLORIA"sv,   "MARTHA"sv,
    "PATRICIA"sv, "VERÓNICA"sv, "GABRIELA"sv, "ANDREA"sv, "DIANA"sv,    "SANDRA"sv,   "LORENA"sv,
    "JESSICA"sv, "ELENA"sv,    "TERESA"sv,   "BLANCA"sv,  "INÉS"sv,     "MERCEDES"sv, "FERNANDA"sv,
    "ALEXANDRA"sv, "MAGDALENA"sv, "SUSANA"sv, "NANCY"sv,  "SILVIA"sv,   "PAOLA"sv,    "ESTEFANÍA"sv,
    "MÓNICA"sv,  "LUCÍA"sv,    "DOLORES"sv,  "NATALY"sv,  "JOHANNA"sv,  "CRISTINA"sv, "XIMENA"sv,
    "NOEMÍ"sv,   "BEATRIZ"sv,  "ROCÍO"sv,    "GUADALUPE"sv, "ISABEL"sv, "CAROLINA"sv, "DELIA"sv,
};

constexpr std::array kKichwaMaleNames = {
    "INTI"sv, "AMARU"sv, "YUPANKI"sv, "RUMIÑAHUI"sv, "ATAHUALPA"sv, "SAYRI"sv, "WAMAN"sv, "TUPAK"sv,
    "KURI"sv, "ALLKU"sv,
};

constexpr std::array kKichwaFemaleNames = {
    "SISA"sv, "NINA"sv, "KILLA"sv, "TAMYA"sv, "ÑUSTA"sv, "SUMAK"sv, "WAYRA"sv, "YARINA"sv,
    "PAKARINA"sv, "KORI"sv, "ILLARI"sv,
};

constexpr std::array kEmailDomains = {
    "gmail.com"sv, "gmail.com"sv, "gmail.com"sv, "hotmail.com"sv, "hotmail.com"sv,
    "yahoo.es"sv,  "outlook.com"sv,
};

} // namespace

std::span<const std::string_view> kichwaSurnames() { return kKichwaSurnames; }
std::span<const std::string_view> spanishSurnames() { return kSpanishSurnames; }
std::span<const std::string_view> maleNames() { return kMaleNames; }
std::span<const std::string_view> femaleNames() { return kFemaleNames; }
std::span<const std::string_view> kichwaMaleNames() { return kKichwaMaleNames; }
std::span<const std::string_view> kichwaFemaleNames() { return kKichwaFemaleNames; }
std::span<const std::string_view> emailDomains() { return kEmailDomains; }

} // namespace cobranza::demotext
