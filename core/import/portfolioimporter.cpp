#include "portfolioimporter.h"

#include "datetext.h"
#include "audit/auditlog.h"
#include "results/promisejudge.h"
#include "clock.h"
#include "csvreader.h"
#include "importlog.h"
#include "portfoliocolumns.h"
#include "portfoliowriter.h"
#include "rowparser.h"
#include "store/database.h"
#include "store/sqlitestatement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::PortfolioImporter", s); }

constexpr qint64 kProgressEvery = 2000;

using Severity = ImportMessage::Severity;

ImportMessage fileError(qint64 line, const QString &message)
{
    return {Severity::Error, line, QString(), message, QString()};
}

QString delimiterName(QChar d)
{
    if (d == u';')
        return QStringLiteral(";");
    if (d == u',')
        return QStringLiteral(",");
    return QStringLiteral("TAB");
}

// Errors first, each kind in file order, as the person fixing the file reads them.
void sortMessages(QList<ImportMessage> *messages)
{
    std::stable_sort(messages->begin(), messages->end(), [](const ImportMessage &a, const ImportMessage &b) {
        if (a.severity != b.severity)
            return a.severity == Severity::Error;
        return a.line < b.line;
    });
}

// Member numbers and cédulas come in no useful order, so each row changes a leaf page anywhere in
// the members table and its indexes. With a page cache smaller than those, the transaction spills
// pages to the WAL and reads them back a few rows later: a million-row report took 1.5 times as
// long with 64 MB as with 512 MB (bench/README.md). For the length of the import the cache may grow
// up to the size of the file, which bounds the pages a snapshot touches at random, capped at
// 512 MB; SQLite takes pages only as they are used and gives them back when the setting returns.
class ImportCacheSize final
{
public:
    ImportCacheSize(sqlite3 *db, qint64 fileSize) : m_db(db)
    {
        constexpr qint64 kMaxKiB = 512 * 1024;
        SqliteStatement cache(db, "PRAGMA cache_size");
        SqliteStatement pageSize(db, "PRAGMA page_size");
        if (!cache.stepRow() || !pageSize.stepRow())
            return;
        m_previous = cache.columnInt(0); // negative: KiB; positive: pages
        const qint64 currentKiB = m_previous < 0 ? -m_previous : m_previous * pageSize.columnInt(0) / 1024;
        const qint64 wantedKiB = qMin(fileSize / 1024, kMaxKiB);
        if (wantedKiB > currentKiB)
            m_changed = set("PRAGMA cache_size=" + QByteArray::number(-wantedKiB));
    }
    ~ImportCacheSize()
    {
        if (m_changed)
            set("PRAGMA cache_size=" + QByteArray::number(m_previous));
    }
    ImportCacheSize(const ImportCacheSize &) = delete;
    ImportCacheSize &operator=(const ImportCacheSize &) = delete;

private:
    bool set(const QByteArray &pragma) { return sqliteExec(m_db, pragma.constData()); }

    sqlite3 *m_db;
    qint64 m_previous = 0;
    bool m_changed = false;
};

bool isEmptyRecord(const CsvRecord &record)
{
    for (int i = 0; i < record.fieldCount(); ++i)
        if (!record.field(i).trimmed().isEmpty())
            return false;
    return true;
}

} // namespace

QString ImportMessage::format(const QString &fileName) const
{
    QString out = fileName + u':' + QString::number(line) + u':';
    if (!column.isEmpty())
        out += u' ' + column + u':';
    return out + u' ' + message;
}

QString ImportResult::summary() const
{
    switch (outcome) {
    case Outcome::Accepted:
        return tr("Corte %1 importado: %L2 créditos, %L3 advertencias%4%5.")
            .arg(dayText(cutOff))
            .arg(rows)
            .arg(warningCount)
            .arg(replaced ? tr(" (reemplazó al corte anterior)") : QString())
            .arg(promisesJudged > 0 ? tr("; %L1 promesas de pago evaluadas").arg(promisesJudged) : QString());
    case Outcome::DryRun:
        return tr("Prueba sin cambios: el corte %1 se importaría con %L2 créditos y %L3 advertencias.")
            .arg(dayText(cutOff))
            .arg(rows)
            .arg(warningCount);
    case Outcome::Cancelled: return tr("Importación cancelada: la base de datos no cambió.");
    case Outcome::Rejected:
        if (cutOffExists)
            return tr("El corte %1 ya existe; no se reemplazó porque no se pidió hacerlo.")
                .arg(dayText(cutOff));
        return tr("Archivo rechazado con %L1 errores: la base de datos no cambió.").arg(errorCount);
    }
    return {};
}

PortfolioImporter::PortfolioImporter(const Database &db, Session session, PermissionTable permissions,
                                     RatingScales scales)
    : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_scales(std::move(scales))
{
    static const SystemClock machine;
    m_clock = &machine;
}

ImportResult PortfolioImporter::run(const ImportOptions &options, const ImportProgress &progress,
                                    const std::atomic<bool> *cancel)
{
    const QDateTime startedAt = m_clock->now().toUTC();
    sqlite3 *db = m_db.handle();
    ImportLog log(db);
    ImportResult result;
    const QFileInfo info(options.filePath);
    result.fileName = info.fileName();
    result.fileSize = info.size();
    if (options.cutOff)
        result.cutOff = *options.cutOff;

    // Every import attempt is in the audit trail: who, which file, what came of it.
    const auto audit = [this](const ImportResult &r) {
        return AuditLog(m_db, *m_clock)
            .record(m_session, QStringLiteral("IMPORT_") + outcomeCode(r.outcome), QStringLiteral("import"),
                    QString::number(r.importId), r.replaced ? tr("reemplazó el corte %1").arg(r.cutOff.toString(Qt::ISODate)) : QString(),
                    tr("%1: corte %2, %3 filas, %4 advertencias, %5 errores")
                        .arg(r.fileName, r.cutOff.isValid() ? r.cutOff.toString(Qt::ISODate) : tr("sin corte"))
                        .arg(r.rows)
                        .arg(r.warningCount)
                        .arg(r.errorCount));
    };
    const auto finishRejected = [&](ImportResult::Outcome outcome) {
        result.outcome = outcome;
        result.errorCount = std::count_if(result.messages.cbegin(), result.messages.cend(),
                                          [](const ImportMessage &m) { return m.severity == Severity::Error; });
        result.warningCount = result.messages.size() - result.errorCount;
        sortMessages(&result.messages);
        result.importId = log.record(result, m_session.staffId, startedAt);
        audit(result); // its own statement: the rolled-back transaction is gone
        return result;
    };

    if (const auto why = refusal(m_permissions, m_session, Permission::ImportPortfolio)) {
        result.messages.append(fileError(0, *why));
        return finishRejected(ImportResult::Outcome::Rejected);
    }
    QFile file(options.filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.messages.append(fileError(0, tr("no se pudo abrir el archivo: %1").arg(file.errorString())));
        return finishRejected(ImportResult::Outcome::Rejected);
    }

    CsvReader reader(&file);
    CsvRecord record;
    if (!reader.readHeader(&record)) {
        result.messages.append(fileError(1, reader.errorMessage()));
        return finishRejected(ImportResult::Outcome::Rejected);
    }
    result.encoding = reader.encodingName();
    result.delimiter = delimiterName(reader.delimiter());
    const PortfolioHeader header(record);
    for (const QString &column : header.missingRequired(options.cutOff.has_value()))
        result.messages.append({Severity::Error, 1, column, tr("falta la columna obligatoria"), QString()});
    for (const QString &column : header.duplicated())
        result.messages.append({Severity::Error, 1, column, tr("la columna aparece más de una vez"), QString()});
    if (!result.messages.isEmpty())
        return finishRejected(ImportResult::Outcome::Rejected);
    if (!header.has(PortfolioColumn::Telefono) && !header.has(PortfolioColumn::Celular))
        result.messages.append({Severity::Warning, 1, QStringLiteral("TELEFONO"),
                                tr("el archivo no trae teléfonos de los socios"), QString()});
    if (!header.has(PortfolioColumn::DireccionDomicilio) && !header.has(PortfolioColumn::DireccionNegocio))
        result.messages.append({Severity::Warning, 1, QStringLiteral("DIRECCION_DOMICILIO"),
                                tr("el archivo no trae direcciones de los socios"), QString()});

    // Everything below is one transaction: committed whole, or rolled back whole.
    const ImportCacheSize cacheSize(db, result.fileSize);
    QString why;
    if (!sqliteExec(db, "BEGIN IMMEDIATE", &why)) {
        result.messages.append(fileError(0, tr("la base de datos está ocupada: %1").arg(why)));
        return finishRejected(ImportResult::Outcome::Rejected);
    }
    const auto rollback = [&](ImportResult::Outcome outcome) {
        sqliteExec(db, "ROLLBACK");
        return finishRejected(outcome);
    };

    result.importId = log.insert(result, m_session.staffId, startedAt);
    RowParser parser(header, m_scales, options.cutOff);
    std::unique_ptr<PortfolioWriter> writer;
    qint64 snapshotId = 0;
    qint64 errorCount = 0;
    Money totalBalance, totalOverdue;
    PortfolioRecord parsed;

    // The snapshot row is made once the cut-off is known: from the option or the first good row.
    const auto openSnapshot = [&]() -> bool {
        const QString cutOff = parser.cutOff().toString(Qt::ISODate);
        result.cutOff = parser.cutOff();
        SqliteStatement existing(db, "SELECT id FROM snapshots WHERE cut_off=?");
        existing.bind(1, cutOff);
        if (existing.stepRow()) {
            if (!options.replace) {
                result.cutOffExists = true;
                result.messages.append(fileError(0, tr("el corte %1 ya existe; para reemplazarlo pida reemplazar")
                                                        .arg(dayText(parser.cutOff()))));
                return false;
            }
            SqliteStatement drop(db, "DELETE FROM snapshots WHERE id=?");
            drop.bind(1, existing.columnInt(0));
            existing.reset();
            if (drop.step() != SQLITE_DONE)
                return false;
            result.replaced = true;
        }
        SqliteStatement insert(db, "INSERT INTO snapshots(cut_off, import_id, credit_count, total_balance_cents, "
                                   "total_overdue_cents) VALUES(?,?,0,0,0)");
        insert.bind(1, cutOff);
        insert.bind(2, result.importId);
        if (insert.step() != SQLITE_DONE)
            return false;
        snapshotId = sqlite3_last_insert_rowid(db);
        writer = std::make_unique<PortfolioWriter>(db, snapshotId, parser.cutOff());
        return writer->isValid();
    };

    for (;;) {
        const CsvReader::Status status = reader.next(&record);
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Error) {
            result.messages.append(fileError(reader.errorLine(), reader.errorMessage()));
            ++errorCount;
            continue;
        }
        if (isEmptyRecord(record))
            continue; // ";;;;" lines spreadsheets leave behind after clearing a row
        const qsizetype before = result.messages.size();
        if (!parser.parse(record, &parsed, &result.messages)) {
            for (qsizetype i = before; i < result.messages.size(); ++i)
                errorCount += result.messages.at(i).severity == Severity::Error ? 1 : 0;
        } else {
            if (!writer && !openSnapshot())
                return rollback(ImportResult::Outcome::Rejected);
            // Rows after an error are still written (the transaction will roll back) so that every
            // repeated credit number in the file is found and named.
            const int rc = writer->write(parsed);
            if ((rc & 0xff) == SQLITE_CONSTRAINT) {
                result.messages.append({Severity::Error, parsed.line, columnName(PortfolioColumn::NumeroCredito),
                                        tr("el crédito %1 está repetido (ya aparece en la línea %2)")
                                            .arg(parsed.credit.creditNumber)
                                            .arg(writer->lineOf(parsed.credit.creditNumber)),
                                        parsed.credit.creditNumber});
                ++errorCount;
            } else if (rc != SQLITE_DONE) {
                result.messages.append(fileError(parsed.line, tr("la base de datos no aceptó la fila: %1")
                                                                  .arg(writer->lastError())));
                return rollback(ImportResult::Outcome::Rejected);
            } else {
                totalBalance += parsed.row.balance;
                totalOverdue += parsed.row.overdue;
            }
        }
        if (++result.rows % kProgressEvery == 0) {
            if (progress)
                progress(reader.bytesConsumed(), result.fileSize, result.rows);
            if (cancel && cancel->load())
                return rollback(ImportResult::Outcome::Cancelled);
        }
    }
    if (progress)
        progress(reader.bytesConsumed(), result.fileSize, result.rows);
    if (cancel && cancel->load())
        return rollback(ImportResult::Outcome::Cancelled);
    if (result.rows == 0)
        result.messages.append(fileError(1, tr("el archivo no tiene créditos, solo el encabezado")));
    if (errorCount > 0 || result.rows == 0 || !writer)
        return rollback(ImportResult::Outcome::Rejected);
    if (options.dryRun)
        return rollback(ImportResult::Outcome::DryRun);

    result.outcome = ImportResult::Outcome::Accepted;
    result.warningCount = result.messages.size();
    sortMessages(&result.messages);
    SqliteStatement totals(db, "UPDATE snapshots SET credit_count=?, total_balance_cents=?, total_overdue_cents=? "
                               "WHERE id=?");
    totals.bind(1, result.rows);
    totals.bind(2, totalBalance.cents());
    totals.bind(3, totalOverdue.cents());
    totals.bind(4, snapshotId);
    // Promises due by this cut-off are judged by it, in the same transaction as the report itself.
    const AuditLog promiseAudit(m_db, *m_clock);
    result.promisesJudged = judgeDuePromises(m_db, snapshotId, result.cutOff, m_clock->now(),
                                             [&](const QString &credit, QDate promisedOn, PromiseOutcome outcome) {
                                                 return promiseAudit.record(
                                                     m_session, QStringLiteral("PROMISE_JUDGED"), QStringLiteral("promise"),
                                                     credit, tr("promesa del %1 pendiente").arg(dayText(promisedOn)),
                                                     tr("%1 según el corte del %2")
                                                         .arg(promiseOutcomeLabel(outcome),
                                                              dayText(result.cutOff)));
                                             });
    if (totals.step() != SQLITE_DONE || result.promisesJudged < 0 || !log.finish(result, m_clock->now().toUTC())
        || !log.insertMessages(result.importId, result.messages) || !audit(result)
        || !sqliteExec(db, "COMMIT", &why)) {
        result.messages.prepend(fileError(0, tr("no se pudo guardar la importación: %1").arg(why)));
        return rollback(ImportResult::Outcome::Rejected);
    }
    return result;
}

} // namespace cobranza
