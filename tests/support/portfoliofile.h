#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cobranza::test {

// Builds portfolio files for tests: rows start from a valid credit and change only what the test
// is about, so each test says exactly what it breaks.
class PortfolioFile final
{
public:
    PortfolioFile();
    static QMap<QString, QString> validRow(int n); // credit n: valid in every column

    QStringList columns;          // header, in order
    QList<QMap<QString, QString>> rows;
    QChar delimiter = u';';
    QString lineEnd = QStringLiteral("\n");

    PortfolioFile &add(QMap<QString, QString> row) { rows.append(std::move(row)); return *this; }
    PortfolioFile &addValid(int count, int first = 1);
    void dropColumn(const QString &name) { columns.removeAll(name); }
    QString text() const;                  // quoted where needed
    QByteArray utf8(bool bom = false) const;
    QByteArray windows1252() const;
};

} // namespace cobranza::test
