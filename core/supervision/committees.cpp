#include "committees.h"

#include "datetext.h"
#include "audit/auditlog.h"
#include "notices/noticeservice.h"
#include "store/database.h"
#include "store/query.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::Committees", s); }
QString iso(QDate d) { return d.toString(Qt::ISODate); }

} // namespace

const CommitteeRule &committeeRule(Committee c)
{
    static const CommitteeRule rules[] = {
        {Committee::Subcomite, QStringLiteral("SUBCOMITE"), tr("Subcomité de Mora"), 21, 35},
        {Committee::Comite, QStringLiteral("COMITE"), tr("Comité de Mora"), 51, 65},
    };
    return rules[c == Committee::Subcomite ? 0 : 1];
}

std::optional<Committee> parseCommittee(QStringView codeOrName)
{
    for (Committee c : {Committee::Subcomite, Committee::Comite})
        if (codeOrName.compare(committeeRule(c).code, Qt::CaseInsensitive) == 0
            || codeOrName.compare(committeeRule(c).name, Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

QString CommitteeMinutes::reference() const
{
    if (!issuedReference.isEmpty())
        return issuedReference;
    return QStringLiteral("%1-%2-%3-%4")
        .arg(committeeRule(committee).code, branchCode)
        .arg(year)
        .arg(number, 3, 10, QLatin1Char('0'));
}

std::vector<CommitteeCase> committeeAgenda(const Database &db, Committee committee, QDate cutOff,
                                           const PortfolioRules &rules, const QString &branchCode)
{
    const CommitteeRule &rule = committeeRule(committee);
    std::vector<CommitteeCase> out;
    QHash<QString, size_t> index;
    for (PortfolioLine &line : loadPortfolio(db, cutOff, rules, branchCode)) {
        if (line.row.daysPastDue < rule.minDays || line.row.daysPastDue > rule.maxDays)
            continue;
        CommitteeCase c;
        c.episodeStart = episodeStartOf(cutOff, line.row.daysPastDue);
        c.line = std::move(line);
        index.insert(c.line.row.creditNumber, out.size());
        out.push_back(std::move(c));
    }
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT d.credit_number, d.decision, m.number, m.held_on FROM committee_decisions d "
                                     "JOIN committee_minutes m ON m.id = d.minutes_id WHERE m.committee = ? "
                                     "ORDER BY m.held_on, m.id"),
                      {rule.code});
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toString());
        if (it == index.constEnd())
            continue;
        CommitteeCase &c = out[*it];
        if (QDate::fromString(q.value(3).toString(), Qt::ISODate) >= c.episodeStart) {
            c.lastDecision = q.value(1).toString();
            c.lastMinutesNumber = q.value(2).toInt();
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const CommitteeCase &a, const CommitteeCase &b) {
        if (a.lastDecision.isEmpty() != b.lastDecision.isEmpty())
            return a.lastDecision.isEmpty();
        return a.line.row.daysPastDue > b.line.row.daysPastDue;
    });
    return out;
}

std::optional<CommitteeMinutes> CommitteeService::record(Committee committee, const QString &branchCode, QDate heldOn,
                                                         QDate cutOff, const QString &attendees, const QString &notes,
                                                         const QList<CommitteeDecision> &decisions, QString *error) const
{
    const auto fail = [error](const QString &why) -> std::optional<CommitteeMinutes> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (const auto no = refusal(m_permissions, m_session, Permission::ReadSupervision))
        return fail(*no);
    if (const QString scope = branchScope(m_session); !scope.isEmpty() && scope.compare(branchCode, Qt::CaseInsensitive) != 0)
        return fail(tr("solo registra actas de la agencia %1.").arg(scope));
    if (!heldOn.isValid() || heldOn > m_clock.today())
        return fail(tr("la fecha de la sesión no puede ser futura."));
    if (attendees.trimmed().isEmpty())
        return fail(tr("indique quiénes asistieron a la sesión."));
    if (decisions.isEmpty())
        return fail(tr("el acta no tiene decisiones: escriba la decisión de al menos un crédito."));
    const CommitteeRule &rule = committeeRule(committee);
    Transaction tx(m_db);
    QSqlQuery snap = runQuery(m_db, QStringLiteral("SELECT id FROM snapshots WHERE cut_off = ?"), {iso(cutOff)});
    const qint64 snapshotId = snap.next() ? snap.value(0).toLongLong() : 0;
    if (snapshotId == 0)
        return fail(tr("no hay cartera con corte al %1").arg(dayText(cutOff)));
    CommitteeMinutes m;
    m.committee = committee;
    m.year = heldOn.year();
    m.branchCode = branchCode.toUpper();
    m.heldOn = heldOn;
    m.attendees = attendees.simplified();
    m.notes = notes.trimmed();
    m.recordedBy = m_session.fullName;
    // Each branch's committee numbers its own minutes, consecutively per year.
    QSqlQuery last = runQuery(m_db,
                              QStringLiteral("SELECT IFNULL(MAX(number), 0) FROM committee_minutes WHERE committee = ? "
                                             "AND branch_code = ? AND year = ?"),
                              {rule.code, m.branchCode, m.year});
    m.number = (last.next() ? last.value(0).toInt() : 0) + 1;
    m.issuedReference = m.reference();
    QSqlQuery ins = runQuery(m_db,
                        QStringLiteral("INSERT INTO committee_minutes(committee, year, number, branch_code, held_on, attendees, "
                                       "notes, recorded_by, recorded_at, reference) "
                                       "VALUES(?, ?, ?, ?, ?, ?, IFNULL(?, ''), ?, ?, ?)"),
                        {rule.code, m.year, m.number, m.branchCode, iso(heldOn), m.attendees, m.notes, m_session.staffId,
                         m_clock.now().toUTC().toString(Qt::ISODate), m.issuedReference});
    m.id = ins.isActive() ? ins.lastInsertId().toLongLong() : 0;
    if (m.id == 0)
        return fail(tr("no se pudo guardar el acta"));
    for (const CommitteeDecision &d : decisions) {
        const QString decision = d.decision.simplified().toUpper();
        if (decision.isEmpty())
            return fail(tr("falta la decisión del crédito %1.").arg(d.creditNumber));
        QSqlQuery c = runQuery(m_db,
                          QStringLiteral("SELECT full_name, days_past_due, overdue_cents, branch_code FROM snapshot_credits "
                                         "WHERE snapshot_id = ? AND credit_number = ?"),
                          {snapshotId, d.creditNumber});
        if (!c.next())
            return fail(tr("el crédito %1 no está en el corte del %2.").arg(d.creditNumber, dayText(cutOff)));
        if (c.value(3).toString().compare(m.branchCode, Qt::CaseInsensitive) != 0)
            return fail(tr("el crédito %1 es de la agencia %2.").arg(d.creditNumber, c.value(3).toString()));
        const CommitteeMinutes::Line line{d.creditNumber, c.value(0).toString(), c.value(1).toInt(),
                                          Money::fromCents(c.value(2).toLongLong()), decision};
        if (!runQuery(m_db,
                 QStringLiteral("INSERT INTO committee_decisions(minutes_id, credit_number, days_past_due, overdue_cents, "
                                "decision) VALUES(?, ?, ?, ?, ?)"),
                 {m.id, line.creditNumber, line.daysPastDue, line.overdue.cents(), line.decision})
                 .isActive())
            return fail(tr("el crédito %1 aparece dos veces en el acta.").arg(d.creditNumber));
        m.lines.append(line);
    }
    if (!AuditLog(m_db, m_clock)
             .record(m_session, QStringLiteral("MINUTES_RECORDED"), QStringLiteral("committee_minutes"), m.reference(), {},
                     tr("%1 decisiones, sesión del %2").arg(m.lines.size()).arg(dayText(heldOn)))
        || !tx.commit())
        return fail(tr("no se pudo guardar el acta"));
    return m;
}

std::optional<CommitteeMinutes> loadMinutes(const Database &db, qint64 id)
{
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT m.committee, m.year, m.number, m.branch_code, m.held_on, m.attendees, m.notes, "
                                     "IFNULL(s.full_name, ''), m.reference FROM committee_minutes m LEFT JOIN staff s ON s.id = m.recorded_by "
                                     "WHERE m.id = ?"),
                      {id});
    if (!q.next())
        return std::nullopt;
    CommitteeMinutes m;
    m.id = id;
    m.committee = parseCommittee(q.value(0).toString()).value_or(Committee::Subcomite);
    m.year = q.value(1).toInt();
    m.number = q.value(2).toInt();
    m.branchCode = q.value(3).toString();
    m.heldOn = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    m.attendees = q.value(5).toString();
    m.notes = q.value(6).toString();
    m.recordedBy = q.value(7).toString();
    m.issuedReference = q.value(8).toString();
    QSqlQuery d = runQuery(db,
                      QStringLiteral("SELECT d.credit_number, IFNULL(mb.full_name, ''), d.days_past_due, d.overdue_cents, "
                                     "d.decision FROM committee_decisions d LEFT JOIN credits c ON c.credit_number = "
                                     "d.credit_number LEFT JOIN members mb ON mb.member_number = c.member_number "
                                     "WHERE d.minutes_id = ? ORDER BY d.days_past_due DESC, d.credit_number"),
                      {id});
    while (d.next())
        m.lines.append({d.value(0).toString(), d.value(1).toString(), d.value(2).toInt(),
                        Money::fromCents(d.value(3).toLongLong()), d.value(4).toString()});
    return m;
}

QList<CommitteeMinutes> listMinutes(const Database &db, const QString &branchCode, int year)
{
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT id FROM committee_minutes WHERE year = ? AND (IFNULL(?, '') = '' OR branch_code = ?) "
                                     "ORDER BY held_on DESC, id DESC"),
                      {year, branchCode, branchCode});
    QList<CommitteeMinutes> out;
    while (q.next())
        if (auto m = loadMinutes(db, q.value(0).toLongLong()))
            out.append(*m);
    return out;
}

} // namespace cobranza
