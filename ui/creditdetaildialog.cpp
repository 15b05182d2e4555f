#include "creditdetaildialog.h"

#include "audit/auditlog.h"

#include <QHeaderView>
#include <QTableWidget>

#include "creditdetail/creditdetailpages.h"
#include "creditdetail/credittimelinepage.h"
#include "portfolio/credittimeline.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {

QString dateText(QDate d) { return CreditDetailPages::dateText(d); }

// A rating shown the way the printed reports colour it; dark text where the colour is light.
QLabel *ratingBadge(Rating rating)
{
    const QColor background = riskColor(riskLevelOf(rating));
    const QColor foreground = background.lightnessF() > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
    auto *badge = new QLabel(ratingCode(rating));
    badge->setObjectName(QStringLiteral("ratingBadge"));
    badge->setAlignment(Qt::AlignCenter);
    badge->setMinimumWidth(badge->fontMetrics().horizontalAdvance(QStringLiteral("MM")) * 2);
    badge->setStyleSheet(QStringLiteral("QLabel#ratingBadge { background: %1; color: %2; border-radius: 6px; "
                                        "padding: 4px 12px; font-size: 18pt; font-weight: bold; }")
                             .arg(background.name(), foreground.name()));
    return badge;
}

} // namespace

CreditDetailDialog::CreditDetailDialog(const Database &db, const QString &creditNumber, const PortfolioRules &rules,
                                       QWidget *parent)
    : QDialog(parent), m_db(db), m_rules(rules), m_file(loadCreditFile(db, creditNumber))
{
    if (const auto newest = newestSnapshot(db))
        m_newestCutOff = newest->cutOff;
    if (m_file)
        m_line = latestLine(*m_file, m_rules);

    auto *layout = new QVBoxLayout(this);
    if (!m_file) {
        setWindowTitle(tr("Crédito %1").arg(creditNumber));
        auto *missing = new QLabel(tr("No se encontró el crédito %1 en los cortes importados.").arg(creditNumber));
        missing->setObjectName(QStringLiteral("notFound"));
        layout->addWidget(missing, 1, Qt::AlignCenter);
    } else {
        setWindowTitle(tr("Crédito %1 — %2").arg(m_file->credit.creditNumber, m_file->member.fullName));
        layout->addWidget(buildHeader());
        m_tabs = new QTabWidget;
        m_tabs->setDocumentMode(true);
        layout->addWidget(m_tabs, 1);
        addPages();
    }
    // Our own text: the application loads no Qt translations, and "Close" would show in English.
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(tr("Cerrar"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(m_file ? QSize(1000, 700) : QSize(480, 160));
}

void CreditDetailDialog::addPages()
{
    // The credit's pages in the order the staff read them. Later issues append theirs here, after
    // Historial: Visitas, Notificaciones and Promesas de pago, each built from the credit number.
    const CreditFile &f = *m_file;
    m_tabs->addTab(CreditDetailPages::member(f, [this](const QString &n) { openOtherCredit(n); }), tr("Socio"));
    m_tabs->addTab(CreditDetailPages::guarantors(f),
                   f.guarantors.isEmpty() ? tr("Garantes") : tr("Garantes (%1)").arg(f.guarantors.size()));
    m_tabs->addTab(CreditDetailPages::credit(f), tr("Crédito"));
    m_tabs->addTab(CreditDetailPages::history(f), tr("Historial (%1)").arg(f.history.size()));
    auto *timeline = new CreditTimelinePage(m_db, f, loadCreditTimeline(m_db, f.credit.creditNumber));
    m_tabs->addTab(timeline, tr("Expediente (%1)").arg(timeline->shownCount()));
    if (!f.warnings.isEmpty())
        m_tabs->addTab(CreditDetailPages::warnings(f), tr("Advertencias de importación (%1)").arg(f.warnings.size()));
    addAuditPage(f.credit.creditNumber);
}

void CreditDetailDialog::addAuditPage(const QString &creditNumber)
{
    // The credit's own audit trail: every entry recorded against its number (AuditEntry).
    const SystemClock clock;
    AuditFilter filter;
    filter.recordId = creditNumber;
    const QList<AuditEntry> entries = AuditLog(m_db, clock).entries(filter);
    auto *table = new QTableWidget(static_cast<int>(entries.size()), 5);
    table->setObjectName(QStringLiteral("creditAudit"));
    table->setHorizontalHeaderLabels({tr("Fecha y hora"), tr("Usuario"), tr("Acción"), tr("Antes"), tr("Después")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < entries.size(); ++r) {
        const AuditEntry &e = entries.at(r);
        const QStringList cells = {
            QDateTime::fromString(e.atLocal, Qt::ISODate).toString(QStringLiteral("dd/MM/yyyy HH:mm")), e.staffName,
            e.action, e.oldValue, e.newValue};
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    table->resizeColumnsToContents();
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    if (entries.isEmpty())
        layout->addWidget(new QLabel(tr("Todavía no hay cambios registrados sobre este crédito.")));
    layout->addWidget(table, 1);
    m_tabs->addTab(page, entries.isEmpty() ? tr("Auditoría") : tr("Auditoría (%1)").arg(entries.size()));
}

void CreditDetailDialog::addHeaderField(QGridLayout *grid, int row, int column, const QString &caption,
                                        const QString &value, const QString &objectName, int span)
{
    QLabel *c = CreditDetailPages::captionLabel(caption);
    c->setAlignment(Qt::AlignRight | Qt::AlignTop);
    QLabel *v = CreditDetailPages::valueLabel(value);
    v->setObjectName(objectName);
    grid->addWidget(c, row, column * 2);
    grid->addWidget(v, row, column * 2 + 1, 1, span * 2 - 1);
}

QWidget *CreditDetailDialog::buildHeader()
{
    const CreditFile &f = *m_file;
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *v = new QVBoxLayout(frame);

    auto *top = new QHBoxLayout;
    auto *name = new QLabel(f.member.fullName);
    name->setObjectName(QStringLiteral("memberName"));
    name->setTextFormat(Qt::PlainText);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    name->setFont(big);
    top->addWidget(name, 1);
    if (m_line)
        top->addWidget(ratingBadge(m_line->row.rating));
    v->addLayout(top);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    for (int c : {1, 3, 5})
        grid->setColumnStretch(c, 1);
    addHeaderField(grid, 0, 0, tr("Cédula:"), f.member.cedula, QStringLiteral("cedula"));
    addHeaderField(grid, 0, 1, tr("Socio:"), f.member.memberNumber, QStringLiteral("memberNumber"));
    addHeaderField(grid, 0, 2, tr("Crédito:"), f.credit.creditNumber, QStringLiteral("creditNumber"));
    addHeaderField(grid, 1, 0, tr("Segmento:"), segmentLabel(f.credit.segment));

    if (!m_line) {
        addHeaderField(grid, 1, 1, tr("Estado:"), tr("Ningún corte guardado contiene este crédito."), {}, 2);
        v->addLayout(grid);
        return frame;
    }
    // Who and where; then how bad it is; then who works it; then what that means next.
    const SnapshotRow &r = m_line->row;
    addHeaderField(grid, 1, 1, tr("Agencia:"), branchText(r.branchCode));
    addHeaderField(grid, 1, 2, tr("Corte:"), dateText(r.cutOff));
    QString rating = tr("%1 · riesgo %2").arg(ratingCode(r.rating), riskLevelLabel(m_line->riskLevel()));
    if (r.previousRating)
        rating += r.reclassified() ? tr(" · reclasificado desde %1").arg(ratingCode(*r.previousRating))
                                   : tr(" · ant. %1").arg(ratingCode(*r.previousRating));
    addHeaderField(grid, 2, 0, tr("Calificación:"), rating, QStringLiteral("rating"), 2);
    addHeaderField(grid, 2, 2, tr("Días de mora:"),
                   r.daysPastDue == 0 ? tr("Al día") : tr("%1 días").arg(r.daysPastDue), QStringLiteral("daysPastDue"));
    addHeaderField(grid, 3, 0, tr("Oficial:"), officerText(r.officer), QStringLiteral("officer"), 2);
    addHeaderField(grid, 3, 2, tr("Responsable:"), roleLabel(m_line->responsible), QStringLiteral("responsible"));
    addHeaderField(grid, 4, 0, tr("Próxima calificación:"), nextRatingText(), QStringLiteral("nextRating"), 3);
    addHeaderField(grid, 5, 0, tr("Etapa de cobranza:"), ladderText(), QStringLiteral("ladderStage"), 3);
    addHeaderField(grid, 6, 0, tr("Tendencia:"), trendSummary(f.history), QStringLiteral("trend"), 3);
    v->addLayout(grid);

    if (r.daysPastDue > 0) {
        auto *days = frame->findChild<QLabel *>(QStringLiteral("daysPastDue"));
        QFont bold = days->font();
        bold.setBold(true);
        days->setFont(bold);
    }
    if (m_newestCutOff.isValid() && r.cutOff < m_newestCutOff) {
        // A credit paid off or written off drops out of the report; its last figures are old news.
        auto *stale = new QLabel(tr("Este crédito no figura en el corte más reciente (%1); los datos son del corte del %2.")
                                     .arg(dateText(m_newestCutOff), dateText(r.cutOff)));
        stale->setObjectName(QStringLiteral("staleNote"));
        stale->setWordWrap(true);
        stale->setStyleSheet(QStringLiteral("color: #a04000; font-weight: bold;"));
        v->addWidget(stale);
    }
    return frame;
}

QString CreditDetailDialog::branchText(const QString &code) const
{
    const auto branch = DirectoryStore(m_db).branchByCode(code);
    return branch && !branch->name.isEmpty() ? tr("%1 — %2").arg(code, branch->name) : code;
}

QString CreditDetailDialog::officerText(const QString &username) const
{
    const auto staff = DirectoryStore(m_db).staffByUsername(username);
    return staff && !staff->fullName.isEmpty() ? tr("%1 (%2)").arg(staff->fullName, username) : username;
}

QString CreditDetailDialog::nextRatingText() const
{
    const SnapshotRow &r = m_line->row;
    if (r.daysPastDue == 0)
        return r.dueDate.isValid() ? tr("Al día; próxima cuota el %1").arg(dateText(r.dueDate)) : tr("Al día");
    if (!m_line->daysToNextRating)
        return m_rules.scales.versionFor(m_line->segment, r.cutOff) ? tr("Ya está en la última calificación")
                                                                     : tr("Sin escala vigente para el segmento");
    const int days = *m_line->daysToNextRating;
    const QDate on = r.cutOff.addDays(days);
    const auto next = m_rules.scales.expectedRating(m_line->segment, r.cutOff, r.daysPastDue + days);
    const QString when = days == 1 ? tr("en 1 día (%1)").arg(dateText(on)) : tr("en %1 días (%2)").arg(days).arg(dateText(on));
    return next ? tr("%1 %2, si no paga").arg(ratingCode(*next), when) : when;
}

QString CreditDetailDialog::ladderText() const
{
    const QList<LadderStage> &stages = m_rules.ladder.stages();
    if (m_line->ladderStage < 0 || m_line->ladderStage >= stages.size())
        return tr("Sin etapa para %1 días de mora").arg(m_line->row.daysPastDue);
    const LadderStage &s = stages.at(m_line->ladderStage);
    // The action already names the notice to deliver; the Notificaciones page will print it.
    const bool channel = !s.channel.isEmpty() && s.channel != QStringLiteral("—");
    return channel ? tr("%1 — %2 (%3 · %4)").arg(CollectionsLadder::rangeLabel(s), s.action, s.responsibleLabel, s.channel)
                   : tr("%1 — %2 (%3)").arg(CollectionsLadder::rangeLabel(s), s.action, s.responsibleLabel);
}

void CreditDetailDialog::openOtherCredit(const QString &creditNumber)
{
    CreditDetailDialog other(m_db, creditNumber, m_rules, this);
    other.exec();
}

} // namespace cobranza
