#pragma once

#include "money.h"
#include "noticetype.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace cobranza {

// To whom a notice page goes: the member (titular) or one of the guarantors.
enum class AddresseeKind { Titular, Garante };

// One printed page of a collections notice, every word already decided: the template's text with
// its placeholders filled, the numbers and the people. The renderer only lays it out.
struct NoticeDocument
{
    NoticeType type = NoticeType::F1TG;
    QString code;        // "F1TG"
    int year = 0;
    int number = 0;      // consecutive per type and year
    bool copy = false;   // a reprint: marked COPIA, same number
    QString title;       // "PRIMERA NOTIFICACIÓN"
    QString city;        // "Ibarra"
    QDate date;          // of the notice, written out in Spanish by the renderer
    QStringList paragraphs; // the body, placeholders filled

    AddresseeKind addresseeKind = AddresseeKind::Titular;
    QString addresseeName;
    QString addresseeCedula;
    QString addresseeAddress;
    QString memberName;   // whose debt it is, named on the guarantor's page too
    QString memberCedula;

    QString creditNumber;
    int overdueInstallments = 0;
    int daysPastDue = 0;
    Money overdue;
    Money totalToPay;
    QDate payBy;

    QString branchName;
    QString branchAddress;
    QString branchPhone;
    QString signerName;   // the responsible officer who signs
    QString signerRole;

    bool operator==(const NoticeDocument &) const = default;

    // "F1TG-2026-000123": how the number is printed and quoted.
    QString reference() const { return QStringLiteral("%1-%2-%3").arg(code).arg(year).arg(number, 6, 10, QLatin1Char('0')); }
};

} // namespace cobranza
