#pragma once

#include "ladder.h"
#include "portfolio/portfoliotypes.h"
#include "ratingroles.h"
#include "ratingscale.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace cobranza {

class Database;

// A cut-off held in the database, as the lists of snapshots show it.
struct SnapshotInfo
{
    qint64 id = 0;
    QDate cutOff;
    qint64 creditCount = 0;
    Money totalBalance;
    Money totalOverdue;
    QString fileName;
    QDateTime importedAt; // UTC
};

// One credit of a snapshot with its member: a row of the portfolio view and of the tray.
struct PortfolioLine
{
    SnapshotRow row;
    QString memberNumber;
    QString cedula;
    QString fullName;
    Segment segment = Segment::Consumo;
    QString searchKey; // folded "name cédula member credit", for the search box
    // Derived by the cooperative's rules when the snapshot is loaded:
    Role responsible = Role::AsesorNegocios;  // who works the credit, by its rating
    std::optional<int> daysToNextRating;      // before it drops to the next rating
    int ladderStage = -1;                     // index into the ladder's stages, -1 if none
    int nameRank = 0; // position of fullName among the snapshot's names: sorting by name compares ints
    RiskLevel riskLevel() const { return riskLevelOf(row.rating); }
};

// The rules that derive the portfolio's computed columns.
struct PortfolioRules
{
    RatingRoles roles = RatingRoles::defaults();
    RatingScales scales = RatingScales::defaults();
    CollectionsLadder ladder = CollectionsLadder::defaults();
};

// What the portfolio view, the tray and `cobranza-cli credits` filter by.
struct PortfolioFilter
{
    QString branchCode;
    QString officer;
    QString sector;
    std::optional<Rating> rating;
    std::optional<Rating> previousRating;
    std::optional<Segment> segment;
    std::optional<int> minDays;
    std::optional<int> maxDays;
    bool reclassifiedOnly = false;
    QString search; // name, cédula, member or credit number; accent- and case-insensitive
    bool matches(const PortfolioLine &line, const QString &foldedSearch) const;
};

// Columns a portfolio list can be sorted by.
enum class PortfolioSortKey {
    Branch, Officer, Member, Cedula, Credit, Segment, Sector, Balance, Overdue, OverdueInstallments, DaysPastDue,
    Rating, PreviousRating, RiskLevel, Responsible, Reclassified, DaysToNextRating, LadderStage,
};
std::optional<PortfolioSortKey> parseSortKey(QStringView name); // "dias_mora", "CALIFICACION_ANT", …

// The snapshots held, newest first.
QList<SnapshotInfo> listSnapshots(const Database &db);
std::optional<SnapshotInfo> newestSnapshot(const Database &db);
// Every credit of a cut-off (optionally of one branch), in file order.
std::vector<PortfolioLine> loadPortfolio(const Database &db, QDate cutOff, const PortfolioRules &rules = {},
                                        const QString &branchCode = {});
// Fills the derived fields of a line from the rules.
void deriveColumns(PortfolioLine *line, const PortfolioRules &rules);
// The distinct values of a column among the lines (branches, officers, sectors), sorted.
QStringList distinctBranches(const std::vector<PortfolioLine> &lines);
QStringList distinctOfficers(const std::vector<PortfolioLine> &lines);
QStringList distinctSectors(const std::vector<PortfolioLine> &lines);
// Indexes of the lines that pass the filter, sorted; the lines themselves are not copied.
std::vector<int> selectLines(const std::vector<PortfolioLine> &lines, const PortfolioFilter &filter,
                             std::optional<PortfolioSortKey> sortKey = {}, bool descending = false);

} // namespace cobranza
