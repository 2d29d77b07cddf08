#include "switchyard/ui/profile_store.h"
#include "switchyard/ui/tr.h"

#include "switchyard/core/sandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>

namespace switchyard::ui {

namespace {

const QString kSuffix = QStringLiteral(".json");

std::optional<Profile> readProfileFile(const QString &path, QString *problem)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = Tr::tr("cannot be read: %1").arg(f.errorString());
        return std::nullopt;
    }
    if (f.size() > 1024 * 1024) {
        *problem = Tr::tr("is larger than 1 MiB; a profile is a few hundred bytes");
        return std::nullopt;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError) {
        *problem = Tr::tr("is not valid JSON at offset %1: %2").arg(err.offset).arg(err.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *problem = Tr::tr("must hold one JSON object");
        return std::nullopt;
    }
    return Profile::fromJson(doc.object(), problem);
}

bool writeJson(const QString &path, const QJsonObject &o, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Tr::tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = Tr::tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

ProfileStore::ProfileStore(QString dir) : m_dir(dir.isEmpty() ? defaultDirectory() : std::move(dir)) {}

QString ProfileStore::defaultDirectory()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return base + QStringLiteral("/switchyard/profiles");
}

QString ProfileStore::fileFor(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name + kSuffix;
}

QList<Profile> ProfileStore::loadAll(QList<ProfileLoadProblem> *problems) const
{
    QList<Profile> out;
    const QDir dir(m_dir);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        QString problem;
        auto profile = readProfileFile(path, &problem);
        if (profile && profile->name + kSuffix != file)
            problem = Tr::tr("names the profile \"%1\", but the file name says \"%2\"")
                          .arg(profile->name, QFileInfo(file).completeBaseName());
        if (!profile || !problem.isEmpty()) {
            if (problems)
                problems->append({path, problem});
            continue;
        }
        out << *profile;
    }
    return out;
}

std::optional<Profile> ProfileStore::load(const QString &name, QString *problem) const
{
    const QString path = fileFor(name);
    if (!QFileInfo::exists(path)) {
        if (problem)
            *problem = Tr::tr("No profile named \"%1\" in %2").arg(name, m_dir);
        return std::nullopt;
    }
    QString why;
    auto p = readProfileFile(path, &why);
    if (!p && problem)
        *problem = Tr::tr("Profile file %1 %2").arg(path, why);
    return p;
}

bool ProfileStore::contains(const QString &name) const
{
    return QFileInfo::exists(fileFor(name));
}

bool ProfileStore::save(const Profile &profile, QString *error) const
{
    if (auto invalid = profile.validate()) {
        if (error)
            *error = *invalid;
        return false;
    }
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = Tr::tr("Cannot create the profile directory %1").arg(m_dir);
        return false;
    }
    return writeJson(fileFor(profile.name), profile.toJson(), error);
}

bool ProfileStore::remove(const QString &name, QString *error) const
{
    QFile f(fileFor(name));
    if (!f.exists())
        return true;
    if (!f.remove()) {
        if (error)
            *error = Tr::tr("Cannot delete %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

QString ProfileStore::uniqueName(const QString &base) const
{
    if (!contains(base))
        return base;
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(i);
        if (!contains(candidate))
            return candidate;
    }
}

bool ProfileStore::exportTo(const Profile &profile, const QString &file, QString *error) const
{
    return writeJson(file, profile.toJson(), error);  // toJson() never holds a secret
}

std::optional<Profile> ProfileStore::importFrom(const QString &file, QString *error) const
{
    QString why;
    auto p = readProfileFile(file, &why);
    if (!p && error)
        *error = Tr::tr("Cannot import %1: it %2").arg(file, why);
    return p;
}

bool registerSandboxProfile(const core::SandboxInfo &info, const ProfileStore &store, QString *error)
{
    Profile p;
    p.name = qs(info.name);
    p.engine = info.engine;
    for (const core::SandboxNode &n : info.nodes) {
        ProfileNode pn;
        pn.host = qs(n.host);
        pn.port = n.port;
        pn.displayName = qs(n.name);
        pn.tags << QStringLiteral("sandbox");
        p.seeds << pn;
    }
    p.monitorUser = qs(info.credentials.monitor.user);
    p.adminUser = qs(info.credentials.admin.user);
    p.tlsMode = core::TlsMode::Disabled;  // loopback sandbox, no certificates
    p.pollIntervalMs = 1000;
    p.connectTimeoutMs = 2000;
    p.readTimeoutMs = 3000;
    p.sandboxName = qs(info.name);
    // The sandbox's root is the directory holding <name>/.
    p.sandboxRoot = QFileInfo(qs(info.directory)).absolutePath();
    // Keep a user's edits of thresholds and intervals when re-registering.
    if (auto existing = store.load(p.name)) {
        p.pollIntervalMs = existing->pollIntervalMs;
        p.lagWarnSeconds = existing->lagWarnSeconds;
        p.lagCriticalSeconds = existing->lagCriticalSeconds;
        p.connectTimeoutMs = existing->connectTimeoutMs;
        p.readTimeoutMs = existing->readTimeoutMs;
    }
    return store.save(p, error);
}

} // namespace switchyard::ui
