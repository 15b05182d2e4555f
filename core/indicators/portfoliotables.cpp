// The tables of the portfolio indicators: month by month over the month-end cut-offs.
#include "indicators/tablebuilders.h"
#include "datetext.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace cobranza::indicators {

namespace {

// Categories = the months; notes = their cut-offs.
IndicatorTable monthTable(const IndicatorInputs &in)
{
    IndicatorTable t;
    t.categoryTitle = tr("Mes");
    t.noteTitle = tr("Corte");
    for (const MonthPortfolio &m : in.months) {
        t.categories << monthLabel(m.cutOff);
        t.notes << dayText(m.cutOff);
    }
    return t;
}

QString monthText(const MonthPortfolio &m)
{
    return tr("%1 (corte %2)").arg(monthLabel(m.cutOff), dayText(m.cutOff));
}

QString noMonths() { return tr("No hay cortes de cartera en el período elegido."); }

// The month before month `i`: the previous one shown, or the one before the range.
const MonthPortfolio *previousOf(const IndicatorInputs &in, qsizetype i)
{
    if (i > 0)
        return &in.months.at(i - 1);
    return in.previousMonth ? &*in.previousMonth : nullptr;
}

QString branchName(const IndicatorInputs &in, const QString &code)
{
    const auto it = in.branchNames.find(code);
    return it == in.branchNames.end() || it->second.isEmpty() ? code : it->second;
}

// A percentage-of-total indicator month by month, with its numerator in dollars and in credits.
IndicatorTable ratioTable(const IndicatorInputs &in, const QString &key, const QString &name,
                          const std::function<PortfolioFigures(const MonthPortfolio &)> &part)
{
    IndicatorTable t = monthTable(in);
    IndicatorSeries ratio = makeSeries(key, name, IndicatorUnit::Percent);
    IndicatorSeries balance = makeSeries(QStringLiteral("SALDO"), tr("Saldo"), IndicatorUnit::Dollars, false);
    IndicatorSeries credits = makeSeries(QStringLiteral("CREDITOS"), tr("Créditos"), IndicatorUnit::Count, false);
    IndicatorSeries total = makeSeries(QStringLiteral("TOTAL"), tr("Cartera total"), IndicatorUnit::Dollars, false);
    for (const MonthPortfolio &m : in.months) {
        const PortfolioFigures all = sumCells(m.cells, in.branchCode);
        const PortfolioFigures p = part(m);
        ratio.values << percentOf(p.balance, all.balance);
        balance.values << dollars(p.balance);
        credits.values << static_cast<double>(p.credits);
        total.values << dollars(all.balance);
    }
    t.series = {ratio, balance, credits, total};
    return t;
}

} // namespace

IndicatorTable overduePortfolioTable(const IndicatorInputs &in)
{
    IndicatorTable t = monthTable(in);
    IndicatorSeries overdue = makeSeries(QStringLiteral("MORA"), tr("Cartera en mora"), IndicatorUnit::Dollars);
    IndicatorSeries change =
        makeSeries(QStringLiteral("VARIACION"), tr("Variación frente al mes anterior"), IndicatorUnit::Dollars, false);
    IndicatorSeries changePct = makeSeries(QStringLiteral("VARIACION_PCT"), tr("Variación porcentual"), IndicatorUnit::Percent, false);
    IndicatorSeries credits =
        makeSeries(QStringLiteral("CREDITOS_MORA"), tr("Créditos en mora"), IndicatorUnit::Count, false);
    IndicatorSeries unpaid = makeSeries(QStringLiteral("VENCIDO"), tr("Valor vencido"), IndicatorUnit::Dollars, false);
    IndicatorSeries total = makeSeries(QStringLiteral("TOTAL"), tr("Cartera total"), IndicatorUnit::Dollars, false);
    for (qsizetype i = 0; i < in.months.size(); ++i) {
        const PortfolioFigures f = sumCells(in.months.at(i).cells, in.branchCode);
        const MonthPortfolio *before = previousOf(in, i);
        const MonthChange c = monthOnMonth(
            f.overdueBalance,
            before ? std::optional<Money>(sumCells(before->cells, in.branchCode).overdueBalance) : std::nullopt);
        overdue.values << dollars(f.overdueBalance);
        change.values << (before ? dollars(c.change) : std::nullopt);
        changePct.values << c.percent;
        credits.values << static_cast<double>(f.overdueCredits);
        unpaid.values << dollars(f.overdueAmount);
        total.values << dollars(f.balance);
    }
    t.series = {overdue, change, changePct, credits, unpaid, total};
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    const qsizetype last = in.months.size() - 1;
    const MonthPortfolio *before = previousOf(in, last);
    const Money now = sumCells(in.months.last().cells, in.branchCode).overdueBalance;
    t.headline = tr("Cartera en mora a %1: %2.").arg(monthText(in.months.last()), now.toDisplayString());
    if (before) {
        const MonthChange c = monthOnMonth(now, sumCells(before->cells, in.branchCode).overdueBalance);
        const Money size = c.change.isNegative() ? Money() - c.change : c.change;
        t.headline += u' ';
        t.headline += c.change.isZero() ? tr("Igual que en %1.").arg(monthLabel(before->cutOff))
                      : tr("%1 %2 que en %3 (%4).")
                            .arg(size.toDisplayString(), c.change.isNegative() ? tr("menos") : tr("más"),
                                 monthLabel(before->cutOff),
                                 c.percent ? (*c.percent > 0 ? QStringLiteral("+") : QString()) + percentText(c.percent)
                                           : tr("sin base de comparación"));
    } else {
        t.headline += u' ' + tr("No hay un mes anterior con qué compararla.");
    }
    return t;
}

IndicatorTable overdueRatioTable(const IndicatorInputs &in)
{
    IndicatorTable t = ratioTable(in, QStringLiteral("MOROSIDAD"), tr("Morosidad"), [&in](const MonthPortfolio &m) {
        const PortfolioFigures f = sumCells(m.cells, in.branchCode);
        PortfolioFigures p;
        p.balance = f.overdueBalance;
        p.credits = f.overdueCredits;
        return p;
    });
    t.series[1].name = tr("Cartera en mora");
    t.series[2].name = tr("Créditos en mora");
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    const auto now = t.series[0].values.last();
    t.headline = tr("Morosidad a %1: %2.").arg(monthText(in.months.last()), percentText(now));
    if (const MonthPortfolio *before = previousOf(in, in.months.size() - 1)) {
        const auto then = overdueRatio(sumCells(before->cells, in.branchCode));
        if (now && then)
            t.headline += u' ' + tr("En %1 fue %2: %3 %4 puntos.")
                                     .arg(monthLabel(before->cutOff), percentText(then),
                                          *now > *then ? tr("subió") : *now < *then ? tr("bajó") : tr("varió"),
                                          QString::number(std::abs(*now - *then), 'f', 2).replace(u'.', u','));
    }
    return t;
}

IndicatorTable overdueByBranchTable(const IndicatorInputs &in)
{
    IndicatorTable t = monthTable(in);
    std::map<QString, bool> codes; // every branch known and every branch the cut-offs name
    for (const auto &[code, name] : in.branchNames)
        codes[code] = true;
    for (const MonthPortfolio &m : in.months)
        for (const PortfolioCell &c : m.cells)
            codes[c.branchCode] = true;
    QList<IndicatorSeries> ratios;
    for (const auto &[code, known] : codes) {
        if (!in.branchCode.isEmpty() && code != in.branchCode)
            continue;
        IndicatorSeries s = makeSeries(code, branchName(in, code), IndicatorUnit::Dollars);
        IndicatorSeries r = makeSeries(QStringLiteral("PCT_") + code, tr("Morosidad %1").arg(branchName(in, code)),
                                       IndicatorUnit::Percent, false);
        for (const MonthPortfolio &m : in.months) {
            const PortfolioFigures f = sumCells(m.cells, code);
            s.values << dollars(f.overdueBalance);
            r.values << overdueRatio(f);
        }
        t.series << s;
        ratios << r;
    }
    t.series << ratios;
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    QString worst;
    std::optional<double> worstRatio;
    for (const auto &[code, f] : figuresByBranch(in.months.last().cells, in.branchCode)) {
        const auto r = overdueRatio(f);
        if (r && (!worstRatio || *r > *worstRatio)) {
            worst = code;
            worstRatio = r;
        }
    }
    if (worst.isEmpty())
        t.headline = tr("Sin cartera a %1.").arg(monthText(in.months.last()));
    else if (!in.branchCode.isEmpty())
        t.headline = tr("Morosidad de %1 a %2: %3.").arg(branchName(in, worst), monthText(in.months.last()),
                                                         percentText(worstRatio));
    else
        t.headline = tr("A %1 la agencia con mayor morosidad es %2: %3 de su cartera.")
                         .arg(monthText(in.months.last()), branchName(in, worst), percentText(worstRatio));
    return t;
}

IndicatorTable overdueByRatingTable(const IndicatorInputs &in)
{
    IndicatorTable t = monthTable(in);
    IndicatorSeries ratio = makeSeries(QStringLiteral("MOROSIDAD"), tr("Morosidad"), IndicatorUnit::Percent, false);
    for (Rating r : kAllRatings) {
        IndicatorSeries s = makeSeries(ratingCode(r), ratingCode(r), IndicatorUnit::Dollars);
        bool any = false;
        for (const MonthPortfolio &m : in.months) {
            const Money overdue = figuresByRating(m.cells, in.branchCode).at(static_cast<size_t>(r)).overdueBalance;
            s.values << dollars(overdue);
            any = any || !overdue.isZero();
        }
        if (any) // a rating with nothing overdue in any month would only crowd the legend
            t.series << s;
    }
    for (const MonthPortfolio &m : in.months)
        ratio.values << overdueRatio(sumCells(m.cells, in.branchCode));
    t.series << ratio;
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    const auto byRating = figuresByRating(in.months.last().cells, in.branchCode);
    const Money all = sumCells(in.months.last().cells, in.branchCode).overdueBalance;
    const auto top = std::max_element(byRating.begin(), byRating.end(), [](const auto &a, const auto &b) {
        return a.overdueBalance < b.overdueBalance;
    });
    if (all.isZero()) {
        t.headline = tr("Sin cartera en mora a %1.").arg(monthText(in.months.last()));
        return t;
    }
    t.headline = tr("A %1 la calificación con más cartera en mora es %2: %3, el %4 de la cartera en mora.")
                     .arg(monthText(in.months.last()), ratingCode(static_cast<Rating>(top - byRating.begin())),
                          top->overdueBalance.toDisplayString(), percentText(percentOf(top->overdueBalance, all)));
    return t;
}

IndicatorTable riskLevelsTable(const IndicatorInputs &in)
{
    IndicatorTable t;
    t.categoryTitle = tr("Nivel de riesgo");
    t.noteTitle = tr("Calificaciones");
    IndicatorSeries balance = makeSeries(QStringLiteral("SALDO"), tr("Saldo de capital"), IndicatorUnit::Dollars);
    IndicatorSeries share = makeSeries(QStringLiteral("PARTICIPACION"), tr("Participación en el saldo"), IndicatorUnit::Percent, false);
    IndicatorSeries credits = makeSeries(QStringLiteral("CREDITOS"), tr("Créditos"), IndicatorUnit::Count, false);
    IndicatorSeries overdue = makeSeries(QStringLiteral("MORA"), tr("Cartera en mora"), IndicatorUnit::Dollars, false);
    const QList<PortfolioCell> cells = in.months.isEmpty() ? QList<PortfolioCell>() : in.months.last().cells;
    const auto levels = figuresByRiskLevel(cells, in.branchCode);
    const Money total = sumCells(cells, in.branchCode).balance;
    const QStringList ratings = {QStringLiteral("A1–A3"), QStringLiteral("B1–B2"), QStringLiteral("C1–C2"),
                                 QStringLiteral("D"), QStringLiteral("E")};
    for (RiskLevel l : kAllRiskLevels) {
        const PortfolioFigures &f = levels.at(static_cast<size_t>(l));
        t.categories << riskLevelLabel(l);
        t.notes << ratings.at(static_cast<int>(l));
        balance.values << dollars(f.balance);
        share.values << percentOf(f.balance, total);
        credits.values << static_cast<double>(f.credits);
        overdue.values << dollars(f.overdueBalance);
    }
    t.series = {balance, share, credits, overdue};
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    t.headline = tr("A %1: %2 del saldo en riesgo normal y %3 en pérdida (%4 créditos).")
                     .arg(monthText(in.months.last()), percentText(share.values.first()),
                          percentText(share.values.last()),
                          formatIndicatorValue(credits.values.last().value_or(0), IndicatorUnit::Count));
    return t;
}

IndicatorTable legalCollectionTable(const IndicatorInputs &in)
{
    IndicatorTable t = ratioTable(in, QStringLiteral("COBRO_JUDICIAL"), tr("Cartera en cobro judicial"),
                                  [&in](const MonthPortfolio &m) {
                                      const PortfolioFigures f = sumCells(m.cells, in.branchCode);
                                      PortfolioFigures p;
                                      p.balance = f.legalBalance;
                                      p.credits = f.legalCredits;
                                      return p;
                                  });
    t.series[1].name = tr("Saldo en cobro judicial");
    t.series[2].name = tr("Créditos con más de %1 días de mora").arg(in.legalDays);
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    t.headline = tr("Cartera en cobro judicial a %1: %2 de la cartera total (%3 créditos con más de %4 días de mora).")
                     .arg(monthText(in.months.last()), percentText(t.series[0].values.last()),
                          formatIndicatorValue(t.series[2].values.last().value_or(0), IndicatorUnit::Count))
                     .arg(in.legalDays);
    return t;
}

IndicatorTable uncollectibleTable(const IndicatorInputs &in)
{
    IndicatorTable t = ratioTable(in, QStringLiteral("INCOBRABLE"), tr("Cartera incobrable"),
                                  [&in](const MonthPortfolio &m) {
                                      return figuresByRating(m.cells, in.branchCode).at(static_cast<size_t>(Rating::E));
                                  });
    t.series[1].name = tr("Saldo calificado E");
    t.series[2].name = tr("Créditos calificados E");
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    t.headline = tr("Cartera incobrable (calificación E) a %1: %2 de la cartera total.")
                     .arg(monthText(in.months.last()), percentText(t.series[0].values.last()));
    return t;
}

IndicatorTable provisionTable(const IndicatorInputs &in)
{
    IndicatorTable t = monthTable(in);
    for (Rating r : kAllRatings) {
        IndicatorSeries s = makeSeries(ratingCode(r), tr("%1 al %2").arg(ratingCode(r), in.provisions.percentText(r)),
                                       IndicatorUnit::Dollars);
        bool any = false;
        for (const MonthPortfolio &m : in.months) {
            const Money p = provisionByRating(m.cells, in.provisions, in.branchCode).at(static_cast<size_t>(r));
            s.values << dollars(p);
            any = any || !p.isZero();
        }
        if (any)
            t.series << s;
    }
    IndicatorSeries total = makeSeries(QStringLiteral("TOTAL"), tr("Provisión requerida"), IndicatorUnit::Dollars, false);
    for (const MonthPortfolio &m : in.months)
        total.values << dollars(requiredProvision(m.cells, in.provisions, in.branchCode));
    t.series << total;
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    const Money now = requiredProvision(in.months.last().cells, in.provisions, in.branchCode);
    t.headline = tr("Provisión requerida a %1: %2, el %3 de la cartera total.")
                     .arg(monthText(in.months.last()), now.toDisplayString(),
                          percentText(percentOf(now, sumCells(in.months.last().cells, in.branchCode).balance)));
    return t;
}

IndicatorTable coverageTable(const IndicatorInputs &in)
{
    IndicatorTable t = monthTable(in);
    IndicatorSeries total = makeSeries(QStringLiteral("COBERTURA"), tr("Cobertura de la cartera total"),
                                       IndicatorUnit::Percent);
    IndicatorSeries overdue = makeSeries(QStringLiteral("COBERTURA_MORA"), tr("Provisión ÷ cartera en mora"),
                                         IndicatorUnit::Percent, false);
    IndicatorSeries provision =
        makeSeries(QStringLiteral("PROVISION"), tr("Provisión requerida"), IndicatorUnit::Dollars, false);
    IndicatorSeries balance = makeSeries(QStringLiteral("TOTAL"), tr("Cartera total"), IndicatorUnit::Dollars, false);
    for (const MonthPortfolio &m : in.months) {
        const PortfolioFigures f = sumCells(m.cells, in.branchCode);
        const Money p = requiredProvision(m.cells, in.provisions, in.branchCode);
        total.values << percentOf(p, f.balance);
        overdue.values << percentOf(p, f.overdueBalance);
        provision.values << dollars(p);
        balance.values << dollars(f.balance);
    }
    t.series = {total, overdue, provision, balance};
    if (in.months.isEmpty()) {
        t.headline = noMonths();
        return t;
    }
    t.headline = tr("A %1 la provisión requerida cubre el %2 de la cartera total y el %3 de la cartera en mora.")
                     .arg(monthText(in.months.last()), percentText(total.values.last()),
                          percentText(overdue.values.last()));
    return t;
}

} // namespace cobranza::indicators
