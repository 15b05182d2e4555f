#pragma once

#include "portfolio/creditfile.h"

#include <QColor>
#include <QCoreApplication>
#include <functional>

class QLabel;
class QTableWidget;
class QWidget;

namespace cobranza {

// Builds the read-only pages of the credit detail from a loaded credit file, one function a page,
// so the dialog only decides their order.
class CreditDetailPages final
{
    Q_DECLARE_TR_FUNCTIONS(cobranza::CreditDetailPages)

public:
    // «Socio»: addresses, phones, coordinates and links to the member's other credits.
    static QWidget *member(const CreditFile &file, const std::function<void(const QString &)> &openCredit);
    static QWidget *guarantors(const CreditFile &file); // «Garantes»
    static QWidget *credit(const CreditFile &file);     // «Crédito»: the loan and its newest figures
    static QWidget *history(const CreditFile &file);    // «Historial»: strip and table
    static QWidget *warnings(const CreditFile &file);   // «Advertencias de importación»

    // Helpers the dialog's header shares, so both read alike.
    static QLabel *valueLabel(const QString &text);     // selectable, "—" when empty
    static QLabel *captionLabel(const QString &text);
    static QString dateText(QDate date);                // dd/MM/yyyy, "—" when invalid
};

// The colour of a risk level (Normal green … Pérdida dark red), strong for bars and badges.
QColor riskColor(RiskLevel level);

} // namespace cobranza
