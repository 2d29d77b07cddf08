// A scripted Connection for unit tests of logic above the drivers (probes, topology, plans).
// Answers are matched by the statement's prefix; every statement is recorded, so tests can
// count round trips. Never a substitute for the integration tests against real servers.
#pragma once

#include "switchyard/core/connection.h"

#include <map>
#include <string>
#include <vector>

namespace switchyard::testing {

class FakeConnection : public core::Connection
{
public:
    explicit FakeConnection(core::ConnectionOptions options, core::ServerInfo info)
        : m_options(std::move(options)), m_info(std::move(info))
    {
    }

    // The answer to statements starting with `prefix`.
    void answer(std::string prefix, core::QueryResult result) { m_answers[std::move(prefix)] = std::move(result); }
    void fail(std::string prefix, Error error) { m_failures[std::move(prefix)] = std::move(error); }
    const std::vector<std::string> &statements() const { return m_statements; }

    Status connect() override
    {
        m_open = true;
        return okStatus();
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }

    Result<core::QueryResult> query(std::string_view sql) override
    {
        m_statements.emplace_back(sql);
        for (const auto &[prefix, error] : m_failures) {
            if (sql.substr(0, prefix.size()) == prefix)
                return error;
        }
        // Longest matching prefix wins.
        const core::QueryResult *best = nullptr;
        std::size_t bestLen = 0;
        for (const auto &[prefix, result] : m_answers) {
            if (sql.substr(0, prefix.size()) == prefix && prefix.size() >= bestLen) {
                best = &result;
                bestLen = prefix.size();
            }
        }
        if (!best)
            return makeError(ErrorCode::QueryFailed, "fake: no answer scripted for: " + std::string(sql), m_options.label());
        return *best;
    }
    Result<std::uint64_t> execute(std::string_view sql) override
    {
        auto r = query(sql);
        if (!r)
            return r.error();
        return r->affectedRows;
    }
    const core::ServerInfo &serverInfo() const override { return m_info; }
    const core::ConnectionOptions &options() const override { return m_options; }
    std::shared_ptr<core::Canceller> canceller() override { return nullptr; }
    std::string quoteLiteral(std::string_view text) const override { return "'" + std::string(text) + "'"; }
    std::string quoteIdentifier(std::string_view text) const override { return "`" + std::string(text) + "`"; }

private:
    core::ConnectionOptions m_options;
    core::ServerInfo m_info;
    std::map<std::string, core::QueryResult> m_answers;
    std::map<std::string, Error> m_failures;
    std::vector<std::string> m_statements;
    bool m_open = false;
};

inline core::QueryResult table(std::vector<std::string> columns,
                               std::vector<std::vector<std::optional<std::string>>> rows)
{
    core::QueryResult r;
    r.columns = std::move(columns);
    r.rows = std::move(rows);
    return r;
}

} // namespace switchyard::testing
