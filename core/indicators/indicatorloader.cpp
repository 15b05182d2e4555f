#include "indicatorloader.h"

#include "store/database.h"
#include "store/query.h"
#include "store/directorystore.h"
#include "supervision/errorrules.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include <sqlite3.h>

namespace cobranza {

namespace {

QString iso(QDate d) { return d.toString(Qt::ISODate); }
QDate firstOfMonth(QDate d) { return QDate(d.year(), d.month(), 1); }
QDate lastOfMonth(QDate d) { return firstOfMonth(d).addMonths(1).addDays(-1); }

// The stored code as the importer writes it ("A1", "E"), without a QString per row; anything else
// through the tolerant parser.
std::optional<Rating> ratingOf(QByteArrayView text)
{
    if (text.size() == 1 && (text[0] == 'D' || text[0] == 'E'))
        return text[0] == 'D' ? Rating::D : Rating::E;
    if (text.size() == 2 && text[0] >= 'A' && text[0] <= 'C') {
        const int base = (text[0] - 'A') * 3 - (text[0] == 'C' ? 1 : 0); // A1 0, B1 3, C1 5
        const int n = text[1] - '1';
        const int max = text[0] == 'A' ? 2 : 1;
        if (n >= 0 && n <= max)
            return static_cast<Rating>(base + n);
    }
    return parseRating(QString::fromLatin1(text));
}

} // namespace

QList<PortfolioCell> loadPortfolioCells(const Database &db, QDate cutOff, int legalDays)
{
    // The sums are made here rather than by GROUP BY: SQLite would sort the 200,000 rows in a
    // temporary B-tree, five times slower than reading them once in primary-key order.
    sqlite3_stmt *raw = nullptr;
    const char *sql = "SELECT branch_code, rating, balance_cents, overdue_cents, days_past_due FROM snapshot_credits "
                      "WHERE snapshot_id = (SELECT id FROM snapshots WHERE cut_off = ?)";
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return {};
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> stmt(raw, sqlite3_finalize);
    const QByteArray day = iso(cutOff).toUtf8();
    sqlite3_bind_text(raw, 1, day.constData(), static_cast<int>(day.size()), SQLITE_TRANSIENT);

    struct BranchSums
    {
        QByteArray code;
        std::array<PortfolioCell, 9> cells{};
    };
    std::vector<BranchSums> branches; // a handful: found by a short scan, the last one first
    size_t last = 0;
    while (sqlite3_step(raw) == SQLITE_ROW) {
        const QByteArrayView code(reinterpret_cast<const char *>(sqlite3_column_text(raw, 0)), sqlite3_column_bytes(raw, 0));
        if (last >= branches.size() || branches[last].code != code) {
            last = 0;
            while (last < branches.size() && branches[last].code != code)
                ++last;
            if (last == branches.size())
                branches.push_back({code.toByteArray(), {}});
        }
        const QByteArrayView ratingText(reinterpret_cast<const char *>(sqlite3_column_text(raw, 1)),
                                        sqlite3_column_bytes(raw, 1));
        const auto rating = ratingOf(ratingText);
        if (!rating)
            continue; // the import refuses unknown ratings; nothing to add up if one slipped in
        PortfolioCell &c = branches[last].cells.at(static_cast<size_t>(*rating));
        const Money balance = Money::fromCents(sqlite3_column_int64(raw, 2));
        const qint64 days = sqlite3_column_int64(raw, 4);
        ++c.credits;
        c.balance += balance;
        c.overdueAmount += Money::fromCents(sqlite3_column_int64(raw, 3));
        if (days > 0) {
            ++c.overdueCredits;
            c.overdueBalance += balance;
        }
        if (days > legalDays) {
            ++c.legalCredits;
            c.legalBalance += balance;
        }
    }
    QList<PortfolioCell> cells;
    std::sort(branches.begin(), branches.end(),
              [](const BranchSums &a, const BranchSums &b) { return a.code < b.code; });
    for (const BranchSums &b : branches)
        for (Rating r : kAllRatings) {
            PortfolioCell c = b.cells.at(static_cast<size_t>(r));
            if (c.credits == 0)
                continue;
            c.branchCode = QString::fromUtf8(b.code);
            c.rating = r;
            cells.append(c);
        }
    return cells;
}

QList<QDate> loadMonthEndCutOffs(const Database &db)
{
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT cut_off FROM snapshots"), {});
    QList<QDate> all;
    while (q.next())
        all.append(QDate::fromString(q.value(0).toString(), Qt::ISODate));
    return monthEndCutOffs(all);
}

QList<QDate> loadIndicatorMonths(const Database &db)
{
    std::set<QDate> months;
    for (const QDate &d : loadMonthEndCutOffs(db))
        months.insert(firstOfMonth(d));
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT DISTINCT substr(visit_date, 1, 7) FROM bookings"), {});
    while (q.next()) {
        const QDate d = QDate::fromString(q.value(0).toString() + QStringLiteral("-01"), Qt::ISODate);
        if (d.isValid())
            months.insert(d);
    }
    return QList<QDate>(months.begin(), months.end());
}

ActivityFacts loadActivityFacts(const Database &db, QDate month, const QString &branchCode, const QDateTime &now)
{
    ActivityFacts facts;
    const QVariantList range = {iso(firstOfMonth(month)), iso(lastOfMonth(month))};
    const QString scope = branchCode.isEmpty() ? QStringLiteral("") : branchCode; // a null QString binds as NULL
    // The people who make visits, and anyone else who has visits in the month.
    QSqlQuery people = runQuery(
        db,
        QStringLiteral("SELECT s.id, s.full_name, IFNULL(b.code, '') FROM staff s LEFT JOIN branches b ON b.id = s.branch_id "
                       "WHERE (? = '' OR b.code = ?) AND ((s.active = 1 AND s.pooled = 0 AND s.role IN "
                       "('ASESOR_NEGOCIOS', 'COORDINADOR_AGENCIA', 'OFICIAL_COBRANZAS')) OR s.id IN (SELECT "
                       "IFNULL(worker_id, staff_id) FROM bookings WHERE visit_date BETWEEN ? AND ?)) ORDER BY s.full_name"),
        {scope, scope, range[0], range[1]});
    std::set<qint64> inScope;
    while (people.next()) {
        facts.people.append({people.value(0).toLongLong(), people.value(1).toString(), people.value(2).toString()});
        inScope.insert(facts.people.last().staffId);
    }
    QSqlQuery visits = runQuery(db,
                           QStringLiteral("SELECT IFNULL(bk.worker_id, bk.staff_id), bk.source = 'PROPIA', "
                                          "bk.cancelled_at IS NOT NULL, r.state, IFNULL(r.collected_cents, 0), "
                                          "IFNULL(r.late, 0), p.id IS NOT NULL, p.outcome FROM bookings bk "
                                          "LEFT JOIN visit_results r ON r.booking_id = bk.id "
                                          "LEFT JOIN promises p ON p.booking_id = bk.id "
                                          "WHERE bk.visit_date BETWEEN ? AND ?"),
                           range);
    while (visits.next()) {
        VisitFact v;
        v.workerId = visits.value(0).toLongLong();
        if (!inScope.count(v.workerId))
            continue;
        v.ownInitiative = visits.value(1).toBool();
        v.cancelled = visits.value(2).toBool();
        if (!visits.value(3).isNull())
            v.state = parseVisitState(visits.value(3).toString());
        v.collected = Money::fromCents(visits.value(4).toLongLong());
        v.late = visits.value(5).toBool();
        v.promised = visits.value(6).toBool();
        if (!visits.value(7).isNull())
            v.promiseOutcome = parsePromiseOutcome(visits.value(7).toString());
        facts.visits.append(v);
    }
    // The same errors the F.1-A report counts: the rules' and those recorded by hand.
    const SupervisionRules rules = SupervisionRules::fromSettings(db, month.year());
    for (const StaffError &e : detectErrors(db, firstOfMonth(month), lastOfMonth(month), branchCode, rules, now))
        if (inScope.count(e.staffId))
            facts.errors.append(e.staffId);
    return facts;
}

std::optional<QString> IndicatorService::refusal() const
{
    return cobranza::refusal(m_permissions, m_session, Permission::ReadSupervision);
}

bool IndicatorService::choosesBranch() const
{
    return branchScope(m_session).isEmpty();
}

QString IndicatorService::scopeFor(const QString &requested) const
{
    return choosesBranch() ? requested : branchScope(m_session);
}

QList<PortfolioCell> IndicatorService::cellsOf(QDate cutOff, int legalDays) const
{
    // A replaced cut-off comes with another import: its sums are read again.
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT import_id FROM snapshots WHERE cut_off = ?"), {iso(cutOff)});
    const qint64 importId = q.next() ? q.value(0).toLongLong() : 0;
    const auto it = m_cells.find(cutOff);
    if (it != m_cells.end() && it->second.importId == importId && it->second.legalDays == legalDays)
        return it->second.cells;
    QList<PortfolioCell> cells = loadPortfolioCells(m_db, cutOff, legalDays);
    m_cells[cutOff] = {importId, legalDays, cells};
    return cells;
}

IndicatorInputs IndicatorService::load(QDate fromMonth, QDate toMonth, const QString &branchCode, QString *error) const
{
    IndicatorInputs in;
    in.branchCode = scopeFor(branchCode);
    in.activityMonth = firstOfMonth(toMonth);
    if (const auto why = refusal()) {
        if (error)
            *error = *why;
        return in;
    }
    in.provisions = ProvisionTable::load(m_db);
    in.legalDays = legalCollectionDays(m_db);
    for (const Branch &b : DirectoryStore(m_db).branches())
        in.branchNames[b.code] = b.name;
    const QDate from = firstOfMonth(fromMonth);
    const QDate to = lastOfMonth(toMonth);
    for (const QDate &cutOff : loadMonthEndCutOffs(m_db)) {
        if (cutOff < from) {
            in.previousMonth = MonthPortfolio{cutOff, {}}; // the newest before the range, loaded below
            continue;
        }
        if (cutOff <= to)
            in.months.append({cutOff, cellsOf(cutOff, in.legalDays)});
    }
    // Only the month right before the range is a "previous month"; an older one would be a gap.
    if (in.previousMonth && in.previousMonth->cutOff >= from.addMonths(-1))
        in.previousMonth->cells = cellsOf(in.previousMonth->cutOff, in.legalDays);
    else
        in.previousMonth.reset();
    const ActivityFacts facts = loadActivityFacts(m_db, in.activityMonth, in.branchCode, m_clock.now());
    in.people = summarizeActivity(facts.people, facts.visits, facts.errors);
    if (error)
        error->clear();
    return in;
}

} // namespace cobranza
