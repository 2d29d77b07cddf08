// LocalNodeControl for the console's own sandboxes: it can stop and start a node's server,
// read a stopped PostgreSQL data directory's checkpoint location, pg_rewind it and make it a
// standby - everything a real cluster's operator would do on the database host.
//
// Nodes of a plan are matched to sandbox nodes by port on 127.0.0.1 (plans name nodes as the
// profile or discovery does).
//
// Thread contract: not thread-safe; the executor calls it from its worker thread. Every call
// blocks for at most its timeout (start: the sandbox's own bound, well under a minute).
#pragma once

#include "switchyard/core/operation_executor.h"
#include "switchyard/core/sandbox.h"

#include <string>

namespace switchyard::core {

class SandboxNodeControl : public LocalNodeControl
{
public:
    // root: the SandboxManager root ("" for the default); name: the sandbox.
    SandboxNodeControl(std::string root, std::string name);

    // Loads the sandbox (node list, credentials); false when it does not exist.
    Status load();
    const SandboxInfo &info() const { return m_info; }

    bool controls(const PlanNode &node) const override;
    Status stopServer(const PlanNode &node, std::chrono::milliseconds timeout) override;
    Status startServer(const PlanNode &node, std::chrono::milliseconds timeout) override;
    Result<std::string> checkpointLsn(const PlanNode &node) override;
    Status rewind(const PlanNode &node, const PlanNode &source, std::chrono::milliseconds timeout) override;
    Status configureStandby(const PlanNode &node, const std::string &primaryConninfo, const std::string &slot) override;

private:
    const SandboxNode *match(const PlanNode &node) const;
    Result<std::string> binary(const std::string &name) const;

    std::string m_root;
    std::string m_name;
    SandboxInfo m_info;
    bool m_loaded = false;
};

} // namespace switchyard::core
