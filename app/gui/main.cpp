// cobranza: the desktop workstation. Wiring only: opens the database (filling a new one with the
// demo cooperative) and shows the main window.
#include "demo/demoseeder.h"
#include "mainwindow.h"
#include "store/database.h"
#include "store/directorystore.h"
#include "store/paths.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <QMessageBox>
#include <QProgressDialog>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cobranza"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cobranza"));
    QApplication::setApplicationVersion(QStringLiteral(COBRANZA_VERSION));
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Ecuador));
    // Qt's own dialogs (file chooser, print preview, standard buttons) in Spanish too.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    const QString path = cobranza::defaultDatabasePath();
    QString error;
    auto db = cobranza::Database::open(path, &error);
    if (!db) {
        QMessageBox::critical(nullptr, QObject::tr("Cobranza"), error);
        return 1;
    }
    cobranza::DemoSeeder seeder(*db);
    if (seeder.isEmpty()) {
        QProgressDialog progress(QObject::tr("Preparando la cooperativa de demostración…"), QString(), 0, 100);
        progress.setWindowModality(Qt::ApplicationModal);
        progress.setMinimumDuration(0);
        cobranza::DemoSeedOptions options;
        options.today = QDate::currentDate();
        const bool ok = seeder.seedAll(options, &error, [&progress](qint64 done, qint64 total, qint64) {
            progress.setValue(total > 0 ? static_cast<int>(done * 100 / total) : 0);
            QApplication::processEvents();
        });
        if (!ok) {
            QMessageBox::critical(nullptr, QObject::tr("Cobranza"), error);
            return 1;
        }
    }
    // Until users sign in (the login comes with the users issue), the workstation acts as the
    // administrator of the demo or as the installation itself.
    const auto admin = cobranza::DirectoryStore(*db).sessionFor(QStringLiteral("admin"));
    const cobranza::Session session = admin.value_or(
        cobranza::Session{0, QStringLiteral("sistema"), QObject::tr("Sistema (instalación)"), QStringLiteral("SIS"),
                          cobranza::Role::Sistemas, 0, QString()});
    cobranza::MainWindow window(*db, session);
    window.show();
    return QApplication::exec();
}
