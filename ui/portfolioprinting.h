#pragma once

#include <QString>

class QPagedPaintDevice;
class QWidget;

namespace cobranza {

class Database;
class PortfolioView;

// Prints the visible rows of the portfolio view (A4 landscape), to a printer through the preview
// dialog or to a PDF file; both paint with the same renderer.
class PortfolioPrinting final
{
public:
    PortfolioPrinting(const Database &db, const PortfolioView &view) : m_db(db), m_view(view) {}
    void preview(QWidget *parent) const;
    bool writePdf(const QString &path, QString *error) const;

private:
    int render(QPagedPaintDevice *device) const;

    const Database &m_db;
    const PortfolioView &m_view;
};

} // namespace cobranza
