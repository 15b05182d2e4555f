#include "minutesreport.h"
#include "reporttestsupport.h"

#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::ensureGuiApp;

namespace {

CommitteeMinutes minutes(int lines)
{
    CommitteeMinutes m;
    m.committee = Committee::Subcomite;
    m.year = 2026;
    m.number = 4;
    m.branchCode = QStringLiteral("IBA");
    m.heldOn = QDate(2026, 11, 23);
    m.attendees = QStringLiteral("BENALCÁZAR TERÁN MARCO VINICIO (coordinador), CHAMORRO ROSERO ANDREA (asesora)");
    m.notes = QStringLiteral("Se revisaron los créditos que pasan al coordinador.");
    m.recordedBy = QStringLiteral("BENALCÁZAR TERÁN MARCO VINICIO");
    for (int i = 0; i < lines; ++i)
        m.lines.append({QStringLiteral("01010%1").arg(i, 5, 10, QLatin1Char('0')),
                        QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL %1").arg(i), 21 + i % 15, Money::fromCents(12345 + i),
                        QStringLiteral("PLAZO HASTA EL 30/11/2026 PARA PONERSE AL DÍA; SI NO PAGA, VISITA CON EL GARANTE")});
    return m;
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("Minutes PDF names the committee and number and lists every decision", "[reports][minutes]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acta.pdf"));
    QString error;
    REQUIRE(MinutesReport(Letterhead{}).writePdf(path, minutes(3), &error));
    const QString text = pdfText(path);
    CHECK(text.contains(QStringLiteral("ACTA N.º SUBCOMITE-IBA-2026-004 DEL SUBCOMITÉ DE MORA")));
    CHECK(text.contains(QStringLiteral("lunes 23 de noviembre de 2026")));
    for (int i = 0; i < 3; ++i)
        CHECK(text.contains(QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL %1").arg(i)));
    CHECK(text.contains(QStringLiteral("Página 1 de 1")));
    CHECK(text.contains(QStringLiteral("Registrado por:")));
    CHECK(text.contains(QStringLiteral("Observaciones: Se revisaron los créditos")));
}

TEST_CASE("Minutes PDF of many decisions numbers its pages", "[reports][minutes]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acta-larga.pdf"));
    REQUIRE(MinutesReport(Letterhead{}).writePdf(path, minutes(60)));
    const QString text = pdfText(path);
    const int pages = static_cast<int>(text.count(u'\f'));
    REQUIRE(pages >= 3);
    CHECK(text.contains(QStringLiteral("Página 1 de %1").arg(pages)));
    CHECK(text.contains(QStringLiteral("Página %1 de %1").arg(pages)));
    CHECK(text.count(QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL")) == 60);
    CHECK(text.indexOf(QStringLiteral("0101000010")) < text.indexOf(QStringLiteral("0101000050")));
}
