#pragma once

#include "timewindows.h"

#include <QWidget>

class QGridLayout;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace cobranza {

// «Horarios»: the day's deadlines and the limits of the procedure (domain.md, "Time windows").
class TimeWindowsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeWindowsPage)

public:
    explicit TimeWindowsPage(QWidget *parent = nullptr);

    void load(const TimeWindows &windows);
    TimeWindows value() const;
    bool isModified() const { return !(value() == m_loaded); }
    // The user asked for the defaults and has not changed them since: delete the stored values.
    bool resetRequested() const { return m_resetRequested && value() == TimeWindows{}; }
    void setReadOnly(bool readOnly);

private:
    QTimeEdit *addTime(QGridLayout *grid, const QString &label, const QString &explanation, const char *name);
    QSpinBox *addDays(QGridLayout *grid, const QString &label, const QString &explanation, int min, int max);
    void display(const TimeWindows &windows);

    TimeWindows m_loaded;
    bool m_resetRequested = false;
    QTimeEdit *m_bookingUntil;
    QTimeEdit *m_coordinatorFrom;
    QTimeEdit *m_coordinatorUntil;
    QTimeEdit *m_printingFrom;
    QTimeEdit *m_printingUntil;
    QTimeEdit *m_remindersUntil;
    QTimeEdit *m_resultsDue;
    QSpinBox *m_dueSoonDays;
    QSpinBox *m_maxRescheduleDays;
    QPushButton *m_reset;
};

} // namespace cobranza
