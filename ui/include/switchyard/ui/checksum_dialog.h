// The checksum and repair wizard: choose databases, tables and replicas; run the chunked
// checksums on a worker thread (progress with rows/s and ETA, cancellable); a heat map of the
// results (table x chunk); drill into a differing chunk (keys and row hashes, then the rows side
// by side); preview, apply and re-verify the repair. Each run and repair goes to the event log.
//
// Thread contract: a GUI-thread widget. Database work runs on one worker thread at a time; its
// results come back as queued calls guarded by this dialog's lifetime. Closing cancels the
// worker (flag plus KILL QUERY) and waits for it.
#pragma once

#include "switchyard/core/checksum.h"

#include <QDialog>

#include <memory>
#include <thread>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace switchyard::ui {

class HistoryStore;

// The event log entries of checksum runs, comparisons and repairs: one wording for the wizard
// and switchyard-cli. Each posts one Action event to `store` (see HistoryStore::recordAction).
void recordChecksumRun(HistoryStore &store, const core::checksum::ChecksumReport &report);
void recordPgCompare(HistoryStore &store, const core::checksum::PgCompareReport &report, const QString &database);
// A run or comparison that failed (or was refused, e.g. a physical standby): the error's node.
void recordChecksumFailure(HistoryStore &store, const Error &error);
// A repair that ran (or failed); `sql` is every statement sent, `outcome` what came of it.
void recordChecksumRepair(HistoryStore &store, const core::checksum::RepairPlan &plan, const QString &outcome, bool ok);

class ChecksumDialog : public QDialog
{
    Q_OBJECT
public:
    // primary: admin account options of the primary; replicas: from
    // core::checksum::targetsFromSnapshot with admin options. history may be null.
    // On a PostgreSQL primary the dialog says that the standbys (`replicas`) are byte-identical
    // by design and offers instead to compare the primary with another node (a logical
    // subscriber or another cluster's node, host:port) from consistent snapshots.
    ChecksumDialog(core::ConnectionOptions primary, std::vector<core::checksum::ReplicaTarget> replicas,
                   HistoryStore *history, QWidget *parent = nullptr);
    ~ChecksumDialog() override;

    // Shows a finished run (the worker calls it; tests and screenshots too).
    void showReport(const core::checksum::ChecksumReport &report);
    void showProgress(const core::checksum::ChecksumProgress &progress);
    void showDiffs(const core::checksum::TableInfo &table, const std::vector<core::checksum::RowDiff> &diffs);
    // PostgreSQL: a finished comparison (per table in the heat map, differing keys below).
    void showPgReport(const core::checksum::PgCompareReport &report);
    QLabel *notice() const { return m_notice; }
    QTableWidget *heatMap() const { return m_heat; }
    QTableWidget *diffTable() const { return m_diffs; }
    QPlainTextEdit *preview() const { return m_preview; }

private:
    void startRun();
    void startPgCompare();
    void cancelRun();
    void drillSelected();
    void updatePreview();
    void applyRepair();
    void runWorker(std::function<void()> work);
    void setBusy(bool busy);

    core::ConnectionOptions m_primaryOptions;
    std::vector<core::checksum::ReplicaTarget> m_replicaTargets;
    HistoryStore *m_history;
    core::checksum::ChecksumReport m_report;
    std::vector<core::checksum::ReplicaTarget> m_runReplicas;
    core::checksum::TableInfo m_drillTable;
    core::checksum::ChunkBounds m_drillBounds;
    std::size_t m_drillReplica = 0;
    std::vector<core::checksum::RowDiff> m_rowDiffs;
    core::checksum::CancelFlag m_cancel;
    std::shared_ptr<core::Canceller> m_canceller, m_cancellerB;
    std::thread m_worker;

    QLineEdit *m_databases, *m_tables;
    QListWidget *m_replicaList;
    QComboBox *m_hash;
    QPushButton *m_run, *m_cancelButton, *m_drill, *m_apply;
    QProgressBar *m_progress;
    QLabel *m_rate, *m_skipped, *m_status;
    QLabel *m_notice = nullptr;                         // PostgreSQL: standbys are byte-identical
    QLineEdit *m_compareWith = nullptr, *m_otherPassword = nullptr;  // PostgreSQL: the other node
    QTableWidget *m_heat, *m_diffs;
    QRadioButton *m_onPrimary, *m_onReplica;
    QPlainTextEdit *m_preview;
};

} // namespace switchyard::ui
