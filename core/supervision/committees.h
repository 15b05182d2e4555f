#pragma once

#include "clock.h"
#include "money.h"
#include "permissions.h"
#include "portfolio/portfolioquery.h"
#include "session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace cobranza {

class Database;

// The two committees that take credits by days past due (domain.md, "The collections ladder").
enum class Committee { Subcomite, Comite };

// Which credits a committee takes, as data: the Subcomité de Mora from day 21 to 35, the Comité
// de Mora from day 51 to 65.
struct CommitteeRule
{
    Committee committee;
    QString code;  // SUBCOMITE, COMITE: stored
    QString name;  // "Subcomité de Mora"
    int minDays = 0;
    int maxDays = 0;
};
const CommitteeRule &committeeRule(Committee c);
std::optional<Committee> parseCommittee(QStringView codeOrName);

// A credit on a committee's agenda: its figures and whether it was already decided this episode.
struct CommitteeCase
{
    PortfolioLine line;
    QDate episodeStart;
    QString lastDecision; // of this committee in this episode, if any
    int lastMinutesNumber = 0;
};

// The credits of a cut-off in the committee's range, of one branch; those already decided in this
// episode of arrears come last with their decision.
std::vector<CommitteeCase> committeeAgenda(const Database &db, Committee committee, QDate cutOff,
                                           const PortfolioRules &rules, const QString &branchCode);

// One decision of the minutes.
struct CommitteeDecision
{
    QString creditNumber;
    QString decision; // "REESTRUCTURACIÓN", "PLAZO HASTA EL 30/11 PARA PAGAR", …
};

// The minutes (acta) as stored and printed.
struct CommitteeMinutes
{
    qint64 id = 0;
    Committee committee = Committee::Subcomite;
    int year = 0;
    int number = 0;
    QString branchCode;
    QDate heldOn;
    QString attendees;
    QString notes;
    QString recordedBy;
    struct Line
    {
        QString creditNumber;
        QString memberName;
        int daysPastDue = 0;
        Money overdue;
        QString decision;
    };
    QList<Line> lines;
    QString issuedReference; // as stored: what the signed paper says
    // "SUBCOMITE-IBA-2026-003" (each branch's committee numbers its own); minutes from before
    // schema 6 keep the "SUBCOMITE-2026-003" they were issued with.
    QString reference() const;
};

// Records the committees' minutes with a consecutive number per committee and year, every decision
// per credit with its figures of the day; one audited transaction.
class CommitteeService final
{
public:
    CommitteeService(const Database &db, Session session, PermissionTable permissions, const Clock &clock)
        : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_clock(clock)
    {
    }

    std::optional<CommitteeMinutes> record(Committee committee, const QString &branchCode, QDate heldOn, QDate cutOff,
                                           const QString &attendees, const QString &notes,
                                           const QList<CommitteeDecision> &decisions, QString *error) const;

private:
    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    const Clock &m_clock;
};

std::optional<CommitteeMinutes> loadMinutes(const Database &db, qint64 id);
// The minutes of a branch (every branch when empty), newest first.
QList<CommitteeMinutes> listMinutes(const Database &db, const QString &branchCode, int year);

} // namespace cobranza
