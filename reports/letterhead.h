#pragma once

#include <QImage>
#include <QString>

class QPainter;
class QRectF;

namespace cobranza {

class Database;

// The cooperative's letterhead on every printed document: name, RUC, address, phones, logo.
struct Letterhead
{
    QString name;
    QString ruc;
    QString address;
    QString phone;
    QString city;
    QImage logo;

    static Letterhead fromSettings(const Database &db);
    // Paints the letterhead at the top of `area`; returns its height in device units.
    qreal paint(QPainter &painter, const QRectF &area) const;
};

} // namespace cobranza
