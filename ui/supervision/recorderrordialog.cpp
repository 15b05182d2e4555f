#include "recorderrordialog.h"

#include "datetext.h"
#include "login/errorlabel.h"
#include "supervision/errorcatalogue.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cobranza {

RecordErrorDialog::RecordErrorDialog(const QString &personName, QDate day, const QStringList &credits, Save save,
                                     QWidget *parent)
    : QDialog(parent),
      m_save(std::move(save)),
      m_credit(new QComboBox(this)),
      m_note(new QPlainTextEdit(this)),
      m_error(makeErrorLabel(this))
{
    setWindowTitle(tr("Registrar error"));
    setObjectName(QStringLiteral("recordErrorDialog"));
    const ErrorTypeInfo &manual = errorInfo(ErrorType::Manual);
    auto *intro = new QLabel(tr("Un error que las reglas no detectan. Cuenta como %1 (%2) en el reporte F.1-A del mes.")
                                 .arg(manual.code, manual.name),
                             this);
    intro->setWordWrap(true);

    m_credit->setObjectName(QStringLiteral("errorCredit"));
    m_credit->setEditable(true);
    m_credit->addItem(QString());
    m_credit->addItems(credits);
    m_credit->lineEdit()->setPlaceholderText(tr("Ninguno (opcional)"));
    m_note->setObjectName(QStringLiteral("errorNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("Qué pasó: es lo que se le dice a la persona."));
    m_note->setMinimumHeight(90);

    auto *form = new QFormLayout;
    form->addRow(tr("Funcionario:"), new QLabel(personName, this));
    form->addRow(tr("Día:"), new QLabel(dayText(day), this));
    auto *creditLabel = new QLabel(tr("&Crédito:"), this);
    creditLabel->setBuddy(m_credit);
    form->addRow(creditLabel, m_credit);
    auto *noteLabel = new QLabel(tr("&Nota:"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Registrar"));
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, 300);

    connect(m_note, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!note().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordErrorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordErrorDialog::reject);
    m_note->setFocus();
}

QString RecordErrorDialog::creditNumber() const
{
    return m_credit->currentText().trimmed();
}

QString RecordErrorDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void RecordErrorDialog::accept()
{
    if (note().isEmpty())
        return;
    if (const QString refused = m_save ? m_save(creditNumber(), note()) : QString(); !refused.isEmpty()) {
        showErrorLabel(m_error, refused);
        return;
    }
    QDialog::accept();
}

} // namespace cobranza
