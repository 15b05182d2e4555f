#include "ladderpage.h"

#include "settingsdelegates.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {

enum Column { From, Until, Action, Channel, Responsible, ResponsibleLabel, Notice, ColumnCount };

QList<ComboDelegate::Choice> roleChoices()
{
    QList<ComboDelegate::Choice> out;
    for (Role r : kAllRoles)
        out.append({roleLabel(r), roleCode(r)});
    return out;
}

QList<ComboDelegate::Choice> noticeChoices()
{
    // An empty code is "no notice"; a null QVariant would not be found again in the combo.
    QList<ComboDelegate::Choice> out{{LadderPage::tr("—"), QString(QLatin1String(""))}};
    for (NoticeType t : kAllNoticeTypes)
        out.append({noticeTypeLabel(t), noticeTypeCode(t)});
    return out;
}

} // namespace

LadderPage::LadderPage(QWidget *parent)
    : QWidget(parent),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_roles(new ComboDelegate(roleChoices(), this)),
      m_notices(new ComboDelegate(noticeChoices(), this)),
      m_add(new QPushButton(tr("&Agregar etapa"), this)),
      m_remove(new QPushButton(tr("&Quitar etapa"), this)),
      m_reset(new QPushButton(tr("Restablecer &valores por defecto"), this))
{
    m_table->setObjectName(QStringLiteral("ladderTable"));
    m_table->setHorizontalHeaderLabels({tr("Desde"), tr("Hasta"), tr("Acción"), tr("Canal"), tr("Responsable"),
                                        tr("Según el manual"), tr("Notificación")});
    m_table->horizontalHeaderItem(ResponsibleLabel)
        ->setToolTip(tr("El responsable como lo nombra el manual de cobranzas, p. ej. «Coordinador de Agencia "
                        "(Subcomité)»"));
    m_table->verticalHeader()->hide();
    // The manual's actions are sentences: wrapped, each stage reads whole without a tooltip.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setItemDelegateForColumn(From, new DaysDelegate(false, m_table));
    m_table->setItemDelegateForColumn(Until, new DaysDelegate(true, m_table));
    m_table->setItemDelegateForColumn(Responsible, m_roles);
    m_table->setItemDelegateForColumn(Notice, m_notices);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(Action, QHeaderView::Stretch);
    for (const auto &[column, width] : {std::pair{From, 55}, {Until, 70}, {Channel, 160}, {Responsible, 165},
                                        {ResponsibleLabel, 175}, {Notice, 190}})
        m_table->setColumnWidth(column, width);
    // Queued: while the stretched column is being laid out, the rows would measure a narrower one.
    connect(header, &QHeaderView::sectionResized, m_table, [this] { m_table->resizeRowsToContents(); },
            Qt::QueuedConnection);

    auto *label = new QLabel(tr("&Etapas por días de mora. Cada etapa empieza el día siguiente al fin de la anterior; "
                                "la primera (día 0) es el recordatorio antes del vencimiento y la última no tiene "
                                "límite."),
                             this);
    label->setBuddy(m_table);
    label->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &LadderPage::addStage);
    connect(m_remove, &QPushButton::clicked, this, &LadderPage::removeStage);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        display(CollectionsLadder::defaults().stages());
        m_resetRequested = true;
    });
}

void LadderPage::load(const CollectionsLadder &ladder)
{
    m_loaded = ladder.stages();
    m_resetRequested = false;
    display(m_loaded);
}

void LadderPage::display(const QList<LadderStage> &stages)
{
    m_table->setRowCount(static_cast<int>(stages.size()));
    for (int row = 0; row < stages.size(); ++row)
        setStage(row, stages.at(row));
    m_table->resizeRowsToContents();
}

void LadderPage::setStage(int row, const LadderStage &s)
{
    const auto item = [this, row](int column, const QString &text) {
        auto *it = new QTableWidgetItem(text);
        it->setToolTip(text);
        m_table->setItem(row, column, it);
        return it;
    };
    item(From, QString::number(s.minDays));
    item(Until, s.maxDays ? QString::number(*s.maxDays) : QString());
    item(Action, s.action);
    item(Channel, s.channel);
    item(Responsible, roleLabel(s.responsible))->setData(Qt::UserRole, roleCode(s.responsible));
    item(ResponsibleLabel, s.responsibleLabel);
    const QString notice = s.notice ? noticeTypeCode(*s.notice) : QString(QLatin1String(""));
    item(Notice, m_notices->labelFor(notice))->setData(Qt::UserRole, notice);
}

CollectionsLadder LadderPage::value() const
{
    QList<LadderStage> stages;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *it = m_table->item(row, column);
            return it ? it->text().trimmed() : QString();
        };
        LadderStage s;
        bool ok = false;
        s.minDays = text(From).toInt(&ok);
        if (!ok)
            s.minDays = -1; // validation names the stage that must start elsewhere
        if (!text(Until).isEmpty())
            s.maxDays = text(Until).toInt();
        s.action = text(Action);
        s.channel = text(Channel);
        s.responsible = parseRole(m_table->item(row, Responsible)->data(Qt::UserRole).toString())
                            .value_or(Role::AsesorNegocios);
        s.responsibleLabel = text(ResponsibleLabel);
        s.notice = parseNoticeType(m_table->item(row, Notice)->data(Qt::UserRole).toString());
        stages.append(s);
    }
    return CollectionsLadder(stages);
}

void LadderPage::addStage()
{
    const int current = m_table->currentRow();
    const int row = current < 0 ? m_table->rowCount() : current + 1;
    const QList<LadderStage> stages = value().stages();
    LadderStage s;
    if (current >= 0) {
        const LadderStage &before = stages.at(current);
        s.minDays = before.maxDays ? *before.maxDays + 1 : before.minDays;
        s.responsible = before.responsible;
        s.responsibleLabel = before.responsibleLabel;
    }
    s.maxDays = s.minDays;
    m_table->insertRow(row);
    setStage(row, s);
    m_table->setCurrentCell(row, Action);
    m_table->setFocus();
}

void LadderPage::removeStage()
{
    const int row = m_table->currentRow();
    if (row >= 0)
        m_table->removeRow(row);
}

void LadderPage::setReadOnly(bool readOnly)
{
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers : QAbstractItemView::AllEditTriggers);
    for (QPushButton *button : {m_add, m_remove, m_reset})
        button->setEnabled(!readOnly);
}

} // namespace cobranza
