#include "switchyard/ui/routing_preview_verify.h"

#include "switchyard/core/probe.h"
#include "switchyard/routing/classifier.h"
#include "switchyard/ui/tr.h"

#include <QDateTime>

#include <algorithm>

namespace switchyard::ui {

using namespace switchyard::routing;

std::optional<QString> verifyRefusal(std::string_view sql, const PreviewSettings &settings)
{
    Classifier classifier(settings.dialect);
    PacketInfo packet;
    classifier.classify(sql, settings.lexOptions(), packet);
    if (packet.statements.empty())
        return Tr::tr("There is no statement to run.");
    if (packet.statements.size() > 1)
        return Tr::tr("Only one statement at a time is verified; select a single read.");
    const StatementInfo &st = packet.statements.front();
    if (st.kind != StatementKind::Read || st.requirement != Requirement::Read)
        return Tr::tr("Not run: the classifier does not call this a pure read (%1, %2).")
            .arg(qs(statementKindName(st.kind)), qs(requirementName(st.requirement)));
    if (st.flags & (kPrimaryFlags | FlagRelatesToPrevious | FlagExecutesInner))
        return Tr::tr("Not run: the statement writes, locks, executes something or depends on the session.");
    if (packet.lexFlags & LexUnterminated)
        return Tr::tr("Not run: an unterminated literal or comment.");
    return std::nullopt;
}

void VerifyControl::requestCancel()
{
    std::lock_guard lock(m_mutex);
    m_cancel = true;
}

bool VerifyControl::cancelRequested() const
{
    std::lock_guard lock(m_mutex);
    return m_cancel;
}

void VerifyControl::setCanceller(std::shared_ptr<core::Canceller> canceller)
{
    std::lock_guard lock(m_mutex);
    m_canceller = std::move(canceller);
}

void VerifyControl::cancelNow()
{
    std::shared_ptr<core::Canceller> c;
    {
        std::lock_guard lock(m_mutex);
        m_cancel = true;
        c = m_canceller;
    }
    if (c)
        (void)c->cancel();
}

namespace {

std::string withoutTrailingSemicolons(std::string sql)
{
    while (!sql.empty() && (sql.back() == ';' || sql.back() == ' ' || sql.back() == '\n' ||
                            sql.back() == '\t' || sql.back() == '\r'))
        sql.pop_back();
    return sql;
}

bool cursorable(std::string_view sql, Dialect dialect)
{
    Classifier classifier(dialect);
    const PacketInfo p = classifier.classify(sql);
    if (p.statements.size() != 1)
        return false;
    const Command c = p.statements.front().command;
    return c == Command::Select || c == Command::With || c == Command::Table || c == Command::Values;
}

} // namespace

VerifyResult runVerify(const VerifyRequest &request, std::shared_ptr<VerifyControl> control)
{
    VerifyResult out;
    const auto finish = [&out]() -> VerifyResult & {
        out.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
        return out;
    };
    if (control->cancelRequested()) {
        out.cancelled = true;
        return finish();
    }
    core::ConnectionOptions options = request.options;
    // The client gives up a little after the server should have.
    options.readTimeout = request.timeout + std::chrono::milliseconds(2000);
    auto connection = core::createConnection(options);
    if (Status s = connection->connect(); !s) {
        out.error = s.error();
        return finish();
    }
    control->setCanceller(connection->canceller());
    out.serverVersion = connection->serverInfo().versionString;
    const bool pg = request.options.engine == core::Engine::PostgreSQL;
    const bool maria = connection->serverInfo().flavor == core::Flavor::MariaDB;
    const int limit = std::max(1, request.rowLimit);
    const std::string sql = withoutTrailingSemicolons(request.sql);

    const auto fail = [&](const Error &e) -> VerifyResult & {
        if (e.code == ErrorCode::Cancelled || control->cancelRequested())
            out.cancelled = true;
        else
            out.error = e;
        return finish();
    };
    std::vector<std::string> setup;
    if (pg) {
        setup = {"BEGIN READ ONLY",
                 "SET LOCAL statement_timeout = " + std::to_string(request.timeout.count())};
    } else {
        setup.push_back("SET SESSION sql_select_limit = " + std::to_string(limit + 1));
        if (maria)
            setup.push_back("SET SESSION max_statement_time = " +
                            std::to_string(request.timeout.count() / 1000.0));
        else
            setup.push_back("SET SESSION max_execution_time = " + std::to_string(request.timeout.count()));
        setup.push_back("START TRANSACTION READ ONLY");
    }
    for (const std::string &s : setup) {
        if (auto r = connection->execute(s); !r)
            return fail(r.error());
    }
    if (control->cancelRequested()) {
        out.cancelled = true;
        return finish();
    }
    const auto started = std::chrono::steady_clock::now();
    Result<core::QueryResult> rows = [&]() -> Result<core::QueryResult> {
        if (pg && cursorable(sql, request.dialect)) {
            // A cursor: the server stops after the limit instead of sending everything.
            if (auto d = connection->execute("DECLARE switchyard_verify NO SCROLL CURSOR FOR " + sql); !d)
                return d.error();
            return connection->query("FETCH FORWARD " + std::to_string(limit + 1) +
                                     " FROM switchyard_verify");
        }
        return connection->query(sql);
    }();
    out.elapsedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    if (!rows)
        return fail(rows.error());
    out.rows = std::move(rows).value();
    if (out.rows.rows.size() > static_cast<std::size_t>(limit)) {
        out.rows.rows.resize(static_cast<std::size_t>(limit));
        out.truncated = true;
    }
    (void)connection->execute("ROLLBACK");
    if (!pg)
        (void)connection->execute("SET SESSION sql_select_limit = DEFAULT");

    // The lag right now, on the same connection: what the monitor's probe reads.
    core::NodeStatus status;
    status.name = options.label();
    status.host = options.host;
    status.port = options.port;
    if (connection->isOpen()) {
        const Status probed = core::probeNode(*connection, status);
        out.lagMeasured = static_cast<bool>(probed) || status.lagSeconds.has_value();
        out.lagSeconds = status.lagSeconds;
    }
    connection->close();
    control->setCanceller(nullptr);
    return finish();
}

} // namespace switchyard::ui
