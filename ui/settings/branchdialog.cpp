#include "branchdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace cobranza {

namespace {

QString coordinateText(std::optional<double> v)
{
    return v ? QString::number(*v, 'g', 10) : QString();
}

// GPS coordinates are written with a point; a comma typed out of habit means the same.
std::optional<double> coordinateOf(const QString &text)
{
    QString t = text.trimmed();
    t.replace(u',', u'.');
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

BranchDialog::BranchDialog(const Branch &branch, Check check, QWidget *parent)
    : QDialog(parent),
      m_branch(branch),
      m_check(std::move(check)),
      m_code(new QLineEdit(branch.code, this)),
      m_name(new QLineEdit(branch.name, this)),
      m_city(new QLineEdit(branch.city, this)),
      m_address(new QLineEdit(branch.address, this)),
      m_phone(new QLineEdit(branch.phone, this)),
      m_latitude(new QLineEdit(coordinateText(branch.latitude), this)),
      m_longitude(new QLineEdit(coordinateText(branch.longitude), this)),
      m_active(new QCheckBox(tr("Agencia &activa"), this))
{
    setWindowTitle(branch.id == 0 ? tr("Nueva agencia") : tr("Agencia %1").arg(branch.code));
    m_code->setMaxLength(6);
    m_code->setPlaceholderText(tr("2 a 6 letras o dígitos"));
    m_code->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9]{0,6}")), m_code));
    connect(m_code, &QLineEdit::textEdited, m_code, [this](const QString &text) {
        const int cursor = m_code->cursorPosition();
        m_code->setText(text.toUpper());
        m_code->setCursorPosition(cursor);
    });
    m_latitude->setPlaceholderText(tr("p. ej. -0.180653 (opcional)"));
    m_longitude->setPlaceholderText(tr("p. ej. -78.467834 (opcional)"));
    m_active->setChecked(branch.active);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Código:"), m_code);
    form->addRow(tr("&Nombre:"), m_name);
    form->addRow(tr("C&iudad:"), m_city);
    form->addRow(tr("&Dirección:"), m_address);
    form->addRow(tr("&Teléfono:"), m_phone);
    form->addRow(tr("&Latitud:"), m_latitude);
    form->addRow(tr("Lon&gitud:"), m_longitude);
    form->addRow(QString(), m_active);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Aceptar"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &BranchDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BranchDialog::reject);
    setMinimumWidth(420);
}

Branch BranchDialog::branch() const
{
    Branch b = m_branch;
    b.code = m_code->text().trimmed().toUpper();
    b.name = m_name->text().trimmed();
    b.city = m_city->text().trimmed();
    b.address = m_address->text().trimmed();
    b.phone = m_phone->text().trimmed();
    b.latitude = coordinateOf(m_latitude->text());
    b.longitude = coordinateOf(m_longitude->text());
    b.active = m_active->isChecked();
    return b;
}

void BranchDialog::accept()
{
    for (QLineEdit *edit : {m_latitude, m_longitude})
        if (!edit->text().trimmed().isEmpty() && !coordinateOf(edit->text())) {
            QMessageBox::warning(this, windowTitle(), tr("«%1» no es una coordenada.").arg(edit->text()));
            edit->setFocus();
            return;
        }
    if (const QString problem = m_check ? m_check(branch()) : QString(); !problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    QDialog::accept();
}

} // namespace cobranza
