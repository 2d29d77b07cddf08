// A cluster profile: what the console needs to open a cluster. Never holds a password: those
// live in the OS keychain (SecretStore), or, for sandbox profiles, in the sandbox directory.
//
// Thread contract: a plain value; copy freely between threads.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/discovery.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchyard::ui {

struct ProfileNode
{
    QString host;
    quint16 port = 0;
    QString displayName;   // optional; shown instead of host:port
    QString dataCentre;    // optional
    QStringList tags;

    QString endpoint() const;  // "host:port"
    QString label() const;     // displayName, else endpoint()
    bool operator==(const ProfileNode &) const = default;
};

struct Profile
{
    static constexpr int kFormatVersion = 1;

    QString name;
    core::Engine engine = core::Engine::MySQL;
    QList<ProfileNode> seeds;        // where discovery starts; also nodes it cannot find itself
    QString monitorUser;             // read-only account for polling
    QString adminUser;               // account for topology changes
    core::TlsMode tlsMode = core::TlsMode::Preferred;
    QString tlsCaFile, tlsCertFile, tlsKeyFile;
    int pollIntervalMs = 2000;
    int connectTimeoutMs = 3000;
    int readTimeoutMs = 5000;
    double lagWarnSeconds = 10.0;
    double lagCriticalSeconds = 30.0;
    // Monitoring history and notifications (JSON "monitoring" object).
    bool notifyCritical = true;           // desktop notification for critical events
    int historyFullResolutionDays = 7;    // every sample this long, then 1-minute buckets
    int historyKeepDays = 90;             // then forgotten, events too
    // Set for profiles registered by `sandbox up`: credentials are read from that sandbox's
    // directory (its credentials file), never copied into the profile.
    QString sandboxName;
    QString sandboxRoot;

    bool isSandbox() const { return !sandboxName.isEmpty(); }

    QJsonObject toJson() const;
    // Parses and validates; on failure returns nullopt and sets *problem to a sentence that
    // names the field and what is wrong with it (translated).
    static std::optional<Profile> fromJson(const QJsonObject &object, QString *problem);
    // Checks the fields a user fills in; nullopt when valid, else what is wrong.
    std::optional<QString> validate() const;

    // Options to reach `node` as `user` (password left empty; CredentialResolver fills it).
    core::ConnectionOptions connectionOptions(const ProfileNode &node, const QString &user) const;
    // Every seed node as a discovery seed, reached as `user` with `password`.
    std::vector<core::DiscoverySeed> discoverySeeds(const QString &user, const std::string &password) const;

    bool operator==(const Profile &) const = default;
};

} // namespace switchyard::ui
