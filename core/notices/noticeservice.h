#pragma once

#include "clock.h"
#include "notices/noticedocument.h"
#include "notices/noticetemplate.h"
#include "permissions.h"
#include "portfolio/portfolioquery.h"
#include "session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace cobranza {

class Database;

// The day a credit's arrears began, which names its episode: the cut-off less its days past due.
// An episode ends when the credit is up to date again; the next arrears start a new one.
QDate episodeStartOf(QDate cutOff, int daysPastDue);

// A credit whose ladder stage calls for a written notice, and where that notice stands.
struct NoticeDue
{
    PortfolioLine line;
    NoticeType type = NoticeType::F1TG;
    QDate episodeStart;
    QDate printedOn;   // the notice printed for this episode, if it was
    QString bookedTo;  // who visits the credit next, if anyone
    bool operator==(const NoticeDue &) const = default;
};

// What "notices due" is asked for: one branch (or all), one person, one type.
struct NoticeDueFilter
{
    QString branchCode;
    QString staffUsername; // OFICIAL_CREDITO, or the person the credit is booked to
    std::optional<NoticeType> type;
};

// The credits of a cut-off whose stage calls for a written notice not yet delivered in the current
// episode, ordered by branch, notice and days past due.
std::vector<NoticeDue> noticesDue(const Database &db, QDate cutOff, const PortfolioRules &rules,
                                  const NoticeDueFilter &filter);

// What a batch is to print: each credit's notice for the member and every guarantor.
struct NoticeRequest
{
    QStringList creditNumbers;
    std::optional<NoticeType> type; // none: each credit's stage decides
    QDate cutOff;                   // the figures printed
    QDate date;                     // of the notices
    bool guarantors = true;
};

// What came of a print: the pages written, or why nothing was.
struct NoticeBatchResult
{
    bool ok = false;
    int pages = 0;
    int copies = 0; // reprints among them, marked COPIA with their first number
    QStringList errors; // Spanish
};

// Prints collections notices: builds one page per addressee from the cooperative's template,
// numbers them per type and year (a reprint keeps its number and says COPIA) and records every
// page — all in one transaction with the rendering, so a failed or cancelled PDF leaves no trace.
class NoticeService final
{
public:
    using Renderer = std::function<bool(const QList<NoticeDocument> &pages, QString *error)>;

    NoticeService(const Database &db, Session session, PermissionTable permissions, PortfolioRules rules,
                  NoticeTemplates templates, const Clock &clock);

    NoticeBatchResult print(const NoticeRequest &request, const Renderer &render) const;
    // The pages a request would print, numbered as they would be; nothing is written. Used by
    // print() and by previews.
    std::optional<QList<NoticeDocument>> prepare(const NoticeRequest &request, QStringList *errors) const;

private:
    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    PortfolioRules m_rules;
    NoticeTemplates m_templates;
    const Clock &m_clock;
};

// Whether a notice of `type` was printed for `creditNumber` since `episodeStart`: a notice may be
// recorded as delivered only then.
bool noticePrintedSince(const Database &db, const QString &creditNumber, NoticeType type, QDate episodeStart);

} // namespace cobranza
