#include "samplehistorywidget.h"

#include "datetext.h"
#include "permissions.h"
#include "supervision/samplehistory.h"
#include "supervisionwidgets.h"

#include <QApplication>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace cobranza {

namespace {

enum Column { CId, CDay, CBranch, CSeed, CVisits, CConfirmed, CContradicted, CPending, CReplay, CDrawnBy };


} // namespace

SampleHistoryWidget::SampleHistoryWidget(const Database &db, Session session, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_month(new QDateEdit(this)),
      m_count(new QLabel(this)),
      m_table(supervision::makeList({tr("N.º"), tr("Día"), tr("Agencia"), tr("Semilla"), tr("Visitas"),
                                     tr("Confirmadas"), tr("Contradicen"), tr("Pendientes"), tr("¿Se repite?"),
                                     tr("Sorteada el, por")},
                                    QStringLiteral("sampleHistory"), this))
{
    setObjectName(QStringLiteral("sampleHistoryWidget"));
    m_month->setObjectName(QStringLiteral("sampleHistoryMonth"));
    m_month->setDisplayFormat(QStringLiteral("MM/yyyy"));
    m_month->setCurrentSection(QDateTimeEdit::MonthSection);
    m_month->setToolTip(tr("Mes de las muestras (MM/AAAA)"));
    auto *label = new QLabel(tr("Muestras &registradas en:"), this);
    label->setBuddy(m_month);
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::LeftArrow);
    previous->setToolTip(tr("Mes anterior"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Mes siguiente"));
    m_count->setObjectName(QStringLiteral("sampleHistoryCount"));

    // Widths from the texts they hold, so a larger font does not cut them.
    const QFontMetrics fm = fontMetrics();
    const auto fit = [&fm](const QString &text) { return fm.horizontalAdvance(text) + 24; };
    m_table->setColumnWidth(CId, fit(QStringLiteral("00000")));
    m_table->setColumnWidth(CDay, fit(QStringLiteral("00/00/0000")));
    m_table->setColumnWidth(CBranch, fit(tr("Agencia")));
    m_table->setColumnWidth(CSeed, fit(QStringLiteral("0000000000")));
    m_table->setColumnWidth(CVisits, fit(QStringLiteral("00 de 00")));
    for (int c : {CConfirmed, CContradicted, CPending})
        m_table->setColumnWidth(c, fit(m_table->horizontalHeaderItem(c)->text()));
    m_table->setColumnWidth(CReplay, fit(replayVerdictLabel(SampleReplay::Verdict::VisitsChanged)));
    m_table->setColumnWidth(CDrawnBy, fit(QStringLiteral("00/00/0000 00:00 · MMM")));
    for (int c : {CVisits, CConfirmed, CContradicted, CPending})
        m_table->horizontalHeaderItem(c)->setTextAlignment(Qt::AlignCenter);
    m_table->setToolTip(tr("Elija una muestra para ver sus visitas, lo que encontró cada revisión y si su semilla la "
                           "vuelve a sortear igual"));

    auto *top = new QHBoxLayout;
    top->addWidget(label);
    top->addWidget(m_month);
    top->addWidget(previous);
    top->addWidget(next);
    top->addSpacing(12);
    top->addWidget(m_count, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(previous, &QToolButton::clicked, this, [this] { m_month->setDate(month().addMonths(-1)); });
    connect(next, &QToolButton::clicked, this, [this] { m_month->setDate(month().addMonths(1)); });
    connect(m_month, &QDateEdit::dateChanged, this, &SampleHistoryWidget::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const qint64 id = currentSample();
        if (id == m_chosen)
            return;
        m_chosen = id;
        emit sampleChosen(id);
    });
}

QDate SampleHistoryWidget::month() const
{
    const QDate d = m_month->date();
    return QDate(d.year(), d.month(), 1);
}

void SampleHistoryWidget::setMonth(QDate day)
{
    if (day.isValid() && QDate(day.year(), day.month(), 1) != month())
        m_month->setDate(QDate(day.year(), day.month(), 1)); // reloads
}

void SampleHistoryWidget::setBranch(const QString &branchCode)
{
    m_branch = branchCode;
    m_table->setColumnHidden(CBranch, !branchCode.isEmpty());
    reload();
}

qint64 SampleHistoryWidget::currentSample() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

bool SampleHistoryWidget::selectSample(qint64 sampleId)
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, CId)->data(Qt::UserRole).toLongLong() == sampleId) {
            m_table->setCurrentCell(r, CId);
            m_table->selectRow(r);
            return true;
        }
    return false;
}

void SampleHistoryWidget::reload()
{
    {
        // Refilling says nothing: the sample chosen is told below, only if it is gone.
        const QSignalBlocker quiet(m_table);
        fill();
        if (m_chosen != 0 && !selectSample(m_chosen))
            m_table->clearSelection();
    }
    if (const qint64 id = currentSample(); id != m_chosen) {
        m_chosen = id;
        emit sampleChosen(id);
    }
}

void SampleHistoryWidget::fill()
{
    m_table->setRowCount(0);
    const QDate from = month();
    const SampleHistory history(m_db, m_session, PermissionTable::defaults());
    QString error;
    const auto samples = history.list(from, from.addMonths(1).addDays(-1), m_branch, &error);
    if (!samples) {
        m_count->setText(error);
        return;
    }
    const QString monthText = from.toString(QStringLiteral("MM/yyyy"));
    m_count->setText(samples->isEmpty()       ? tr("Ninguna muestra sorteada en %1.").arg(monthText)
                     : samples->size() == 1 ? tr("1 muestra sorteada en %1.").arg(monthText)
                                            : tr("%1 muestras sorteadas en %2.").arg(samples->size()).arg(monthText));
    QApplication::setOverrideCursor(Qt::WaitCursor); // each sample is drawn again to say whether it repeats
    for (const SampleSummary &s : *samples) {
        const auto replay = history.replay(s.id, &error);
        const QString drawnBy = tr("%1 · %2").arg(localMomentText(s.drawnAt), s.drawnByInitials);
        const QStringList cells{QString::number(s.id), dayText(s.day), s.branchCode,
                                QString::number(s.seed),
                                s.visits == s.size ? QString::number(s.visits) : tr("%1 de %2").arg(s.visits).arg(s.size),
                                QString::number(s.confirmed), QString::number(s.contradicted),
                                QString::number(s.pending()), replay ? replayVerdictLabel(replay->verdict) : error,
                                drawnBy};
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, s.id);
            item->setToolTip(c == CDrawnBy ? tr("Sorteada por %1 el %2").arg(s.drawnBy, localMomentText(s.drawnAt))
                                           : cells.at(c));
            if (c == CVisits || c == CConfirmed || c == CContradicted || c == CPending)
                item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(r, c, item);
        }
        if (s.visits != s.size)
            m_table->item(r, CVisits)->setToolTip(tr("Se pidieron %1; el día no tenía más visitas con resultado.").arg(s.size));
        if (replay) {
            m_table->item(r, CReplay)->setToolTip(describeReplay(*replay));
            if (replay->verdict != SampleReplay::Verdict::Same)
                m_table->item(r, CReplay)->setForeground(QColor(0xa0, 0x10, 0x10));
        }
        if (s.contradicted > 0)
            m_table->item(r, CContradicted)->setForeground(QColor(0xa0, 0x10, 0x10));
    }
    QApplication::restoreOverrideCursor();
}

} // namespace cobranza
