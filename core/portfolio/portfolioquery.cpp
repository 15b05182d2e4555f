#include "portfolioquery.h"

#include "import/dateparse.h"
#include "store/database.h"
#include "textfold.h"

#include <sqlite3.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>
#include <string>
#include <unordered_map>

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
    // The C API straight into the value types: at 200,000 rows QSqlQuery's QVariant per cell costs
    // more than the query itself, and the window has to open within a second and a half.
    std::vector<PortfolioLine> out;
    sqlite3_stmt *stmt = nullptr;
    const char *sql =
        "SELECT sc.credit_number, sc.branch_code, sc.officer, sc.sector, sc.balance_cents, sc.installment_cents, "
        "sc.overdue_cents, sc.overdue_installments, sc.due_date, sc.days_past_due, sc.rating, sc.previous_rating, "
        "sc.member_number, sc.cedula, sc.full_name, sc.segment, s.credit_count "
        "FROM snapshots s JOIN snapshot_credits sc ON sc.snapshot_id = s.id "
        "WHERE s.cut_off = ?1 AND (?2 = '' OR sc.branch_code = ?2)"; // credit-number order: no sort step
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt, nullptr) != SQLITE_OK)
        return out;
    const QByteArray cut = cutOff.toString(Qt::ISODate).toUtf8();
    const QByteArray branch = branchCode.toUpper().toUtf8();
    sqlite3_bind_text(stmt, 1, cut.constData(), static_cast<int>(cut.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, branch.constData(), static_cast<int>(branch.size()), SQLITE_TRANSIENT);
    const auto text = [stmt](int i) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)),
                                 sqlite3_column_bytes(stmt, i));
    };
    // Ratings and segments repeat on every row: parse each distinct code once.
    QHash<QString, std::optional<Rating>> ratings;
    QHash<QString, Segment> segments;
    const auto rating = [&ratings](const QString &code) {
        auto it = ratings.find(code);
        if (it == ratings.end())
            it = ratings.insert(code, parseRating(code));
        return *it;
    };
    // Branch, officer and sector repeat on thousands of rows: one shared QString per distinct value.
    std::unordered_map<std::string, QString> interned;
    const auto shared = [stmt, &interned](int i) -> QString {
        const std::string key(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)),
                              static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
        auto it = interned.find(key);
        if (it == interned.end())
            it = interned.emplace(key, QString::fromStdString(key)).first;
        return it->second;
    };
    QString searchBuffer;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        if (out.empty())
            out.reserve(static_cast<size_t>(sqlite3_column_int64(stmt, 16)));
        PortfolioLine l;
        SnapshotRow &r = l.row;
        r.cutOff = cutOff;
        r.creditNumber = text(0);
        r.branchCode = shared(1);
        r.officer = shared(2);
        r.sector = shared(3);
        r.balance = Money::fromCents(sqlite3_column_int64(stmt, 4));
        r.installment = Money::fromCents(sqlite3_column_int64(stmt, 5));
        r.overdue = Money::fromCents(sqlite3_column_int64(stmt, 6));
        r.overdueInstallments = sqlite3_column_int(stmt, 7);
        r.dueDate = parseFileDate(text(8));
        r.daysPastDue = sqlite3_column_int(stmt, 9);
        r.rating = rating(text(10)).value_or(Rating::E);
        if (sqlite3_column_type(stmt, 11) != SQLITE_NULL)
            r.previousRating = rating(text(11));
        l.memberNumber = text(12);
        l.cedula = text(13);
        l.fullName = text(14);
        const QString segment = shared(15);
        auto seg = segments.find(segment);
        if (seg == segments.end())
            seg = segments.insert(segment, parseSegment(segment).value_or(Segment::Consumo));
        l.segment = *seg;
        searchBuffer.clear();
        searchBuffer.append(l.fullName).append(u' ').append(l.cedula).append(u' ').append(l.memberNumber)
            .append(u' ').append(r.creditNumber);
        l.searchKey = foldForSearch(searchBuffer);
        deriveColumns(&l, rules);
        out.push_back(std::move(l));
    }
    sqlite3_finalize(stmt);
    // Names share long prefixes (a few hundred surnames), so sorting 200,000 of them by text is
    // the slowest sort of the view; ranking them once here makes every later sort an int sort.
    std::vector<int> byName(out.size());
    for (size_t i = 0; i < out.size(); ++i)
        byName[i] = static_cast<int>(i);
    std::sort(byName.begin(), byName.end(), [&out](int a, int b) {
        return out[static_cast<size_t>(a)].fullName < out[static_cast<size_t>(b)].fullName;
    });
    for (size_t r = 0, rank = 0; r < byName.size(); ++r) {
        if (r > 0 && out[static_cast<size_t>(byName[r])].fullName != out[static_cast<size_t>(byName[r - 1])].fullName)
            ++rank;
        out[static_cast<size_t>(byName[r])].nameRank = static_cast<int>(rank);
    }
    return out;
}

namespace {

using TextField = const QString &(*)(const PortfolioLine &);

// The text columns, sorted through sortByText: comparing QStrings of 200,000 scattered lines
// straight away takes a quarter of a second.
std::optional<TextField> textKeyOf(PortfolioSortKey key)
{
    switch (key) {
    case PortfolioSortKey::Branch: return [](const PortfolioLine &l) -> const QString & { return l.row.branchCode; };
    case PortfolioSortKey::Officer: return [](const PortfolioLine &l) -> const QString & { return l.row.officer; };
    case PortfolioSortKey::Cedula: return [](const PortfolioLine &l) -> const QString & { return l.cedula; };
    case PortfolioSortKey::Credit: return [](const PortfolioLine &l) -> const QString & { return l.row.creditNumber; };
    case PortfolioSortKey::Sector: return [](const PortfolioLine &l) -> const QString & { return l.row.sector; };
    default: return std::nullopt;
    }
}

// Sorts by a text column in the order of QString's operator< (UTF-16 code units), stable. The first
// eight code units are packed into two integers, so most comparisons never touch the string.
void sortByText(const std::vector<PortfolioLine> &lines, std::vector<int> *idx, TextField field, bool descending)
{
    struct Entry
    {
        quint64 high;
        quint64 low;
        QStringView text;
        int index;
    };
    std::vector<Entry> entries;
    entries.reserve(idx->size());
    for (int i : *idx) {
        const QString &t = field(lines[static_cast<size_t>(i)]);
        quint64 high = 0, low = 0;
        for (qsizetype k = 0; k < 4; ++k)
            high = (high << 16) | (k < t.size() ? t.at(k).unicode() : 0u);
        for (qsizetype k = 4; k < 8; ++k)
            low = (low << 16) | (k < t.size() ? t.at(k).unicode() : 0u);
        entries.push_back({high, low, t, i});
    }
    std::sort(entries.begin(), entries.end(), [descending](const Entry &a, const Entry &b) {
        if (a.high != b.high)
            return descending ? a.high > b.high : a.high < b.high;
        if (a.low != b.low)
            return descending ? a.low > b.low : a.low < b.low;
        const int c = a.text.compare(b.text);
        if (c != 0)
            return descending ? c > 0 : c < 0;
        return a.index < b.index; // equal keys keep file order, as a stable sort would
    });
    for (size_t k = 0; k < entries.size(); ++k)
        (*idx)[k] = entries[k].index;
}

} // namespace

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
    if (const auto text = textKeyOf(*sortKey)) {
        sortByText(lines, &idx, *text, descending);
        return idx;
    }
    const auto less = [&lines, key = *sortKey](int ia, int ib) {
        const PortfolioLine &a = lines[static_cast<size_t>(ia)];
        const PortfolioLine &b = lines[static_cast<size_t>(ib)];
        switch (key) {
        case K::Branch: return a.row.branchCode < b.row.branchCode;
        case K::Officer: return a.row.officer < b.row.officer;
        case K::Member: return a.nameRank < b.nameRank; // ranked at load (loadPortfolio)
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
