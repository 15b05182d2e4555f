#include "supervisionview.h"

#include "committeepage.h"
#include "dailyreviewpage.h"
#include "errorreportpage.h"
#include "permissions.h"
#include "samplepage.h"
#include "store/directorystore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cobranza {

SupervisionView::SupervisionView(const Database &db, Session session, const Clock &clock, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_session(std::move(session)),
      m_branch(new QComboBox(this)),
      m_refusal(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_review(new DailyReviewPage(db, m_session, clock, this)),
      m_sample(new SamplePage(db, m_session, clock, this)),
      m_errors(new ErrorReportPage(db, m_session, clock, this)),
      m_committees(new CommitteePage(db, m_session, clock, this))
{
    setObjectName(QStringLiteral("supervisionView"));
    m_branch->setObjectName(QStringLiteral("supervisionBranch"));
    m_branch->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Head office chooses a branch or all of them; everyone else supervises his own (core's scope).
    const QString scope = branchScope(m_session);
    if (scope.isEmpty())
        m_branch->addItem(tr("Todas las agencias"), QString());
    for (const Branch &b : DirectoryStore(db).branches())
        if (scope.isEmpty() || b.code.compare(scope, Qt::CaseInsensitive) == 0)
            m_branch->addItem(tr("%1 – %2").arg(b.code, b.name), b.code);
    m_branch->setEnabled(scope.isEmpty());
    m_branch->setToolTip(scope.isEmpty() ? tr("La agencia supervisada") : tr("Su cargo supervisa solo su agencia."));
    auto *branchLabel = new QLabel(tr("A&gencia:"), this);
    branchLabel->setBuddy(m_branch);
    m_refusal->setObjectName(QStringLiteral("supervisionRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));

    auto *top = new QHBoxLayout;
    top->addWidget(branchLabel);
    top->addWidget(m_branch);
    top->addSpacing(16);
    top->addWidget(m_refusal, 1);
    top->addStretch(1); // the refusal is hidden for those who read: the chooser stays by its label

    m_tabs->setObjectName(QStringLiteral("supervisionTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_review, tr("Revisión diaria"));
    m_tabs->addTab(m_sample, tr("Muestra física"));
    m_tabs->addTab(m_errors, tr("Errores F.1-A"));
    m_tabs->addTab(m_committees, tr("Comités"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    // The review and the sample are of the same day; a verification or an error moves the F.1-A.
    connect(m_review, &DailyReviewPage::dayChanged, m_sample, &SamplePage::setDay);
    connect(m_sample, &SamplePage::dayChanged, m_review, &DailyReviewPage::setDay);
    connect(m_review, &DailyReviewPage::errorsChanged, m_errors, &ErrorReportPage::reload);
    connect(m_sample, &SamplePage::errorsChanged, m_review, &DailyReviewPage::reload);
    connect(m_sample, &SamplePage::errorsChanged, m_errors, &ErrorReportPage::reload);
    connect(m_branch, &QComboBox::currentIndexChanged, this, &SupervisionView::branchChosen);

    if (const auto refused = refusal(PermissionTable::defaults(), m_session, Permission::ReadSupervision)) {
        // The main window offers the area only to those who may read it; should it be opened anyway,
        // it says why it stays empty instead of showing data.
        m_refusal->setText(*refused);
        m_tabs->setEnabled(false);
        m_branch->setEnabled(false);
        return;
    }
    m_refusal->hide();
    branchChosen();
}

void SupervisionView::branchChosen()
{
    const QString code = m_branch->currentData().toString();
    QString name;
    if (!code.isEmpty())
        if (const auto b = DirectoryStore(m_db).branchByCode(code))
            name = b->name;
    m_review->setBranch(code);
    m_sample->setBranch(code);
    m_errors->setBranch(code, name);
    m_committees->setBranch(code);
}

void SupervisionView::reload()
{
    if (!m_tabs->isEnabled())
        return;
    m_review->reload();
    m_errors->reload();
    m_committees->reload();
}

} // namespace cobranza
