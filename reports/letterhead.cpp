#include "letterhead.h"

#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::Letterhead", s); }

// A long cooperative name on a narrow (portrait) page is printed smaller rather than past the
// margin; below 70 % it would no longer read as a letterhead, so it wraps instead.
QFont fitted(const QPainter &p, QFont font, const QString &text, qreal width)
{
    const qreal natural = QFontMetricsF(font, p.device()).horizontalAdvance(text);
    if (natural > width)
        font.setPointSizeF(font.pointSizeF() * std::max(0.7, width / natural * 0.97));
    return font;
}

} // namespace

Letterhead Letterhead::fromSettings(const Database &db)
{
    const SettingsStore s(db);
    Letterhead l;
    l.name = s.value(SettingsStore::CooperativeName, tr("Cooperativa"));
    l.ruc = s.value(SettingsStore::CooperativeRuc, QString());
    l.address = s.value(SettingsStore::CooperativeAddress, QString());
    l.phone = s.value(SettingsStore::CooperativePhone, QString());
    l.city = s.value(SettingsStore::CooperativeCity, QString());
    const QString logo = s.value(SettingsStore::CooperativeLogo, QString());
    if (!logo.isEmpty())
        l.logo = QImage::fromData(QByteArray::fromBase64(logo.toLatin1()), "PNG"); // null when corrupt: no logo
    return l;
}

qreal Letterhead::paint(QPainter &p, const QRectF &area, qreal reserveRight) const
{
    p.save();
    const qreal unit = area.width() / 190.0; // one millimetre of an A4 text width
    qreal x = area.left();
    const qreal logoHeight = 16 * unit;
    if (!logo.isNull()) {
        // Logos are often wide (name beside an emblem): kept in proportion, never wider than 45 mm.
        const qreal logoWidth = std::min(45 * unit, logoHeight * logo.width() / std::max(1, logo.height()));
        const qreal height = std::min(logoHeight, logoWidth * logo.height() / std::max(1, logo.width()));
        p.drawImage(QRectF(x, area.top() + (logoHeight - height) / 2, logoWidth, height), logo);
        x += logoWidth + 4 * unit;
    }
    const qreal width = std::max(unit, area.right() - reserveRight - x);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

    QFont title = p.font();
    title.setBold(true);
    title.setPointSizeF(p.font().pointSizeF() * 1.35);
    QFont small = title;
    small.setBold(false);
    small.setPointSizeF(title.pointSizeF() / 1.6);

    p.setFont(fitted(p, title, name, width));
    QRectF nameBox = p.boundingRect(QRectF(x, area.top(), width, 0), flags, name);
    if (nameBox.height() > p.fontMetrics().height() * 1.5) {
        // Wrapped: lines of even length read as a name, a last line of one word ("Ltda.") as a leftover.
        const int lines = qRound(nameBox.height() / p.fontMetrics().height());
        const qreal natural = QFontMetricsF(p.font(), p.device()).horizontalAdvance(name);
        const QRectF balanced = p.boundingRect(QRectF(x, area.top(), natural / lines * 1.1, 0), flags, name);
        if (balanced.height() <= nameBox.height() && balanced.width() <= width)
            nameBox = balanced;
    }
    p.drawText(nameBox, flags, name);

    QStringList parts;
    if (!ruc.isEmpty())
        parts << tr("RUC\u00A0%1").arg(ruc);
    if (!address.isEmpty())
        parts << address;
    if (!phone.isEmpty()) // no-break spaces: a number split over two lines gets dialled wrong
        parts << tr("Tel.\u00A0%1").arg(QString(phone).replace(u' ', QChar::Nbsp));
    const QString details = parts.join(QStringLiteral(" · "));
    p.setFont(fitted(p, small, details, width));
    const QRectF detailsBox = p.boundingRect(QRectF(x, nameBox.bottom(), width, 0), flags, details);
    if (!details.isEmpty())
        p.drawText(detailsBox, flags, details);

    const qreal bottom = std::max(std::max(nameBox.bottom(), detailsBox.bottom()),
                                  logo.isNull() ? 0.0 : area.top() + logoHeight)
                         + 2 * unit;
    p.setPen(QPen(Qt::black, 0.4 * unit));
    p.drawLine(QPointF(area.left(), bottom), QPointF(area.right(), bottom));
    p.restore();
    return bottom - area.top() + 2 * unit;
}

} // namespace cobranza
