#include "noticereport.h"
#include "reporttestsupport.h"
#include "store/settingsstore.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace cobranza;
using cobranza::test::ensureGuiApp;

namespace {

// A wide logo drawn with shapes only, so the golden image does not depend on a font.
QImage sampleLogo()
{
    QImage logo(240, 120, QImage::Format_RGB32);
    logo.fill(Qt::white);
    QPainter p(&logo);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(20, 80, 40));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QRectF(5, 5, 110, 110));
    p.setBrush(QColor(200, 160, 0));
    p.drawRect(QRectF(130, 30, 100, 60));
    return logo;
}

Letterhead letterhead()
{
    Letterhead l;
    l.name = QStringLiteral("Cooperativa de Ahorro y Crédito Señor de los Milagros Ltda.");
    l.ruc = QStringLiteral("1091234567001");
    l.address = QStringLiteral("Calle Bolívar 4-56 y García Moreno, Otavalo");
    l.phone = QStringLiteral("06 292 1234");
    l.city = QStringLiteral("Otavalo");
    l.logo = sampleLogo();
    return l;
}

struct Credit
{
    QString number;
    QString memberName;
    QString memberCedula;
    QString memberAddress;
    qint64 overdueCents;
    qint64 totalCents;
};

const Credit kMunoz{QStringLiteral("CR-000123"), QStringLiteral("MUÑOZ PÉREZ JOSÉ ÁNGEL"), QStringLiteral("1002003004"),
                    QStringLiteral("Calle Sucre 4-12 y Piedrahíta, junto a la tienda Doña Inés, Ibarra"), 123456,
                    130120};
const Credit kNacato{QStringLiteral("CR-000456"), QStringLiteral("ÑACATO ÑUSTA MARÍA"), QStringLiteral("1004005006"),
                     QStringLiteral("Comunidad de Peguche, vía a la cascada, casa celeste"), 9876543, 10012345};

// An F1TG page as the template service fills it: the wording is the cooperative's, not the renderer's.
NoticeDocument notice(const Credit &c, AddresseeKind kind, const QString &name, const QString &cedula,
                      const QString &address, int number)
{
    NoticeDocument d;
    d.type = NoticeType::F1TG;
    d.code = QStringLiteral("F1TG");
    d.year = 2026;
    d.number = number;
    d.title = QStringLiteral("PRIMERA NOTIFICACIÓN DE COBRANZA");
    d.city = QStringLiteral("Ibarra");
    d.date = QDate(2026, 11, 22);
    d.addresseeKind = kind;
    d.addresseeName = name;
    d.addresseeCedula = cedula;
    d.addresseeAddress = address;
    d.memberName = c.memberName;
    d.memberCedula = c.memberCedula;
    d.creditNumber = c.number;
    d.overdueInstallments = 2;
    d.daysPastDue = 15;
    d.overdue = Money::fromCents(c.overdueCents);
    d.totalToPay = Money::fromCents(c.totalCents);
    d.payBy = QDate(2026, 11, 30);
    d.branchName = QStringLiteral("Ibarra Centro");
    d.branchAddress = QStringLiteral("Av. Mariano Acosta 12-34 y Juan de Velasco");
    d.branchPhone = QStringLiteral("06 295 5555");
    d.signerName = QStringLiteral("ING. LUIS FERNANDO TORRES ÁLVAREZ");
    d.signerRole = QStringLiteral("Asesor de Negocios");
    const QString overdue = d.overdue.toDisplayString();
    const QString debt = kind == AddresseeKind::Garante
                             ? QStringLiteral("En su calidad de garante solidario del crédito N.º %1 concedido a %2, le "
                                              "comunicamos que dicho crédito registra %3 cuotas vencidas con %4 días de "
                                              "mora, por un valor vencido de %5. Como garante, usted responde por el "
                                              "pago de la deuda si el socio no lo hace.")
                                   .arg(c.number, c.memberName).arg(d.overdueInstallments).arg(d.daysPastDue).arg(overdue)
                             : QStringLiteral("Por medio de la presente le comunicamos que su crédito N.º %1 registra %2 "
                                              "cuotas vencidas con %3 días de mora, por un valor vencido de %4. El pago "
                                              "puntual de sus cuotas le permite mantener su buen historial crediticio y "
                                              "acceder a nuevos créditos en la cooperativa.")
                                   .arg(c.number).arg(d.overdueInstallments).arg(d.daysPastDue).arg(overdue);
    d.paragraphs = {
        QStringLiteral("De nuestra consideración:"),
        debt,
        QStringLiteral("Le solicitamos acercarse a cancelar el valor total de %1 hasta el 30 de noviembre de 2026, a fin de "
                       "evitar el incremento de los intereses de mora, los gastos de cobranza y el reporte a las "
                       "centrales de riesgo.")
            .arg(d.totalToPay.toDisplayString()),
        QStringLiteral("Si a la fecha de recepción de esta notificación usted ya realizó el pago, le agradecemos y le "
                       "solicitamos hacer caso omiso de la misma."),
    };
    return d;
}

NoticeDocument titular(const Credit &c, int number)
{
    return notice(c, AddresseeKind::Titular, c.memberName, c.memberCedula, c.memberAddress, number);
}

// A titular and two guarantors of one credit, the titular of another, and a reprint of the first.
QList<NoticeDocument> batch()
{
    NoticeDocument copy = titular(kMunoz, 123);
    copy.copy = true;
    return {
        titular(kMunoz, 123),
        notice(kMunoz, AddresseeKind::Garante, QStringLiteral("CHALÁN ÑUSTA ROSA ELENA"), QStringLiteral("1001112223"),
               QStringLiteral("Barrio Santa Lucía, calle Los Ceibos 3-45, Otavalo"), 124),
        notice(kMunoz, AddresseeKind::Garante, QStringLiteral("YÉPEZ CÓRDOVA LUCÍA INÉS"), QStringLiteral("1003334445"),
               QStringLiteral("San Antonio de Ibarra, calle 27 de Noviembre 8-90"), 125),
        titular(kNacato, 126),
        copy,
    };
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The PDF's text page by page (poppler separates pages with form feeds).
QStringList pageTexts(const QString &pdf, const QString &mode = QStringLiteral("-layout"))
{
    QStringList pages = run(QStringLiteral("pdftotext"), {mode, QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
                                                          QStringLiteral("-")})
                            .split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// The text in the order it was painted, whitespace collapsed: a name wrapped over two lines reads whole.
QString paintedText(const QString &pdf)
{
    return pageTexts(pdf, QStringLiteral("-raw")).join(u' ').simplified();
}

QString writeNotices(const QTemporaryDir &dir, const QList<NoticeDocument> &docs,
                     const QString &name = QStringLiteral("notificaciones.pdf"))
{
    const QString path = dir.filePath(name);
    QString error;
    const bool written = NoticeReport(letterhead()).writePdf(path, docs, &error);
    INFO(error.toStdString());
    REQUIRE(written);
    return path;
}

// Fraction of pixels that differ clearly between two grey images of the same size.
double differingPixels(const QImage &a, const QImage &b)
{
    const QImage ga = a.convertToFormat(QImage::Format_Grayscale8);
    const QImage gb = b.convertToFormat(QImage::Format_Grayscale8);
    qint64 differ = 0;
    for (int y = 0; y < ga.height(); ++y) {
        const uchar *la = ga.constScanLine(y);
        const uchar *lb = gb.constScanLine(y);
        for (int x = 0; x < ga.width(); ++x)
            differ += std::abs(int(la[x]) - int(lb[x])) > 64;
    }
    return double(differ) / (double(ga.width()) * ga.height());
}

} // namespace

TEST_CASE("Notice batch prints one page per document with its own addressee and figures", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QList<NoticeDocument> docs = batch();
    const QString pdf = writeNotices(dir, docs);
    const QStringList pages = pageTexts(pdf);
    REQUIRE(pages.size() == docs.size());
    const QStringList painted = pageTexts(pdf, QStringLiteral("-raw"));
    REQUIRE(painted.size() == docs.size());

    for (int i = 0; i < docs.size(); ++i) {
        const NoticeDocument &d = docs.at(i);
        const QString &text = pages.at(i);
        const QString flow = painted.at(i).simplified();
        INFO("page " << i + 1 << "\n" << text.toStdString());
        CHECK(text.contains(QStringLiteral("Ibarra, 22 de noviembre de 2026")));
        CHECK(text.contains(QStringLiteral("N.º ") + d.reference()));
        CHECK(text.contains(QStringLiteral("PRIMERA NOTIFICACIÓN DE COBRANZA")));
        CHECK(text.contains(QStringLiteral("Señor(a):")));
        CHECK(flow.contains(d.addresseeName));
        CHECK(flow.contains(QStringLiteral("C.I. ") + d.addresseeCedula));
        CHECK(flow.contains(QStringLiteral("Dirección: ") + d.addresseeAddress));
        CHECK(flow.contains(d.memberName));
        // The boxed figures.
        CHECK(text.contains(QStringLiteral("Cuotas vencidas")));
        CHECK(text.contains(QStringLiteral("Pague hasta")));
        CHECK(text.contains(d.overdue.toDisplayString()));
        CHECK(text.contains(d.totalToPay.toDisplayString()));
        CHECK(text.contains(QStringLiteral("30/11/2026")));
        CHECK(flow.contains(QStringLiteral("Acérquese a la agencia Ibarra Centro, Av. Mariano Acosta 12-34 y Juan de "
                                           "Velasco, teléfono 06 295 5555.")));
        CHECK(flow.contains(QStringLiteral("ING. LUIS FERNANDO TORRES ÁLVAREZ Asesor de Negocios Agencia Ibarra Centro")));
        // The stub: whoever receives it signs, and it names the document.
        CHECK(text.contains(QStringLiteral("RECIBÍ CONFORME")));
        CHECK(text.count(QStringLiteral("N.º ") + d.reference()) >= 3); // head, stub, footer
        for (const char *blank : {"Nombre:", "C.I.:", "Fecha:", "Firma:"})
            CHECK(text.contains(QString::fromUtf8(blank)));
        CHECK(text.contains(QStringLiteral("Página %1 de %2").arg(i + 1).arg(docs.size())));
        CHECK(text.contains(QStringLiteral("COPIA")) == d.copy);
        if (d.addresseeKind == AddresseeKind::Garante) {
            CHECK(flow.contains(QStringLiteral("Garante del crédito N.º %1 de %2 (C.I. %3)")
                                    .arg(d.creditNumber, d.memberName, d.memberCedula)));
            CHECK_FALSE(flow.contains(QStringLiteral("Socio titular")));
        } else {
            CHECK(flow.contains(QStringLiteral("Socio titular del crédito N.º ") + d.creditNumber));
            CHECK_FALSE(flow.contains(QStringLiteral("Garante del crédito")));
        }
    }
    // Figures stay with their own credit.
    CHECK(pages.at(0).contains(QStringLiteral("$ 1.234,56")));
    CHECK(pages.at(0).contains(QStringLiteral("$ 1.301,20")));
    CHECK(pages.at(3).contains(QStringLiteral("$ 98.765,43")));
    CHECK(pages.at(3).contains(QStringLiteral("$ 100.123,45")));
    CHECK_FALSE(pages.at(3).contains(QStringLiteral("$ 1.234,56")));
    CHECK_FALSE(pages.at(1).contains(QStringLiteral("ÑACATO")));
    // The copy carries the original's number.
    CHECK(pages.at(4).contains(QStringLiteral("N.º F1TG-2026-000123")));
}

TEST_CASE("Notice text reads back with accents intact and without ligatures", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString painted = paintedText(writeNotices(dir, {batch().at(1)}));
    for (const char *word : {"PRIMERA NOTIFICACIÓN", "Señor(a):", "CHALÁN ÑUSTA ROSA ELENA", "Acérquese", "días de mora",
                             "RECIBÍ CONFORME", "Garante del crédito", "Página 1 de 1"}) {
        INFO(word);
        CHECK(painted.contains(QString::fromUtf8(word)));
    }
    // Justified lines read back word by word; "fi" is two letters, not a ligature glyph.
    CHECK(painted.contains(QStringLiteral("Si a la fecha de recepción de esta notificación")));
    CHECK(painted.contains(QStringLiteral("a fin de evitar el incremento")));
    CHECK_FALSE(painted.contains(QChar(0xFB01)));
}

TEST_CASE("Notice wraps long names and addresses inside the margins", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    NoticeDocument d = notice(kMunoz, AddresseeKind::Garante,
                              QStringLiteral("DE LA TORRE VILLAGÓMEZ MARÍA DE LOS ÁNGELES GUADALUPE DEL CONSUELO "
                                             "SOLEDAD DEL ROSARIO"),
                              QStringLiteral("1712345678"), {}, 77);
    d.addresseeAddress = QStringLiteral("Comunidad de Agato, vía a la cascada de Peguche, kilómetro 3 1/2, pasando la "
                                        "escuela fiscal mixta Jaime Roldós Aguilera, casa de dos pisos color celeste "
                                        "con portón negro, preguntar por la señora Rosa Ñacata en la tienda de la esquina");
    d.memberName = QStringLiteral("QUISHPE ÑAUPARI JOSÉ MIGUEL DE LOS SANTOS ARCÁNGELES Y TODOS LOS SANTOS");
    d.creditNumber = QStringLiteral("CR-2026-OTA-0000012345678-REESTRUCTURADO");
    d.branchAddress = QStringLiteral("Av. Mariano Acosta 12-34 y Juan de Velasco, edificio Torres del Norte, planta "
                                     "baja, junto al Banco del Pacífico");
    d.overdue = Money::fromCents(123456789012);
    d.paragraphs.append(QStringLiteral("REFERENCIA-SIN-ESPACIOS-%1").arg(QString(120, u'X')));
    const QString pdf = writeNotices(dir, {d});
    const QStringList pages = pageTexts(pdf);
    CHECK(pages.size() == 1);
    const QString painted = paintedText(pdf);
    CHECK(painted.contains(d.addresseeName));
    CHECK(painted.contains(QStringLiteral("Dirección: ") + d.addresseeAddress));
    CHECK(painted.contains(d.memberName));
    CHECK(QString(painted).remove(u' ').contains(d.creditNumber));
    CHECK(painted.contains(d.branchAddress));
    CHECK(pages.first().contains(QStringLiteral("$ 1.234.567.890,12")));

    // Every word lies between the 20 mm side margins and on the paper.
    const QString boxes = run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    const QRegularExpression word(QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                                                 "yMax=\"([\\d.]+)\">([^<]*)</word>"));
    const double left = 20 / 25.4 * 72, right = (210 - 20) / 25.4 * 72, bottom = 297 / 25.4 * 72;
    int words = 0;
    for (auto it = word.globalMatch(boxes); it.hasNext(); ++words) {
        const QRegularExpressionMatch m = it.next();
        INFO(m.captured(5).toStdString());
        CHECK(m.captured(1).toDouble() >= left - 1);
        CHECK(m.captured(3).toDouble() <= right + 1);
        CHECK(m.captured(4).toDouble() <= bottom);
    }
    CHECK(words > 150);
}

TEST_CASE("Notice with a body too long for a page shrinks then cuts it and stays on one page", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    NoticeDocument longer = titular(kMunoz, 1);
    for (int i = 0; i < 3; ++i)
        longer.paragraphs.append(longer.paragraphs.at(1));
    NoticeDocument absurd = titular(kMunoz, 2);
    QStringList words;
    for (int i = 0; i < 1500; ++i)
        words << QStringLiteral("palabra%1").arg(i);
    absurd.paragraphs.insert(1, words.join(u' '));
    const QString pdf = writeNotices(dir, {longer, absurd});
    const QStringList pages = pageTexts(pdf);
    REQUIRE(pages.size() == 2);
    for (const QString &page : pages) {
        CHECK(page.contains(QStringLiteral("RECIBÍ CONFORME")));
        CHECK(page.contains(QStringLiteral("Atentamente,")));
        CHECK(page.contains(QStringLiteral("Total a pagar")));
    }
    // Smaller type keeps every word of the longer letter.
    CHECK(paintedText(pdf).count(QStringLiteral("días de mora, por un valor vencido")) >= 4);
    CHECK(pages.at(1).contains(QStringLiteral("palabra0 palabra1")));
    CHECK_FALSE(pages.at(1).contains(QStringLiteral("palabra1499")));
    CHECK(pages.at(1).contains(QStringLiteral("…")));
}

TEST_CASE("Notice F1TG page matches its golden image", "[reports][notices][golden]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QString pdf = writeNotices(dir, {batch().at(1)}, QStringLiteral("f1tg.pdf"));
    const QString prefix = dir.filePath(QStringLiteral("f1tg"));
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-gray"),
                                     QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, prefix});
    const QImage page(prefix + QStringLiteral(".png"));
    REQUIRE_FALSE(page.isNull());

    const QString golden = test::dataPath(QStringLiteral("golden/notice_f1tg.png"));
    if (!QFileInfo::exists(golden)) {
        REQUIRE(QDir().mkpath(QFileInfo(golden).absolutePath()));
        REQUIRE(page.save(golden));
        FAIL("The golden image did not exist and was created at " << golden.toStdString()
                                                                   << ": look at it, then run the test again.");
    }
    const QImage expected(golden);
    REQUIRE_FALSE(expected.isNull());
    REQUIRE(page.size() == expected.size());
    const double differ = differingPixels(page, expected);
    INFO("differing pixels: " << differ * 100 << " % (rendered page left at " << prefix.toStdString() << ".png)");
    CHECK(differ < 0.01);
}

TEST_CASE("Notice batch cancelled through the progress callback writes nothing", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    const QList<NoticeDocument> docs = batch();
    const NoticeReport report(letterhead());

    const QString fresh = dir.filePath(QStringLiteral("nueva.pdf"));
    QList<int> seen;
    QString error;
    CHECK_FALSE(report.writePdf(fresh, docs, &error, [&](int done, int total) {
        CHECK(total == docs.size());
        seen.append(done);
        return done < 2;
    }));
    CHECK(seen == QList<int>{1, 2});
    CHECK(error.contains(QStringLiteral("cancelado")));
    CHECK_FALSE(QFileInfo::exists(fresh));
    CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // no temporary file left behind

    // An earlier file of the same name stays as it was.
    const QString earlier = test::writeFile(dir, QStringLiteral("anterior.pdf"), QByteArrayLiteral("anterior"));
    CHECK_FALSE(report.writePdf(earlier, docs, &error, [](int, int) { return false; }));
    QFile f(earlier);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == QByteArrayLiteral("anterior"));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    CHECK(report.render(&writer, docs, [](int done, int) { return done < 3; }) == -1);

    // Uncancelled, every page is reported.
    seen.clear();
    CHECK(report.writePdf(fresh, docs, &error, [&](int done, int) {
        seen.append(done);
        return true;
    }));
    CHECK(seen == QList<int>{1, 2, 3, 4, 5});
}

TEST_CASE("Notice report prints through QPrinter and refuses an empty batch", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("impresora.pdf")));
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 14, 20, 10),
                                      QPageLayout::Millimeter));
    const NoticeReport report(letterhead());
    CHECK(report.render(&printer, batch()) == 5);

    QString error;
    const QString path = dir.filePath(QStringLiteral("vacio.pdf"));
    CHECK_FALSE(report.writePdf(path, {}, &error));
    CHECK(error.startsWith(QStringLiteral("No hay notificaciones")));
    CHECK_FALSE(QFileInfo::exists(path));
    CHECK_FALSE(report.writePdf(dir.filePath(QStringLiteral("no-existe/n.pdf")), batch(), &error));
    CHECK(error.startsWith(QStringLiteral("No se pudo")));
}

TEST_CASE("Letterhead reads the cooperative logo from the settings", "[reports][notices]")
{
    ensureGuiApp();
    QTemporaryDir dir;
    auto db = test::openTestDatabase(dir);
    const SettingsStore settings(*db);
    CHECK(Letterhead::fromSettings(*db).logo.isNull());

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(sampleLogo().save(&buffer, "PNG"));
    REQUIRE(settings.setValue(SettingsStore::CooperativeLogo, QString::fromLatin1(png.toBase64())));
    REQUIRE(settings.setValue(SettingsStore::CooperativeName, QStringLiteral("Cooperativa Andina")));
    const Letterhead l = Letterhead::fromSettings(*db);
    CHECK(l.name == QStringLiteral("Cooperativa Andina"));
    CHECK(l.logo.size() == QSize(240, 120));

    REQUIRE(settings.setValue(SettingsStore::CooperativeLogo, QStringLiteral("bm8gZXMgdW5hIGltYWdlbg==")));
    CHECK(Letterhead::fromSettings(*db).logo.isNull());
}

// Hidden (run with "[.samples]"): writes sample notices for a person to look at, to the directory
// in COBRANZA_SAMPLES_DIR or /tmp/notice-samples.
TEST_CASE("Notice sample PDFs for review", "[.samples]")
{
    ensureGuiApp();
    const QString dir = qEnvironmentVariableIsEmpty("COBRANZA_SAMPLES_DIR") ? QStringLiteral("/tmp/notice-samples")
                                                                             : qEnvironmentVariable("COBRANZA_SAMPLES_DIR");
    REQUIRE(QDir().mkpath(dir));
    const NoticeReport report(letterhead());
    QString error;
    CHECK(report.writePdf(dir + QStringLiteral("/lote.pdf"), batch(), &error));
    Letterhead plain = letterhead();
    plain.logo = QImage();
    CHECK(NoticeReport(plain).writePdf(dir + QStringLiteral("/sin-logo.pdf"), batch().mid(1, 1), &error));
    NoticeDocument d = batch().at(1);
    d.addresseeName = QStringLiteral("DE LA TORRE VILLAGÓMEZ MARÍA DE LOS ÁNGELES GUADALUPE DEL CONSUELO SOLEDAD");
    d.addresseeAddress = QStringLiteral("Comunidad de Agato, vía a la cascada de Peguche, kilómetro 3 1/2, pasando la "
                                        "escuela fiscal mixta Jaime Roldós Aguilera, casa de dos pisos color celeste "
                                        "con portón negro, preguntar por la señora Rosa Ñacata en la tienda");
    d.copy = true;
    for (int i = 0; i < 3; ++i)
        d.paragraphs.append(d.paragraphs.at(1));
    CHECK(report.writePdf(dir + QStringLiteral("/texto-largo.pdf"), {d}, &error));
}
