#pragma once

#include "clock.h"
#include "notices/noticeservice.h"
#include "session.h"

#include <QDate>
#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace cobranza {

class Database;
class NoticePrintJob;
class NoticesModel;

// The Notificaciones area: a cut-off's credits whose ladder stage calls for a written notice not
// yet delivered, ticked and printed — to paper or PDF, for the member and the guarantors — off the
// GUI thread, and the Compromiso de Pago form for the credits in hand.
class NoticesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticesView)

public:
    NoticesView(const Database &db, Session session, const Clock &clock, QWidget *parent = nullptr);
    ~NoticesView() override;

    // The cut-offs again (keeping the chosen one, else the newest) and the notices due with their
    // printed status; ticks of credits still listed stay.
    void reload();
    QDate currentCutOff() const;

    // Prints to `path` in the worker, as «Guardar PDF…» does once a file is chosen: the ticked
    // credits, or every listed one when none is (the button asks first). `type` set prints that form
    // for each (the Compromiso de pago); unset, each credit's stage decides. Returns at once; emits
    // printed() or printFailed() when done.
    void printToPdf(const QString &path, std::optional<NoticeType> type = std::nullopt);
    // What the progress dialog's «Cancelar» does: the batch stops at the next page, nothing recorded.
    void cancelPrinting();
    bool isPrinting() const;

    NoticesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *cutOffChooser() const { return m_cutOff; }
    QComboBox *typeChooser() const { return m_type; }
    QComboBox *personChooser() const { return m_person; }
    QLineEdit *searchBox() const { return m_search; }
    QDateEdit *dateEdit() const { return m_date; }
    QCheckBox *guarantorsBox() const { return m_guarantors; }
    QPushButton *tickAllButton() const { return m_tickAll; }
    QPushButton *previewButton() const { return m_preview; }
    QPushButton *printButton() const { return m_print; }
    QPushButton *pdfButton() const { return m_pdf; }
    QPushButton *commitmentButton() const { return m_commitment; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *statusLabel() const { return m_status; }
    QProgressDialog *progressDialog() const; // while a batch runs

signals:
    void printed(int pages);
    void printFailed(const QStringList &errors); // cancelled too: then it says so

private:
    void fillChoosers();
    void reloadList();
    void updateTotals();
    // The credits a button acts on: the ticked ones, else — once the user agrees when `ask` — all listed.
    QStringList chosenCredits(std::optional<NoticeType> type, bool ask);
    NoticeRequest request(const QStringList &credits, std::optional<NoticeType> type) const;
    void preview(std::optional<NoticeType> type);
    void printOnPaper(std::optional<NoticeType> type, bool ask = true);
    void saveAsPdf(std::optional<NoticeType> type);
    void startProgress();
    void printFinished(const NoticeBatchResult &result);
    void showErrors(const QString &title, const QString &summary, const QStringList &errors);
    void setBusy(bool busy);

    const Database &m_db;
    Session m_session;
    const Clock &m_clock;
    QString m_branchScope;
    bool m_mayPrint = false;
    NoticesModel *m_model;
    NoticePrintJob *m_job;
    QComboBox *m_cutOff;
    QComboBox *m_type;
    QComboBox *m_person;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_totals;
    QPushButton *m_tickAll;
    QPushButton *m_clearTicks;
    QDateEdit *m_date;
    QCheckBox *m_guarantors;
    QPushButton *m_preview;
    QPushButton *m_print;
    QPushButton *m_pdf;
    QPushButton *m_commitment;
    QLabel *m_status;
    QPointer<QProgressDialog> m_progress;
    QString m_pdfPath; // of the batch running, for the status line
    bool m_columnsSized = false;
};

} // namespace cobranza
