// Enters visit results the way an advisor does at the end of the day, keyboard only, on his own
// agenda: the result form beside the table, the Estado cell typed in place, Gestión Propia with
// Ctrl+G. Asserts on what reached the database and on how many keys it took.
#include "auth/passwordhasher.h"
#include "demo/demoseeder.h"
#include "import/portfolioimporter.h"
#include "notices/noticeservice.h"
#include "portfoliofile.h"
#include "results/owninitiativedialog.h"
#include "results/resultform.h"
#include "results/resultservice.h"
#include "routes/agendaview.h"
#include "routes/bookingservice.h"
#include "routes/routevisitmodel.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/rulesstore.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <array>
#include <memory>

using namespace cobranza;
using namespace cobranza::test;

namespace {

const QDate kCutOffDay(2026, 11, 21);
const QDate kMonday(2026, 11, 23);
constexpr qint64 kAdvisor = 2; // epsubia, PINEDA VACA ANA, initials PVA

// Waits, serving events, until `pred` holds; false after three seconds.
template <typename Pred> bool waitFor(Pred pred)
{
    QElapsedTimer t;
    t.start();
    while (!pred() && t.elapsed() < 3000)
        QTest::qWait(10);
    return pred();
}

// Listed first among the bases: widgets need a QApplication before anything makes a QCoreApplication.
struct GuiApp
{
    GuiApp() { ensureGuiApp(); }
};

// A branch with an advisor, her coordinator and `credits` credits of hers; the first `booked` are on
// her sheet of Monday, booked by the coordinator at eight, and the clock is at six in the evening,
// when she enters what she did. The last credit is CHAMORRO YÉPEZ ANDREA, for Gestión Propia.
struct EntryFixture : GuiApp
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    FixedClock clock{QDateTime(kMonday, QTime(8, 0))};
    QList<qint64> bookingIds;

    explicit EntryFixture(int booked, int credits = 40)
    {
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("entry.sqlite")), &error);
        REQUIRE(db);
        REQUIRE(db->execScript(QStringLiteral(
                                   "INSERT INTO branches(id, code, name) VALUES(1, 'IBA', 'Ibarra');"
                                   "INSERT INTO staff(id, username, full_name, initials, role, branch_id, pooled, pool_id, "
                                   "created_at) VALUES"
                                   "(1, 'admin', 'ADMINISTRADOR', 'ADM', 'SISTEMAS', NULL, 0, NULL, '2026-01-01'),"
                                   "(2, 'epsubia', 'PINEDA VACA ANA', 'PVA', 'ASESOR_NEGOCIOS', 1, 0, NULL, '2026-01-01'),"
                                   "(4, 'coord', 'COORDINADOR IBARRA', 'COI', 'COORDINADOR_AGENCIA', 1, 0, NULL, '2026-01-01');"),
                               &error));
        PortfolioFile file;
        for (int n = 1; n <= credits; ++n) {
            auto row = PortfolioFile::validRow(n);
            row[QStringLiteral("DIAS_MORA")] = QString::number(4 + n % 30);
            if (n == credits)
                row[QStringLiteral("APELLIDOS_NOMBRES")] = QStringLiteral("CHAMORRO YÉPEZ ANDREA");
            file.add(row);
        }
        ImportOptions options;
        options.filePath = writeFile(dir, QStringLiteral("cartera.csv"), file.utf8());
        const ImportResult imported = PortfolioImporter(*db, session(QStringLiteral("admin")), PermissionTable::defaults(),
                                                        RatingScales::defaults())
                                          .run(options);
        REQUIRE(imported.accepted());
        QStringList numbers;
        for (int n = 1; n <= booked; ++n)
            numbers << credit(n);
        const BookResult r = BookingService(*db, session(QStringLiteral("coord")), PermissionTable::defaults(),
                                            RatingRoles::defaults(), TimeWindows{}, clock)
                                 .book(numbers, kAdvisor, kMonday, kCutOffDay);
        INFO(r.reasons().join(u'\n').toStdString());
        REQUIRE(r.ok);
        bookingIds = r.bookingIds;
        clock.set(QDateTime(kMonday, QTime(18, 0)));
    }

    static QString credit(int n) { return QStringLiteral("CR-%1").arg(n, 6, 10, QLatin1Char('0')); }
    // A notice is delivered on paper: printed first, as she does in the morning.
    void printNotice(int n, NoticeType type) const
    {
        NoticeRequest request;
        request.creditNumbers = {credit(n)};
        request.type = type;
        request.cutOff = kCutOffDay;
        request.date = kMonday;
        const NoticeBatchResult printed =
            NoticeService(*db, session(QStringLiteral("epsubia")), PermissionTable::defaults(), PortfolioRules{},
                          NoticeTemplates(), clock)
                .print(request, [](const QList<NoticeDocument> &, QString *) { return true; });
        INFO(printed.errors.join(u'\n').toStdString());
        REQUIRE(printed.ok);
    }
    Session session(const QString &username) const
    {
        const auto s = DirectoryStore(*db).sessionFor(username);
        REQUIRE(s);
        return *s;
    }
    qint64 results() const { return queryInt(*db, QStringLiteral("SELECT COUNT(*) FROM visit_results")); }
    QString resultOf(int n, const QString &column) const
    {
        return queryText(*db, QStringLiteral("SELECT IFNULL(r.%1, '') FROM visit_results r JOIN bookings b ON "
                                             "b.id = r.booking_id WHERE b.credit_number = '%2' AND b.visit_date = "
                                             "'2026-11-23'")
                                  .arg(column, credit(n)));
    }

    // The advisor's own agenda, shown and active so that keys go where the focus is.
    std::unique_ptr<AgendaView> agenda()
    {
        auto v = std::make_unique<AgendaView>(*db, session(QStringLiteral("epsubia")), clock);
        v->resize(1280, 800);
        v->show();
        v->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(v.get()));
        v->table()->setFocus();
        REQUIRE(waitFor([&v] { return QApplication::focusWidget() == v->table(); }));
        REQUIRE(v->entersResults());
        return v;
    }
};

QWidget *focused()
{
    QWidget *w = QApplication::focusWidget();
    REQUIRE(w);
    return w;
}

// Keys go to whatever has the focus, as they do for a person: the form must have put it there.
void press(Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QTest::keyClick(focused(), key, mods);
}

void type(const QString &text)
{
    typeText(focused(), text);
}

// Counts the keys a person presses: each KeyPress once however far it propagates, a chord once
// (modifier keys themselves are not counted), and a key a shortcut takes (Shortcut event) too.
class KeyCounter final : public QObject
{
public:
    KeyCounter() { qApp->installEventFilter(this); }
    ~KeyCounter() override { qApp->removeEventFilter(this); }
    KeyCounter(const KeyCounter &) = delete;
    KeyCounter &operator=(const KeyCounter &) = delete;
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::KeyRelease) {
            m_last = nullptr;
        } else if (event->type() == QEvent::Shortcut) {
            ++m_count;
        } else if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            const bool modifier = key->key() == Qt::Key_Shift || key->key() == Qt::Key_Control
                                  || key->key() == Qt::Key_Alt || key->key() == Qt::Key_Meta;
            // The same event handed to a parent or an editor is still one key.
            if (!modifier && !(event == m_last && key->key() == m_lastKey))
                ++m_count;
            m_last = event;
            m_lastKey = key->key();
        }
        return false;
    }

private:
    int m_count = 0;
    const QEvent *m_last = nullptr;
    int m_lastKey = 0;
};

// One result as typed: what goes in each field of the form, in its order (ResultField), "" for a
// field left empty. ESTADO holds the keys typed for it: a number, or an initial pressed again.
using Typed = std::array<QString, 10>;

// Types a result from ESTADO: the field's text, Enter to the next, and Ctrl+Enter once the last
// filled field is typed. Returns the keys that takes: the characters plus one key per field moved
// or saved.
int enterResult(const Typed &fields)
{
    int last = 0;
    for (int i = 0; i < static_cast<int>(fields.size()); ++i)
        if (!fields[static_cast<size_t>(i)].isEmpty())
            last = i;
    int keys = 0;
    for (int i = 0; i <= last; ++i) {
        const QString &text = fields[static_cast<size_t>(i)];
        type(text);
        keys += static_cast<int>(text.size());
        press(Qt::Key_Return, i == last ? Qt::ControlModifier : Qt::NoModifier);
        ++keys;
    }
    return keys;
}

QString stateText(const AgendaView &view, int row)
{
    return view.model()->index(row, RouteVisitModel::State).data().toString();
}

} // namespace

TEST_CASE("An advisor enters ten results by keyboard only", "[ui][results]")
{
    EntryFixture f(10);
    f.printNotice(8, NoticeType::SeguimientoMorosos);
    f.printNotice(9, NoticeType::CompromisoPago);
    auto view = f.agenda();
    ResultForm *form = view->resultForm();
    // The first visit is in the form already; Enter in the table puts the cursor on ESTADO.
    CHECK(form->creditNumber() == EntryFixture::credit(1));
    press(Qt::Key_Return);
    REQUIRE(focused() == form->field(ResultField::State));

    const QList<Typed> day = {
        {QStringLiteral("6"), QStringLiteral("1030"), QStringLiteral("socio atendió en su negocio")},
        {QStringLiteral("7"), QStringLiteral("1100"), QStringLiteral("nadie en casa, la vecina dice que viajó")},
        {QStringLiteral("6"), QStringLiteral("1145"), QStringLiteral("no tenía efectivo"),
         QStringLiteral("paga la cuota vencida"), QStringLiteral("27112026"), QStringLiteral("241")},
        {QStringLiteral("4"), QStringLiteral("1200"), QStringLiteral("contestó la esposa")},
        {QStringLiteral("6"), QStringLiteral("1230"), QStringLiteral("entregó abono"), {}, {}, {}, {}, {},
         QStringLiteral("120,50"), QStringLiteral("r-1001")},
        {QStringLiteral("1"), QStringLiteral("1500"), QStringLiteral("lluvia fuerte, vía cerrada"), {}, {}, {}, {},
         QStringLiteral("25/11/2026")},
        {QStringLiteral("nnn"), QStringLiteral("1530"), QStringLiteral("local cerrado")},
        {QStringLiteral("3"), QStringLiteral("0900"), QStringLiteral("expediente en el abogado"), {}, {}, {},
         QStringLiteral("6")},
        {QStringLiteral("6"), QStringLiteral("1615"), QStringLiteral("firmó el compromiso"), {}, {}, {},
         QStringLiteral("7")},
        {QStringLiteral("v"), QStringLiteral("17:05"), QStringLiteral("visita con el garante")},
    };
    for (int i = 0; i < day.size(); ++i) {
        INFO("result " << i + 1 << ": " << form->statusText().toStdString());
        REQUIRE(form->creditNumber() == EntryFixture::credit(i + 1));
        REQUIRE(focused() == form->field(ResultField::State));
        enterResult(day.at(i));
        INFO("after: " << form->statusText().toStdString());
        REQUIRE(f.results() == i + 1);
    }
    CHECK(form->statusText().contains(QStringLiteral("Era la última visita del día")));
    CHECK(f.results() == 10);

    const QStringList states{QStringLiteral("VISITADO"),          QStringLiteral("NO_ENCONTRADO"), QStringLiteral("VISITADO"),
                             QStringLiteral("LLAMADA_TELEFONICA"), QStringLiteral("VISITADO"),      QStringLiteral("NO_VISITADO"),
                             QStringLiteral("NO_ENCONTRADO"),      QStringLiteral("GESTION_JUDICIAL"), QStringLiteral("VISITADO"),
                             QStringLiteral("VISITADO")};
    const QStringList hours{QStringLiteral("10:30"), QStringLiteral("11:00"), QStringLiteral("11:45"), QStringLiteral("12:00"),
                            QStringLiteral("12:30"), QStringLiteral("15:00"), QStringLiteral("15:30"), QStringLiteral("09:00"),
                            QStringLiteral("16:15"), QStringLiteral("17:05")};
    for (int n = 1; n <= 10; ++n) {
        INFO(EntryFixture::credit(n).toStdString());
        CHECK(f.resultOf(n, QStringLiteral("state")) == states.at(n - 1));
        CHECK(f.resultOf(n, QStringLiteral("visit_time")) == hours.at(n - 1));
        CHECK(f.resultOf(n, QStringLiteral("late")) == QStringLiteral("0"));
        // The table's Estado column shows what was stored.
        CHECK(stateText(*view, n - 1) == visitStateLabel(*parseVisitState(states.at(n - 1))));
    }
    // Upper case, with her initials first: she typed neither.
    CHECK(f.resultOf(1, QStringLiteral("justification")) == QStringLiteral("PVA SOCIO ATENDIÓ EN SU NEGOCIO"));
    CHECK(f.resultOf(2, QStringLiteral("justification")) == QStringLiteral("PVA NADIE EN CASA, LA VECINA DICE QUE VIAJÓ"));
    CHECK(f.resultOf(7, QStringLiteral("justification")) == QStringLiteral("PVA LOCAL CERRADO"));
    // The promise to pay: the agreement, its date and the amount.
    CHECK(f.resultOf(3, QStringLiteral("agreement")) == QStringLiteral("PAGA LA CUOTA VENCIDA"));
    CHECK(f.resultOf(3, QStringLiteral("agreement_date")) == QStringLiteral("2026-11-27"));
    CHECK(queryText(*f.db, QStringLiteral("SELECT promised_on || ' ' || amount_cents FROM promises WHERE credit_number = "
                                          "'CR-000003'"))
          == QStringLiteral("2026-11-27 24100"));
    CHECK(queryInt(*f.db, QStringLiteral("SELECT COUNT(*) FROM promises")) == 1);
    // The money collected with its receipt.
    CHECK(f.resultOf(5, QStringLiteral("collected_cents")) == QStringLiteral("12050"));
    CHECK(f.resultOf(5, QStringLiteral("receipt_number")) == QStringLiteral("r-1001"));
    // Re-scheduled: a visit booked on the new day.
    CHECK(f.resultOf(6, QStringLiteral("reschedule_date")) == QStringLiteral("2026-11-25"));
    CHECK(queryInt(*f.db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE credit_number = 'CR-000006' AND "
                                         "visit_date = '2026-11-25' AND source = 'RESCHEDULE'"))
          == 1);
    // The notices delivered.
    CHECK(f.resultOf(8, QStringLiteral("notice_delivered")) == noticeTypeCode(NoticeType::SeguimientoMorosos));
    CHECK(f.resultOf(9, QStringLiteral("notice_delivered")) == noticeTypeCode(NoticeType::CompromisoPago));
    CHECK(f.resultOf(1, QStringLiteral("notice_delivered")).isEmpty());
}

TEST_CASE("Thirty results take no more keys than their data plus one per field moved and saved", "[ui][results]")
{
    EntryFixture f(30);
    auto view = f.agenda();
    ResultForm *form = view->resultForm();
    const QStringList digits{QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("4"), QStringLiteral("1"),
                             QStringLiteral("2"), QStringLiteral("6"), QStringLiteral("3"), QStringLiteral("6")};
    QList<Typed> day;
    for (int i = 0; i < 30; ++i) {
        Typed t{digits.at(i % digits.size()), QStringLiteral("%1%2").arg(8 + i / 3, 2, 10, QLatin1Char('0')).arg(i % 3 * 20, 2, 10, QLatin1Char('0')),
                QStringLiteral("gestión número %1").arg(i + 1)};
        if (i % 5 == 2) { // a promise to pay
            t[3] = QStringLiteral("paga el vencido");
            t[4] = QStringLiteral("26112026");
            t[5] = QStringLiteral("100");
        }
        if (i % 7 == 4) { // money collected
            t[8] = QStringLiteral("35,75");
            t[9] = QStringLiteral("R-%1").arg(2000 + i);
        }
        day << t;
    }
    // The budget: for every result, the characters typed (state key, hour digits, texts, dates and
    // amounts) plus one key per field moved (Enter from ESTADO to the last filled field) plus the one
    // Ctrl+Enter that saves; and one Enter in the table, once, to open the first visit. Nothing else:
    // no key to clear a field, to find the next visit or to return to ESTADO.
    int budget = 1;
    for (const Typed &t : day) {
        int last = 0;
        for (int i = 0; i < static_cast<int>(t.size()); ++i)
            if (!t[static_cast<size_t>(i)].isEmpty()) {
                last = i;
                budget += static_cast<int>(t[static_cast<size_t>(i)].size());
            }
        budget += last + 1;
    }

    KeyCounter counter;
    press(Qt::Key_Return);
    for (const Typed &t : day) {
        INFO(form->statusText().toStdString());
        REQUIRE(focused() == form->field(ResultField::State));
        enterResult(t);
    }
    CHECK(f.results() == 30);
    CHECK(queryInt(*f.db, QStringLiteral("SELECT COUNT(*) FROM promises")) == 6);
    CHECK(queryInt(*f.db, QStringLiteral("SELECT COUNT(*) FROM visit_results WHERE collected_cents = 3575")) == 4);
    WARN("keys pressed: " << counter.count() << " — budget: " << budget);
    CHECK(counter.count() <= budget);
    CHECK(counter.count() > budget / 2); // the counter does count
}

TEST_CASE("A refused entry shows its message at the field and saves nothing", "[ui][results]")
{
    EntryFixture f(3);
    auto view = f.agenda();
    ResultForm *form = view->resultForm();
    ModalCloser closer;

    // No Encontrado without a justification.
    press(Qt::Key_Return);
    type(QStringLiteral("7"));
    press(Qt::Key_Return, Qt::ControlModifier);
    CHECK(f.results() == 0);
    CHECK(form->problemAt(ResultField::Justification)
          == QStringLiteral("No Encontrado siempre lleva una justificación: escriba qué pasó."));
    CHECK(form->findChild<QLabel *>(QStringLiteral("problemJustification"))->isVisible());
    CHECK(focused() == form->field(ResultField::Justification));
    CHECK(form->statusText().startsWith(QStringLiteral("No se guardó")));
    CHECK(form->creditNumber() == EntryFixture::credit(1)); // still on the same visit

    // Esc gives the edit up: back to the table, nothing stored, nothing left typed.
    press(Qt::Key_Escape);
    CHECK(focused() == view->table());
    CHECK(form->problemAt(ResultField::Justification).isEmpty());
    CHECK_FALSE(form->isDirty());

    // Recaudación without the receipt: Enter through the empty fields, Enter on the last one saves.
    press(Qt::Key_Return);
    type(QStringLiteral("6"));
    press(Qt::Key_Return);
    type(QStringLiteral("1000"));
    press(Qt::Key_Return);
    type(QStringLiteral("pagó en el negocio"));
    for (int i = 0; i < 6; ++i) // to Recaudación
        press(Qt::Key_Return);
    REQUIRE(focused() == form->field(ResultField::Collected));
    type(QStringLiteral("50"));
    press(Qt::Key_Return);
    REQUIRE(focused() == form->field(ResultField::Receipt));
    CHECK(qobject_cast<QLineEdit *>(form->field(ResultField::Collected))->text() == QStringLiteral("$ 50,00"));
    press(Qt::Key_Return);
    CHECK(f.results() == 0);
    CHECK(form->problemAt(ResultField::Receipt) == QStringLiteral("La recaudación necesita el número de recibo de caja."));
    CHECK(focused() == form->field(ResultField::Receipt));
    CHECK(form->problemAt(ResultField::Justification).isEmpty());

    // A typed value that is no date stays in its field with the way to write it.
    form->field(ResultField::Reschedule)->setFocus();
    type(QStringLiteral("31022026"));
    press(Qt::Key_Return);
    CHECK(focused() == form->field(ResultField::Reschedule));
    CHECK(form->problemAt(ResultField::Reschedule).contains(QStringLiteral("ddmmaaaa")));

    CHECK(closer.shown().isEmpty()); // no message box: all of it at the fields
    CHECK(f.results() == 0);
    CHECK(stateText(*view, 0) == QStringLiteral("Agendado"));
}

TEST_CASE("A late result is accepted and said in the status line without a message box", "[ui][results]")
{
    EntryFixture f(2);
    f.clock.set(QDateTime(kMonday.addDays(1), QTime(9, 30))); // due Tuesday 08:45
    auto view = f.agenda();
    view->showSheet(kAdvisor, kMonday); // the agenda opens on today, Tuesday
    view->table()->setFocus();
    ResultForm *form = view->resultForm();
    ModalCloser closer;
    press(Qt::Key_Return);
    enterResult({QStringLiteral("6"), QStringLiteral("1000"), QStringLiteral("atendió")});
    CHECK(f.results() == 1);
    CHECK(f.resultOf(1, QStringLiteral("late")) == QStringLiteral("1"));
    CHECK(form->statusText().contains(QStringLiteral("fuera de plazo")));
    CHECK(form->statusText().contains(QStringLiteral("24/11/2026 08:45")));
    CHECK(closer.shown().isEmpty());
    CHECK(form->creditNumber() == EntryFixture::credit(2)); // and on to the next visit
}

TEST_CASE("The Estado cell takes a state by its number or initial and saves it", "[ui][results]")
{
    EntryFixture f(3);
    auto view = f.agenda();
    ResultForm *form = view->resultForm();
    QTableView *table = view->table();
    REQUIRE(table->currentIndex().row() == 0);
    ModalCloser closer;

    type(QStringLiteral("6"));
    press(Qt::Key_Return);
    REQUIRE(waitFor([&] { return f.results() == 1; }));
    CHECK(f.resultOf(1, QStringLiteral("state")) == QStringLiteral("VISITADO"));
    REQUIRE(waitFor([&] { return stateText(*view, 0) == QStringLiteral("Visitado"); }));
    // The next visit is selected and the keys stay in the table.
    CHECK(table->currentIndex().row() == 1);
    CHECK(focused() == table);

    // Two presses of "g": Gestión Judicial, then Gestión Propia — which is only for own initiative.
    type(QStringLiteral("g"));
    press(Qt::Key_Return);
    REQUIRE(waitFor([&] { return f.results() == 2; }));
    CHECK(f.resultOf(2, QStringLiteral("state")) == QStringLiteral("GESTION_JUDICIAL"));

    // No Encontrado needs a justification: the form takes over with the reason at its field.
    REQUIRE(table->currentIndex().row() == 2);
    type(QStringLiteral("7"));
    press(Qt::Key_Return);
    REQUIRE(waitFor([&] { return !form->problemAt(ResultField::Justification).isEmpty(); }));
    CHECK(f.results() == 2);
    CHECK(focused() == form->field(ResultField::Justification));
    CHECK(form->creditNumber() == EntryFixture::credit(3));
    type(QStringLiteral("no abrió"));
    press(Qt::Key_Return, Qt::ControlModifier);
    CHECK(f.results() == 3);
    CHECK(f.resultOf(3, QStringLiteral("justification")) == QStringLiteral("PVA NO ABRIÓ"));
    CHECK(closer.shown().isEmpty());
}

TEST_CASE("Ctrl+Enter and double click open the credit - Enter opens the result on the own sheet", "[ui][results]")
{
    EntryFixture f(2);
    auto view = f.agenda();
    QSignalSpy opened(view.get(), &AgendaView::creditActivated);
    press(Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(opened.count() == 1);
    CHECK(opened.at(0).at(0).toString() == EntryFixture::credit(1));
    press(Qt::Key_Down);
    press(Qt::Key_F2);
    CHECK(focused() == view->resultForm()->field(ResultField::State));
    CHECK(view->resultForm()->creditNumber() == EntryFixture::credit(2));
    press(Qt::Key_Escape);
    CHECK(focused() == view->table());
    const QRect cell = view->table()->visualRect(view->model()->index(0, RouteVisitModel::Member));
    // What a double click delivers: press, release, press, double click, release.
    QTest::mouseClick(view->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mousePress(view->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->table()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseRelease(view->table()->viewport(), Qt::LeftButton, {}, cell.center());
    REQUIRE(opened.count() == 2);
    CHECK(opened.at(1).at(0).toString() == EntryFixture::credit(1));
    CHECK(f.results() == 0);
}

TEST_CASE("Gestion Propia by keyboard adds the member to the day with its result", "[ui][results]")
{
    EntryFixture f(3);
    auto view = f.agenda();
    QString credit;
    int matches = -1;
    bool formOnHour = false;
    whenModalShown([&](QWidget *modal) {
        auto *dialog = qobject_cast<OwnInitiativeDialog *>(modal);
        if (!dialog) {
            modal->close();
            return;
        }
        // Shown is not always active yet on the offscreen platform: a window manager would activate it,
        // and the keys go where the focus is once it has arrived.
        dialog->activateWindow();
        if (!waitFor([dialog] { return QApplication::focusWidget() == dialog->searchBox(); })) {
            dialog->reject();
            return;
        }
        type(QStringLiteral("yepez and")); // part of the surname, without its accent, and of the name
        matches = dialog->matches()->rowCount();
        press(Qt::Key_Return);
        credit = dialog->form()->creditNumber();
        formOnHour = focused() == dialog->form()->field(ResultField::VisitTime);
        type(QStringLiteral("1600"));
        press(Qt::Key_Return);
        type(QStringLiteral("cobro en el mercado"));
        for (int i = 0; i < 6; ++i)
            press(Qt::Key_Return);
        type(QStringLiteral("50"));
        press(Qt::Key_Return);
        type(QStringLiteral("R-77"));
        QTest::qWait(20); // the layout follows the picked credit
        dialog->grab().save(QStringLiteral("/tmp/results-propia.png"));
        press(Qt::Key_Return); // the last field: saves, and the dialog closes
        if (dialog->isVisible())
            dialog->reject();
    });
    press(Qt::Key_G, Qt::ControlModifier);
    CHECK(matches == 1);
    CHECK(credit == EntryFixture::credit(40));
    CHECK(formOnHour);
    CHECK(queryInt(*f.db, QStringLiteral("SELECT COUNT(*) FROM bookings WHERE source = 'PROPIA' AND worker_id = 2 AND "
                                         "visit_date = '2026-11-23' AND credit_number = 'CR-000040'"))
          == 1);
    CHECK(f.resultOf(40, QStringLiteral("state")) == QStringLiteral("GESTION_PROPIA"));
    CHECK(f.resultOf(40, QStringLiteral("justification")) == QStringLiteral("PVA COBRO EN EL MERCADO"));
    CHECK(f.resultOf(40, QStringLiteral("collected_cents")) == QStringLiteral("5000"));
    // The agenda shows the new visit, selected, with its state.
    REQUIRE(view->model()->rowCount() == 4);
    CHECK(view->model()->visitAt(3)->creditNumber == EntryFixture::credit(40));
    CHECK(stateText(*view, 3) == QStringLiteral("Gestión Propia"));
    CHECK(view->table()->currentIndex().row() == 3);
    CHECK(view->resultForm()->statusText().contains(QStringLiteral("CR-000040")));
}

TEST_CASE("Result entry screenshot of an advisor's day at 1280x800", "[ui][results][screenshot]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")), &error);
    REQUIRE(db);
    DemoSeeder seeder(*db, PasswordHasher::fastForTests());
    REQUIRE(seeder.seedDirectory(&error));
    const auto admin = DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
    REQUIRE(admin);
    REQUIRE(seeder.importPortfolio(*admin, 1500, 99, kCutOffDay, false).accepted());
    const auto coordinator = DirectoryStore(*db).sessionFor(QStringLiteral("mvbenalcazar"));
    const auto advisor = DirectoryStore(*db).sessionFor(QStringLiteral("agchamorro"));
    REQUIRE(coordinator);
    REQUIRE(advisor);
    QSqlQuery q(db->connection());
    REQUIRE(q.exec(QStringLiteral("SELECT sc.credit_number FROM snapshot_credits sc JOIN snapshots s ON s.id = "
                                  "sc.snapshot_id WHERE s.cut_off = '2026-11-21' AND sc.branch_code = 'IBA' AND "
                                  "sc.rating IN ('A1', 'A2', 'A3') AND sc.days_past_due > 0 "
                                  "ORDER BY sc.officer = 'agchamorro' DESC, sc.credit_number LIMIT 12")));
    QStringList credits;
    while (q.next())
        credits.append(q.value(0).toString());
    REQUIRE(credits.size() == 12);
    FixedClock clock(QDateTime(kMonday, QTime(8, 0)));
    const BookResult booked = BookingService(*db, *coordinator, PermissionTable::defaults(), RatingRoles::defaults(),
                                             TimeWindows{}, clock)
                                  .book(credits, advisor->staffId, kMonday, kCutOffDay);
    REQUIRE(booked.ok);
    clock.set(QDateTime(kMonday, QTime(17, 40)));
    // Three results already in, the way the afternoon goes.
    const ResultService service(*db, *advisor, PermissionTable::defaults(), TimeWindows{}, WorkingCalendar{}, clock);
    const auto result = [&](int i, VisitState s, QTime t, const char *text) {
        VisitResult r;
        r.bookingId = booked.bookingIds.at(i);
        r.state = s;
        r.visitTime = t;
        r.justification = QString::fromUtf8(text);
        REQUIRE(service.save(r).ok);
    };
    result(0, VisitState::Visitado, QTime(9, 20), "socio atendió, pagará el viernes");
    result(1, VisitState::NoEncontrado, QTime(10, 5), "nadie en casa");
    result(2, VisitState::LlamadaTelefonica, QTime(10, 40), "contestó el garante");

    AgendaView view(*db, *advisor, clock);
    view.resize(1280, 800);
    view.show();
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    REQUIRE(view.entersResults());
    REQUIRE(view.table()->currentIndex().row() == 3); // the first visit without a result
    view.table()->setFocus();
    // The fourth visit: No Encontrado typed without its justification, and refused.
    press(Qt::Key_Return);
    type(QStringLiteral("7"));
    press(Qt::Key_Return);
    type(QStringLiteral("1115"));
    press(Qt::Key_Return, Qt::ControlModifier);
    REQUIRE_FALSE(view.resultForm()->problemAt(ResultField::Justification).isEmpty());
    QTest::qWait(50);
    const QString path = QStringLiteral("/tmp/results-entry.png");
    REQUIRE(view.grab().save(path));
    CHECK(QFileInfo(path).size() > 10000);
}
