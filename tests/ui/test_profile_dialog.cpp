// Editing a profile: what is entered comes back unchanged, mistakes are named before saving,
// and passwords end in the keychain, never in the profile file.
#include "switchyard/ui/main_window.h"
#include "switchyard/ui/profile_dialog.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/secret_store.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

Profile sample()
{
    Profile p;
    p.name = QStringLiteral("edit-me");
    p.engine = core::Engine::MySQL;
    ProfileNode n;
    n.host = QStringLiteral("db1.example");
    n.port = 3306;
    n.displayName = QStringLiteral("db1");
    n.dataCentre = QStringLiteral("fra");
    n.tags = {QStringLiteral("a"), QStringLiteral("b")};
    p.seeds << n;
    p.monitorUser = QStringLiteral("mon");
    p.adminUser = QStringLiteral("adm");
    p.tlsMode = core::TlsMode::Required;
    p.pollIntervalMs = 1500;
    p.lagWarnSeconds = 3;
    p.lagCriticalSeconds = 9;
    return p;
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        ProfileDialog d;
        d.setProfile(sample());
        QCOMPARE(d.profile(), sample());
        QVERIFY(!d.validationProblem().has_value());
    }

    void badPortIsNamedAndNotAccepted()
    {
        ProfileDialog d;
        d.setProfile(sample());
        auto *seeds = d.findChild<QTableWidget *>(QStringLiteral("seeds"));
        QVERIFY(seeds);
        seeds->item(0, 1)->setText(QStringLiteral("70000"));
        QVERIFY(d.validationProblem().has_value());
        QVERIFY(d.validationProblem()->contains(QLatin1String("port")));
        d.show();
        d.accept();
        QVERIFY(d.isVisible());  // refused: still open
        auto *problem = d.findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(problem && problem->isVisible());
    }

    void takenNameIsRefused()
    {
        ProfileDialog d;
        Profile p = sample();
        p.name = QStringLiteral("fresh");
        d.setProfile(Profile());
        d.setTakenNames({QStringLiteral("fresh")});
        d.setProfile(p);  // editing "fresh" itself is fine
        QVERIFY(!d.validationProblem().has_value());
        d.setProfile(Profile());
        d.setTakenNames({QStringLiteral("fresh")});
        auto *name = d.findChild<QLineEdit *>(QStringLiteral("profileName"));
        name->setText(QStringLiteral("fresh"));
        QVERIFY(d.validationProblem().has_value());
    }

    void storedPasswordsGoToTheKeychainOnly()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        MainWindow::Options o;
        o.profileDirectory = dir.path();
        o.secretStore = &secrets;
        MainWindow w(o);
        QVERIFY(w.storeProfile(sample(), QString(), QStringLiteral("monitor-pw-123"), QStringLiteral("admin-pw-456")));
        QCOMPARE(w.profileList()->count(), 1);
        QFile f(ProfileStore(dir.path()).fileFor(QStringLiteral("edit-me")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains("monitor-pw-123"));
        QVERIFY(!text.contains("admin-pw-456"));
        QTRY_VERIFY(secrets.readBlocking(SecretStore::keyFor(QStringLiteral("edit-me"), QStringLiteral("mon")), 500).ok());
        QCOMPARE(secrets.readBlocking(SecretStore::keyFor(QStringLiteral("edit-me"), QStringLiteral("adm")), 500).secret,
                 QStringLiteral("admin-pw-456"));

        // Renaming moves the file.
        Profile renamed = sample();
        renamed.name = QStringLiteral("renamed");
        QVERIFY(w.storeProfile(renamed, QStringLiteral("edit-me"), QString(), QString()));
        QVERIFY(!ProfileStore(dir.path()).contains(QStringLiteral("edit-me")));
        QVERIFY(ProfileStore(dir.path()).contains(QStringLiteral("renamed")));
    }
};

QTEST_MAIN(TestProfileDialog)
#include "test_profile_dialog.moc"
