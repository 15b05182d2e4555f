#include "timewindowspage.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace cobranza {

namespace {

QGroupBox *group(const QString &title, QGridLayout *&grid, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    grid = new QGridLayout(box);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(12);
    return box;
}

QLabel *explanationLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

TimeWindowsPage::TimeWindowsPage(QWidget *parent) : QWidget(parent), m_reset(new QPushButton(this))
{
    QGridLayout *grid = nullptr;
    QGroupBox *booking = group(tr("Agendamiento"), grid, this);
    m_bookingUntil = addTime(grid, tr("Agendar &hasta las:"),
                             tr("Hora límite para agendar las hojas de ruta del día."), "bookingUntil");
    m_coordinatorFrom = addTime(grid, tr("Coordinadores &desde las:"),
                                tr("Desde esta hora los coordinadores agendan su propia hoja de ruta…"),
                                "coordinatorFrom");
    m_coordinatorUntil = addTime(grid, tr("Coordinadores h&asta las:"), tr("…y hasta esta hora."),
                                 "coordinatorUntil");

    QGroupBox *day = group(tr("Impresión y recordatorios"), grid, this);
    m_printingFrom = addTime(grid, tr("&Imprimir desde las:"),
                             tr("Ventana para imprimir las hojas de ruta; se muestra como guía, no se impone."),
                             "printingFrom");
    m_printingUntil = addTime(grid, tr("Imprimir hasta las:"), QString(), "printingUntil");
    m_remindersUntil = addTime(grid, tr("&Recordatorios antes de las:"),
                               tr("Las llamadas de recordatorio a los socios se hacen antes de esta hora."),
                               "remindersUntil");
    m_resultsDue = addTime(grid, tr("R&esultados hasta las:"),
                           tr("Los resultados de las visitas de un día se registran hasta esta hora del "
                              "siguiente día hábil."),
                           "resultsDue");

    QGroupBox *rules = group(tr("Reglas"), grid, this);
    m_dueSoonDays = addDays(grid, tr("Días «&por vencer»:"),
                            tr("Un crédito al día está «por vencer» cuando su cuota vence dentro de estos días."),
                            0, 30);
    m_maxRescheduleDays = addDays(grid, tr("&Máximo de días de reagendamiento:"),
                                  tr("Un compromiso nunca se reagenda a más de estos días."), 1, 60);

    // The three groups read as one form: their label and field columns line up.
    int labelWidth = 0;
    for (const QLabel *caption : findChildren<QLabel *>())
        if (caption->buddy())
            labelWidth = std::max(labelWidth, caption->sizeHint().width());
    for (QGroupBox *box : {booking, day, rules}) {
        auto *boxGrid = static_cast<QGridLayout *>(box->layout());
        boxGrid->setColumnMinimumWidth(0, labelWidth);
        boxGrid->setColumnMinimumWidth(1, m_maxRescheduleDays->sizeHint().width());
    }

    m_reset->setText(tr("Restablecer &valores por defecto"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(booking);
    layout->addWidget(day);
    layout->addWidget(rules);
    layout->addStretch();
    layout->addLayout(buttons);

    // Top to bottom; the reset button was created first, before the fields.
    QWidget *previous = m_bookingUntil;
    for (QWidget *next : std::initializer_list<QWidget *>{m_coordinatorFrom, m_coordinatorUntil, m_printingFrom,
                                                          m_printingUntil, m_remindersUntil, m_resultsDue,
                                                          m_dueSoonDays, m_maxRescheduleDays, m_reset}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_reset, &QPushButton::clicked, this, [this] {
        display(TimeWindows{});
        m_resetRequested = true;
    });
}

QTimeEdit *TimeWindowsPage::addTime(QGridLayout *grid, const QString &label, const QString &explanation,
                                    const char *name)
{
    auto *edit = new QTimeEdit(this);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setDisplayFormat(QStringLiteral("HH:mm"));
    const int row = grid->rowCount();
    auto *caption = new QLabel(label, this);
    caption->setBuddy(edit);
    grid->addWidget(caption, row, 0);
    grid->addWidget(edit, row, 1);
    grid->addWidget(explanationLabel(explanation, this), row, 2);
    return edit;
}

QSpinBox *TimeWindowsPage::addDays(QGridLayout *grid, const QString &label, const QString &explanation, int min,
                                   int max)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(min, max);
    spin->setSuffix(tr(" días"));
    const int row = grid->rowCount();
    auto *caption = new QLabel(label, this);
    caption->setBuddy(spin);
    grid->addWidget(caption, row, 0);
    grid->addWidget(spin, row, 1);
    grid->addWidget(explanationLabel(explanation, this), row, 2);
    return spin;
}

void TimeWindowsPage::load(const TimeWindows &windows)
{
    m_loaded = windows;
    m_resetRequested = false;
    display(windows);
}

void TimeWindowsPage::display(const TimeWindows &w)
{
    m_bookingUntil->setTime(w.bookingUntil);
    m_coordinatorFrom->setTime(w.coordinatorFrom);
    m_coordinatorUntil->setTime(w.coordinatorUntil);
    m_printingFrom->setTime(w.printingFrom);
    m_printingUntil->setTime(w.printingUntil);
    m_remindersUntil->setTime(w.remindersUntil);
    m_resultsDue->setTime(w.resultsDue);
    m_dueSoonDays->setValue(w.dueSoonDays);
    m_maxRescheduleDays->setValue(w.maxRescheduleDays);
}

TimeWindows TimeWindowsPage::value() const
{
    TimeWindows w;
    w.bookingUntil = m_bookingUntil->time();
    w.coordinatorFrom = m_coordinatorFrom->time();
    w.coordinatorUntil = m_coordinatorUntil->time();
    w.printingFrom = m_printingFrom->time();
    w.printingUntil = m_printingUntil->time();
    w.remindersUntil = m_remindersUntil->time();
    w.resultsDue = m_resultsDue->time();
    w.dueSoonDays = m_dueSoonDays->value();
    w.maxRescheduleDays = m_maxRescheduleDays->value();
    return w;
}

void TimeWindowsPage::setReadOnly(bool readOnly)
{
    for (QAbstractSpinBox *edit : std::initializer_list<QAbstractSpinBox *>{
             m_bookingUntil, m_coordinatorFrom, m_coordinatorUntil, m_printingFrom, m_printingUntil, m_remindersUntil,
             m_resultsDue, m_dueSoonDays, m_maxRescheduleDays})
        edit->setEnabled(!readOnly);
    m_reset->setEnabled(!readOnly);
}

} // namespace cobranza
