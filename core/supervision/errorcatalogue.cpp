#include "errorcatalogue.h"

#include <QCoreApplication>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ErrorCatalogue", s); }

} // namespace

const QList<ErrorTypeInfo> &errorCatalogue()
{
    static const QList<ErrorTypeInfo> catalogue{
        {ErrorType::MissingResult, QStringLiteral("E01"), tr("Resultado no registrado"),
         tr("Una visita agendada sin resultado cuando ya vencía el plazo de registro.")},
        {ErrorType::LateEntry, QStringLiteral("E02"), tr("Resultado fuera de plazo"),
         tr("El resultado se registró después de las 08:45 del siguiente día laborable.")},
        {ErrorType::MissingJustification, QStringLiteral("E03"), tr("Sin justificación"),
         tr("No Encontrado, No Visitado o Llamada Telefónica sin justificación.")},
        {ErrorType::JustificationWithoutInitials, QStringLiteral("E04"), tr("Justificación sin siglas"),
         tr("La justificación no empieza con las siglas de quien hizo la gestión.")},
        {ErrorType::RescheduledBeyondLimit, QStringLiteral("E05"), tr("Reagendamiento excesivo"),
         tr("Un compromiso reagendado a más días de los permitidos.")},
        {ErrorType::PromiseVisitRescheduled, QStringLiteral("E06"), tr("Promesa de pago reagendada"),
         tr("La visita del día de una promesa de pago se reagendó.")},
        {ErrorType::ArrearsWithoutWork, QStringLiteral("E07"), tr("Socios en mora sin gestión"),
         tr("Créditos del funcionario en mora en el mes sin visita agendada ni gestión.")},
        {ErrorType::ContradictedVerification, QStringLiteral("E08"), tr("Verificación contradice"),
         tr("La verificación telefónica o física contradice el resultado registrado.")},
        {ErrorType::TooFewVisits, QStringLiteral("E09"), tr("Pocas visitas agendadas"),
         tr("Menos visitas agendadas que el mínimo del día laborable.")},
        {ErrorType::Manual, QStringLiteral("E10"), tr("Registrado por el Pivot"),
         tr("Error registrado a mano por el Pivot de Crédito, con su nota.")},
    };
    return catalogue;
}

const ErrorTypeInfo &errorInfo(ErrorType type)
{
    for (const ErrorTypeInfo &i : errorCatalogue())
        if (i.type == type)
            return i;
    return errorCatalogue().constLast();
}

std::optional<ErrorType> parseErrorType(QStringView codeOrName)
{
    for (const ErrorTypeInfo &i : errorCatalogue())
        if (codeOrName.compare(i.code, Qt::CaseInsensitive) == 0 || codeOrName.compare(i.name, Qt::CaseInsensitive) == 0)
            return i.type;
    return std::nullopt;
}

} // namespace cobranza
