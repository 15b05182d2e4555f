#include "portfoliofile.h"

#include "identity.h"

#include <QStringEncoder>

namespace cobranza::test {

namespace {

// A valid cédula of Imbabura (province 10) built from n.
QString cedulaFor(int n)
{
    const QString nine = QStringLiteral("10%1").arg(n % 10000000, 7, 10, QLatin1Char('0'));
    return nine + QString::number(cedulaCheckDigit(nine));
}

} // namespace

PortfolioFile::PortfolioFile()
{
    columns = {QStringLiteral("FECHA_CORTE"), QStringLiteral("SUCURSAL"), QStringLiteral("OFICIAL_CREDITO"),
               QStringLiteral("NUMERO_CREDITO"), QStringLiteral("NUMERO_SOCIO"), QStringLiteral("CEDULA"),
               QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("SEGMENTO"), QStringLiteral("SECTOR"),
               QStringLiteral("SALDO_CAPITAL"), QStringLiteral("VALOR_CUOTA"), QStringLiteral("VALOR_VENCIDO"),
               QStringLiteral("CUOTAS_VENCIDAS"), QStringLiteral("FECHA_VENCIMIENTO"), QStringLiteral("DIAS_MORA"),
               QStringLiteral("CALIFICACION"), QStringLiteral("CALIFICACION_ANT"), QStringLiteral("DIRECCION_DOMICILIO"),
               QStringLiteral("TELEFONO"), QStringLiteral("CELULAR"), QStringLiteral("LATITUD"),
               QStringLiteral("LONGITUD"), QStringLiteral("GARANTE1_CEDULA"), QStringLiteral("GARANTE1_NOMBRE"),
               QStringLiteral("GARANTE1_TELEFONO")};
}

QMap<QString, QString> PortfolioFile::validRow(int n)
{
    return {
        {QStringLiteral("FECHA_CORTE"), QStringLiteral("21/11/2026")},
        {QStringLiteral("SUCURSAL"), QStringLiteral("IBA")},
        {QStringLiteral("OFICIAL_CREDITO"), QStringLiteral("asesor%1").arg(n % 3 + 1)},
        {QStringLiteral("NUMERO_CREDITO"), QStringLiteral("CR-%1").arg(n, 6, 10, QLatin1Char('0'))},
        {QStringLiteral("NUMERO_SOCIO"), QStringLiteral("S%1").arg(n, 5, 10, QLatin1Char('0'))},
        {QStringLiteral("CEDULA"), cedulaFor(n)},
        {QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("PÉREZ ÑAUPARI JOSÉ %1").arg(n)},
        {QStringLiteral("SEGMENTO"), QStringLiteral("CONSUMO")},
        {QStringLiteral("SECTOR"), QStringLiteral("El Olivo")},
        {QStringLiteral("SALDO_CAPITAL"), QStringLiteral("1500.00")},
        {QStringLiteral("VALOR_CUOTA"), QStringLiteral("120.50")},
        {QStringLiteral("VALOR_VENCIDO"), QStringLiteral("241.00")},
        {QStringLiteral("CUOTAS_VENCIDAS"), QStringLiteral("2")},
        {QStringLiteral("FECHA_VENCIMIENTO"), QStringLiteral("01/11/2026")},
        {QStringLiteral("DIAS_MORA"), QStringLiteral("20")},
        {QStringLiteral("CALIFICACION"), QStringLiteral("A3")},
        {QStringLiteral("CALIFICACION_ANT"), QStringLiteral("A2")},
        {QStringLiteral("DIRECCION_DOMICILIO"), QStringLiteral("Calle Bolívar 5-12 y Sucre")},
        {QStringLiteral("TELEFONO"), QStringLiteral("062612345")},
        {QStringLiteral("CELULAR"), QStringLiteral("0991234567")},
        {QStringLiteral("LATITUD"), QStringLiteral("0.351")},
        {QStringLiteral("LONGITUD"), QStringLiteral("-78.122")},
        {QStringLiteral("GARANTE1_CEDULA"), cedulaFor(n + 500000)},
        {QStringLiteral("GARANTE1_NOMBRE"), QStringLiteral("CACHIMUEL ANDRANGO MARÍA")},
        {QStringLiteral("GARANTE1_TELEFONO"), QStringLiteral("0987654321")},
    };
}

PortfolioFile &PortfolioFile::addValid(int count, int first)
{
    for (int i = 0; i < count; ++i)
        rows.append(validRow(first + i));
    return *this;
}

QString PortfolioFile::text() const
{
    const auto field = [this](const QString &v) {
        if (!v.contains(delimiter) && !v.contains(u'"') && !v.contains(u'\n') && !v.contains(u'\r'))
            return v;
        QString q = v;
        q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + q + u'"';
    };
    QString out = columns.join(delimiter) + lineEnd;
    for (const auto &row : rows) {
        QStringList fields;
        for (const QString &c : columns)
            fields.append(field(row.value(c)));
        out += fields.join(delimiter) + lineEnd;
    }
    return out;
}

QByteArray PortfolioFile::utf8(bool bom) const
{
    return (bom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + text().toUtf8();
}

QByteArray PortfolioFile::windows1252() const
{
    // Latin-1 covers every character the fixtures use (á é í ó ú ñ Ñ ü); in that range
    // Windows-1252 and Latin-1 are the same bytes.
    return text().toLatin1();
}

} // namespace cobranza::test
