#pragma once

#include <QDialog>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cobranza {

// Asks for the note a contradicting verification carries ("el socio dice que nadie lo visitó") and
// stores it through `save`, which returns an empty string or the reason it was refused; a refusal
// is shown under the note and the dialog stays open.
class NoteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDialog)

public:
    using Save = std::function<QString(const QString &note)>;
    NoteDialog(const QString &title, const QString &about, Save save, QWidget *parent = nullptr);

    QString note() const;
    QPlainTextEdit *noteEdit() const { return m_note; }

    void accept() override;

private:
    Save m_save;
    QPlainTextEdit *m_note;
    QPushButton *m_ok;
    QLabel *m_error;
};

} // namespace cobranza
