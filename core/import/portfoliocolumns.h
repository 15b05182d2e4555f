#pragma once

#include <QString>
#include <QStringList>
#include <array>

namespace cobranza {

class CsvRecord;

// The columns of the portfolio report (formats/cartera.md), canonical names in the enum's order.
enum class PortfolioColumn {
    FechaCorte, Sucursal, OficialCredito, NumeroCredito, NumeroSocio, Cedula, ApellidosNombres, Segmento, Sector,
    SaldoCapital, ValorCuota, ValorVencido, CuotasVencidas, FechaVencimiento, DiasMora, Calificacion,
    CalificacionAnt,
    // optional
    MontoOriginal, FechaConcesion, PlazoMeses, Destino, ActividadEconomica, DireccionDomicilio, DireccionNegocio,
    Referencia, Telefono, Celular, Email, Latitud, Longitud,
    Garante1Cedula, Garante1Nombre, Garante1Direccion, Garante1Telefono,
    Garante2Cedula, Garante2Nombre, Garante2Direccion, Garante2Telefono,
    Garante3Cedula, Garante3Nombre, Garante3Direccion, Garante3Telefono,
    Count
};

inline constexpr int kPortfolioColumnCount = static_cast<int>(PortfolioColumn::Count);

QString columnName(PortfolioColumn c);   // "CALIFICACION_ANT"
bool isRequired(PortfolioColumn c);

// Where each known column sits in a file's header (-1 when absent), matched the tolerant way:
// case, accents, surrounding spaces and '_' versus space do not matter; unknown columns are ignored.
class PortfolioHeader final
{
public:
    explicit PortfolioHeader(const CsvRecord &header);
    int indexOf(PortfolioColumn c) const { return m_index.at(static_cast<size_t>(c)); }
    bool has(PortfolioColumn c) const { return indexOf(c) >= 0; }
    QStringList missingRequired(bool cutOffGiven) const;
    QStringList duplicated() const { return m_duplicated; }

private:
    std::array<int, kPortfolioColumnCount> m_index{};
    QStringList m_duplicated;
};

} // namespace cobranza
