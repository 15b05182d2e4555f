#include "notedialog.h"

#include "login/errorlabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cobranza {

NoteDialog::NoteDialog(const QString &title, const QString &about, Save save, QWidget *parent)
    : QDialog(parent), m_save(std::move(save)), m_note(new QPlainTextEdit(this)), m_error(makeErrorLabel(this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("noteDialog"));
    auto *aboutLabel = new QLabel(about, this);
    aboutLabel->setWordWrap(true);
    aboutLabel->setTextFormat(Qt::PlainText);
    auto *prompt = new QLabel(tr("&Nota (qué se encontró; la verá la persona):"), this);
    prompt->setBuddy(m_note);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(90);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Guardar"));
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(aboutLabel);
    layout->addWidget(prompt);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(460, 260);

    // A contradiction without its note is refused by core anyway; the button says so first.
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!note().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &NoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NoteDialog::reject);
}

QString NoteDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void NoteDialog::accept()
{
    if (note().isEmpty())
        return;
    if (const QString refused = m_save ? m_save(note()) : QString(); !refused.isEmpty()) {
        showErrorLabel(m_error, refused);
        return;
    }
    QDialog::accept();
}

} // namespace cobranza
