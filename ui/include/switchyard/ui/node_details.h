// Everything the latest snapshot knows about one node, readable: identity and state, server
// settings, replication threads and lag, GTID positions, each channel, the replicas connected
// to it, its replication slots, errant GTIDs, counters and its problems. Field / value rows
// grouped in sections; Ctrl+C copies the selected rows as "field<TAB>value", "Copy all"
// the whole panel as text.
//
// Updates in place: a new snapshot with the same fields only changes the values, so the
// user's selection, scroll position and collapsed sections stay.
//
// Thread contract: GUI thread only. No I/O; copying writes to the clipboard only.
#pragma once

#include "switchyard/core/snapshot.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

namespace switchyard::ui {

class NodeDetails : public QWidget
{
    Q_OBJECT
public:
    explicit NodeDetails(QWidget *parent = nullptr);
    ~NodeDetails() override;

    void setSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    void setNode(const QString &name); // empty: nothing selected
    void setLagThresholds(double warnSeconds, double criticalSeconds);

    QString node() const { return m_name; }
    QTreeWidget *tree() const { return m_tree; }
    QString title() const;
    // The value shown for a field ("Lag", "Version", ...) in a section ("Replication", ...);
    // empty section: the first field of that name anywhere. Null QString when not shown.
    QString value(const QString &section, const QString &field) const;
    QStringList sections() const;
    QString toPlainText() const;                    // the whole panel, as "Copy all" puts it
    QString selectedText() const;                   // the selected rows, as Ctrl+C puts them
    int rebuildCount() const { return m_rebuilds; } // tests: updates in place

public slots:
    void copySelection();
    void copyAll();

private:
    struct Row;
    void refresh();
    std::vector<Row> rowsFor(const core::NodeStatus &node) const;
    void showMessage(const QString &text);

    std::shared_ptr<const core::ClusterSnapshot> m_snapshot;
    QString m_name;
    double m_warn = 10.0;
    double m_critical = 30.0;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QToolButton *m_copyAll = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QTreeWidget *m_tree = nullptr;
    QStringList m_structure; // section/field keys of the rows shown, to update in place
    int m_rebuilds = 0;
};

} // namespace switchyard::ui
