#pragma once

#include "routes/routesheet.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <array>
#include <optional>

namespace cobranza {

// One stop drawn on the route map, in route order.
struct MapStop
{
    int order = 0; // the number in the circle, as on the route sheet
    QString name;  // the member's name, short
    QString sector;
    std::optional<GeoPoint> location;
    bool operator==(const MapStop &) const = default;
};

// A simple map-like view of a day's stops: the path from the branch through the stops and back,
// stops coloured by sector, zone crossings in red, total distance and a scale in kilometres.
class RouteMapWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteMapWidget)

public:
    explicit RouteMapWidget(QWidget *parent = nullptr);

    void setRoute(std::optional<GeoPoint> origin, QString originLabel, QList<MapStop> stops);
    // Emphasises the stop at `index` of the list given to setRoute(); -1 for none.
    void setHighlighted(int index);
    int highlighted() const { return m_highlighted; }

    double totalKm() const { return m_totalKm; }
    int zoneCrossings() const { return m_crossings; }
    // Where the stop's circle is drawn, in widget coordinates; a null point when it has no location.
    QPointF stopPosition(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A stop's circle was clicked (pressed and released on it); it is highlighted as well.
    void stopClicked(int index);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    // Equirectangular projection of the route's box into the map area, east scaled by cos(latitude).
    struct Projection
    {
        QRectF area;
        double centreLat = 0;
        double centreLon = 0;
        double eastScale = 1;   // cos(latitude): a degree of longitude is shorter than one of latitude
        double pxPerDegree = 1; // of latitude
        double pxPerKm = 1;
        QPointF map(const GeoPoint &p) const;
    };
    struct Layout
    {
        QRectF header;
        QRectF map;
        QRectF footer;
        Projection projection;
    };
    struct LegendEntry
    {
        QString sector;
        QColor color;
    };

    Layout layoutFor(const QRectF &area) const;
    int stopAt(const QPointF &pos) const;
    QRectF clearestOf(const std::array<QRectF, 4> &places, const Layout &l) const;
    qsizetype legendRows(const Layout &l) const;
    QRectF legendRect(const Layout &l) const;
    void paintGrid(QPainter &p, const Layout &l) const;
    void paintPath(QPainter &p, const Layout &l) const;
    void paintBranch(QPainter &p, const Layout &l) const;
    void paintStops(QPainter &p, const Layout &l) const;
    void paintBranchLabel(QPainter &p, const Layout &l) const;
    void paintLegend(QPainter &p, const Layout &l) const;
    void paintHeaderAndFooter(QPainter &p, const Layout &l) const;

    std::optional<GeoPoint> m_origin;
    QString m_originLabel;
    QList<MapStop> m_stops;
    QList<QColor> m_colors;     // per stop, by sector
    QList<bool> m_crossingInto; // per stop: the leg that reaches it enters a sector already left
    QList<LegendEntry> m_legend;
    double m_totalKm = 0;
    int m_crossings = 0;
    int m_unlocated = 0;
    int m_highlighted = -1;
    int m_pressed = -1;
};

} // namespace cobranza
