#include "cooperativepage.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cobranza {

namespace {
// Larger logos only make every printed page heavier; the letterhead shows it a few cm wide.
constexpr int kLogoMaxWidth = 800;
constexpr int kLogoMaxHeight = 400;
const QSize kPreviewSize(240, 96);
} // namespace

CooperativePage::CooperativePage(QWidget *parent)
    : QWidget(parent),
      m_name(new QLineEdit(this)),
      m_shortName(new QLineEdit(this)),
      m_ruc(new QLineEdit(this)),
      m_city(new QLineEdit(this)),
      m_address(new QLineEdit(this)),
      m_phone(new QLineEdit(this)),
      m_logoPreview(new QLabel(this)),
      m_chooseLogo(new QPushButton(tr("&Elegir logo…"), this)),
      m_removeLogo(new QPushButton(tr("&Quitar"), this)),
      m_templateDir(new QLineEdit(this)),
      m_chooseTemplateDir(new QPushButton(tr("Elegir &carpeta…"), this)),
      m_maxFailed(new QSpinBox(this)),
      m_lockout(new QSpinBox(this)),
      m_minVisitsAdvisor(new QSpinBox(this)),
      m_minVisitsOfficer(new QSpinBox(this))
{
    m_minVisitsAdvisor->setObjectName(QStringLiteral("minVisitsAdvisor"));
    m_minVisitsOfficer->setObjectName(QStringLiteral("minVisitsOfficer"));
    for (QSpinBox *spin : {m_minVisitsAdvisor, m_minVisitsOfficer}) {
        spin->setRange(0, 60);
        spin->setSpecialValueText(tr("no se revisa"));
    }
    m_minVisitsAdvisor->setToolTip(tr("Menos visitas agendadas para un día laborable es el error E09"));
    m_minVisitsOfficer->setToolTip(m_minVisitsAdvisor->toolTip());
    m_maxFailed->setObjectName(QStringLiteral("maxFailedLogins"));
    m_lockout->setObjectName(QStringLiteral("lockoutMinutes"));
    m_maxFailed->setRange(1, 20);
    m_maxFailed->setSuffix(tr(" intentos"));
    m_lockout->setRange(1, 1440);
    m_lockout->setSuffix(tr(" minutos"));
    m_templateDir->setObjectName(QStringLiteral("noticeTemplateDir"));
    m_templateDir->setPlaceholderText(tr("Vacío: el texto que trae el programa"));
    m_templateDir->setToolTip(tr("Una carpeta con F1TG.txt, F2TG.txt, … reemplaza la redacción de esas notificaciones"));
    m_name->setObjectName(QStringLiteral("cooperativeName"));
    m_ruc->setObjectName(QStringLiteral("cooperativeRuc"));
    m_city->setObjectName(QStringLiteral("cooperativeCity"));
    m_name->setPlaceholderText(tr("Cooperativa de Ahorro y Crédito …"));
    m_shortName->setPlaceholderText(tr("Como se la nombra en el día a día"));
    m_ruc->setPlaceholderText(tr("13 dígitos"));
    m_ruc->setMaxLength(13);
    m_ruc->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,13}")), m_ruc));
    m_phone->setPlaceholderText(tr("(02) 250-1234"));

    m_logoPreview->setFixedSize(kPreviewSize);
    m_logoPreview->setFrameShape(QFrame::StyledPanel);
    m_logoPreview->setAlignment(Qt::AlignCenter);
    auto *logoButtons = new QVBoxLayout;
    logoButtons->addWidget(m_chooseLogo);
    logoButtons->addWidget(m_removeLogo);
    logoButtons->addStretch();
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logoPreview);
    logoRow->addLayout(logoButtons);
    logoRow->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("&Nombre:"), m_name);
    form->addRow(tr("Nombre &corto:"), m_shortName);
    form->addRow(tr("&RUC:"), m_ruc);
    form->addRow(tr("C&iudad:"), m_city);
    form->addRow(tr("&Dirección:"), m_address);
    form->addRow(tr("&Teléfono:"), m_phone);
    auto *logoLabel = new QLabel(tr("&Logo:"), this);
    logoLabel->setBuddy(m_chooseLogo);
    form->addRow(logoLabel, logoRow);
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_templateDir, 1);
    templateRow->addWidget(m_chooseTemplateDir);
    auto *templateLabel = new QLabel(tr("&Plantillas de notificaciones:"), this);
    templateLabel->setBuddy(m_templateDir);
    form->addRow(templateLabel, templateRow);
    auto *lockRow = new QHBoxLayout;
    lockRow->addWidget(m_maxFailed);
    lockRow->addWidget(new QLabel(tr("fallidos seguidos bloquean al usuario por"), this));
    lockRow->addWidget(m_lockout);
    lockRow->addStretch();
    auto *lockLabel = new QLabel(tr("&Bloqueo de ingreso:"), this);
    lockLabel->setBuddy(m_maxFailed);
    form->addRow(lockLabel, lockRow);
    auto *visitsRow = new QHBoxLayout;
    visitsRow->addWidget(m_minVisitsAdvisor);
    visitsRow->addWidget(new QLabel(tr("por asesor y"), this));
    visitsRow->addWidget(m_minVisitsOfficer);
    visitsRow->addWidget(new QLabel(tr("por oficial de cobranzas"), this));
    visitsRow->addStretch();
    auto *visitsLabel = new QLabel(tr("&Mínimo de visitas por día:"), this);
    visitsLabel->setBuddy(m_minVisitsAdvisor);
    form->addRow(visitsLabel, visitsRow);

    auto *note = new QLabel(tr("Estos datos encabezan todos los documentos impresos: hojas de ruta, "
                               "notificaciones y reportes."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_chooseLogo, &QPushButton::clicked, this, &CooperativePage::chooseLogo);
    connect(m_chooseTemplateDir, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Carpeta de plantillas de notificaciones"),
                                                              m_templateDir->text());
        if (!dir.isEmpty())
            m_templateDir->setText(dir);
    });
    connect(m_removeLogo, &QPushButton::clicked, this, [this] {
        m_logo.clear();
        showLogo();
    });
    showLogo();
}

void CooperativePage::load(const CooperativeProfile &profile)
{
    m_loaded = profile;
    m_name->setText(profile.name);
    m_shortName->setText(profile.shortName);
    m_ruc->setText(profile.ruc);
    m_city->setText(profile.city);
    m_address->setText(profile.address);
    m_phone->setText(profile.phone);
    m_logo = profile.logoPng;
    m_templateDir->setText(profile.noticeTemplateDir);
    m_maxFailed->setValue(profile.maxFailedLogins);
    m_lockout->setValue(profile.lockoutMinutes);
    m_minVisitsAdvisor->setValue(profile.minVisitsAdvisor);
    m_minVisitsOfficer->setValue(profile.minVisitsOfficer);
    showLogo();
}

CooperativeProfile CooperativePage::value() const
{
    return {m_name->text(), m_shortName->text(), m_ruc->text(), m_city->text(),
            m_address->text(), m_phone->text(), m_logo, m_templateDir->text(), m_maxFailed->value(), m_lockout->value(),
            m_minVisitsAdvisor->value(), m_minVisitsOfficer->value()};
}

void CooperativePage::setReadOnly(bool readOnly)
{
    for (QLineEdit *edit : {m_name, m_shortName, m_ruc, m_city, m_address, m_phone, m_templateDir})
        edit->setReadOnly(readOnly);
    m_chooseTemplateDir->setEnabled(!readOnly);
    m_maxFailed->setReadOnly(readOnly);
    m_lockout->setReadOnly(readOnly);
    m_minVisitsAdvisor->setReadOnly(readOnly);
    m_minVisitsOfficer->setReadOnly(readOnly);
    m_chooseLogo->setEnabled(!readOnly);
    m_removeLogo->setEnabled(!readOnly && !m_logo.isEmpty());
}

bool CooperativePage::setLogoFromFile(const QString &path)
{
    QImage image(path);
    if (image.isNull())
        return false;
    if (image.width() > kLogoMaxWidth || image.height() > kLogoMaxHeight)
        image = image.scaled(kLogoMaxWidth, kLogoMaxHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return false;
    m_logo = png;
    showLogo();
    return true;
}

void CooperativePage::chooseLogo()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Elegir logo"), QString(),
                                                      tr("Imágenes (*.png *.jpg *.jpeg *.bmp)"));
    if (!path.isEmpty() && !setLogoFromFile(path))
        QMessageBox::warning(this, tr("Logo"), tr("No se pudo leer la imagen «%1».").arg(path));
}

void CooperativePage::showLogo()
{
    QPixmap pixmap;
    if (!m_logo.isEmpty() && pixmap.loadFromData(m_logo, "PNG")) {
        m_logoPreview->setPixmap(
            pixmap.scaled(kPreviewSize - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    } else {
        m_logoPreview->setPixmap({});
        m_logoPreview->setText(tr("Sin logo"));
    }
    m_removeLogo->setEnabled(m_chooseLogo->isEnabled() && !m_logo.isEmpty());
}

} // namespace cobranza
