#pragma once

#include <QDate>
#include <QLineEdit>
#include <QString>
#include <optional>

class QLabel;

namespace cobranza {

// JUSTIFICACIÓN and ACUERDO: upper case as typed, and optionally the worker's initials shown as a
// fixed prefix inside the field, so he sees "PVA NO ESTABA" while typing only "no estaba" — the
// service adds the initials when it stores the text.
class ResultTextEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTextEdit)

public:
    explicit ResultTextEdit(QWidget *parent = nullptr);
    void setPrefix(const QString &prefix);
    QString prefix() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void placePrefix();
    QLabel *m_prefix;
};

// A date typed as "25122026", "25/12/2026", "25-12-2026" or "2026-12-25": QDate() when the text is
// blank, nullopt when it is not a real date in one of those forms.
std::optional<QDate> parseTypedDate(const QString &text);
QString typedDateText(QDate date); // "25/12/2026"; blank for a null date

} // namespace cobranza
