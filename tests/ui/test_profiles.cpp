// Profiles as a DBA uses them: saved, reloaded, exported without secrets, and a broken file
// that names itself and its problem while the other profiles still load.
#include "switchyard/core/sandbox.h"
#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/secret_store.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace switchyard;
using namespace switchyard::ui;

namespace {

Profile sampleProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.engine = core::Engine::PostgreSQL;
    ProfileNode a;
    a.host = QStringLiteral("10.0.0.1");
    a.port = 5432;
    a.displayName = QStringLiteral("pg-east-1");
    a.dataCentre = QStringLiteral("east");
    a.tags = QStringList{QStringLiteral("primary-candidate")};
    p.seeds << a;
    p.monitorUser = QStringLiteral("monitor");
    p.adminUser = QStringLiteral("admin");
    p.tlsMode = core::TlsMode::VerifyCa;
    p.tlsCaFile = QStringLiteral("/etc/ssl/certs/ca.pem");
    p.lagWarnSeconds = 5;
    p.lagCriticalSeconds = 20;
    p.notifyCritical = false;
    p.historyFullResolutionDays = 3;
    p.historyKeepDays = 30;
    return p;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT
private slots:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        const Profile p = sampleProfile(QStringLiteral("prod-pg"));
        QString error;
        QVERIFY2(store.save(p, &error), qPrintable(error));
        const auto loaded = store.load(QStringLiteral("prod-pg"));
        QVERIFY(loaded.has_value());
        QCOMPARE(*loaded, p);
    }

    void defaultsMatchTheIssue()
    {
        const Profile p;
        QCOMPARE(p.lagWarnSeconds, 10.0);
        QCOMPARE(p.lagCriticalSeconds, 30.0);
        QCOMPARE(p.notifyCritical, true);
        QCOMPARE(p.historyFullResolutionDays, 7);
        QCOMPARE(p.historyKeepDays, 90);
    }

    void malformedFileIsReportedAndOthersStillLoad()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QVERIFY(store.save(sampleProfile(QStringLiteral("good")), nullptr));
        writeFile(dir.filePath(QStringLiteral("broken.json")), "{ \"name\": \"broken\", \"engine\": ");
        writeFile(dir.filePath(QStringLiteral("badport.json")),
                  R"({"name":"badport","engine":"mysql","seeds":[{"host":"db1","port":99999}],"monitorUser":"m"})");
        writeFile(dir.filePath(QStringLiteral("badengine.json")),
                  R"({"name":"badengine","engine":"oracle","seeds":[{"host":"db1","port":1521}],"monitorUser":"m"})");

        QList<ProfileLoadProblem> problems;
        const QList<Profile> profiles = store.loadAll(&problems);
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().name, QStringLiteral("good"));
        QCOMPARE(problems.size(), 3);
        for (const ProfileLoadProblem &pr : problems) {
            QVERIFY(QFile::exists(pr.file));
            QVERIFY(!pr.problem.isEmpty());
        }
        auto problemFor = [&](const char *file) {
            for (const auto &pr : problems)
                if (pr.file.endsWith(QLatin1String(file)))
                    return pr.problem;
            return QString();
        };
        QVERIFY2(problemFor("broken.json").contains(QLatin1String("JSON")), qPrintable(problemFor("broken.json")));
        QVERIFY2(problemFor("badport.json").contains(QLatin1String("port")), qPrintable(problemFor("badport.json")));
        QVERIFY2(problemFor("badengine.json").contains(QLatin1String("oracle")), qPrintable(problemFor("badengine.json")));
    }

    void exportNeverCarriesASecret()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        const QString out = dir.filePath(QStringLiteral("export.json"));
        QVERIFY(store.exportTo(sampleProfile(QStringLiteral("x")), out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll().toLower();
        QVERIFY(!text.contains("password"));
        QVERIFY(!text.contains("secret"));
        const auto back = store.importFrom(out);
        QVERIFY(back.has_value());
        QCOMPARE(back->name, QStringLiteral("x"));
    }

    void importOfGarbageSaysWhatIsWrong()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        const QString path = dir.filePath(QStringLiteral("garbage.json"));
        writeFile(path, "\x01\x02 not json");
        QString error;
        QVERIFY(!store.importFrom(path, &error).has_value());
        QVERIFY(error.contains(path));
    }

    void validationNamesTheProblem()
    {
        Profile p = sampleProfile(QStringLiteral("v"));
        p.tlsCaFile.clear();
        QVERIFY(p.validate().has_value());
        QVERIFY(p.validate()->contains(QLatin1String("CA")));
        p = sampleProfile(QStringLiteral("v"));
        p.lagCriticalSeconds = 1;
        QVERIFY(p.validate()->contains(QLatin1String("critical")));
        p = sampleProfile(QStringLiteral("../escape"));
        QVERIFY(p.validate().has_value());
        p = sampleProfile(QStringLiteral("v"));
        p.historyKeepDays = 2;   // below the 3 days of full resolution
        QVERIFY(p.validate().has_value());
        QVERIFY(p.validate()->contains(QLatin1String("history")));
    }

    void monitoringSettingsAreCheckedWhenRead()
    {
        QString problem;
        const auto parsed = Profile::fromJson(
            QJsonDocument::fromJson(R"({"name":"m","engine":"mysql","seeds":[{"host":"db1","port":3306}],"monitorUser":"m",
                                        "monitoring":{"notifyCritical":"yes"}})").object(), &problem);
        QVERIFY(!parsed.has_value());
        QVERIFY2(problem.contains(QLatin1String("notifyCritical")), qPrintable(problem));
        const auto older = Profile::fromJson(
            QJsonDocument::fromJson(R"({"name":"m","engine":"mysql","seeds":[{"host":"db1","port":3306}],"monitorUser":"m"})").object(),
            &problem);
        QVERIFY2(older.has_value(), qPrintable(problem));   // a profile from before these settings
        QCOMPARE(older->notifyCritical, true);
        QCOMPARE(older->historyKeepDays, 90);
    }

    void uniqueNameAvoidsCollisions()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QVERIFY(store.save(sampleProfile(QStringLiteral("c")), nullptr));
        QCOMPARE(store.uniqueName(QStringLiteral("c")), QStringLiteral("c (2)"));
        QCOMPARE(store.uniqueName(QStringLiteral("d")), QStringLiteral("d"));
    }

    void sandboxRegistrationPointsAtTheSandboxNotAPassword()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        core::SandboxInfo info;
        info.name = "mariadb";
        info.engine = core::Engine::MySQL;
        info.directory = "/tmp/sandboxes/mariadb";
        info.credentials.monitor = {"sy_monitor", "s3cret-monitor"};
        info.credentials.admin = {"sy_admin", "s3cret-admin"};
        for (int i = 0; i < 3; ++i) {
            core::SandboxNode n;
            n.name = "n" + std::to_string(i + 1);
            n.port = static_cast<std::uint16_t>(23306 + i);
            info.nodes.push_back(n);
        }
        QVERIFY(registerSandboxProfile(info, store));
        const auto p = store.load(QStringLiteral("mariadb"));
        QVERIFY(p.has_value());
        QVERIFY(p->isSandbox());
        QCOMPARE(p->sandboxRoot, QStringLiteral("/tmp/sandboxes"));
        QCOMPARE(p->seeds.size(), 3);
        QCOMPARE(p->monitorUser, QStringLiteral("sy_monitor"));
        QFile f(store.fileFor(QStringLiteral("mariadb")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("s3cret"));
    }

    void memorySecretStoreAnswersAsynchronously()
    {
        MemorySecretStore store;
        bool answered = false;
        store.writeSecret(QStringLiteral("k"), QStringLiteral("v"), this, [&](const SecretResult &r) {
            QVERIFY(r.ok());
            answered = true;
        });
        QVERIFY(!answered);  // never synchronously: callers must not depend on it
        QTRY_VERIFY(answered);
        SecretResult read = store.readBlocking(QStringLiteral("k"), 1000);
        QVERIFY(read.ok());
        QCOMPARE(read.secret, QStringLiteral("v"));
        store.setUnavailable(true);
        QCOMPARE(store.readBlocking(QStringLiteral("k"), 1000).status, SecretResult::Status::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "test_profiles.moc"
