#include "noticeservice.h"

#include "datetext.h"
#include "audit/auditlog.h"
#include "routes/routesheetstore.h"
#include "store/database.h"
#include "store/query.h"
#include "store/directorystore.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::NoticeService", s); }
QString iso(QDate d) { return d.toString(Qt::ISODate); }
QString longDate(QDate d)
{
    return QLocale(QLocale::Spanish, QLocale::Ecuador).toString(d, QStringLiteral("d 'de' MMMM 'de' yyyy"));
}

// One addressee of a credit's notice: the member or a guarantor.
struct Addressee
{
    AddresseeKind kind = AddresseeKind::Titular;
    QString id; // cédula
    QString name;
    QString address;
};

} // namespace

QDate episodeStartOf(QDate cutOff, int daysPastDue) { return cutOff.addDays(-std::max(0, daysPastDue)); }

bool noticePrintedSince(const Database &db, const QString &creditNumber, NoticeType type, QDate episodeStart)
{
    QSqlQuery q = runQuery(db,
                      QStringLiteral("SELECT 1 FROM notices WHERE credit_number = ? AND notice_type = ? "
                                     "AND substr(printed_at, 1, 10) >= ? LIMIT 1"),
                      {creditNumber, noticeTypeCode(type), iso(episodeStart)});
    return q.next();
}

std::vector<NoticeDue> noticesDue(const Database &db, QDate cutOff, const PortfolioRules &rules,
                                  const NoticeDueFilter &filter)
{
    std::vector<NoticeDue> out;
    const QList<LadderStage> &stages = rules.ladder.stages();
    QHash<QString, size_t> index;
    for (PortfolioLine &line : loadPortfolio(db, cutOff, rules, filter.branchCode)) {
        if (line.ladderStage < 0 || line.ladderStage >= stages.size())
            continue;
        const std::optional<NoticeType> type = stages[line.ladderStage].notice;
        if (!type || (filter.type && *filter.type != *type))
            continue;
        NoticeDue due;
        due.type = *type;
        due.episodeStart = episodeStartOf(cutOff, line.row.daysPastDue);
        due.line = std::move(line);
        index.insert(due.line.row.creditNumber, out.size());
        out.push_back(std::move(due));
    }
    if (out.empty())
        return out;
    const QDate oldest = cutOff.addDays(-400); // no episode of a stage with a notice is older
    std::vector<bool> delivered(out.size(), false);
    QSqlQuery d = runQuery(db,
                      QStringLiteral("SELECT b.credit_number, r.notice_delivered, b.visit_date FROM visit_results r "
                                     "JOIN bookings b ON b.id = r.booking_id WHERE r.notice_delivered IS NOT NULL "
                                     "AND b.visit_date >= ?"),
                      {iso(oldest)});
    while (d.next()) {
        const auto it = index.constFind(d.value(0).toString());
        if (it == index.constEnd())
            continue;
        const NoticeDue &due = out[*it];
        if (d.value(1).toString() == noticeTypeCode(due.type)
            && QDate::fromString(d.value(2).toString(), Qt::ISODate) >= due.episodeStart)
            delivered[*it] = true;
    }
    QSqlQuery p = runQuery(db,
                      QStringLiteral("SELECT credit_number, notice_type, substr(printed_at, 1, 10) FROM notices "
                                     "WHERE printed_at >= ? ORDER BY printed_at"),
                      {iso(oldest)});
    while (p.next()) {
        const auto it = index.constFind(p.value(0).toString());
        if (it == index.constEnd())
            continue;
        NoticeDue &due = out[*it];
        const QDate on = QDate::fromString(p.value(2).toString(), Qt::ISODate);
        if (p.value(1).toString() == noticeTypeCode(due.type) && on >= due.episodeStart)
            due.printedOn = on;
    }
    QSqlQuery b = runQuery(db,
                      QStringLiteral("SELECT b.credit_number, w.username, IIF(w.full_name = '', w.username, w.full_name) "
                                     "FROM bookings b JOIN staff w ON w.id = IFNULL(b.worker_id, b.staff_id) "
                                     "WHERE b.cancelled_at IS NULL AND b.visit_date > ? ORDER BY b.visit_date"),
                      {iso(cutOff)});
    // Everyone the credit is booked to after the cut-off counts as his (NoticeService::prepare lets
    // each of them print it); the list shows the first.
    std::vector<QStringList> bookedUsers(out.size());
    while (b.next()) {
        const auto it = index.constFind(b.value(0).toString());
        if (it == index.constEnd())
            continue;
        bookedUsers[*it].append(b.value(1).toString());
        if (out[*it].bookedTo.isEmpty())
            out[*it].bookedTo = b.value(2).toString();
    }
    std::vector<NoticeDue> due;
    for (size_t i = 0; i < out.size(); ++i) {
        if (delivered[i])
            continue;
        if (!filter.staffUsername.isEmpty()
            && out[i].line.row.officer.compare(filter.staffUsername, Qt::CaseInsensitive) != 0
            && !bookedUsers[i].contains(filter.staffUsername, Qt::CaseInsensitive))
            continue;
        due.push_back(std::move(out[i]));
    }
    std::stable_sort(due.begin(), due.end(), [](const NoticeDue &x, const NoticeDue &y) {
        if (x.line.row.branchCode != y.line.row.branchCode)
            return x.line.row.branchCode < y.line.row.branchCode;
        if (x.type != y.type)
            return x.type < y.type;
        return x.line.row.daysPastDue > y.line.row.daysPastDue;
    });
    return due;
}

NoticeService::NoticeService(const Database &db, Session session, PermissionTable permissions, PortfolioRules rules,
                             NoticeTemplates templates, const Clock &clock)
    : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_rules(std::move(rules)),
      m_templates(std::move(templates)), m_clock(clock)
{
}

std::optional<QList<NoticeDocument>> NoticeService::prepare(const NoticeRequest &request, QStringList *errors) const
{
    QStringList problems;
    const auto failed = [&]() -> std::optional<QList<NoticeDocument>> {
        if (errors)
            *errors = problems;
        return std::nullopt;
    };
    if (const auto no = refusal(m_permissions, m_session, Permission::PrintNotices)) {
        problems << *no;
        return failed();
    }
    if (request.creditNumbers.isEmpty())
        problems << tr("no hay créditos que notificar");
    if (!request.date.isValid())
        problems << tr("falta la fecha de las notificaciones");
    QSqlQuery snap = runQuery(m_db, QStringLiteral("SELECT id FROM snapshots WHERE cut_off = ?"), {iso(request.cutOff)});
    const qint64 snapshotId = snap.next() ? snap.value(0).toLongLong() : 0;
    if (snapshotId == 0)
        problems << tr("no hay cartera importada con corte al %1").arg(dayText(request.cutOff));
    if (!problems.isEmpty())
        return failed();

    const SettingsStore settings(m_db);
    const DirectoryStore directory(m_db);
    const QString cooperative = settings.value(SettingsStore::CooperativeName, tr("la cooperativa"));
    const QString scope = branchScope(m_session);
    const bool ownOnly = !seesBranchAgenda(m_permissions, m_session.role);
    const int year = request.date.year();
    QHash<NoticeType, NoticeTemplate> templates;
    QHash<NoticeType, int> next; // the next number of each type in this batch
    QList<NoticeDocument> pages;
    for (const QString &credit : request.creditNumbers) {
        QSqlQuery q = runQuery(m_db,
                          QStringLiteral("SELECT c.full_name, c.cedula, c.branch_code, c.days_past_due, c.overdue_cents, "
                                         "c.overdue_installments, IFNULL(m.home_address, ''), IFNULL(m.business_address, ''), c.officer "
                                         "FROM snapshot_credits c LEFT JOIN members m ON m.member_number = c.member_number "
                                         "WHERE c.snapshot_id = ? AND c.credit_number = ?"),
                          {snapshotId, credit});
        if (!q.next()) {
            problems << tr("el crédito %1 no está en el corte del %2").arg(credit, dayText(request.cutOff));
            continue;
        }
        const QString branchCode = q.value(2).toString();
        if (!scope.isEmpty() && branchCode.compare(scope, Qt::CaseInsensitive) != 0) {
            problems << tr("el crédito %1 es de la agencia %2: solo imprime notificaciones de la agencia %3")
                            .arg(credit, branchCode, scope);
            continue;
        }
        // Whoever sees only his own agenda prints only his own members' notices, as the window
        // shows them: his as OFICIAL_CREDITO or booked to him after the cut-off.
        if (ownOnly && q.value(8).toString().compare(m_session.username, Qt::CaseInsensitive) != 0
            && !runQuery(m_db,
                         QStringLiteral("SELECT 1 FROM bookings WHERE credit_number = ? AND visit_date > ? "
                                        "AND cancelled_at IS NULL AND IFNULL(worker_id, staff_id) = ? LIMIT 1"),
                         {credit, iso(request.cutOff), m_session.staffId})
                    .next()) {
            problems << tr("el crédito %1 no es suyo: no lo tiene como oficial de crédito ni agendado").arg(credit);
            continue;
        }
        const int days = q.value(3).toInt();
        std::optional<NoticeType> type = request.type;
        if (!type)
            if (const LadderStage *stage = m_rules.ladder.stageFor(days))
                type = stage->notice;
        if (!type) {
            problems << tr("el crédito %1 tiene %2 días de mora: su etapa no pide una notificación escrita").arg(credit).arg(days);
            continue;
        }
        if (!templates.contains(*type)) {
            QList<TemplateError> templateErrors;
            const auto t = m_templates.load(*type, &templateErrors);
            if (!t) {
                for (const TemplateError &e : templateErrors)
                    problems << tr("plantilla %1: %2").arg(noticeTypeCode(*type), e.text());
                continue;
            }
            templates.insert(*type, *t);
            QSqlQuery c = runQuery(m_db, QStringLiteral("SELECT last_number FROM notice_counters WHERE notice_type = ? AND year = ?"),
                              {noticeTypeCode(*type), year});
            next.insert(*type, c.next() ? c.value(0).toInt() + 1 : 1);
        }
        const NoticeTemplate &t = templates[*type];
        const auto branch = directory.branchByCode(branchCode);
        const QDate episode = episodeStartOf(request.cutOff, days);

        QList<Addressee> addressees{{AddresseeKind::Titular, q.value(1).toString(), q.value(0).toString(),
                                     q.value(6).toString().isEmpty() ? q.value(7).toString() : q.value(6).toString()}};
        if (request.guarantors) {
            QSqlQuery g = runQuery(m_db,
                              QStringLiteral("SELECT cedula, full_name, address FROM guarantors WHERE credit_number = ? "
                                             "ORDER BY position"),
                              {credit});
            while (g.next())
                addressees.append({AddresseeKind::Garante, g.value(0).toString(), g.value(1).toString(), g.value(2).toString()});
        }
        for (const Addressee &a : addressees) {
            NoticeDocument d;
            d.type = *type;
            d.code = noticeTypeCode(*type);
            d.year = year;
            // A reprint for the same episode keeps the first number and says COPIA.
            QSqlQuery original = runQuery(m_db,
                                     QStringLiteral("SELECT number FROM notices WHERE notice_type = ? AND year = ? AND "
                                                    "credit_number = ? AND addressee_id = ? AND episode_start = ? AND "
                                                    "copy_of IS NULL ORDER BY id LIMIT 1"),
                                     {d.code, year, credit, a.id, iso(episode)});
            if (original.next()) {
                d.number = original.value(0).toInt();
                d.copy = true;
            } else {
                d.number = next[*type]++;
            }
            d.title = t.title;
            d.city = branch && !branch->city.isEmpty() ? branch->city
                                                       : settings.value(SettingsStore::CooperativeCity, QString());
            d.date = request.date;
            d.addresseeKind = a.kind;
            d.addresseeName = a.name;
            d.addresseeCedula = a.id;
            d.addresseeAddress = a.address;
            d.memberName = q.value(0).toString();
            d.memberCedula = q.value(1).toString();
            d.creditNumber = credit;
            d.overdueInstallments = q.value(5).toInt();
            d.daysPastDue = days;
            d.overdue = Money::fromCents(q.value(4).toLongLong());
            d.totalToPay = d.overdue;
            d.payBy = request.date.addDays(t.payWithinDays);
            d.branchName = branch ? branch->name : branchCode;
            d.branchAddress = branch ? branch->address : QString();
            d.branchPhone = branch ? branch->phone : QString();
            d.signerName = m_session.fullName;
            d.signerRole = roleLabel(m_session.role);
            d.paragraphs = t.fill({
                {QStringLiteral("SOCIO"), d.memberName},
                {QStringLiteral("SOCIO_CEDULA"), d.memberCedula},
                {QStringLiteral("DESTINATARIO"), d.addresseeName},
                {QStringLiteral("CALIDAD"), a.kind == AddresseeKind::Titular ? tr("socio titular") : tr("garante")},
                {QStringLiteral("CREDITO"), credit},
                {QStringLiteral("CUOTAS_VENCIDAS"), QString::number(d.overdueInstallments)},
                {QStringLiteral("DIAS_MORA"), QString::number(days)},
                {QStringLiteral("VALOR_VENCIDO"), d.overdue.toDisplayString()},
                {QStringLiteral("TOTAL_A_PAGAR"), d.totalToPay.toDisplayString()},
                {QStringLiteral("FECHA_LIMITE"), longDate(d.payBy)},
                {QStringLiteral("AGENCIA"), d.branchName},
                {QStringLiteral("AGENCIA_DIRECCION"), d.branchAddress},
                {QStringLiteral("AGENCIA_TELEFONO"), d.branchPhone},
                {QStringLiteral("COOPERATIVA"), cooperative},
                {QStringLiteral("FUNCIONARIO"), d.signerName},
                {QStringLiteral("CARGO"), d.signerRole},
                {QStringLiteral("CIUDAD"), d.city},
                {QStringLiteral("FECHA"), longDate(d.date)},
                {QStringLiteral("NUMERO"), d.reference()},
            });
            pages.append(d);
        }
    }
    if (!problems.isEmpty())
        return failed();
    if (errors)
        errors->clear();
    return pages;
}

NoticeBatchResult NoticeService::print(const NoticeRequest &request, const Renderer &render) const
{
    NoticeBatchResult r;
    Transaction tx(m_db);
    if (!tx.isActive()) {
        r.errors << tr("no se pudo abrir la base de datos para imprimir");
        return r;
    }
    const std::optional<QList<NoticeDocument>> pages = prepare(request, &r.errors);
    if (!pages)
        return r;
    const QString at = m_clock.now().toUTC().toString(Qt::ISODate);
    QHash<QString, int> lastNumber;
    for (const NoticeDocument &d : *pages) {
        const QDate episode = episodeStartOf(request.cutOff, d.daysPastDue);
        QVariant copyOf(QMetaType(QMetaType::LongLong));
        if (d.copy) {
            QSqlQuery o = runQuery(m_db,
                              QStringLiteral("SELECT id FROM notices WHERE notice_type = ? AND year = ? AND number = ? "
                                             "AND copy_of IS NULL"),
                              {d.code, d.year, d.number});
            if (o.next())
                copyOf = o.value(0).toLongLong();
            ++r.copies;
        } else {
            lastNumber[d.code] = std::max(lastNumber.value(d.code), d.number);
        }
        QSqlQuery ins = runQuery(m_db,
                            QStringLiteral("INSERT INTO notices(notice_type, year, number, credit_number, addressee_kind, "
                                           "addressee_id, addressee_name, episode_start, printed_by, printed_at, copy_of) "
                                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            {d.code, d.year, d.number, d.creditNumber,
                             d.addresseeKind == AddresseeKind::Titular ? QStringLiteral("TITULAR") : QStringLiteral("GARANTE"),
                             d.addresseeCedula, d.addresseeName, iso(episode), m_session.staffId, at, copyOf});
        if (!ins.isActive()) {
            r.errors << tr("no se pudo registrar la notificación %1").arg(d.reference());
            return r;
        }
    }
    for (auto it = lastNumber.cbegin(); it != lastNumber.cend(); ++it) {
        QSqlQuery up = runQuery(m_db,
                           QStringLiteral("INSERT INTO notice_counters(notice_type, year, last_number) VALUES(?, ?, ?) "
                                          "ON CONFLICT(notice_type, year) DO UPDATE SET last_number = excluded.last_number"),
                           {it.key(), request.date.year(), it.value()});
        if (!up.isActive()) {
            r.errors << tr("no se pudo guardar la numeración de %1").arg(it.key());
            return r;
        }
    }
    QString why;
    if (!render(*pages, &why)) {
        r.errors << (why.isEmpty() ? tr("no se pudo generar el documento") : why);
        return r; // the numbers and records go with it
    }
    QStringList credits = request.creditNumbers;
    credits.removeDuplicates();
    if (!AuditLog(m_db, m_clock)
             .record(m_session, QStringLiteral("NOTICES_PRINTED"), QStringLiteral("notice"),
                     credits.size() == 1 ? credits.first() : tr("%1 créditos").arg(credits.size()), {},
                     tr("%1 páginas (%2 copias)").arg(pages->size()).arg(r.copies))
        || !tx.commit()) {
        r.errors << tr("no se pudo guardar el registro de las notificaciones");
        return r;
    }
    r.ok = true;
    r.pages = static_cast<int>(pages->size());
    return r;
}

} // namespace cobranza
