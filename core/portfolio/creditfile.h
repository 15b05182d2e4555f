#pragma once

#include "portfolio/portfolioquery.h"
#include "portfolio/portfoliotypes.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cobranza {

class Database;

// A credit's figures on one cut-off, as its history lists them.
struct CreditHistoryPoint
{
    QDate cutOff;
    int daysPastDue = 0;
    Rating rating = Rating::A1;
    std::optional<Rating> previousRating;
    Money balance;
    Money overdue;
    int overdueInstallments = 0;
    QString officer;
    QString sector;
    QString branchCode;
    // Not in the history table, but the credit section shows the newest cut-off's values.
    Money installment;
    QDate dueDate;
    bool operator==(const CreditHistoryPoint &) const = default;
};

// A warning the import of a cut-off left on this credit's row.
struct CreditWarning
{
    QDate cutOff;
    qint64 line = 0;
    QString column;  // canonical column name ("CALIFICACION"), empty for the row
    QString message; // Spanish, as the import wrote it
    bool operator==(const CreditWarning &) const = default;
};

// Everything the workstation knows about one credit: the expediente the detail dialog shows.
struct CreditFile
{
    Member member;
    Credit credit;
    QList<Guarantor> guarantors;         // by position
    QList<CreditHistoryPoint> history;   // oldest first
    QList<CreditWarning> warnings;       // import warnings kept for this credit, newest cut-off first
    QStringList otherCredits;            // the member's other credit numbers, sorted

    // The newest cut-off's figures; nullptr when no snapshot holds the credit any more.
    const CreditHistoryPoint *latest() const { return history.isEmpty() ? nullptr : &history.constLast(); }
};

// Reads the credit, its member, guarantors, history and warnings; nullopt for an unknown credit.
std::optional<CreditFile> loadCreditFile(const Database &db, const QString &creditNumber);

// The newest cut-off as a portfolio line with the derived columns (responsible role, days to the
// next rating, ladder stage), so the detail shows what the portfolio list shows.
std::optional<PortfolioLine> latestLine(const CreditFile &file, const PortfolioRules &rules);

// One Spanish sentence on where the credit is heading across its cut-offs (oldest first):
// "Empeoró de A2 a B1 en 3 cortes", "Se puso al día en el corte del 15/11/2026".
QString trendSummary(const QList<CreditHistoryPoint> &history);

} // namespace cobranza
