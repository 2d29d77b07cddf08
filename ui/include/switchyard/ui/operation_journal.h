// The journal of guided operations (switchover, failover, rejoin) in the profile's history
// database ($XDG_DATA_HOME/switchyard/history/<profile>.sqlite), in tables of its own:
//   operation          one row per operation: plan (JSON), state, who runs it (pid + start time)
//   operation_step     the state of every step, updated as it changes
//   operation_command  every statement as sent (secrets masked), its result and timing
//   operation_variable values captured by steps (the old primary's final GTID position, ...)
// Every write is its own transaction in WAL mode, so after a crash or kill -9 the journal holds
// everything up to the statement that was running. Every statement also lands in the event log
// (HistoryDatabase::recordAction) with its SQL and outcome.
//
// On start the console asks unfinished() for operations whose process is gone and offers to
// resume or roll them back (operation_dialogs.h).
//
// Thread contract: one instance per thread, used only on the thread that opened it (its own
// QSqlDatabase connections); the executor's worker opens its own. All methods do local file I/O.
#pragma once

#include "switchyard/core/operation.h"
#include "switchyard/core/operation_executor.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace switchyard::ui {

class HistoryDatabase;

// Plans to and from JSON (the journal's plan column; `switchyard-cli ... --json`).
QJsonObject planToJson(const core::OperationPlan &plan);
std::optional<core::OperationPlan> planFromJson(const QJsonObject &object, QString *problem = nullptr);
QJsonObject resultToJson(const core::OperationResult &result);

struct JournalCommand
{
    int step = 0;
    int sequence = 0;
    bool undo = false;
    QString node;
    QString text;
    bool ok = false;
    QString result;
    qint64 startedAtMs = 0;
    qint64 elapsedUs = 0;
};

struct JournaledOperation
{
    QString id;
    core::OperationKind kind = core::OperationKind::Switchover;
    QString state;              // core::operationStateName, or "dismissed"
    core::OperationPlan plan;
    core::ResumeState resume;   // step states and captured variables
    qint64 startedAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 pid = 0;             // the process that ran it
    bool processAlive = false;  // that process still runs (another console or CLI)
    QList<JournalCommand> commands;

    std::optional<core::OperationState> operationState() const;
    bool unfinished() const;    // neither final nor dismissed
};

class OperationJournal : public core::JournalSink
{
public:
    // `path`: the history database file (HistoryDatabase::defaultPath(profile)).
    explicit OperationJournal(QString path);
    ~OperationJournal() override;
    OperationJournal(const OperationJournal &) = delete;
    OperationJournal &operator=(const OperationJournal &) = delete;

    bool open(QString *error = nullptr);
    const QString &path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    // Also write every statement to the event log (on by default).
    void setRecordActions(bool on) { m_recordActions = on; }

    // core::JournalSink
    Status operationStarted(const core::OperationPlan &plan) override;
    Status stepChanged(const std::string &operationId, std::size_t step, core::StepState state,
                       const std::string &message) override;
    Status commandRecorded(const std::string &operationId, const core::CommandRecord &record) override;
    Status variableCaptured(const std::string &operationId, const std::string &name, const std::string &value) override;
    Status operationFinished(const std::string &operationId, const core::OperationResult &result) override;

    // Reading.
    std::optional<JournaledOperation> load(const QString &id, bool withCommands = true);
    // Operations not finished whose process is gone (crash, kill -9), newest first.
    QList<JournaledOperation> unfinished();
    QList<JournaledOperation> recent(int limit = 20);
    // The operator decided to leave it as it is: no longer offered at start.
    bool dismiss(const QString &id);
    // Records that this process takes over an unfinished operation (resume / roll back).
    bool adopt(const QString &id);

private:
    Status write(const QString &sql, const QList<QVariant> &values);
    void action(const QString &node, const QString &what, const QString &sql, const QString &outcome, bool problem);
    QString titleOf(const std::string &operationId, std::size_t step) const;

    QString m_path;
    QString m_connection;
    QString m_lastError;
    std::unique_ptr<HistoryDatabase> m_history;
    bool m_recordActions = true;
    // Titles of the running plan's steps, for the event log.
    std::string m_planId;
    QStringList m_stepTitles;
    QString m_kindName;
};

} // namespace switchyard::ui
