#include "demodirectory.h"

#include "textfold.h"

namespace cobranza {

namespace {

// Builds a staff member the way the core-banking system and the staff themselves write names.
DemoStaff person(const QString &surname1, const QString &surname2, const QString &name1, const QString &name2,
                 Role role, const QString &branchCode)
{
    DemoStaff s;
    s.fullName = surname1 + u' ' + surname2 + u' ' + name1 + u' ' + name2;
    s.username = foldForSearch(QString(name1.at(0)) + name2.at(0) + surname1).remove(u' ');
    s.initials = foldForMatch(QString(name1.at(0)) + name2.at(0) + surname1.at(0));
    s.role = role;
    s.branchCode = branchCode;
    return s;
}

// Surnames, names, role and branch of the staff (names invented; surnames of Imbabura).
struct StaffRow
{
    const char16_t *surname1, *surname2, *name1, *name2;
    Role role;
    const char16_t *branch; // nullptr for head office roles
};
constexpr StaffRow kStaff[] = {
    {u"SUBIA", u"PASPUEZAN", u"EDGAR", u"PATRICIO", Role::AsesorNegocios, u"IBA"},
    {u"CHAMORRO", u"ROSERO", u"ANDREA", u"GABRIELA", Role::AsesorNegocios, u"IBA"},
    {u"FARINANGO", u"MALDONADO", u"LUIS", u"ALFREDO", Role::AsesorNegocios, u"IBA"},
    {u"BENALCÁZAR", u"TERÁN", u"MARCO", u"VINICIO", Role::CoordinadorAgencia, u"IBA"},
    {u"PEÑAHERRERA", u"NÚÑEZ", u"MARÍA", u"FERNANDA", Role::PivotCredito, u"IBA"},
    {u"CACHIMUEL", u"PERUGACHI", u"JOSÉ", u"MANUEL", Role::AsesorNegocios, u"OTA"},
    {u"YÉPEZ", u"ANDRADE", u"DIANA", u"CAROLINA", Role::AsesorNegocios, u"OTA"},
    {u"MALDONADO", u"LEMA", u"SEGUNDO", u"RAFAEL", Role::AsesorNegocios, u"OTA"},
    {u"TERÁN", u"POZO", u"CARLOS", u"ALBERTO", Role::CoordinadorAgencia, u"OTA"},
    {u"QUINCHE", u"CONEJO", u"ROSA", u"ELENA", Role::PivotCredito, u"OTA"},
    {u"GUANDINANGO", u"TABANGO", u"WILSON", u"FABIÁN", Role::AsesorNegocios, u"ATU"},
    {u"ROSERO", u"VACA", u"PAOLA", u"ALEXANDRA", Role::AsesorNegocios, u"ATU"},
    {u"PINEDA", u"MORALES", u"JUAN", u"CARLOS", Role::AsesorNegocios, u"ATU"},
    {u"ENRÍQUEZ", u"ALMEIDA", u"GLORIA", u"PATRICIA", Role::CoordinadorAgencia, u"ATU"},
    {u"NARVÁEZ", u"CHALACÁN", u"DIEGO", u"FERNANDO", Role::PivotCredito, u"ATU"},
    {u"ANDRANGO", u"CUASCOTA", u"ÁNGEL", u"RODRIGO", Role::AsesorNegocios, u"COT"},
    {u"PROAÑO", u"GUERRERO", u"VERÓNICA", u"ISABEL", Role::AsesorNegocios, u"COT"},
    {u"MORALES", u"IMBAQUINGO", u"FRANKLIN", u"DARÍO", Role::AsesorNegocios, u"COT"},
    {u"VACA", u"ORTEGA", u"SANDRA", u"LUCÍA", Role::CoordinadorAgencia, u"COT"},
    {u"TABANGO", u"FARINANGO", u"MARCELO", u"ESTEBAN", Role::PivotCredito, u"COT"},
    // Collections officers: two at the matriz, one in each other branch; all book on the pooled user.
    {u"JÁCOME", u"REVELO", u"HUGO", u"RAMIRO", Role::OficialCobranzas, u"IBA"},
    {u"CHÁVEZ", u"VILLARREAL", u"MÓNICA", u"ALEXANDRA", Role::OficialCobranzas, u"IBA"},
    {u"IMBAQUINGO", u"ANRANGO", u"LUZ", u"MARINA", Role::OficialCobranzas, u"OTA"},
    {u"CHICAIZA", u"GUERRÓN", u"RAÚL", u"EDUARDO", Role::OficialCobranzas, u"ATU"},
    {u"ALMEIDA", u"PUENTE", u"CRISTINA", u"ELIZABETH", Role::OficialCobranzas, u"COT"},
    {u"VALENCIA", u"CEVALLOS", u"JORGE", u"ANDRÉS", Role::OficialRiesgos, nullptr},
    {u"POZO", u"BENALCÁZAR", u"GALO", u"FERNANDO", Role::JefeNegocios, nullptr},
};

DemoDirectory build()
{
    DemoDirectory d;
    d.cooperativeName = QStringLiteral("Cooperativa de Ahorro y Crédito Sumak Kawsay Ltda.");
    d.cooperativeShort = QStringLiteral("SUMAK KAWSAY");
    d.ruc = QStringLiteral("1090912344001");

    // Sectors run clockwise from the north of each town, so neighbouring entries are
    // neighbouring zones and each advisor's block of sectors is one area of town.
    d.branches = {
        {QStringLiteral("IBA"), QStringLiteral("Ibarra Matriz"), QStringLiteral("Ibarra"),
         QStringLiteral("Calle Bolívar 8-45 y Pedro Moncayo"), QStringLiteral("06-2643210"), 0.351580, -78.122390,
         {QStringLiteral("Azaya"), QStringLiteral("Priorato"), QStringLiteral("El Olivo"),
          QStringLiteral("La Victoria"), QStringLiteral("Huertos Familiares"), QStringLiteral("Caranqui"),
          QStringLiteral("El Ejido de Caranqui"), QStringLiteral("Los Ceibos"), QStringLiteral("Yacucalle"),
          QStringLiteral("La Florida"), QStringLiteral("Alpachaca"), QStringLiteral("Pugacho")}},
        {QStringLiteral("OTA"), QStringLiteral("Otavalo"), QStringLiteral("Otavalo"),
         QStringLiteral("Calle Sucre 11-08 y Calderón"), QStringLiteral("06-2920455"), 0.234300, -78.261300,
         {QStringLiteral("Peguche"), QStringLiteral("Quinchuquí"), QStringLiteral("Copacabana"),
          QStringLiteral("El Batán"), QStringLiteral("Punyaro"), QStringLiteral("San Sebastián"),
          QStringLiteral("Monserrate"), QStringLiteral("El Empedrado"), QStringLiteral("Collahuazo"),
          QStringLiteral("La Joya"), QStringLiteral("San Juan")}},
        {QStringLiteral("ATU"), QStringLiteral("Atuntaqui"), QStringLiteral("Atuntaqui"),
         QStringLiteral("Av. Julio Miguel Aguinaga 12-40 y Olmedo"), QStringLiteral("06-2906118"), 0.332400,
         -78.213900,
         {QStringLiteral("Andrade Marín"), QStringLiteral("Santa Isabel"), QStringLiteral("Barrio Central"),
          QStringLiteral("San Luis"), QStringLiteral("Natabuela"), QStringLiteral("La Tola"),
          QStringLiteral("Chaltura"), QStringLiteral("San Roque"), QStringLiteral("Pucará"),
          QStringLiteral("Santa Marianita")}},
        {QStringLiteral("COT"), QStringLiteral("Cotacachi"), QStringLiteral("Cotacachi"),
         QStringLiteral("Calle 10 de Agosto 9-31 y Bolívar"), QStringLiteral("06-2915027"), 0.300900, -78.266000,
         {QStringLiteral("El Ejido"), QStringLiteral("La Banda"), QStringLiteral("San Francisco"),
          QStringLiteral("San Teodoro"), QStringLiteral("Santa Ana"), QStringLiteral("El Cercado"),
          QStringLiteral("Quiroga"), QStringLiteral("Turuco"), QStringLiteral("Pilascacho"),
          QStringLiteral("Azama")}},
    };

    for (const StaffRow &r : kStaff)
        d.staff.append(person(QString::fromUtf16(r.surname1), QString::fromUtf16(r.surname2),
                              QString::fromUtf16(r.name1), QString::fromUtf16(r.name2), r.role,
                              r.branch ? QString::fromUtf16(r.branch) : QString()));

    DemoStaff admin;
    admin.username = QStringLiteral("admin");
    admin.fullName = QStringLiteral("Administrador del sistema");
    admin.initials = QStringLiteral("ADM");
    admin.role = Role::Sistemas;
    d.staff.append(admin);

    // The pooled user collections officers book their visits on (domain.md, step 3).
    DemoStaff pooled;
    pooled.username = QStringLiteral("cobranzas");
    pooled.fullName = QStringLiteral("COBRANZAS ") + d.cooperativeShort;
    pooled.initials = QStringLiteral("COB");
    pooled.role = Role::OficialCobranzas;
    pooled.branchCode = d.branches.constFirst().code;
    pooled.pooled = true;
    d.staff.append(pooled);
    return d;
}

} // namespace

const DemoDirectory &DemoDirectory::instance()
{
    static const DemoDirectory directory = build();
    return directory;
}

QStringList DemoDirectory::advisorsOf(const QString &branchCode) const
{
    QStringList out;
    for (const DemoStaff &s : staff)
        if (s.role == Role::AsesorNegocios && s.branchCode == branchCode)
            out.append(s.username);
    return out;
}

} // namespace cobranza
