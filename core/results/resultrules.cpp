#include "resultrules.h"

#include "datetext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::ResultRules", s); }

} // namespace

QString resultText(const QString &typed)
{
    return typed.simplified().toUpper();
}

QString withInitials(const QString &justification, const QString &initials)
{
    const QString text = resultText(justification);
    const QString mark = resultText(initials);
    if (mark.isEmpty() || text == mark || text.startsWith(mark + u' '))
        return text;
    return text.isEmpty() ? mark : mark + u' ' + text;
}

QString justificationBody(const QString &justification, const QString &initials)
{
    const QString text = resultText(justification);
    const QString mark = resultText(initials);
    if (!mark.isEmpty() && text == mark)
        return {};
    if (!mark.isEmpty() && text.startsWith(mark + u' '))
        return text.mid(mark.size() + 1);
    return text;
}

QList<ResultProblem> resultProblems(const VisitResult &r, const ResultContext &c)
{
    QList<ResultProblem> out;
    const auto problem = [&out](ResultField f, const QString &m) { out.append({f, m}); };

    if (r.state == VisitState::GestionPropia && !c.ownInitiative)
        problem(ResultField::State, tr("Gestión Propia es solo para el trabajo hecho fuera de la agenda: "
                                       "regístrelo con «Gestión propia»."));
    if (c.ownInitiative && r.state != VisitState::GestionPropia)
        problem(ResultField::State, tr("un crédito añadido por gestión propia lleva el estado Gestión Propia."));
    if (requiresJustification(r.state) && justificationBody(r.justification, c.initials).isEmpty())
        problem(ResultField::Justification,
                tr("%1 siempre lleva una justificación: escriba qué pasó.").arg(visitStateLabel(r.state)));

    const bool hasAgreement = !resultText(r.agreement).isEmpty();
    if (r.agreementDate.isValid() && !hasAgreement)
        problem(ResultField::Agreement, tr("escriba el acuerdo al que corresponde la fecha de acuerdo."));
    if (r.agreementDate.isValid() && c.visitDate.isValid() && r.agreementDate < c.visitDate)
        problem(ResultField::AgreementDate, tr("la fecha de acuerdo (%1) no puede ser anterior a la visita (%2).")
                                                .arg(dayText(r.agreementDate), dayText(c.visitDate)));
    if (r.promisedAmount && !r.agreementDate.isValid())
        problem(ResultField::AgreementDate, tr("el valor prometido necesita la fecha de acuerdo."));
    if (r.promisedAmount && (r.promisedAmount->isNegative() || r.promisedAmount->isZero()))
        problem(ResultField::PromisedAmount, tr("el valor prometido debe ser mayor que cero."));

    if (r.rescheduleDate.isValid()) {
        const int maxDays = c.windows.maxRescheduleDays;
        if (c.promiseVisit)
            problem(ResultField::Reschedule, tr("una visita de promesa de pago se hace el día acordado: no se reagenda."));
        else if (c.visitDate.isValid() && r.rescheduleDate <= c.visitDate)
            problem(ResultField::Reschedule, tr("la nueva fecha (%1) debe ser posterior a la visita (%2).")
                                                 .arg(dayText(r.rescheduleDate), dayText(c.visitDate)));
        else if (c.visitDate.isValid() && c.visitDate.daysTo(r.rescheduleDate) > maxDays)
            problem(ResultField::Reschedule, tr("un compromiso no se reagenda a más de %1 días: el %2 pasa del %3.")
                                                 .arg(maxDays)
                                                 .arg(dayText(r.rescheduleDate), dayText(c.visitDate.addDays(maxDays))));
        if (c.ownInitiative)
            problem(ResultField::Reschedule, tr("una gestión propia no se reagenda: agende la visita desde la bandeja."));
        else if (justificationBody(r.justification, c.initials).isEmpty())
            problem(ResultField::Justification, tr("un reagendamiento se justifica: escriba la causa."));
    }

    if (r.collected && (r.collected->isNegative() || r.collected->isZero()))
        problem(ResultField::Collected, tr("la recaudación debe ser un valor mayor que cero."));
    if (r.collected && r.receiptNumber.trimmed().isEmpty())
        problem(ResultField::Receipt, tr("la recaudación necesita el número de recibo de caja."));
    if (!r.collected && !r.receiptNumber.trimmed().isEmpty())
        problem(ResultField::Collected, tr("indique el valor recaudado del recibo %1.").arg(r.receiptNumber.trimmed()));
    if (r.visitTime && !r.visitTime->isValid())
        problem(ResultField::VisitTime, tr("la hora de la visita no es una hora válida (24 horas, HH:MM)."));
    return out;
}

QDateTime resultsDueAt(QDate visitDate, const WorkingCalendar &calendar, const TimeWindows &windows)
{
    return QDateTime(calendar.nextWorkingDay(visitDate), windows.resultsDue);
}

bool isLateEntry(QDate visitDate, const QDateTime &enteredAt, const WorkingCalendar &calendar,
                 const TimeWindows &windows)
{
    // To the second, as the booking window: 08:45:00 is on time, 08:45:01 late.
    const QDateTime at(enteredAt.date(), QTime(enteredAt.time().hour(), enteredAt.time().minute(),
                                               enteredAt.time().second()));
    return at > resultsDueAt(visitDate, calendar, windows);
}

std::optional<QTime> parseVisitTime(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{1,2})\\s*[:h.]?\\s*(\\d{2})\\s*$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QTime t(m.captured(1).toInt(), m.captured(2).toInt());
    if (!t.isValid())
        return std::nullopt;
    return t;
}

} // namespace cobranza
