#pragma once

#include "workingcalendar.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cobranza {

// «Feriados»: the days the cooperative does not work; with none entered, Ecuador's national
// holidays of each year apply.
class HolidaysPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HolidaysPage)

public:
    explicit HolidaysPage(QWidget *parent = nullptr);

    void load(const QList<Holiday> &holidays);
    QList<Holiday> value() const;
    bool isModified() const { return value() != m_loaded; }
    bool resetRequested() const { return m_resetRequested && value().isEmpty(); }
    void setReadOnly(bool readOnly);

    // Adds the national holidays of the chosen year that are not in the list yet.
    void loadNationalHolidays();

private:
    void display(QList<Holiday> holidays);
    void addHoliday();
    void removeHoliday();
    void updateState();

    QList<Holiday> m_loaded;
    bool m_resetRequested = false;
    bool m_readOnly = false;
    QTableWidget *m_table;
    QLabel *m_emptyNote;
    QPushButton *m_add;
    QPushButton *m_remove;
    QSpinBox *m_year;
    QPushButton *m_national;
    QPushButton *m_reset;
};

} // namespace cobranza
