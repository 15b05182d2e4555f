#include "settingsservice.h"

#include "geography.h"

#include "audit/auditlog.h"
#include "auth/userservice.h"
#include "clock.h"

#include "identity.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"
#include "store/settingsstore.h"
#include "supervision/errorrules.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::SettingsService", s); }

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Trimmed and never null: the columns are NOT NULL and a null QString binds as NULL.
QString clean(const QString &s) { return s.isNull() ? QStringLiteral("") : s.trimmed(); }

constexpr qsizetype kMaxLogoBytes = 1024 * 1024; // a letterhead logo; the row is read on every print


QString rucProblem(const QString &ruc)
{
    static const QRegularExpression thirteenDigits(QStringLiteral("^\\d{13}$"));
    if (ruc.isEmpty())
        return tr("Falta el RUC de la cooperativa.");
    if (!thirteenDigits.match(ruc).hasMatch())
        return tr("El RUC de la cooperativa debe tener 13 dígitos, sin espacios ni guiones.");
    const IdentityCheck check = checkIdentity(ruc);
    if (check == IdentityCheck::ValidRuc)
        return {};
    // The tax authority has issued company and public-entity RUCs that fail the check digit
    // (formats/cartera.md): refusing them would lock such a cooperative out of its own settings.
    const QChar third = ruc.at(2);
    if (check == IdentityCheck::BadCheckDigit && (third == u'6' || third == u'9'))
        return {};
    return tr("El RUC %1 no es válido: %2.").arg(ruc, identityProblem(check));
}

// RulesStore::saveHolidays checks the same as it saves; it is repeated here because a batch must
// know before its first write. Worth one shared function in core when RulesStore is next touched.
SettingsService::Part partOf(SettingsService::Rule rule)
{
    using R = SettingsService::Rule;
    using P = SettingsService::Part;
    switch (rule) {
    case R::TimeWindows: return P::TimeWindows;
    case R::RatingRoles: return P::RatingRoles;
    case R::RatingScales: return P::RatingScales;
    case R::CollectionsLadder: return P::CollectionsLadder;
    case R::Holidays: return P::Holidays;
    }
    return P::TimeWindows;
}

} // namespace

Branch normalizedBranch(Branch b)
{
    b.code = clean(b.code).toUpper();
    b.name = clean(b.name);
    b.city = clean(b.city);
    b.address = clean(b.address);
    b.phone = clean(b.phone);
    return b;
}

SettingsService::SettingsService(const Database &db, Session session, PermissionTable permissions)
    : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions))
{
}

std::optional<QString> SettingsService::editRefusal() const
{
    return refusal(m_permissions, m_session, Permission::EditSettings);
}

bool SettingsService::allowed(QString *error) const
{
    if (const auto refused = editRefusal())
        return fail(error, *refused);
    return true;
}

CooperativeProfile SettingsService::profile() const
{
    const SettingsStore s(m_db);
    const LoginPolicy lockout = LoginPolicy::load(m_db);
    const MinimumVisits minimumVisits = MinimumVisits::load(m_db);
    return {s.value(SettingsStore::CooperativeName, {}),    s.value(SettingsStore::CooperativeShortName, {}),
            s.value(SettingsStore::CooperativeRuc, {}),     s.value(SettingsStore::CooperativeCity, {}),
            s.value(SettingsStore::CooperativeAddress, {}), s.value(SettingsStore::CooperativePhone, {}),
            QByteArray::fromBase64(s.value(SettingsStore::CooperativeLogo, {}).toLatin1()),
            s.value(SettingsStore::NoticeTemplateDir, {}), lockout.maxFailedLogins, lockout.lockoutMinutes,
            minimumVisits.advisor, minimumVisits.officer};
}

QList<Branch> SettingsService::branches() const { return DirectoryStore(m_db).branches(); }
TimeWindows SettingsService::timeWindows() const { return RulesStore(m_db).timeWindows(); }
RatingRoles SettingsService::ratingRoles() const { return RulesStore(m_db).ratingRoles(); }
RatingScales SettingsService::ratingScales() const { return RulesStore(m_db).ratingScales(); }
CollectionsLadder SettingsService::collectionsLadder() const { return RulesStore(m_db).collectionsLadder(); }
QList<Holiday> SettingsService::configuredHolidays() const { return RulesStore(m_db).configuredHolidays(); }

QString SettingsService::validateProfile(const CooperativeProfile &p)
{
    if (p.name.trimmed().isEmpty())
        return tr("Falta el nombre de la cooperativa.");
    if (const QString problem = rucProblem(p.ruc.trimmed()); !problem.isEmpty())
        return problem;
    if (p.city.trimmed().isEmpty())
        return tr("Falta la ciudad de la cooperativa.");
    if (!p.logoPng.isEmpty()) {
        if (!p.logoPng.startsWith(QByteArray::fromRawData("\x89PNG\r\n\x1a\n", 8)))
            return tr("El logo debe ser una imagen PNG.");
        if (p.logoPng.size() > kMaxLogoBytes)
            return tr("El logo ocupa %1 KB; el máximo es %2 KB.").arg(p.logoPng.size() / 1024).arg(kMaxLogoBytes / 1024);
    }
    if (p.maxFailedLogins < 1 || p.maxFailedLogins > 20)
        return tr("Los intentos fallidos antes de bloquear deben ser de 1 a 20.");
    if (p.lockoutMinutes < 1 || p.lockoutMinutes > 1440)
        return tr("El bloqueo debe durar de 1 a 1440 minutos.");
    if (p.minVisitsAdvisor < 0 || p.minVisitsAdvisor > 60 || p.minVisitsOfficer < 0 || p.minVisitsOfficer > 60)
        return tr("El mínimo de visitas por día debe ser de 0 a 60 (0: no se revisa).");
    if (!p.noticeTemplateDir.trimmed().isEmpty() && !QFileInfo(p.noticeTemplateDir.trimmed()).isDir())
        return tr("La carpeta de plantillas «%1» no existe.").arg(p.noticeTemplateDir.trimmed());
    return {};
}

QString SettingsService::validateBranch(const Branch &branch) const
{
    static const QRegularExpression codeShape(QStringLiteral("^[A-Z0-9]{2,6}$"));
    const Branch b = normalizedBranch(branch);
    if (b.code.isEmpty())
        return tr("Falta el código de la agencia.");
    if (!codeShape.match(b.code).hasMatch())
        return tr("El código de agencia «%1» debe tener de 2 a 6 letras o dígitos, sin espacios ni tildes.").arg(b.code);
    if (b.name.isEmpty())
        return tr("Falta el nombre de la agencia %1.").arg(b.code);
    if (const auto other = DirectoryStore(m_db).branchByCode(b.code); other && other->id != b.id)
        return tr("Ya existe otra agencia con el código %1 (%2).").arg(other->code, other->name);
    if (b.latitude.has_value() != b.longitude.has_value())
        return tr("Indique la latitud y la longitud de la agencia %1, o ninguna de las dos.").arg(b.code);
    if (b.latitude && !insideEcuador(*b.latitude, *b.longitude))
        return tr("Las coordenadas de la agencia %1 quedan fuera del Ecuador.").arg(b.code);
    return {};
}

bool SettingsService::writeProfile(const CooperativeProfile &p) const
{
    const SettingsStore s(m_db);
    return s.setValue(SettingsStore::CooperativeName, clean(p.name))
           && s.setValue(SettingsStore::CooperativeShortName, clean(p.shortName))
           && s.setValue(SettingsStore::CooperativeRuc, clean(p.ruc))
           && s.setValue(SettingsStore::CooperativeCity, clean(p.city))
           && s.setValue(SettingsStore::CooperativeAddress, clean(p.address))
           && s.setValue(SettingsStore::CooperativePhone, clean(p.phone))
           && s.setValue(SettingsStore::CooperativeLogo, clean(QString::fromLatin1(p.logoPng.toBase64())))
           && s.setValue(SettingsStore::NoticeTemplateDir, clean(p.noticeTemplateDir))
           && s.setValue(SettingsStore::SecurityMaxFailedLogins, QString::number(p.maxFailedLogins))
           && s.setValue(SettingsStore::SecurityLockoutMinutes, QString::number(p.lockoutMinutes))
           && s.setValue(SettingsStore::SupervisionMinVisits, QString::number(p.minVisitsAdvisor))
           && s.setValue(SettingsStore::SupervisionMinVisitsOfficer, QString::number(p.minVisitsOfficer));
}

bool SettingsService::writeBranch(const Branch &branch, QString *error) const
{
    const Branch b = normalizedBranch(branch);
    const DirectoryStore directory(m_db);
    QString why;
    const bool ok = b.id == 0 ? directory.addBranch(b, &why) > 0 : directory.updateBranch(b, &why);
    return ok || fail(error, tr("No se pudo guardar la agencia %1: %2").arg(b.code, why));
}

bool SettingsService::deleteRule(Rule rule) const
{
    QSqlQuery q(m_db.connection());
    switch (rule) {
    case Rule::TimeWindows:
        // The keys RulesStore writes the windows under; the reset test fails if they drift apart.
        return q.exec(QStringLiteral("DELETE FROM settings WHERE key LIKE 'windows/%' "
                                     "OR key IN ('rules/due_soon_days', 'rules/max_reschedule_days')"));
    case Rule::RatingRoles: return q.exec(QStringLiteral("DELETE FROM rating_roles"));
    case Rule::RatingScales: return q.exec(QStringLiteral("DELETE FROM rating_scale_versions")); // cascades
    case Rule::CollectionsLadder: return q.exec(QStringLiteral("DELETE FROM ladder_stages"));
    case Rule::Holidays: return q.exec(QStringLiteral("DELETE FROM holidays"));
    }
    return false;
}

bool SettingsService::saveProfile(const CooperativeProfile &profile, QString *error) const
{
    SettingsChanges c;
    c.profile = profile;
    return saveChanges(c, error);
}

bool SettingsService::saveBranch(const Branch &branch, QString *error) const
{
    SettingsChanges c;
    c.branches = {branch};
    return saveChanges(c, error);
}

bool SettingsService::saveTimeWindows(const TimeWindows &windows, QString *error) const
{
    SettingsChanges c;
    c.timeWindows = windows;
    return saveChanges(c, error);
}

bool SettingsService::saveRatingRoles(const RatingRoles &roles, QString *error) const
{
    SettingsChanges c;
    c.ratingRoles = roles;
    return saveChanges(c, error);
}

bool SettingsService::saveRatingScales(const RatingScales &scales, QString *error) const
{
    SettingsChanges c;
    c.ratingScales = scales;
    return saveChanges(c, error);
}

bool SettingsService::saveCollectionsLadder(const CollectionsLadder &ladder, QString *error) const
{
    SettingsChanges c;
    c.collectionsLadder = ladder;
    return saveChanges(c, error);
}

bool SettingsService::saveHolidays(const QList<Holiday> &holidays, QString *error) const
{
    SettingsChanges c;
    c.holidays = holidays;
    return saveChanges(c, error);
}

bool SettingsService::resetToDefaults(Rule rule, QString *error) const
{
    SettingsChanges c;
    c.resetTimeWindows = rule == Rule::TimeWindows;
    c.resetRatingRoles = rule == Rule::RatingRoles;
    c.resetRatingScales = rule == Rule::RatingScales;
    c.resetCollectionsLadder = rule == Rule::CollectionsLadder;
    c.resetHolidays = rule == Rule::Holidays;
    return saveChanges(c, error);
}

bool SettingsService::auditChanges(const SettingsChanges &c) const
{
    // One entry per changed part, old and new as a person reads them, in the save's transaction.
    const SystemClock clock;
    const AuditLog audit(m_db, clock);
    const QString action = QStringLiteral("SETTINGS_CHANGED");
    const QString type = QStringLiteral("settings");
    const QString defaults = tr("valores por defecto");
    bool ok = true;
    if (c.profile) {
        const CooperativeProfile before = profile();
        const auto text = [](const CooperativeProfile &p) {
            return QStringLiteral("%1 | %2 | RUC %3 | %4 | %5 | %6")
                .arg(p.name, p.shortName, p.ruc, p.city, p.address, p.phone);
        };
        ok = ok && audit.record(m_session, action, type, QStringLiteral("cooperativa"), text(before), text(*c.profile));
    }
    for (const Branch &b : c.branches) {
        const auto before = b.id ? DirectoryStore(m_db).branch(b.id) : std::nullopt;
        const auto text = [](const Branch &x) { return QStringLiteral("%1 %2, %3").arg(x.code, x.name, x.city); };
        ok = ok && audit.record(m_session, action, QStringLiteral("branch"), normalizedBranch(b).code,
                                before ? text(*before) : QString(), text(normalizedBranch(b)));
    }
    const auto rule = [&](bool reset, bool changed, const QString &id, const QString &before, const QString &after) {
        if (reset)
            ok = ok && audit.record(m_session, action, type, id, before, defaults);
        else if (changed)
            ok = ok && audit.record(m_session, action, type, id, before, after);
    };
    const auto windowsText = [](const TimeWindows &w) {
        return QStringLiteral("agendar hasta %1; coordinadores %2–%3; impresión %4–%5; recordatorios hasta %6; "
                              "resultados hasta %7; por vencer %8 días; reagendar máx. %9 días")
            .arg(w.bookingUntil.toString(QStringLiteral("HH:mm")), w.coordinatorFrom.toString(QStringLiteral("HH:mm")),
                 w.coordinatorUntil.toString(QStringLiteral("HH:mm")), w.printingFrom.toString(QStringLiteral("HH:mm")),
                 w.printingUntil.toString(QStringLiteral("HH:mm")), w.remindersUntil.toString(QStringLiteral("HH:mm")),
                 w.resultsDue.toString(QStringLiteral("HH:mm")))
            .arg(w.dueSoonDays)
            .arg(w.maxRescheduleDays);
    };
    const auto rolesText = [](const RatingRoles &r) {
        QStringList parts;
        for (Rating x : kAllRatings)
            parts << ratingCode(x) + u'=' + roleCode(r.responsibleFor(x));
        return parts.join(u' ');
    };
    const auto scalesText = [](const RatingScales &sc) {
        QStringList parts;
        for (const RatingScaleVersion &v : sc.versions()) {
            QStringList bands;
            for (const RatingBand &b : v.bands)
                bands << QStringLiteral("%1 %2-%3").arg(ratingCode(b.rating)).arg(b.minDays)
                             .arg(b.maxDays ? QString::number(*b.maxDays) : QStringLiteral("…"));
            parts << QStringLiteral("%1 desde %2: %3").arg(v.name, v.validFrom.toString(Qt::ISODate), bands.join(u','));
        }
        return parts.join(QStringLiteral(" | "));
    };
    const auto ladderText = [](const CollectionsLadder &l) {
        QStringList parts;
        for (const LadderStage &st : l.stages())
            parts << CollectionsLadder::rangeLabel(st) + (st.notice ? u' ' + noticeTypeCode(*st.notice) : QString());
        return parts.join(QStringLiteral("; "));
    };
    const auto holidaysText = [](const QList<Holiday> &hs) {
        QStringList parts;
        for (const Holiday &h : hs)
            parts << h.day.toString(Qt::ISODate);
        return parts.join(u' ');
    };
    const RulesStore rules(m_db);
    rule(c.resetTimeWindows, c.timeWindows.has_value(), QStringLiteral("horarios"), windowsText(rules.timeWindows()),
         c.timeWindows ? windowsText(*c.timeWindows) : QString());
    rule(c.resetRatingRoles, c.ratingRoles.has_value(), QStringLiteral("calificaciones"), rolesText(rules.ratingRoles()),
         c.ratingRoles ? rolesText(*c.ratingRoles) : QString());
    rule(c.resetRatingScales, c.ratingScales.has_value(), QStringLiteral("escalas"), scalesText(rules.ratingScales()),
         c.ratingScales ? scalesText(*c.ratingScales) : QString());
    rule(c.resetCollectionsLadder, c.collectionsLadder.has_value(), QStringLiteral("escalera"),
         ladderText(rules.collectionsLadder()), c.collectionsLadder ? ladderText(*c.collectionsLadder) : QString());
    rule(c.resetHolidays, c.holidays.has_value(), QStringLiteral("feriados"), holidaysText(rules.configuredHolidays()),
         c.holidays ? holidaysText(*c.holidays) : QString());
    return ok;
}

bool SettingsService::saveChanges(const SettingsChanges &c, QString *error, std::optional<Part> *failedPart) const
{
    if (!allowed(error))
        return false;
    const auto failAt = [&](Part part, const QString &message) {
        if (failedPart)
            *failedPart = part;
        return fail(error, message);
    };

    // Everything is validated before anything is written, so a mistake on one page leaves the
    // database as it was.
    if (c.profile)
        if (const QString problem = validateProfile(*c.profile); !problem.isEmpty())
            return failAt(Part::Profile, problem);
    QSet<QString> codes;
    for (const Branch &b : c.branches) {
        if (const QString problem = validateBranch(b); !problem.isEmpty())
            return failAt(Part::Branches, problem);
        const QString code = normalizedBranch(b).code;
        if (codes.contains(code))
            return failAt(Part::Branches, tr("Dos agencias tienen el código %1.").arg(code));
        codes.insert(code);
    }
    const bool saveWindows = c.timeWindows && !c.resetTimeWindows;
    const bool saveRoles = c.ratingRoles && !c.resetRatingRoles;
    const bool saveScales = c.ratingScales && !c.resetRatingScales;
    const bool saveLadder = c.collectionsLadder && !c.resetCollectionsLadder;
    const bool saveHolidayList = c.holidays && !c.resetHolidays;
    if (saveWindows)
        if (const QString problem = c.timeWindows->validate(); !problem.isEmpty())
            return failAt(Part::TimeWindows, problem);
    if (saveScales)
        if (const QString problem = c.ratingScales->validate(); !problem.isEmpty())
            return failAt(Part::RatingScales, problem);
    if (saveLadder)
        if (const QString problem = c.collectionsLadder->validate(); !problem.isEmpty())
            return failAt(Part::CollectionsLadder, problem);

    if (saveHolidayList)
        if (const QString problem = holidaysProblem(*c.holidays); !problem.isEmpty())
            return failAt(Part::Holidays, problem);

    // One transaction for the whole dialog: RulesStore's own transactions become savepoints inside
    // it, so a failure anywhere leaves every setting as it was.
    const bool anyReset = c.resetTimeWindows || c.resetRatingRoles || c.resetRatingScales
                          || c.resetCollectionsLadder || c.resetHolidays;
    QString why;
    Transaction tx(m_db);
    // Audited first, while the old values can still be read; the entries commit with the change.
    if (!auditChanges(c))
        return fail(error, tr("No se pudo registrar el cambio en la auditoría."));
    if (c.profile && !writeProfile(*c.profile))
        return failAt(Part::Profile, tr("No se pudieron guardar los datos de la cooperativa."));
    for (const Branch &b : c.branches)
        if (!writeBranch(b, &why))
            return failAt(Part::Branches, why);
    if (anyReset) {
        const std::pair<bool, Rule> resets[] = {{c.resetTimeWindows, Rule::TimeWindows},
                                                {c.resetRatingRoles, Rule::RatingRoles},
                                                {c.resetRatingScales, Rule::RatingScales},
                                                {c.resetCollectionsLadder, Rule::CollectionsLadder},
                                                {c.resetHolidays, Rule::Holidays}};
        for (const auto &[wanted, rule] : resets)
            if (wanted && !deleteRule(rule))
                return failAt(partOf(rule), tr("No se pudieron restablecer los valores por defecto."));
    }
    const RulesStore rules(m_db);
    if (saveHolidayList && !rules.saveHolidays(*c.holidays, &why))
        return failAt(Part::Holidays, why);
    if (saveWindows && !rules.saveTimeWindows(*c.timeWindows, &why))
        return failAt(Part::TimeWindows, why);
    if (saveRoles && !rules.saveRatingRoles(*c.ratingRoles, &why))
        return failAt(Part::RatingRoles, why);
    if (saveScales && !rules.saveRatingScales(*c.ratingScales, &why))
        return failAt(Part::RatingScales, why);
    if (saveLadder && !rules.saveCollectionsLadder(*c.collectionsLadder, &why))
        return failAt(Part::CollectionsLadder, why);
    if (!tx.commit())
        return fail(error, tr("No se pudo guardar la configuración."));
    return true;
}

} // namespace cobranza
