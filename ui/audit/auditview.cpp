#include "auditview.h"

#include "audit/auditlog.h"
#include "store/database.h"
#include "store/directorystore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

AuditView::AuditView(const Database &db, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_clock(clock),
      m_user(new QComboBox(this)),
      m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)),
      m_type(new QComboBox(this)),
      m_record(new QLineEdit(this)),
      m_table(new QTableWidget(this))
{
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_record->setObjectName(QStringLiteral("auditRecord"));
    m_user->addItem(tr("Todos"), QVariant());
    for (const StaffMember &s : DirectoryStore(m_db).staff(true))
        m_user->addItem(QStringLiteral("%1 (%2)").arg(s.fullName, s.username), s.id);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    }
    m_from->setDate(m_clock.today().addDays(-30));
    m_to->setDate(m_clock.today());
    const std::pair<const char *, const char *> types[] = {
        {"", QT_TR_NOOP("Todos")},           {"staff", QT_TR_NOOP("Usuarios e inicios de sesión")},
        {"import", QT_TR_NOOP("Importaciones")}, {"settings", QT_TR_NOOP("Configuración")},
        {"branch", QT_TR_NOOP("Agencias")},  {"booking", QT_TR_NOOP("Agendamientos")},
        {"result", QT_TR_NOOP("Resultados de visitas")}, {"notice", QT_TR_NOOP("Notificaciones")},
        {"backup", QT_TR_NOOP("Respaldos")},
    };
    for (const auto &[code, label] : types)
        m_type->addItem(tr(label), QString::fromLatin1(code));
    m_record->setPlaceholderText(tr("Registro (usuario, crédito, número…)"));
    m_record->setClearButtonEnabled(true);

    auto *filters = new QHBoxLayout;
    const auto labelled = [&](const QString &text, QWidget *w) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        filters->addWidget(label);
        filters->addWidget(w);
    };
    labelled(tr("&Usuario:"), m_user);
    labelled(tr("&Desde:"), m_from);
    labelled(tr("&Hasta:"), m_to);
    labelled(tr("&Tipo:"), m_type);
    filters->addWidget(m_record, 1);
    auto *search = new QPushButton(tr("&Consultar"), this);
    filters->addWidget(search);

    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Fecha y hora (local)"), tr("Usuario"), tr("Acción"), tr("Tipo"),
                                        tr("Registro"), tr("Valor anterior"), tr("Valor nuevo")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("El registro de auditoría no se puede modificar ni borrar."), this));
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    connect(search, &QPushButton::clicked, this, &AuditView::refresh);
    connect(m_record, &QLineEdit::returnPressed, this, &AuditView::refresh);
    refresh();
}

int AuditView::rowCount() const { return m_table->rowCount(); }

void AuditView::refresh()
{
    AuditFilter f;
    if (m_user->currentData().isValid())
        f.staffId = m_user->currentData().toLongLong();
    f.from = m_from->date();
    f.to = m_to->date();
    f.recordType = m_type->currentData().toString();
    f.recordId = m_record->text().trimmed();
    const QList<AuditEntry> entries = AuditLog(m_db, m_clock).entries(f);
    m_table->setRowCount(static_cast<int>(entries.size()));
    for (int r = 0; r < entries.size(); ++r) {
        const AuditEntry &e = entries.at(r);
        const QStringList cells = {QDateTime::fromString(e.atLocal, Qt::ISODate).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")),
                                   e.staffName, e.action, e.recordType, e.recordId, e.oldValue, e.newValue};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    for (int c = 5; c < 7; ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 360));
}

} // namespace cobranza
