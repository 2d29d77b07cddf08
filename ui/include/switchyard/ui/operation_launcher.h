// How the console starts guided operations: resolve the admin password and the replication
// account for a profile (sandbox credentials file, SWITCHYARD_PASSWORD /
// SWITCHYARD_REPLICATION_PASSWORD, the keychain; asking the user when none has it), build the
// OperationEnvironment from the monitor's latest snapshot, then open the wizard or the
// "resume or roll back?" dialogs.
//
// MainWindow wiring (the lead's): a "Switchover..." and a "Failover..." action call
// openOperationWizard(); after a profile is opened, checkUnfinishedOperations(); on the
// wizard's operationFinished the monitor polls at once.
//
// Thread contract: GUI thread; nothing here waits on the network (the keychain answers
// asynchronously, the journal is a local file).
#pragma once

#include "switchyard/core/operation.h"
#include "switchyard/core/snapshot.h"
#include "switchyard/ui/operation_environment.h"
#include "switchyard/ui/profile.h"

#include <functional>
#include <memory>

class QWidget;

namespace switchyard::ui {

class OperationWizard;
class SecretStore;

// Resolves the credentials, then calls `ready` with the environment (not called when the
// user cancels a password prompt). `secrets` may be null (no keychain).
void resolveOperationEnvironment(QWidget *parent, const Profile &profile,
                                 std::shared_ptr<const core::ClusterSnapshot> snapshot, SecretStore *secrets,
                                 std::function<void(const OperationEnvironment &)> ready);

// Opens the switchover or failover wizard (window-modal, deleted on close). `opened`, when
// given, receives it (to connect operationFinished to a monitor refresh).
void openOperationWizard(QWidget *parent, core::OperationKind kind, const Profile &profile,
                         std::shared_ptr<const core::ClusterSnapshot> snapshot, SecretStore *secrets,
                         std::function<void(OperationWizard *)> opened = {});

// When the profile's journal has unfinished operations (their process gone), resolves the
// credentials and shows a "resume or roll back?" dialog for each. Returns how many there are
// (0: nothing is shown and no password is asked for).
int checkUnfinishedOperations(QWidget *parent, const Profile &profile,
                              std::shared_ptr<const core::ClusterSnapshot> snapshot, SecretStore *secrets);

} // namespace switchyard::ui
