#include "portfoliogenerator.h"

#include "democredit.h"
#include "demodirectory.h"
#include "demorowsink.h"
#include "ratingscale.h"

#include <QCoreApplication>
#include <QIODevice>
#include <array>

namespace cobranza {

namespace {

constexpr qsizetype kFlushAt = qsizetype(1) << 20; // a row is far below the slack
constexpr qsizetype kSlack = qsizetype(64) << 10;

// Text of the directory, encoded once.
struct BranchBytes
{
    QByteArray code;
    int number = 1;
    QList<QByteArray> sectors;
    QList<QByteArray> advisors;
};

} // namespace

PortfolioGenerator::PortfolioGenerator(DemoPortfolioOptions options) : m_options(std::move(options)) {}

QString PortfolioGenerator::errorString() const { return m_error; }

QStringList PortfolioGenerator::header()
{
    QStringList columns = {
        QStringLiteral("FECHA_CORTE"), QStringLiteral("SUCURSAL"), QStringLiteral("OFICIAL_CREDITO"),
        QStringLiteral("NUMERO_CREDITO"), QStringLiteral("NUMERO_SOCIO"), QStringLiteral("CEDULA"),
        QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("SEGMENTO"), QStringLiteral("SECTOR"),
        QStringLiteral("MONTO_ORIGINAL"), QStringLiteral("FECHA_CONCESION"), QStringLiteral("PLAZO_MESES"),
        QStringLiteral("SALDO_CAPITAL"), QStringLiteral("VALOR_CUOTA"), QStringLiteral("VALOR_VENCIDO"),
        QStringLiteral("CUOTAS_VENCIDAS"), QStringLiteral("FECHA_VENCIMIENTO"), QStringLiteral("DIAS_MORA"),
        QStringLiteral("CALIFICACION"), QStringLiteral("CALIFICACION_ANT"), QStringLiteral("DESTINO"),
        QStringLiteral("ACTIVIDAD_ECONOMICA"), QStringLiteral("DIRECCION_DOMICILIO"),
        QStringLiteral("DIRECCION_NEGOCIO"), QStringLiteral("REFERENCIA"), QStringLiteral("TELEFONO"),
        QStringLiteral("CELULAR"), QStringLiteral("EMAIL"), QStringLiteral("LATITUD"), QStringLiteral("LONGITUD"),
    };
    for (int g = 1; g <= 3; ++g) {
        const QString prefix = QStringLiteral("GARANTE") + QString::number(g) + u'_';
        columns << prefix + QStringLiteral("CEDULA") << prefix + QStringLiteral("NOMBRE")
                << prefix + QStringLiteral("DIRECCION") << prefix + QStringLiteral("TELEFONO");
    }
    return columns;
}

bool PortfolioGenerator::write(QIODevice *out, const std::function<void(qint64)> &progress)
{
    m_error.clear();
    if (!m_options.cutOff.isValid()) {
        m_error = QCoreApplication::translate("cobranza::PortfolioGenerator", "Falta la fecha de corte.");
        return false;
    }
    if (!out || !out->isWritable()) {
        m_error = QCoreApplication::translate("cobranza::PortfolioGenerator", "El destino no admite escritura.");
        return false;
    }

    const DemoDirectory &dir = DemoDirectory::instance();
    QList<BranchBytes> branches;
    for (const DemoBranch &b : dir.branches) {
        BranchBytes bb;
        bb.code = b.code.toUtf8();
        bb.number = static_cast<int>(branches.size()) + 1;
        for (const QString &s : b.sectors)
            bb.sectors.append(s.toUtf8());
        for (const QString &a : dir.advisorsOf(b.code))
            bb.advisors.append(a.toUtf8());
        branches.append(bb);
    }
    std::array<QByteArray, 6> segmentCodes;
    for (Segment s : kAllSegments)
        segmentCodes.at(static_cast<size_t>(s)) = segmentCode(s).toUtf8();
    std::array<QByteArray, 9> ratingCodes;
    for (Rating r : kAllRatings)
        ratingCodes.at(static_cast<size_t>(r)) = ratingCode(r).toUtf8();

    // The scale in force at each date; cut-offs older than the first version use that version.
    const RatingScales scales = RatingScales::defaults();
    QDate firstScale = m_options.cutOff;
    for (const RatingScaleVersion &v : scales.versions())
        firstScale = qMin(firstScale, v.validFrom);
    const QDate cutOff = m_options.cutOff;
    const QDate previousMonthEnd = QDate(cutOff.year(), cutOff.month(), 1).addDays(-1);
    const auto ratingOf = [&](Segment s, QDate on, int days) -> const QByteArray & {
        const Rating r = scales.expectedRating(s, qMax(on, firstScale), days).value_or(Rating::E);
        return ratingCodes.at(static_cast<size_t>(r));
    };
    const qint64 cutDay = cutOff.toJulianDay();
    const qint64 previousDay = previousMonthEnd.toJulianDay();

    QByteArray buffer(kFlushAt + kSlack, Qt::Uninitialized);
    DemoRowSink row(buffer);
    const auto flush = [&] {
        const qint64 n = row.size();
        if (n > 0 && out->write(buffer.constData(), n) != n) {
            m_error = QCoreApplication::translate("cobranza::PortfolioGenerator", "No se pudo escribir: %1")
                          .arg(out->errorString());
            return false;
        }
        row.reset();
        return true;
    };

    row.bytes(header().join(u';').toUtf8());
    row.put('\n');

    const DemoCreditModel model(m_options.seed);
    for (qint64 i = 0; i < m_options.credits; ++i) {
        const DemoCredit c = model.credit(i);
        const DemoCreditState now = model.stateAt(c, cutDay);
        const int daysBefore = model.daysPastDue(c, previousDay);
        const BranchBytes &branch = branches.at(c.branch);

        row.date(cutDay); row.sep();
        row.bytes(branch.code); row.sep();
        row.bytes(branch.advisors.at(c.advisor)); row.sep();
        row.number(branch.number, 2); row.number(1'000'000 + i, 8); row.sep();
        row.number(c.memberNumber, 7); row.sep();
        row.text(std::string_view(c.member.cedula.data(), c.member.cedula.size())); row.sep();
        row.name(c.member); row.sep();
        row.bytes(segmentCodes.at(static_cast<size_t>(c.segment))); row.sep();
        row.bytes(branch.sectors.at(c.sector)); row.sep();
        row.money(c.amountCents); row.sep();
        row.date(now.concessionDay); row.sep();
        row.number(c.termMonths); row.sep();
        row.money(now.balanceCents); row.sep();
        row.money(now.installmentCents); row.sep();
        row.money(now.overdueCents); row.sep();
        row.number(now.overdueInstallments); row.sep();
        row.date(now.dueDay); row.sep();
        row.number(now.daysPastDue); row.sep();
        row.bytes(ratingOf(c.segment, cutOff, now.daysPastDue)); row.sep();
        row.bytes(ratingOf(c.segment, previousMonthEnd, daysBefore)); row.sep();
        row.text(c.purpose); row.sep();
        row.text(c.activity); row.sep();
        row.address(c.home); row.sep();
        if (!c.market.empty()) {
            row.text(c.market);
            row.text(", puesto ");
            row.number(c.stall);
        } else {
            row.address(c.business);
        }
        row.sep();
        row.text(c.referenceDirection); row.put(' '); row.text(c.referenceLandmark); row.text(", ");
        row.text(c.referenceHouse); row.sep();
        if (!c.landlinePrefix.empty()) {
            row.text(c.landlinePrefix); row.number(c.landline, 4); row.sep();
            row.mobile(c.mobile);
        } else {
            row.sep();
        }
        row.sep();
        if (!c.emailDomain.empty()) {
            row.emailWord(c.member.names[2]); row.put('.'); row.emailWord(c.member.names[0]);
            if (c.emailNumber >= 0)
                row.number(c.emailNumber);
            row.put('@'); row.text(c.emailDomain);
        }
        row.sep();
        row.degrees(c.latitudeMicro); row.sep();
        row.degrees(c.longitudeMicro);
        for (int g = 0; g < 3; ++g) {
            const auto gi = static_cast<size_t>(g);
            if (g < c.guarantorCount) {
                const DemoPerson &p = c.guarantors.at(gi);
                row.sep(); row.text(std::string_view(p.cedula.data(), p.cedula.size()));
                row.sep(); row.name(p);
                row.sep(); row.address(c.guarantorAddresses.at(gi));
                row.sep(); row.mobile(c.guarantorMobiles.at(gi));
            } else {
                row.text(";;;;");
            }
        }
        row.put('\n');

        if (row.size() >= kFlushAt && !flush())
            return false;
        if (progress && (i + 1) % 10'000 == 0)
            progress(i + 1);
    }
    if (!flush())
        return false;
    if (progress && m_options.credits % 10'000 != 0)
        progress(qMax<qint64>(0, m_options.credits));
    return true;
}

} // namespace cobranza
