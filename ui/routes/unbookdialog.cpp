#include "unbookdialog.h"

#include "datetext.h"
#include "login/errorlabel.h"
#include "routes/routesheet.h"
#include "sentence.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cobranza {

UnbookDialog::UnbookDialog(const RouteVisit &visit, const QString &personName, QDate visitDate, Submit submit,
                           QWidget *parent)
    : QDialog(parent),
      m_submit(std::move(submit)),
      m_reason(new QLineEdit(this)),
      m_error(makeErrorLabel(this)),
      m_ok(nullptr)
{
    setWindowTitle(tr("Desagendar visita"));
    auto *intro = new QLabel(tr("Quitar de la hoja de ruta de <b>%1</b> del %2 la visita a <b>%3</b> "
                                "(crédito %4, sector %5).")
                                 .arg(personName.toHtmlEscaped(), dayText(visitDate),
                                      visit.memberName.toHtmlEscaped(), visit.creditNumber.toHtmlEscaped(),
                                      visit.sector.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto *note = new QLabel(tr("La visita queda registrada como «Desagendado», con quién, cuándo y por qué."), this);
    note->setWordWrap(true);
    note->setEnabled(false); // secondary text, greyed as the platform does it

    m_reason->setObjectName(QStringLiteral("unbookReason"));
    m_reason->setMaxLength(200);
    m_reason->setPlaceholderText(tr("Obligatorio; p. ej. «pagó el vencido en ventanilla»"));
    m_reason->setClearButtonEnabled(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Motivo:"), m_reason);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("&Desagendar"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancelar"), QDialogButtonBox::RejectRole);
    m_ok->setDefault(true);
    m_ok->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &UnbookDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UnbookDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_reason->setFocus();
}

QString UnbookDialog::reason() const
{
    return m_reason->text().trimmed();
}

QString UnbookDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void UnbookDialog::accept()
{
    if (reason().isEmpty()) {
        showErrorLabel(m_error, tr("Indique el motivo para desagendar."));
        m_reason->setFocus();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool done = m_submit && m_submit(reason(), &error);
    QApplication::restoreOverrideCursor();
    if (!done) {
        showErrorLabel(m_error, error.isEmpty() ? tr("No se pudo desagendar la visita.") : asSentence(error));
        return;
    }
    QDialog::accept();
}

} // namespace cobranza
