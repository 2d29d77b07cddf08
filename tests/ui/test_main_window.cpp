// The console against nodes that cannot be reached: it says what and where, keeps the other
// profiles, and the GUI thread never blocks while the workers wait on the network.
#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/main_window.h"
#include "switchyard/ui/node_table_model.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/secret_store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

// A port on 127.0.0.1 that refuses connections: bind, note the port, close.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

Profile profileFor(const QString &name, core::Engine engine, QList<quint16> ports)
{
    Profile p;
    p.name = name;
    p.engine = engine;
    for (quint16 port : ports) {
        ProfileNode n;
        n.host = QStringLiteral("127.0.0.1");
        n.port = port;
        p.seeds << n;
    }
    p.monitorUser = QStringLiteral("monitor");
    p.tlsMode = core::TlsMode::Disabled;
    p.pollIntervalMs = 300;
    p.connectTimeoutMs = 1500;
    p.readTimeoutMs = 1500;
    return p;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void listsProfilesAndReportsBrokenFiles()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QVERIFY(store.save(profileFor(QStringLiteral("alpha"), core::Engine::MySQL, {3306}), nullptr));
        QFile bad(dir.filePath(QStringLiteral("zeta.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not json at all");
        bad.close();

        MemorySecretStore secrets;
        MainWindow::Options o;
        o.profileDirectory = dir.path();
        o.secretStore = &secrets;
        MainWindow w(o);
        QCOMPARE(w.profileList()->count(), 1);
        QCOMPARE(w.profileList()->item(0)->text(), QStringLiteral("alpha"));
        auto *problems = w.findChild<QLabel *>(QStringLiteral("profileProblems"));
        QVERIFY(problems);
        QVERIFY(problems->text().contains(QLatin1String("zeta.json")));
    }

    void unreachableNodesAreNamedAndTheGuiStaysResponsive()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        // One refusing port, one that accepts but never answers (a hung server).
        QTcpServer hung;
        QVERIFY(hung.listen(QHostAddress::LocalHost, 0));
        hung.pauseAccepting();  // connections queue in the backlog: the handshake never starts
        const Profile p = profileFor(QStringLiteral("broken"), core::Engine::MySQL, {closedPort(), hung.serverPort()});
        QVERIFY(store.save(p, nullptr));

        MemorySecretStore secrets;
        QVERIFY(secrets.readBlocking(QStringLiteral("x"), 100).status == SecretResult::Status::NotFound);
        qputenv("SWITCHYARD_PASSWORD", "irrelevant");
        MainWindow::Options o;
        o.profileDirectory = dir.path();
        o.secretStore = &secrets;
        MainWindow w(o);
        w.show();

        // Measure the event loop: a 10 ms timer must keep firing while workers wait on the network.
        QElapsedTimer clock;
        qint64 last = 0, worstGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = std::max(worstGap, now - last);
            last = now;
        });
        clock.start();
        ticker.start();

        w.openProfile(QStringLiteral("broken"));
        QVERIFY(w.monitor());
        // Refused: reported on the first round. Hung: a timeout within connectTimeout + margin.
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QLatin1String("Cannot connect")), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QLatin1String("Timed out")), 1500 + 2000);
        const auto *s = w.nodeModel()->snapshot();
        QVERIFY(s);
        QCOMPARE(static_cast<int>(s->nodes.size()), 2);
        QVERIFY(w.bannerText().contains(QStringLiteral("127.0.0.1:%1").arg(hung.serverPort())));
        ticker.stop();
        qunsetenv("SWITCHYARD_PASSWORD");
        QVERIFY2(worstGap < 200, qPrintable(QStringLiteral("GUI thread stalled for %1 ms").arg(worstGap)));
    }

    void operationsNeedAnOpenClusterAndSaySo()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        MainWindow::Options o;
        o.profileDirectory = dir.path();
        o.secretStore = &secrets;
        MainWindow w(o);
        w.show();
        w.openChecksum();
        QVERIFY2(w.bannerText().contains(QLatin1String("Open a cluster")), qPrintable(w.bannerText()));
    }

    void missingProfileSaysSo()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        MainWindow::Options o;
        o.profileDirectory = dir.path();
        o.secretStore = &secrets;
        MainWindow w(o);
        QSignalSpy failed(&w, &MainWindow::openFailed);
        w.openProfile(QStringLiteral("nope"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("nope")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
