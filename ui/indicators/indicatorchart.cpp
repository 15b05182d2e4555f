#include "indicatorchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::IndicatorChart", s); }

// Ratings and risk levels from green to dark red, so that a stack reads as worse going up.
const std::map<QString, QColor> &keyColours()
{
    static const std::map<QString, QColor> colours = {
        {QStringLiteral("A1"), QColor(0x2e7d32)},
        {QStringLiteral("A2"), QColor(0x43a047)},
        {QStringLiteral("A3"), QColor(0x9ccc65)},
        {QStringLiteral("B1"), QColor(0xfdd835)},
        {QStringLiteral("B2"), QColor(0xf9a825)},
        {QStringLiteral("C1"), QColor(0xfb8c00)},
        {QStringLiteral("C2"), QColor(0xe65100)},
        {QStringLiteral("D"), QColor(0xe53935)},
        {QStringLiteral("E"), QColor(0x7f0000)},
        {QStringLiteral("VISITADO"), QColor(0x2e7d32)},
        {QStringLiteral("GESTION_PROPIA"), QColor(0x00897b)},
        {QStringLiteral("LLAMADA_TELEFONICA"), QColor(0x1e88e5)},
        {QStringLiteral("NO_ENCONTRADO"), QColor(0xfb8c00)},
        {QStringLiteral("NO_VISITADO"), QColor(0xe53935)},
        {QStringLiteral("GESTION_JUDICIAL"), QColor(0x6a1b9a)},
        {QStringLiteral("AGENDADO"), QColor(0x90a4ae)},
        {QStringLiteral("DESAGENDADO"), QColor(0x546e7a)},
        {QStringLiteral("NO_ASIGNADO"), QColor(0xbdbdbd)},
        {QStringLiteral("AGENDADAS"), QColor(0x90caf9)},
        {QStringLiteral("REALIZADAS"), QColor(0x1565c0)},
    };
    return colours;
}

const QList<QColor> kLevelColours = {QColor(0x43a047), QColor(0xf9a825), QColor(0xfb8c00), QColor(0xe53935),
                                     QColor(0x7f0000)};
const QList<QColor> kPalette = {QColor(0x1565c0), QColor(0xef6c00), QColor(0x2e7d32), QColor(0x6a1b9a),
                                QColor(0x00838f), QColor(0xad1457), QColor(0x5d4037), QColor(0x9e9d24)};

QColor colourFor(const IndicatorSeries &s, int index)
{
    const auto it = keyColours().find(s.key);
    return it != keyColours().end() ? it->second : kPalette.at(index % kPalette.size());
}

// What the chart plots: whole dollars (cents would only make the labels longer), percentages to
// two decimals, counts as they are.
double plotted(std::optional<double> v, IndicatorUnit unit)
{
    if (!v)
        return 0;
    return unit == IndicatorUnit::Percent ? std::round(*v * 100.0) / 100.0 : std::round(*v);
}

QString axisTitle(IndicatorUnit unit, const IndicatorSheet &sheet)
{
    switch (unit) {
    case IndicatorUnit::Dollars: return tr("USD");
    case IndicatorUnit::Percent: return tr("%");
    case IndicatorUnit::Count: return sheet.unit;
    }
    return {};
}

bool personKind(IndicatorChartKind k)
{
    return k == IndicatorChartKind::PersonBars || k == IndicatorChartKind::PersonStackedBars;
}

// The value axis: from zero, a little room above the highest bar or the goal, round steps.
QValueAxis *valueAxis(const IndicatorTable &table, const IndicatorSheet &sheet, IndicatorChartKind kind)
{
    double top = 0;
    const auto charted = table.chartedSeries();
    for (qsizetype c = 0; c < table.categories.size(); ++c) {
        double stacked = 0;
        for (const IndicatorSeries *s : charted) {
            const double v = plotted(s->values.value(c), s->unit);
            if (kind == IndicatorChartKind::StackedBars || kind == IndicatorChartKind::PersonStackedBars)
                stacked += v;
            else
                top = std::max(top, v);
        }
        top = std::max(top, stacked);
    }
    if (sheet.goal)
        top = std::max(top, *sheet.goal);
    auto *axis = new QValueAxis;
    axis->setRange(0, top > 0 ? top * 1.12 : 1);
    axis->applyNiceNumbers();
    const IndicatorUnit unit = table.chartUnit();
    if (unit == IndicatorUnit::Percent && top <= 100 && axis->max() > 100) { // no share passes 100 %
        axis->setRange(0, 100);
        axis->setTickCount(6);
    }
    axis->setLabelFormat(unit == IndicatorUnit::Percent && axis->max() < 10 ? QStringLiteral("%.1f")
                                                                           : QStringLiteral("%.0f"));
    if (unit == IndicatorUnit::Count && axis->max() <= 10)
        axis->setTickCount(static_cast<int>(axis->max()) + 1); // no "2,5 visitas"
    axis->setTitleText(axisTitle(unit, sheet));
    return axis;
}

QStringList categoryLabels(const IndicatorTable &table, IndicatorChartKind kind)
{
    if (!personKind(kind))
        return table.categories;
    QStringList out;
    for (const QString &name : table.categories)
        out << shortPersonName(name);
    // Two people who would read alike keep their whole names.
    if (QSet<QString>(out.begin(), out.end()).size() != out.size())
        out = table.categories;
    // A rate with nothing to rate (no promise judged yet) is not a 0 %: say so where the bar is missing.
    const auto charted = table.chartedSeries();
    if (charted.size() == 1 && charted.first()->unit == IndicatorUnit::Percent)
        for (qsizetype i = 0; i < out.size(); ++i)
            if (!charted.first()->values.value(i))
                out[i] += tr(" (sin datos)");
    return out;
}

// The people top to bottom in the table's order: a horizontal bar chart draws its first category
// at the bottom.
template<typename T>
QList<T> forChart(QList<T> list, IndicatorChartKind kind)
{
    if (personKind(kind))
        std::reverse(list.begin(), list.end());
    return list;
}

void addGoalLine(QChart *chart, const IndicatorTable &table, const IndicatorSheet &sheet, IndicatorChartKind kind,
                 QAbstractAxis *categoryAxis, QAbstractAxis *values)
{
    if (!sheet.goal)
        return;
    auto *goal = new QLineSeries;
    goal->setName(tr("Meta: %1").arg(goalText(sheet, table.chartUnit())));
    const double n = static_cast<double>(std::max<qsizetype>(1, table.categories.size()));
    if (personKind(kind)) {
        goal->append(*sheet.goal, -0.5);
        goal->append(*sheet.goal, n - 0.5);
    } else {
        goal->append(-0.5, *sheet.goal);
        goal->append(n - 0.5, *sheet.goal);
    }
    QPen pen(QColor(0xc62828));
    pen.setWidthF(2);
    pen.setStyle(Qt::DashLine);
    goal->setPen(pen);
    chart->addSeries(goal);
    goal->attachAxis(personKind(kind) ? values : categoryAxis);
    goal->attachAxis(personKind(kind) ? categoryAxis : values);
}

void fillBars(QChart *chart, const IndicatorTable &table, const IndicatorSheet &sheet, IndicatorChartKind kind)
{
    QAbstractBarSeries *series = nullptr;
    switch (kind) {
    case IndicatorChartKind::StackedBars: series = new QStackedBarSeries; break;
    case IndicatorChartKind::PersonBars: series = new QHorizontalBarSeries; break;
    case IndicatorChartKind::PersonStackedBars: series = new QHorizontalStackedBarSeries; break;
    default: series = new QBarSeries; break;
    }
    const auto charted = table.chartedSeries();
    for (int i = 0; i < charted.size(); ++i) {
        const IndicatorSeries *s = charted.at(i);
        auto *set = new QBarSet(s->name);
        for (const auto &v : forChart(s->values, kind))
            set->append(plotted(v, s->unit));
        set->setColor(colourFor(*s, i));
        set->setBorderColor(colourFor(*s, i).darker(115));
        set->setLabelColor(QColor(0x212121));
        series->append(set);
    }
    // Values on the bars only when there is room: one series, a handful of categories.
    const bool labels = charted.size() <= 2 && kind != IndicatorChartKind::StackedBars
                        && kind != IndicatorChartKind::PersonStackedBars && table.categories.size() <= 14;
    series->setBarWidth(personKind(kind) ? 0.7 : 0.55);
    chart->addSeries(series);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(12);
    const IndicatorUnit unit = table.chartUnit();
    series->setLabelsFormat(unit == IndicatorUnit::Dollars   ? QStringLiteral("$ @value")
                            : unit == IndicatorUnit::Percent ? QStringLiteral("@value %")
                                                             : QStringLiteral("@value"));
    series->setLabelsVisible(labels);

    auto *categories = new QBarCategoryAxis;
    categories->append(forChart(categoryLabels(table, kind), kind));
    categories->setTruncateLabels(false); // a name cut to "…" says nothing
    QValueAxis *values = valueAxis(table, sheet, kind);
    chart->addAxis(categories, personKind(kind) ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, personKind(kind) ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(values);
    addGoalLine(chart, table, sheet, kind, categories, values);
}

void fillLine(QChart *chart, const IndicatorTable &table, const IndicatorSheet &sheet)
{
    auto *categories = new QBarCategoryAxis;
    categories->append(table.categories);
    QValueAxis *values = valueAxis(table, sheet, IndicatorChartKind::Line);
    chart->addAxis(categories, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    const auto charted = table.chartedSeries();
    for (int i = 0; i < charted.size(); ++i) {
        const IndicatorSeries *s = charted.at(i);
        auto *line = new QLineSeries;
        line->setName(s->name);
        for (qsizetype c = 0; c < s->values.size(); ++c)
            if (s->values.at(c))
                line->append(static_cast<double>(c), plotted(s->values.at(c), s->unit));
        QPen pen(colourFor(*s, i));
        pen.setWidthF(2.5);
        line->setPen(pen);
        line->setPointsVisible(true);
        line->setMarkerSize(9);
        chart->addSeries(line);
        line->attachAxis(categories);
        line->attachAxis(values);
        // Qt draws point labels half a pen width above the point, on top of its marker: a twin
        // series with a wide invisible pen carries them clear of it.
        auto *labels = new QLineSeries;
        labels->append(line->points());
        labels->setPen(QPen(Qt::transparent, 22));
        labels->setPointLabelsVisible(true);
        labels->setPointLabelsClipping(false);
        labels->setPointLabelsColor(QColor(0x212121));
        labels->setPointLabelsFormat(s->unit == IndicatorUnit::Percent ? QStringLiteral("@yPoint %")
                                     : s->unit == IndicatorUnit::Dollars ? QStringLiteral("$ @yPoint")
                                                                         : QStringLiteral("@yPoint"));
        chart->addSeries(labels);
        labels->attachAxis(categories);
        labels->attachAxis(values);
        for (QLegendMarker *m : chart->legend()->markers(labels))
            m->setVisible(false);
    }
    addGoalLine(chart, table, sheet, IndicatorChartKind::Line, categories, values);
}

void fillPie(QChart *chart, const IndicatorTable &table)
{
    const auto charted = table.chartedSeries();
    if (charted.isEmpty())
        return;
    const IndicatorSeries *s = charted.first();
    const IndicatorSeries *share = table.seriesWithKey(QStringLiteral("PARTICIPACION"));
    const IndicatorSeries *credits = table.seriesWithKey(QStringLiteral("CREDITOS"));
    auto *pie = new QPieSeries;
    pie->setPieSize(0.78);
    for (qsizetype c = 0; c < table.categories.size(); ++c) {
        auto *slice = pie->append(table.categories.at(c), plotted(s->values.value(c), s->unit));
        slice->setColor(kLevelColours.at(static_cast<int>(c) % kLevelColours.size()));
        slice->setBorderColor(Qt::white);
        const std::optional<double> pct = share ? share->values.value(c) : std::nullopt;
        slice->setLabel(pct ? QStringLiteral("%1 %2").arg(table.categories.at(c), formatIndicatorValue(*pct, IndicatorUnit::Percent))
                            : table.categories.at(c));
        // Small slices keep their figures in the legend: their labels would sit on each other.
        slice->setLabelVisible(pct && *pct >= 4.0);
        slice->setLabelPosition(QPieSlice::LabelOutside);
    }
    chart->addSeries(pie);
    const QList<QLegendMarker *> markers = chart->legend()->markers(pie);
    for (qsizetype c = 0; c < markers.size() && c < table.categories.size(); ++c) {
        // Short enough for the legend beside the pie; the dollars are in the numbers below.
        QString text = table.categories.at(c);
        if (share && share->values.value(c))
            text += QStringLiteral(" %1").arg(formatIndicatorValue(*share->values.value(c), IndicatorUnit::Percent));
        if (credits && credits->values.value(c))
            text += tr(" (%1 créditos)").arg(formatIndicatorValue(*credits->values.value(c), IndicatorUnit::Count));
        markers.at(c)->setLabel(text);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
}

} // namespace

IndicatorChartKind chartKindOf(const QString &code)
{
    if (code == IndicatorCode::OverduePortfolio)
        return IndicatorChartKind::Bars;
    if (code == IndicatorCode::OverdueByBranch || code == IndicatorCode::OverdueByRating
        || code == IndicatorCode::Provision)
        return IndicatorChartKind::StackedBars;
    if (code == IndicatorCode::RiskLevels)
        return IndicatorChartKind::Pie;
    if (code == IndicatorCode::ResultsByState)
        return IndicatorChartKind::PersonStackedBars;
    if (code == IndicatorCode::Visits || code == IndicatorCode::PromisesKept || code == IndicatorCode::Collected
        || code == IndicatorCode::LateEntries || code == IndicatorCode::Errors)
        return IndicatorChartKind::PersonBars;
    return IndicatorChartKind::Line;
}

QChart *makeIndicatorChart(const IndicatorTable &table, const IndicatorSheet &sheet)
{
    auto *chart = new QChart;
    chart->setLocale(QLocale(QLocale::Spanish, QLocale::Ecuador));
    chart->setLocalizeNumbers(true);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (table.categories.isEmpty())
        return chart;
    const IndicatorChartKind kind = chartKindOf(table.code);
    switch (kind) {
    case IndicatorChartKind::Line: fillLine(chart, table, sheet); break;
    case IndicatorChartKind::Pie: fillPie(chart, table); break;
    default: fillBars(chart, table, sheet, kind); break;
    }
    // One series without a goal needs no legend: the title says what it is.
    const bool single = table.chartedSeries().size() == 1 && !sheet.goal && kind != IndicatorChartKind::Pie;
    chart->legend()->setVisible(!single);
    // A stack of up to nine ratings reads best as a column beside it, in the stack's order.
    if (kind == IndicatorChartKind::StackedBars)
        chart->legend()->setAlignment(Qt::AlignRight);
    if (kind == IndicatorChartKind::StackedBars || kind == IndicatorChartKind::Pie)
        chart->legend()->setReverseMarkers(kind == IndicatorChartKind::StackedBars);
    return chart;
}

void paintIndicatorChart(QPainter &painter, const QRectF &box, const IndicatorTable &table, const IndicatorSheet &sheet)
{
    QGraphicsScene scene;
    QChart *chart = makeIndicatorChart(table, sheet);
    scene.addItem(chart); // the scene owns it from here
    const qreal height = 400; // a screen-sized chart: its 8-point labels stay legible on the page
    const QRectF logical(0, 0, box.height() > 0 ? height * box.width() / box.height() : height, height);
    chart->setGeometry(logical);
    // The chart lays itself out on a posted event; paint only once it has.
    QCoreApplication::sendPostedEvents(chart, QEvent::LayoutRequest);
    QCoreApplication::sendPostedEvents();
    scene.render(&painter, box, logical, Qt::KeepAspectRatio);
}

QString shortPersonName(const QString &fullName)
{
    const QStringList words = fullName.simplified().split(u' ');
    if (words.size() < 3)
        return fullName.simplified();
    return words.at(0) + u' ' + words.at(2);
}

} // namespace cobranza
