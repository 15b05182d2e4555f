#pragma once

#include "portfolio/portfolioquery.h"

#include <QByteArray>
#include <QSettings>

namespace cobranza {

// This workstation's own preferences (window geometry, columns, last filters), with typed keys so
// a misspelt key is a compile error. Shared rules live in the database, not here.
class UiSettings final
{
public:
    UiSettings() = default;

    QByteArray mainWindowGeometry() const { return bytes(kGeometry); }
    void setMainWindowGeometry(const QByteArray &v) { m_settings.setValue(kGeometry, v); }
    QByteArray mainWindowState() const { return bytes(kState); }
    void setMainWindowState(const QByteArray &v) { m_settings.setValue(kState, v); }
    QByteArray portfolioHeaderState() const { return bytes(kPortfolioHeader); }
    void setPortfolioHeaderState(const QByteArray &v) { m_settings.setValue(kPortfolioHeader, v); }
    QString lastArea() const { return m_settings.value(kArea).toString(); }
    void setLastArea(const QString &v) { m_settings.setValue(kArea, v); }

    PortfolioFilter portfolioFilter() const;
    void setPortfolioFilter(const PortfolioFilter &f);

private:
    QByteArray bytes(const QString &key) const { return m_settings.value(key).toByteArray(); }

    static inline const QString kGeometry = QStringLiteral("window/geometry");
    static inline const QString kState = QStringLiteral("window/state");
    static inline const QString kArea = QStringLiteral("window/area");
    static inline const QString kPortfolioHeader = QStringLiteral("portfolio/header");
    QSettings m_settings;
};

} // namespace cobranza
