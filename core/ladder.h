#pragma once

#include "noticetype.h"
#include "role.h"

#include <QList>
#include <QString>
#include <optional>

namespace cobranza {

// One step of the collections ladder: what to do for credits within a range of days past due.
struct LadderStage
{
    int minDays = 0;
    std::optional<int> maxDays; // open-ended for the last stage
    QString action;             // "Visitar al socio y garante, entregar la primera notificación"
    QString channel;            // "Escrito", "Verbal", "Teléfono, SMS o correo"
    Role responsible = Role::AsesorNegocios;
    QString responsibleLabel;   // as the manual names it ("Coordinador de Agencia (Subcomité)")
    std::optional<NoticeType> notice;
    bool operator==(const LadderStage &) const = default;
};

// The ladder as configurable data, with the cooperative manual's defaults (domain.md).
class CollectionsLadder final
{
public:
    CollectionsLadder() = default;
    explicit CollectionsLadder(QList<LadderStage> stages) : m_stages(std::move(stages)) {}
    static CollectionsLadder defaults();

    const QList<LadderStage> &stages() const { return m_stages; }
    // The stage for a credit `daysPastDue` days late (0: up to date, reminder of the due date).
    const LadderStage *stageFor(int daysPastDue) const;
    // Short name of the range: "11–20 días", "Más de 125 días", "Por vencer".
    static QString rangeLabel(const LadderStage &stage);
    QString validate() const; // Spanish; empty when ranges are contiguous from 0

private:
    QList<LadderStage> m_stages;
};

} // namespace cobranza
