#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cobranza::cli {

class Context;

// Rows printed as an aligned table, CSV (RFC 4180) or JSON, as --format asks.
class Table final
{
public:
    explicit Table(QStringList header) : m_header(std::move(header)) {}
    void addRow(QStringList row) { m_rows.append(std::move(row)); }
    // false when the format is unknown (after saying so on stderr).
    bool print(Context &ctx, const QString &format) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace cobranza::cli
