#pragma once

#include "services/settingsservice.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cobranza {

// «Cooperativa»: the name, RUC, city, address, phone and logo that head every printed document.
class CooperativePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CooperativePage)

public:
    explicit CooperativePage(QWidget *parent = nullptr);

    void load(const CooperativeProfile &profile);
    CooperativeProfile value() const;
    bool isModified() const { return value() != m_loaded; }
    void setReadOnly(bool readOnly);
    // Reads an image file, scaled down to letterhead size and kept as PNG; false if unreadable.
    bool setLogoFromFile(const QString &path);

private:
    void chooseLogo();
    void showLogo();

    CooperativeProfile m_loaded;
    QByteArray m_logo;
    QLineEdit *m_name;
    QLineEdit *m_shortName;
    QLineEdit *m_ruc;
    QLineEdit *m_city;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QLabel *m_logoPreview;
    QPushButton *m_chooseLogo;
    QPushButton *m_removeLogo;
    QLineEdit *m_templateDir;
    QPushButton *m_chooseTemplateDir;
    QSpinBox *m_maxFailed;
    QSpinBox *m_lockout;
    QSpinBox *m_minVisitsAdvisor;
    QSpinBox *m_minVisitsOfficer;
};

} // namespace cobranza
