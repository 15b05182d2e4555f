#pragma once

#include "money.h"
#include "rating.h"
#include "role.h"
#include "segment.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

// A branch (agencia) of the cooperative.
struct Branch
{
    qint64 id = 0;
    QString code;
    QString name;
    QString city;
    QString address;
    QString phone;
    std::optional<double> latitude;
    std::optional<double> longitude;
    bool active = true;
    bool operator==(const Branch &) const = default;
};

// A user of the workstation; the pooled collections user is one too.
struct StaffMember
{
    qint64 id = 0;
    QString username;
    QString fullName;
    QString initials;
    Role role = Role::AsesorNegocios;
    qint64 branchId = 0;
    bool pooled = false;
    qint64 poolId = 0; // the pooled user this collections officer books on
    bool active = true;
    bool operator==(const StaffMember &) const = default;
};

// A guarantor (garante) of a credit.
struct Guarantor
{
    int position = 1; // 1–3 as in the report
    QString cedula;
    QString fullName;
    QString address;
    QString phone;
    bool operator==(const Guarantor &) const = default;
};

// A member (socio) with the newest contact data the reports gave.
struct Member
{
    QString memberNumber;
    QString cedula;
    QString fullName;
    QString homeAddress;
    QString businessAddress;
    QString reference;
    QString phone;
    QString mobile;
    QString email;
    std::optional<double> latitude;
    std::optional<double> longitude;
    bool operator==(const Member &) const = default;
};

// The loan itself: what does not change from one report to the next.
struct Credit
{
    QString creditNumber;
    QString memberNumber;
    Segment segment = Segment::Consumo;
    std::optional<Money> originalAmount;
    QDate grantedOn;
    std::optional<int> termMonths;
    QString purpose;
    QString economicActivity;
    bool operator==(const Credit &) const = default;
};

// A credit's figures on one cut-off: one row of the report.
struct SnapshotRow
{
    QDate cutOff;
    QString creditNumber;
    QString branchCode;
    QString officer;
    QString sector;
    Money balance;
    Money installment;
    Money overdue;
    int overdueInstallments = 0;
    QDate dueDate;
    int daysPastDue = 0;
    Rating rating = Rating::A1;
    std::optional<Rating> previousRating; // empty for credits granted this month
    bool operator==(const SnapshotRow &) const = default;

    // "Reclasificado": worse than at the previous month end.
    bool reclassified() const { return previousRating && isWorse(rating, *previousRating); }
};

// Everything one line of the portfolio file says.
struct PortfolioRecord
{
    qint64 line = 0;
    SnapshotRow row;
    Member member;
    Credit credit;
    QList<Guarantor> guarantors;
};

} // namespace cobranza
