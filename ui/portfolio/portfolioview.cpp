#include "portfolioview.h"

#include "datetext.h"
#include "portfoliofilterbar.h"
#include "portfoliomodel.h"
#include "store/database.h"
#include "store/rulesstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace cobranza {

PortfolioView::PortfolioView(const Database &db, QString branchScope, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_branchScope(std::move(branchScope)),
      m_model(new PortfolioModel(this)),
      m_snapshots(new QComboBox(this)),
      m_filters(new PortfolioFilterBar(this)),
      m_table(new QTableView(this)),
      m_totals(new QLabel(this)),
      m_emptyHint(new QLabel(this))
{
    m_snapshots->setObjectName(QStringLiteral("snapshotChooser"));
    m_snapshots->setMinimumContentsLength(28);
    m_table->setObjectName(QStringLiteral("portfolioTable"));
    m_totals->setObjectName(QStringLiteral("portfolioTotals"));

    auto *top = new QHBoxLayout;
    auto *cutOffLabel = new QLabel(tr("&Corte:"), this);
    cutOffLabel->setBuddy(m_snapshots);
    top->addWidget(cutOffLabel);
    top->addWidget(m_snapshots);
    top->addStretch(1);

    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Fixed row heights: the view never measures 200,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setText(tr("No hay cortes importados. Use Archivo → Importar cartera… para cargar el reporte "
                            "de créditos vencidos y por vencer."));
    m_emptyHint->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_emptyHint, 1);
    layout->addWidget(m_totals);

    connect(m_snapshots, &QComboBox::currentIndexChanged, this, &PortfolioView::loadSelectedSnapshot);
    connect(m_filters, &PortfolioFilterBar::filterChanged, m_model, &PortfolioModel::setFilter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PortfolioView::updateTotals);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const PortfolioLine *l = m_model->lineAt(index.row()))
            emit creditActivated(l->row.creditNumber);
    });
}

void PortfolioView::reloadSnapshots(QDate select)
{
    const QDate keep = select.isValid() ? select : currentCutOff();
    {
        const QSignalBlocker block(m_snapshots);
        m_snapshots->clear();
        const QLocale locale;
        for (const SnapshotInfo &s : listSnapshots(m_db))
            m_snapshots->addItem(tr("%1 — %2 créditos").arg(dayText(s.cutOff),
                                                           locale.toString(s.creditCount)),
                                 s.cutOff);
        const int i = m_snapshots->findData(keep);
        m_snapshots->setCurrentIndex(i >= 0 ? i : 0);
    }
    const bool empty = m_snapshots->count() == 0;
    m_table->setVisible(!empty);
    m_emptyHint->setVisible(empty);
    loadSelectedSnapshot();
}

QDate PortfolioView::currentCutOff() const
{
    return m_snapshots->currentData().toDate();
}

void PortfolioView::showCutOff(QDate cutOff)
{
    const int i = m_snapshots->findData(cutOff);
    if (i >= 0)
        m_snapshots->setCurrentIndex(i);
}

void PortfolioView::loadSelectedSnapshot()
{
    const QDate cutOff = currentCutOff();
    const PortfolioRules rules = RulesStore(m_db).portfolioRules();
    m_model->setLines(cutOff.isValid() ? loadPortfolio(m_db, cutOff, rules, m_branchScope) : std::vector<PortfolioLine>{},
                      rules);
    m_filters->setChoices(m_model->lines());
    m_model->setFilter(m_filters->filter());
    emit cutOffChanged(cutOff);
}

void PortfolioView::focusSearch() { m_filters->focusSearch(); }

void PortfolioView::setFilter(const PortfolioFilter &filter) { m_filters->setFilter(filter); }

PortfolioFilter PortfolioView::filter() const { return m_filters->filter(); }

QString PortfolioView::selectedCreditNumber() const
{
    const PortfolioLine *l = m_model->lineAt(m_table->currentIndex().row());
    return l ? l->row.creditNumber : QString();
}

QString PortfolioView::describeFilter() const
{
    const PortfolioFilter f = filter();
    QStringList parts;
    if (!f.branchCode.isEmpty())
        parts << tr("Sucursal %1").arg(f.branchCode);
    if (!f.officer.isEmpty())
        parts << tr("Oficial %1").arg(f.officer);
    if (!f.sector.isEmpty())
        parts << tr("Sector %1").arg(f.sector);
    if (f.segment)
        parts << tr("Segmento %1").arg(segmentLabel(*f.segment));
    if (f.rating)
        parts << tr("Calif. %1").arg(ratingCode(*f.rating));
    if (f.previousRating)
        parts << tr("Calif. ant. %1").arg(ratingCode(*f.previousRating));
    if (f.minDays || f.maxDays)
        parts << tr("Días de mora %1 a %2")
                     .arg(f.minDays ? QString::number(*f.minDays) : tr("0"),
                          f.maxDays ? QString::number(*f.maxDays) : tr("más"));
    if (f.reclassifiedOnly)
        parts << tr("Solo reclasificados");
    if (!f.search.trimmed().isEmpty())
        parts << tr("Búsqueda «%1»").arg(f.search.trimmed());
    return parts.isEmpty() ? tr("Todos los créditos") : parts.join(QStringLiteral(" · "));
}

void PortfolioView::updateTotals()
{
    const QLocale locale;
    m_totals->setText(tr("<b>%1</b> créditos de %2 · saldo <b>%3</b> · valor vencido <b>%4</b>")
                          .arg(locale.toString(m_model->visibleCount()),
                               locale.toString(static_cast<qlonglong>(m_model->lines().size())),
                               m_model->visibleBalance().toDisplayString(),
                               m_model->visibleOverdue().toDisplayString()));
}

} // namespace cobranza
