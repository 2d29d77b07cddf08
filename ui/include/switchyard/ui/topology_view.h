// The live replication graph: one card per node (role, name or address, version, RO/RW, a lag
// badge coloured by the profile's thresholds, problem markers), one arrow per replication
// stream from source to replica (styled by its state, with its lag), laid out by
// layoutTopology() so trees, multi-source replicas, co-primary pairs and rings stay readable.
//
// Updates in place: setSnapshot() reuses the items by node name and only lays the graph out
// again when its shape (nodes, edges) changed, so a new polling round changes colours and
// numbers without flicker, and the user's zoom, scroll position and selection stay. Until the
// user zooms or pans, the picture follows the window (fit to window).
//
// Thread contract: GUI thread only. Painting only reads values prepared in setSnapshot();
// nothing here does I/O except exportPng()/exportSvg(), which write the file they are given.
#pragma once

#include "switchyard/core/snapshot.h"
#include "switchyard/ui/topology_layout.h"

#include <QColor>
#include <QGraphicsView>
#include <QImage>
#include <QPainterPath>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace switchyard::ui {

// How a lag reads against the thresholds: green below warn, amber from warn, red from critical.
// Unknown is its own level (a stopped thread, NULL Seconds_Behind_Master), never "0 s".
enum class LagLevel
{
    NotApplicable,
    Ok,
    Warning,
    Critical,
    Unknown
};
LagLevel lagLevel(std::optional<double> lagSeconds, double warnSeconds, double criticalSeconds);
QColor lagLevelColor(LagLevel level);                   // the badge's accent colour
QString formatLag(double seconds);                      // "0.4 s", "12 s", "2 min 05 s", "3 h 02 min"
QString lagBadgeText(std::optional<double> lagSeconds); // "lag 12 s", or "lag ?" when unknown

// What the picture shows for one node, for tests and for accessibility.
struct NodeCardInfo
{
    QString name;
    QString roleText;    // "PRIMARY", "REPLICA", "UNKNOWN"
    QString addressText; // host:port · short version
    QString accessText;  // "RW", "RO", "R?"
    QString badgeText;   // "lag 3 s", "lag ?", empty on a primary
    LagLevel lagLevel = LagLevel::NotApplicable;
    QColor badgeColor;
    QString stateText;   // "replicating", "SQL thread stopped", "unreachable", ...
    bool dimmed = false; // unreachable or not answering
    int problemCount = 0;
    std::optional<core::Severity> worstProblem;
    QRectF sceneRect;
    QString toolTip;
    bool selected = false;
    bool highlighted = false; // marked by setHighlightedNodes()
    QString highlightTag;     // the tag drawn on it ("ROUTED HERE")
};

// What the picture shows for one replication edge.
struct EdgeVisualInfo
{
    QString source;
    QString replica;
    QString channel;
    core::EdgeState state = core::EdgeState::Unknown;
    QString label; // "3 s", "lag ?", "stopped", "error", prefixed by the channel name
    Qt::PenStyle penStyle = Qt::SolidLine;
    QColor color;
    bool reversed = false;  // drawn upward (closes a ring)
    bool sameLayer = false; // between co-primaries side by side
    QPainterPath path;      // scene coordinates
    QString toolTip;
};

class TopologyView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 4.0;

    explicit TopologyView(QWidget *parent = nullptr);
    ~TopologyView() override;

    void setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    const core::ClusterSnapshot *snapshot() const;
    void setLagThresholds(double warnSeconds, double criticalSeconds);

    QStringList nodeNames() const; // sorted
    int edgeCount() const;
    std::optional<NodeCardInfo> nodeInfo(const QString &name) const;
    std::vector<EdgeVisualInfo> edgeInfos() const;
    std::optional<EdgeVisualInfo> edgeInfo(const QString &source, const QString &replica,
                                           const QString &channel = {}) const;
    int layoutCount() const; // how many times the graph was laid out (tests: updates in place)
    const TopologyLayout &currentLayout() const;

    QString selectedNode() const; // empty when nothing is selected

    // Marks nodes for the routing preview: a thick ring and a tag above the card ("ROUTED HERE"
    // by default), drawn in exports too, kept across snapshots by name; `reasonTooltip` is added
    // to their tooltips. `problem` draws them in red (a write that would fail). An empty list
    // clears the marks.
    void setHighlightedNodes(const QStringList &names, const QString &reasonTooltip = {},
                             const QString &tag = {}, bool problem = false);
    QStringList highlightedNodes() const; // sorted
    double zoom() const;
    bool followsWindow() const; // true until the user zooms or pans

    // The whole picture (not just the visible part), without selection highlight.
    QImage renderImage(double scale = 1.0) const;
    bool exportPng(const QString &file) const; // writes the file; false when it could not
    bool exportSvg(const QString &file) const;

public slots:
    void selectNode(const QString &name); // empty clears; scrolls to it when out of sight
    void zoomIn();
    void zoomOut();
    void resetZoom(); // 100 %
    void setZoom(double factor);
    void fitToWindow(); // and follow the window again

signals:
    void nodeSelected(const QString &name);  // empty when the selection was cleared
    void nodeActivated(const QString &name); // double click
    void zoomChanged(double factor);

protected:
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;

    void applyZoom(double factor, bool underMouse);
    void relayout();
    void onSelectionChanged();
};

} // namespace switchyard::ui
