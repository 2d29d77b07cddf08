// switchyard-cli switchover --profile NAME [--to NODE] [--dry-run] [--yes] ...
#include "cli_common.h"
#include "operation_cli.h"

namespace switchyard::cli {

int runSwitchover(const QStringList &args)
{
    return runOperationCommand(core::OperationKind::Switchover, args);
}

} // namespace switchyard::cli
