#include "routemapwidget.h"

#include "routes/routeplanner.h"
#include "textfold.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStringList>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <utility>

namespace cobranza {

namespace {

constexpr qreal kRadius = 10;          // of a stop's circle
constexpr qreal kHighlightRadius = 13;
constexpr qreal kBranchHalf = 7;       // half the side of the branch's square
constexpr qreal kMargin = 8;
constexpr double kMinSpanDegrees = 0.005; // about half a kilometre: one stop alone is not zoomed to a dot's width

const QColor kPaper(0xfb, 0xfa, 0xf7);
const QColor kLand(0xee, 0xf1, 0xea);
const QColor kGrid(0xdc, 0xe0, 0xd6);
const QColor kInk(0x2b, 0x2b, 0x2b);
const QColor kPath(0x4a, 0x6f, 0xa5);
const QColor kCrossing(0xd6, 0x27, 0x28);

// Distinguishable colours for sectors; no red, which marks zone crossings.
const std::array<QColor, 12> kSectorColors{
    QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
    QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22),
    QColor(0x39, 0x3b, 0x79), QColor(0x63, 0x79, 0x39), QColor(0xe7, 0xba, 0x52), QColor(0x7f, 0x7f, 0x7f),
};

// The sector's preferred colour comes from its folded name, so a sector keeps its colour from one
// day's map to the next unless another sector of the same day wants it.
size_t preferredColor(const QString &key)
{
    quint32 h = 2166136261u; // FNV-1a: fixed across runs, unlike qHash's seeded hash
    for (QChar c : key) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h % kSectorColors.size();
}

QColor textOn(const QColor &fill)
{
    return fill.lightnessF() > 0.6 ? kInk : QColor(Qt::white);
}

// A round number of kilometres (or degrees) near `at most`, from the 1-2-5 series.
double niceStep(double atMost)
{
    double step = 1e-4;
    for (double decade = 1e-4; decade < 1e4; decade *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if (m * decade <= atMost)
                step = m * decade;
    return step;
}

QString kmText(double km, int decimals)
{
    return QCoreApplication::translate("cobranza::RouteMapWidget", "%1 km").arg(QLocale().toString(km, 'f', decimals));
}

} // namespace

QPointF RouteMapWidget::Projection::map(const GeoPoint &p) const
{
    return {area.center().x() + (p.longitude - centreLon) * eastScale * pxPerDegree,
            area.center().y() - (p.latitude - centreLat) * pxPerDegree};
}

RouteMapWidget::RouteMapWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Mapa de la ruta"));
}

void RouteMapWidget::setRoute(std::optional<GeoPoint> origin, QString originLabel, QList<MapStop> stops)
{
    m_origin = origin;
    m_originLabel = originLabel.isEmpty() ? tr("Sucursal") : std::move(originLabel);
    m_stops = std::move(stops);
    m_highlighted = -1;
    m_pressed = -1;

    // Distance and crossings are the planner's rules; the map only shows them.
    std::vector<RouteStop> route;
    std::vector<int> order;
    for (const MapStop &s : std::as_const(m_stops)) {
        order.push_back(static_cast<int>(route.size()));
        route.push_back({s.sector, s.location});
    }
    m_totalKm = routeDistanceKm(route, order, m_origin);
    const std::vector<int> crossings = zoneCrossingPositions(route, order);
    m_crossings = static_cast<int>(crossings.size());
    m_crossingInto = QList<bool>(m_stops.size(), false);
    for (int k : crossings)
        m_crossingInto[k] = true;
    m_unlocated = static_cast<int>(std::count_if(m_stops.cbegin(), m_stops.cend(),
                                                 [](const MapStop &s) { return !s.location; }));

    // Colours: sectors by folded name take their preferred colour, or the next free one.
    std::map<QString, size_t> colorOf;
    for (const MapStop &s : std::as_const(m_stops))
        colorOf.emplace(foldForMatch(s.sector), 0);
    std::array<bool, kSectorColors.size()> taken{};
    for (auto &[key, color] : colorOf) {
        color = preferredColor(key);
        for (size_t probe = 0; probe < kSectorColors.size() && taken[color]; ++probe)
            color = (color + 1) % kSectorColors.size(); // with more than 12 sectors, colours repeat
        taken[color] = true;
    }
    m_colors.clear();
    m_legend.clear();
    for (const MapStop &s : std::as_const(m_stops)) {
        const QColor color = kSectorColors[colorOf.at(foldForMatch(s.sector))];
        m_colors.append(color);
        if (!s.location)
            continue; // the legend explains the map: sectors with nothing drawn stay out
        const bool listed = std::any_of(m_legend.cbegin(), m_legend.cend(), [&](const LegendEntry &e) {
            return foldForMatch(e.sector) == foldForMatch(s.sector);
        });
        if (!listed)
            m_legend.append({s.sector, color});
    }
    update();
}

void RouteMapWidget::setHighlighted(int index)
{
    const int valid = index >= 0 && index < m_stops.size() ? index : -1;
    if (valid == m_highlighted)
        return;
    m_highlighted = valid;
    update();
}

QPointF RouteMapWidget::stopPosition(int index) const
{
    if (index < 0 || index >= m_stops.size() || !m_stops.at(index).location)
        return {};
    return layoutFor(rect()).projection.map(*m_stops.at(index).location);
}

QSize RouteMapWidget::sizeHint() const
{
    return {420, 420};
}

QSize RouteMapWidget::minimumSizeHint() const
{
    return {200, 200};
}

RouteMapWidget::Layout RouteMapWidget::layoutFor(const QRectF &area) const
{
    const QFontMetricsF fm(font());
    Layout l;
    const qreal line = fm.height() + 8;
    l.header = QRectF(area.left() + kMargin, area.top(), area.width() - 2 * kMargin, line);
    l.footer = QRectF(area.left() + kMargin, area.bottom() - line, area.width() - 2 * kMargin, line);
    l.map = QRectF(l.header.left(), l.header.bottom(), l.header.width(), l.footer.top() - l.header.bottom());

    Projection &pr = l.projection;
    // Room for a circle, the branch's label and the numbers at the edge.
    pr.area = l.map.adjusted(kHighlightRadius + 6, kHighlightRadius + 6, -(kHighlightRadius + 6),
                             -(kHighlightRadius + fm.height() + 6));
    double minLat = 0, maxLat = 0, minLon = 0, maxLon = 0;
    bool any = false;
    const auto include = [&](const GeoPoint &p) {
        minLat = any ? std::min(minLat, p.latitude) : p.latitude;
        maxLat = any ? std::max(maxLat, p.latitude) : p.latitude;
        minLon = any ? std::min(minLon, p.longitude) : p.longitude;
        maxLon = any ? std::max(maxLon, p.longitude) : p.longitude;
        any = true;
    };
    if (m_origin)
        include(*m_origin);
    for (const MapStop &s : m_stops)
        if (s.location)
            include(*s.location);
    pr.centreLat = (minLat + maxLat) / 2;
    pr.centreLon = (minLon + maxLon) / 2;
    pr.eastScale = std::cos(pr.centreLat * std::numbers::pi / 180.0);
    const double latSpan = std::max(maxLat - minLat, kMinSpanDegrees);
    const double lonSpan = std::max((maxLon - minLon) * pr.eastScale, kMinSpanDegrees);
    pr.pxPerDegree = std::max(1e-9, std::min(pr.area.width() / lonSpan, pr.area.height() / latSpan));
    pr.pxPerKm = pr.pxPerDegree / distanceKm(GeoPoint{0, 0}, GeoPoint{1, 0});
    return l;
}

int RouteMapWidget::stopAt(const QPointF &pos) const
{
    const Projection pr = layoutFor(rect()).projection;
    const auto hits = [&](int i, qreal radius) {
        const std::optional<GeoPoint> &at = m_stops.at(i).location;
        if (!at)
            return false;
        const QPointF d = pr.map(*at) - pos;
        return QPointF::dotProduct(d, d) <= (radius + 2) * (radius + 2);
    };
    // The way they are drawn: the highlighted stop on top, then later stops over earlier ones.
    if (m_highlighted >= 0 && hits(m_highlighted, kHighlightRadius))
        return m_highlighted;
    for (int i = static_cast<int>(m_stops.size()) - 1; i >= 0; --i)
        if (hits(i, kRadius))
            return i;
    return -1;
}

bool RouteMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = stopAt(help->pos());
        if (i >= 0) {
            const MapStop &s = m_stops.at(i);
            QToolTip::showText(help->globalPos(), tr("%1. %2 — %3").arg(s.order).arg(s.name, s.sector), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void RouteMapWidget::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton ? stopAt(event->position()) : -1;
    QWidget::mousePressEvent(event);
}

void RouteMapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    // A click is press and release on the same stop, as with a button.
    const int pressed = std::exchange(m_pressed, -1);
    if (event->button() == Qt::LeftButton && pressed >= 0 && stopAt(event->position()) == pressed) {
        setHighlighted(pressed);
        emit stopClicked(pressed);
    }
    QWidget::mouseReleaseEvent(event);
}

void RouteMapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (stopAt(event->position()) >= 0)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

void RouteMapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Layout l = layoutFor(rect());
    p.fillRect(rect(), kPaper);
    p.setPen(QPen(kGrid, 1));
    p.setBrush(kLand);
    p.drawRect(l.map);

    const bool located = m_origin || m_unlocated < m_stops.size();
    if (!located) {
        p.setPen(kInk);
        p.drawText(l.map, Qt::AlignCenter | Qt::TextWordWrap,
                   m_stops.isEmpty() ? tr("Sin visitas para mostrar") : tr("Ninguna visita tiene coordenadas"));
        paintHeaderAndFooter(p, l);
        return;
    }
    p.save();
    p.setClipRect(l.map);
    paintGrid(p, l);
    paintPath(p, l);
    paintBranch(p, l);
    paintStops(p, l);
    paintBranchLabel(p, l);
    p.restore();
    paintLegend(p, l);
    paintHeaderAndFooter(p, l);
}

void RouteMapWidget::paintGrid(QPainter &p, const Layout &l) const
{
    // Parallels and meridians at a round step in degrees, 60 to 150 px apart (meridians are the
    // closer ones away from the equator).
    const Projection &pr = l.projection;
    const double grid = niceStep(2.5 * 60.0 / (pr.pxPerDegree * pr.eastScale));
    const double top = pr.centreLat + (pr.area.center().y() - l.map.top()) / pr.pxPerDegree;
    const double bottom = pr.centreLat - (l.map.bottom() - pr.area.center().y()) / pr.pxPerDegree;
    const double west = pr.centreLon - (pr.area.center().x() - l.map.left()) / (pr.pxPerDegree * pr.eastScale);
    const double east = pr.centreLon + (l.map.right() - pr.area.center().x()) / (pr.pxPerDegree * pr.eastScale);
    p.setPen(QPen(kGrid, 1));
    for (double lat = std::ceil(bottom / grid) * grid; lat <= top; lat += grid) {
        const qreal y = pr.map(GeoPoint{lat, pr.centreLon}).y();
        p.drawLine(QPointF(l.map.left(), y), QPointF(l.map.right(), y));
    }
    for (double lon = std::ceil(west / grid) * grid; lon <= east; lon += grid) {
        const qreal x = pr.map(GeoPoint{pr.centreLat, lon}).x();
        p.drawLine(QPointF(x, l.map.top()), QPointF(x, l.map.bottom()));
    }
}

void RouteMapWidget::paintPath(QPainter &p, const Layout &l) const
{
    const Projection &pr = l.projection;
    const QPen plain(kPath, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    QPen crossing(kCrossing, 2.5, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin);
    crossing.setDashPattern({4, 3});

    // A leg enters a sector already left when any stop since the last drawn one did (that stop may
    // have no coordinates and so no leg of its own).
    std::optional<QPointF> from;
    if (m_origin)
        from = pr.map(*m_origin);
    bool crossingSinceLast = false;
    for (int i = 0; i < m_stops.size(); ++i) {
        crossingSinceLast = crossingSinceLast || m_crossingInto.at(i);
        if (!m_stops.at(i).location)
            continue;
        const QPointF to = pr.map(*m_stops.at(i).location);
        if (from) {
            p.setPen(crossingSinceLast ? crossing : plain);
            p.drawLine(*from, to);
        }
        from = to;
        crossingSinceLast = false;
    }
    if (from && m_origin) {
        p.setPen(plain);
        p.drawLine(*from, pr.map(*m_origin));
    }
}

void RouteMapWidget::paintBranch(QPainter &p, const Layout &l) const
{
    if (!m_origin)
        return;
    const QPointF at = l.projection.map(*m_origin);
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(kInk);
    p.drawRect(QRectF(at.x() - kBranchHalf, at.y() - kBranchHalf, 2 * kBranchHalf, 2 * kBranchHalf));
}

void RouteMapWidget::paintBranchLabel(QPainter &p, const Layout &l) const
{
    if (!m_origin)
        return;
    const QPointF at = l.projection.map(*m_origin);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetricsF fm(small);
    const QSizeF size(fm.horizontalAdvance(m_originLabel) + 8, fm.height() + 2);
    const qreal gap = kBranchHalf + 3;
    // Below, above, right or left of the square, wherever it hides the fewest stops.
    const std::array<QRectF, 4> places{
        QRectF(QPointF(at.x() - size.width() / 2, at.y() + gap), size),
        QRectF(QPointF(at.x() - size.width() / 2, at.y() - gap - size.height()), size),
        QRectF(QPointF(at.x() + gap, at.y() - size.height() / 2), size),
        QRectF(QPointF(at.x() - gap - size.width(), at.y() - size.height() / 2), size),
    };
    const QRectF label = clearestOf(places, l);
    p.setFont(small);
    p.setPen(QPen(kGrid.darker(130), 1));
    p.setBrush(QColor(255, 255, 255, 225));
    p.drawRoundedRect(label, 3, 3);
    p.setPen(kInk);
    p.drawText(label, Qt::AlignCenter, m_originLabel);
    p.setFont(font());
}

void RouteMapWidget::paintStops(QPainter &p, const Layout &l) const
{
    const Projection &pr = l.projection;
    QFont number = font();
    number.setBold(true);
    number.setPixelSize(10);
    const auto drawStop = [&](int i, qreal radius) {
        const QPointF at = pr.map(*m_stops.at(i).location);
        const QColor fill = m_colors.at(i);
        p.setPen(QPen(i == m_highlighted ? kInk : QColor(Qt::white), i == m_highlighted ? 2.5 : 1.5));
        p.setBrush(fill);
        p.drawEllipse(at, radius, radius);
        const QString text = QString::number(m_stops.at(i).order);
        number.setPixelSize(text.size() > 2 ? 8 : 10);
        p.setFont(number);
        p.setPen(textOn(fill));
        p.drawText(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter, text);
    };
    for (int i = 0; i < m_stops.size(); ++i)
        if (m_stops.at(i).location && i != m_highlighted)
            drawStop(i, kRadius);
    p.setFont(font());
    if (m_highlighted < 0 || !m_stops.at(m_highlighted).location)
        return;

    // The selected stop: a halo, the circle on top of the others and its member's name.
    const MapStop &s = m_stops.at(m_highlighted);
    const QPointF at = pr.map(*s.location);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 214, 0, 150));
    p.drawEllipse(at, kHighlightRadius + 6, kHighlightRadius + 6);
    drawStop(m_highlighted, kHighlightRadius);
    p.setFont(font());
    const QFontMetricsF fm(font());
    const QString name = tr("%1. %2").arg(s.order).arg(s.name);
    const qreal w = fm.horizontalAdvance(name) + 10;
    QRectF label(at.x() + kHighlightRadius + 6, at.y() - fm.height() / 2 - 2, w, fm.height() + 4);
    if (label.right() > l.map.right() - 2) // no room on the right: on the left
        label.moveRight(at.x() - kHighlightRadius - 6);
    label.moveLeft(std::max(label.left(), l.map.left() + 2));
    p.setPen(QPen(kInk, 1));
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawRoundedRect(label, 3, 3);
    p.drawText(label, Qt::AlignCenter, name);
}

QRectF RouteMapWidget::clearestOf(const std::array<QRectF, 4> &places, const Layout &l) const
{
    // The first of the places that hides the fewest stops (the branch counts more) and fits the map.
    QRectF best;
    int fewest = -1;
    for (const QRectF &place : places) {
        const QRectF reach = place.adjusted(-kRadius, -kRadius, kRadius, kRadius);
        int hidden = l.map.contains(place) ? 0 : 100;
        if (m_origin && reach.contains(l.projection.map(*m_origin)))
            hidden += 3;
        for (const MapStop &s : m_stops)
            if (s.location && reach.contains(l.projection.map(*s.location)))
                ++hidden;
        if (fewest < 0 || hidden < fewest) {
            fewest = hidden;
            best = place;
        }
    }
    return best;
}

qsizetype RouteMapWidget::legendRows(const Layout &l) const
{
    // At most half the map's height; the last row then says how many more sectors there are.
    const qreal row = QFontMetricsF(font()).height() + 2;
    return std::min<qsizetype>(m_legend.size(), std::max<qsizetype>(1, qsizetype((l.map.height() / 2 - 8) / row)));
}

QRectF RouteMapWidget::legendRect(const Layout &l) const
{
    const QFontMetricsF fm(font());
    const qreal row = fm.height() + 2;
    qreal textWidth = 0;
    for (const LegendEntry &e : m_legend)
        textWidth = std::max(textWidth, fm.horizontalAdvance(e.sector.isEmpty() ? tr("Sin sector") : e.sector));
    const qsizetype rows = legendRows(l);
    const QSizeF size(std::min(textWidth + 30, l.map.width() / 2), qreal(rows) * row + 8);

    const QRectF inner = l.map.adjusted(4, 4, -4, -4);
    const std::array<QRectF, 4> corners{ // so that the legend does not cover the route
        QRectF(QPointF(inner.right() - size.width(), inner.top()), size),
        QRectF(inner.topLeft(), size),
        QRectF(QPointF(inner.right() - size.width(), inner.bottom() - size.height()), size),
        QRectF(QPointF(inner.left(), inner.bottom() - size.height()), size),
    };
    return clearestOf(corners, l);
}

void RouteMapWidget::paintLegend(QPainter &p, const Layout &l) const
{
    if (m_legend.isEmpty())
        return;
    const QRectF box = legendRect(l);
    const QFontMetricsF fm(font());
    const qreal row = fm.height() + 2;
    const qsizetype rows = legendRows(l);
    p.setPen(QPen(kGrid.darker(115), 1));
    p.setBrush(QColor(255, 255, 255, 225));
    p.drawRoundedRect(box, 4, 4);
    for (qsizetype r = 0; r < rows; ++r) {
        const QRectF line(box.left() + 6, box.top() + 4 + qreal(r) * row, box.width() - 12, row);
        const bool more = r == rows - 1 && m_legend.size() > rows;
        QString text;
        if (more) {
            text = tr("y %1 más").arg(m_legend.size() - r);
        } else {
            const LegendEntry &e = m_legend.at(r);
            p.setPen(Qt::white);
            p.setBrush(e.color);
            p.drawEllipse(QPointF(line.left() + 6, line.center().y()), 5, 5);
            text = e.sector.isEmpty() ? tr("Sin sector") : e.sector;
        }
        p.setPen(kInk);
        p.drawText(line.adjusted(more ? 0 : 16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(text, Qt::ElideRight, line.width() - (more ? 0 : 16)));
    }
}

void RouteMapWidget::paintHeaderAndFooter(QPainter &p, const Layout &l) const
{
    const QFontMetricsF fm(font());
    QString distance = tr("Distancia total: %1").arg(kmText(m_totalKm, 1));
    QString crossings = tr("Cruces de zona: %1").arg(m_crossings);
    if (fm.horizontalAdvance(distance) + fm.horizontalAdvance(crossings) + 12 > l.header.width()) {
        // A narrow map: the figures matter more than their captions.
        distance = kmText(m_totalKm, 1);
        crossings = tr("Cruces: %1").arg(m_crossings);
    }
    p.setPen(kInk);
    p.drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter, distance);
    p.setPen(m_crossings > 0 ? kCrossing : kInk);
    p.drawText(l.header, Qt::AlignRight | Qt::AlignVCenter, crossings);

    // Scale bar: a round number of kilometres no longer than a quarter of the map.
    const bool located = m_origin || m_unlocated < m_stops.size();
    qreal noteLeft = l.footer.left();
    if (located) {
        const double km = niceStep(l.map.width() / 4 / l.projection.pxPerKm);
        const qreal w = km * l.projection.pxPerKm;
        const qreal y = l.footer.center().y();
        p.setPen(QPen(kInk, 1.5));
        p.drawLine(QPointF(l.footer.left(), y), QPointF(l.footer.left() + w, y));
        p.drawLine(QPointF(l.footer.left(), y - 4), QPointF(l.footer.left(), y + 4));
        p.drawLine(QPointF(l.footer.left() + w, y - 4), QPointF(l.footer.left() + w, y + 4));
        const QString label = kmText(km, km < 1 ? (km < 0.1 ? 2 : 1) : 0);
        p.drawText(QRectF(l.footer.left() + w + 6, l.footer.top(), fm.horizontalAdvance(label) + 2, l.footer.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
        noteLeft = l.footer.left() + w + 6 + fm.horizontalAdvance(label) + 12;
    }

    QStringList notes;
    if (m_unlocated == 1)
        notes << tr("1 visita sin coordenadas");
    else if (m_unlocated > 1)
        notes << tr("%1 visitas sin coordenadas").arg(m_unlocated);
    if (!m_origin && !m_stops.isEmpty())
        notes << tr("sucursal sin coordenadas");
    if (notes.isEmpty())
        return;
    const QRectF noteRect(noteLeft, l.footer.top(), l.footer.right() - noteLeft, l.footer.height());
    p.setPen(kInk);
    p.drawText(noteRect, Qt::AlignRight | Qt::AlignVCenter,
               fm.elidedText(notes.join(QStringLiteral(" · ")), Qt::ElideRight, noteRect.width()));
}

} // namespace cobranza
