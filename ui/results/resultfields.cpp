#include "resultfields.h"

#include "datetext.h"
#include "import/dateparse.h"

#include <QLabel>
#include <QStyle>
#include <QValidator>

namespace cobranza {

namespace {

// Upper-cases the text as it is typed; QLineEdit keeps the cursor where the validator leaves it.
class UpperCaseValidator final : public QValidator
{
public:
    using QValidator::QValidator;
    State validate(QString &input, int &) const override
    {
        input = input.toUpper();
        return Acceptable;
    }
};

} // namespace

ResultTextEdit::ResultTextEdit(QWidget *parent) : QLineEdit(parent), m_prefix(new QLabel(this))
{
    setValidator(new UpperCaseValidator(this));
    m_prefix->setObjectName(QStringLiteral("initialsPrefix"));
    m_prefix->setStyleSheet(QStringLiteral("QLabel { color: #555; font-weight: bold; background: transparent; }"));
    m_prefix->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_prefix->hide();
}

void ResultTextEdit::setPrefix(const QString &prefix)
{
    m_prefix->setText(prefix);
    m_prefix->setVisible(!prefix.isEmpty());
    m_prefix->adjustSize();
    placePrefix();
}

QString ResultTextEdit::prefix() const
{
    return m_prefix->text();
}

void ResultTextEdit::resizeEvent(QResizeEvent *event)
{
    QLineEdit::resizeEvent(event);
    placePrefix();
}

void ResultTextEdit::placePrefix()
{
    if (m_prefix->text().isEmpty()) {
        setTextMargins(0, 0, 0, 0);
        return;
    }
    // Inside the frame, where the text would start; the text begins one space after it.
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, this) + 2;
    m_prefix->move(frame, (height() - m_prefix->height()) / 2);
    setTextMargins(m_prefix->width() + fontMetrics().horizontalAdvance(u' '), 0, 0, 0);
}

std::optional<QDate> parseTypedDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QDate();
    QDate d;
    bool digitsOnly = true;
    for (QChar c : t)
        digitsOnly = digitsOnly && c.isDigit();
    if (digitsOnly && t.size() == 8) // ddmmyyyy: the quickest to type on the numeric keypad
        d = parseFileDate(QStringLiteral("%1/%2/%3").arg(t.left(2), t.mid(2, 2), t.mid(4)));
    else if (!digitsOnly)
        d = parseFileDate(t);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

QString typedDateText(QDate date)
{
    return date.isValid() ? dayText(date) : QString();
}

} // namespace cobranza
