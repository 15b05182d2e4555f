#pragma once

#include <QString>
#include <optional>

namespace cobranza {

class Database;

// The cooperative's shared settings (name, RUC, city, windows, …), stored in the database so that
// every workstation of the branch sees the same.
class SettingsStore final
{
public:
    explicit SettingsStore(const Database &db) : m_db(db) {}
    std::optional<QString> value(const QString &key) const;
    QString value(const QString &key, const QString &fallback) const { return value(key).value_or(fallback); }
    bool setValue(const QString &key, const QString &value) const;

    // Keys in one place so a typo is a compile error.
    static inline const QString CooperativeName = QStringLiteral("cooperative/name");
    static inline const QString CooperativeShortName = QStringLiteral("cooperative/short_name");
    static inline const QString CooperativeRuc = QStringLiteral("cooperative/ruc");
    static inline const QString CooperativeCity = QStringLiteral("cooperative/city");
    static inline const QString CooperativeAddress = QStringLiteral("cooperative/address");
    static inline const QString CooperativePhone = QStringLiteral("cooperative/phone");
    static inline const QString CooperativeLogo = QStringLiteral("cooperative/logo"); // PNG, base64
    // Sign-in lockout: this many failures in a row lock the user for that many minutes.
    static inline const QString SecurityMaxFailedLogins = QStringLiteral("security/max_failed_logins");
    static inline const QString SecurityLockoutMinutes = QStringLiteral("security/lockout_minutes");
    // The fewest visits an advisor / a collections officer may have booked for a working day (E09).
    static inline const QString SupervisionMinVisits = QStringLiteral("supervision/min_visits");
    static inline const QString SupervisionMinVisitsOfficer = QStringLiteral("supervision/min_visits_officer");
    // A folder whose F1TG.txt, F2TG.txt, … replace the shipped notice wording.
    static inline const QString NoticeTemplateDir = QStringLiteral("cooperative/notice_template_dir");

private:
    const Database &m_db;
};

} // namespace cobranza
