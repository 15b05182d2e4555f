#pragma once

#include "visitstate.h"

#include <QComboBox>
#include <QStringList>
#include <optional>

namespace cobranza {

// A combo chosen from the keyboard the way result sheets are typed: an item's number selects it,
// and its first letter cycles through the items that start with it ("N": No Visitado, No
// Asignado, No Encontrado) — deterministic, unlike QComboBox's search that depends on typing speed.
class ChoiceCombo final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceCombo)

public:
    explicit ChoiceCombo(QWidget *parent = nullptr);

    // Items shown as "6 · Visitado", numbered from `firstNumber`; `values` become the item data.
    void setChoices(const QStringList &labels, const QVariantList &values, int firstNumber);
    // What a key typed does: a digit picks that item, a letter the next item starting with it.
    // True when the key chose something.
    bool choose(const QString &typed);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QStringList m_labels; // without the number, for the letters
    int m_firstNumber = 1;
};

// The nine states in the cooperative's order, numbered 1–9, with the stored code as item data.
void fillStates(ChoiceCombo *combo);
std::optional<VisitState> stateOf(const ChoiceCombo *combo); // nullopt while none is chosen
void selectState(ChoiceCombo *combo, std::optional<VisitState> state);

} // namespace cobranza
