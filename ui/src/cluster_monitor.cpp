#include "switchyard/ui/cluster_monitor.h"

#include "switchyard/core/probe.h"

#include <QMetaObject>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace switchyard::ui {

// Delivers worker results to the monitor while it lives. The monitor's destructor clears
// `receiver` under the mutex, so a worker never posts to a destroyed object.
struct ClusterMonitor::Mailbox
{
    std::mutex mutex;
    ClusterMonitor *receiver = nullptr;
};

// One node's worker thread. It owns its connection; the monitor only talks to it through
// `requested`/`stopping` under the mutex. Held by shared_ptr from both the monitor and the
// thread, so it outlives whichever side finishes first.
struct ClusterMonitor::Worker
{
    std::size_t index = 0;
    core::NodeStatus status;             // the worker's own copy
    core::ConnectionOptions options;
    std::shared_ptr<Mailbox> mailbox;

    std::mutex mutex;
    std::condition_variable wake;
    std::uint64_t requested = 0;  // latest round asked for
    bool busy = false;
    bool stopping = false;

    void request(std::uint64_t generation)
    {
        {
            std::lock_guard lock(mutex);
            requested = generation;
        }
        wake.notify_one();
    }

    bool isBusy()
    {
        std::lock_guard lock(mutex);
        return busy;
    }

    void stop()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_one();
    }

    static void run(std::shared_ptr<Worker> self)
    {
        std::unique_ptr<core::Connection> connection;
        std::uint64_t done = 0;
        for (;;) {
            std::uint64_t generation = 0;
            {
                std::unique_lock lock(self->mutex);
                self->wake.wait(lock, [&] { return self->stopping || self->requested > done; });
                if (self->stopping)
                    break;
                generation = self->requested;  // coalesce: only the newest request counts
                self->busy = true;
            }
            self->pollOnce(connection);
            done = generation;
            {
                std::lock_guard lock(self->mutex);
                self->busy = false;
                if (self->stopping)
                    break;
            }
            std::lock_guard lock(self->mailbox->mutex);
            if (ClusterMonitor *receiver = self->mailbox->receiver) {
                QMetaObject::invokeMethod(
                    receiver,
                    [receiver, index = self->index, generation, status = self->status] {
                        receiver->acceptResult(index, generation, status);
                    },
                    Qt::QueuedConnection);
            }
        }
        if (connection)
            connection->close();
    }

    void pollOnce(std::unique_ptr<core::Connection> &connection)
    {
        if (!connection)
            connection = core::createConnection(options);
        if (!connection->isOpen()) {
            status.queriesLastRound = 0;
            if (Status s = connection->connect(); !s) {
                status.reachability = core::Reachability::Unreachable;
                status.lastError = s.error();
                status.roundTripMs = -1;
                return;
            }
        }
        status.flavor = connection->serverInfo().flavor;
        if (Status s = core::probeNode(*connection, status); !s) {
            // Connection-level failures: reconnect next round. A statement the server rejected
            // (privileges, say) keeps the connection.
            switch (s.error().code) {
            case ErrorCode::QueryFailed:
                break;
            default:
                connection->close();
            }
        }
    }
};

ClusterMonitor::ClusterMonitor(std::vector<MonitorNode> nodes, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent), m_nodes(std::move(nodes)), m_mailbox(std::make_shared<Mailbox>()), m_interval(interval)
{
    m_mailbox->receiver = this;
    m_state.resize(m_nodes.size());
    m_acceptedGeneration.assign(m_nodes.size(), 0);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        core::NodeStatus &s = m_state[i];
        s.name = m_nodes[i].name;
        s.host = m_nodes[i].options.host;
        s.port = m_nodes[i].options.port;
    }
    m_timer.setInterval(static_cast<int>(m_interval.count()));
    connect(&m_timer, &QTimer::timeout, this, &ClusterMonitor::beginRound);
}

ClusterMonitor::~ClusterMonitor()
{
    stop();
}

void ClusterMonitor::startWorker(std::size_t i)
{
    auto w = std::make_shared<Worker>();
    w->index = i;
    w->status = m_state[i];
    w->options = m_nodes[i].options;
    w->mailbox = m_mailbox;
    m_workers.push_back(w);
    std::thread(&Worker::run, w).detach();
}

void ClusterMonitor::start()
{
    if (m_workers.empty()) {
        for (std::size_t i = 0; i < m_nodes.size(); ++i)
            startWorker(i);
    }
    m_timer.start();
    beginRound();
}

void ClusterMonitor::addNode(MonitorNode node)
{
    core::NodeStatus s;
    s.name = node.name;
    s.host = node.options.host;
    s.port = node.options.port;
    m_nodes.push_back(std::move(node));
    m_state.push_back(std::move(s));
    m_acceptedGeneration.push_back(0);
    if (!m_workers.empty() || m_timer.isActive())
        startWorker(m_nodes.size() - 1);
}

void ClusterMonitor::stop()
{
    m_timer.stop();
    {
        std::lock_guard lock(m_mailbox->mutex);
        m_mailbox->receiver = nullptr;
    }
    for (auto &w : m_workers)
        w->stop();
    m_workers.clear();
    // A fresh mailbox for a later start(); the old one stays with the old workers.
    m_mailbox = std::make_shared<Mailbox>();
    m_mailbox->receiver = this;
}

void ClusterMonitor::pollNow()
{
    if (!m_timer.isActive())
        return;
    m_timer.start();  // the next timed round comes a full interval after this one
    beginRound();
}

void ClusterMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_timer.setInterval(static_cast<int>(interval.count()));
}

void ClusterMonitor::beginRound()
{
    if (m_roundOpen)
        closeRound();
    ++m_generation;
    m_roundOpen = true;
    for (auto &w : m_workers)
        w->request(m_generation);
}

void ClusterMonitor::acceptResult(std::size_t index, std::uint64_t generation, const core::NodeStatus &status)
{
    if (index >= m_state.size() || generation <= m_acceptedGeneration[index])
        return;  // older than what we already have for this node
    m_acceptedGeneration[index] = generation;
    m_state[index] = status;
    if (!m_roundOpen)
        return;
    for (std::uint64_t g : m_acceptedGeneration) {
        if (g < m_generation)
            return;  // the round waits for the others, until the next round starts
    }
    closeRound();
}

void ClusterMonitor::closeRound()
{
    m_roundOpen = false;
    auto snapshot = std::make_shared<core::ClusterSnapshot>();
    snapshot->generation = m_generation;
    snapshot->takenAtMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    snapshot->nodes = m_state;
    for (std::size_t i = 0; i < m_state.size(); ++i) {
        if (m_acceptedGeneration[i] < m_generation && i < m_workers.size() && m_workers[i]->isBusy()) {
            // Still inside a network call from an earlier round: say so, keep the last facts.
            snapshot->nodes[i].reachability = core::Reachability::NoAnswer;
        }
    }
    core::buildTopology(*snapshot, m_topology, m_latest.get());

    // Crawl to nodes the others mention; they join from the next round on.
    if (m_crawl && !m_nodes.empty()) {
        for (const auto &[host, port] : core::undiscoveredEndpoints(*snapshot)) {
            if (m_nodes.size() >= kMaxNodes)
                break;
            MonitorNode n;
            n.options = m_nodes.front().options;
            n.options.host = host;
            n.options.port = port;
            n.options.nodeName = core::normalizedEndpoint(host, port);
            n.name = n.options.nodeName;
            addNode(std::move(n));
        }
    }
    m_latest = std::move(snapshot);
    emit snapshotUpdated(m_latest);
}

} // namespace switchyard::ui
