#include "demoplaces.h"

#include <array>

namespace cobranza::demotext {

namespace {

using namespace std::string_view_literals;

constexpr std::array kIbarraStreets = {
    "Av. Mariano Acosta"sv, "Av. Teodoro Gómez de la Torre"sv, "Calle Bolívar"sv, "Calle Sucre"sv,
    "Calle Rocafuerte"sv, "Calle Olmedo"sv, "Calle Pedro Moncayo"sv, "Calle Flores"sv, "Calle Oviedo"sv,
    "Calle Velasco"sv, "Calle García Moreno"sv, "Av. Cristóbal de Troya"sv, "Av. El Retorno"sv,
    "Av. Jaime Rivadeneira"sv, "Av. Atahualpa"sv, "Av. Eugenio Espejo"sv, "Av. Fray Vacas Galindo"sv,
    "Calle Rafael Larrea"sv, "Av. Ricardo Sánchez"sv, "Calle Obispo Mosquera"sv, "Av. Pérez Guerrero"sv,
    "Calle Chica Narváez"sv, "Calle Colón"sv, "Calle Grijalva"sv, "Calle Juana Atabalipa"sv,
    "Av. 13 de Abril"sv, "Calle Luis Felipe Borja"sv, "Av. Camilo Ponce Enríquez"sv,
};
constexpr std::array kOtavaloStreets = {
    "Calle Bolívar"sv, "Calle Sucre"sv, "Calle Modesto Jaramillo"sv, "Calle Salinas"sv,
    "Calle Calderón"sv, "Calle Roca"sv, "Av. Atahualpa"sv, "Calle García Moreno"sv,
    "Av. 31 de Octubre"sv, "Calle Quiroga"sv, "Calle Morales"sv, "Calle Piedrahita"sv,
    "Av. Abdón Calderón"sv, "Calle Juan Montalvo"sv, "Calle Colón"sv, "Calle Ricaurte"sv,
    "Calle Neptalí Ordóñez"sv, "Av. Los Sarances"sv, "Calle Rocafuerte"sv, "Calle Saona"sv,
};
constexpr std::array kAtuntaquiStreets = {
    "Av. Julio Miguel Aguinaga"sv, "Calle General Enríquez"sv, "Calle Olmedo"sv, "Calle Sucre"sv,
    "Calle Bolívar"sv, "Av. Amazonas"sv, "Calle Abdón Calderón"sv, "Calle Rocafuerte"sv,
    "Calle Gonzalo Gómez"sv, "Av. Luis Leoro Franco"sv, "Calle Antonio Ante"sv, "Calle Río Blanco"sv,
    "Calle Juan Montalvo"sv, "Calle García Moreno"sv, "Calle Tobías Mena"sv, "Calle Darío Egas"sv,
};
constexpr std::array kCotacachiStreets = {
    "Calle 10 de Agosto"sv, "Av. Luis Vargas Torres"sv, "Calle Bolívar"sv, "Calle Sucre"sv,
    "Calle García Moreno"sv, "Calle Modesto Peñaherrera"sv, "Calle Pedro Moncayo"sv, "Calle Imbabura"sv,
    "Calle González Suárez"sv, "Calle Rocafuerte"sv, "Av. 9 de Octubre"sv, "Calle Salinas"sv,
    "Calle Juan Montalvo"sv, "Calle Eloy Alfaro"sv, "Av. del Ejército"sv, "Calle Morales"sv,
};

constexpr std::array kIbarraMarkets = {"Mercado Amazonas"sv, "Mercado La Playa"sv,
                                       "Mercado Santo Domingo"sv, "Centro Comercial La Bahía"sv};
constexpr std::array kOtavaloMarkets = {"Plaza de Ponchos"sv, "Mercado 24 de Mayo"sv,
                                        "Mercado Copacabana"sv, "Feria de animales de Otavalo"sv};
constexpr std::array kAtuntaquiMarkets = {"Mercado Central de Atuntaqui"sv,
                                          "Centro Comercial Textil"sv, "Feria textil de la Av. Aguinaga"sv};
constexpr std::array kCotacachiMarkets = {"Mercado Jatun Kuraka"sv, "Feria del cuero, Calle 10 de Agosto"sv,
                                          "Mercado Central de Cotacachi"sv};

constexpr std::array kIbarraPhones = {"06-260"sv, "06-264"sv, "06-295"sv, "06-261"sv, "06-263"sv};
constexpr std::array kOtavaloPhones = {"06-292"sv, "06-290"sv, "06-291"sv};
constexpr std::array kAtuntaquiPhones = {"06-290"sv, "06-253"sv};
constexpr std::array kCotacachiPhones = {"06-291"sv, "06-255"sv};

constexpr std::array kLandmarks = {
    DemoLandmark{"parque central"sv, false}, DemoLandmark{"iglesia"sv, true},
    DemoLandmark{"Unidad Educativa"sv, true}, DemoLandmark{"mercado"sv, false},
    DemoLandmark{"Subcentro de Salud"sv, false}, DemoLandmark{"cancha de uso múltiple"sv, true},
    DemoLandmark{"gasolinera"sv, true}, DemoLandmark{"panadería"sv, true},
    DemoLandmark{"tienda de abarrotes"sv, true}, DemoLandmark{"UPC"sv, true},
    DemoLandmark{"coliseo"sv, false}, DemoLandmark{"redondel"sv, false},
    DemoLandmark{"puente"sv, false}, DemoLandmark{"casa comunal"sv, true},
    DemoLandmark{"estadio"sv, false}, DemoLandmark{"Tenencia Política"sv, true},
};
constexpr std::array kDirectionsMasculine = {"Frente al"sv, "Junto al"sv, "A media cuadra del"sv,
                                             "Diagonal al"sv, "Tras el"sv, "Dos cuadras al norte del"sv,
                                             "A una cuadra del"sv};
constexpr std::array kDirectionsFeminine = {"Frente a la"sv, "Junto a la"sv, "A media cuadra de la"sv,
                                            "Diagonal a la"sv, "Tras la"sv, "Dos cuadras al norte de la"sv,
                                            "A una cuadra de la"sv};
constexpr std::array kHouses = {
    "casa de dos pisos color crema"sv, "casa esquinera de bloque"sv, "casa amarilla con portón negro"sv,
    "casa de adobe con techo de teja"sv, "departamento en el segundo piso"sv, "local con letrero azul"sv,
    "casa de tres pisos sin enlucir"sv, "portón café, timbre dañado"sv, "casa verde con cerramiento de malla"sv,
    "casa con vulcanizadora en la planta baja"sv, "casa con huerto y perros bravos"sv,
    "pasaje sin nombre, última casa"sv,
};

// Each town's trade first: leather in Cotacachi, knitwear in Atuntaqui, crafts in Otavalo.
constexpr std::array kIbarraTrades = {"Venta de helados de paila"sv, "Elaboración de nogadas y dulces"sv,
                                      "Talleres de tallado en madera"sv};
constexpr std::array kOtavaloTrades = {"Artesanías textiles"sv, "Venta de ponchos y tapices"sv,
                                       "Tejido en telar"sv};
constexpr std::array kAtuntaquiTrades = {"Confección de prendas de vestir"sv, "Tejido de punto"sv,
                                         "Venta de ropa al por mayor"sv};
constexpr std::array kCotacachiTrades = {"Artículos de cuero"sv, "Marroquinería"sv,
                                         "Venta de calzado de cuero"sv};
constexpr std::array kCommonTrades = {
    "Tienda de abarrotes"sv, "Agricultura: cultivo de maíz y fréjol"sv, "Ganadería de leche"sv,
    "Crianza de cuyes y aves"sv, "Transporte de carga liviana"sv, "Taxi ejecutivo"sv,
    "Venta de comida preparada"sv, "Peluquería"sv, "Mecánica automotriz"sv, "Carpintería"sv,
    "Venta de frutas y legumbres"sv, "Panadería"sv, "Cabinas e internet"sv, "Albañilería"sv,
};
constexpr std::array kEmployeeActivities = {
    "Empleado público"sv, "Empleado privado"sv, "Docente fiscal"sv, "Enfermera"sv,
    "Policía nacional"sv, "Jubilado"sv, "Chofer profesional"sv, "Guardia de seguridad"sv,
};

constexpr std::array kConsumoPurposes = {"Gastos personales"sv, "Compra de vehículo"sv,
                                         "Consolidación de deudas"sv, "Mejoras del hogar"sv,
                                         "Gastos médicos"sv, "Compra de electrodomésticos"sv};
constexpr std::array kMicroPurposes = {"Capital de trabajo"sv, "Compra de mercadería"sv,
                                       "Compra de maquinaria"sv, "Compra de ganado"sv,
                                       "Adecuación de local"sv};
constexpr std::array kProductivoPurposes = {"Activos fijos"sv, "Capital de trabajo"sv,
                                            "Ampliación de planta"sv};
constexpr std::array kInmobiliarioPurposes = {"Compra de vivienda"sv, "Construcción de vivienda"sv,
                                              "Remodelación de vivienda"sv};
constexpr std::array kViviendaSocialPurposes = {"Vivienda de interés social"sv,
                                                "Compra de vivienda nueva"sv};
constexpr std::array kEducativoPurposes = {"Estudios universitarios"sv, "Estudios de posgrado"sv,
                                           "Estudios técnicos"sv};

template<typename A0, typename A1, typename A2, typename A3>
std::span<const typename A0::value_type> perBranch(int branch, const A0 &a, const A1 &b, const A2 &c,
                                                   const A3 &d)
{
    switch (branch) {
    case 1: return b;
    case 2: return c;
    case 3: return d;
    default: return a;
    }
}

} // namespace

std::span<const std::string_view> streets(int branch)
{
    return perBranch(branch, kIbarraStreets, kOtavaloStreets, kAtuntaquiStreets, kCotacachiStreets);
}

std::span<const std::string_view> markets(int branch)
{
    return perBranch(branch, kIbarraMarkets, kOtavaloMarkets, kAtuntaquiMarkets, kCotacachiMarkets);
}

std::span<const std::string_view> landlinePrefixes(int branch)
{
    return perBranch(branch, kIbarraPhones, kOtavaloPhones, kAtuntaquiPhones, kCotacachiPhones);
}

std::span<const DemoLandmark> landmarks() { return kLandmarks; }
std::span<const std::string_view> directionsMasculine() { return kDirectionsMasculine; }
std::span<const std::string_view> directionsFeminine() { return kDirectionsFeminine; }
std::span<const std::string_view> houseDescriptions() { return kHouses; }

std::span<const std::string_view> businessActivities(int branch)
{
    // One list per branch: its trades then the common ones, built once.
    static const auto lists = [] {
        std::array<std::array<std::string_view, 3 + kCommonTrades.size()>, 4> out{};
        const std::array<std::span<const std::string_view>, 4> own = {kIbarraTrades, kOtavaloTrades,
                                                                       kAtuntaquiTrades, kCotacachiTrades};
        for (size_t b = 0; b < out.size(); ++b) {
            size_t i = 0;
            for (std::string_view s : own.at(b))
                out.at(b).at(i++) = s;
            for (std::string_view s : kCommonTrades)
                out.at(b).at(i++) = s;
        }
        return out;
    }();
    return lists.at(static_cast<size_t>(branch < 0 || branch > 3 ? 0 : branch));
}

std::span<const std::string_view> employeeActivities() { return kEmployeeActivities; }

std::span<const std::string_view> purposes(Segment segment)
{
    switch (segment) {
    case Segment::Consumo: return kConsumoPurposes;
    case Segment::Microcredito: return kMicroPurposes;
    case Segment::Productivo: return kProductivoPurposes;
    case Segment::Inmobiliario: return kInmobiliarioPurposes;
    case Segment::ViviendaInteresSocial: return kViviendaSocialPurposes;
    case Segment::Educativo: return kEducativoPurposes;
    }
    return kConsumoPurposes;
}

} // namespace cobranza::demotext
