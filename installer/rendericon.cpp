// cobranza-render-icon: renders the SVG icon to a square PNG at build time, so the package's
// bitmap icon can never drift from the drawing. Usage: cobranza-render-icon IN.svg OUT.png SIZE
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // No QGuiApplication: raster painting on a QImage needs no platform plugin, so this runs on
    // machines without a display (CI, a packaging chroot) and prints nothing.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(3).toInt(&sizeOk) : 0;
    if (!sizeOk || size <= 0) {
        std::fputs("uso: cobranza-render-icon ENTRADA.svg SALIDA.png TAMAÑO\n", stderr);
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        std::fprintf(stderr, "no se pudo leer el SVG %s\n", qPrintable(args.at(1)));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    if (!image.save(args.at(2), "PNG")) {
        std::fprintf(stderr, "no se pudo escribir %s\n", qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
