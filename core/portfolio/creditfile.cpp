#include "creditfile.h"

#include "datetext.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::CreditFile", s); }

QDate isoDate(const QVariant &v) { return QDate::fromString(v.toString(), Qt::ISODate); }

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

bool run(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qWarning("loadCreditFile (%s): %s", what, qPrintable(q.lastError().text()));
    return false;
}

// The credit with its member; false when the credit is unknown.
bool loadCreditAndMember(const Database &db, const QString &creditNumber, CreditFile *file)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.credit_number, c.member_number, c.segment, c.original_amount_cents, c.granted_on, c.term_months, "
        "c.purpose, c.economic_activity, m.cedula, m.full_name, m.home_address, m.business_address, m.reference, "
        "m.phone, m.mobile, m.email, m.latitude, m.longitude "
        "FROM credits c JOIN members m ON m.member_number = c.member_number WHERE c.credit_number = ?"));
    q.addBindValue(creditNumber);
    if (!run(q, "credit") || !q.next())
        return false;
    Credit &c = file->credit;
    c.creditNumber = q.value(0).toString();
    c.memberNumber = q.value(1).toString();
    c.segment = parseSegment(q.value(2).toString()).value_or(Segment::Consumo);
    if (!q.value(3).isNull())
        c.originalAmount = Money::fromCents(q.value(3).toLongLong());
    c.grantedOn = isoDate(q.value(4));
    if (!q.value(5).isNull())
        c.termMonths = q.value(5).toInt();
    c.purpose = q.value(6).toString();
    c.economicActivity = q.value(7).toString();
    Member &m = file->member;
    m.memberNumber = c.memberNumber;
    m.cedula = q.value(8).toString();
    m.fullName = q.value(9).toString();
    m.homeAddress = q.value(10).toString();
    m.businessAddress = q.value(11).toString();
    m.reference = q.value(12).toString();
    m.phone = q.value(13).toString();
    m.mobile = q.value(14).toString();
    m.email = q.value(15).toString();
    m.latitude = optionalDouble(q.value(16));
    m.longitude = optionalDouble(q.value(17));
    return true;
}

void loadGuarantors(const Database &db, CreditFile *file)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT position, cedula, full_name, address, phone FROM guarantors "
                             "WHERE credit_number = ? ORDER BY position"));
    q.addBindValue(file->credit.creditNumber);
    if (!run(q, "guarantors"))
        return;
    while (q.next())
        file->guarantors.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString()});
}

void loadHistory(const Database &db, CreditFile *file)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.cut_off, sc.days_past_due, sc.rating, sc.previous_rating, sc.balance_cents, sc.overdue_cents, "
        "sc.overdue_installments, sc.officer, sc.sector, sc.branch_code, sc.installment_cents, sc.due_date "
        "FROM snapshot_credits sc JOIN snapshots s ON s.id = sc.snapshot_id "
        "WHERE sc.credit_number = ? ORDER BY s.cut_off"));
    q.addBindValue(file->credit.creditNumber);
    if (!run(q, "history"))
        return;
    while (q.next()) {
        CreditHistoryPoint p;
        p.cutOff = isoDate(q.value(0));
        p.daysPastDue = q.value(1).toInt();
        // The import only stores valid codes; E is the safe reading of anything else.
        p.rating = parseRating(q.value(2).toString()).value_or(Rating::E);
        p.previousRating = parseRating(q.value(3).toString());
        p.balance = Money::fromCents(q.value(4).toLongLong());
        p.overdue = Money::fromCents(q.value(5).toLongLong());
        p.overdueInstallments = q.value(6).toInt();
        p.officer = q.value(7).toString();
        p.sector = q.value(8).toString();
        p.branchCode = q.value(9).toString();
        p.installment = Money::fromCents(q.value(10).toLongLong());
        p.dueDate = isoDate(q.value(11));
        file->history.append(std::move(p));
    }
}

void loadWarnings(const Database &db, CreditFile *file)
{
    // Only the imports that made the snapshots held: a replaced cut-off's old warnings, rejected
    // attempts and dry runs describe data the workstation no longer has.
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.cut_off, im.line, im.column_name, im.message "
        "FROM import_messages im JOIN snapshots s ON s.import_id = im.import_id "
        "WHERE im.credit_number = ? AND im.severity = 'WARNING' ORDER BY s.cut_off DESC, im.seq"));
    q.addBindValue(file->credit.creditNumber);
    if (!run(q, "warnings"))
        return;
    while (q.next())
        file->warnings.append({isoDate(q.value(0)), q.value(1).toLongLong(), q.value(2).toString(),
                               q.value(3).toString()});
}

void loadOtherCredits(const Database &db, CreditFile *file)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT credit_number FROM credits WHERE member_number = ? AND credit_number <> ? "
                             "ORDER BY credit_number"));
    q.addBindValue(file->credit.memberNumber);
    q.addBindValue(file->credit.creditNumber);
    if (!run(q, "other credits"))
        return;
    while (q.next())
        file->otherCredits.append(q.value(0).toString());
}

} // namespace

std::optional<CreditFile> loadCreditFile(const Database &db, const QString &creditNumber)
{
    CreditFile file;
    if (!loadCreditAndMember(db, creditNumber.trimmed(), &file))
        return std::nullopt;
    loadGuarantors(db, &file);
    loadHistory(db, &file);
    loadWarnings(db, &file);
    loadOtherCredits(db, &file);
    return file;
}

std::optional<PortfolioLine> latestLine(const CreditFile &file, const PortfolioRules &rules)
{
    const CreditHistoryPoint *p = file.latest();
    if (!p)
        return std::nullopt;
    PortfolioLine l;
    SnapshotRow &r = l.row;
    r.cutOff = p->cutOff;
    r.creditNumber = file.credit.creditNumber;
    r.branchCode = p->branchCode;
    r.officer = p->officer;
    r.sector = p->sector;
    r.balance = p->balance;
    r.installment = p->installment;
    r.overdue = p->overdue;
    r.overdueInstallments = p->overdueInstallments;
    r.dueDate = p->dueDate;
    r.daysPastDue = p->daysPastDue;
    r.rating = p->rating;
    r.previousRating = p->previousRating;
    l.memberNumber = file.member.memberNumber;
    l.cedula = file.member.cedula;
    l.fullName = file.member.fullName;
    l.segment = file.credit.segment;
    deriveColumns(&l, rules);
    return l;
}

QString trendSummary(const QList<CreditHistoryPoint> &h)
{
    const qsizetype n = h.size();
    if (n == 0)
        return tr("Sin cortes registrados");
    const CreditHistoryPoint &last = h.constLast();
    if (n == 1)
        return last.daysPastDue == 0
                   ? tr("Un solo corte (%1): al día, %2").arg(dayText(last.cutOff), ratingCode(last.rating))
                   : tr("Un solo corte (%1): %2 días de mora, %3")
                         .arg(dayText(last.cutOff))
                         .arg(last.daysPastDue)
                         .arg(ratingCode(last.rating));

    if (last.daysPastDue == 0) {
        qsizetype lastLate = n - 1;
        while (lastLate >= 0 && h.at(lastLate).daysPastDue == 0)
            --lastLate;
        if (lastLate < 0)
            return tr("Al día en los %1 cortes").arg(n);
        return tr("Se puso al día en el corte del %1").arg(dayText(h.at(lastLate + 1).cutOff));
    }

    // The longest run of cut-offs, ending at the newest, in which the rating only moved one way:
    // how far and how fast it fell is what tells the staff the credit is slipping. The run starts
    // at the last cut-off with its first rating, so months spent at A1 do not dilute "how fast".
    const auto sev = [&h](qsizetype i) { return severity(h.at(i).rating); };
    const auto runStart = [&](bool worsening) {
        qsizetype from = n - 1;
        while (from > 0 && (worsening ? sev(from - 1) <= sev(from) : sev(from - 1) >= sev(from)))
            --from;
        while (from < n - 1 && sev(from + 1) == sev(from))
            ++from;
        return from;
    };
    const auto moved = [&](const char *oneCutOff, const char *several, qsizetype from) {
        const qsizetype steps = n - 1 - from;
        const QString text = steps == 1 ? tr(oneCutOff) : tr(several).arg(steps);
        return text.arg(ratingCode(h.at(from).rating), ratingCode(last.rating));
    };
    if (const qsizetype from = runStart(true); sev(from) < sev(n - 1))
        return moved(QT_TRANSLATE_NOOP("cobranza::CreditFile", "Empeoró de %2 a %3 en el último corte"),
                     QT_TRANSLATE_NOOP("cobranza::CreditFile", "Empeoró de %2 a %3 en los últimos %1 cortes"), from);
    if (const qsizetype from = runStart(false); sev(from) > sev(n - 1))
        return moved(QT_TRANSLATE_NOOP("cobranza::CreditFile", "Mejoró de %2 a %3 en el último corte"),
                     QT_TRANSLATE_NOOP("cobranza::CreditFile", "Mejoró de %2 a %3 en los últimos %1 cortes"), from);

    // Neither run moved, so every cut-off has the same rating.
    const int firstDays = h.constFirst().daysPastDue;
    if (firstDays == last.daysPastDue)
        return tr("Se mantiene en %1 en los %2 cortes").arg(ratingCode(last.rating)).arg(n);
    return tr("Se mantiene en %1 en los %2 cortes; la mora pasó de %3 a %4 días")
        .arg(ratingCode(last.rating))
        .arg(n)
        .arg(firstDays)
        .arg(last.daysPastDue);
}

} // namespace cobranza
