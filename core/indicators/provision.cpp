#include "provision.h"

#include "store/database.h"
#include "store/settingsstore.h"

namespace cobranza {

ProvisionTable ProvisionTable::defaults()
{
    ProvisionTable t;
    t.m_basisPoints = {100, 200, 300, 600, 1000, 2000, 4000, 6000, 10000};
    return t;
}

QString ProvisionTable::percentText(Rating r) const
{
    const int bp = basisPoints(r);
    QString text = QString::number(bp / 100);
    if (bp % 100 != 0) {
        QString decimals = QStringLiteral("%1").arg(bp % 100, 2, 10, QLatin1Char('0'));
        if (decimals.endsWith(u'0'))
            decimals.chop(1);
        text += u',' + decimals;
    }
    return text + QStringLiteral(" %");
}

QString ProvisionTable::settingsKey(Rating r)
{
    return QStringLiteral("provision/") + ratingCode(r);
}

ProvisionTable ProvisionTable::load(const Database &db)
{
    ProvisionTable t = defaults();
    const SettingsStore settings(db);
    for (Rating r : kAllRatings)
        if (const auto text = settings.value(settingsKey(r)))
            if (const auto bp = parsePercentBasisPoints(*text))
                t.setBasisPoints(r, *bp);
    return t;
}

bool ProvisionTable::save(const Database &db) const
{
    Transaction tx(db);
    const SettingsStore settings(db);
    for (Rating r : kAllRatings) {
        const int bp = basisPoints(r);
        const QString text = QStringLiteral("%1.%2").arg(bp / 100).arg(bp % 100, 2, 10, QLatin1Char('0'));
        if (!settings.setValue(settingsKey(r), text))
            return false;
    }
    return tx.commit();
}

std::optional<int> parsePercentBasisPoints(QStringView text)
{
    QString t = text.trimmed().toString();
    if (t.endsWith(u'%'))
        t.chop(1);
    t = t.trimmed().replace(u',', u'.');
    const qsizetype dot = t.indexOf(u'.');
    const QString whole = dot < 0 ? t : t.left(dot);
    const QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if (whole.isEmpty() || fraction.size() > 2 || (dot >= 0 && fraction.isEmpty()))
        return std::nullopt;
    for (QChar c : whole + fraction)
        if (!c.isDigit())
            return std::nullopt;
    const int bp = whole.toInt() * 100 + (fraction.isEmpty() ? 0 : fraction.leftJustified(2, u'0').toInt());
    if (whole.size() > 3 || bp > 10000)
        return std::nullopt;
    return bp;
}

Money provisionFor(Money balance, int basisPoints)
{
    // Integer cents all the way, as everywhere near money.
    const qint64 product = balance.cents() * basisPoints;
    const qint64 half = product >= 0 ? 5000 : -5000;
    return Money::fromCents((product + half) / 10000);
}

} // namespace cobranza
