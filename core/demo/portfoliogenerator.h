#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <functional>

class QIODevice;

namespace cobranza {

struct DemoPortfolioOptions
{
    qint64 credits = 2000;
    quint64 seed = 20261122;
    QDate cutOff; // required
};

// Writes a deterministic, realistic portfolio report (formats/cartera.md) for a cut-off: UTF-8,
// ';' delimiter, all required and optional columns, header first.
class PortfolioGenerator final
{
public:
    explicit PortfolioGenerator(DemoPortfolioOptions options);

    // progress(rowsWritten) every ~10,000 rows and once at the end; returns false on I/O error
    // or a missing cut-off (errorString()).
    bool write(QIODevice *out, const std::function<void(qint64)> &progress = {});
    QString errorString() const;

    static QStringList header(); // the columns, in the order they are written

private:
    DemoPortfolioOptions m_options;
    QString m_error;
};

} // namespace cobranza
