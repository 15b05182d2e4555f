#pragma once

#include "ladder.h"
#include "permissions.h"
#include "portfolio/portfoliotypes.h"
#include "ratingroles.h"
#include "ratingscale.h"
#include "session.h"
#include "timewindows.h"
#include "workingcalendar.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

class Database;

// The cooperative as its printed documents name it.
struct CooperativeProfile
{
    QString name;
    QString shortName;
    QString ruc;
    QString city;
    QString address;
    QString phone;
    QByteArray logoPng; // empty: no logo
    QString noticeTemplateDir; // the cooperative's own notice wording; empty: the shipped one
    int maxFailedLogins = 5;   // failed sign-ins in a row that lock a user…
    int lockoutMinutes = 15;   // …for this long
    int minVisitsAdvisor = 6;  // fewer visits booked for a working day is error E09; 0: not judged
    int minVisitsOfficer = 4;  // the same for collections officers, whose C–E visits take longer
    bool operator==(const CooperativeProfile &) const = default;
};

// Everything the settings dialog may change at once; what is unset stays as stored.
struct SettingsChanges
{
    std::optional<CooperativeProfile> profile;
    QList<Branch> branches; // new (id 0) or edited
    std::optional<TimeWindows> timeWindows;
    std::optional<RatingRoles> ratingRoles;
    std::optional<RatingScales> ratingScales;
    std::optional<CollectionsLadder> collectionsLadder;
    std::optional<QList<Holiday>> holidays;
    bool resetTimeWindows = false; // a reset wins over a value of the same rule
    bool resetRatingRoles = false;
    bool resetRatingScales = false;
    bool resetCollectionsLadder = false;
    bool resetHolidays = false;
};

// Reads and changes the cooperative's shared settings (profile, branches, rules) for the acting
// user: every change is checked against Permission::EditSettings and validated before it is stored.
class SettingsService final
{
public:
    // The rules that have defaults in core; resetting one deletes its rows so the defaults apply.
    enum class Rule { TimeWindows, RatingRoles, RatingScales, CollectionsLadder, Holidays };
    // What a change is about, so a caller can say where the problem is.
    enum class Part { Profile, Branches, TimeWindows, RatingRoles, RatingScales, CollectionsLadder, Holidays };

    SettingsService(const Database &db, Session session, PermissionTable permissions);

    // nullopt when the session may change settings; otherwise the Spanish refusal.
    std::optional<QString> editRefusal() const;

    CooperativeProfile profile() const;
    QList<Branch> branches() const;
    TimeWindows timeWindows() const;
    RatingRoles ratingRoles() const;
    RatingScales ratingScales() const;
    CollectionsLadder collectionsLadder() const;
    QList<Holiday> configuredHolidays() const;

    bool saveProfile(const CooperativeProfile &profile, QString *error) const;
    bool saveBranch(const Branch &branch, QString *error) const; // inserts when id == 0
    bool saveTimeWindows(const TimeWindows &windows, QString *error) const;
    bool saveRatingRoles(const RatingRoles &roles, QString *error) const;
    bool saveRatingScales(const RatingScales &scales, QString *error) const;
    bool saveCollectionsLadder(const CollectionsLadder &ladder, QString *error) const;
    bool saveHolidays(const QList<Holiday> &holidays, QString *error) const;
    bool resetToDefaults(Rule rule, QString *error) const;

    // Validates every part first and writes only when all are valid; `failedPart` names the part
    // at fault (left unset for a refusal).
    bool saveChanges(const SettingsChanges &changes, QString *error, std::optional<Part> *failedPart = nullptr) const;

    // Spanish description of the problem; empty when the value may be stored.
    static QString validateProfile(const CooperativeProfile &profile);
    QString validateBranch(const Branch &branch) const; // includes the uniqueness of the code

private:
    bool allowed(QString *error) const;
    bool writeProfile(const CooperativeProfile &profile) const;
    bool writeBranch(const Branch &branch, QString *error) const;
    bool deleteRule(Rule rule) const;

    bool auditChanges(const SettingsChanges &c) const;

    const Database &m_db;
    Session m_session;
    PermissionTable m_permissions;
};

// The branch as it should be stored: fields trimmed, code upper-cased.
Branch normalizedBranch(Branch branch);

} // namespace cobranza
