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
class QLabel;
class QPushButton;
class QTableView;

namespace cobranza {

class AgendaBar;
class Database;
class RouteMapWidget;
class RouteVisitModel;

// The Agenda area: one person's route sheet for a day — the visits in route order, which the
// planner reorders by hand or optimises, the map of the route, the visto bueno and the printing.
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

    // What the buttons do, for the main window's menus and shortcuts.
    void moveSelected(int delta); // -1 up, +1 down
    void optimizeRoute();
    void unbookSelected();
    void approve();
    void previewSheet();
    void printSheet();
    void savePdf();

signals:
    // Bookings, route order or approval changed in the database: other areas may refresh.
    void sheetChanged();
    // The user opened a visit (double click, Enter): the main window shows the credit's file.
    void creditActivated(const QString &creditNumber);

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

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    PermissionTable m_permissions;
    TimeWindows m_windows;
    bool m_seesBranch;
    bool m_mayEdit = false;      // the session may reorder and unbook on the shown sheet now
    bool m_columnsSized = false; // to the first sheet with visits; later the user's widths stand

    AgendaBar *m_bar;
    RouteVisitModel *m_model;
    QTableView *m_table;
    RouteMapWidget *m_map;
    QLabel *m_summary;
    QLabel *m_notice;
    QLabel *m_approval;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_optimize;
    QPushButton *m_unbook;
    QPushButton *m_approve;
    QPushButton *m_preview;
    QPushButton *m_print;
    QPushButton *m_pdf;
};

} // namespace cobranza
