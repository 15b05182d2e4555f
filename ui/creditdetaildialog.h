#pragma once

#include "portfolio/creditfile.h"
#include "portfolio/portfolioquery.h"

#include <QDialog>
#include <optional>

class QGridLayout;
class QTabWidget;

namespace cobranza {

class Database;

// The credit's file (expediente) opened from the portfolio: who the member and guarantors are,
// where to find them, the loan's figures and how its arrears moved across cut-offs. Read-only.
class CreditDetailDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreditDetailDialog)

public:
    CreditDetailDialog(const Database &db, const QString &creditNumber, const PortfolioRules &rules,
                       QWidget *parent = nullptr);

    bool hasCredit() const { return m_file.has_value(); }
    const std::optional<CreditFile> &creditFile() const { return m_file; }
    QTabWidget *tabs() const { return m_tabs; } // nullptr when the credit is unknown

private:
    QWidget *buildHeader();
    void addHeaderField(QGridLayout *grid, int row, int column, const QString &caption, const QString &value,
                        const QString &objectName = {}, int span = 1);
    void addPages();
    void addAuditPage(const QString &creditNumber);
    void openOtherCredit(const QString &creditNumber);
    QString branchText(const QString &code) const;
    QString officerText(const QString &username) const;
    QString nextRatingText() const;
    QString ladderText() const;

    const Database &m_db;
    PortfolioRules m_rules;
    std::optional<CreditFile> m_file;
    std::optional<PortfolioLine> m_line; // the newest cut-off with the derived columns
    QDate m_newestCutOff;                // of the database, to tell when the credit left the report
    QTabWidget *m_tabs = nullptr;
};

} // namespace cobranza
