#include "cli.h"

#include "output.h"
#include "results/memberfinder.h"
#include "results/resultrules.h"
#include "results/resultservice.h"
#include "routes/routesheetstore.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }
QString iso(QDate d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

std::optional<QDate> dateArg(Context &ctx, const QCommandLineParser &args, const QString &name, bool required)
{
    if (!args.isSet(name)) {
        if (required)
            ctx.err << tr("Error: falta --%1 AAAA-MM-DD.\n").arg(name);
        return required ? std::nullopt : std::optional<QDate>(QDate());
    }
    const QDate d = parseCliDate(args.value(name));
    if (!d.isValid()) {
        ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD) en --%2.\n").arg(args.value(name), name);
        return std::nullopt;
    }
    return d;
}

ResultService serviceFor(const Database &db, const Session &session, Context &ctx, QDate around)
{
    const RulesStore rules(db);
    return ResultService(db, session, ctx.permissions(), rules.timeWindows(),
                         rules.calendar(around.year() - 1, around.year() + 1), ctx.clock());
}

int runResults(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateArg(ctx, args, QStringLiteral("date"), true);
    if (!day)
        return BadUsage;
    qint64 only = 0;
    if (args.isSet(QStringLiteral("staff"))) {
        const auto s = DirectoryStore(*db).staffByUsername(args.value(QStringLiteral("staff")));
        if (!s) {
            ctx.err << tr("Error: no existe el usuario «%1».\n").arg(args.value(QStringLiteral("staff")));
            return BadUsage;
        }
        only = s->id;
    }
    if (!seesBranchAgenda(ctx.permissions(), session.role)) {
        if (only != 0 && only != session.staffId) {
            ctx.err << tr("Error: %1 solo puede ver sus propios resultados.\n").arg(session.fullName);
            return Failed;
        }
        only = session.staffId;
    }
    const QList<RouteSheet> sheets = RouteSheetStore(*db, RulesStore(*db).collectionsLadder())
                                         .agenda(*day, seesBranchAgenda(ctx.permissions(), session.role)
                                                           ? branchScope(session) : QString(), only);
    const ResultService service = serviceFor(*db, session, ctx, *day);
    Table table({QStringLiteral("ID"), QStringLiteral("NOTIFICADOR"), QStringLiteral("FUNCIONARIO"),
                 QStringLiteral("NUMERO_CREDITO"), QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("ESTADO"),
                 QStringLiteral("HORA_VISITA"), QStringLiteral("JUSTIFICACION"), QStringLiteral("ACUERDO"),
                 QStringLiteral("FECHA_ACUERDO"), QStringLiteral("NOTIFICACION"), QStringLiteral("REAGENDAMIENTO"),
                 QStringLiteral("RECAUDACION"), QStringLiteral("RECIBO"), QStringLiteral("FUERA_DE_PLAZO")});
    for (const RouteSheet &sheet : sheets)
        for (const RouteVisit &v : sheet.visits) {
            const std::optional<StoredResult> s = service.load(v.bookingId);
            const VisitResult r = s ? s->result : VisitResult{};
            table.addRow({QString::number(v.bookingId), sheet.notifier.username, sheet.person.username, v.creditNumber,
                          v.memberName, s ? visitStateLabel(r.state) : visitStateLabel(VisitState::Agendado),
                          r.visitTime ? r.visitTime->toString(QStringLiteral("HH:mm")) : QString(), r.justification,
                          r.agreement, iso(r.agreementDate), r.noticeDelivered ? noticeTypeCode(*r.noticeDelivered) : QString(),
                          iso(r.rescheduleDate), r.collected ? r.collected->toPlainString() : QString(), r.receiptNumber,
                          s ? (s->late ? tr("SÍ") : tr("NO")) : QString()});
        }
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

// The visit of `credit` on the user's agenda of `day`; 0 when there is none.
qint64 visitOf(const Database &db, const Session &session, const QString &credit, QDate day)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id FROM bookings WHERE credit_number = ? AND visit_date = ? AND worker_id = ? "
                             "AND cancelled_at IS NULL"));
    q.addBindValue(credit);
    q.addBindValue(iso(day));
    q.addBindValue(session.staffId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

int runResultSet(Context &ctx, const QCommandLineParser &args)
{
    if (args.positionalArguments() != QStringList{QStringLiteral("set")}) {
        ctx.err << tr("Error: use «result set --date D --credit N --estado E …».\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateArg(ctx, args, QStringLiteral("date"), true);
    const auto agreementDate = dateArg(ctx, args, QStringLiteral("fecha-acuerdo"), false);
    const auto reschedule = dateArg(ctx, args, QStringLiteral("reagendar"), false);
    if (!day || !agreementDate || !reschedule)
        return BadUsage;
    const QString credit = args.value(QStringLiteral("credit"));
    if (credit.isEmpty()) {
        ctx.err << tr("Error: falta --credit NUMERO.\n");
        return BadUsage;
    }
    VisitResult r;
    const auto state = parseVisitState(args.value(QStringLiteral("estado")));
    if (!state) {
        QStringList codes;
        for (VisitState s : kAllVisitStates)
            codes << visitStateCode(s);
        ctx.err << tr("Error: «%1» no es un estado; use uno de: %2.\n")
                       .arg(args.value(QStringLiteral("estado")), codes.join(QStringLiteral(", ")));
        return BadUsage;
    }
    r.state = *state;
    if (args.isSet(QStringLiteral("hora"))) {
        r.visitTime = parseVisitTime(args.value(QStringLiteral("hora")));
        if (!r.visitTime) {
            ctx.err << tr("Error: «%1» no es una hora (24 horas, HH:MM) en --hora.\n").arg(args.value(QStringLiteral("hora")));
            return BadUsage;
        }
    }
    r.justification = args.value(QStringLiteral("justificacion"));
    r.agreement = args.value(QStringLiteral("acuerdo"));
    r.agreementDate = *agreementDate;
    r.rescheduleDate = *reschedule;
    for (const auto &[option, target] : {std::pair{QStringLiteral("recaudacion"), &r.collected},
                                         std::pair{QStringLiteral("valor-prometido"), &r.promisedAmount}}) {
        if (!args.isSet(option))
            continue;
        *target = Money::parse(args.value(option));
        if (!*target) {
            ctx.err << tr("Error: «%1» no es un valor en --%2.\n").arg(args.value(option), option);
            return BadUsage;
        }
    }
    r.receiptNumber = args.value(QStringLiteral("recibo"));
    if (args.isSet(QStringLiteral("notificacion"))) {
        r.noticeDelivered = parseNoticeType(args.value(QStringLiteral("notificacion")));
        if (!r.noticeDelivered) {
            ctx.err << tr("Error: «%1» no es una notificación (F1TG, F2TG, …).\n").arg(args.value(QStringLiteral("notificacion")));
            return BadUsage;
        }
    }
    const ResultService service = serviceFor(*db, session, ctx, *day);
    ResultOutcome o;
    if (const qint64 booking = visitOf(*db, session, credit, *day); booking != 0) {
        r.bookingId = booking;
        o = service.save(r);
    } else if (r.state == VisitState::GestionPropia) {
        o = service.saveOwnInitiative(credit, *day, r);
    } else {
        ctx.err << tr("Error: el crédito %1 no está en su agenda del %2; si lo gestionó por su cuenta, use "
                      "--estado GESTION_PROPIA.\n")
                       .arg(credit, day->toString(QStringLiteral("dd/MM/yyyy")));
        return Failed;
    }
    if (!o.ok) {
        ctx.err << tr("Error: %1\n").arg(o.summary);
        for (const QString &m : o.messages().mid(1))
            ctx.err << QStringLiteral("  - %1\n").arg(m);
        return Failed;
    }
    ctx.out << o.summary << u'\n';
    return Ok;
}

int runPropia(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const QString text = args.value(QStringLiteral("buscar"));
    if (text.trimmed().isEmpty()) {
        ctx.err << tr("Error: falta --buscar TEXTO (número de socio, cédula, apellidos y nombres o crédito).\n");
        return BadUsage;
    }
    if (args.isSet(QStringLiteral("fecha")) && !dateArg(ctx, args, QStringLiteral("fecha"), true))
        return BadUsage;
    const MemberFinder finder = MemberFinder::newest(*db, branchScope(session));
    Table table({QStringLiteral("NUMERO_CREDITO"), QStringLiteral("NUMERO_SOCIO"), QStringLiteral("CEDULA"),
                 QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("SUCURSAL"), QStringLiteral("SECTOR"),
                 QStringLiteral("DIAS_MORA"), QStringLiteral("VALOR_VENCIDO")});
    for (int i : finder.find(text)) {
        const PortfolioLine &l = finder.lines()[static_cast<size_t>(i)];
        table.addRow({l.row.creditNumber, l.memberNumber, l.cedula, l.fullName, l.row.branchCode, l.row.sector,
                      QString::number(l.row.daysPastDue), l.row.overdue.toPlainString()});
    }
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

} // namespace

QList<Command> resultCommands()
{
    const Option format{{QStringLiteral("format")}, QStringLiteral("table|csv|json"),
                        tr("Formato de salida (por defecto table)."), QStringLiteral("table")};
    return {
        {QStringLiteral("results"), QStringLiteral("results --date D [--staff USUARIO] [--format table|csv|json]"),
         tr("Resultados de las visitas de un día; cada asesor ve los suyos."),
         {{{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"), tr("Fecha de las visitas.")},
          {{QStringLiteral("staff")}, QStringLiteral("USUARIO"), tr("Solo las visitas de esta persona.")},
          format},
         runResults},
        {QStringLiteral("result"),
         QStringLiteral("result set --date D --credit N --estado E [--hora HH:MM] [--justificacion T] [--acuerdo T "
                        "--fecha-acuerdo D [--valor-prometido V]] [--reagendar D] [--recaudacion V --recibo N] "
                        "[--notificacion TIPO]"),
         tr("Registra (o corrige) el resultado de una visita propia; GESTION_PROPIA añade el crédito a su día."),
         {{{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"), tr("Fecha de la visita.")},
          {{QStringLiteral("credit")}, QStringLiteral("NUMERO"), tr("Número de crédito.")},
          {{QStringLiteral("estado")}, QStringLiteral("ESTADO"), tr("VISITADO, NO_ENCONTRADO, LLAMADA_TELEFONICA, …")},
          {{QStringLiteral("hora")}, QStringLiteral("HH:MM"), tr("Hora de la visita (24 horas).")},
          {{QStringLiteral("justificacion")}, QStringLiteral("TEXTO"), tr("Justificación (se antepone su sigla).")},
          {{QStringLiteral("acuerdo")}, QStringLiteral("TEXTO"), tr("Acuerdo con el socio.")},
          {{QStringLiteral("fecha-acuerdo")}, QStringLiteral("AAAA-MM-DD"), tr("Fecha de la promesa de pago.")},
          {{QStringLiteral("valor-prometido")}, QStringLiteral("VALOR"), tr("Valor prometido (opcional).")},
          {{QStringLiteral("reagendar")}, QStringLiteral("AAAA-MM-DD"), tr("Nueva fecha de visita.")},
          {{QStringLiteral("recaudacion")}, QStringLiteral("VALOR"), tr("Valor recaudado en campo.")},
          {{QStringLiteral("recibo")}, QStringLiteral("NUMERO"), tr("Número de recibo de caja.")},
          {{QStringLiteral("notificacion")}, QStringLiteral("TIPO"), tr("Notificación entregada (F1TG, F2TG, …).")}},
         runResultSet},
        {QStringLiteral("propia"), QStringLiteral("propia [--fecha D] --buscar TEXTO [--format table|csv|json]"),
         tr("Busca socios para una gestión propia por número de socio, cédula, apellidos y nombres o crédito."),
         {{{QStringLiteral("fecha")}, QStringLiteral("AAAA-MM-DD"), tr("Día de la gestión (para registrarla luego).")},
          {{QStringLiteral("buscar")}, QStringLiteral("TEXTO"), tr("Texto a buscar.")},
          format},
         runPropia},
    };
}

} // namespace cobranza::cli
