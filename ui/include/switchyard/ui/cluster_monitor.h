// Polls every node of one open cluster and publishes immutable snapshots.
//
// Each node has its own worker thread with one persistent connection (reconnecting after a
// connection-level failure), bounded by the profile's connect and read timeouts. Every poll
// interval the monitor starts a round: it asks each idle worker for a probe. A round closes
// when every node has answered, or when the next round starts; nodes still busy then (hung or
// slow) are published as NoAnswer with their last known facts. Their answer, when it comes,
// is used if it is newer than what the monitor has for that node; an answer older than one
// already accepted is dropped (per-node generation counter). So a hung or dead node never
// delays the others, and the GUI thread never waits on the network.
//
// Thread contract: create, use and destroy on the GUI thread. snapshotUpdated() is emitted on
// that thread. Destruction does not wait for workers stuck in a network call: they are told to
// stop, disconnected from the monitor, and finish on their own within their timeouts.
#pragma once

#include "switchyard/core/connection.h"
#include "switchyard/core/snapshot.h"
#include "switchyard/core/topology.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

namespace switchyard::ui {

struct MonitorNode
{
    std::string name;                  // display name
    core::ConnectionOptions options;   // password filled in
};

class ClusterMonitor : public QObject
{
    Q_OBJECT
public:
    ClusterMonitor(std::vector<MonitorNode> nodes, std::chrono::milliseconds interval, QObject *parent = nullptr);

    // Thresholds for the problems each snapshot carries.
    void setTopologyOptions(const core::TopologyOptions &options) { m_topology = options; }
    // Crawl: nodes that the known ones mention (replication sources, registered replicas) are
    // added with the first node's credentials. On by default.
    void setCrawl(bool crawl) { m_crawl = crawl; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    ~ClusterMonitor() override;

    void start();            // first round at once, then every interval
    void stop();             // no further rounds; workers are released
    void pollNow();          // a round at once (after an operation changed the cluster)
    bool isRunning() const { return m_timer.isActive(); }
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }

    std::shared_ptr<const core::ClusterSnapshot> latest() const { return m_latest; }
    std::uint64_t generation() const { return m_generation; }

signals:
    void snapshotUpdated(std::shared_ptr<const core::ClusterSnapshot> snapshot);

private:
    struct Worker;
    struct Mailbox;

    void beginRound();
    void closeRound();
    void acceptResult(std::size_t index, std::uint64_t generation, const core::NodeStatus &status);
    void addNode(MonitorNode node);
    void startWorker(std::size_t index);

    std::vector<MonitorNode> m_nodes;
    std::vector<std::shared_ptr<Worker>> m_workers;
    std::shared_ptr<Mailbox> m_mailbox;
    std::vector<core::NodeStatus> m_state;          // last known per node
    std::vector<std::uint64_t> m_acceptedGeneration; // per node
    std::chrono::milliseconds m_interval;
    core::TopologyOptions m_topology;
    bool m_crawl = true;
    static constexpr std::size_t kMaxNodes = 128;
    QTimer m_timer;
    std::uint64_t m_generation = 0;  // current round
    bool m_roundOpen = false;
    std::shared_ptr<const core::ClusterSnapshot> m_latest;
};

} // namespace switchyard::ui
