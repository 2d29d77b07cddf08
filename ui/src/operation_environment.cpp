#include "switchyard/ui/operation_environment.h"

#include "switchyard/core/sandbox.h"
#include "switchyard/core/sandbox_control.h"
#include "switchyard/core/topology.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/tr.h"

namespace switchyard::ui {

using namespace core;

NodeConnector OperationEnvironment::connector() const
{
    auto nodesCopy = nodes;
    auto f = factory;
    return [nodesCopy, f](const PlanNode &p) -> std::unique_ptr<Connection> {
        for (const FactsNode &n : nodesCopy) {
            if (n.name == p.name) {
                ConnectionOptions o = n.admin;
                o.readTimeout = std::max<std::chrono::milliseconds>(o.readTimeout, std::chrono::seconds(120));
                return f(o);
            }
        }
        // A node the plan knows but the environment does not (journal from another session):
        // reach it by its address with the first node's account.
        if (nodesCopy.empty())
            return nullptr;
        ConnectionOptions o = nodesCopy.front().admin;
        o.host = p.host;
        o.port = p.port;
        o.nodeName = p.name;
        o.readTimeout = std::max<std::chrono::milliseconds>(o.readTimeout, std::chrono::seconds(120));
        return f(o);
    };
}

std::vector<std::string> OperationEnvironment::locallyControlled() const
{
    std::vector<std::string> out;
    if (!localControl)
        return out;
    for (const FactsNode &n : nodes) {
        PlanNode p;
        p.name = n.name;
        p.host = n.admin.host;
        p.port = n.admin.port;
        p.engine = n.admin.engine;
        if (localControl->controls(p))
            out.push_back(n.name);
    }
    return out;
}

FactsOptions OperationEnvironment::factsOptions() const
{
    FactsOptions o;
    if (!replication.user.empty() && !replication.password.empty() && !nodes.empty()) {
        ConnectionOptions login = nodes.front().admin;
        login.user = replication.user;
        login.password = replication.password;
        o.replicationLogin = login;
    }
    o.observation = observation;
    return o;
}

OperationOptions OperationEnvironment::operationOptions() const
{
    OperationOptions o;
    o.maxLagSeconds = maxLagSeconds;
    o.replication = replication;
    o.locallyControlled = locallyControlled();
    return o;
}

OperationEnvironment environmentFor(const Profile &profile, const ClusterSnapshot &snapshot, const QString &adminPassword,
                                    const ReplicationCredentials &replication)
{
    OperationEnvironment env;
    env.profileName = profile.name;
    env.engine = profile.engine;
    env.replication = replication;
    env.maxLagSeconds = profile.lagWarnSeconds;
    env.journalPath = HistoryDatabase::defaultPath(profile.name);
    auto add = [&](const std::string &name, const std::string &host, std::uint16_t port) {
        const std::string endpoint = normalizedEndpoint(host, port);
        for (const FactsNode &n : env.nodes) {
            if (normalizedEndpoint(n.admin.host, n.admin.port) == endpoint)
                return;
        }
        ProfileNode pn;
        pn.host = qs(host);
        pn.port = port;
        FactsNode f;
        f.name = name;
        f.admin = profile.connectionOptions(pn, profile.adminUser);
        f.admin.password = adminPassword.toStdString();
        f.admin.nodeName = name;
        env.nodes.push_back(std::move(f));
    };
    for (const NodeStatus &n : snapshot.nodes)
        add(n.name, n.host, n.port);
    for (const ProfileNode &seed : profile.seeds)
        add(seed.label().toStdString(), seed.host.toStdString(), seed.port);
    // What the monitor last saw of a primary that does not answer now.
    for (const NodeStatus &n : snapshot.nodes) {
        if (n.role == NodeRole::Primary && n.readOnly == false && (!n.gtidExecuted.empty() || n.currentLsn))
            env.lastKnownPrimary = n;
    }
    if (profile.isSandbox()) {
        auto control = std::make_shared<SandboxNodeControl>(profile.sandboxRoot.toStdString(), profile.sandboxName.toStdString());
        if (control->load())
            env.localControl = control;
    }
    return env;
}

std::optional<ReplicationCredentials> sandboxReplication(const Profile &profile, QString *problem)
{
    if (!profile.isSandbox())
        return std::nullopt;
    const SandboxManager manager(profile.sandboxRoot.toStdString());
    auto info = manager.status(profile.sandboxName.toStdString());
    if (!info) {
        if (problem)
            *problem = describeError(info.error());
        return std::nullopt;
    }
    return ReplicationCredentials{info->credentials.replication.user, info->credentials.replication.password};
}

QString replicationUserOf(const ClusterSnapshot &snapshot)
{
    for (const NodeStatus &n : snapshot.nodes) {
        for (const ReplicationChannel &ch : n.channels) {
            if (!ch.replicationUser.empty())
                return qs(ch.replicationUser);
        }
    }
    return {};
}

} // namespace switchyard::ui
