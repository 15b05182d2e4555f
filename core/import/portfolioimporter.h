#pragma once

#include "clock.h"
#include "permissions.h"
#include "ratingscale.h"
#include "session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

namespace cobranza {

class Database;

// A problem found in a portfolio file, at a line and column.
struct ImportMessage
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    qint64 line = 0;      // physical line where the row starts; 0 for the file as a whole
    QString column;       // canonical column name ("DIAS_MORA"), empty for the row or file
    QString message;      // Spanish
    QString creditNumber; // when known, so the warning shows later on the credit
    // "cartera.csv:12: DIAS_MORA: no es un número entero"
    QString format(const QString &fileName) const;
    bool operator==(const ImportMessage &) const = default;
};

struct ImportOptions
{
    QString filePath;
    std::optional<QDate> cutOff; // when the file has no FECHA_CORTE column, or to check it
    bool replace = false;        // replace an existing cut-off; refused otherwise
    bool dryRun = false;         // validate everything, change nothing but the import log
};

// What came of an import: the figures the result dialog and the CLI show, and every message.
struct ImportResult
{
    enum class Outcome { Accepted, Rejected, Cancelled, DryRun };
    Outcome outcome = Outcome::Rejected;
    qint64 importId = 0;      // row of the import log
    QString fileName;
    qint64 fileSize = 0;
    QString encoding;
    QString delimiter;
    QDate cutOff;
    qint64 rows = 0;
    qint64 errorCount = 0;
    qint64 warningCount = 0;
    bool replaced = false;
    int promisesJudged = 0;    // promises to pay due by this cut-off, judged on import
    bool cutOffExists = false; // rejected only because the cut-off exists and replace was not asked
    QList<ImportMessage> messages; // errors first in file order, then warnings
    bool accepted() const { return outcome == Outcome::Accepted || outcome == Outcome::DryRun; }
    QString summary() const; // one Spanish sentence
};

using ImportProgress = std::function<void(qint64 bytesDone, qint64 bytesTotal, qint64 rows)>;

// Imports a portfolio report (formats/cartera.md) as one snapshot, all or nothing, streaming.
class PortfolioImporter final
{
public:
    PortfolioImporter(const Database &db, Session session, PermissionTable permissions, RatingScales scales);
    // The clock the import's log, audit and promise judgements are dated by: the machine's unless
    // set (the demo's simulated mornings).
    void setClock(const Clock &clock) { m_clock = &clock; }
    ImportResult run(const ImportOptions &options, const ImportProgress &progress = {},
                     const std::atomic<bool> *cancel = nullptr);

private:
    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
    RatingScales m_scales;
    const Clock *m_clock;
};

} // namespace cobranza
