#include "holidayspage.h"

#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cobranza {

namespace {
enum Column { Day, Description, ColumnCount };
const QString kDateFormat = QStringLiteral("dd/MM/yyyy");
} // namespace

HolidaysPage::HolidaysPage(QWidget *parent)
    : QWidget(parent),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_emptyNote(new QLabel(this)),
      m_add(new QPushButton(tr("&Agregar…"), this)),
      m_remove(new QPushButton(tr("&Quitar"), this)),
      m_year(new QSpinBox(this)),
      m_national(new QPushButton(this)),
      m_reset(new QPushButton(tr("Restablecer &valores por defecto"), this))
{
    m_table->setObjectName(QStringLiteral("holidaysTable"));
    m_table->setHorizontalHeaderLabels({tr("Fecha"), tr("Descripción")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(Day, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Description, QHeaderView::Stretch);
    m_emptyNote->setText(tr("No hay feriados registrados: se aplican los feriados nacionales del Ecuador de cada año. "
                            "Regístrelos para ajustarlos al decreto oficial o agregar los feriados locales."));
    m_emptyNote->setWordWrap(true);
    m_national->setObjectName(QStringLiteral("loadNationalHolidays"));
    m_year->setRange(2000, 2100);
    m_year->setValue(QDate::currentDate().year());

    auto *label = new QLabel(tr("&Feriados en los que la cooperativa no atiende:"), this);
    label->setBuddy(m_table);
    auto *yearLabel = new QLabel(tr("A&ño:"), this);
    yearLabel->setBuddy(m_year);
    auto *national = new QHBoxLayout;
    national->addWidget(yearLabel);
    national->addWidget(m_year);
    national->addWidget(m_national);
    national->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_table);
    layout->addWidget(m_emptyNote);
    layout->addLayout(national);
    layout->addLayout(buttons);
    QWidget *previous = m_table;
    for (QWidget *next : std::initializer_list<QWidget *>{m_year, m_national, m_add, m_remove, m_reset}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_year, &QSpinBox::valueChanged, this, &HolidaysPage::updateState);
    connect(m_national, &QPushButton::clicked, this, &HolidaysPage::loadNationalHolidays);
    connect(m_add, &QPushButton::clicked, this, &HolidaysPage::addHoliday);
    connect(m_remove, &QPushButton::clicked, this, &HolidaysPage::removeHoliday);
    connect(m_table, &QTableWidget::currentCellChanged, this, &HolidaysPage::updateState);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        display({});
        m_resetRequested = true;
    });
    updateState();
}

void HolidaysPage::load(const QList<Holiday> &holidays)
{
    m_loaded = holidays;
    m_resetRequested = false;
    display(holidays);
}

void HolidaysPage::display(QList<Holiday> holidays)
{
    std::sort(holidays.begin(), holidays.end(), [](const Holiday &a, const Holiday &b) { return a.day < b.day; });
    m_table->setRowCount(static_cast<int>(holidays.size()));
    for (int row = 0; row < holidays.size(); ++row) {
        const Holiday &h = holidays.at(row);
        auto *day = new QTableWidgetItem(QLocale().toString(h.day, QStringLiteral("ddd dd/MM/yyyy")));
        day->setData(Qt::UserRole, h.day);
        day->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(row, Day, day);
        m_table->setItem(row, Description, new QTableWidgetItem(h.description));
    }
    updateState();
}

QList<Holiday> HolidaysPage::value() const
{
    QList<Holiday> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out.append({m_table->item(row, Day)->data(Qt::UserRole).toDate(), m_table->item(row, Description)->text().trimmed()});
    return out;
}

void HolidaysPage::loadNationalHolidays()
{
    QList<Holiday> holidays = value();
    for (const Holiday &h : WorkingCalendar::ecuadorHolidays(m_year->value()))
        if (std::none_of(holidays.cbegin(), holidays.cend(), [&h](const Holiday &o) { return o.day == h.day; }))
            holidays.append(h);
    display(holidays);
}

void HolidaysPage::addHoliday()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Agregar feriado"));
    auto *date = new QDateEdit(QDate::currentDate(), &dialog);
    date->setDisplayFormat(kDateFormat);
    date->setCalendarPopup(true);
    auto *description = new QLineEdit(&dialog);
    description->setPlaceholderText(tr("p. ej. Fundación de la ciudad"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Agregar"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Fecha:"), date);
    form->addRow(tr("&Descripción:"), description);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QList<Holiday> holidays = value();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const QDate day = date->date();
        if (description->text().trimmed().isEmpty()) {
            QMessageBox::warning(&dialog, dialog.windowTitle(), tr("Escriba la descripción del feriado."));
            description->setFocus();
        } else if (std::any_of(holidays.cbegin(), holidays.cend(), [&](const Holiday &h) { return h.day == day; })) {
            QMessageBox::warning(&dialog, dialog.windowTitle(),
                                 tr("El %1 ya está en la lista.").arg(day.toString(kDateFormat)));
        } else {
            dialog.accept();
        }
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    holidays.append({date->date(), description->text().trimmed()});
    display(holidays);
}

void HolidaysPage::removeHoliday()
{
    const int row = m_table->currentRow();
    if (row >= 0) {
        m_table->removeRow(row);
        updateState();
    }
}

void HolidaysPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateState();
}

void HolidaysPage::updateState()
{
    m_national->setText(tr("&Cargar feriados nacionales de %1").arg(m_year->value()));
    m_emptyNote->setVisible(m_table->rowCount() == 0);
    m_table->setEditTriggers(m_readOnly ? QAbstractItemView::NoEditTriggers
                                        : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                              | QAbstractItemView::AnyKeyPressed);
    for (QWidget *w : std::initializer_list<QWidget *>{m_add, m_national, m_year, m_reset})
        w->setEnabled(!m_readOnly);
    m_remove->setEnabled(!m_readOnly && m_table->currentRow() >= 0);
}

} // namespace cobranza
