#include "rowparser.h"

#include "csvreader.h"
#include "dateparse.h"
#include "geography.h"
#include "identity.h"

#include <QCoreApplication>

#include <array>
#include <charconv>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::RowParser", s); }


std::optional<double> parseCoordinate(QStringView t)
{
    // Nearly every coordinate is a plain "-78.123456": read it without a QString. from_chars
    // rounds correctly, as QString::toDouble does, so both give the same double.
    if (t.size() <= 24) {
        std::array<char, 24> ascii;
        qsizetype i = 0;
        qsizetype digitsBefore = 0, separators = 0, digitsAfter = 0;
        for (; i < t.size(); ++i) {
            const char16_t c = t[i].unicode();
            if (c >= u'0' && c <= u'9')
                (separators ? digitsAfter : digitsBefore) += 1;
            else if ((c == u'.' || c == u',') && separators == 0 && digitsBefore > 0)
                ++separators;
            else if (!(c == u'-' && i == 0))
                break;
            ascii[static_cast<std::size_t>(i)] = c == u',' ? '.' : static_cast<char>(c);
        }
        if (i == t.size() && digitsBefore > 0 && (separators == 0 || digitsAfter > 0)) {
            double v = 0;
            const auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + i, v);
            if (ec == std::errc() && end == ascii.data() + i)
                return v;
        }
    }
    bool ok = false;
    QString s = t.toString();
    s.replace(u',', u'.');
    const double v = s.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

RowParser::RowParser(const PortfolioHeader &header, const RatingScales &scales, std::optional<QDate> cutOff)
    : m_header(header), m_scales(scales), m_cutOff(cutOff.value_or(QDate())), m_cutOffFromOption(cutOff.has_value())
{
}

QStringView RowParser::text(const CsvRecord &r, PortfolioColumn c) const
{
    return r.field(m_header.indexOf(c)).trimmed();
}

bool RowParser::parse(const CsvRecord &r, PortfolioRecord *out, QList<ImportMessage> *messages)
{
    using C = PortfolioColumn;
    const qint64 line = r.line();
    bool ok = true;
    const auto error = [&](C c, const QString &message) {
        messages->append({ImportMessage::Severity::Error, line, columnName(c), message, out->credit.creditNumber});
        ok = false;
    };
    const auto warning = [&](C c, const QString &message) {
        messages->append({ImportMessage::Severity::Warning, line, columnName(c), message, out->credit.creditNumber});
    };
    const auto required = [&](C c) -> QStringView {
        const QStringView v = text(r, c);
        if (v.isEmpty())
            error(c, tr("falta el valor obligatorio"));
        return v;
    };
    const auto money = [&](C c, bool mandatory) -> Money {
        const QStringView v = mandatory ? required(c) : text(r, c);
        if (v.isEmpty())
            return {};
        const auto m = Money::parse(v);
        if (!m)
            error(c, tr("«%1» no es un valor en dólares válido").arg(v));
        else if (m->isNegative())
            error(c, tr("el valor no puede ser negativo (%1)").arg(v));
        return m.value_or(Money());
    };
    const auto count = [&](C c) -> int {
        const QStringView v = required(c);
        if (v.isEmpty())
            return 0;
        const auto n = parseCount(v);
        if (!n)
            error(c, tr("«%1» no es un número entero mayor o igual a cero").arg(v));
        return n.value_or(0);
    };
    const auto date = [&](C c, bool mandatory) -> QDate {
        const QStringView v = mandatory ? required(c) : text(r, c);
        if (v.isEmpty())
            return {};
        const QDate d = parseFileDate(v);
        if (!d.isValid())
            error(c, tr("«%1» no es una fecha válida (dd/mm/aaaa o aaaa-mm-dd)").arg(v));
        return d;
    };

    *out = PortfolioRecord();
    out->line = line;
    SnapshotRow &row = out->row;
    Member &member = out->member;
    Credit &credit = out->credit;

    credit.creditNumber = required(C::NumeroCredito).toString();
    row.creditNumber = credit.creditNumber;

    // One cut-off per file: the option when given, else the first row's.
    if (m_header.has(C::FechaCorte)) {
        const QDate d = date(C::FechaCorte, !m_cutOffFromOption);
        if (d.isValid()) {
            if (!m_cutOff.isValid())
                m_cutOff = d;
            else if (d != m_cutOff)
                error(C::FechaCorte, tr("la fecha de corte %1 difiere de la del archivo (%2); un archivo tiene un solo corte")
                                         .arg(d.toString(Qt::ISODate), m_cutOff.toString(Qt::ISODate)));
        }
    }
    row.cutOff = m_cutOff;
    row.branchCode = required(C::Sucursal).toString().toUpper();
    row.officer = required(C::OficialCredito).toString();
    row.sector = required(C::Sector).toString();
    member.memberNumber = required(C::NumeroSocio).toString();
    credit.memberNumber = member.memberNumber;
    member.fullName = required(C::ApellidosNombres).toString();

    const QStringView cedula = required(C::Cedula);
    if (!cedula.isEmpty()) {
        const IdentityCheck check = checkIdentity(cedula);
        if (check == IdentityCheck::Malformed)
            error(C::Cedula, tr("«%1» no es una cédula (10 dígitos) ni un RUC (13 dígitos)").arg(cedula));
        else if (!isValid(check))
            warning(C::Cedula, tr("la identificación %1 no es válida: %2").arg(cedula, identityProblem(check)));
        member.cedula = cedula.toString();
    }

    const QStringView segment = required(C::Segmento);
    if (!segment.isEmpty()) {
        if (const auto s = parseSegment(segment))
            credit.segment = *s;
        else
            error(C::Segmento, tr("segmento desconocido «%1»").arg(segment));
    }

    row.balance = money(C::SaldoCapital, true);
    row.installment = money(C::ValorCuota, true);
    row.overdue = money(C::ValorVencido, true);
    row.overdueInstallments = count(C::CuotasVencidas);
    row.dueDate = date(C::FechaVencimiento, true);
    row.daysPastDue = count(C::DiasMora);

    const QStringView rating = required(C::Calificacion);
    bool ratingOk = false;
    if (!rating.isEmpty()) {
        if (const auto rr = parseRating(rating)) {
            row.rating = *rr;
            ratingOk = true;
        } else {
            error(C::Calificacion, tr("calificación desconocida «%1» (A1, A2, A3, B1, B2, C1, C2, D o E)").arg(rating));
        }
    }
    const QStringView previous = text(r, C::CalificacionAnt); // empty: granted this month
    if (!previous.isEmpty()) {
        if (const auto rr = parseRating(previous))
            row.previousRating = *rr;
        else
            error(C::CalificacionAnt,
                  tr("calificación desconocida «%1» (A1, A2, A3, B1, B2, C1, C2, D o E)").arg(previous));
    }

    // Optional data.
    if (m_header.has(C::MontoOriginal) && !text(r, C::MontoOriginal).isEmpty())
        credit.originalAmount = money(C::MontoOriginal, false);
    credit.grantedOn = date(C::FechaConcesion, false);
    if (const QStringView t = text(r, C::PlazoMeses); !t.isEmpty()) {
        credit.termMonths = parseCount(t);
        if (!credit.termMonths)
            error(C::PlazoMeses, tr("«%1» no es un número de meses").arg(t));
    }
    credit.purpose = text(r, C::Destino).toString();
    credit.economicActivity = text(r, C::ActividadEconomica).toString();
    member.homeAddress = text(r, C::DireccionDomicilio).toString();
    member.businessAddress = text(r, C::DireccionNegocio).toString();
    member.reference = text(r, C::Referencia).toString();
    member.phone = text(r, C::Telefono).toString();
    member.mobile = text(r, C::Celular).toString();
    member.email = text(r, C::Email).toString();

    const QStringView lat = text(r, C::Latitud);
    const QStringView lon = text(r, C::Longitud);
    if (!lat.isEmpty() || !lon.isEmpty()) {
        const auto la = parseCoordinate(lat);
        const auto lo = parseCoordinate(lon);
        if (!la || !lo)
            warning(lat.isEmpty() || !la ? C::Latitud : C::Longitud, tr("coordenadas incompletas o ilegibles; se ignoran"));
        else if (!insideEcuador(*la, *lo))
            warning(C::Latitud, tr("las coordenadas (%1, %2) quedan fuera del Ecuador; se ignoran").arg(lat, lon));
        else {
            member.latitude = la;
            member.longitude = lo;
        }
    }

    for (int g = 0; g < 3; ++g) {
        const auto col = [g](int k) { return static_cast<C>(static_cast<int>(C::Garante1Cedula) + g * 4 + k); };
        Guarantor guarantor{g + 1, text(r, col(0)).toString(), text(r, col(1)).toString(), text(r, col(2)).toString(),
                            text(r, col(3)).toString()};
        if (guarantor.cedula.isEmpty() && guarantor.fullName.isEmpty())
            continue;
        if (guarantor.fullName.isEmpty())
            warning(col(1), tr("el garante %1 no tiene nombre").arg(g + 1));
        if (guarantor.cedula.isEmpty()) {
            warning(col(0), tr("el garante %1 no tiene cédula").arg(g + 1));
        } else if (const IdentityCheck check = checkIdentity(guarantor.cedula); !isValid(check)) {
            warning(col(0), tr("la identificación del garante %1 no es válida: %2").arg(guarantor.cedula, identityProblem(check)));
        }
        out->guarantors.append(guarantor);
    }

    if (!ok)
        return false;

    // Warnings that need the whole row understood.
    if (m_header.has(C::DireccionDomicilio) && member.homeAddress.isEmpty() && member.businessAddress.isEmpty())
        warning(C::DireccionDomicilio, tr("el socio no tiene dirección"));
    if ((m_header.has(C::Telefono) || m_header.has(C::Celular)) && member.phone.isEmpty() && member.mobile.isEmpty())
        warning(C::Telefono, tr("el socio no tiene teléfono ni celular"));
    if (ratingOk) {
        const auto expected = m_scales.expectedRating(credit.segment, m_cutOff.isValid() ? m_cutOff : row.dueDate,
                                                      row.daysPastDue);
        if (expected && *expected != row.rating)
            warning(C::Calificacion, tr("con %1 días de mora la escala de %2 espera %3, el reporte dice %4")
                                         .arg(row.daysPastDue)
                                         .arg(segmentLabel(credit.segment), ratingCode(*expected), ratingCode(row.rating)));
    }
    return true;
}

} // namespace cobranza
