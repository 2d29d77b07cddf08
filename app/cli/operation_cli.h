// switchyard-cli switchover / failover: the shared body of both commands (cmd_switchover.cpp,
// cmd_failover.cpp). Reads the cluster with the profile's admin account, prints every
// preflight check and the plan with the exact SQL per node; with --yes runs it, printing each
// statement as it runs, journaled in the profile's history database like the console's wizard.
// Without --yes it stops after the plan. A non-zero exit names the failed check or step.
//
// An unfinished operation in the journal (a crashed or killed run) blocks new ones until it is
// resumed (--resume --yes), rolled back (--rollback --yes) or dismissed (--dismiss).
#pragma once

#include "switchyard/core/operation.h"

#include <QStringList>

namespace switchyard::cli {

int runOperationCommand(core::OperationKind kind, const QStringList &args);

} // namespace switchyard::cli
