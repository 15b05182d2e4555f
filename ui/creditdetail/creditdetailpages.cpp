#include "creditdetailpages.h"

#include "datetext.h"
#include "dayspastduestrip.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cobranza {

namespace {

constexpr auto kNumber = Qt::AlignRight | Qt::AlignVCenter;
constexpr auto kCentre = Qt::AlignCenter;
constexpr auto kText = Qt::AlignLeft | Qt::AlignVCenter;

QTableWidget *makeTable(const QString &objectName, const QStringList &headers, qsizetype rows)
{
    auto *t = new QTableWidget(static_cast<int>(rows), static_cast<int>(headers.size()));
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    return t;
}

QTableWidgetItem *setCell(QTableWidget *t, int row, int column, const QString &text, Qt::Alignment align = kText)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    item->setToolTip(text); // columns are sized to the view; the full text stays one hover away
    t->setItem(row, column, item);
    return item;
}

// Columns fit their contents, except one that takes the room left (an address, a message).
void fitColumns(QTableWidget *t, int stretchColumn)
{
    t->resizeColumnsToContents();
    t->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

QWidget *page(QLayout *layout)
{
    auto *w = new QWidget;
    w->setLayout(layout);
    return w;
}

QFormLayout *form()
{
    auto *f = new QFormLayout;
    f->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    // Labels are Preferred, not Expanding: only this lets a wrapped address use the whole row
    // instead of wrapping at its size hint and losing its second line.
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->setRowWrapPolicy(QFormLayout::DontWrapRows);
    f->setHorizontalSpacing(16);
    return f;
}

QLabel *hint(const QString &text)
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

QString coordinates(const Member &m)
{
    if (!m.latitude || !m.longitude)
        return {};
    const QLocale c = QLocale::c(); // decimal point, as a map or GPS takes them
    return c.toString(*m.latitude, 'f', 6) + QStringLiteral(", ") + c.toString(*m.longitude, 'f', 6);
}

} // namespace

QString CreditDetailPages::dateText(QDate date)
{
    return date.isValid() ? dayText(date) : QStringLiteral("—");
}

QLabel *CreditDetailPages::valueLabel(const QString &text)
{
    auto *l = new QLabel(text.isEmpty() ? QStringLiteral("—") : text);
    l->setTextFormat(Qt::PlainText); // names and addresses come from a file, never markup
    l->setTextInteractionFlags(Qt::TextSelectableByMouse); // phones and cédulas get copied
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignLeft | Qt::AlignTop); // level with its caption when a neighbour wraps
    return l;
}

QLabel *CreditDetailPages::captionLabel(const QString &text)
{
    auto *l = new QLabel(text);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

QColor riskColor(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Normal: return {46, 125, 50};
    case RiskLevel::Potencial: return {230, 160, 0};
    case RiskLevel::Deficiente: return {230, 100, 0};
    case RiskLevel::DudosoRecaudo: return {198, 40, 40};
    case RiskLevel::Perdida: return {110, 20, 20};
    }
    return Qt::gray;
}

QWidget *CreditDetailPages::member(const CreditFile &file, const std::function<void(const QString &)> &openCredit)
{
    const Member &m = file.member;
    QFormLayout *f = form();
    f->addRow(tr("Dirección del domicilio:"), valueLabel(m.homeAddress));
    f->addRow(tr("Dirección del negocio:"), valueLabel(m.businessAddress));
    f->addRow(tr("Referencia:"), valueLabel(m.reference));
    f->addRow(tr("Teléfono:"), valueLabel(m.phone));
    f->addRow(tr("Celular:"), valueLabel(m.mobile));
    f->addRow(tr("Correo electrónico:"), valueLabel(m.email));
    f->addRow(tr("Coordenadas:"), valueLabel(coordinates(m)));

    QLabel *others = nullptr;
    if (file.otherCredits.isEmpty()) {
        others = valueLabel(tr("Ninguno"));
    } else {
        QStringList links;
        for (const QString &number : file.otherCredits)
            links.append(QStringLiteral("<a href=\"%1\">%1</a>").arg(number.toHtmlEscaped()));
        others = new QLabel(links.join(QStringLiteral(", ")));
        others->setTextFormat(Qt::RichText);
        others->setTextInteractionFlags(Qt::TextBrowserInteraction);
        others->setToolTip(tr("Abrir el detalle del otro crédito"));
        QObject::connect(others, &QLabel::linkActivated, others, [openCredit](const QString &number) {
            if (openCredit)
                openCredit(number);
        });
    }
    others->setObjectName(QStringLiteral("otherCredits"));
    f->addRow(tr("Otros créditos del socio:"), others);

    auto *v = new QVBoxLayout;
    v->addLayout(f);
    v->addWidget(hint(tr("Datos de contacto del reporte de cartera más reciente en que figura el socio.")));
    v->addStretch(1);
    return page(v);
}

QWidget *CreditDetailPages::guarantors(const CreditFile &file)
{
    auto *v = new QVBoxLayout;
    if (file.guarantors.isEmpty()) {
        v->addWidget(hint(tr("El crédito no tiene garantes en los reportes importados.")));
        v->addStretch(1);
        return page(v);
    }
    QTableWidget *t = makeTable(QStringLiteral("guarantorsTable"),
                                {tr("Cédula"), tr("Nombre"), tr("Dirección"), tr("Teléfono")},
                                file.guarantors.size());
    for (int r = 0; r < file.guarantors.size(); ++r) {
        const Guarantor &g = file.guarantors.at(r);
        setCell(t, r, 0, g.cedula);
        setCell(t, r, 1, g.fullName);
        setCell(t, r, 2, g.address.isEmpty() ? QStringLiteral("—") : g.address);
        setCell(t, r, 3, g.phone.isEmpty() ? QStringLiteral("—") : g.phone);
    }
    fitColumns(t, 2);
    v->addWidget(t);
    return page(v);
}

QWidget *CreditDetailPages::credit(const CreditFile &file)
{
    const Credit &c = file.credit;
    QFormLayout *granted = form();
    granted->addRow(tr("Monto original:"), valueLabel(c.originalAmount ? c.originalAmount->toDisplayString() : QString()));
    granted->addRow(tr("Fecha de concesión:"), valueLabel(c.grantedOn.isValid() ? dateText(c.grantedOn) : QString()));
    granted->addRow(tr("Plazo:"), valueLabel(c.termMonths ? tr("%1 meses").arg(*c.termMonths) : QString()));
    granted->addRow(tr("Segmento:"), valueLabel(segmentLabel(c.segment)));
    granted->addRow(tr("Destino:"), valueLabel(c.purpose));
    granted->addRow(tr("Actividad económica:"), valueLabel(c.economicActivity));
    auto *grantedBox = new QGroupBox(tr("Concesión"));
    grantedBox->setLayout(granted);

    const CreditHistoryPoint *p = file.latest();
    QFormLayout *figures = form();
    const auto money = [p](Money CreditHistoryPoint::*field) { return p ? (p->*field).toDisplayString() : QString(); };
    figures->addRow(tr("Saldo de capital:"), valueLabel(money(&CreditHistoryPoint::balance)));
    figures->addRow(tr("Cuota:"), valueLabel(money(&CreditHistoryPoint::installment)));
    figures->addRow(tr("Valor vencido:"), valueLabel(money(&CreditHistoryPoint::overdue)));
    figures->addRow(tr("Cuotas vencidas:"), valueLabel(p ? QString::number(p->overdueInstallments) : QString()));
    figures->addRow(tr("Fecha de vencimiento:"), valueLabel(p && p->dueDate.isValid() ? dateText(p->dueDate) : QString()));
    figures->addRow(tr("Días de mora:"), valueLabel(p ? QString::number(p->daysPastDue) : QString()));
    auto *figuresBox = new QGroupBox(p ? tr("Al corte del %1").arg(dateText(p->cutOff)) : tr("Sin cortes"));
    figuresBox->setLayout(figures);

    auto *h = new QHBoxLayout;
    h->addWidget(grantedBox, 1);
    h->addWidget(figuresBox, 1);
    auto *v = new QVBoxLayout;
    v->addLayout(h);
    v->addStretch(1);
    return page(v);
}

QWidget *CreditDetailPages::history(const CreditFile &file)
{
    auto *v = new QVBoxLayout;
    // The header already says the trend in words; here the strip shows its shape.
    v->addWidget(hint(tr("Días de mora por corte; el color es el del nivel de riesgo de la calificación.")));
    v->addWidget(new DaysPastDueStrip(file.history));

    QTableWidget *t = makeTable(QStringLiteral("historyTable"),
                                {tr("Corte"), tr("Días mora"), tr("Calificación"), tr("Calif. ant."), tr("Saldo"),
                                 tr("Vencido"), tr("Cuotas venc."), tr("Oficial"), tr("Sector")},
                                file.history.size());
    // Newest first: the cut-off the staff work on is the first row they read.
    for (int r = 0; r < file.history.size(); ++r) {
        const CreditHistoryPoint &p = file.history.at(file.history.size() - 1 - r);
        setCell(t, r, 0, dateText(p.cutOff), kCentre);
        setCell(t, r, 1, QString::number(p.daysPastDue), kNumber);
        QTableWidgetItem *rating = setCell(t, r, 2, ratingCode(p.rating), kCentre);
        rating->setForeground(riskColor(riskLevelOf(p.rating)));
        QFont f = t->font();
        f.setBold(true);
        rating->setFont(f);
        if (p.previousRating && isWorse(p.rating, *p.previousRating))
            rating->setToolTip(tr("Reclasificado: peor que %1 al cierre del mes anterior").arg(ratingCode(*p.previousRating)));
        setCell(t, r, 3, p.previousRating ? ratingCode(*p.previousRating) : QStringLiteral("—"), kCentre);
        setCell(t, r, 4, p.balance.toDisplayString(), kNumber);
        setCell(t, r, 5, p.overdue.toDisplayString(), kNumber);
        setCell(t, r, 6, QString::number(p.overdueInstallments), kNumber);
        setCell(t, r, 7, p.officer);
        setCell(t, r, 8, p.sector);
    }
    fitColumns(t, 8);
    v->addWidget(t, 1);
    return page(v);
}

QWidget *CreditDetailPages::warnings(const CreditFile &file)
{
    auto *v = new QVBoxLayout;
    v->addWidget(hint(tr("Lo que la importación de cada corte observó en la fila de este crédito. Los datos se "
                         "aceptaron; conviene corregirlos en el sistema central.")));
    QTableWidget *t = makeTable(QStringLiteral("warningsTable"),
                                {tr("Corte"), tr("Línea"), tr("Columna"), tr("Advertencia")}, file.warnings.size());
    t->setWordWrap(true);
    for (int r = 0; r < file.warnings.size(); ++r) {
        const CreditWarning &w = file.warnings.at(r);
        setCell(t, r, 0, dateText(w.cutOff), kCentre);
        setCell(t, r, 1, w.line > 0 ? QString::number(w.line) : QStringLiteral("—"), kNumber);
        setCell(t, r, 2, w.column.isEmpty() ? QStringLiteral("—") : w.column);
        setCell(t, r, 3, w.message);
    }
    fitColumns(t, 3);
    t->resizeRowsToContents();
    v->addWidget(t, 1);
    return page(v);
}

} // namespace cobranza
