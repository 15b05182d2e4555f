#include "resultform.h"

#include "datetext.h"
#include "choicecombo.h"
#include "login/errorlabel.h"
#include "permissions.h"
#include "results/resultrules.h"
#include "resultfields.h"
#include "routes/sentence.h"
#include "store/rulesstore.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cobranza {

namespace {


size_t indexOf(ResultField f) { return static_cast<size_t>(f); }

bool isEnter(const QKeyEvent *key) { return key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter; }

QLineEdit *makeLine(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *line = new QLineEdit(parent);
    line->setObjectName(objectName);
    line->setPlaceholderText(placeholder);
    return line;
}

// A field with the red line under it where the service's refusal for it is shown.
QWidget *withProblem(QWidget *field, QLabel *problem, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(field);
    layout->addWidget(problem);
    return box;
}

QString moneyText(const std::optional<Money> &m) { return m ? m->toDisplayString() : QString(); }

} // namespace

ResultForm::ResultForm(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_clock(clock),
      m_header(new QLabel(this)),
      m_promise(new QLabel(this)),
      m_state(new ChoiceCombo(this)),
      m_time(makeLine(QStringLiteral("resultTime"), tr("hhmm, p. ej. 1030"), this)),
      m_justification(new ResultTextEdit(this)),
      m_agreement(new ResultTextEdit(this)),
      m_agreementDate(makeLine(QStringLiteral("resultAgreementDate"), tr("ddmmaaaa"), this)),
      m_promised(makeLine(QStringLiteral("resultPromised"), tr("opcional, p. ej. 50,00"), this)),
      m_notice(new ChoiceCombo(this)),
      m_reschedule(makeLine(QStringLiteral("resultReschedule"), {}, this)),
      m_collected(makeLine(QStringLiteral("resultCollected"), tr("valor depositado en caja"), this)),
      m_receipt(makeLine(QStringLiteral("resultReceipt"), tr("N.º de recibo de caja"), this)),
      m_save(new QPushButton(tr("Guardar"), this)),
      m_cancel(new QPushButton(tr("Cancelar"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("resultForm"));
    m_header->setObjectName(QStringLiteral("resultHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_promise->setObjectName(QStringLiteral("resultPromise"));
    m_promise->setWordWrap(true);
    m_promise->hide();

    m_state->setObjectName(QStringLiteral("resultState"));
    fillStates(m_state);
    m_state->setPlaceholderText(tr("1–9 o su inicial"));
    m_state->setToolTip(tr("El número del estado (1–9) o su inicial; la inicial repetida pasa al siguiente "
                           "estado que empieza igual"));
    m_justification->setObjectName(QStringLiteral("resultJustification"));
    m_justification->setPrefix(resultText(m_session.initials));
    m_justification->setPlaceholderText(tr("qué pasó en la visita"));
    m_justification->setMaxLength(300);
    m_agreement->setObjectName(QStringLiteral("resultAgreement"));
    m_agreement->setPlaceholderText(tr("lo acordado, claro y concreto"));
    m_agreement->setMaxLength(300);
    m_notice->setObjectName(QStringLiteral("resultNotice"));
    QStringList notices{tr("Ninguna")};
    QVariantList codes{QString()};
    for (NoticeType t : kAllNoticeTypes) {
        notices << noticeTypeLabel(t);
        codes << noticeTypeCode(t);
    }
    m_notice->setChoices(notices, codes, 0);
    m_notice->setToolTip(tr("La notificación entregada en esta visita: su número (0–7) o su inicial"));
    m_receipt->setMaxLength(40);

    m_fields = {m_state, m_time, m_justification, m_agreement, m_agreementDate,
                m_promised, m_notice, m_reschedule, m_collected, m_receipt};
    static constexpr std::array<const char *, kFieldCount> problemNames = {
        "problemState",    "problemTime",   "problemJustification", "problemAgreement", "problemAgreementDate",
        "problemPromised", "problemNotice", "problemReschedule",    "problemCollected", "problemReceipt"};
    for (size_t i = 0; i < kFieldCount; ++i) {
        m_problems[i] = makeErrorLabel(this);
        m_problems[i]->setObjectName(QString::fromLatin1(problemNames[i]));
        m_fields[i]->installEventFilter(this);
    }
    const auto row = [this](ResultField f) { return withProblem(field(f), m_problems[indexOf(f)], this); };

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(4);
    form->addRow(tr("Estado"), row(ResultField::State));
    form->addRow(tr("Hora visita"), row(ResultField::VisitTime));
    form->addRow(tr("Justificación"), row(ResultField::Justification));
    form->addRow(tr("Acuerdo"), row(ResultField::Agreement));
    form->addRow(tr("Fecha de acuerdo"), row(ResultField::AgreementDate));
    form->addRow(tr("Valor prometido"), row(ResultField::PromisedAmount));
    form->addRow(tr("Notificación entregada"), row(ResultField::Notice));
    form->addRow(tr("Reagendamiento"), row(ResultField::Reschedule));
    form->addRow(tr("Recaudación"), row(ResultField::Collected));
    form->addRow(tr("Recibo"), row(ResultField::Receipt));

    for (QPushButton *b : {m_save, m_cancel})
        b->setAutoDefault(false);
    m_save->setObjectName(QStringLiteral("resultSave"));
    m_save->setToolTip(tr("Guarda el resultado y pasa a la visita siguiente (Ctrl+Intro)"));
    m_cancel->setToolTip(tr("Deja el resultado como estaba (Esc)"));
    auto *keys = new QLabel(tr("Intro: campo siguiente · Ctrl+Intro: guardar · Esc: cancelar"), this);
    keys->setObjectName(QStringLiteral("resultKeys"));
    keys->setEnabled(false); // secondary text, greyed as the platform does it
    keys->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);

    m_status->setObjectName(QStringLiteral("resultStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(m_promise);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(keys);
    layout->addWidget(m_status);
    layout->addStretch(1);

    const auto touched = [this] { m_dirty = m_hasVisit; };
    connect(m_state, &QComboBox::activated, this, touched);
    connect(m_notice, &QComboBox::activated, this, touched);
    for (QLineEdit *line : {static_cast<QLineEdit *>(m_justification), static_cast<QLineEdit *>(m_agreement), m_time,
                            m_agreementDate, m_promised, m_reschedule, m_collected, m_receipt})
        connect(line, &QLineEdit::textEdited, this, touched);
    connect(m_save, &QPushButton::clicked, this, &ResultForm::save);
    connect(m_cancel, &QPushButton::clicked, this, &ResultForm::cancel);
    clearVisit(tr("Elija una visita de la agenda y pulse Intro para registrar su resultado."));
}

ResultService ResultForm::service() const
{
    // The rules as configured now: the settings may change while the agenda is open.
    const RulesStore rules(m_db);
    const int year = m_clock.today().year();
    return ResultService(m_db, m_session, PermissionTable::defaults(), rules.timeWindows(),
                         rules.calendar(year - 1, year + 1), m_clock);
}

void ResultForm::showHeader(const QString &id, const QString &notifier)
{
    const RouteVisit &v = m_visit;
    QStringList lines;
    lines << tr("<b>ID</b> %1 &nbsp;·&nbsp; <b>NOTIFICADOR</b> %2").arg(id.toHtmlEscaped(), notifier.toHtmlEscaped());
    lines << tr("<b>%1</b>").arg(v.memberName.toHtmlEscaped());
    const QString days = v.daysPastDue == 1 ? tr("1 día de mora") : tr("%1 días de mora").arg(v.daysPastDue);
    lines << tr("Crédito %1 · %2 · vencido %3").arg(v.creditNumber.toHtmlEscaped(), days, v.overdue.toDisplayString());
    if (!v.action.isEmpty())
        lines << (v.notice ? tr("Escalera: %1 (%2)").arg(v.action.toHtmlEscaped(), noticeTypeCode(*v.notice))
                           : tr("Escalera: %1").arg(v.action.toHtmlEscaped()));
    m_header->setText(lines.join(QStringLiteral("<br>")));

    // What changes how the visit is made: the promised day is kept, a broken promise is pressed.
    QStringList promise;
    if (v.promisedOn.isValid())
        promise << (v.promisedOn == m_visitDate ? tr("Promesa de pago para hoy")
                                                : tr("Promesa de pago para el %1").arg(dayText(v.promisedOn)));
    if (v.promiseBroken)
        promise << tr("Promesa incumplida");
    m_promise->setText(promise.join(QStringLiteral(" · ")));
    m_promise->setStyleSheet(v.promiseBroken ? QStringLiteral("QLabel { color: #b00020; font-weight: bold; }")
                                             : QStringLiteral("QLabel { color: #1f5f9f; font-weight: bold; }"));
    m_promise->setVisible(!promise.isEmpty());
}

void ResultForm::showVisit(const RouteVisit &visit, const RouteSheet &sheet)
{
    m_visit = visit;
    m_visitDate = sheet.visitDate;
    m_hasVisit = true;
    m_ownInitiative = false;
    const QString notifier = sheet.notifier.fullName.isEmpty() ? sheet.notifier.username : sheet.notifier.fullName;
    showHeader(QString::number(visit.bookingId), notifier);
    setEditable(true);
    const std::optional<StoredResult> stored = service().load(visit.bookingId);
    m_stored = stored ? std::optional<VisitResult>(stored->result) : std::nullopt;
    fill(m_stored);
    m_reschedule->setPlaceholderText(
        tr("ddmmaaaa, hasta %1 días después").arg(RulesStore(m_db).timeWindows().maxRescheduleDays));
    if (stored)
        setStatus(tr("Registrado por %1 el %2%3.")
                      .arg(stored->enteredBy, stored->enteredAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                           stored->late ? tr(", fuera de plazo") : QString()),
                  stored->late ? Tone::Warning : Tone::Neutral);
    else
        setStatus(tr("Sin resultado todavía (visita del %1).").arg(dayText(m_visitDate)), Tone::Neutral);
}

void ResultForm::showOwnInitiative(const RouteVisit &visit, QDate workDay)
{
    m_visit = visit;
    m_visit.bookingId = 0;
    m_visitDate = workDay;
    m_hasVisit = true;
    m_ownInitiative = true;
    showHeader(tr("nueva"), m_session.fullName);
    setEditable(true);
    m_stored.reset();
    fill(std::nullopt);
    selectState(m_state, VisitState::GestionPropia);
    m_state->setEnabled(false); // the only state of work done outside the agenda
    m_reschedule->setPlaceholderText({});
    setStatus(tr("Gestión propia del %1: se añade a su día con el estado Gestión Propia.").arg(dayText(workDay)),
              Tone::Neutral);
}

void ResultForm::clearVisit(const QString &hint)
{
    m_hasVisit = false;
    m_ownInitiative = false;
    m_stored.reset();
    m_visit = {};
    m_header->setText(hint.toHtmlEscaped());
    m_promise->hide();
    fill(std::nullopt);
    setEditable(false);
    setStatus({}, Tone::Neutral);
}

void ResultForm::setEditable(bool on)
{
    for (QWidget *w : m_fields)
        w->setEnabled(on);
    m_save->setEnabled(on);
    m_cancel->setEnabled(on);
}

void ResultForm::fill(const std::optional<VisitResult> &result)
{
    const VisitResult r = result.value_or(VisitResult{});
    selectState(m_state, result ? std::optional<VisitState>(r.state) : std::nullopt);
    m_time->setText(r.visitTime ? r.visitTime->toString(QStringLiteral("HH:mm")) : QString());
    // Stored with the initials; the field shows them as its prefix.
    m_justification->setText(justificationBody(r.justification, m_session.initials));
    m_agreement->setText(r.agreement);
    m_agreementDate->setText(typedDateText(r.agreementDate));
    m_promised->setText(moneyText(r.promisedAmount));
    m_notice->setCurrentIndex(r.noticeDelivered ? m_notice->findData(noticeTypeCode(*r.noticeDelivered)) : 0);
    m_reschedule->setText(typedDateText(r.rescheduleDate));
    m_collected->setText(moneyText(r.collected));
    m_receipt->setText(r.receiptNumber);
    m_dirty = false;
    clearProblems();
}

VisitResult ResultForm::collect(QList<ResultProblem> *input) const
{
    VisitResult r;
    r.bookingId = m_visit.bookingId;
    if (const auto state = stateOf(m_state))
        r.state = *state;
    else
        input->append({ResultField::State, tr("elija el estado: su número (1–9) o su inicial.")});
    if (const QString t = m_time->text().trimmed(); !t.isEmpty())
        r.visitTime = parseVisitTime(t).value_or(QTime()); // an invalid time: the rules say why
    r.justification = m_justification->text();
    r.agreement = m_agreement->text();
    const auto date = [input](QLineEdit *line, ResultField f) {
        const std::optional<QDate> d = parseTypedDate(line->text());
        if (!d)
            input->append({f, tr("escriba la fecha como ddmmaaaa o dd/mm/aaaa.")});
        return d.value_or(QDate());
    };
    const auto money = [input](QLineEdit *line, ResultField f) -> std::optional<Money> {
        if (line->text().trimmed().isEmpty())
            return std::nullopt;
        const std::optional<Money> m = Money::parse(line->text());
        if (!m)
            input->append({f, tr("escriba el valor en dólares, p. ej. 50 o 1.250,75.")});
        return m;
    };
    r.agreementDate = date(m_agreementDate, ResultField::AgreementDate);
    r.promisedAmount = money(m_promised, ResultField::PromisedAmount);
    r.noticeDelivered = parseNoticeType(m_notice->currentData().toString());
    r.rescheduleDate = date(m_reschedule, ResultField::Reschedule);
    r.collected = money(m_collected, ResultField::Collected);
    r.receiptNumber = m_receipt->text().trimmed();
    return r;
}

bool ResultForm::tidy(size_t index, bool showProblem)
{
    QLineEdit *line = qobject_cast<QLineEdit *>(m_fields[index]);
    if (!line || line->text().trimmed().isEmpty())
        return true;
    const auto f = static_cast<ResultField>(index);
    QString problem;
    QString tidied = line->text();
    switch (f) {
    case ResultField::VisitTime:
        if (const auto t = parseVisitTime(line->text()))
            tidied = t->toString(QStringLiteral("HH:mm"));
        else
            problem = tr("escriba la hora como 1030 o 10:30 (24 horas).");
        break;
    case ResultField::AgreementDate:
    case ResultField::Reschedule:
        if (const auto d = parseTypedDate(line->text()))
            tidied = typedDateText(*d);
        else
            problem = tr("escriba la fecha como ddmmaaaa o dd/mm/aaaa.");
        break;
    case ResultField::PromisedAmount:
    case ResultField::Collected:
        if (const auto m = Money::parse(line->text()))
            tidied = m->toDisplayString();
        else
            problem = tr("escriba el valor en dólares, p. ej. 50 o 1.250,75.");
        break;
    default:
        break;
    }
    if (!problem.isEmpty()) {
        if (showProblem)
            showErrorLabel(m_problems[index], asSentence(problem));
        return false;
    }
    if (showProblem)
        showErrorLabel(m_problems[index], {});
    line->setText(tidied); // "1030" reads back as "10:30": what was understood
    return true;
}

void ResultForm::advanceFrom(size_t index)
{
    if (!tidy(index, true))
        return;
    for (size_t next = index + 1; next < kFieldCount; ++next)
        if (m_fields[next]->isEnabled()) {
            m_fields[next]->setFocus(Qt::TabFocusReason); // selects the text, so typing replaces it
            return;
        }
    save();
}

bool ResultForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const auto it = std::find(m_fields.cbegin(), m_fields.cend(), watched);
    if (it == m_fields.cend())
        return QWidget::eventFilter(watched, event);
    const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
    if (isEnter(key) && mods == Qt::ControlModifier) {
        save();
        return true;
    }
    if (isEnter(key) && mods == Qt::NoModifier) {
        advanceFrom(static_cast<size_t>(it - m_fields.cbegin()));
        return true;
    }
    if (key->key() == Qt::Key_Escape && mods == Qt::NoModifier) {
        cancel();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ResultForm::setState(VisitState state)
{
    if (m_state->isEnabled())
        selectState(m_state, state);
    m_dirty = m_hasVisit;
}

void ResultForm::clearProblems()
{
    for (QLabel *l : m_problems)
        showErrorLabel(l, {});
}

void ResultForm::showProblems(const QList<ResultProblem> &problems)
{
    clearProblems();
    size_t first = kFieldCount;
    for (const ResultProblem &p : problems) {
        const size_t i = indexOf(p.field);
        QLabel *label = m_problems[i];
        const QString text = asSentence(p.message);
        showErrorLabel(label, label->text().isEmpty() ? text : label->text() + u'\n' + text);
        first = std::min(first, i);
    }
    // The first field to correct that takes the cursor (a fixed state: the one after it).
    for (size_t i = first; i < kFieldCount; ++i)
        if (m_fields[i]->isEnabled()) {
            m_fields[i]->setFocus(Qt::OtherFocusReason);
            return;
        }
}

QString ResultForm::problemAt(ResultField field) const
{
    const QLabel *label = m_problems[indexOf(field)];
    return label->isVisibleTo(this) ? label->text() : QString();
}

void ResultForm::setStatus(const QString &text, Tone tone)
{
    m_status->setText(text);
    switch (tone) {
    case Tone::Neutral: m_status->setStyleSheet({}); break;
    case Tone::Ok: m_status->setStyleSheet(QStringLiteral("QLabel { color: #1b5e20; }")); break;
    case Tone::Warning: m_status->setStyleSheet(QStringLiteral("QLabel { color: #9a4f00; font-weight: bold; }")); break;
    case Tone::Error: m_status->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }")); break;
    }
}

QString ResultForm::statusText() const
{
    return m_status->text();
}

void ResultForm::focusFirstField()
{
    for (QWidget *w : m_fields)
        if (w->isEnabled()) {
            w->setFocus(Qt::TabFocusReason);
            return;
        }
}

bool ResultForm::save()
{
    if (!m_hasVisit)
        return false;
    // Ctrl+Enter skips the Enter that tidies a field: "1115" still reads back as "11:15".
    for (size_t i = 0; i < kFieldCount; ++i)
        tidy(i, false);
    QList<ResultProblem> input;
    const VisitResult r = collect(&input);
    if (!input.isEmpty()) {
        showProblems(input);
        setStatus(tr("No se guardó: corrija lo marcado en rojo."), Tone::Error);
        return false;
    }
    const ResultService results = service();
    const ResultOutcome o = m_ownInitiative ? results.saveOwnInitiative(m_visit.creditNumber, m_visitDate, r)
                                            : results.save(r);
    if (!o.ok) {
        showProblems(o.problems);
        // The reasons are at their fields; a refusal that names no field of its own is said here.
        setStatus(o.problems.isEmpty() ? asSentence(o.summary)
                                       : tr("No se guardó el resultado del crédito %1: corrija lo marcado en rojo.")
                                             .arg(m_visit.creditNumber),
                  Tone::Error);
        return false;
    }
    clearProblems();
    m_dirty = false;
    m_visit.bookingId = o.bookingId;
    m_stored = r;
    // A late entry is accepted and counted: said here, in the line the user reads anyway.
    setStatus(asSentence(o.summary), o.late ? Tone::Warning : Tone::Ok);
    emit saved(o);
    return true;
}

void ResultForm::cancel()
{
    if (!m_hasVisit)
        return;
    const bool wasDirty = m_dirty;
    if (m_ownInitiative) {
        fill(std::nullopt);
        selectState(m_state, VisitState::GestionPropia);
    } else {
        fill(m_stored);
    }
    if (wasDirty)
        setStatus(tr("Edición cancelada: el resultado quedó como estaba."), Tone::Neutral);
    emit cancelled();
}

} // namespace cobranza
