#include "democredit.h"

#include "demodirectory.h"
#include "demonames.h"
#include "demoplaces.h"
#include "identity.h"

#include <QDate>
#include <span>

namespace cobranza {

namespace {

enum Salt : quint64 { MemberSalt = 1, CreditSalt, PairSalt, EpisodeSalt, PermutationSalt };

// Arrears behaviour: every `cycle` days the member falls behind once, for `minDays`–`maxDays`.
// Tuned (by simulation) so a snapshot looks like a branch's report of credits "vencidos y por
// vencer": three quarters about to fall due, most of the rest in the first month, a tail of old
// debts, and about a fifth of the credits rated worse than at the previous month end. More
// arrears would make nearly every overdue credit "reclassified", because the rating bands are
// 15 days wide and snapshots are compared three to four weeks apart.
struct ArrearsClass
{
    int weight; // per mille, cumulative below
    int cycle;
    int minDays;
    int maxDays;
};
constexpr ArrearsClass kArrearsClasses[] = {
    {220, 32, 1, 4},    {170, 40, 3, 9},    {160, 56, 6, 21},   {110, 80, 16, 33},
    {90, 112, 28, 48},  {80, 170, 45, 78},  {80, 260, 70, 124}, {90, 760, 110, 720},
};
constexpr int kDefaulterClass = 7; // long terms, so the episode is not cut short by a renewal

// Per segment: share (per mille), amount range in dollars, annual rate range (basis points), terms.
struct SegmentProfile
{
    Segment segment;
    int weight;
    int minAmount, maxAmount;
    int minRate, maxRate;
    std::array<int, 6> terms;
};
constexpr SegmentProfile kSegments[] = {
    {Segment::Consumo, 400, 1000, 30000, 1550, 1650, {12, 18, 24, 36, 48, 60}},
    {Segment::Microcredito, 420, 500, 20000, 2000, 2650, {6, 12, 18, 24, 36, 48}},
    {Segment::Productivo, 40, 10000, 100000, 950, 1100, {24, 36, 48, 60, 60, 36}},
    {Segment::Inmobiliario, 60, 20000, 120000, 950, 1050, {60, 84, 120, 180, 120, 84}},
    {Segment::ViviendaInteresSocial, 30, 15000, 60000, 499, 499, {120, 180, 240, 180, 240, 120}},
    {Segment::Educativo, 50, 1000, 15000, 900, 950, {12, 24, 36, 48, 24, 36}},
};

constexpr int kBranchWeights[] = {400, 670, 850, 1000};   // cumulative: Ibarra is the largest
constexpr int kKichwaShare[] = {250, 600, 300, 550};     // per mille, by branch
constexpr qint64 kCedulaSpace = 6'000'000;          // digits 3–9 with the third digit 0–5
constexpr qint64 kMemberSpace = 9'000'000;          // member numbers 1000000–9999999
constexpr qint64 kGuarantorKeys = kCedulaSpace / 2; // members use the lower half, guarantors the upper

// Unit vectors ×1000 every 30°, clockwise from north: (east, north). Integers keep the
// coordinates identical on every platform, which sin/cos would not promise.
constexpr int kEast[12] = {0, 500, 866, 1000, 866, 500, 0, -500, -866, -1000, -866, -500};
constexpr int kNorth[12] = {1000, 866, 500, 0, -500, -866, -1000, -866, -500, 0, 500, 866};
constexpr int kMicroDegreesPerMetre = 9; // 1° ≈ 111 km near the equator
// First digit after "09" of Ecuadorian mobile numbers, weighted as the operators hand them out.
constexpr int kMobileFirst[] = {9, 9, 9, 8, 8, 8, 6, 6, 5, 7, 3, 4};

qint64 floorDiv(qint64 a, qint64 b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

std::string_view pick(DemoRandom &rng, std::span<const std::string_view> list)
{
    return list[static_cast<size_t>(rng.below(static_cast<int>(list.size())))];
}

std::string_view crossName(std::string_view street)
{
    // "y Rafael Larrea" but "y Av. El Retorno", as people write the corner.
    constexpr std::string_view prefix("Calle ");
    return street.starts_with(prefix) ? street.substr(prefix.size()) : street;
}

} // namespace

DemoCreditModel::DemoCreditModel(quint64 seed)
    : m_seed(seed),
      m_cedulaKey(DemoRandom::key(seed, PermutationSalt, 1)),
      m_memberNumberKey(DemoRandom::key(seed, PermutationSalt, 2)),
      m_epochDay(QDate(2021, 1, 1).toJulianDay())
{
    const DemoDirectory &dir = DemoDirectory::instance();
    for (size_t b = 0; b < m_branches.size() && b < static_cast<size_t>(dir.branches.size()); ++b) {
        const DemoBranch &branch = dir.branches.at(static_cast<qsizetype>(b));
        m_branches.at(b).sectors = static_cast<int>(qMax<qsizetype>(1, branch.sectors.size()));
        m_branches.at(b).advisors = static_cast<int>(qMax<qsizetype>(1, dir.advisorsOf(branch.code).size()));
        m_branches.at(b).latitudeMicro = qRound(branch.latitude * 1e6);
        m_branches.at(b).longitudeMicro = qRound(branch.longitude * 1e6);
    }
}

DemoCredit DemoCreditModel::credit(qint64 index) const
{
    DemoCredit c;
    c.index = index;
    // Some members hold two credits: an odd credit may belong to the member of the one before.
    const bool second = index % 2 == 1 && DemoRandom::key(m_seed, PairSalt, static_cast<quint64>(index)) % 1000 < 130;
    c.memberKey = second ? index - 1 : index;
    drawMember(c);
    drawCredit(c);
    return c;
}

void DemoCreditModel::drawMember(DemoCredit &c) const
{
    DemoRandom rng(DemoRandom::key(m_seed, MemberSalt, static_cast<quint64>(c.memberKey)));
    c.memberNumber = 1'000'000
        + static_cast<qint64>(DemoRandom::permute(static_cast<quint64>(c.memberKey % kMemberSpace), kMemberSpace,
                                                  m_memberNumberKey));
    c.branch = rng.pick(kBranchWeights);
    const Branch &branch = m_branches.at(static_cast<size_t>(c.branch));
    c.sector = rng.below(branch.sectors);
    c.advisor = c.sector * branch.advisors / branch.sectors;
    c.member = person(rng, c.branch, c.memberKey % kGuarantorKeys);
    c.home = address(rng, c.branch);

    const auto landmarks = demotext::landmarks();
    const auto landmark = landmarks[static_cast<size_t>(rng.below(static_cast<int>(landmarks.size())))];
    c.referenceDirection =
        pick(rng, landmark.feminine ? demotext::directionsFeminine() : demotext::directionsMasculine());
    c.referenceLandmark = landmark.name;
    c.referenceHouse = pick(rng, demotext::houseDescriptions());

    const bool employee = rng.chance(300);
    if (employee) {
        c.activity = pick(rng, demotext::employeeActivities());
    } else {
        // Half of the self-employed work in the town's own trade (textiles, leather, crafts).
        const auto trades = demotext::businessActivities(c.branch);
        c.activity = rng.chance(400) ? trades[static_cast<size_t>(rng.below(3))] : pick(rng, trades);
        if (rng.chance(450)) {
            c.market = pick(rng, demotext::markets(c.branch));
            c.stall = rng.between(1, 240);
        }
    }
    c.business = address(rng, c.branch);

    // A few members gave no phone at all: the import warns about them, which the demo should show.
    if (!rng.chance(5)) {
        c.landlinePrefix = pick(rng, demotext::landlinePrefixes(c.branch));
        c.landline = rng.below(10000);
    }
    c.mobile = kMobileFirst[rng.below(12)] * 10'000'000 + rng.below(10'000'000);
    if (rng.chance(300)) {
        c.emailDomain = pick(rng, demotext::emailDomains());
        c.emailNumber = rng.chance(600) ? rng.between(55, 99) : -1; // often the year of birth
    }

    // Each sector is a cluster around its own point of a ring around the town centre.
    const int direction = c.sector * 12 / branch.sectors;
    const int radiusMetres = 1100 + 400 * (c.sector % 3);
    const int east = kEast[direction] * radiusMetres / 1000 + rng.between(-450, 450);
    const int north = kNorth[direction] * radiusMetres / 1000 + rng.between(-450, 450);
    c.latitudeMicro = branch.latitudeMicro + north * kMicroDegreesPerMetre;
    c.longitudeMicro = branch.longitudeMicro + east * kMicroDegreesPerMetre;
}

void DemoCreditModel::drawCredit(DemoCredit &c) const
{
    DemoRandom rng(DemoRandom::key(m_seed, CreditSalt, static_cast<quint64>(c.index)));
    int r = rng.below(1000);
    const SegmentProfile *profile = &kSegments[0];
    for (const SegmentProfile &p : kSegments) {
        profile = &p;
        if (r < p.weight)
            break;
        r -= p.weight;
    }
    c.segment = profile->segment;
    // Small loans are far more common than large ones: square a uniform draw.
    const qint64 u = rng.below(10001);
    qint64 dollars = profile->minAmount + (profile->maxAmount - profile->minAmount) * u * u / 100'000'000;
    const qint64 step = dollars < 5000 ? 50 : 100;
    dollars = qMax<qint64>(profile->minAmount, dollars / step * step);
    c.amountCents = dollars * 100;
    c.rateBasisPoints = rng.between(profile->minRate, profile->maxRate);
    c.termMonths = profile->terms.at(static_cast<size_t>(rng.below(6)));

    int a = rng.below(1000);
    c.arrearsClass = 0;
    while (a >= kArrearsClasses[c.arrearsClass].weight) {
        a -= kArrearsClasses[c.arrearsClass].weight;
        ++c.arrearsClass;
    }
    if (c.arrearsClass == kDefaulterClass)
        c.termMonths = qMax(c.termMonths, 36);
    c.cyclePhase = rng.below(kArrearsClasses[c.arrearsClass].cycle);
    c.latticeStart = m_epochDay + rng.below(c.termMonths * 30);
    c.dueInDays = rng.between(1, 5);
    c.purpose = pick(rng, demotext::purposes(c.segment));

    static constexpr int kGuarantors[] = {150, 700, 950, 1000};       // 0–3, personal credits
    static constexpr int kHousingGuarantors[] = {700, 950, 1000, 1000}; // a mortgage backs housing
    const bool housing = c.segment == Segment::Inmobiliario || c.segment == Segment::ViviendaInteresSocial;
    c.guarantorCount = housing ? rng.pick(kHousingGuarantors) : rng.pick(kGuarantors);
    for (int g = 0; g < c.guarantorCount; ++g) {
        const auto gi = static_cast<size_t>(g);
        c.guarantors.at(gi) = person(rng, c.branch, kGuarantorKeys + (c.index * 3 + g) % kGuarantorKeys);
        c.guarantorAddresses.at(gi) = address(rng, c.branch);
        c.guarantorMobiles.at(gi) = kMobileFirst[rng.below(12)] * 10'000'000 + rng.below(10'000'000);
    }
}

DemoPerson DemoCreditModel::person(DemoRandom &rng, int branch, qint64 cedulaKey) const
{
    DemoPerson p;
    const bool kichwa = rng.chance(kKichwaShare[branch]);
    const bool female = rng.chance(520);
    for (size_t s = 0; s < 2; ++s)
        p.names.at(s) = pick(rng, rng.chance(kichwa ? 850 : 120) ? demotext::kichwaSurnames()
                                                                  : demotext::spanishSurnames());
    const auto given = female ? demotext::femaleNames() : demotext::maleNames();
    p.names[2] = kichwa && rng.chance(250)
        ? pick(rng, female ? demotext::kichwaFemaleNames() : demotext::kichwaMaleNames())
        : pick(rng, given);
    do
        p.names[3] = pick(rng, given);
    while (p.names[3] == p.names[2]);

    // Province 10 (Imbabura) mostly, 17 (Pichincha) for those born in Quito.
    const auto body = static_cast<qint64>(
        DemoRandom::permute(static_cast<quint64>(cedulaKey % kCedulaSpace), kCedulaSpace, m_cedulaKey));
    const int province = rng.chance(870) ? 10 : 17;
    char16_t digits[9];
    digits[0] = static_cast<char16_t>(u'0' + province / 10);
    digits[1] = static_cast<char16_t>(u'0' + province % 10);
    qint64 rest = body;
    for (int i = 8; i >= 2; --i, rest /= 10)
        digits[i] = static_cast<char16_t>(u'0' + rest % 10);
    for (size_t i = 0; i < 9; ++i)
        p.cedula.at(i) = static_cast<char>(digits[i]);
    p.cedula[9] = static_cast<char>('0' + cedulaCheckDigit(QStringView(digits, 9)));
    return p;
}

DemoAddress DemoCreditModel::address(DemoRandom &rng, int branch) const
{
    const auto list = demotext::streets(branch);
    const int n = static_cast<int>(list.size());
    const int a = rng.below(n);
    const int b = (a + 1 + rng.below(n - 1)) % n;
    return {list[static_cast<size_t>(a)], crossName(list[static_cast<size_t>(b)]), rng.between(1, 24),
            rng.between(10, 98)};
}

qint64 DemoCreditModel::concessionDay(const DemoCredit &credit, qint64 julianDay) const
{
    // Renewed every term from latticeStart: always granted before the date, never past maturity.
    const qint64 term = credit.termMonths * 30;
    return credit.latticeStart + floorDiv(julianDay - credit.latticeStart, term) * term;
}

int DemoCreditModel::daysPastDue(const DemoCredit &credit, qint64 julianDay) const
{
    const ArrearsClass &cls = kArrearsClasses[credit.arrearsClass];
    const qint64 cycle = floorDiv(julianDay + credit.cyclePhase, cls.cycle);
    const quint64 h =
        DemoRandom::key(m_seed, EpisodeSalt, static_cast<quint64>(credit.index), static_cast<quint64>(cycle));
    const int length = cls.minDays + static_cast<int>(h % static_cast<quint64>(cls.maxDays - cls.minDays + 1));
    const qint64 start = cycle * cls.cycle - credit.cyclePhase
        + static_cast<qint64>((h >> 32) % static_cast<quint64>(cls.cycle - length));
    const qint64 late = julianDay - start;
    const qint64 inEpisode = late >= 1 && late <= length ? late : 0;
    // Nobody is later than their first installment, due a month after the concession.
    const qint64 sinceFirstDue = julianDay - (concessionDay(credit, julianDay) + 30);
    return static_cast<int>(qMax<qint64>(0, qMin(inEpisode, sinceFirstDue)));
}

DemoCreditState DemoCreditModel::stateAt(const DemoCredit &credit, qint64 julianDay) const
{
    DemoCreditState s;
    s.concessionDay = concessionDay(credit, julianDay);
    s.daysPastDue = daysPastDue(credit, julianDay);
    s.overdueInstallments = (s.daysPastDue + 29) / 30;
    // German amortisation: equal capital parts, interest on the balance. All in cents.
    const qint64 elapsed = (julianDay - s.concessionDay) / 30;
    const qint64 paid = qMax<qint64>(0, elapsed - s.overdueInstallments);
    const qint64 capital = credit.amountCents / credit.termMonths;
    s.balanceCents = credit.amountCents - paid * capital;
    s.installmentCents = capital + s.balanceCents * credit.rateBasisPoints / 120'000;
    // Late interest: 1.1 × the rate on the overdue capital for the days late.
    const qint64 lateInterest = s.overdueInstallments * capital * credit.rateBasisPoints * s.daysPastDue * 11
        / 36'000'000;
    s.overdueCents = s.daysPastDue > 0 ? s.overdueInstallments * s.installmentCents + lateInterest : 0;
    s.dueDay = s.daysPastDue > 0 ? julianDay - s.daysPastDue : julianDay + credit.dueInDays;
    return s;
}

} // namespace cobranza
