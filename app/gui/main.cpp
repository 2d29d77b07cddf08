// switchyard: the console. Thin: arguments, translations, wiring.
#include "switchyard/core/sandbox.h"
#include "switchyard/ui/main_window.h"
#include "switchyard/ui/tr.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace switchyard;

namespace {

void loadTranslations(QApplication &app)
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList dirs = {appDir, appDir + QStringLiteral("/../share/switchyard/translations"),
                              QStringLiteral(":/i18n")};
    auto *ours = new QTranslator(&app);
    for (const QString &dir : dirs) {
        if (ours->load(QLocale(), QStringLiteral("switchyard"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(ours);
            break;
        }
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

bool allNodesSeen(const core::ClusterSnapshot &s)
{
    for (const core::NodeStatus &n : s.nodes) {
        if (n.reachability == core::Reachability::Unknown)
            return false;
    }
    return !s.nodes.empty();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("switchyard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Switchyard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
    QApplication::setOrganizationName(QStringLiteral("switchyard"));
    QApplication::setDesktopFileName(QStringLiteral("switchyard"));
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(ui::Tr::tr("Desktop console for MySQL/MariaDB and PostgreSQL replication clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption sandboxOpt(QStringLiteral("sandbox"),
                                  ui::Tr::tr("Deploy or reuse a local sandbox cluster (mariadb or postgres) and open it."),
                                  QStringLiteral("engine"));
    QCommandLineOption sandboxNameOpt(QStringLiteral("sandbox-name"), ui::Tr::tr("Name of the sandbox (default: the engine)."),
                                      QStringLiteral("name"));
    QCommandLineOption sandboxDirOpt(QStringLiteral("sandbox-dir"), ui::Tr::tr("Directory that holds sandboxes."),
                                     QStringLiteral("dir"));
    QCommandLineOption profileOpt(QStringLiteral("profile"), ui::Tr::tr("Open the saved cluster profile NAME."),
                                  QStringLiteral("name"));
    QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                               ui::Tr::tr("Render the main window to a PNG once the first data has arrived, then exit."),
                               QStringLiteral("file"));
    QCommandLineOption shotTimeoutOpt(QStringLiteral("screenshot-timeout"),
                                      ui::Tr::tr("Seconds to wait for data before taking the screenshot anyway (default 60)."),
                                      QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOptions({sandboxOpt, sandboxNameOpt, sandboxDirOpt, profileOpt, shotOpt, shotTimeoutOpt});
    parser.process(app);

    ui::MainWindow::Options options;
    options.sandboxRoot = parser.value(sandboxDirOpt);
    ui::MainWindow window(options);

    const QString shotFile = parser.value(shotOpt);
    if (!shotFile.isEmpty()) {
        auto takeShot = [&window, shotFile](int code) {
            // Let the view lay out the new rows before grabbing.
            QTimer::singleShot(150, &window, [&window, shotFile, code] {
                const bool saved = window.grab().save(shotFile);
                if (!saved)
                    std::fprintf(stderr, "switchyard: cannot write the screenshot to %s\n", qPrintable(shotFile));
                QCoreApplication::exit(saved ? code : 1);
            });
        };
        QObject::connect(&window, &ui::MainWindow::snapshotShown, &window,
                         [takeShot, done = false](const std::shared_ptr<const core::ClusterSnapshot> &s) mutable {
                             if (!done && allNodesSeen(*s)) {
                                 done = true;
                                 takeShot(0);
                             }
                         });
        QObject::connect(&window, &ui::MainWindow::openFailed, &window, [takeShot](const QString &message) {
            std::fprintf(stderr, "switchyard: %s\n", qPrintable(message));
            takeShot(1);
        });
        QTimer::singleShot(parser.value(shotTimeoutOpt).toInt() * 1000, &window, [takeShot] {
            std::fprintf(stderr, "switchyard: no data before the screenshot timeout\n");
            takeShot(1);
        });
    }

    window.show();

    if (parser.isSet(sandboxOpt)) {
        const auto engine = core::parseEngine(parser.value(sandboxOpt).toStdString());
        if (!engine) {
            std::fprintf(stderr, "switchyard: --sandbox takes mariadb or postgres, not %s\n",
                         qPrintable(parser.value(sandboxOpt)));
            return 2;
        }
        window.openSandbox(*engine, parser.value(sandboxNameOpt));
    } else if (parser.isSet(profileOpt)) {
        window.openProfile(parser.value(profileOpt));
    }
    return app.exec();
}
