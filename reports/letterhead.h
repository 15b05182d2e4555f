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

    // Reads the cooperative's profile; the logo (a base64 PNG) only when one was chosen and decodes.
    static Letterhead fromSettings(const Database &db);
    // Paints the letterhead at the top of `area`; returns its height in device units. Text keeps
    // clear of the right-most `reserveRight` device units (a document may put a stamp there); the
    // rule under it spans the whole width.
    qreal paint(QPainter &painter, const QRectF &area, qreal reserveRight = 0) const;
};

} // namespace cobranza
