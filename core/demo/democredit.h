#pragma once

#include "demorandom.h"
#include "segment.h"

#include <QtGlobal>
#include <array>
#include <string_view>

namespace cobranza {

struct DemoDirectory;

// A person of the demo data; text points into the constant word lists, so it costs no allocation.
struct DemoPerson
{
    std::array<std::string_view, 4> names; // surname, surname, name, name
    std::array<char, 10> cedula{};
};

// A street address as Ibarra writes them: "Calle Sucre 5-67 y Bolívar".
struct DemoAddress
{
    std::string_view street;
    std::string_view cross; // without "Calle"
    int block = 0;
    int number = 0;
};

// Everything about demo credit i that does not depend on the cut-off: the same credit, member and
// amounts appear in every snapshot, so the app can follow a credit's history.
struct DemoCredit
{
    qint64 index = 0;
    qint64 memberKey = 0; // index of the member's first credit
    qint64 memberNumber = 0;
    int branch = 0;
    int sector = 0;
    int advisor = 0; // among the branch's advisors; sectors are split in contiguous blocks
    DemoPerson member;
    DemoAddress home;
    DemoAddress business;
    std::string_view market; // business in a market stall when not empty
    int stall = 0;
    std::string_view referenceDirection, referenceLandmark, referenceHouse;
    std::string_view activity, purpose;
    std::string_view landlinePrefix; // empty: the member gave no phone at all
    int landline = 0;                // last four digits
    int mobile = 0;                  // eight digits after "09"
    std::string_view emailDomain;    // empty: no e-mail
    int emailNumber = -1;
    qint32 latitudeMicro = 0, longitudeMicro = 0;

    Segment segment = Segment::Consumo;
    qint64 amountCents = 0;
    int termMonths = 12;
    int rateBasisPoints = 0; // annual
    qint64 latticeStart = 0; // julian day; the credit is renewed every term from there
    int arrearsClass = 0;
    int cyclePhase = 0;
    int dueInDays = 1; // "por vencer": the next installment falls due this many days after the cut-off

    int guarantorCount = 0;
    std::array<DemoPerson, 3> guarantors;
    std::array<DemoAddress, 3> guarantorAddresses;
    std::array<int, 3> guarantorMobiles{};
};

// A credit's balances at one date.
struct DemoCreditState
{
    qint64 concessionDay = 0; // julian day
    int daysPastDue = 0;
    int overdueInstallments = 0;
    qint64 balanceCents = 0;
    qint64 installmentCents = 0;
    qint64 overdueCents = 0;
    qint64 dueDay = 0; // julian day of the oldest unpaid installment (or the next one)
};

// Draws demo credits from (seed, index) alone, and their arrears at any date from the same pair,
// so files for different cut-offs tell one consistent story.
class DemoCreditModel final
{
public:
    explicit DemoCreditModel(quint64 seed);

    DemoCredit credit(qint64 index) const;
    // Days past due of `credit` on `julianDay`: grows one a day during an arrears episode and
    // falls to 0 when the member pays; never older than the credit's first installment.
    int daysPastDue(const DemoCredit &credit, qint64 julianDay) const;
    DemoCreditState stateAt(const DemoCredit &credit, qint64 julianDay) const;

private:
    void drawMember(DemoCredit &c) const;
    void drawCredit(DemoCredit &c) const;
    DemoPerson person(DemoRandom &rng, int branch, qint64 cedulaKey) const;
    DemoAddress address(DemoRandom &rng, int branch) const;
    qint64 concessionDay(const DemoCredit &credit, qint64 julianDay) const;

    quint64 m_seed;
    quint64 m_cedulaKey;
    quint64 m_memberNumberKey;
    qint64 m_epochDay;
    struct Branch
    {
        int sectors = 1;
        int advisors = 1;
        qint32 latitudeMicro = 0, longitudeMicro = 0;
    };
    std::array<Branch, 4> m_branches;
};

} // namespace cobranza
