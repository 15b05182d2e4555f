#include "dashboardview.h"

#include "indicatorchart.h"
#include "indicatorreport.h"
#include "indicatorsxlsx.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QInputDialog>
#include <QLocale>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cstdlib>

namespace cobranza {

namespace {

constexpr int kCodeRole = Qt::UserRole;

QString unitSuffix(IndicatorUnit unit)
{
    switch (unit) {
    case IndicatorUnit::Dollars: return QStringLiteral(" (USD)");
    case IndicatorUnit::Percent: return QStringLiteral(" (%)");
    case IndicatorUnit::Count: return QString();
    }
    return {};
}

// A long header on two lines, split at the space nearest the middle: the numbers stay narrow.
QString twoLines(const QString &text)
{
    if (text.size() <= 16)
        return text;
    qsizetype best = -1;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text.at(i) == u' ' && (best < 0 || std::abs(i - text.size() / 2) < std::abs(best - text.size() / 2)))
            best = i;
    if (best < 0)
        return text;
    QString out = text;
    out[best] = u'\n';
    return out;
}

bool isPersonIndicator(const QString &code)
{
    const IndicatorChartKind k = chartKindOf(code);
    return k == IndicatorChartKind::PersonBars || k == IndicatorChartKind::PersonStackedBars;
}

} // namespace

DashboardView::DashboardView(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_service(db, m_session, PermissionTable::defaults(), clock),
      m_list(new QListWidget(this)),
      m_branch(new QComboBox(this)),
      m_from(new QComboBox(this)),
      m_to(new QComboBox(this)),
      m_title(new QLabel(this)),
      m_headline(new QLabel(this)),
      m_chartView(new QChartView(this)),
      m_numbers(new QTableWidget(this)),
      m_sheet(new QLabel(this)),
      m_xlsx(new QPushButton(tr("Exportar datos a E&xcel…"), this)),
      m_pdf(new QPushButton(tr("Exportar gráfico a &PDF…"), this)),
      m_goal(new QPushButton(tr("&Meta…"), this))
{
    m_list->setObjectName(QStringLiteral("indicatorList"));
    m_branch->setObjectName(QStringLiteral("branchFilter"));
    m_from->setObjectName(QStringLiteral("fromMonth"));
    m_to->setObjectName(QStringLiteral("toMonth"));
    m_chartView->setObjectName(QStringLiteral("indicatorChart"));
    m_numbers->setObjectName(QStringLiteral("indicatorNumbers"));
    m_sheet->setObjectName(QStringLiteral("indicatorSheet"));

    auto *filters = new QHBoxLayout;
    const auto labelled = [&](const QString &text, QWidget *w) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        filters->addWidget(label);
        filters->addWidget(w);
    };
    labelled(tr("A&gencia:"), m_branch);
    labelled(tr("&Desde:"), m_from);
    labelled(tr("&Hasta:"), m_to);
    filters->addStretch(1);
    auto *xlsxMenu = new QMenu(m_xlsx);
    xlsxMenu->addAction(tr("Indicador mostrado…"), this, [this] { chooseXlsx(false); });
    xlsxMenu->addAction(tr("Todos los indicadores…"), this, [this] { chooseXlsx(true); });
    m_xlsx->setMenu(xlsxMenu);
    filters->addWidget(m_xlsx);
    filters->addWidget(m_pdf);
    filters->addWidget(m_goal);
    m_goal->setObjectName(QStringLiteral("changeGoal"));
    if (const auto no = goalRefusal(PermissionTable::defaults(), m_session)) {
        m_goal->setEnabled(false);
        m_goal->setToolTip(*no);
    } else {
        m_goal->setToolTip(tr("Fija o quita la meta del indicador mostrado"));
    }

    // Left: the indicators, grouped as the committee reads them.
    m_list->setMinimumWidth(210);
    m_list->setMaximumWidth(280);
    const auto section = [this](const QString &text) {
        auto *item = new QListWidgetItem(text, m_list);
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
        item->setFlags(Qt::NoItemFlags);
        item->setForeground(palette().color(QPalette::WindowText)); // a heading, not a disabled choice
    };
    m_sheets = loadIndicatorSheets(m_db);
    section(tr("Cartera"));
    for (const IndicatorSheet &s : m_sheets) {
        if (s.code == IndicatorCode::Visits)
            section(tr("Gestión por persona"));
        auto *item = new QListWidgetItem(s.name, m_list);
        item->setData(kCodeRole, s.code);
        item->setToolTip(s.formula);
    }

    // Middle: what the indicator says, its chart, its numbers.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
    m_numbers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_numbers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_numbers->setAlternatingRowColors(true);
    m_numbers->setWordWrap(false);
    m_numbers->verticalHeader()->hide();
    m_numbers->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8); // five risk levels without scrolling
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_chartView);
    vertical->addWidget(m_numbers);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_title);
    middleLayout->addWidget(m_headline);
    middleLayout->addWidget(vertical, 1);

    // Right: the ficha técnica.
    m_sheet->setWordWrap(true);
    m_sheet->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_sheet->setTextFormat(Qt::RichText);
    m_sheet->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sheet->setMargin(8);
    auto *sheetArea = new QScrollArea(this);
    sheetArea->setWidget(m_sheet);
    sheetArea->setWidgetResizable(true);
    sheetArea->setMinimumWidth(250);
    sheetArea->setMaximumWidth(320);

    auto *body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(m_list);
    body->addWidget(middle);
    body->addWidget(sheetArea);
    body->setStretchFactor(1, 1);
    body->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(body, 1);

    fillFilters();
    if (const auto why = m_service.refusal()) {
        m_title->setText(tr("Indicadores"));
        m_headline->setText(*why);
        for (QWidget *w : std::initializer_list<QWidget *>{m_list, m_branch, m_from, m_to, m_xlsx, m_pdf})
            w->setEnabled(false);
        return;
    }
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
    for (QComboBox *c : {m_branch, m_from, m_to})
        connect(c, &QComboBox::activated, this, [this, c] {
            // The range never runs backwards: moving one end past the other moves both.
            if (c == m_from && m_to->currentIndex() < m_from->currentIndex())
                m_to->setCurrentIndex(m_from->currentIndex());
            if (c == m_to && m_from->currentIndex() > m_to->currentIndex())
                m_from->setCurrentIndex(m_to->currentIndex());
            reload();
        });
    connect(m_pdf, &QPushButton::clicked, this, &DashboardView::choosePdf);
    connect(m_goal, &QPushButton::clicked, this, &DashboardView::changeGoal);
    reload();
    selectIndicator(IndicatorCode::OverduePortfolio);
}

void DashboardView::fillFilters()
{
    m_branch->clear();
    if (m_service.choosesBranch()) {
        m_branch->addItem(tr("Todas las agencias"), QString());
        for (const Branch &b : DirectoryStore(m_db).branches())
            m_branch->addItem(QStringLiteral("%1 — %2").arg(b.code, b.name), b.code);
    } else {
        const auto own = DirectoryStore(m_db).branchByCode(m_session.branchCode);
        m_branch->addItem(own ? QStringLiteral("%1 — %2").arg(own->code, own->name) : m_session.branchCode,
                          m_session.branchCode);
        m_branch->setEnabled(false);
        m_branch->setToolTip(tr("Su rol ve los indicadores de su agencia."));
    }
    m_from->clear();
    m_to->clear();
    const QList<QDate> months = loadIndicatorMonths(m_db);
    for (const QDate &m : months) {
        m_from->addItem(monthLabel(m), m);
        m_to->addItem(monthLabel(m), m);
    }
    // A year back from the newest month by default: the committee compares month on month.
    m_to->setCurrentIndex(m_to->count() - 1);
    m_from->setCurrentIndex(std::max(0, m_to->count() - 12));
}

void DashboardView::reload()
{
    m_sheets = loadIndicatorSheets(m_db);
    const QDate today = m_clock.today();
    const QDate from = m_from->currentData().isValid() ? m_from->currentData().toDate() : today;
    const QDate to = m_to->currentData().isValid() ? m_to->currentData().toDate() : today;
    QString error;
    m_inputs = m_service.load(from, to, m_branch->currentData().toString(), &error);
    if (!error.isEmpty())
        m_headline->setText(error);
    showCurrent();
}

bool DashboardView::selectIndicator(const QString &code)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kCodeRole).toString() == code) {
            if (m_list->currentRow() == i)
                showCurrent();
            else
                m_list->setCurrentRow(i); // shows it through currentRowChanged
            return true;
        }
    return false;
}

QString DashboardView::currentCode() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kCodeRole).toString() : QString();
}

void DashboardView::showCurrent()
{
    const auto sheet = findSheet(m_sheets, currentCode());
    if (!sheet)
        return;
    m_table = buildIndicatorTable(sheet->code, m_inputs);
    m_title->setText(sheet->name);
    m_headline->setText(m_table.headline);
    QChart *old = m_chartView->chart();
    m_chartView->setChart(makeIndicatorChart(m_table, *sheet));
    delete old; // the view gives up the old chart without deleting it
    showSheet(*sheet);
    fillNumbers();
}

void DashboardView::showSheet(const IndicatorSheet &sheet)
{
    const auto row = [](const QString &label, const QString &text) {
        return QStringLiteral("<p style='margin-bottom:6px'><b>%1</b><br>%2</p>").arg(label.toHtmlEscaped(), text.toHtmlEscaped());
    };
    QString goal = row(tr("Meta"), goalText(sheet, m_table.chartUnit()));
    // For a monthly figure, whether the newest month meets the goal.
    const auto charted = m_table.chartedSeries();
    if (sheet.goal && charted.size() == 1 && !isPersonIndicator(sheet.code) && !charted.first()->values.isEmpty()) {
        const auto last = charted.first()->values.last();
        if (const auto met = meetsGoal(sheet, last))
            goal += QStringLiteral("<p style='margin-top:0px; color:%1'><b>%2</b></p>")
                        .arg(*met ? QStringLiteral("#1b5e20") : QStringLiteral("#b71c1c"),
                             tr("%1: %2, %3")
                                 .arg(m_table.categories.last(), formatIndicatorValue(*last, m_table.chartUnit()),
                                      *met ? tr("cumple la meta") : tr("no cumple la meta"))
                                 .toHtmlEscaped());
    }
    m_sheet->setText(QStringLiteral("<h3>%1</h3>").arg(tr("Ficha técnica")) + row(tr("Indicador"), sheet.name)
                     + row(tr("Fórmula"), sheet.formula) + row(tr("Unidad"), sheet.unit)
                     + row(tr("Frecuencia"), sheet.frequency) + row(tr("Fuente"), sheet.source) + goal
                     + row(tr("Responsable"), sheet.responsible));
}

void DashboardView::fillNumbers()
{
    const bool notes = !m_table.noteTitle.isEmpty();
    const int first = notes ? 2 : 1;
    QStringList headers{m_table.categoryTitle};
    if (notes)
        headers << m_table.noteTitle;
    for (const IndicatorSeries &s : m_table.series)
        headers << twoLines(s.name + unitSuffix(s.unit));
    m_numbers->clear();
    m_numbers->setColumnCount(static_cast<int>(headers.size()));
    m_numbers->setHorizontalHeaderLabels(headers);
    m_numbers->setRowCount(static_cast<int>(m_table.categories.size()));
    for (int r = 0; r < m_table.categories.size(); ++r) {
        m_numbers->setItem(r, 0, new QTableWidgetItem(m_table.categories.at(r)));
        if (notes)
            m_numbers->setItem(r, 1, new QTableWidgetItem(m_table.notes.value(r)));
        for (int s = 0; s < m_table.series.size(); ++s) {
            const auto v = m_table.series.at(s).values.value(r);
            auto *item = new QTableWidgetItem(v ? formatIndicatorValue(*v, m_table.series.at(s).unit) : QStringLiteral("—"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_numbers->setItem(r, first + s, item);
        }
    }
    m_numbers->resizeColumnsToContents();
}

QString DashboardView::scopeText() const
{
    const QString branch = m_inputs.branchCode.isEmpty()
                               ? tr("todas las agencias")
                               : (m_inputs.branchNames.count(m_inputs.branchCode)
                                      ? m_inputs.branchNames.at(m_inputs.branchCode)
                                      : m_inputs.branchCode);
    QString months = tr("sin cortes");
    if (!m_inputs.months.isEmpty())
        months = m_inputs.months.size() == 1
                     ? monthLabel(m_inputs.months.first().cutOff)
                     : tr("%1 a %2").arg(monthLabel(m_inputs.months.first().cutOff), monthLabel(m_inputs.months.last().cutOff));
    return tr("Agencia: %1 · Cartera: %2 · Gestión por persona: %3")
        .arg(branch, months, monthLabel(m_inputs.activityMonth));
}

bool DashboardView::exportXlsx(const QString &path, bool all, QString *error) const
{
    QList<IndicatorExport> items;
    for (const IndicatorSheet &s : m_sheets)
        if (all || s.code == currentCode())
            items.append({s, s.code == m_table.code ? m_table : buildIndicatorTable(s.code, m_inputs)});
    return exportIndicatorsXlsx(path, items, scopeText(), error);
}

bool DashboardView::exportPdf(const QString &path, QString *error) const
{
    const auto sheet = findSheet(m_sheets, currentCode());
    if (!sheet) {
        if (error)
            *error = tr("Elija un indicador.");
        return false;
    }
    const IndicatorTable table = m_table;
    return IndicatorReport(Letterhead::fromSettings(m_db))
        .writePdf(path, *sheet, table, scopeText(),
                  [&table, &sheet](QPainter &p, const QRectF &box) { paintIndicatorChart(p, box, table, *sheet); },
                  error);
}

QString DashboardView::suggestedName(const QString &suffix, bool all) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString month = m_inputs.activityMonth.toString(QStringLiteral("yyyy-MM"));
    const QString name = all ? QStringLiteral("indicadores-%1").arg(month)
                             : QStringLiteral("indicador-%1-%2").arg(currentCode().toLower(), month);
    return QDir(dir).filePath(name + suffix);
}

void DashboardView::chooseXlsx(bool all)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Exportar datos a Excel"), suggestedName(QStringLiteral(".xlsx"), all),
                                                      tr("Libro de Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportXlsx(path, all, &error))
        QMessageBox::warning(this, tr("Exportar datos a Excel"), error);
}

void DashboardView::choosePdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Exportar gráfico a PDF"), suggestedName(QStringLiteral(".pdf"), false),
                                                      tr("Documento PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(path, &error))
        QMessageBox::warning(this, tr("Exportar gráfico a PDF"), error);
}

void DashboardView::changeGoal()
{
    const auto sheet = findSheet(m_sheets, currentCode());
    if (!sheet || goalRefusal(PermissionTable::defaults(), m_session))
        return;
    const QLocale spanish(QLocale::Spanish, QLocale::Ecuador);
    bool ok = false;
    const QString typed = QInputDialog::getText(
        this, tr("Meta de %1").arg(sheet->name),
        tr("Meta en %1 (vacío para quitarla):").arg(sheet->unit), QLineEdit::Normal,
        sheet->goal ? spanish.toString(*sheet->goal, 'f', 2) : QString(), &ok);
    if (!ok)
        return;
    std::optional<double> goal;
    if (!typed.trimmed().isEmpty()) {
        QString clean = typed.trimmed();
        clean.remove(u'%').remove(u'$').remove(u' ');
        bool number = false;
        const double value = spanish.toDouble(clean, &number);
        if (!number) {
            QMessageBox::warning(this, tr("Meta"), tr("«%1» no es un número.").arg(typed.trimmed()));
            return;
        }
        goal = value;
    }
    if (!saveIndicatorGoal(m_db, sheet->code, goal)) {
        QMessageBox::warning(this, tr("Meta"), tr("No se pudo guardar la meta."));
        return;
    }
    m_sheets = loadIndicatorSheets(m_db);
    showCurrent();
}

} // namespace cobranza
