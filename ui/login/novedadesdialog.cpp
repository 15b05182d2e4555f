#include "novedadesdialog.h"

#include "datetext.h"
#include "store/database.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace cobranza {

namespace {


// The heading's colour: red for what needs action, green for good news.
QColor kindColor(Novedad::Kind kind)
{
    switch (kind) {
    case Novedad::Kind::BrokenPromise:
    case Novedad::Kind::NewArrears:
    case Novedad::Kind::Worsened: return {170, 20, 20};
    case Novedad::Kind::UpToDate: return {27, 110, 40};
    case Novedad::Kind::AssignedToYou:
    case Novedad::Kind::AssignedAway: break;
    }
    return {};
}

} // namespace

NovedadesDialog::NovedadesDialog(NovedadesReport report, QWidget *parent)
    : QDialog(parent), m_report(std::move(report)), m_headline(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Novedades de sus créditos"));
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    QString since = m_report.lastSession.isValid()
                        ? tr("Desde su última sesión, el %1 a las %2")
                              .arg(dayText(m_report.lastSession.date()),
                                   m_report.lastSession.toString(QStringLiteral("HH:mm")))
                        : tr("Desde el corte anterior");
    const qsizetype count = m_report.items.size();
    const QString news = count == 1 ? tr("1 novedad") : tr("%1 novedades").arg(count);
    m_headline->setText(tr("%1: %2 en sus créditos, del corte del %3 al del %4.")
                            .arg(since, news, dayText(m_report.fromCutOff), dayText(m_report.toCutOff)));

    m_tree->setObjectName(QStringLiteral("novedades"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Crédito"), tr("Socio"), tr("Novedad")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setExpandsOnDoubleClick(false); // a list to read: double-click does nothing
    m_tree->header()->setStretchLastSection(true);

    std::map<Novedad::Kind, QList<const Novedad *>> groups; // in the kinds' order: the urgent first
    for (const Novedad &n : std::as_const(m_report.items))
        groups[n.kind].append(&n);
    QFont bold = m_tree->font();
    bold.setBold(true);
    for (const auto &[kind, items] : groups) {
        auto *group = new QTreeWidgetItem(m_tree, {tr("%1 (%2)").arg(novedadKindLabel(kind)).arg(items.size())});
        group->setFont(0, bold);
        if (const QColor color = kindColor(kind); color.isValid())
            group->setForeground(0, color);
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        for (const Novedad *n : items)
            new QTreeWidgetItem(group, {n->creditNumber, n->memberName, n->text});
        group->setExpanded(true);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("Cerrar"), QDialogButtonBox::RejectRole);
    close->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *hint = new QLabel(tr("Para trabajar un crédito, búsquelo en Cartera: su pestaña Expediente cuenta la "
                               "historia completa."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_tree, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    close->setFocus(); // Enter or Esc closes: it is read at a glance, then work starts
    resize(860, 520);
}

QString NovedadesDialog::headline() const { return m_headline->text(); }

void NovedadesDialog::showIfAny(const Database &db, const Session &session, QWidget *parent, QDate today)
{
    NovedadesReport report = loadNovedades(db, session, today);
    if (report.isEmpty())
        return;
    NovedadesDialog dialog(std::move(report), parent);
    dialog.exec();
}

} // namespace cobranza
