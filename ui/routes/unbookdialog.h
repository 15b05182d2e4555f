#pragma once

#include <QDate>
#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cobranza {

struct RouteVisit;

// Asks why a visit is taken off a route sheet (Desagendado): the reason is required and kept with
// the booking, so the dialog does not accept until there is one and the service took it.
class UnbookDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnbookDialog)

public:
    // Takes the visit off (BookingService::unbook); false with the Spanish reason when refused.
    using Submit = std::function<bool(const QString &reason, QString *error)>;
    UnbookDialog(const RouteVisit &visit, const QString &personName, QDate visitDate, Submit submit,
                 QWidget *parent = nullptr);

    QString reason() const;
    QString errorText() const;
    void accept() override;

private:
    Submit m_submit;
    QLineEdit *m_reason;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace cobranza
