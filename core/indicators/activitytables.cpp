// The tables of the per-person indicators of one month: one category per person.
#include "indicators/tablebuilders.h"

#include <functional>

namespace cobranza::indicators {

namespace {

IndicatorTable personTable(const IndicatorInputs &in)
{
    IndicatorTable t;
    t.categoryTitle = tr("Persona");
    t.noteTitle = tr("Agencia");
    for (const PersonActivity &p : in.people) {
        t.categories << (p.name.isEmpty() ? tr("Usuario %1").arg(p.staffId) : p.name);
        t.notes << p.branchCode;
    }
    return t;
}

QString monthName(const IndicatorInputs &in) { return monthLabel(in.activityMonth); }

IndicatorSeries countSeries(const IndicatorInputs &in, const QString &key, const QString &name, bool charted,
                            const std::function<int(const PersonActivity &)> &count)
{
    IndicatorSeries s = makeSeries(key, name, IndicatorUnit::Count, charted);
    for (const PersonActivity &p : in.people)
        s.values << static_cast<double>(count(p));
    return s;
}

int total(const IndicatorInputs &in, const std::function<int(const PersonActivity &)> &count)
{
    int n = 0;
    for (const PersonActivity &p : in.people)
        n += count(p);
    return n;
}

QString count(int n) { return formatIndicatorValue(n, IndicatorUnit::Count); }

// "Nadie" or the person with the highest `count` (ties: the first by name) and the number.
QString topPerson(const IndicatorInputs &in, const std::function<int(const PersonActivity &)> &value)
{
    const PersonActivity *top = nullptr;
    for (const PersonActivity &p : in.people)
        if (value(p) > 0 && (!top || value(p) > value(*top)))
            top = &p;
    return top ? tr("%1 (%2)").arg(top->name, count(value(*top))) : QString();
}

} // namespace

IndicatorTable visitsTable(const IndicatorInputs &in)
{
    IndicatorTable t = personTable(in);
    IndicatorSeries rate = makeSeries(QStringLiteral("PCT_REALIZADAS"), tr("Realizadas de las agendadas"), IndicatorUnit::Percent, false);
    for (const PersonActivity &p : in.people)
        rate.values << (p.booked > 0 ? std::optional<double>(p.made * 100.0 / p.booked) : std::nullopt);
    t.series = {countSeries(in, QStringLiteral("AGENDADAS"), tr("Agendadas"), true, [](auto &p) { return p.booked; }),
                countSeries(in, QStringLiteral("REALIZADAS"), tr("Realizadas"), true, [](auto &p) { return p.made; }),
                rate,
                countSeries(in, QStringLiteral("SIN_RESULTADO"), tr("Sin resultado"), false,
                            [](auto &p) { return p.withoutResult; }),
                countSeries(in, QStringLiteral("DESAGENDADAS"), tr("Desagendadas"), false,
                            [](auto &p) { return p.cancelled; })};
    const int booked = total(in, [](auto &p) { return p.booked; });
    const int made = total(in, [](auto &p) { return p.made; });
    const int missing = total(in, [](auto &p) { return p.withoutResult; });
    t.headline = tr("%1: %2 visitas agendadas y %3 realizadas (%4); %5 sin resultado.")
                     .arg(monthName(in), count(booked), count(made),
                          percentText(booked > 0 ? std::optional<double>(made * 100.0 / booked) : std::nullopt),
                          count(missing));
    return t;
}

IndicatorTable resultsByStateTable(const IndicatorInputs &in)
{
    IndicatorTable t = personTable(in);
    int best = -1;
    int bestCount = 0;
    for (VisitState s : kAllVisitStates) {
        const auto i = static_cast<size_t>(s);
        const int n = total(in, [i](const PersonActivity &p) { return p.byState.at(i); });
        if (n == 0)
            continue; // a state nobody used would only crowd the legend
        t.series << countSeries(in, visitStateCode(s), visitStateLabel(s), true,
                                [i](const PersonActivity &p) { return p.byState.at(i); });
        if (n > bestCount) {
            best = static_cast<int>(s);
            bestCount = n;
        }
    }
    t.series << countSeries(in, QStringLiteral("TOTAL"), tr("Total de resultados"), false,
                            [](const PersonActivity &p) { return p.results(); });
    const int all = total(in, [](const PersonActivity &p) { return p.results(); });
    t.headline = all == 0 ? tr("%1: sin resultados registrados.").arg(monthName(in))
                          : tr("%1: %2 resultados registrados; el estado más frecuente es %3 (%4).")
                                .arg(monthName(in), count(all), visitStateLabel(static_cast<VisitState>(best)),
                                     count(bestCount));
    return t;
}

IndicatorTable promisesTable(const IndicatorInputs &in)
{
    IndicatorTable t = personTable(in);
    IndicatorSeries rate = makeSeries(QStringLiteral("CUMPLIMIENTO"), tr("Promesas cumplidas"), IndicatorUnit::Percent);
    for (const PersonActivity &p : in.people)
        rate.values << p.keptRate();
    t.series = {rate,
                countSeries(in, QStringLiteral("PROMESAS"), tr("Promesas hechas"), false, [](auto &p) { return p.promises; }),
                countSeries(in, QStringLiteral("EVALUADAS"), tr("Evaluadas"), false, [](auto &p) { return p.judged; }),
                countSeries(in, QStringLiteral("CUMPLIDAS"), tr("Cumplidas"), false, [](auto &p) { return p.kept; }),
                countSeries(in, QStringLiteral("EN_PARTE"), tr("Cumplidas en parte"), false,
                            [](auto &p) { return p.partlyKept; }),
                countSeries(in, QStringLiteral("INCUMPLIDAS"), tr("Incumplidas"), false, [](auto &p) { return p.broken; })};
    const int made = total(in, [](auto &p) { return p.promises; });
    const int judged = total(in, [](auto &p) { return p.judged; });
    const int kept = total(in, [](auto &p) { return p.kept; });
    const int partly = total(in, [](auto &p) { return p.partlyKept; });
    t.headline = tr("%1: %2 promesas de pago, %3 evaluadas; cumplidas total o parcialmente: %4.")
                     .arg(monthName(in), count(made), count(judged), percentText(promiseKeptRate(kept, partly, judged)));
    return t;
}

IndicatorTable collectedTable(const IndicatorInputs &in)
{
    IndicatorTable t = personTable(in);
    IndicatorSeries s = makeSeries(QStringLiteral("RECAUDACION"), tr("Recaudación"), IndicatorUnit::Dollars);
    Money all;
    for (const PersonActivity &p : in.people) {
        s.values << dollars(p.collected);
        all += p.collected;
    }
    t.series = {s};
    t.headline = tr("%1: %2 recaudados en campo.").arg(monthName(in), all.toDisplayString());
    return t;
}

IndicatorTable lateEntriesTable(const IndicatorInputs &in)
{
    IndicatorTable t = personTable(in);
    IndicatorSeries share = makeSeries(QStringLiteral("PCT_FUERA"), tr("Fuera de plazo de los resultados"), IndicatorUnit::Percent, false);
    for (const PersonActivity &p : in.people)
        share.values << (p.results() > 0 ? std::optional<double>(p.late * 100.0 / p.results()) : std::nullopt);
    t.series = {countSeries(in, QStringLiteral("FUERA_DE_PLAZO"), tr("Fuera de plazo"), true, [](auto &p) { return p.late; }),
                countSeries(in, QStringLiteral("RESULTADOS"), tr("Resultados"), false, [](auto &p) { return p.results(); }),
                share};
    const int late = total(in, [](auto &p) { return p.late; });
    t.headline = late == 0 ? tr("%1: ningún resultado fuera de plazo.").arg(monthName(in))
                           : tr("%1: %2 resultados fuera de plazo; más: %3.")
                                 .arg(monthName(in), count(late), topPerson(in, [](auto &p) { return p.late; }));
    return t;
}

IndicatorTable errorsTable(const IndicatorInputs &in)
{
    IndicatorTable t = personTable(in);
    t.series = {countSeries(in, QStringLiteral("ERRORES"), tr("Errores"), true, [](auto &p) { return p.errors; })};
    const int errors = total(in, [](auto &p) { return p.errors; });
    t.headline = errors == 0 ? tr("%1: ningún error registrado.").arg(monthName(in))
                             : tr("%1: %2 errores registrados; más: %3.")
                                   .arg(monthName(in), count(errors), topPerson(in, [](auto &p) { return p.errors; }));
    return t;
}

} // namespace cobranza::indicators
