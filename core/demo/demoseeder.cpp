#include "demoseeder.h"

#include "demo/demoactivity.h"
#include "demo/demodirectory.h"
#include "demo/portfoliogenerator.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/query.h"
#include "store/rulesstore.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QDir>
#include <QHash>
#include <QTemporaryFile>

namespace cobranza {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cobranza::DemoSeeder", s); }
} // namespace

bool DemoSeeder::isEmpty() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM staff) + (SELECT COUNT(*) FROM snapshots)")) && q.next()
           && q.value(0).toLongLong() == 0;
}

bool DemoSeeder::seedDirectory(QString *error) const
{
    const DemoDirectory &demo = DemoDirectory::instance();
    const DirectoryStore directory(m_db);
    if (directory.hasStaff()) {
        if (error)
            *error = tr("La base de datos ya tiene usuarios; los datos de demostración solo van en una base nueva.");
        return false;
    }
    // One hash for everybody: Argon2id at interactive cost takes a quarter of a second and 64 MiB
    // on purpose, so hashing the same password for each of the ~30 demo users would delay the first
    // start by seconds. Sharing the encoded hash (same salt) only reveals that the passwords are
    // equal, which the README says anyway.
    const QString demoHash = PasswordHasher(m_cost).hash(kDemoPassword);
    if (demoHash.isEmpty()) {
        if (error)
            *error = tr("No se pudo proteger la contraseña de demostración.");
        return false;
    }
    Transaction tx(m_db);
    const SettingsStore settings(m_db);
    const DemoBranch &main = demo.branches.first();
    bool ok = settings.setValue(SettingsStore::CooperativeName, demo.cooperativeName)
              && settings.setValue(SettingsStore::CooperativeShortName, demo.cooperativeShort)
              && settings.setValue(SettingsStore::CooperativeRuc, demo.ruc)
              && settings.setValue(SettingsStore::CooperativeCity, main.city)
              && settings.setValue(SettingsStore::CooperativeAddress, main.address)
              && settings.setValue(SettingsStore::CooperativePhone, main.phone);
    QString why;
    QHash<QString, qint64> branchIds;
    for (const DemoBranch &b : demo.branches) {
        if (!ok)
            break;
        const qint64 id = directory.addBranch(
            {0, b.code, b.name, b.city, b.address, b.phone, b.latitude, b.longitude, true}, &why);
        ok = id > 0;
        branchIds.insert(b.code, id);
    }
    // The pooled user first, so the collections officers can point at it.
    qint64 poolId = 0;
    for (const DemoStaff &s : demo.staff) {
        if (!ok || !s.pooled)
            continue;
        poolId = directory.addStaff({0, s.username, s.fullName, s.initials, s.role, branchIds.value(s.branchCode),
                                     true, 0, true},
                                    &why);
        ok = poolId > 0;
    }
    for (const DemoStaff &s : demo.staff) {
        if (!ok || s.pooled)
            continue;
        const qint64 pool = s.role == Role::OficialCobranzas ? poolId : 0;
        ok = directory.addStaff({0, s.username, s.fullName, s.initials, s.role, branchIds.value(s.branchCode), false,
                                 pool, true},
                                &why) > 0;
    }
    if (ok) {
        // The pooled user never signs in, so it keeps no password.
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE staff SET password_hash = ? WHERE pooled = 0"));
        q.addBindValue(demoHash);
        ok = q.exec();
        if (!ok)
            why = q.lastError().text();
    }
    if (!ok || !tx.commit()) {
        if (error)
            *error = tr("No se pudieron crear los datos de demostración: %1").arg(why);
        return false;
    }
    return true;
}

ImportResult DemoSeeder::importPortfolio(const Session &session, qint64 credits, quint64 seed, QDate cutOff,
                                         bool replace, const ImportProgress &progress, const Clock *clock) const
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/cobranza-demo-XXXXXX.csv"));
    ImportResult failed;
    if (!file.open()) {
        failed.messages.append({ImportMessage::Severity::Error, 0, QString(),
                                tr("no se pudo crear un archivo temporal: %1").arg(file.errorString()), QString()});
        failed.errorCount = 1;
        return failed;
    }
    PortfolioGenerator generator({credits, seed, cutOff});
    if (!generator.write(&file) || !file.flush()) {
        failed.messages.append({ImportMessage::Severity::Error, 0, QString(), generator.errorString(), QString()});
        failed.errorCount = 1;
        return failed;
    }
    file.close();
    ImportOptions options;
    options.filePath = file.fileName();
    options.replace = replace;
    PortfolioImporter importer(m_db, session, PermissionTable::defaults(), RulesStore(m_db).ratingScales());
    if (clock)
        importer.setClock(*clock);
    ImportResult result = importer.run(options, progress);
    return result;
}

bool DemoSeeder::seedAll(const DemoSeedOptions &options, QString *error, const ImportProgress &progress) const
{
    if (!seedDirectory(error))
        return false;
    const auto admin = DirectoryStore(m_db).sessionFor(QStringLiteral("admin"));
    if (!admin) {
        if (error)
            *error = tr("Falta el usuario admin de la demostración.");
        return false;
    }
    const QDate yesterday = options.today.addDays(-1);
    if (options.simulateActivity) {
        const QDate from = options.activityFrom.isValid()
            ? options.activityFrom
            : QDate(options.today.year(), options.today.month(), 1).addMonths(-1);
        // The import's own progress would restart at every morning's report: the days tell it.
        const auto days = [&progress](int done, int total) {
            if (progress)
                progress(done, total, 0);
        };
        return simulateActivity(*admin, options.credits, options.seed, from, yesterday, error, days);
    }
    const QDate monthEnd = QDate(options.today.year(), options.today.month(), 1).addDays(-1);
    QList<QDate> cutOffs{monthEnd};
    if (yesterday != monthEnd)
        cutOffs.append(yesterday);
    for (const QDate &cutOff : cutOffs) {
        const ImportResult r = importPortfolio(*admin, options.credits, options.seed, cutOff, false, progress);
        if (!r.accepted()) {
            if (error)
                *error = r.messages.isEmpty() ? r.summary() : r.messages.first().format(r.fileName);
            return false;
        }
    }
    return true;
}

bool DemoSeeder::simulateActivity(const Session &session, qint64 credits, quint64 seed, QDate from, QDate lastDay,
                                  QString *error, const std::function<void(int, int)> &progress) const
{
    if (!from.isValid() || !lastDay.isValid() || from > lastDay)
        return true;
    DemoActivityHooks hooks;
    hooks.progress = progress;
    hooks.importSnapshot = [&](QDate cutOff, const Clock &clock, QString *why) {
        const ImportResult r = importPortfolio(session, credits, seed, cutOff, false, {}, &clock);
        if (!r.accepted() && why)
            *why = r.messages.isEmpty() ? r.summary() : r.messages.first().format(r.fileName);
        return r.accepted();
    };
    DemoActivity activity(m_db, seed, hooks);
    if (!activity.simulate(from, lastDay, error))
        return false;
    // The report the staff find on the morning after the last simulated day.
    QSqlQuery have = runQuery(m_db, QStringLiteral("SELECT 1 FROM snapshots WHERE cut_off = ?"),
                              {lastDay.toString(Qt::ISODate)});
    if (have.next())
        return true;
    QString why;
    const FixedClock nextMorning(QDateTime(lastDay.addDays(1), QTime(7, 30)));
    if (!hooks.importSnapshot(lastDay, nextMorning, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

QDate DemoSeeder::workingDaysBack(QDate lastDay, int days) const
{
    if (!lastDay.isValid() || days <= 0)
        return {};
    const WorkingCalendar calendar = RulesStore(m_db).calendar(lastDay.year() - 1, lastDay.year() + 1);
    QDate from = calendar.isWorkingDay(lastDay) ? lastDay : calendar.previousWorkingDay(lastDay);
    for (int n = 1; n < days; ++n)
        from = calendar.previousWorkingDay(from);
    return from;
}

} // namespace cobranza
