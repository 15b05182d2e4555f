#include "portfoliofilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

namespace cobranza {

namespace {

QComboBox *combo(int minimumChars, QWidget *parent)
{
    auto *c = new QComboBox(parent);
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(minimumChars);
    return c;
}

// Fills a combo with "all" plus values, keeping the current choice when it is still offered.
void refill(QComboBox *c, const QString &all, const QStringList &values, const QString &keep)
{
    const QSignalBlocker block(c);
    c->clear();
    c->addItem(all, QString());
    for (const QString &v : values)
        c->addItem(v, v);
    const int i = c->findData(keep);
    c->setCurrentIndex(i >= 0 ? i : 0);
}

void select(QComboBox *c, const QString &value)
{
    const int i = c->findData(value);
    c->setCurrentIndex(i >= 0 ? i : 0);
}

} // namespace

PortfolioFilterBar::PortfolioFilterBar(QWidget *parent)
    : QWidget(parent),
      m_search(new QLineEdit(this)),
      m_branch(combo(6, this)),
      m_officer(combo(10, this)),
      m_sector(combo(10, this)),
      m_rating(combo(5, this)),
      m_previousRating(combo(5, this)),
      m_segment(combo(10, this)),
      m_minDays(new QSpinBox(this)),
      m_maxDays(new QSpinBox(this)),
      m_reclassified(new QCheckBox(tr("Solo reclasificados"), this))
{
    m_search->setPlaceholderText(tr("Buscar por nombre, cédula, número de socio o de crédito (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("portfolioSearch"));
    m_branch->setObjectName(QStringLiteral("filterBranch"));
    m_officer->setObjectName(QStringLiteral("filterOfficer"));
    m_sector->setObjectName(QStringLiteral("filterSector"));
    m_rating->setObjectName(QStringLiteral("filterRating"));
    m_previousRating->setObjectName(QStringLiteral("filterPreviousRating"));
    m_segment->setObjectName(QStringLiteral("filterSegment"));
    m_minDays->setObjectName(QStringLiteral("filterMinDays"));
    m_maxDays->setObjectName(QStringLiteral("filterMaxDays"));
    m_reclassified->setObjectName(QStringLiteral("filterReclassified"));

    for (QComboBox *c : {m_rating, m_previousRating}) {
        c->addItem(tr("Todas"), QString());
        for (Rating r : kAllRatings)
            c->addItem(ratingCode(r), ratingCode(r));
    }
    m_segment->addItem(tr("Todos"), QString());
    for (Segment s : kAllSegments)
        m_segment->addItem(segmentLabel(s), segmentCode(s));
    for (QSpinBox *s : {m_minDays, m_maxDays}) {
        // -1 shows as "—": no bound.
        s->setRange(-1, 9999);
        s->setSpecialValueText(tr("—"));
        s->setValue(-1);
        s->setAccelerated(true);
    }
    refill(m_branch, tr("Todas"), {}, {});
    refill(m_officer, tr("Todos"), {}, {});
    refill(m_sector, tr("Todos"), {}, {});

    auto *clearButton = new QPushButton(tr("Limpiar filtros"), this);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_search, 0, 0, 1, 14);
    const auto labelled = [&](int column, const QString &text, QWidget *w) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        grid->addWidget(label, 1, column);
        grid->addWidget(w, 1, column + 1);
    };
    labelled(0, tr("&Sucursal:"), m_branch);
    labelled(2, tr("&Oficial:"), m_officer);
    labelled(4, tr("Sec&tor:"), m_sector);
    labelled(6, tr("Segme&nto:"), m_segment);
    labelled(8, tr("Ca&lif.:"), m_rating);
    labelled(10, tr("Calif. ant.:"), m_previousRating);
    auto *daysRow = new QHBoxLayout;
    auto *daysLabel = new QLabel(tr("&Días mora:"), this);
    daysLabel->setBuddy(m_minDays);
    daysRow->addWidget(daysLabel);
    daysRow->addWidget(m_minDays);
    daysRow->addWidget(new QLabel(tr("a"), this));
    daysRow->addWidget(m_maxDays);
    daysRow->addSpacing(12);
    daysRow->addWidget(m_reclassified);
    daysRow->addStretch(1);
    daysRow->addWidget(clearButton);
    grid->addLayout(daysRow, 2, 0, 1, 14);
    grid->setColumnStretch(13, 1);

    connect(m_search, &QLineEdit::textChanged, this, &PortfolioFilterBar::emitChanged);
    connect(m_branch, &QComboBox::currentIndexChanged, this, [this] {
        refillDependentChoices();
        emitChanged();
    });
    for (QComboBox *c : {m_officer, m_sector, m_rating, m_previousRating, m_segment})
        connect(c, &QComboBox::currentIndexChanged, this, &PortfolioFilterBar::emitChanged);
    for (QSpinBox *s : {m_minDays, m_maxDays})
        connect(s, &QSpinBox::valueChanged, this, &PortfolioFilterBar::emitChanged);
    connect(m_reclassified, &QCheckBox::toggled, this, &PortfolioFilterBar::emitChanged);
    connect(clearButton, &QPushButton::clicked, this, &PortfolioFilterBar::clear);
}

void PortfolioFilterBar::setChoices(const std::vector<PortfolioLine> &lines)
{
    m_lines = &lines;
    m_updating = true;
    refill(m_branch, tr("Todas"), distinctBranches(lines), m_branch->currentData().toString());
    refillDependentChoices();
    m_updating = false;
}

void PortfolioFilterBar::refillDependentChoices()
{
    if (!m_lines)
        return;
    // Officers and sectors of the chosen branch only: the planner works one branch at a time.
    const QString branch = m_branch->currentData().toString();
    std::vector<PortfolioLine> scope;
    const std::vector<PortfolioLine> *source = m_lines;
    if (!branch.isEmpty()) {
        for (const PortfolioLine &l : *m_lines)
            if (l.row.branchCode == branch) {
                PortfolioLine slim;
                slim.row.officer = l.row.officer;
                slim.row.sector = l.row.sector;
                scope.push_back(std::move(slim));
            }
        source = &scope;
    }
    const bool was = m_updating;
    m_updating = true;
    refill(m_officer, tr("Todos"), distinctOfficers(*source), m_officer->currentData().toString());
    refill(m_sector, tr("Todos"), distinctSectors(*source), m_sector->currentData().toString());
    m_updating = was;
}

PortfolioFilter PortfolioFilterBar::filter() const
{
    PortfolioFilter f;
    f.search = m_search->text();
    f.branchCode = m_branch->currentData().toString();
    f.officer = m_officer->currentData().toString();
    f.sector = m_sector->currentData().toString();
    f.rating = parseRating(m_rating->currentData().toString());
    f.previousRating = parseRating(m_previousRating->currentData().toString());
    f.segment = parseSegment(m_segment->currentData().toString());
    if (m_minDays->value() >= 0)
        f.minDays = m_minDays->value();
    if (m_maxDays->value() >= 0)
        f.maxDays = m_maxDays->value();
    f.reclassifiedOnly = m_reclassified->isChecked();
    return f;
}

void PortfolioFilterBar::setFilter(const PortfolioFilter &f)
{
    m_updating = true;
    m_search->setText(f.search);
    select(m_branch, f.branchCode);
    refillDependentChoices();
    select(m_officer, f.officer);
    select(m_sector, f.sector);
    select(m_rating, f.rating ? ratingCode(*f.rating) : QString());
    select(m_previousRating, f.previousRating ? ratingCode(*f.previousRating) : QString());
    select(m_segment, f.segment ? segmentCode(*f.segment) : QString());
    m_minDays->setValue(f.minDays.value_or(-1));
    m_maxDays->setValue(f.maxDays.value_or(-1));
    m_reclassified->setChecked(f.reclassifiedOnly);
    m_updating = false;
    emitChanged();
}

void PortfolioFilterBar::clear()
{
    setFilter(PortfolioFilter());
}

void PortfolioFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void PortfolioFilterBar::emitChanged()
{
    if (!m_updating)
        emit filterChanged(filter());
}

} // namespace cobranza
