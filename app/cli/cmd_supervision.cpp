#include "cli.h"

#include "datetext.h"
#include "dailyerrordocument.h"
#include "errorreport.h"
#include "output.h"
#include "routes/routesheetstore.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"
#include "supervision/dailyerrorreport.h"
#include "supervision/dailyreview.h"
#include "supervision/errorrules.h"
#include "supervision/verificationservice.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QRegularExpression>

namespace cobranza::cli {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cli", s); }

std::optional<QDate> dateOption(Context &ctx, const QCommandLineParser &args, const QString &name)
{
    if (!args.isSet(name)) {
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

// The session with `p`, or nothing after saying why (exit code Failed).
bool allowed(Context &ctx, const Session &session, Permission p)
{
    if (const auto no = refusal(ctx.permissions(), session, p)) {
        ctx.err << tr("Error: %1\n").arg(*no);
        return false;
    }
    return true;
}

// The branch a command works on: --branch when the session may choose it (head office may choose
// any, or none for every branch unless `required`), else the session's own. Sets `exit` on refusal.
std::optional<QString> branchOption(Context &ctx, const Database &db, const QCommandLineParser &args,
                                    const Session &session, bool required, int *exit)
{
    const QString scope = branchScope(session);
    const QString asked = args.value(QStringLiteral("branch")).trimmed().toUpper();
    if (!asked.isEmpty()) {
        if (!DirectoryStore(db).branchByCode(asked)) {
            ctx.err << tr("Error: no existe la agencia «%1».\n").arg(asked);
            *exit = BadUsage;
            return std::nullopt;
        }
        if (!scope.isEmpty() && asked.compare(scope, Qt::CaseInsensitive) != 0) {
            ctx.err << tr("Error: %1 solo puede ver la agencia %2.\n").arg(session.fullName, scope);
            *exit = Failed;
            return std::nullopt;
        }
        return asked;
    }
    if (scope.isEmpty() && required) {
        ctx.err << tr("Error: falta --branch CODIGO (la agencia).\n");
        *exit = BadUsage;
        return std::nullopt;
    }
    return scope;
}

// The day's visits of a branch by booking id, to name what a sample or a check is about.
QHash<qint64, std::pair<StaffMember, RouteVisit>> visitsOf(const Database &db, QDate day, const QString &branch)
{
    QHash<qint64, std::pair<StaffMember, RouteVisit>> out;
    for (const RouteSheet &sheet : RouteSheetStore(db, RulesStore(db).collectionsLadder()).agenda(day, branch))
        for (const RouteVisit &v : sheet.visits)
            out.insert(v.bookingId, {sheet.person, v});
    return out;
}

QString errorCodes(const QList<StaffError> &errors)
{
    QMap<QString, int> counts;
    for (const StaffError &e : errors)
        counts[errorInfo(e.type).code] += 1;
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(it.value() == 1 ? it.key() : QStringLiteral("%1×%2").arg(it.key()).arg(it.value()));
    return parts.join(u' ');
}

// What an error report is read with: the database, the signed-in reader of supervision, his branch.
struct ReportReader
{
    Database *db = nullptr;
    Session session;
    QString branch;
};

// Signs in a reader of supervision and resolves --branch; prints why and sets `exit` when refused.
// A PDF's text is laid out with the GUI application's fonts (offscreen is enough): without them,
// `otherFormats` ("use .csv") is what the message offers.
std::optional<ReportReader> reportReader(Context &ctx, const QCommandLineParser &args, bool pdf,
                                         const QString &otherFormats, int *exit)
{
    ReportReader r;
    r.db = ctx.database();
    *exit = Failed;
    if (!r.db || !ctx.resolveSession(&r.session) || !allowed(ctx, r.session, Permission::ReadSupervision))
        return std::nullopt;
    *exit = Ok;
    const auto branch = branchOption(ctx, *r.db, args, r.session, false, exit);
    if (!branch)
        return std::nullopt;
    r.branch = *branch;
    if (pdf && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        ctx.err << tr("Error: no se pudo preparar la generación del PDF; %1.\n").arg(otherFormats);
        *exit = Failed;
        return std::nullopt;
    }
    return r;
}

// The daily error report of `day` at `out` (.pdf or .csv, checked by the caller).
int runDailyReport(Context &ctx, const QCommandLineParser &args, QDate day, const QString &out)
{
    int exit = Ok;
    const auto reader =
        reportReader(ctx, args, out.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive), tr("use .csv"), &exit);
    if (!reader)
        return exit;
    Database *db = reader->db;
    const QString &branch = reader->branch;
    const QDateTime now = ctx.clock().now();
    const DailyErrorReport report =
        dailyErrorReport(*db, day, branch, SupervisionRules::fromSettings(*db, day.year()), now);
    QString error;
    if (!writeDailyErrorReport(out, report, Letterhead::fromSettings(*db), reader->session.fullName, now, &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    const QString heading = tr("Reporte diario de errores del %1 (%2)")
                                .arg(dailyErrorDayText(report.day),
                                     errorReportBranchText(report.branchCode, report.branchName));
    if (report.people.isEmpty()) {
        ctx.out << tr("%1: nadie tenía visitas agendadas ni errores; guardado en %2.\n").arg(heading, out);
        return Ok;
    }
    qsizetype withErrors = 0;
    for (const DailyErrorPerson &p : report.people)
        withErrors += p.errors.isEmpty() ? 0 : 1;
    // Each count with its own singular: "1 error", "1 persona revisada".
    const auto count = [](qsizetype n, const QString &one, const QString &many) { return (n == 1 ? one : many).arg(n); };
    ctx.out << tr("%1: %2 de %3, %4; guardado en %5.\n")
                   .arg(heading, count(report.total, tr("%1 error"), tr("%1 errores")),
                        count(report.people.size(), tr("%1 persona revisada"), tr("%1 personas revisadas")),
                        count(withErrors, tr("%1 con errores"), tr("%1 con errores")), out);
    return Ok;
}

int runReport(Context &ctx, const QCommandLineParser &args)
{
    if (args.positionalArguments() != QStringList{QStringLiteral("errors")}) {
        ctx.err << tr("Error: use «report errors --month AAAA-MM [--branch X] -o ARCHIVO.pdf|.xlsx|.csv» o «report "
                      "errors --date AAAA-MM-DD [--branch X] -o ARCHIVO.pdf|.csv».\n");
        return BadUsage;
    }
    const bool byMonth = args.isSet(QStringLiteral("month"));
    const bool byDay = args.isSet(QStringLiteral("date"));
    if (byMonth == byDay) {
        ctx.err << (byMonth ? tr("Error: use --month (el F.1-A del mes) o --date (el reporte del día), no los dos.\n")
                            : tr("Error: falta --month AAAA-MM (el F.1-A del mes) o --date AAAA-MM-DD (el reporte "
                                 "del día).\n"));
        return BadUsage;
    }
    const QString out = args.value(QStringLiteral("o"));
    const QString suffix = out.contains(u'.') ? out.section(u'.', -1).toLower() : QString();
    if (byDay) {
        const QDate day = parseCliDate(args.value(QStringLiteral("date")));
        if (!day.isValid()) {
            ctx.err << tr("Error: «%1» no es una fecha (AAAA-MM-DD) en --date.\n").arg(args.value(QStringLiteral("date")));
            return BadUsage;
        }
        if (suffix != u"pdf" && suffix != u"csv") {
            ctx.err << (out.isEmpty() ? tr("Error: falta -o ARCHIVO.pdf o ARCHIVO.csv.\n")
                                      : tr("Error: «%1» en -o: el reporte diario (--date) se guarda como .pdf o .csv.\n")
                                            .arg(out));
            return BadUsage;
        }
        return runDailyReport(ctx, args, day, out);
    }
    const QRegularExpressionMatch month =
        QRegularExpression(QStringLiteral("^(\\d{4})-(\\d{1,2})$")).match(args.value(QStringLiteral("month")));
    if (!month.hasMatch() || month.captured(2).toInt() < 1 || month.captured(2).toInt() > 12) {
        ctx.err << tr("Error: «%1» no es un mes (AAAA-MM) en --month.\n").arg(args.value(QStringLiteral("month")));
        return BadUsage;
    }
    if (suffix != u"pdf" && suffix != u"xlsx" && suffix != u"csv") {
        ctx.err << (out.isEmpty() ? tr("Error: falta -o ARCHIVO.pdf, ARCHIVO.xlsx o ARCHIVO.csv.\n")
                                  : tr("Error: «%1» en -o: el F.1-A (--month) se guarda como .pdf, .xlsx o .csv.\n")
                                        .arg(out));
        return BadUsage;
    }
    int exit = Ok;
    const auto reader = reportReader(ctx, args, suffix == u"pdf", tr("use .xlsx o .csv"), &exit);
    if (!reader)
        return exit;
    Database *db = reader->db;
    const int year = month.captured(1).toInt();
    const ErrorReport report = monthlyErrorReport(*db, year, month.captured(2).toInt(), reader->branch,
                                                  SupervisionRules::fromSettings(*db, year), ctx.clock().now());
    const auto b = DirectoryStore(*db).branchByCode(reader->branch);
    QString error;
    if (!writeErrorReport(out, report, Letterhead::fromSettings(*db), &error, b ? b->name : QString())) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Reporte de errores F.1-A de %1 (%2): %3 errores de %4 personas (mes anterior %5), guardado en %6.\n")
                   .arg(errorReportMonthText(report.year, report.month), errorReportBranchText(report))
                   .arg(report.total)
                   .arg(report.people.size())
                   .arg(report.previousTotal)
                   .arg(out);
    return Ok;
}

int runReview(Context &ctx, const QCommandLineParser &args)
{
    const QString view = args.value(QStringLiteral("ver"));
    if (view != u"personas" && view != u"justificaciones" && view != u"errores") {
        ctx.err << tr("Error: «%1» no es una vista; use personas, justificaciones o errores.\n").arg(view);
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"));
    if (!day)
        return BadUsage;
    if (!allowed(ctx, session, Permission::ReadSupervision))
        return Failed;
    int exit = Ok;
    const auto branch = branchOption(ctx, *db, args, session, false, &exit);
    if (!branch)
        return exit;
    const QList<ReviewRow> rows = dailyReview(*db, *day, *branch, SupervisionRules::fromSettings(*db, day->year()),
                                              ctx.clock().now());
    if (view == u"justificaciones") {
        Table table({QStringLiteral("ID"), QStringLiteral("FUNCIONARIO"), QStringLiteral("NUMERO_CREDITO"),
                     QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("ESTADO"), QStringLiteral("JUSTIFICACION"),
                     QStringLiteral("VERIFICACION")});
        for (const ReviewRow &r : rows)
            for (const JustifiedResult &j : r.justified) {
                const auto outcome = parseVerificationOutcome(j.verification);
                table.addRow({QString::number(j.bookingId), r.username, j.creditNumber, j.memberName,
                              visitStateLabel(j.state), j.justification,
                              outcome ? verificationOutcomeLabel(*outcome) : unverifiedResultLabel()});
            }
        return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
    }
    if (view == u"errores") {
        Table table({QStringLiteral("FUNCIONARIO"), QStringLiteral("CODIGO"), QStringLiteral("ERROR"),
                     QStringLiteral("NUMERO_CREDITO"), QStringLiteral("NOTA")});
        for (const ReviewRow &r : rows)
            for (const StaffError &e : r.errors)
                table.addRow({r.username, errorInfo(e.type).code, errorInfo(e.type).name, e.creditNumber, e.note});
        return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
    }
    Table table({QStringLiteral("FUNCIONARIO"), QStringLiteral("APELLIDOS_NOMBRES"), QStringLiteral("AGENDADAS"),
                 QStringLiteral("REGISTRADAS"), QStringLiteral("FALTAN"), QStringLiteral("FUERA_DE_PLAZO"),
                 QStringLiteral("REZAGADOS"), QStringLiteral("POR_JUSTIFICAR"), QStringLiteral("ERRORES"),
                 QStringLiteral("CODIGOS")});
    for (const ReviewRow &r : rows)
        table.addRow({r.username, r.name, QString::number(r.booked), QString::number(r.entered),
                      QString::number(r.missing), QString::number(r.late), QString::number(r.rezagados),
                      QString::number(r.justified.size()), QString::number(r.errors.size()), errorCodes(r.errors)});
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

int runVerify(Context &ctx, const QCommandLineParser &args)
{
    const bool confirmed = args.isSet(QStringLiteral("confirmado"));
    if (confirmed == args.isSet(QStringLiteral("contradice"))) {
        ctx.err << tr("Error: indique --confirmado o --contradice (uno de los dos).\n");
        return BadUsage;
    }
    bool ok = false;
    const qint64 booking = args.value(QStringLiteral("booking")).toLongLong(&ok);
    if (!ok || booking <= 0) {
        ctx.err << tr("Error: falta --booking ID (la visita; «review --ver justificaciones» o «results» dan su ID).\n");
        return BadUsage;
    }
    qint64 sample = 0;
    if (args.isSet(QStringLiteral("sample"))) {
        sample = args.value(QStringLiteral("sample")).toLongLong(&ok);
        if (!ok || sample <= 0) {
            ctx.err << tr("Error: «%1» no es un número de muestra en --sample.\n").arg(args.value(QStringLiteral("sample")));
            return BadUsage;
        }
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const VerificationService service(*db, session, ctx.permissions(), ctx.clock());
    const QString note = args.value(QStringLiteral("nota"));
    QString error;
    const bool stored = sample != 0 ? service.recordCheck(sample, booking, confirmed, note, &error)
                                    : service.verifyByPhone(booking, confirmed, note, &error);
    if (!stored) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    const QString outcome = confirmed ? tr("confirmado") : tr("contradice");
    ctx.out << (sample != 0 ? tr("Visita %1 de la muestra %2: %3.\n").arg(booking).arg(sample).arg(outcome)
                            : tr("Visita %1 verificada por teléfono: %2.\n").arg(booking).arg(outcome));
    return Ok;
}

int runSample(Context &ctx, const QCommandLineParser &args)
{
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"));
    if (!day)
        return BadUsage;
    bool ok = false;
    const int size = args.value(QStringLiteral("size")).toInt(&ok);
    if (!ok || size < 1) {
        ctx.err << tr("Error: --size N necesita un número de visitas (1 o más).\n");
        return BadUsage;
    }
    // The day itself (20261123) unless told: the Pivot can name it to an auditor without notes.
    quint64 seed = day->toString(QStringLiteral("yyyyMMdd")).toULongLong();
    if (args.isSet(QStringLiteral("seed"))) {
        seed = args.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            ctx.err << tr("Error: «%1» no es una semilla (un número entero) en --seed.\n").arg(args.value(QStringLiteral("seed")));
            return BadUsage;
        }
    }
    int exit = Ok;
    const auto branch = branchOption(ctx, *db, args, session, true, &exit);
    if (!branch)
        return exit;
    QString error;
    const auto drawn = VerificationService(*db, session, ctx.permissions(), ctx.clock())
                           .drawSample(*day, *branch, size, seed, &error);
    if (!drawn) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.err << tr("Muestra %1 del %2, agencia %3, semilla %4: %5 visitas. Registre cada revisión con «verify "
                  "--sample %1 --booking ID --confirmado|--contradice».\n")
                   .arg(drawn->id)
                   .arg(dayText(*day), *branch)
                   .arg(drawn->seed)
                   .arg(drawn->bookingIds.size());
    const auto visits = visitsOf(*db, *day, *branch);
    Table table({QStringLiteral("MUESTRA"), QStringLiteral("SEMILLA"), QStringLiteral("ID"),
                 QStringLiteral("FUNCIONARIO"), QStringLiteral("NUMERO_CREDITO"), QStringLiteral("APELLIDOS_NOMBRES"),
                 QStringLiteral("ESTADO"), QStringLiteral("SECTOR")});
    for (qint64 id : drawn->bookingIds) {
        const auto it = visits.constFind(id);
        const bool known = it != visits.cend();
        table.addRow({QString::number(drawn->id), QString::number(drawn->seed), QString::number(id),
                      known ? it->first.username : QString(), known ? it->second.creditNumber : QString(),
                      known ? it->second.memberName : QString(),
                      known && it->second.state ? visitStateLabel(*it->second.state) : QString(),
                      known ? it->second.sector : QString()});
    }
    return table.print(ctx, args.value(QStringLiteral("format"))) ? Ok : BadUsage;
}

int runError(Context &ctx, const QCommandLineParser &args)
{
    if (args.positionalArguments() != QStringList{QStringLiteral("add")}) {
        ctx.err << tr("Error: use «error add --staff USUARIO --date D [--credit N] --nota TEXTO».\n");
        return BadUsage;
    }
    Database *db = ctx.database();
    Session session;
    if (!db || !ctx.resolveSession(&session))
        return Failed;
    const auto day = dateOption(ctx, args, QStringLiteral("date"));
    if (!day)
        return BadUsage;
    const QString username = args.value(QStringLiteral("staff"));
    if (username.isEmpty()) {
        ctx.err << tr("Error: falta --staff USUARIO (la persona que cometió el error).\n");
        return BadUsage;
    }
    const auto staff = DirectoryStore(*db).staffByUsername(username);
    if (!staff) {
        ctx.err << tr("Error: no existe el usuario «%1»; «cobranza-cli user list» los lista.\n").arg(username);
        return BadUsage;
    }
    QString error;
    if (!VerificationService(*db, session, ctx.permissions(), ctx.clock())
             .recordError(staff->id, *day, args.value(QStringLiteral("credit")), args.value(QStringLiteral("nota")),
                          &error)) {
        ctx.err << tr("Error: %1\n").arg(error);
        return Failed;
    }
    ctx.out << tr("Error registrado a %1 el %2 (%3).\n")
                   .arg(staff->fullName, dayText(*day), errorInfo(ErrorType::Manual).code);
    return Ok;
}

} // namespace

QList<Command> supervisionCommands()
{
    const Option format{{QStringLiteral("format")}, QStringLiteral("table|csv|json"),
                        tr("Formato de salida (por defecto table)."), QStringLiteral("table")};
    const Option branch{{QStringLiteral("branch")}, QStringLiteral("CODIGO"),
                        tr("Agencia (la matriz elige; los demás, la suya).")};
    const Option date{{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"), tr("Día revisado.")};
    return {
        {QStringLiteral("report"),
         QStringLiteral("report errors --month AAAA-MM | --date AAAA-MM-DD [--branch X] -o ARCHIVO.pdf|.xlsx|.csv"),
         tr("Reporte de errores: con --month el F.1-A del mes por funcionario y tipo, con el mes anterior y el "
            "detalle; con --date el reporte diario de errores por persona, una página para entregar a cada una."),
         {{{QStringLiteral("month")}, QStringLiteral("AAAA-MM"), tr("Mes del F.1-A.")},
          {{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"),
           tr("Día del reporte diario de errores (en lugar de --month); se guarda como .pdf o .csv.")},
          branch,
          {{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("ARCHIVO"),
           tr("Archivo a escribir: .pdf, .xlsx o .csv (el diario: .pdf o .csv).")}},
         runReport},
        {QStringLiteral("review"),
         QStringLiteral("review --date D [--branch X] [--ver personas|justificaciones|errores] [--format table|csv|json]"),
         tr("Revisión diaria del Pivot: por persona, visitas agendadas, registradas, faltantes, fuera de plazo, "
            "rezagados y errores; o los resultados por justificar, o los errores del día."),
         {date, branch,
          {{QStringLiteral("ver")}, QStringLiteral("VISTA"),
           tr("personas (por defecto), justificaciones (con el ID para verify) o errores."), QStringLiteral("personas")},
          format},
         runReview},
        {QStringLiteral("verify"),
         QStringLiteral("verify --booking ID --confirmado|--contradice [--nota TEXTO] [--sample N]"),
         tr("Registra la verificación telefónica de un resultado, o con --sample la revisión física de una visita "
            "de la muestra; «contradice» lleva nota."),
         {{{QStringLiteral("booking")}, QStringLiteral("ID"), tr("La visita verificada.")},
          {{QStringLiteral("confirmado")}, QString(), tr("El socio (o el papel) confirma el resultado.")},
          {{QStringLiteral("contradice")}, QString(), tr("El socio (o el papel) contradice el resultado.")},
          {{QStringLiteral("nota")}, QStringLiteral("TEXTO"), tr("Qué se encontró.")},
          {{QStringLiteral("sample")}, QStringLiteral("N"), tr("Número de la muestra física (de «sample»).")}},
         runVerify},
        {QStringLiteral("sample"),
         QStringLiteral("sample --date D --size N [--seed S] [--branch X] [--format table|csv|json]"),
         tr("Sortea y registra la muestra de visitas del día para la verificación física; la misma semilla da la "
            "misma muestra."),
         {date,
          {{QStringLiteral("size")}, QStringLiteral("N"), tr("Visitas de la muestra.")},
          {{QStringLiteral("seed")}, QStringLiteral("S"), tr("Semilla (por defecto la fecha, AAAAMMDD).")},
          branch, format},
         runSample},
        {QStringLiteral("error"), QStringLiteral("error add --staff USUARIO --date D [--credit N] --nota TEXTO"),
         tr("Registra a mano un error de una persona (E10), con su nota; cuenta en el F.1-A."),
         {{{QStringLiteral("staff")}, QStringLiteral("USUARIO"), tr("Quién cometió el error.")},
          {{QStringLiteral("date")}, QStringLiteral("AAAA-MM-DD"), tr("Día del error.")},
          {{QStringLiteral("credit")}, QStringLiteral("NUMERO"), tr("Crédito al que se refiere (opcional).")},
          {{QStringLiteral("nota")}, QStringLiteral("TEXTO"), tr("Qué pasó: lo que se le dice a la persona.")}},
         runError},
    };
}

} // namespace cobranza::cli
