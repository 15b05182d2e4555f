#include "userservice.h"

#include "audit/auditlog.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::UserService", s); }

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

const QString &kMaxFailed = SettingsStore::SecurityMaxFailedLogins;
const QString &kLockout = SettingsStore::SecurityLockoutMinutes;

// The stored state login needs, beyond the directory's view of a user.
struct Credentials
{
    qint64 id = 0;
    QString hash;
    int failed = 0;
    QDateTime lockedUntil;
};

std::optional<Credentials> credentialsOf(const Database &db, const QString &username)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id, password_hash, failed_logins, locked_until FROM staff WHERE username = ?"));
    q.addBindValue(username);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Credentials{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                       QDateTime::fromString(q.value(3).toString(), Qt::ISODate)};
}

bool exec(const Database &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

Session sessionOf(const StaffMember &s, const QString &branchCode)
{
    return {s.id, s.username, s.fullName, s.initials, s.role, s.branchId, branchCode};
}

} // namespace

LoginPolicy LoginPolicy::load(const Database &db)
{
    const SettingsStore settings(db);
    LoginPolicy p;
    if (const auto v = settings.value(kMaxFailed); v && v->toInt() > 0)
        p.maxFailedLogins = v->toInt();
    if (const auto v = settings.value(kLockout); v && v->toInt() > 0)
        p.lockoutMinutes = v->toInt();
    return p;
}

Authenticator::Authenticator(const Database &db, const Clock &clock, PasswordHasher::Cost cost)
    : m_db(db), m_clock(clock), m_hasher(cost)
{
}

bool Authenticator::hasUsers() const
{
    QSqlQuery q(m_db.connection());
    return q.exec(QStringLiteral("SELECT 1 FROM staff WHERE password_hash IS NOT NULL AND active = 1 LIMIT 1"))
           && q.next();
}

LoginOutcome Authenticator::login(const QString &branchCode, const QString &username, const QString &password) const
{
    const DirectoryStore directory(m_db);
    const AuditLog audit(m_db, m_clock);
    const QString wrong = tr("Usuario o contraseña incorrectos.");
    const auto member = directory.staffByUsername(username.trimmed());
    const auto credentials = credentialsOf(m_db, username.trimmed());
    if (!member || !credentials || credentials->hash.isEmpty()) {
        audit.record({}, QStringLiteral("LOGIN_FAILED"), QStringLiteral("staff"), username.trimmed(), {},
                     tr("usuario inexistente o sin contraseña"));
        return {false, {}, wrong};
    }
    const Session who = sessionOf(*member, {});
    if (!member->active) {
        audit.record(who, QStringLiteral("LOGIN_FAILED"), QStringLiteral("staff"), member->username, {},
                     tr("usuario desactivado"));
        return {false, {}, tr("El usuario %1 está desactivado; consulte con Sistemas.").arg(member->username)};
    }
    const QDateTime now = m_clock.now();
    if (credentials->lockedUntil.isValid() && credentials->lockedUntil > now) {
        audit.record(who, QStringLiteral("LOGIN_FAILED"), QStringLiteral("staff"), member->username, {},
                     tr("usuario bloqueado"));
        return {false, {}, tr("El usuario %1 está bloqueado por intentos fallidos hasta las %2.")
                               .arg(member->username, credentials->lockedUntil.toString(QStringLiteral("HH:mm")))};
    }
    // The branch: one's own, or any for head-office roles.
    QString branch = branchCode.trimmed().toUpper();
    const auto ownBranch = directory.branch(member->branchId);
    if (!worksAllBranches(member->role)) {
        if (ownBranch && !branch.isEmpty() && branch != ownBranch->code) {
            audit.record(who, QStringLiteral("LOGIN_FAILED"), QStringLiteral("staff"), member->username, {},
                         tr("agencia %1 ajena").arg(branch));
            return {false, {}, tr("%1 pertenece a la agencia %2, no a %3.")
                                   .arg(member->fullName, ownBranch->name, branch)};
        }
        branch = ownBranch ? ownBranch->code : QString();
    } else if (!branch.isEmpty() && !directory.branchByCode(branch)) {
        return {false, {}, tr("La agencia %1 no existe.").arg(branch)};
    }

    if (!PasswordHasher::verify(credentials->hash, password)) {
        const LoginPolicy policy = LoginPolicy::load(m_db);
        const int failed = credentials->failed + 1;
        Transaction tx(m_db);
        if (failed >= policy.maxFailedLogins) {
            const QDateTime until = now.addSecs(60LL * policy.lockoutMinutes);
            exec(m_db, QStringLiteral("UPDATE staff SET failed_logins = 0, locked_until = ? WHERE id = ?"),
                 {until.toString(Qt::ISODate), member->id});
            audit.record(who, QStringLiteral("LOGIN_FAILED"), QStringLiteral("staff"), member->username, {},
                         tr("contraseña incorrecta (intento %1)").arg(failed));
            audit.record(who, QStringLiteral("LOCKED"), QStringLiteral("staff"), member->username, {},
                         tr("bloqueado hasta %1").arg(until.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            tx.commit();
            return {false, {}, tr("Demasiados intentos fallidos: el usuario %1 queda bloqueado %2 minutos.")
                                   .arg(member->username)
                                   .arg(policy.lockoutMinutes)};
        }
        exec(m_db, QStringLiteral("UPDATE staff SET failed_logins = ? WHERE id = ?"), {failed, member->id});
        audit.record(who, QStringLiteral("LOGIN_FAILED"), QStringLiteral("staff"), member->username, {},
                     tr("contraseña incorrecta (intento %1)").arg(failed));
        tx.commit();
        return {false, {}, wrong};
    }
    Session session = sessionOf(*member, branch);
    if (const auto b = directory.branchByCode(branch))
        session.branchId = b->id;
    Transaction tx(m_db);
    exec(m_db, QStringLiteral("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?"), {member->id});
    audit.record(session, QStringLiteral("LOGIN"), QStringLiteral("staff"), member->username, {}, branch);
    tx.commit();
    return {true, session, {}};
}

LoginOutcome Authenticator::createAdministrator(const QString &username, const QString &fullName,
                                                const QString &password) const
{
    if (hasUsers())
        return {false, {}, tr("Ya hay usuarios; el administrador crea los demás desde Administración.")};
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9._-]{2,31}$"));
    if (!valid.match(username).hasMatch())
        return {false, {}, tr("El nombre de usuario debe tener de 3 a 32 letras minúsculas, números, «.», «_» o «-», "
                              "y empezar con una letra.")};
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return {false, {}, problem};
    const QString hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return {false, {}, tr("No se pudo proteger la contraseña.")};
    const DirectoryStore directory(m_db);
    Transaction tx(m_db);
    QString error;
    qint64 id = 0;
    if (const auto existing = directory.staffByUsername(username)) {
        id = existing->id; // an administrator row without a password (e.g. imported directory)
    } else {
        StaffMember admin;
        admin.username = username;
        admin.fullName = fullName.trimmed().isEmpty() ? tr("ADMINISTRADOR DEL SISTEMA") : fullName.trimmed().toUpper();
        admin.initials = QStringLiteral("ADM");
        admin.role = Role::Sistemas;
        id = directory.addStaff(admin, &error);
    }
    if (id == 0 || !exec(m_db, QStringLiteral("UPDATE staff SET password_hash = ?, role = 'SISTEMAS', active = 1 "
                                              "WHERE id = ?"),
                         {hash, id}))
        return {false, {}, tr("No se pudo crear el administrador: %1").arg(error)};
    const auto created = directory.staffByUsername(username);
    const Session session = sessionOf(*created, {});
    AuditLog(m_db, m_clock).record(session, QStringLiteral("USER_CREATED"), QStringLiteral("staff"), username, {},
                                   roleCode(Role::Sistemas));
    if (!tx.commit())
        return {false, {}, tr("No se pudo crear el administrador.")};
    return {true, session, {}};
}

UserService::UserService(const Database &db, Session session, PermissionTable permissions, const Clock &clock,
                         PasswordHasher::Cost cost)
    : m_db(db), m_session(std::move(session)), m_permissions(std::move(permissions)), m_clock(clock), m_hasher(cost)
{
}

bool UserService::allowed(QString *error) const
{
    if (const auto why = refusal(m_permissions, m_session, Permission::ManageUsers))
        return fail(error, *why);
    return true;
}

QList<StaffMember> UserService::users() const
{
    return DirectoryStore(m_db).staff(true);
}

bool UserService::addUser(const NewUser &u, const QString &password, QString *error) const
{
    if (!allowed(error))
        return false;
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9._-]{2,31}$"));
    if (!valid.match(u.username).hasMatch())
        return fail(error, tr("El nombre de usuario «%1» no es válido: de 3 a 32 letras minúsculas, números, «.», «_» "
                              "o «-», empezando con una letra.")
                               .arg(u.username));
    if (u.fullName.trimmed().isEmpty())
        return fail(error, tr("Falta el nombre completo."));
    static const QRegularExpression initials(QStringLiteral("^[A-ZÁÉÍÓÚÑ]{2,5}$"));
    if (!initials.match(u.initials).hasMatch())
        return fail(error, tr("Las iniciales deben ser de 2 a 5 letras mayúsculas (por ejemplo EPS)."));
    const DirectoryStore directory(m_db);
    if (directory.staffByUsername(u.username))
        return fail(error, tr("Ya existe el usuario «%1».").arg(u.username));
    StaffMember s;
    s.username = u.username;
    s.fullName = u.fullName.trimmed().toUpper();
    s.initials = u.initials;
    s.role = u.role;
    if (!u.branchCode.isEmpty()) {
        const auto branch = directory.branchByCode(u.branchCode);
        if (!branch)
            return fail(error, tr("La agencia %1 no existe.").arg(u.branchCode));
        s.branchId = branch->id;
    } else if (!worksAllBranches(u.role)) {
        return fail(error, tr("Un %1 debe pertenecer a una agencia.").arg(roleLabel(u.role)));
    }
    if (!u.poolUsername.isEmpty()) {
        const auto pool = directory.staffByUsername(u.poolUsername);
        if (!pool || !pool->pooled)
            return fail(error, tr("«%1» no es un usuario compartido de cobranzas.").arg(u.poolUsername));
        s.poolId = pool->id;
    }
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return fail(error, problem);
    const QString hash = m_hasher.hash(password);
    Transaction tx(m_db);
    QString why;
    const qint64 id = directory.addStaff(s, &why);
    if (id == 0 || hash.isEmpty()
        || !exec(m_db, QStringLiteral("UPDATE staff SET password_hash = ? WHERE id = ?"), {hash, id})
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("USER_CREATED"), QStringLiteral("staff"), s.username, {},
                        QStringLiteral("%1 %2 %3").arg(roleCode(s.role), u.branchCode, s.fullName))
        || !tx.commit())
        return fail(error, tr("No se pudo crear el usuario: %1").arg(why));
    return true;
}

bool UserService::disableUser(const QString &username, QString *error) const
{
    if (!allowed(error))
        return false;
    const auto s = DirectoryStore(m_db).staffByUsername(username);
    if (!s)
        return fail(error, tr("No existe el usuario «%1».").arg(username));
    if (s->id == m_session.staffId)
        return fail(error, tr("No puede desactivar su propio usuario."));
    Transaction tx(m_db);
    if (!exec(m_db, QStringLiteral("UPDATE staff SET active = 0 WHERE id = ?"), {s->id})
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("USER_DISABLED"), QStringLiteral("staff"), username,
                        QStringLiteral("activo"), QStringLiteral("desactivado"))
        || !tx.commit())
        return fail(error, tr("No se pudo desactivar el usuario."));
    return true;
}

bool UserService::enableUser(const QString &username, QString *error) const
{
    if (!allowed(error))
        return false;
    const auto s = DirectoryStore(m_db).staffByUsername(username);
    if (!s)
        return fail(error, tr("No existe el usuario «%1».").arg(username));
    Transaction tx(m_db);
    if (!exec(m_db, QStringLiteral("UPDATE staff SET active = 1, failed_logins = 0, locked_until = NULL WHERE id = ?"),
              {s->id})
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("USER_ENABLED"), QStringLiteral("staff"), username,
                        QStringLiteral("desactivado"), QStringLiteral("activo"))
        || !tx.commit())
        return fail(error, tr("No se pudo activar el usuario."));
    return true;
}

bool UserService::resetPassword(const QString &username, const QString &newPassword, QString *error) const
{
    if (!allowed(error))
        return false;
    const auto s = DirectoryStore(m_db).staffByUsername(username);
    if (!s)
        return fail(error, tr("No existe el usuario «%1».").arg(username));
    if (s->pooled)
        return fail(error, tr("El usuario compartido «%1» no inicia sesión; no tiene contraseña.").arg(username));
    if (const QString problem = passwordProblem(newPassword); !problem.isEmpty())
        return fail(error, problem);
    const QString hash = m_hasher.hash(newPassword);
    Transaction tx(m_db);
    if (hash.isEmpty()
        || !exec(m_db, QStringLiteral("UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = NULL "
                                      "WHERE id = ?"),
                 {hash, s->id})
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("PASSWORD_RESET"), QStringLiteral("staff"), username)
        || !tx.commit())
        return fail(error, tr("No se pudo cambiar la contraseña."));
    return true;
}

bool UserService::changeOwnPassword(const QString &current, const QString &newPassword, QString *error) const
{
    const auto credentials = credentialsOf(m_db, m_session.username);
    if (!credentials || !PasswordHasher::verify(credentials->hash, current))
        return fail(error, tr("La contraseña actual no es correcta."));
    if (current == newPassword)
        return fail(error, tr("La nueva contraseña debe ser distinta de la actual."));
    if (const QString problem = passwordProblem(newPassword); !problem.isEmpty())
        return fail(error, problem);
    const QString hash = m_hasher.hash(newPassword);
    Transaction tx(m_db);
    if (hash.isEmpty()
        || !exec(m_db, QStringLiteral("UPDATE staff SET password_hash = ? WHERE id = ?"), {hash, credentials->id})
        || !AuditLog(m_db, m_clock)
                .record(m_session, QStringLiteral("PASSWORD_CHANGED"), QStringLiteral("staff"), m_session.username)
        || !tx.commit())
        return fail(error, tr("No se pudo cambiar la contraseña."));
    return true;
}

} // namespace cobranza
