#include "ratingscalespage.h"

#include "datetext.h"
#include "settingsdelegates.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cobranza {

namespace {

enum BandColumn { RatingColumn, FromColumn, UntilColumn, BandColumnCount };

bool sameSegments(QList<Segment> a, QList<Segment> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

} // namespace

RatingScalesPage::RatingScalesPage(QWidget *parent)
    : QWidget(parent),
      m_list(new QListWidget(this)),
      m_add(new QPushButton(tr("&Nueva versión"), this)),
      m_remove(new QPushButton(tr("&Quitar versión"), this)),
      m_name(new QLineEdit(this)),
      m_validFrom(new QDateEdit(this)),
      m_bands(new QTableWidget(0, BandColumnCount, this)),
      m_reset(new QPushButton(tr("Restablecer &valores por defecto"), this))
{
    m_list->setObjectName(QStringLiteral("scaleVersions"));
    m_add->setToolTip(tr("Copia la versión más reciente de los segmentos de la escala elegida, vigente desde hoy."));
    m_validFrom->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_validFrom->setCalendarPopup(true);
    m_list->setSpacing(3);

    auto *segments = new QGridLayout;
    for (size_t i = 0; i < kAllSegments.size(); ++i) {
        auto *box = new QCheckBox(segmentLabel(kAllSegments[i]), this);
        segments->addWidget(box, static_cast<int>(i) / 2, static_cast<int>(i) % 2);
        m_segments.append(box);
        connect(box, &QCheckBox::toggled, this, &RatingScalesPage::storeVersion);
    }

    m_bands->setObjectName(QStringLiteral("scaleBands"));
    m_bands->setHorizontalHeaderLabels({tr("Calificación"), tr("Desde (días)"), tr("Hasta (días)")});
    m_bands->verticalHeader()->hide();
    m_bands->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_bands->setItemDelegateForColumn(FromColumn, new DaysDelegate(false, m_bands));
    m_bands->setItemDelegateForColumn(UntilColumn, new DaysDelegate(true, m_bands));
    m_bands->setEditTriggers(QAbstractItemView::AllEditTriggers);

    auto *versionsLabel = new QLabel(tr("&Versiones:"), this);
    versionsLabel->setBuddy(m_list);
    auto *left = new QVBoxLayout;
    left->addWidget(versionsLabel);
    left->addWidget(m_list);
    left->addWidget(m_add);
    left->addWidget(m_remove);

    auto *form = new QFormLayout;
    form->addRow(tr("No&mbre:"), m_name);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_validFrom);
    dateRow->addStretch();
    auto *validFromLabel = new QLabel(tr("Vigente &desde:"), this); // a layout row gets no buddy by itself
    validFromLabel->setBuddy(m_validFrom);
    form->addRow(validFromLabel, dateRow);
    form->addRow(tr("Segmentos:"), segments);
    auto *bandsLabel = new QLabel(tr("Ca&lificaciones:"), this);
    bandsLabel->setBuddy(m_bands);
    form->addRow(bandsLabel, m_bands);
    auto *note = new QLabel(tr("Días de mora de cada calificación. La última no tiene límite: deje «hasta» vacío."),
                            this);
    note->setWordWrap(true);
    form->addRow(QString(), note);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addSpacing(12);
    columns->addLayout(form, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addLayout(buttons);

    // In reading order: the segment boxes were created after the widgets of the initializer list.
    QWidget *previous = m_validFrom;
    for (QWidget *next : m_segments) {
        setTabOrder(previous, next);
        previous = next;
    }
    setTabOrder(previous, m_bands);
    setTabOrder(m_bands, m_reset);

    connect(m_list, &QListWidget::currentRowChanged, this, &RatingScalesPage::showVersion);
    connect(m_name, &QLineEdit::textEdited, this, &RatingScalesPage::storeVersion);
    connect(m_validFrom, &QDateEdit::dateChanged, this, &RatingScalesPage::storeVersion);
    connect(m_bands, &QTableWidget::itemChanged, this, &RatingScalesPage::storeVersion);
    connect(m_add, &QPushButton::clicked, this, &RatingScalesPage::addVersion);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_current < 0)
            return;
        m_versions.removeAt(m_current);
        display(m_versions, std::min(m_current, static_cast<int>(m_versions.size()) - 1));
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_versions = RatingScales::defaults().versions();
        display(m_versions, 0);
        m_resetRequested = true;
    });
}

void RatingScalesPage::load(const RatingScales &scales)
{
    m_loaded = scales.versions();
    m_versions = m_loaded;
    m_resetRequested = false;
    // After a save the same version stays selected.
    display(m_versions, std::min(std::max(m_current, 0), static_cast<int>(m_versions.size()) - 1));
}

void RatingScalesPage::display(const QList<RatingScaleVersion> &versions, int select)
{
    m_current = -1;
    m_list->clear();
    for (const RatingScaleVersion &v : versions)
        m_list->addItem(versionTitle(v));
    m_list->setCurrentRow(select); // shows it
    if (select < 0)
        showVersion(-1);
}

QString RatingScalesPage::versionTitle(const RatingScaleVersion &v) const
{
    return tr("%1\nvigente desde el %2").arg(v.name, dayText(v.validFrom));
}

void RatingScalesPage::showVersion(int index)
{
    m_current = index;
    const bool valid = index >= 0 && index < m_versions.size();
    const RatingScaleVersion v = valid ? m_versions.at(index) : RatingScaleVersion{};
    m_updating = true;
    m_name->setText(v.name);
    m_validFrom->setDate(v.validFrom.isValid() ? v.validFrom : QDate::currentDate());
    for (size_t i = 0; i < kAllSegments.size(); ++i)
        m_segments.at(static_cast<qsizetype>(i))->setChecked(v.segments.contains(kAllSegments[i]));
    m_bands->setRowCount(static_cast<int>(v.bands.size()));
    for (int row = 0; row < v.bands.size(); ++row) {
        const RatingBand &b = v.bands.at(row);
        auto *rating = new QTableWidgetItem(ratingCode(b.rating));
        rating->setData(Qt::UserRole, ratingCode(b.rating));
        rating->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_bands->setItem(row, RatingColumn, rating);
        m_bands->setItem(row, FromColumn, new QTableWidgetItem(QString::number(b.minDays)));
        m_bands->setItem(row, UntilColumn, new QTableWidgetItem(b.maxDays ? QString::number(*b.maxDays) : QString()));
    }
    m_updating = false;
    setReadOnly(m_readOnly); // the editors follow whether a version is selected
}

void RatingScalesPage::storeVersion()
{
    if (m_updating || m_current < 0 || m_current >= m_versions.size())
        return;
    RatingScaleVersion &v = m_versions[m_current];
    v.name = m_name->text().trimmed();
    v.validFrom = m_validFrom->date();
    v.segments.clear();
    for (size_t i = 0; i < kAllSegments.size(); ++i)
        if (m_segments.at(static_cast<qsizetype>(i))->isChecked())
            v.segments.append(kAllSegments[i]);
    v.bands.clear();
    for (int row = 0; row < m_bands->rowCount(); ++row) {
        RatingBand b;
        b.rating = parseRating(m_bands->item(row, RatingColumn)->data(Qt::UserRole).toString()).value_or(Rating::A1);
        bool ok = false;
        b.minDays = m_bands->item(row, FromColumn)->text().toInt(&ok);
        if (!ok)
            b.minDays = -1; // validation names the band that must start elsewhere
        const QString until = m_bands->item(row, UntilColumn)->text().trimmed();
        if (!until.isEmpty())
            b.maxDays = until.toInt();
        v.bands.append(b);
    }
    m_list->item(m_current)->setText(versionTitle(v));
}

void RatingScalesPage::addVersion()
{
    if (m_readOnly)
        return;
    const QList<Segment> segments = m_current >= 0 ? m_versions.at(m_current).segments : QList<Segment>();
    const RatingScaleVersion *newest = nullptr;
    for (const RatingScaleVersion &v : m_versions)
        if ((segments.isEmpty() || sameSegments(v.segments, segments)) && (!newest || v.validFrom >= newest->validFrom))
            newest = &v;
    RatingScaleVersion copy = newest ? *newest : RatingScales::defaults().versions().constFirst();
    copy.validFrom = QDate::currentDate();
    m_versions.append(copy);
    display(m_versions, static_cast<int>(m_versions.size()) - 1);
    m_name->setFocus();
}

void RatingScalesPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    const bool editable = !readOnly && m_current >= 0;
    m_add->setEnabled(!readOnly);
    m_remove->setEnabled(editable);
    m_name->setReadOnly(!editable);
    m_validFrom->setEnabled(editable);
    for (QCheckBox *box : m_segments)
        box->setEnabled(editable);
    m_bands->setEditTriggers(editable ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
    m_reset->setEnabled(!readOnly);
}

} // namespace cobranza
