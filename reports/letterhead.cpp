#include "letterhead.h"

#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QPainter>

namespace cobranza {

Letterhead Letterhead::fromSettings(const Database &db)
{
    const SettingsStore s(db);
    Letterhead l;
    l.name = s.value(SettingsStore::CooperativeName, QCoreApplication::translate("cobranza::Letterhead", "Cooperativa"));
    l.ruc = s.value(SettingsStore::CooperativeRuc, QString());
    l.address = s.value(SettingsStore::CooperativeAddress, QString());
    l.phone = s.value(SettingsStore::CooperativePhone, QString());
    l.city = s.value(SettingsStore::CooperativeCity, QString());
    return l;
}

qreal Letterhead::paint(QPainter &p, const QRectF &area) const
{
    p.save();
    const qreal unit = area.width() / 190.0; // one millimetre of an A4 text width
    qreal x = area.left();
    const qreal logoSide = 16 * unit;
    if (!logo.isNull()) {
        p.drawImage(QRectF(x, area.top(), logoSide, logoSide), logo);
        x += logoSide + 4 * unit;
    }
    QFont title = p.font();
    title.setBold(true);
    title.setPointSizeF(p.font().pointSizeF() * 1.35);
    p.setFont(title);
    const qreal titleHeight = p.fontMetrics().height();
    p.drawText(QRectF(x, area.top(), area.right() - x, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, name);
    QFont small = p.font();
    small.setBold(false);
    small.setPointSizeF(title.pointSizeF() / 1.6);
    p.setFont(small);
    const qreal lineHeight = p.fontMetrics().height();
    QStringList parts;
    if (!ruc.isEmpty())
        parts << QCoreApplication::translate("cobranza::Letterhead", "RUC %1").arg(ruc);
    if (!address.isEmpty())
        parts << address;
    if (!phone.isEmpty())
        parts << QCoreApplication::translate("cobranza::Letterhead", "Tel. %1").arg(phone);
    p.drawText(QRectF(x, area.top() + titleHeight, area.right() - x, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
               parts.join(QStringLiteral(" · ")));
    const qreal bottom = std::max(area.top() + titleHeight + lineHeight, logo.isNull() ? 0.0 : area.top() + logoSide)
                         + 2 * unit;
    p.setPen(QPen(Qt::black, 0.4 * unit));
    p.drawLine(QPointF(area.left(), bottom), QPointF(area.right(), bottom));
    p.restore();
    return bottom - area.top() + 2 * unit;
}

} // namespace cobranza
