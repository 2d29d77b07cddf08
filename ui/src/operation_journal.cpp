#include "switchyard/ui/operation_journal.h"

#include "switchyard/ui/history_database.h"
#include "switchyard/ui/tr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace switchyard::ui {

using namespace core;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// /proc/<pid>/stat field 22 (start time in ticks) and whether it is a zombie.
std::optional<qint64> processStartTime(qint64 pid, bool *zombie = nullptr)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray all = f.readAll();
    const int close = all.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = all.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); field 22 is fields[19].
    if (fields.size() < 20)
        return std::nullopt;
    if (zombie)
        *zombie = fields[0] == "Z";
    return fields[19].toLongLong();
}

bool processAlive(qint64 pid, qint64 startTime)
{
    bool zombie = false;
    const auto t = processStartTime(pid, &zombie);
    return t && *t == startTime && !zombie;
}

QJsonArray stringsToJson(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const auto &s : v)
        a.append(qs(s));
    return a;
}

std::vector<std::string> stringsFromJson(const QJsonValue &v)
{
    std::vector<std::string> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(x.toString().toStdString());
    return out;
}

QJsonObject checkToJson(const PreflightCheck &c)
{
    return QJsonObject{{QStringLiteral("id"), qs(c.id)},
                       {QStringLiteral("level"), qs(checkLevelName(c.level))},
                       {QStringLiteral("node"), qs(c.node)},
                       {QStringLiteral("detail"), qs(c.detail)},
                       {QStringLiteral("fix"), qs(c.fix)}};
}

PreflightCheck checkFromJson(const QJsonObject &o)
{
    PreflightCheck c;
    c.id = o.value(QStringLiteral("id")).toString().toStdString();
    const QString level = o.value(QStringLiteral("level")).toString();
    c.level = level == QLatin1String("red") ? CheckLevel::Red : level == QLatin1String("amber") ? CheckLevel::Amber : CheckLevel::Green;
    c.node = o.value(QStringLiteral("node")).toString().toStdString();
    c.detail = o.value(QStringLiteral("detail")).toString().toStdString();
    c.fix = o.value(QStringLiteral("fix")).toString().toStdString();
    return c;
}

QJsonObject commandToJson(const StepCommand &c)
{
    QJsonObject o{{QStringLiteral("kind"), qs(commandKindName(c.kind))}, {QStringLiteral("node"), qs(c.node)}};
    auto put = [&](const char *key, const std::string &v) {
        if (!v.empty())
            o.insert(QLatin1String(key), qs(v));
    };
    put("sql", c.sql);
    put("expected", c.expected);
    put("variable", c.variable);
    put("column", c.column);
    put("sourceHost", c.sourceHost);
    if (c.sourcePort)
        o.insert(QStringLiteral("sourcePort"), c.sourcePort);
    if (c.local != LocalAction::None)
        o.insert(QStringLiteral("local"), qs(localActionName(c.local)));
    put("sourceNode", c.sourceNode);
    put("argument", c.argument);
    put("slot", c.slot);
    o.insert(QStringLiteral("pollMs"), static_cast<qint64>(c.pollInterval.count()));
    put("failureHint", c.failureHint);
    return o;
}

std::optional<StepCommand> commandFromJson(const QJsonObject &o)
{
    StepCommand c;
    const auto kind = parseCommandKind(o.value(QStringLiteral("kind")).toString().toStdString());
    if (!kind)
        return std::nullopt;
    c.kind = *kind;
    auto get = [&](const char *key) { return o.value(QLatin1String(key)).toString().toStdString(); };
    c.node = get("node");
    c.sql = get("sql");
    c.expected = get("expected");
    c.variable = get("variable");
    c.column = get("column");
    c.sourceHost = get("sourceHost");
    c.sourcePort = static_cast<std::uint16_t>(o.value(QStringLiteral("sourcePort")).toInt());
    if (o.contains(QStringLiteral("local"))) {
        const auto a = parseLocalAction(get("local"));
        if (!a)
            return std::nullopt;
        c.local = *a;
    }
    c.sourceNode = get("sourceNode");
    c.argument = get("argument");
    c.slot = get("slot");
    c.pollInterval = std::chrono::milliseconds(o.value(QStringLiteral("pollMs")).toInteger(50));
    c.failureHint = get("failureHint");
    return c;
}

} // namespace

QJsonObject planToJson(const OperationPlan &plan)
{
    QJsonArray checks, steps, nodes, ranking;
    for (const auto &c : plan.checks)
        checks.append(checkToJson(c));
    for (const auto &s : plan.steps) {
        QJsonArray commands, undo;
        for (const auto &c : s.commands)
            commands.append(commandToJson(c));
        for (const auto &c : s.undo)
            undo.append(commandToJson(c));
        steps.append(QJsonObject{{QStringLiteral("id"), qs(s.id)},
                                 {QStringLiteral("title"), qs(s.title)},
                                 {QStringLiteral("node"), qs(s.node)},
                                 {QStringLiteral("phase"), qs(stepPhaseName(s.phase))},
                                 {QStringLiteral("timeoutMs"), static_cast<qint64>(s.timeout.count())},
                                 {QStringLiteral("promote"), s.promote},
                                 {QStringLiteral("optional"), s.optional},
                                 {QStringLiteral("commands"), commands},
                                 {QStringLiteral("undo"), undo}});
    }
    for (const auto &n : plan.nodes)
        nodes.append(QJsonObject{{QStringLiteral("name"), qs(n.name)},
                                 {QStringLiteral("host"), qs(n.host)},
                                 {QStringLiteral("port"), n.port},
                                 {QStringLiteral("engine"), qs(engineName(n.engine))},
                                 {QStringLiteral("flavor"), qs(flavorName(n.flavor))},
                                 {QStringLiteral("role"), qs(n.role)},
                                 {QStringLiteral("expectedReplica"), n.expectedReplica}});
    for (const auto &r : plan.ranking)
        ranking.append(QJsonObject{{QStringLiteral("node"), qs(r.node)},
                                   {QStringLiteral("eligible"), r.eligible},
                                   {QStringLiteral("position"), qs(r.position)},
                                   {QStringLiteral("reasons"), stringsToJson(r.reasons)}});
    return QJsonObject{{QStringLiteral("id"), qs(plan.id)},
                       {QStringLiteral("kind"), qs(operationKindName(plan.kind))},
                       {QStringLiteral("engine"), qs(engineName(plan.engine))},
                       {QStringLiteral("flavor"), qs(flavorName(plan.flavor))},
                       {QStringLiteral("oldPrimary"), qs(plan.oldPrimary)},
                       {QStringLiteral("candidate"), qs(plan.candidate)},
                       {QStringLiteral("candidateReason"), qs(plan.candidateReason)},
                       {QStringLiteral("ranking"), ranking},
                       {QStringLiteral("checks"), checks},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("steps"), steps},
                       {QStringLiteral("notes"), stringsToJson(plan.notes)},
                       {QStringLiteral("secretNames"), stringsToJson(plan.secretNames)},
                       {QStringLiteral("safeMode"), plan.safeMode},
                       {QStringLiteral("createdAtMs"), static_cast<qint64>(plan.createdAtMs)}};
}

std::optional<OperationPlan> planFromJson(const QJsonObject &o, QString *problem)
{
    auto bad = [&](const QString &why) -> std::optional<OperationPlan> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    OperationPlan plan;
    auto get = [&](const QJsonObject &obj, const char *key) { return obj.value(QLatin1String(key)).toString().toStdString(); };
    plan.id = get(o, "id");
    const auto kind = parseOperationKind(get(o, "kind"));
    const auto engine = parseEngine(get(o, "engine"));
    if (plan.id.empty() || !kind || !engine)
        return bad(Tr::tr("the journaled plan has no id, kind or engine"));
    plan.kind = *kind;
    plan.engine = *engine;
    const std::string flavor = get(o, "flavor");
    plan.flavor = flavor == "mariadb" ? Flavor::MariaDB : flavor == "mysql" ? Flavor::MySQL
                  : flavor == "postgres"                 ? Flavor::PostgreSQL
                                                         : Flavor::Unknown;
    plan.oldPrimary = get(o, "oldPrimary");
    plan.candidate = get(o, "candidate");
    plan.candidateReason = get(o, "candidateReason");
    for (const QJsonValue &v : o.value(QStringLiteral("ranking")).toArray()) {
        const QJsonObject r = v.toObject();
        CandidateRank rank;
        rank.node = get(r, "node");
        rank.eligible = r.value(QStringLiteral("eligible")).toBool();
        rank.position = get(r, "position");
        rank.reasons = stringsFromJson(r.value(QStringLiteral("reasons")));
        plan.ranking.push_back(std::move(rank));
    }
    for (const QJsonValue &v : o.value(QStringLiteral("checks")).toArray())
        plan.checks.push_back(checkFromJson(v.toObject()));
    for (const QJsonValue &v : o.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject n = v.toObject();
        PlanNode node;
        node.name = get(n, "name");
        node.host = get(n, "host");
        node.port = static_cast<std::uint16_t>(n.value(QStringLiteral("port")).toInt());
        node.engine = parseEngine(get(n, "engine")).value_or(plan.engine);
        const std::string f = get(n, "flavor");
        node.flavor = f == "mariadb" ? Flavor::MariaDB : f == "mysql" ? Flavor::MySQL : f == "postgres" ? Flavor::PostgreSQL : Flavor::Unknown;
        node.role = get(n, "role");
        node.expectedReplica = n.value(QStringLiteral("expectedReplica")).toBool();
        plan.nodes.push_back(std::move(node));
    }
    for (const QJsonValue &v : o.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        PlanStep step;
        step.id = get(s, "id");
        step.title = get(s, "title");
        step.node = get(s, "node");
        const auto phase = parseStepPhase(get(s, "phase"));
        if (!phase)
            return bad(Tr::tr("the journaled step %1 has an unknown phase").arg(qs(step.id)));
        step.phase = *phase;
        step.timeout = std::chrono::milliseconds(s.value(QStringLiteral("timeoutMs")).toInteger(10000));
        step.promote = s.value(QStringLiteral("promote")).toBool();
        step.optional = s.value(QStringLiteral("optional")).toBool();
        for (const QJsonValue &c : s.value(QStringLiteral("commands")).toArray()) {
            auto cmd = commandFromJson(c.toObject());
            if (!cmd)
                return bad(Tr::tr("the journaled step %1 has a command of an unknown kind").arg(qs(step.id)));
            step.commands.push_back(std::move(*cmd));
        }
        for (const QJsonValue &c : s.value(QStringLiteral("undo")).toArray()) {
            auto cmd = commandFromJson(c.toObject());
            if (!cmd)
                return bad(Tr::tr("the journaled step %1 has an undo command of an unknown kind").arg(qs(step.id)));
            step.undo.push_back(std::move(*cmd));
        }
        plan.steps.push_back(std::move(step));
    }
    plan.notes = stringsFromJson(o.value(QStringLiteral("notes")));
    plan.secretNames = stringsFromJson(o.value(QStringLiteral("secretNames")));
    plan.safeMode = o.value(QStringLiteral("safeMode")).toBool();
    plan.createdAtMs = o.value(QStringLiteral("createdAtMs")).toInteger();
    return plan;
}

QJsonObject resultToJson(const OperationResult &r)
{
    QJsonArray steps, post, warnings;
    for (StepState s : r.steps)
        steps.append(qs(stepStateName(s)));
    for (const auto &c : r.postChecks)
        post.append(checkToJson(c));
    for (const auto &w : r.warnings)
        warnings.append(qs(w));
    QJsonObject o{{QStringLiteral("state"), qs(operationStateName(r.state))},
                  {QStringLiteral("ok"), r.ok()},
                  {QStringLiteral("cancelled"), r.cancelled},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("postChecks"), post},
                  {QStringLiteral("warnings"), warnings},
                  {QStringLiteral("startedAtMs"), static_cast<qint64>(r.startedAtMs)},
                  {QStringLiteral("finishedAtMs"), static_cast<qint64>(r.finishedAtMs)}};
    if (r.failedStep)
        o.insert(QStringLiteral("failedStep"), static_cast<qint64>(*r.failedStep));
    if (r.error)
        o.insert(QStringLiteral("error"), qs(r.error->describe()));
    if (!r.failureHint.empty())
        o.insert(QStringLiteral("hint"), qs(r.failureHint));
    if (r.freezeWindow)
        o.insert(QStringLiteral("freezeWindowMs"), static_cast<double>(r.freezeWindow->count()) / 1000.0);
    return o;
}

std::optional<OperationState> JournaledOperation::operationState() const
{
    return parseOperationState(state.toStdString());
}

bool JournaledOperation::unfinished() const
{
    const auto s = operationState();
    return s && !isFinal(*s);
}

OperationJournal::OperationJournal(QString path) : m_path(std::move(path))
{
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("switchyard-journal-%1").arg(++counter);
}

OperationJournal::~OperationJournal()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool OperationJournal::open(QString *error)
{
    m_history = std::make_unique<HistoryDatabase>(m_path);
    if (!m_history->open(&m_lastError)) {
        if (error)
            *error = m_lastError;
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_lastError = Tr::tr("cannot open the operation journal %1: %2").arg(m_path, db.lastError().text());
        if (error)
            *error = m_lastError;
        return false;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS operation (id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL,"
                       " old_primary TEXT, candidate TEXT, plan_json TEXT NOT NULL, started_ms INTEGER NOT NULL,"
                       " updated_ms INTEGER NOT NULL, finished_ms INTEGER, outcome TEXT, pid INTEGER,"
                       " pid_start INTEGER, dismissed INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS operation_step (op_id TEXT NOT NULL, idx INTEGER NOT NULL,"
                       " state TEXT NOT NULL, message TEXT, changed_ms INTEGER NOT NULL, PRIMARY KEY (op_id, idx))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS operation_command (op_id TEXT NOT NULL, step INTEGER NOT NULL,"
                       " seq INTEGER NOT NULL, undo INTEGER NOT NULL, node TEXT, text TEXT, ok INTEGER NOT NULL,"
                       " result TEXT, started_ms INTEGER, elapsed_us INTEGER)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS operation_command_op ON operation_command (op_id, step, seq)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS operation_variable (op_id TEXT NOT NULL, name TEXT NOT NULL,"
                       " value TEXT, PRIMARY KEY (op_id, name))"),
    };
    for (const QString &sql : ddl) {
        if (!q.exec(sql)) {
            m_lastError = Tr::tr("cannot create the operation journal in %1: %2").arg(m_path, q.lastError().text());
            if (error)
                *error = m_lastError;
            return false;
        }
    }
    return true;
}

Status OperationJournal::write(const QString &sql, const QList<QVariant> &values)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return makeError(ErrorCode::Io, "journal: " + m_lastError.toStdString());
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return makeError(ErrorCode::Io, "journal: " + m_lastError.toStdString());
    }
    return okStatus();
}

void OperationJournal::action(const QString &node, const QString &what, const QString &sql, const QString &outcome, bool problem)
{
    if (m_recordActions && m_history)
        m_history->recordAction(nowMs(), node, what, sql, outcome, problem ? Severity::Warning : Severity::Info);
}

QString OperationJournal::titleOf(const std::string &operationId, std::size_t step) const
{
    if (operationId == m_planId && step < static_cast<std::size_t>(m_stepTitles.size()))
        return m_stepTitles.at(static_cast<qsizetype>(step));
    return Tr::tr("step %1").arg(step + 1);
}

Status OperationJournal::operationStarted(const OperationPlan &plan)
{
    const QString json = QString::fromUtf8(QJsonDocument(planToJson(plan)).toJson(QJsonDocument::Compact));
    const qint64 pid = QCoreApplication::applicationPid();
    const qint64 now = nowMs();
    m_planId = plan.id;
    m_stepTitles.clear();
    for (const auto &s : plan.steps)
        m_stepTitles << qs(s.title);
    m_kindName = qs(operationKindName(plan.kind));
    if (auto st = write(QStringLiteral("INSERT INTO operation (id, kind, state, old_primary, candidate, plan_json, started_ms,"
                                       " updated_ms, pid, pid_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {qs(plan.id), m_kindName, QStringLiteral("running"), qs(plan.oldPrimary), qs(plan.candidate), json,
                         now, now, pid, processStartTime(pid).value_or(0)});
        !st)
        return st;
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        if (auto st = write(QStringLiteral("INSERT OR REPLACE INTO operation_step (op_id, idx, state, message, changed_ms)"
                                           " VALUES (?, ?, 'pending', '', ?)"),
                            {qs(plan.id), static_cast<qint64>(i), now});
            !st)
            return st;
    }
    action(qs(plan.candidate), Tr::tr("%1 %2 -> %3 started").arg(m_kindName, qs(plan.oldPrimary), qs(plan.candidate)),
           {}, qs(plan.id), false);
    return okStatus();
}

Status OperationJournal::stepChanged(const std::string &operationId, std::size_t step, StepState state, const std::string &message)
{
    const qint64 now = nowMs();
    if (auto st = write(QStringLiteral("UPDATE operation_step SET state = ?, message = ?, changed_ms = ? WHERE op_id = ? AND idx = ?"),
                        {qs(stepStateName(state)), qs(message), now, qs(operationId), static_cast<qint64>(step)});
        !st)
        return st;
    return write(QStringLiteral("UPDATE operation SET updated_ms = ? WHERE id = ?"), {now, qs(operationId)});
}

Status OperationJournal::commandRecorded(const std::string &operationId, const CommandRecord &r)
{
    Status st = write(QStringLiteral("INSERT INTO operation_command (op_id, step, seq, undo, node, text, ok, result, started_ms,"
                                     " elapsed_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {qs(operationId), static_cast<qint64>(r.step), r.sequence, r.undo ? 1 : 0, qs(r.node), qs(r.text),
                       r.ok ? 1 : 0, qs(r.result), static_cast<qint64>(r.startedAtMs), static_cast<qint64>(r.elapsedUs)});
    const QString what = (r.undo ? Tr::tr("%1 (undo): %2") : Tr::tr("%1: %2")).arg(m_kindName, titleOf(operationId, r.step));
    action(qs(r.node), what, qs(r.text), r.ok ? qs(r.result) : Tr::tr("failed: %1").arg(qs(r.result)), !r.ok);
    return st;
}

Status OperationJournal::variableCaptured(const std::string &operationId, const std::string &name, const std::string &value)
{
    return write(QStringLiteral("INSERT OR REPLACE INTO operation_variable (op_id, name, value) VALUES (?, ?, ?)"),
                 {qs(operationId), qs(name), qs(value)});
}

Status OperationJournal::operationFinished(const std::string &operationId, const OperationResult &result)
{
    const qint64 now = nowMs();
    const QString outcome = QString::fromUtf8(QJsonDocument(resultToJson(result)).toJson(QJsonDocument::Compact));
    // Steps as the result has them (resume/rollback runs may not have journaled every state).
    for (std::size_t i = 0; i < result.steps.size(); ++i)
        (void)write(QStringLiteral("UPDATE operation_step SET state = ? WHERE op_id = ? AND idx = ?"),
                    {qs(stepStateName(result.steps[i])), qs(operationId), static_cast<qint64>(i)});
    const QString state = qs(operationStateName(result.state));
    action(QString(), Tr::tr("%1 finished: %2").arg(m_kindName, state),
           {}, result.error ? qs(result.error->describe()) : state, !result.ok());
    return write(QStringLiteral("UPDATE operation SET state = ?, updated_ms = ?, finished_ms = ?, outcome = ? WHERE id = ?"),
                 {state, now, now, outcome, qs(operationId)});
}

std::optional<JournaledOperation> OperationJournal::load(const QString &id, bool withCommands)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, state, plan_json, started_ms, updated_ms, pid, pid_start, dismissed FROM operation"
                             " WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    JournaledOperation op;
    op.id = id;
    op.kind = parseOperationKind(q.value(0).toString().toStdString()).value_or(OperationKind::Switchover);
    op.state = q.value(7).toInt() ? QStringLiteral("dismissed") : q.value(1).toString();
    const auto doc = QJsonDocument::fromJson(q.value(2).toString().toUtf8());
    auto plan = planFromJson(doc.object(), &m_lastError);
    if (!plan)
        return std::nullopt;
    op.plan = std::move(*plan);
    op.startedAtMs = q.value(3).toLongLong();
    op.updatedAtMs = q.value(4).toLongLong();
    op.pid = q.value(5).toLongLong();
    op.processAlive = op.pid != QCoreApplication::applicationPid() && processAlive(op.pid, q.value(6).toLongLong());
    op.resume.steps.assign(op.plan.steps.size(), StepState::Pending);
    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT idx, state FROM operation_step WHERE op_id = ?"));
    s.addBindValue(id);
    if (s.exec()) {
        while (s.next()) {
            const auto i = static_cast<std::size_t>(s.value(0).toLongLong());
            if (i < op.resume.steps.size())
                op.resume.steps[i] = parseStepState(s.value(1).toString().toStdString()).value_or(StepState::Pending);
        }
    }
    QSqlQuery v(db);
    v.prepare(QStringLiteral("SELECT name, value FROM operation_variable WHERE op_id = ?"));
    v.addBindValue(id);
    if (v.exec()) {
        while (v.next())
            op.resume.variables[v.value(0).toString().toStdString()] = v.value(1).toString().toStdString();
    }
    if (withCommands) {
        QSqlQuery c(db);
        c.prepare(QStringLiteral("SELECT step, seq, undo, node, text, ok, result, started_ms, elapsed_us FROM operation_command"
                                 " WHERE op_id = ? ORDER BY rowid"));
        c.addBindValue(id);
        if (c.exec()) {
            while (c.next()) {
                JournalCommand jc;
                jc.step = c.value(0).toInt();
                jc.sequence = c.value(1).toInt();
                jc.undo = c.value(2).toInt() != 0;
                jc.node = c.value(3).toString();
                jc.text = c.value(4).toString();
                jc.ok = c.value(5).toInt() != 0;
                jc.result = c.value(6).toString();
                jc.startedAtMs = c.value(7).toLongLong();
                jc.elapsedUs = c.value(8).toLongLong();
                op.commands.append(jc);
            }
        }
    }
    return op;
}

QList<JournaledOperation> OperationJournal::unfinished()
{
    QList<JournaledOperation> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id FROM operation WHERE dismissed = 0 AND state IN ('running', 'interrupted',"
                               " 'failed_after_promote', 'planned') ORDER BY started_ms DESC")))
        return out;
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    for (const QString &id : ids) {
        auto op = load(id, true);
        if (op && !op->processAlive)
            out.append(std::move(*op));
    }
    return out;
}

QList<JournaledOperation> OperationJournal::recent(int limit)
{
    QList<JournaledOperation> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM operation ORDER BY started_ms DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    for (const QString &id : ids) {
        if (auto op = load(id, false))
            out.append(std::move(*op));
    }
    return out;
}

bool OperationJournal::dismiss(const QString &id)
{
    action({}, Tr::tr("unfinished operation %1 left as it is").arg(id), {}, Tr::tr("dismissed by the operator"), true);
    return write(QStringLiteral("UPDATE operation SET dismissed = 1, updated_ms = ? WHERE id = ?"), {nowMs(), id}).ok();
}

bool OperationJournal::adopt(const QString &id)
{
    const qint64 pid = QCoreApplication::applicationPid();
    auto op = load(id, false);
    if (op) {
        m_planId = op->plan.id;
        m_stepTitles.clear();
        for (const auto &s : op->plan.steps)
            m_stepTitles << qs(s.title);
        m_kindName = qs(operationKindName(op->plan.kind));
    }
    return write(QStringLiteral("UPDATE operation SET pid = ?, pid_start = ?, state = 'running', updated_ms = ? WHERE id = ?"),
                 {pid, processStartTime(pid).value_or(0), nowMs(), id})
        .ok();
}

} // namespace switchyard::ui
