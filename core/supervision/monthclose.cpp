#include "monthclose.h"

#include "audit/auditlog.h"
#include "results/resultrules.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::MonthClose", s); }
QString monthKey(QDate d) { return d.toString(QStringLiteral("yyyy-MM")); }

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

QString monthName(QDate day)
{
    return QLocale(QLocale::Spanish, QLocale::Ecuador).toString(day, QStringLiteral("MMMM 'de' yyyy"));
}

bool isMonthClosed(const Database &db, QDate day)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM month_closes WHERE month = ?"));
    q.addBindValue(monthKey(day));
    return q.exec() && q.next();
}

std::optional<QString> closedMonthRefusal(const Database &db, QDate day)
{
    if (!day.isValid() || !isMonthClosed(db, day))
        return std::nullopt;
    return tr("%1 está cerrado: sus visitas y resultados son historial de solo lectura.").arg(monthName(day));
}

bool MonthCloseService::close(QDate anyDay, QString *error) const
{
    if (const auto no = refusal(m_permissions, m_session, Permission::CloseMonth))
        return fail(error, *no);
    return closeUnchecked(anyDay, QStringLiteral("MONTH_CLOSED"), error);
}

bool MonthCloseService::closePreviousIfDue(const WorkingCalendar &calendar, const TimeWindows &windows,
                                          QString *error) const
{
    const QDate today = m_clock.today();
    const QDate previous = QDate(today.year(), today.month(), 1).addMonths(-1);
    if (isMonthClosed(m_db, previous))
        return false;
    const QDate lastDay = previous.addMonths(1).addDays(-1);
    if (m_clock.now() <= resultsDueAt(lastDay, calendar, windows))
        return false;
    return closeUnchecked(previous, QStringLiteral("MONTH_CLOSED_AUTO"), error);
}

bool MonthCloseService::closeUnchecked(QDate anyDay, const QString &action, QString *error) const
{
    if (!anyDay.isValid())
        return fail(error, tr("indique el mes a cerrar"));
    const QDate first(anyDay.year(), anyDay.month(), 1);
    if (first.addMonths(1) > m_clock.today())
        return fail(error, tr("%1 aún no termina: se cierra desde el primer día del mes siguiente.").arg(monthName(first)));
    Transaction tx(m_db);
    if (isMonthClosed(m_db, first))
        return true; // closing twice changes nothing
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO month_closes(month, closed_at, closed_by) VALUES(?, ?, ?)"));
    q.addBindValue(monthKey(first));
    q.addBindValue(m_clock.now().toUTC().toString(Qt::ISODate));
    q.addBindValue(m_session.staffId);
    if (!q.exec()
        || !AuditLog(m_db, m_clock).record(m_session, action, QStringLiteral("month"), monthKey(first), {}, monthName(first))
        || !tx.commit())
        return fail(error, tr("no se pudo cerrar %1").arg(monthName(first)));
    return true;
}

} // namespace cobranza
