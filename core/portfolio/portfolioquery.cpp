#include "portfolioquery.h"

#include "store/database.h"
#include "textfold.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <QSet>

#include <algorithm>
#include <climits>

namespace cobranza {

bool PortfolioFilter::matches(const PortfolioLine &l, const QString &foldedSearch) const
{
    const SnapshotRow &r = l.row;
    if (!branchCode.isEmpty() && r.branchCode.compare(branchCode, Qt::CaseInsensitive) != 0)
        return false;
    if (!officer.isEmpty() && r.officer.compare(officer, Qt::CaseInsensitive) != 0)
        return false;
    if (!sector.isEmpty() && r.sector.compare(sector, Qt::CaseInsensitive) != 0)
        return false;
    if (rating && r.rating != *rating)
        return false;
    if (previousRating && r.previousRating != previousRating)
        return false;
    if (segment && l.segment != *segment)
        return false;
    if (minDays && r.daysPastDue < *minDays)
        return false;
    if (maxDays && r.daysPastDue > *maxDays)
        return false;
    if (reclassifiedOnly && !r.reclassified())
        return false;
    return foldedSearch.isEmpty() || l.searchKey.contains(foldedSearch);
}

std::optional<PortfolioSortKey> parseSortKey(QStringView name)
{
    using K = PortfolioSortKey;
    static const std::pair<const char *, K> names[] = {
        {"SUCURSAL", K::Branch},       {"OFICIAL_CREDITO", K::Officer},  {"OFICIAL", K::Officer},
        {"SOCIO", K::Member},          {"APELLIDOS_NOMBRES", K::Member}, {"CEDULA", K::Cedula},
        {"CREDITO", K::Credit},        {"NUMERO_CREDITO", K::Credit},    {"SEGMENTO", K::Segment},
        {"SECTOR", K::Sector},         {"SALDO", K::Balance},            {"SALDO_CAPITAL", K::Balance},
        {"VENCIDO", K::Overdue},       {"VALOR_VENCIDO", K::Overdue},    {"CUOTAS_VENCIDAS", K::OverdueInstallments},
        {"DIAS_MORA", K::DaysPastDue}, {"CALIFICACION", K::Rating},      {"CALIFICACION_ANT", K::PreviousRating},
        {"NIVEL_RIESGO", K::RiskLevel}, {"RESPONSABLE", K::Responsible}, {"RECLASIFICADO", K::Reclassified},
        {"DIAS_PROXIMA_CALIFICACION", K::DaysToNextRating}, {"ETAPA", K::LadderStage},
    };
    const QString key = foldForMatch(name);
    for (const auto &[n, k] : names)
        if (foldForMatch(QString::fromLatin1(n)) == key)
            return k;
    return std::nullopt;
}

QList<SnapshotInfo> listSnapshots(const Database &db)
{
    QList<SnapshotInfo> out;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT s.id, s.cut_off, s.credit_count, s.total_balance_cents, s.total_overdue_cents, "
                          "i.file_name, i.started_at FROM snapshots s JOIN imports i ON i.id = s.import_id "
                          "ORDER BY s.cut_off DESC"));
    while (q.next())
        out.append({q.value(0).toLongLong(), QDate::fromString(q.value(1).toString(), Qt::ISODate),
                    q.value(2).toLongLong(), Money::fromCents(q.value(3).toLongLong()),
                    Money::fromCents(q.value(4).toLongLong()), q.value(5).toString(),
                    QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs)});
    return out;
}

std::optional<SnapshotInfo> newestSnapshot(const Database &db)
{
    const QList<SnapshotInfo> all = listSnapshots(db);
    return all.isEmpty() ? std::nullopt : std::optional<SnapshotInfo>(all.first());
}

void deriveColumns(PortfolioLine *l, const PortfolioRules &rules)
{
    l->responsible = rules.roles.responsibleFor(l->row.rating);
    l->daysToNextRating = rules.scales.daysToNextRating(l->segment, l->row.cutOff, l->row.daysPastDue);
    const LadderStage *stage = rules.ladder.stageFor(l->row.daysPastDue);
    l->ladderStage = stage ? static_cast<int>(stage - rules.ladder.stages().constData()) : -1;
}

namespace {

QStringList distinct(const std::vector<PortfolioLine> &lines, QString SnapshotRow::*field)
{
    QSet<QString> seen;
    for (const PortfolioLine &l : lines)
        seen.insert(l.row.*field);
    QStringList out(seen.cbegin(), seen.cend());
    out.sort(Qt::CaseInsensitive);
    return out;
}

} // namespace

QStringList distinctBranches(const std::vector<PortfolioLine> &lines) { return distinct(lines, &SnapshotRow::branchCode); }
QStringList distinctOfficers(const std::vector<PortfolioLine> &lines) { return distinct(lines, &SnapshotRow::officer); }
QStringList distinctSectors(const std::vector<PortfolioLine> &lines) { return distinct(lines, &SnapshotRow::sector); }

std::vector<PortfolioLine> loadPortfolio(const Database &db, QDate cutOff, const PortfolioRules &rules,
                                        const QString &branchCode)
{
    std::vector<PortfolioLine> out;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT sc.credit_number, sc.branch_code, sc.officer, sc.sector, sc.balance_cents, sc.installment_cents, "
        "sc.overdue_cents, sc.overdue_installments, sc.due_date, sc.days_past_due, sc.rating, sc.previous_rating, "
        "m.member_number, m.cedula, m.full_name, c.segment "
        "FROM snapshots s JOIN snapshot_credits sc ON sc.snapshot_id = s.id "
        "JOIN credits c ON c.credit_number = sc.credit_number JOIN members m ON m.member_number = c.member_number "
        "WHERE s.cut_off = ? AND (IFNULL(?, '') = '' OR sc.branch_code = ?) ORDER BY sc.line"));
    q.addBindValue(cutOff.toString(Qt::ISODate));
    q.addBindValue(branchCode.toUpper());
    q.addBindValue(branchCode.toUpper());
    if (!q.exec()) {
        qWarning("loadPortfolio: %s", qPrintable(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        PortfolioLine l;
        SnapshotRow &r = l.row;
        r.cutOff = cutOff;
        r.creditNumber = q.value(0).toString();
        r.branchCode = q.value(1).toString();
        r.officer = q.value(2).toString();
        r.sector = q.value(3).toString();
        r.balance = Money::fromCents(q.value(4).toLongLong());
        r.installment = Money::fromCents(q.value(5).toLongLong());
        r.overdue = Money::fromCents(q.value(6).toLongLong());
        r.overdueInstallments = q.value(7).toInt();
        r.dueDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
        r.daysPastDue = q.value(9).toInt();
        r.rating = parseRating(q.value(10).toString()).value_or(Rating::E);
        r.previousRating = parseRating(q.value(11).toString());
        l.memberNumber = q.value(12).toString();
        l.cedula = q.value(13).toString();
        l.fullName = q.value(14).toString();
        l.segment = parseSegment(q.value(15).toString()).value_or(Segment::Consumo);
        l.searchKey = foldForSearch(l.fullName + u' ' + l.cedula + u' ' + l.memberNumber + u' ' + r.creditNumber);
        deriveColumns(&l, rules);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<int> selectLines(const std::vector<PortfolioLine> &lines, const PortfolioFilter &filter,
                             std::optional<PortfolioSortKey> sortKey, bool descending)
{
    const QString folded = foldForSearch(filter.search.trimmed());
    std::vector<int> idx;
    idx.reserve(lines.size());
    for (int i = 0; i < static_cast<int>(lines.size()); ++i)
        if (filter.matches(lines[static_cast<size_t>(i)], folded))
            idx.push_back(i);
    if (!sortKey)
        return idx;
    using K = PortfolioSortKey;
    const auto less = [&lines, key = *sortKey](int ia, int ib) {
        const PortfolioLine &a = lines[static_cast<size_t>(ia)];
        const PortfolioLine &b = lines[static_cast<size_t>(ib)];
        switch (key) {
        case K::Branch: return a.row.branchCode < b.row.branchCode;
        case K::Officer: return a.row.officer < b.row.officer;
        case K::Member: return a.fullName < b.fullName;
        case K::Cedula: return a.cedula < b.cedula;
        case K::Credit: return a.row.creditNumber < b.row.creditNumber;
        case K::Segment: return a.segment < b.segment;
        case K::Sector: return a.row.sector < b.row.sector;
        case K::Balance: return a.row.balance < b.row.balance;
        case K::Overdue: return a.row.overdue < b.row.overdue;
        case K::OverdueInstallments: return a.row.overdueInstallments < b.row.overdueInstallments;
        case K::DaysPastDue: return a.row.daysPastDue < b.row.daysPastDue;
        case K::Rating: return a.row.rating < b.row.rating;
        case K::PreviousRating: return a.row.previousRating < b.row.previousRating;
        case K::RiskLevel: return a.riskLevel() < b.riskLevel();
        case K::Responsible: return a.responsible < b.responsible;
        case K::Reclassified: return a.row.reclassified() < b.row.reclassified();
        case K::DaysToNextRating:
            // Credits closest to dropping first; the last band (no next rating) at the end.
            return a.daysToNextRating.value_or(INT_MAX) < b.daysToNextRating.value_or(INT_MAX);
        case K::LadderStage: return a.ladderStage < b.ladderStage;
        }
        return false;
    };
    if (descending)
        std::stable_sort(idx.begin(), idx.end(), [&less](int a, int b) { return less(b, a); });
    else
        std::stable_sort(idx.begin(), idx.end(), less);
    return idx;
}

} // namespace cobranza
