// switchyard-cli failover --profile NAME [--to NODE] [--safe] [--dry-run] [--yes] ...
#include "cli_common.h"
#include "operation_cli.h"

namespace switchyard::cli {

int runFailover(const QStringList &args)
{
    return runOperationCommand(core::OperationKind::Failover, args);
}

} // namespace switchyard::cli
