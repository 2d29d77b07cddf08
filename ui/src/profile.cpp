#include "switchyard/ui/profile.h"
#include "switchyard/ui/tr.h"

#include <QJsonArray>

namespace switchyard::ui {

QString ProfileNode::endpoint() const
{
    return host + QLatin1Char(':') + QString::number(port);
}

QString ProfileNode::label() const
{
    return displayName.isEmpty() ? endpoint() : displayName;
}

namespace {

QString engineKey(core::Engine engine)
{
    return engine == core::Engine::PostgreSQL ? QStringLiteral("postgres") : QStringLiteral("mysql");
}

template <typename T>
bool readInt(const QJsonObject &o, const char *key, T &out, T min, T max, QString *problem)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;  // optional: keep the default
    if (!v.isDouble() || v.toDouble() != static_cast<double>(static_cast<qint64>(v.toDouble()))) {
        *problem = Tr::tr("field \"%1\" must be a whole number").arg(QLatin1String(key));
        return false;
    }
    const qint64 n = static_cast<qint64>(v.toDouble());
    if (n < static_cast<qint64>(min) || n > static_cast<qint64>(max)) {
        *problem = Tr::tr("field \"%1\" must be between %2 and %3, not %4")
                       .arg(QLatin1String(key)).arg(static_cast<qint64>(min)).arg(static_cast<qint64>(max)).arg(n);
        return false;
    }
    out = static_cast<T>(n);
    return true;
}

bool readString(const QJsonObject &o, const char *key, QString &out, QString *problem)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *problem = Tr::tr("field \"%1\" must be text").arg(QLatin1String(key));
        return false;
    }
    out = v.toString();
    return true;
}

bool readDouble(const QJsonObject &o, const char *key, double &out, QString *problem)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || v.toDouble() < 0) {
        *problem = Tr::tr("field \"%1\" must be a number of seconds, zero or more").arg(QLatin1String(key));
        return false;
    }
    out = v.toDouble();
    return true;
}

} // namespace

QJsonObject Profile::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("formatVersion"), kFormatVersion);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("engine"), engineKey(engine));
    QJsonArray nodes;
    for (const ProfileNode &n : seeds) {
        QJsonObject jn;
        jn.insert(QStringLiteral("host"), n.host);
        jn.insert(QStringLiteral("port"), n.port);
        if (!n.displayName.isEmpty())
            jn.insert(QStringLiteral("name"), n.displayName);
        if (!n.dataCentre.isEmpty())
            jn.insert(QStringLiteral("dataCentre"), n.dataCentre);
        if (!n.tags.isEmpty())
            jn.insert(QStringLiteral("tags"), QJsonArray::fromStringList(n.tags));
        nodes.append(jn);
    }
    o.insert(QStringLiteral("seeds"), nodes);
    o.insert(QStringLiteral("monitorUser"), monitorUser);
    o.insert(QStringLiteral("adminUser"), adminUser);
    QJsonObject tls;
    tls.insert(QStringLiteral("mode"), qs(core::tlsModeName(tlsMode)));
    if (!tlsCaFile.isEmpty())
        tls.insert(QStringLiteral("caFile"), tlsCaFile);
    if (!tlsCertFile.isEmpty())
        tls.insert(QStringLiteral("certFile"), tlsCertFile);
    if (!tlsKeyFile.isEmpty())
        tls.insert(QStringLiteral("keyFile"), tlsKeyFile);
    o.insert(QStringLiteral("tls"), tls);
    o.insert(QStringLiteral("pollIntervalMs"), pollIntervalMs);
    o.insert(QStringLiteral("connectTimeoutMs"), connectTimeoutMs);
    o.insert(QStringLiteral("readTimeoutMs"), readTimeoutMs);
    o.insert(QStringLiteral("lagWarnSeconds"), lagWarnSeconds);
    o.insert(QStringLiteral("lagCriticalSeconds"), lagCriticalSeconds);
    QJsonObject monitoring;
    monitoring.insert(QStringLiteral("notifyCritical"), notifyCritical);
    monitoring.insert(QStringLiteral("historyFullResolutionDays"), historyFullResolutionDays);
    monitoring.insert(QStringLiteral("historyKeepDays"), historyKeepDays);
    o.insert(QStringLiteral("monitoring"), monitoring);
    if (isSandbox()) {
        QJsonObject sb;
        sb.insert(QStringLiteral("name"), sandboxName);
        sb.insert(QStringLiteral("root"), sandboxRoot);
        o.insert(QStringLiteral("sandbox"), sb);
    }
    return o;
}

std::optional<Profile> Profile::fromJson(const QJsonObject &o, QString *problemOut)
{
    QString dummy;
    QString *problem = problemOut ? problemOut : &dummy;
    Profile p;
    int version = kFormatVersion;
    if (!readInt(o, "formatVersion", version, 1, 1000, problem))
        return std::nullopt;
    if (version > kFormatVersion) {
        *problem = Tr::tr("written by a newer Switchyard (format %1; this one reads up to %2)")
                       .arg(version).arg(kFormatVersion);
        return std::nullopt;
    }
    if (!readString(o, "name", p.name, problem))
        return std::nullopt;
    QString engine;
    if (!readString(o, "engine", engine, problem))
        return std::nullopt;
    const auto parsed = core::parseEngine(engine.toStdString());
    if (!parsed) {
        *problem = Tr::tr("field \"engine\" must be \"mysql\", \"mariadb\" or \"postgres\", not \"%1\"").arg(engine);
        return std::nullopt;
    }
    p.engine = *parsed;

    const QJsonValue seeds = o.value(QStringLiteral("seeds"));
    if (!seeds.isArray()) {
        *problem = Tr::tr("field \"seeds\" must be a list of nodes");
        return std::nullopt;
    }
    const QJsonArray seedArray = seeds.toArray();
    for (qsizetype i = 0; i < seedArray.size(); ++i) {
        if (!seedArray.at(i).isObject()) {
            *problem = Tr::tr("seed %1 must be an object with \"host\" and \"port\"").arg(i + 1);
            return std::nullopt;
        }
        const QJsonObject jn = seedArray.at(i).toObject();
        ProfileNode n;
        QString sub;
        if (!readString(jn, "host", n.host, &sub) || !readInt<quint16>(jn, "port", n.port, 1, 65535, &sub)
            || !readString(jn, "name", n.displayName, &sub) || !readString(jn, "dataCentre", n.dataCentre, &sub)) {
            *problem = Tr::tr("seed %1: %2").arg(i + 1).arg(sub);
            return std::nullopt;
        }
        for (const QJsonValue &t : jn.value(QStringLiteral("tags")).toArray())
            n.tags << t.toString();
        p.seeds << n;
    }
    if (!readString(o, "monitorUser", p.monitorUser, problem) || !readString(o, "adminUser", p.adminUser, problem))
        return std::nullopt;

    const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
    QString mode = qs(core::tlsModeName(p.tlsMode));
    if (!readString(tls, "mode", mode, problem) || !readString(tls, "caFile", p.tlsCaFile, problem)
        || !readString(tls, "certFile", p.tlsCertFile, problem) || !readString(tls, "keyFile", p.tlsKeyFile, problem))
        return std::nullopt;
    const auto tlsMode = core::parseTlsMode(mode.toStdString());
    if (!tlsMode) {
        *problem = Tr::tr("field \"tls.mode\" must be disabled, preferred, required, verify-ca or verify-identity, not \"%1\"")
                       .arg(mode);
        return std::nullopt;
    }
    p.tlsMode = *tlsMode;

    if (!readInt(o, "pollIntervalMs", p.pollIntervalMs, 200, 3600 * 1000, problem)
        || !readInt(o, "connectTimeoutMs", p.connectTimeoutMs, 100, 600 * 1000, problem)
        || !readInt(o, "readTimeoutMs", p.readTimeoutMs, 100, 3600 * 1000, problem)
        || !readDouble(o, "lagWarnSeconds", p.lagWarnSeconds, problem)
        || !readDouble(o, "lagCriticalSeconds", p.lagCriticalSeconds, problem))
        return std::nullopt;

    const QJsonObject monitoring = o.value(QStringLiteral("monitoring")).toObject();
    if (const QJsonValue notify = monitoring.value(QStringLiteral("notifyCritical")); !notify.isUndefined()) {
        if (!notify.isBool()) {
            *problem = Tr::tr("field \"monitoring.notifyCritical\" must be true or false");
            return std::nullopt;
        }
        p.notifyCritical = notify.toBool();
    }
    if (!readInt(monitoring, "historyFullResolutionDays", p.historyFullResolutionDays, 1, 3650, problem)
        || !readInt(monitoring, "historyKeepDays", p.historyKeepDays, 1, 3650, problem))
        return std::nullopt;

    const QJsonObject sb = o.value(QStringLiteral("sandbox")).toObject();
    if (!readString(sb, "name", p.sandboxName, problem) || !readString(sb, "root", p.sandboxRoot, problem))
        return std::nullopt;

    if (auto invalid = p.validate()) {
        *problem = *invalid;
        return std::nullopt;
    }
    return p;
}

std::optional<QString> Profile::validate() const
{
    if (name.trimmed().isEmpty())
        return Tr::tr("the profile has no name");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name.startsWith(QLatin1Char('.')))
        return Tr::tr("the profile name \"%1\" may not contain / or \\ or start with a dot").arg(name);
    if (seeds.isEmpty())
        return Tr::tr("the profile has no seed node: add at least one host and port");
    for (const ProfileNode &n : seeds) {
        if (n.host.trimmed().isEmpty())
            return Tr::tr("a seed node has no host");
        if (n.port == 0)
            return Tr::tr("seed node %1 has no port").arg(n.host);
    }
    if (monitorUser.isEmpty())
        return Tr::tr("the profile has no monitor user");
    if ((tlsMode == core::TlsMode::VerifyCa || tlsMode == core::TlsMode::VerifyIdentity) && tlsCaFile.isEmpty())
        return Tr::tr("TLS mode %1 needs a CA file").arg(qs(core::tlsModeName(tlsMode)));
    if (lagCriticalSeconds < lagWarnSeconds)
        return Tr::tr("the critical lag threshold (%1 s) is below the warning threshold (%2 s)")
            .arg(lagCriticalSeconds).arg(lagWarnSeconds);
    if (historyKeepDays < historyFullResolutionDays)
        return Tr::tr("history is kept %1 days, less than the %2 days of full resolution")
            .arg(historyKeepDays).arg(historyFullResolutionDays);
    return std::nullopt;
}

core::ConnectionOptions Profile::connectionOptions(const ProfileNode &node, const QString &user) const
{
    core::ConnectionOptions o;
    o.engine = engine;
    o.host = node.host.toStdString();
    o.port = node.port;
    o.user = user.toStdString();
    o.connectTimeout = std::chrono::milliseconds(connectTimeoutMs);
    o.readTimeout = std::chrono::milliseconds(readTimeoutMs);
    o.writeTimeout = std::chrono::milliseconds(readTimeoutMs);
    o.tls.mode = tlsMode;
    o.tls.caFile = tlsCaFile.toStdString();
    o.tls.certFile = tlsCertFile.toStdString();
    o.tls.keyFile = tlsKeyFile.toStdString();
    o.nodeName = node.label().toStdString();
    return o;
}

std::vector<core::DiscoverySeed> Profile::discoverySeeds(const QString &user, const std::string &password) const
{
    std::vector<core::DiscoverySeed> out;
    for (const ProfileNode &n : seeds) {
        core::DiscoverySeed seed;
        seed.name = n.label().toStdString();
        seed.options = connectionOptions(n, user);
        seed.options.password = password;
        out.push_back(std::move(seed));
    }
    return out;
}

} // namespace switchyard::ui
