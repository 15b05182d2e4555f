#include "branchespage.h"

#include "branchdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {
enum Column { Code, Name, City, Address, Phone, Coordinates, State, ColumnCount };
} // namespace

BranchesPage::BranchesPage(Check check, QWidget *parent)
    : QWidget(parent),
      m_check(std::move(check)),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_add(new QPushButton(tr("&Agregar…"), this)),
      m_edit(new QPushButton(tr("&Editar…"), this))
{
    m_table->setObjectName(QStringLiteral("branchesTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Código"), tr("Nombre"), tr("Ciudad"), tr("Dirección"), tr("Teléfono"), tr("Coordenadas"), tr("Estado")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Address, QHeaderView::Stretch);

    auto *label = new QLabel(tr("&Lista de agencias. Los cambios se guardan al aceptar la configuración."),
                             this);
    label->setBuddy(m_table);
    label->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &BranchesPage::addBranch);
    connect(m_edit, &QPushButton::clicked, this, [this] { editBranch(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { editBranch(row); });
    connect(m_table, &QTableWidget::currentCellChanged, this, &BranchesPage::updateButtons);
}

void BranchesPage::load(const QList<Branch> &branches)
{
    m_loaded = branches;
    m_branches = branches;
    showBranches();
}

QList<Branch> BranchesPage::changed() const
{
    QList<Branch> out;
    for (qsizetype i = 0; i < m_branches.size(); ++i)
        if (i >= m_loaded.size() || m_branches.at(i) != m_loaded.at(i))
            out.append(m_branches.at(i));
    return out;
}

void BranchesPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

void BranchesPage::addBranch()
{
    Branch b;
    if (!m_readOnly && edit(b, -1)) {
        m_branches.append(b);
        showBranches();
        m_table->selectRow(static_cast<int>(m_branches.size() - 1));
    }
}

void BranchesPage::editBranch(int row)
{
    if (m_readOnly || row < 0 || row >= m_branches.size())
        return;
    Branch b = m_branches.at(row);
    if (edit(b, row)) {
        m_branches[row] = b;
        showBranches();
        m_table->selectRow(row);
    }
}

bool BranchesPage::edit(Branch &branch, qsizetype self)
{
    // The code must also be unique among the additions not saved yet.
    const auto check = [this, self](const Branch &b) {
        for (qsizetype i = 0; i < m_branches.size(); ++i)
            if (i != self && m_branches.at(i).code.compare(b.code, Qt::CaseInsensitive) == 0)
                return tr("Ya existe otra agencia con el código %1 (%2).").arg(b.code, m_branches.at(i).name);
        return m_check ? m_check(b) : QString();
    };
    BranchDialog dialog(branch, check, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    branch = dialog.branch();
    return true;
}

void BranchesPage::showBranches()
{
    m_table->setRowCount(static_cast<int>(m_branches.size()));
    for (int row = 0; row < m_branches.size(); ++row) {
        const Branch &b = m_branches.at(row);
        const QString coordinates = b.latitude && b.longitude
                                        ? QStringLiteral("%1, %2").arg(*b.latitude, 0, 'f', 5).arg(*b.longitude, 0, 'f', 5)
                                        : QString();
        const QString texts[ColumnCount] = {b.code,    b.name,      b.city, b.address, b.phone, coordinates,
                                            b.active ? tr("Activa") : tr("Inactiva")};
        for (int col = 0; col < ColumnCount; ++col)
            m_table->setItem(row, col, new QTableWidgetItem(texts[col]));
    }
    updateButtons();
}

void BranchesPage::updateButtons()
{
    m_add->setEnabled(!m_readOnly);
    m_edit->setEnabled(!m_readOnly && m_table->currentRow() >= 0);
}

} // namespace cobranza
