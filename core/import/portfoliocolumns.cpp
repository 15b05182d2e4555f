#include "portfoliocolumns.h"

#include "csvreader.h"
#include "textfold.h"

namespace cobranza {

QString columnName(PortfolioColumn c)
{
    static const std::array<const char *, kPortfolioColumnCount> names = {
        "FECHA_CORTE", "SUCURSAL", "OFICIAL_CREDITO", "NUMERO_CREDITO", "NUMERO_SOCIO", "CEDULA",
        "APELLIDOS_NOMBRES", "SEGMENTO", "SECTOR", "SALDO_CAPITAL", "VALOR_CUOTA", "VALOR_VENCIDO",
        "CUOTAS_VENCIDAS", "FECHA_VENCIMIENTO", "DIAS_MORA", "CALIFICACION", "CALIFICACION_ANT",
        "MONTO_ORIGINAL", "FECHA_CONCESION", "PLAZO_MESES", "DESTINO", "ACTIVIDAD_ECONOMICA",
        "DIRECCION_DOMICILIO", "DIRECCION_NEGOCIO", "REFERENCIA", "TELEFONO", "CELULAR", "EMAIL", "LATITUD",
        "LONGITUD", "GARANTE1_CEDULA", "GARANTE1_NOMBRE", "GARANTE1_DIRECCION", "GARANTE1_TELEFONO",
        "GARANTE2_CEDULA", "GARANTE2_NOMBRE", "GARANTE2_DIRECCION", "GARANTE2_TELEFONO", "GARANTE3_CEDULA",
        "GARANTE3_NOMBRE", "GARANTE3_DIRECCION", "GARANTE3_TELEFONO"};
    return QString::fromLatin1(names.at(static_cast<size_t>(c)));
}

bool isRequired(PortfolioColumn c)
{
    return static_cast<int>(c) <= static_cast<int>(PortfolioColumn::CalificacionAnt);
}

PortfolioHeader::PortfolioHeader(const CsvRecord &header)
{
    m_index.fill(-1);
    std::array<QString, kPortfolioColumnCount> keys;
    for (int c = 0; c < kPortfolioColumnCount; ++c)
        keys.at(static_cast<size_t>(c)) = foldForMatch(columnName(static_cast<PortfolioColumn>(c)));
    for (int i = 0; i < header.fieldCount(); ++i) {
        const QString key = foldForMatch(header.field(i));
        for (int c = 0; c < kPortfolioColumnCount; ++c) {
            if (keys.at(static_cast<size_t>(c)) != key)
                continue;
            int &slot = m_index.at(static_cast<size_t>(c));
            if (slot >= 0)
                m_duplicated.append(columnName(static_cast<PortfolioColumn>(c)));
            else
                slot = i;
        }
    }
}

QStringList PortfolioHeader::missingRequired(bool cutOffGiven) const
{
    QStringList missing;
    for (int c = 0; c < kPortfolioColumnCount; ++c) {
        const auto col = static_cast<PortfolioColumn>(c);
        if (isRequired(col) && !has(col) && !(col == PortfolioColumn::FechaCorte && cutOffGiven))
            missing.append(columnName(col));
    }
    return missing;
}

} // namespace cobranza
