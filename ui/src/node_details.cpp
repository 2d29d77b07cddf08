#include "switchyard/ui/node_details.h"
#include "switchyard/ui/problems_model.h"
#include "switchyard/ui/topology_view.h"
#include "switchyard/ui/tr.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <set>

namespace switchyard::ui {

struct NodeDetails::Row
{
    QString section;
    QString field; // empty: the section header itself
    QString value;
    int severity = 0; // 0 plain, 1 warning, 2 critical, -1 good
};

namespace {

constexpr int kSeverityRole = Qt::UserRole + 1;

QString yesNo(std::optional<bool> v)
{
    if (!v)
        return Tr::tr("unknown");
    return *v ? Tr::tr("yes") : Tr::tr("no");
}

QString lsn(std::optional<std::uint64_t> v)
{
    if (!v)
        return Tr::tr("unknown");
    return QStringLiteral("%1/%2").arg(*v >> 32, 0, 16).arg(*v & 0xffffffffu, 0, 16).toUpper();
}

QString flavorText(core::Flavor f)
{
    switch (f) {
    case core::Flavor::MySQL:
        return QStringLiteral("MySQL");
    case core::Flavor::MariaDB:
        return QStringLiteral("MariaDB");
    case core::Flavor::PostgreSQL:
        return QStringLiteral("PostgreSQL");
    case core::Flavor::Unknown:
        break;
    }
    return Tr::tr("unknown");
}

QString roleText(core::NodeRole r)
{
    switch (r) {
    case core::NodeRole::Primary:
        return Tr::tr("primary");
    case core::NodeRole::Replica:
        return Tr::tr("replica");
    case core::NodeRole::Unknown:
        break;
    }
    return Tr::tr("unknown");
}

QString reachabilityWords(core::Reachability r)
{
    switch (r) {
    case core::Reachability::Reachable:
        return Tr::tr("answering");
    case core::Reachability::Unreachable:
        return Tr::tr("unreachable");
    case core::Reachability::NoAnswer:
        return Tr::tr("no answer this round (hung or slow)");
    case core::Reachability::Unknown:
        break;
    }
    return Tr::tr("not polled yet");
}

QString endpoint(const std::string &host, std::uint16_t port)
{
    return port ? QStringLiteral("%1:%2").arg(qs(host)).arg(port) : qs(host);
}

QString errorWithCode(const std::string &text, int code)
{
    if (text.empty())
        return {};
    return code ? Tr::tr("%1 (error %2)").arg(qs(text)).arg(code) : qs(text);
}

QColor severityForeground(int severity)
{
    switch (severity) {
    case 2:
        return QColor(0xc6, 0x28, 0x28);
    case 1:
        return QColor(0xa0, 0x60, 0x00);
    case -1:
        return QColor(0x2e, 0x7d, 0x32);
    default:
        return {};
    }
}

} // namespace

NodeDetails::NodeDetails(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodeDetails"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("nodeDetailsTitle"));
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    m_title->setFont(tf);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel;
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    m_copyAll = new QToolButton;
    m_copyAll->setText(tr("Copy all"));
    m_copyAll->setToolTip(tr("Copy everything shown about this node as text"));
    connect(m_copyAll, &QToolButton::clicked, this, &NodeDetails::copyAll);
    header->addLayout(titles, 1);
    header->addWidget(m_copyAll, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("nodeDetailsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setIndentation(12);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &NodeDetails::copySelection);
    auto *copyAll = new QAction(tr("Copy all"), m_tree);
    connect(copyAll, &QAction::triggered, this, &NodeDetails::copyAll);
    m_tree->addAction(copy);
    m_tree->addAction(copyAll);

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_tree);
    layout->addWidget(m_stack, 1);
    refresh();
}

NodeDetails::~NodeDetails() = default;

void NodeDetails::setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    refresh();
}

void NodeDetails::setNode(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    m_structure.clear(); // another node: start at the top
    refresh();
}

void NodeDetails::setLagThresholds(double warnSeconds, double criticalSeconds)
{
    m_warn = warnSeconds;
    m_critical = criticalSeconds;
    refresh();
}

void NodeDetails::showMessage(const QString &text)
{
    m_title->setText(m_name);
    m_subtitle->clear();
    m_copyAll->setEnabled(false);
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_structure.clear();
    m_tree->clear();
}

std::vector<NodeDetails::Row> NodeDetails::rowsFor(const core::NodeStatus &n) const
{
    std::vector<Row> rows;
    QString section;
    auto begin = [&](const QString &name) {
        section = name;
        rows.push_back({section, {}, {}, 0});
    };
    auto add = [&](const QString &field, const QString &value, int severity = 0) {
        rows.push_back({section, field, value, severity});
    };
    auto addIf = [&](const QString &field, const QString &value, int severity = 0) {
        if (!value.isEmpty())
            add(field, value, severity);
    };
    auto lagRow = [&](const QString &field, std::optional<double> lag) {
        const LagLevel level = lagLevel(lag, m_warn, m_critical);
        const int severity = level == LagLevel::Critical ? 2 : level == LagLevel::Ok ? -1 : 1;
        add(field, lag ? formatLag(*lag) : Tr::tr("unknown"), severity);
    };
    const bool pg = n.flavor == core::Flavor::PostgreSQL;
    const bool down =
        n.reachability == core::Reachability::Unreachable || n.reachability == core::Reachability::NoAnswer;

    begin(Tr::tr("Node"));
    add(Tr::tr("Name"), qs(n.name));
    add(Tr::tr("Address"), endpoint(n.host, n.port));
    add(Tr::tr("Role"), roleText(n.role));
    add(Tr::tr("State"), reachabilityWords(n.reachability), down ? 2 : 0);
    if (n.lastError)
        add(down ? Tr::tr("Reason") : Tr::tr("Last error"), describeError(*n.lastError), down ? 2 : 1);
    if (n.checkedAtMs > 0)
        add(Tr::tr("Last answer"), QDateTime::fromMSecsSinceEpoch(n.checkedAtMs).toString(Qt::ISODate));
    if (n.roundTripMs >= 0)
        add(Tr::tr("Probe round trip"), Tr::tr("%1 ms").arg(n.roundTripMs));
    if (n.queriesLastRound > 0)
        add(Tr::tr("Statements last round"), QString::number(n.queriesLastRound));

    begin(Tr::tr("Server"));
    add(Tr::tr("Product"), flavorText(n.flavor));
    addIf(Tr::tr("Version"), qs(n.version));
    if (n.serverId != 0)
        add(Tr::tr("Server ID"), QString::number(n.serverId));
    addIf(pg ? Tr::tr("System identifier") : Tr::tr("Server UUID"), qs(n.serverUuid));
    {
        const bool mismatch = n.readOnly && ((n.role == core::NodeRole::Replica && !*n.readOnly) ||
                                             (n.role == core::NodeRole::Primary && *n.readOnly));
        add(pg ? Tr::tr("In recovery") : Tr::tr("Read-only"), yesNo(n.readOnly), mismatch ? 1 : 0);
    }
    if (!pg && n.superReadOnly)
        add(Tr::tr("Super read-only"), yesNo(n.superReadOnly));
    if (!pg) {
        if (n.logBin)
            add(Tr::tr("Binary log"), yesNo(n.logBin));
        addIf(Tr::tr("Binlog format"), qs(n.binlogFormat));
        if (n.logReplicaUpdates)
            add(Tr::tr("Log replica updates"), yesNo(n.logReplicaUpdates));
        if (n.gtidMode)
            add(Tr::tr("GTID mode"), yesNo(n.gtidMode));
        addIf(Tr::tr("GTID domain"), qs(n.gtidDomainId));
        addIf(Tr::tr("Semi-synchronous"), qs(n.semiSync));
    } else {
        if (n.timeline)
            add(Tr::tr("Timeline"), QString::number(*n.timeline));
        if (n.currentLsn)
            add(n.role == core::NodeRole::Replica ? Tr::tr("Last received LSN") : Tr::tr("Current WAL LSN"),
                lsn(n.currentLsn));
        if (n.walLogHints)
            add(Tr::tr("wal_log_hints"), yesNo(n.walLogHints));
        if (n.dataChecksums)
            add(Tr::tr("Data checksums"), yesNo(n.dataChecksums));
        addIf(Tr::tr("Synchronous replication"), qs(n.semiSync));
    }

    if (n.role == core::NodeRole::Replica || !n.replicationSource.empty() || n.lagSeconds) {
        begin(Tr::tr("Replication"));
        addIf(Tr::tr("Replicates from"), qs(n.replicationSource));
        add(pg ? Tr::tr("WAL receiver streaming") : Tr::tr("IO thread running"), yesNo(n.ioThreadRunning),
            n.ioThreadRunning == false ? 2 : 0);
        add(pg ? Tr::tr("Replay running") : Tr::tr("SQL thread running"), yesNo(n.sqlThreadRunning),
            n.sqlThreadRunning == false ? 2 : 0);
        lagRow(Tr::tr("Lag"), n.lagSeconds);
        addIf(Tr::tr("Replication error"), qs(n.replicationError), 2);
    }

    if (!n.gtidExecuted.empty() || !n.gtidCurrentPos.empty() || !n.gtidSlavePos.empty()) {
        begin(Tr::tr("GTID positions"));
        addIf(n.flavor == core::Flavor::MariaDB ? Tr::tr("Binlog position (gtid_binlog_pos)")
                                                : Tr::tr("Executed (gtid_executed)"),
              qs(n.gtidExecuted));
        addIf(Tr::tr("Current (gtid_current_pos)"), qs(n.gtidCurrentPos));
        addIf(Tr::tr("Replica (gtid_slave_pos)"), qs(n.gtidSlavePos));
    }

    for (const core::ReplicationChannel &ch : n.channels) {
        begin(ch.name.empty() ? Tr::tr("Channel (default)") : Tr::tr("Channel “%1”").arg(qs(ch.name)));
        add(Tr::tr("Source"), endpoint(ch.sourceHost, ch.sourcePort));
        add(pg ? Tr::tr("Receiving") : Tr::tr("IO thread running"), yesNo(ch.ioRunning),
            ch.ioRunning == false ? 2 : 0);
        add(pg ? Tr::tr("Replaying") : Tr::tr("SQL thread running"), yesNo(ch.sqlRunning),
            ch.sqlRunning == false ? 2 : 0);
        lagRow(Tr::tr("Lag"), ch.lagSeconds);
        addIf(Tr::tr("IO error"), errorWithCode(ch.ioError, ch.ioErrno), 2);
        addIf(Tr::tr("SQL error"), errorWithCode(ch.sqlError, ch.sqlErrno), 2);
        addIf(Tr::tr("Using GTID"), qs(ch.usingGtid));
        addIf(Tr::tr("Received GTIDs"), qs(ch.gtidIoPos));
        if (!ch.sourceLogFile.empty())
            add(Tr::tr("Reading binlog"),
                QStringLiteral("%1:%2").arg(qs(ch.sourceLogFile)).arg(ch.readSourceLogPos));
        addIf(Tr::tr("Replication user"), qs(ch.replicationUser));
        if (ch.receivedLsn)
            add(Tr::tr("Received LSN"), lsn(ch.receivedLsn));
        if (ch.replayedLsn)
            add(Tr::tr("Replayed LSN"), lsn(ch.replayedLsn));
    }

    if (!n.downstream.empty()) {
        begin(Tr::tr("Replicas connected here"));
        for (const core::DownstreamReplica &d : n.downstream) {
            QString who = endpoint(d.host, d.port);
            if (!d.applicationName.empty())
                who = Tr::tr("%1 (%2)").arg(qs(d.applicationName), who);
            QStringList what;
            if (!d.state.empty())
                what << qs(d.state);
            if (!d.syncState.empty())
                what << qs(d.syncState);
            if (d.replayLagSeconds)
                what << Tr::tr("replay lag %1").arg(formatLag(*d.replayLagSeconds));
            if (d.sentLsn || d.flushLsn || d.replayLsn)
                what << Tr::tr("sent %1, flushed %2, replayed %3")
                            .arg(lsn(d.sentLsn), lsn(d.flushLsn), lsn(d.replayLsn));
            if (d.serverId != 0)
                what << Tr::tr("server ID %1").arg(d.serverId);
            add(who, what.join(QStringLiteral(" · ")));
        }
    }

    if (!n.replicationSlots.empty()) {
        begin(Tr::tr("Replication slots"));
        for (const core::ReplicationSlot &slot : n.replicationSlots) {
            QStringList what;
            if (!slot.type.empty())
                what << qs(slot.type);
            what << (slot.active ? Tr::tr("active") : Tr::tr("inactive"));
            if (slot.retainedBytes)
                what << Tr::tr("retains %1 of WAL")
                            .arg(QLocale().formattedDataSize(static_cast<qint64>(*slot.retainedBytes)));
            add(qs(slot.name), what.join(QStringLiteral(" · ")), slot.active ? 0 : 1);
        }
    }

    begin(Tr::tr("Errant GTIDs"));
    if (n.errantGtids.empty()) {
        add(Tr::tr("None"), Tr::tr("no transactions found only on this node"), -1);
    } else {
        for (std::size_t i = 0; i < n.errantGtids.size(); ++i)
            add(Tr::tr("#%1").arg(i + 1), qs(n.errantGtids[i]), 2);
    }

    const core::NodeCounters &c = n.counters;
    if (c.queries || c.commits || c.connections || c.threadsRunning || c.uptimeSeconds) {
        begin(Tr::tr("Counters"));
        auto counter = [&](const QString &field, auto value) {
            if (value)
                add(field, QLocale().toString(static_cast<qlonglong>(*value)));
        };
        counter(Tr::tr("Connections"), c.connections);
        counter(Tr::tr("Running"), c.threadsRunning);
        counter(Tr::tr("Queries"), c.queries);
        counter(Tr::tr("Commits"), c.commits);
        counter(Tr::tr("Rollbacks"), c.rollbacks);
        counter(Tr::tr("Rows read"), c.rowsRead);
        counter(Tr::tr("Rows inserted"), c.rowsInserted);
        counter(Tr::tr("Rows updated"), c.rowsUpdated);
        counter(Tr::tr("Rows deleted"), c.rowsDeleted);
        if (c.uptimeSeconds)
            add(Tr::tr("Up for"), formatLag(static_cast<double>(*c.uptimeSeconds)));
    }

    if (m_snapshot) {
        std::vector<const core::Problem *> mine;
        for (const core::Problem &p : m_snapshot->problems)
            if (std::find(p.nodes.begin(), p.nodes.end(), n.name) != p.nodes.end())
                mine.push_back(&p);
        std::stable_sort(mine.begin(), mine.end(), [](const core::Problem *a, const core::Problem *b) {
            return static_cast<int>(a->severity) > static_cast<int>(b->severity);
        });
        begin(Tr::tr("Problems"));
        if (mine.empty())
            add(Tr::tr("None"), Tr::tr("nothing wrong found in the last round"), -1);
        for (const core::Problem *p : mine) {
            QString text = problemText(*p);
            if (!p->detail.empty())
                text += QStringLiteral(" — ") + qs(p->detail);
            add(severityText(p->severity), text,
                p->severity == core::Severity::Critical  ? 2
                : p->severity == core::Severity::Warning ? 1
                                                         : 0);
        }
    }
    return rows;
}

void NodeDetails::refresh()
{
    if (m_name.isEmpty()) {
        showMessage(tr("Select a node in the graph, the table or the problem list to see everything "
                       "discovery knows about it."));
        m_title->setText(tr("No node selected"));
        return;
    }
    const core::NodeStatus *node = nullptr;
    if (m_snapshot)
        for (const core::NodeStatus &n : m_snapshot->nodes)
            if (qs(n.name) == m_name) {
                node = &n;
                break;
            }
    if (!node) {
        showMessage(tr("%1 is not in the latest snapshot.").arg(m_name));
        return;
    }

    m_title->setText(m_name);
    QStringList sub;
    sub << roleText(node->role);
    if (!node->version.empty())
        sub << qs(node->version);
    sub << endpoint(node->host, node->port);
    m_subtitle->setText(sub.join(QStringLiteral(" · ")));
    m_copyAll->setEnabled(true);
    m_stack->setCurrentWidget(m_tree);

    const std::vector<Row> rows = rowsFor(*node);
    QStringList structure;
    for (const Row &r : rows)
        structure << r.section + QLatin1Char('\x1f') + r.field;

    auto style = [](QTreeWidgetItem *item, const Row &r) {
        if (item->text(1) != r.value) {
            item->setText(1, r.value);
            item->setToolTip(1, r.value);
        }
        if (item->data(0, kSeverityRole).toInt() != r.severity) {
            item->setData(0, kSeverityRole, r.severity);
            const QColor c = severityForeground(r.severity);
            item->setForeground(1, c.isValid() ? QBrush(c) : QBrush());
        }
    };

    if (structure == m_structure) {
        // Same fields: only the values change; selection, scroll and collapsed sections stay.
        int top = -1, child = 0;
        for (const Row &r : rows) {
            if (r.field.isEmpty()) {
                ++top;
                child = 0;
                continue;
            }
            style(m_tree->topLevelItem(top)->child(child++), r);
        }
        return;
    }

    // Rebuild, keeping what can be kept: collapsed sections, the selected field, the scroll.
    std::set<QString> collapsed;
    QString current;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *section = m_tree->topLevelItem(i);
        if (!section->isExpanded())
            collapsed.insert(section->text(0));
    }
    if (QTreeWidgetItem *item = m_tree->currentItem())
        current =
            (item->parent() ? item->parent()->text(0) : QString()) + QLatin1Char('\x1f') + item->text(0);
    const int scroll = m_tree->verticalScrollBar()->value();
    const bool sameNodeBefore = !m_structure.isEmpty();

    m_tree->clear();
    QTreeWidgetItem *section = nullptr;
    QTreeWidgetItem *restore = nullptr;
    for (const Row &r : rows) {
        if (r.field.isEmpty()) {
            section = new QTreeWidgetItem(m_tree, {r.section});
            section->setFirstColumnSpanned(true);
            QFont f = section->font(0);
            f.setBold(true);
            section->setFont(0, f);
            section->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            continue;
        }
        auto *item = new QTreeWidgetItem(section, {r.field, QString()});
        item->setData(0, kSeverityRole, 0);
        style(item, r);
        if (r.section + QLatin1Char('\x1f') + r.field == current)
            restore = item;
    }
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *s = m_tree->topLevelItem(i);
        s->setExpanded(!collapsed.count(s->text(0)));
    }
    if (restore)
        m_tree->setCurrentItem(restore);
    if (sameNodeBefore)
        m_tree->verticalScrollBar()->setValue(scroll);
    m_structure = structure;
    ++m_rebuilds;
}

QString NodeDetails::title() const
{
    return m_title->text();
}

QString NodeDetails::value(const QString &section, const QString &field) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *s = m_tree->topLevelItem(i);
        if (!section.isEmpty() && s->text(0) != section)
            continue;
        for (int j = 0; j < s->childCount(); ++j)
            if (s->child(j)->text(0) == field)
                return s->child(j)->text(1);
    }
    return {};
}

QStringList NodeDetails::sections() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        out << m_tree->topLevelItem(i)->text(0);
    return out;
}

QString NodeDetails::toPlainText() const
{
    if (m_stack->currentWidget() != m_tree)
        return {};
    QStringList lines;
    lines << m_title->text() << m_subtitle->text();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *s = m_tree->topLevelItem(i);
        lines << QString() << s->text(0);
        for (int j = 0; j < s->childCount(); ++j)
            lines << s->child(j)->text(0) + QLatin1Char('\t') + s->child(j)->text(1);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString NodeDetails::selectedText() const
{
    QStringList lines;
    // In the order shown, not the order clicked.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *s = m_tree->topLevelItem(i);
        if (s->isSelected())
            lines << s->text(0);
        for (int j = 0; j < s->childCount(); ++j)
            if (s->child(j)->isSelected() || s->isSelected())
                lines << s->child(j)->text(0) + QLatin1Char('\t') + s->child(j)->text(1);
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void NodeDetails::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void NodeDetails::copyAll()
{
    const QString text = toPlainText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace switchyard::ui
