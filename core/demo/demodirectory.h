#pragma once

#include "role.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cobranza {

// A branch (agencia) of the demo cooperative; sectors are the neighbourhoods its routes cover.
struct DemoBranch
{
    QString code;
    QString name;
    QString city;
    QString address;
    QString phone;
    double latitude = 0;
    double longitude = 0;
    QStringList sectors;
};

// A staff member of the demo cooperative, as the users table and the route sheets need them.
struct DemoStaff
{
    QString username;
    QString fullName; // "SUBIA PASPUEZAN EDGAR PATRICIO": surnames first, as the core-banking prints
    QString initials; // "EPS": names then surname, as staff sign their justifications
    Role role = Role::AsesorNegocios;
    QString branchCode; // empty for head office roles
    bool pooled = false;
};

// A fictional cooperative in the north of Ecuador used by the demo database and the generator.
struct DemoDirectory
{
    QString cooperativeName;  // "Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda."
    QString cooperativeShort; // "SUMAK KAWSAY"
    QString ruc;              // a company RUC (third digit 9) that passes the mod-11 check
    QList<DemoBranch> branches;
    QList<DemoStaff> staff;

    static const DemoDirectory &instance(); // built once, immutable

    // Usernames of a branch's business advisors, in the order the generator assigns zones to them.
    QStringList advisorsOf(const QString &branchCode) const;
};

} // namespace cobranza
