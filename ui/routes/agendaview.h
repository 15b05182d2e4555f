#pragma once

#include "clock.h"
#include "permissions.h"
#include "routes/routesheet.h"
#include "session.h"
#include "timewindows.h"

#include <QDate>
#include <QList>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QKeyEvent;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace cobranza {

class AgendaBar;
class Database;
class ResultForm;
class RouteMapWidget;
struct ResultOutcome;
class RouteVisitModel;

// The Agenda area: one person's route sheet for a day — the visits in route order, which the
// planner reorders by hand or optimises, the map of the route, the visto bueno and the printing.
// On his own sheet the user also enters the visits' results there, one after another.
class AgendaView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgendaView)

public:
    AgendaView(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);

    // Chooses the person and the day; a person the session may not see is ignored.
    void showSheet(qint64 workerId, QDate date);
    // Reads the people's counts and the shown sheet again, keeping the person, day and selection.
    void reload();

    qint64 currentWorkerId() const;
    QDate currentDate() const;
    const RouteSheet &sheet() const;
    qint64 selectedBookingId() const; // 0 when no visit is selected

    QTableView *table() const { return m_table; }
    RouteVisitModel *model() const { return m_model; }
    RouteMapWidget *map() const { return m_map; }
    QComboBox *personChooser() const;
    QDateEdit *dateEdit() const;
    QPushButton *approveButton() const { return m_approve; }
    ResultForm *resultForm() const { return m_form; }
    QPushButton *ownInitiativeButton() const { return m_ownInitiative; }
    // Whether the shown sheet is the user's own, where he enters results.
    bool entersResults() const { return m_entersResults; }

    // What the buttons do, for the main window's menus and shortcuts.
    void moveSelected(int delta); // -1 up, +1 down
    void optimizeRoute();
    void unbookSelected();
    void approve();
    void previewSheet();
    void printSheet();
    void savePdf();
    // The selected visit into the result form, the cursor on ESTADO (Enter or F2 in the table).
    void editSelectedResult();
    // Gestión propia (Ctrl+G): a member not on the agenda, added to the user's own day with its result.
    void openOwnInitiative();

signals:
    // Bookings, route order or approval changed in the database: other areas may refresh.
    void sheetChanged();
    // The user opened a visit (double click, Ctrl+Enter; Enter where he enters no results): the
    // main window shows the credit's file.
    void creditActivated(const QString &creditNumber);
    // A visit's result was stored (trays and reports that show results may refresh).
    void resultSaved(qint64 bookingId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void loadSheet();
    void updateMap();
    void updateSummary();
    void updateActions();
    void selectBooking(qint64 bookingId);
    // Stores the route order; asks first when the sheet loses its visto bueno. True when stored.
    bool applyOrder(const QList<qint64> &bookingIds, qint64 focusBookingId);
    bool confirmLosingApproval();
    void showRefusal(const QString &title, const QString &reason);
    void setNotice(const QString &text);
    void updateResultsPane();
    void showSelectedInForm();
    void resultStored(const ResultOutcome &outcome);
    void saveStateFromGrid(qint64 bookingId, const QString &stateCode);
    // A digit or letter typed on the table: the Estado cell of the row opens with it. True if it did.
    bool editStateInGrid(QKeyEvent *key);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    PermissionTable m_permissions;
    TimeWindows m_windows;
    bool m_seesBranch;
    bool m_mayEdit = false;      // the session may reorder and unbook on the shown sheet now
    bool m_columnsSized = false; // to the first sheet with visits; later the user's widths stand
    bool m_entersResults = false; // the own sheet is shown: the result form is beside the table
    bool m_fromGrid = false;      // the result being saved was chosen in the Estado cell

    AgendaBar *m_bar;
    RouteVisitModel *m_model;
    QTableView *m_table;
    RouteMapWidget *m_map;
    ResultForm *m_form;
    QTabWidget *m_side;
    QSplitter *m_splitter;
    QLabel *m_summary;
    QLabel *m_notice;
    QLabel *m_approval;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_optimize;
    QPushButton *m_unbook;
    QPushButton *m_ownInitiative;
    QPushButton *m_approve;
    QPushButton *m_preview;
    QPushButton *m_print;
    QPushButton *m_pdf;
};

} // namespace cobranza
