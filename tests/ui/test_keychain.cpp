// The OS keychain for real: QtKeychain against gnome-keyring in a private D-Bus session
// (tests/support/run_with_keyring.sh). A second CTest entry runs this binary with no session
// bus at all (SWITCHYARD_TEST_EXPECT_NO_KEYCHAIN=1) and checks that the console treats that as
// "no keychain, ask each time" rather than a failure, and never falls back to a file.
#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/secret_store.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>
#include <QUuid>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

bool expectNoKeychain()
{
    return qEnvironmentVariableIntValue("SWITCHYARD_TEST_EXPECT_NO_KEYCHAIN") == 1;
}

SecretResult wait(SecretStore &, std::function<void(SecretStore::Callback)> call)
{
    SecretResult out;
    bool done = false;
    call([&](const SecretResult &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000)) {
        out.status = SecretResult::Status::Failed;
        out.message = QStringLiteral("no answer within 10 s");
    }
    return out;
}

// What the console does when it opens a profile: ask the resolver and wait for its answer.
CredentialOutcome resolve(SecretStore &store, const Profile &profile)
{
    CredentialResolver resolver(&store);
    CredentialOutcome outcome;
    bool done = false;
    QObject context;
    resolver.resolve(profile, profile.monitorUser, &context, [&](const CredentialOutcome &o) {
        outcome = o;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        outcome.problem = QStringLiteral("the resolver did not answer within 10 s");
    return outcome;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void roundTripThroughGnomeKeyring()
    {
        if (expectNoKeychain())
            QSKIP("this run has no session bus on purpose");
        KeychainSecretStore store(QStringLiteral("switchyard-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString key = SecretStore::keyFor(QStringLiteral("prod"), QStringLiteral("monitor"));

        SecretResult r = wait(store, [&](auto cb) { store.readSecret(key, this, cb); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);

        r = wait(store, [&](auto cb) { store.writeSecret(key, QStringLiteral("s3cr3t-pw ü"), this, cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));

        r = wait(store, [&](auto cb) { store.readSecret(key, this, cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.secret, QStringLiteral("s3cr3t-pw ü"));

        // A profile whose password was never stored: the resolver says so and names the profile.
        Profile p;
        p.name = QStringLiteral("never-stored-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.monitorUser = QStringLiteral("monitor");
        qunsetenv("SWITCHYARD_PASSWORD");
        const CredentialOutcome outcome = resolve(store, p);
        QCOMPARE(outcome.source, CredentialOutcome::Source::None);
        QVERIFY(!outcome.keychainUnavailable);
        QVERIFY2(outcome.problem.contains(p.name), qPrintable(outcome.problem));

        r = wait(store, [&](auto cb) { store.deleteSecret(key, this, cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));
        r = wait(store, [&](auto cb) { store.readSecret(key, this, cb); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);
    }

    void resolverUsesTheConsolesService()
    {
        if (expectNoKeychain())
            QSKIP("this run has no session bus on purpose");
        KeychainSecretStore store;  // the console's own service name, inside the private session
        Profile p;
        p.name = QStringLiteral("staging");
        p.monitorUser = QStringLiteral("sy_monitor");
        const QString key = SecretStore::keyFor(p.name, p.monitorUser);
        QVERIFY(wait(store, [&](auto cb) { store.writeSecret(key, QStringLiteral("pw-1"), this, cb); }).ok());
        const CredentialOutcome outcome = resolve(store, p);
        QCOMPARE(outcome.source, CredentialOutcome::Source::Keychain);
        QCOMPARE(outcome.password, QStringLiteral("pw-1"));
        wait(store, [&](auto cb) { store.deleteSecret(key, this, cb); });
    }

    void noKeychainMeansAskEachTimeAndNoFile()
    {
        if (!expectNoKeychain())
            QSKIP("runs in the no-session-bus CTest entry");
        KeychainSecretStore store;
        const SecretResult w = wait(store, [&](auto cb) {
            store.writeSecret(QStringLiteral("k"), QStringLiteral("must-not-land-in-a-file"), this, cb);
        });
        QVERIFY(!w.ok());
        QVERIFY2(w.status == SecretResult::Status::Unavailable, qPrintable(w.message));
        // No plaintext fallback anywhere under HOME.
        QDirIterator it(QDir::homePath(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() < 1024 * 1024 && f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains("must-not-land-in-a-file"), qPrintable(f.fileName()));
        }
        Profile p;
        p.name = QStringLiteral("p");
        p.monitorUser = QStringLiteral("m");
        qunsetenv("SWITCHYARD_PASSWORD");
        const CredentialOutcome outcome = resolve(store, p);
        QVERIFY(!outcome.found());
        QVERIFY(outcome.keychainUnavailable);
        QVERIFY(outcome.problem.contains(QLatin1String("asked for each time")));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "test_keychain.moc"
