#pragma once

#include <QDate>
#include <QDialog>
#include <QStringList>
#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cobranza {

// "Registrar error…": an error the rules do not see, for one person and day — the credit it is
// about (optional, chosen among the person's visits of the day or typed) and the note that is told
// to the person. Stored through `save`, which returns an empty string or why it was refused.
class RecordErrorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordErrorDialog)

public:
    using Save = std::function<QString(const QString &creditNumber, const QString &note)>;
    RecordErrorDialog(const QString &personName, QDate day, const QStringList &credits, Save save,
                      QWidget *parent = nullptr);

    QString creditNumber() const;
    QString note() const;
    QComboBox *creditChooser() const { return m_credit; }
    QPlainTextEdit *noteEdit() const { return m_note; }

    void accept() override;

private:
    Save m_save;
    QComboBox *m_credit;
    QPlainTextEdit *m_note;
    QPushButton *m_ok;
    QLabel *m_error;
};

} // namespace cobranza
