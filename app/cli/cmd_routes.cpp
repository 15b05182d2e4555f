#include "cli.h"

#include "output.h"
#include "routes/approvalservice.h"
#include "routes/bookingservice.h"
#include "routes/routesheetstore.h"
#include "routes/tray.h"
#include "routesheetreport.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"

#include <QCoreApplication>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }
QString iso(QDate d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

// A date option: required ones say so when missing; malformed ones always do.
std::optional<QDate> dateOption(Context &ctx, const QCommandLineParser &args, const QString &name, QDate fallback = {})
{
    if (!args.isSet(name)) {
        if (fallback.isValid())
            return fallback;
        ctx.err << tr("Error: falta --%1 AAAA-MM-DD.\n").arg(name);
        return std::nullopt;
    }
    const QDate d = parseCliDate(args.value(name));
    if (!d.isValid()) {
        ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD) en --%2.\n").arg(args.value(name), name);
        return std::nullopt;
    }
    return d;
}

std::optional<StaffMember> staffOption(Context &ctx, const Database &db, const QCommandLineParser &args)
{
    const QString name = args.value(QStringLiteral("staff"));
    if (name.isEmpty()) {
        ctx.err << tr("Error: falta --staff USUARIO (la persona de la hoja de ruta).\n");
        return std::nullopt;
    }
    const auto s = DirectoryStore(db).staffByUsername(name);
    if (!s)
        ctx.err << tr("Error: no existe el usuario «%1»; «cobranza-cli user list» los lista.\n").arg(name);
    return s;
}

// The cut-off of --corte, or the one the tray opens on for this user.
std::optional<QDate> trayCutOff(Context &ctx, const Database &db, const QCommandLineParser &args, const Session &s)
{
    QList<QDate> imported;
    for (const SnapshotInfo &info : listSnapshots(db))
        imported.append(info.cutOff);
    if (imported.isEmpty()) {
        ctx.err << tr("Error: no hay cortes importados; use «cobranza-cli import ARCHIVO».\n");
        return std::nullopt;
    }
    const auto cutOff = dateOption(ctx, args, QStringLiteral("corte"),
                                   defaultTrayCutOff(s.role, ctx.clock().today(), imported));
    if (cutOff && !imported.contains(*cutOff)) {
        ctx.err << tr("Error: no existe el corte %1; «cobranza-cli snapshots» lista los cortes.\n").arg(iso(*cutOff));
        return std::nullopt;
    }
    return cutOff;
}

int runTray(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    if (const auto no = refusal(ctx.permissions(), session, Permission::ViewPortfolio)) {
        ctx.err << tr("Error: %1\n").arg(*no);
        return Failed;
    }
    const auto cutOff = trayCutOff(ctx, *db, args, session);
    if (!cutOff)
        return Failed;
    TrayFilter filter;
    filter.portfolio.branchCode = args.value(QStringLiteral("sucursal"));
    filter.portfolio.officer = args.value(QStringLiteral("oficial"));
    filter.portfolio.sector = args.value(QStringLiteral("sector"));
    filter.rezagadosOnly = args.isSet(QStringLiteral("rezagados"));
    filter.unbookedOnly = args.isSet(QStringLiteral("sin-agendar"));
    if (args.isSet(QStringLiteral("calificacion-ant"))) {
        filter.portfolio.previousRating = parseRating(args.value(QStringLiteral("calificacion-ant")));
        if (!filter.portfolio.previousRating) {
            ctx.err << tr("Error: «%1» no es una calificación (A1 … E).\n").arg(args.value(QStringLiteral("calificacion-ant")));
            return BadUsage;
        }
    }
    std::optional<PortfolioSortKey> sortKey;
    bool descending = false;
    if (args.isSet(QStringLiteral("sort"))) {
        QString name = args.value(QStringLiteral("sort"));
        descending = name.startsWith(u'-');
        sortKey = parseSortKey(descending ? name.mid(1) : name);
        if (!sortKey) {
            ctx.err << tr("Error: no se puede ordenar por «%1»; use por ejemplo DIAS_MORA, CALIFICACION_ANT o SECTOR.\n")
                           .arg(name);
            return BadUsage;
        }
    }
    const QString scope = branchScope(session);
    if (!scope.isEmpty() && !filter.portfolio.branchCode.isEmpty()
        && filter.portfolio.branchCode.compare(scope, Qt::CaseInsensitive) != 0) {
        ctx.err << tr("Error: %1 solo puede ver la bandeja de la agencia %2.\n").arg(session.fullName, scope);
        return Failed;
    }
    const RulesStore rules(*db);
    const PortfolioRules portfolioRules = rules.portfolioRules();
    const Tray tray = loadTray(*db, *cutOff, portfolioRules, rules.timeWindows().dueSoonDays, scope);
    const std::vector<int> selected = selectTray(tray, filter, sortKey, descending);
    if (args.isSet(QStringLiteral("count"))) {
        ctx.out << selected.size() << u'\n';
        return Ok;
    }
    Table table({QStringLiteral("SUCURSAL"), QStringLiteral("NUMERO_CREDITO"), QStringLiteral("APELLIDOS_NOMBRES"),
                 QStringLiteral("OFICIAL_CREDITO"), QStringLiteral("SECTOR"), QStringLiteral("DIAS_MORA"),
                 QStringLiteral("VALOR_VENCIDO"), QStringLiteral("CALIFICACION"), QStringLiteral("CALIFICACION_ANT"),
                 QStringLiteral("RESPONSABLE"), QStringLiteral("AGENDADO"), QStringLiteral("AGENDADO_A"),
                 QStringLiteral("ULTIMA_GESTION"), QStringLiteral("FECHA_GESTION"),
                 QStringLiteral("FECHA_REAGENDAMIENTO"), QStringLiteral("ETAPA"), QStringLiteral("NOTIFICACION"),
                 QStringLiteral("PROMESA_PAGO")});
    const QList<LadderStage> &stages = portfolioRules.ladder.stages();
    for (int i : selected) {
        const PortfolioLine &l = tray.lines[static_cast<size_t>(i)];
        const TrayStatus &st = tray.status[static_cast<size_t>(i)];
        const LadderStage *stage = l.ladderStage >= 0 && l.ladderStage < stages.size() ? &stages[l.ladderStage] : nullptr;
        table.addRow({l.row.branchCode, l.row.creditNumber, l.fullName, l.row.officer, l.row.sector,
                      QString::number(l.row.daysPastDue), l.row.overdue.toPlainString(), ratingCode(l.row.rating),
                      l.row.previousRating ? ratingCode(*l.row.previousRating) : QString(), roleLabel(l.responsible),
                      iso(st.bookedOn), st.bookedTo, st.lastResult ? visitStateLabel(*st.lastResult) : QString(),
                      iso(st.lastResultOn), iso(st.rescheduledTo),
                      stage ? CollectionsLadder::rangeLabel(*stage) : QString(),
                      stage && stage->notice ? noticeTypeCode(*stage->notice) : QString(), iso(st.promisedOn)});
    }
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

int runBook(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"));
    const auto staff = staffOption(ctx, *db, args);
    if (!day || !staff)
        return BadUsage;
    const QStringList credits = args.positionalArguments();
    if (credits.isEmpty()) {
        ctx.err << tr("Error: indique los números de crédito a agendar.\n");
        return BadUsage;
    }
    const auto cutOff = trayCutOff(ctx, *db, args, session);
    if (!cutOff)
        return Failed;
    const RulesStore rules(*db);
    const BookResult r = BookingService(*db, session, ctx.permissions(), rules.ratingRoles(), rules.timeWindows(),
                                        ctx.clock())
                             .book(credits, staff->id, *day, *cutOff);
    if (!r.ok) {
        ctx.err << tr("Error: %1\n").arg(r.summary);
        for (const QString &reason : r.reasons())
            ctx.err << QStringLiteral("  - %1\n").arg(reason);
        return Failed;
    }
    ctx.out << r.summary << u'\n';
    if (r.outsideWindow)
        ctx.out << tr("Agendado fuera del horario: queda registrado en la auditoría.\n");
    return Ok;
}

int runApprove(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"));
    const auto staff = staffOption(ctx, *db, args);
    if (!day || !staff)
        return BadUsage;
    QString error;
    if (!ApprovalService(*db, session, ctx.permissions(), ctx.clock()).approve(staff->id, *day, &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Hoja de ruta de %1 del %2 aprobada.\n").arg(staff->fullName, day->toString(QStringLiteral("dd/MM/yyyy")));
    return Ok;
}

// The sheets a user may see for a day: his own, or his branch's (every branch for head office).
std::optional<QList<RouteSheet>> visibleSheets(Context &ctx, const Database &db, const Session &session, QDate day,
                                               const std::optional<StaffMember> &only)
{
    const RouteSheetStore store(db, RulesStore(db).collectionsLadder());
    if (!seesBranchAgenda(ctx.permissions(), session.role)) {
        if (only && only->id != session.staffId) {
            ctx.err << tr("Error: %1 solo puede ver su propia agenda.\n").arg(session.fullName);
            return std::nullopt;
        }
        return store.agenda(day, {}, session.staffId);
    }
    return store.agenda(day, branchScope(session), only ? only->id : 0);
}

int runAgenda(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"), ctx.clock().today());
    if (!day)
        return BadUsage;
    std::optional<StaffMember> only;
    if (args.isSet(QStringLiteral("staff")) && !(only = staffOption(ctx, *db, args)))
        return BadUsage;
    const auto sheets = visibleSheets(ctx, *db, session, *day, only);
    if (!sheets)
        return Failed;
    Table table({QStringLiteral("FUNCIONARIO"), QStringLiteral("NOTIFICADOR"), QStringLiteral("ORDEN"),
                 QStringLiteral("NUMERO_CREDITO"), QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("SECTOR"),
                 QStringLiteral("DIAS_MORA"), QStringLiteral("VALOR_VENCIDO"), QStringLiteral("ESTADO"),
                 QStringLiteral("VISTO_BUENO")});
    for (const RouteSheet &sheet : *sheets)
        for (const RouteVisit &v : sheet.visits)
            table.addRow({sheet.person.username, sheet.notifier.username, QString::number(v.order), v.creditNumber,
                          v.memberName, v.sector, QString::number(v.daysPastDue), v.overdue.toPlainString(),
                          visitStateLabel(v.state.value_or(VisitState::Agendado)),
                          sheet.approved() ? sheet.approvedBy : tr("PENDIENTE")});
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

int runPrint(Context &ctx, const QCommandLineParser &args)
{
    const QStringList what = args.positionalArguments();
    if (!what.isEmpty() && what.first() == QLatin1String("notices"))
        return runPrintNotices(ctx, args);
    if (what != QStringList{QStringLiteral("route-sheet")}) {
        ctx.err << tr("Error: indique qué imprimir: «print route-sheet --date D --staff X -o ARCHIVO.pdf» o «print "
                      "notices [--type TIPO] [--date D] [--branch X] -o ARCHIVO.pdf [CREDITO...]».\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"));
    const auto staff = staffOption(ctx, *db, args);
    const QString out = args.value(QStringLiteral("o"));
    if (!day || !staff)
        return BadUsage;
    if (out.isEmpty()) {
        ctx.err << tr("Error: falta -o ARCHIVO.pdf.\n");
        return BadUsage;
    }
    const auto sheets = visibleSheets(ctx, *db, session, *day, staff);
    if (!sheets)
        return Failed;
    // A sheet with no visits still prints (it says so), but only for someone the user may see.
    std::optional<RouteSheet> sheet = sheets->isEmpty() ? std::nullopt : std::optional(sheets->constFirst());
    if (!sheet) {
        if (!seesBranchAgenda(ctx.permissions(), session.role) && staff->id != session.staffId)
            return Failed;
        sheet = RouteSheetStore(*db, RulesStore(*db).collectionsLadder()).load(staff->id, *day);
    }
    const TimeWindows windows = RulesStore(*db).timeWindows();
    const QTime now = ctx.clock().now().time();
    if (*day == ctx.clock().today() && (now < windows.printingFrom || now > windows.printingUntil))
        ctx.err << tr("Aviso: la hoja de ruta se imprime de %1 a %2.\n")
                       .arg(windows.printingFrom.toString(QStringLiteral("HH:mm")),
                            windows.printingUntil.toString(QStringLiteral("HH:mm")));
    if (!sheet->approved())
        ctx.err << tr("Aviso: la hoja de ruta no tiene visto bueno; se imprime como PENDIENTE.\n");
    QString error;
    RouteSheetReport report(Letterhead::fromSettings(*db));
    report.setPrintedAt(ctx.clock().now());
    if (!report.writePdf(out, *sheet, &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Hoja de ruta de %1 del %2 (%3 visitas) guardada en %4.\n")
                   .arg(sheet->person.fullName, day->toString(QStringLiteral("dd/MM/yyyy")))
                   .arg(sheet->visits.size())
                   .arg(out);
    return Ok;
}

} // namespace

QList<Command> routeCommands()
{
    const Option format{{QStringLiteral("format")}, QStringLiteral("table|csv|json"),
                        tr("Formato de salida (por defecto table)."), QStringLiteral("table")};
    const Option date{{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"), tr("Fecha de las visitas.")};
    const Option staff{{QStringLiteral("staff")}, QStringLiteral("USUARIO"), tr("Persona de la hoja de ruta.")};
    const Option cutOff{{QStringLiteral("corte")}, QStringLiteral("AAAA-MM-DD"),
                        tr("Corte de la bandeja (por defecto el de ayer; oficiales de cobranzas: fin del mes anterior).")};
    return {
        {QStringLiteral("tray"),
         QStringLiteral("tray [--corte D] [--sucursal X] [--oficial X] [--calificacion-ant R] [--sector X] "
                        "[--rezagados] [--sin-agendar] [--sort COLUMNA] [--count] [--format table|csv|json]"),
         tr("Bandeja de créditos vencidos y por vencer, con agendamiento, última gestión y etapa de cobranza."),
         {cutOff,
          {{QStringLiteral("sucursal")}, QStringLiteral("X"), tr("Solo esta sucursal (código).")},
          {{QStringLiteral("oficial")}, QStringLiteral("X"), tr("Solo este oficial de crédito.")},
          {{QStringLiteral("calificacion-ant")}, QStringLiteral("R"), tr("Solo esta calificación anterior.")},
          {{QStringLiteral("sector")}, QStringLiteral("X"), tr("Solo este sector.")},
          {{QStringLiteral("rezagados")}, QString(), tr("Solo rezagados: en mora este mes, sin agendar ni gestión.")},
          {{QStringLiteral("sin-agendar")}, QString(), tr("Solo créditos sin visita agendada.")},
          {{QStringLiteral("sort")}, QStringLiteral("COLUMNA"), tr("Ordena por la columna (-COLUMNA: descendente).")},
          {{QStringLiteral("count")}, QString(), tr("Solo cuenta los créditos.")},
          format},
         runTray},
        {QStringLiteral("book"), QStringLiteral("book --date D --staff USUARIO [--corte D] CREDITO..."),
         tr("Agenda créditos de la bandeja en la hoja de ruta de una persona (todos o ninguno)."),
         {date, staff, cutOff},
         runBook},
        {QStringLiteral("approve"), QStringLiteral("approve --date D --staff USUARIO"),
         tr("Da el visto bueno a la hoja de ruta de una persona para un día."),
         {date, staff},
         runApprove},
        {QStringLiteral("agenda"), QStringLiteral("agenda [--date D] [--staff USUARIO] [--format table|csv|json]"),
         tr("Agenda de visitas de un día (por defecto hoy) con su estado; cada asesor ve la suya."),
         {{{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"), tr("Fecha (por defecto hoy).")}, staff, format},
         runAgenda},
        {QStringLiteral("print"),
         QStringLiteral("print route-sheet --date D --staff USUARIO -o ARCHIVO.pdf | print notices [--type TIPO] "
                        "[--date D] [--corte D] [--branch X] [--staff USUARIO] -o ARCHIVO.pdf [CREDITO...]"),
         tr("Imprime la hoja de ruta (Registro 1) de una persona, o las notificaciones pendientes (o las de los "
            "créditos indicados) para el socio y cada garante, a un PDF."),
         {date, staff, cutOff,
          {{QStringLiteral("type")}, QStringLiteral("TIPO"), tr("Notificaciones: solo este tipo (F1TG, F2TG, …).")},
          {{QStringLiteral("branch")}, QStringLiteral("X"), tr("Notificaciones: solo esta agencia.")},
          {{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("ARCHIVO.pdf"), tr("PDF a escribir.")}},
         runPrint},
    };
}

} // namespace cobranza::cli
