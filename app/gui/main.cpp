// cobranza: the desktop workstation. Wiring only: opens the database (filling a new one with the
// demo cooperative) and shows the main window.
#include "demo/demoseeder.h"
#include "mainwindow.h"
#include "store/database.h"
#include "auth/userservice.h"
#include "login/firstadmindialog.h"
#include "login/logindialog.h"
#include "login/novedadesdialog.h"
#include "store/paths.h"
#include "store/rulesstore.h"
#include "supervision/monthclose.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cobranza"));
    QApplication::setOrganizationName(QStringLiteral("Cobranza")); // settings in ~/.config/Cobranza, not "Unknown Organization"
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
        QProgressDialog progress(
            QObject::tr("Preparando la cooperativa de demostración: las últimas semanas de trabajo de sus agencias…"),
            QString(), 0, 100);
        progress.setWindowModality(Qt::ApplicationModal);
        progress.setMinimumDuration(0);
        cobranza::DemoSeedOptions options;
        options.today = QDate::currentDate();
        const bool ok = seeder.seedAll(options, &error, [&progress](qint64 done, qint64 total, qint64) {
            progress.setValue(total > 0 ? static_cast<int>(done * 100 / total) : 0);
            QApplication::processEvents();
        });
        if (!ok) {
            // The file was empty before: a half-made demo is removed, so the next start makes it whole.
            db.reset();
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path + suffix);
            QMessageBox::critical(nullptr, QObject::tr("Cobranza"),
                                  QObject::tr("%1\n\nLa base de demostración a medio preparar se borró; abra Cobranza "
                                              "de nuevo para volver a prepararla.")
                                      .arg(error));
            return 1;
        }
    }
    // Everyone signs in; an installation without users first creates its administrator.
    static const cobranza::SystemClock clock;
    const cobranza::Authenticator auth(*db, clock);
    cobranza::Session session;
    if (!auth.hasUsers()) {
        cobranza::FirstAdminDialog first(*db, clock);
        if (first.exec() != QDialog::Accepted)
            return 0;
        session = first.session();
    } else {
        cobranza::LoginDialog login(*db, clock);
        if (login.exec() != QDialog::Accepted)
            return 0;
        session = login.session();
    }
    {
        // The previous month becomes history at the first sign-in after its last results were due.
        const cobranza::RulesStore rules(*db);
        const int year = clock.today().year();
        cobranza::MonthCloseService(*db, session, cobranza::PermissionTable::defaults(), clock)
            .closePreviousIfDue(rules.calendar(year - 1, year), rules.timeWindows());
    }
    cobranza::MainWindow window(*db, session, clock);
    window.show();
    // What changed on the user's credits since his last session, once the window is up.
    cobranza::NovedadesDialog::showIfAny(*db, session, &window);
    return QApplication::exec();
}
