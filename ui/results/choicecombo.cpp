#include "choicecombo.h"

#include "textfold.h"

#include <QKeyEvent>

#include <algorithm>

namespace cobranza {

ChoiceCombo::ChoiceCombo(QWidget *parent) : QComboBox(parent) {}

void ChoiceCombo::setChoices(const QStringList &labels, const QVariantList &values, int firstNumber)
{
    clear();
    m_labels = labels;
    m_firstNumber = firstNumber;
    for (int i = 0; i < labels.size(); ++i)
        addItem(tr("%1 · %2").arg(firstNumber + i).arg(labels.at(i)), values.value(i));
}

bool ChoiceCombo::choose(const QString &typed)
{
    if (typed.size() != 1 || !isEnabled())
        return false;
    const QChar c = typed.at(0);
    if (c.isDigit()) {
        const int i = c.digitValue() - m_firstNumber;
        if (i < 0 || i >= count())
            return false;
        setCurrentIndex(i);
        emit activated(i);
        return true;
    }
    if (!c.isLetter())
        return false;
    const QString letter = foldForSearch(QString(c));
    const auto startsWith = [&](int i) { return foldForSearch(m_labels.value(i)).startsWith(letter); };
    // From the item after the current one, so that pressing the letter again moves on.
    for (int step = 1; step <= count(); ++step) {
        const int i = (std::max(currentIndex(), -1) + step + count()) % count();
        if (startsWith(i)) {
            setCurrentIndex(i);
            emit activated(i);
            return true;
        }
    }
    return false;
}

void ChoiceCombo::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (mods == Qt::NoModifier && choose(event->text())) {
        event->accept();
        return;
    }
    QComboBox::keyPressEvent(event);
}

void fillStates(ChoiceCombo *combo)
{
    QStringList labels;
    QVariantList codes;
    for (VisitState s : kAllVisitStates) {
        labels << visitStateLabel(s);
        codes << visitStateCode(s);
    }
    combo->setChoices(labels, codes, 1);
}

std::optional<VisitState> stateOf(const ChoiceCombo *combo)
{
    if (combo->currentIndex() < 0)
        return std::nullopt;
    return parseVisitState(combo->currentData().toString());
}

void selectState(ChoiceCombo *combo, std::optional<VisitState> state)
{
    combo->setCurrentIndex(state ? combo->findData(visitStateCode(*state)) : -1);
}

} // namespace cobranza
