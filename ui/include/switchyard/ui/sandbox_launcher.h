// Deploys or reuses a local sandbox cluster without blocking the GUI thread: SandboxManager::up
// runs on a pool thread, the result comes back as a signal on the launcher's thread.
//
// Thread contract: create and use on the GUI thread. If the launcher is destroyed while `up`
// runs, the result is dropped (the sandbox still comes up, as it would from the CLI).
#pragma once

#include "switchyard/core/sandbox.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace switchyard::ui {

class SandboxLauncher : public QObject
{
    Q_OBJECT
public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    void launch(const core::SandboxSpec &spec);
    bool isBusy() const { return m_watcher.isRunning(); }

signals:
    void launched(const switchyard::core::SandboxUpResult &result);
    void failed(const switchyard::Error &error);

private:
    struct Outcome  // default-constructible carrier for QFuture
    {
        std::optional<core::SandboxUpResult> result;
        std::optional<Error> error;
    };
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace switchyard::ui
