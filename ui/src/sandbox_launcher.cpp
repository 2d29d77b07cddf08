#include "switchyard/ui/sandbox_launcher.h"

#include <QtConcurrent/QtConcurrentRun>

namespace switchyard::ui {

SandboxLauncher::SandboxLauncher(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        if (outcome.result)
            emit launched(*outcome.result);
        else
            emit failed(outcome.error.value_or(makeError(ErrorCode::Internal, "sandbox launch gave no result")));
    });
}

SandboxLauncher::~SandboxLauncher()
{
    // Do not wait for `up`: it is bounded by its own timeouts and owns nothing of ours.
    m_watcher.disconnect(this);
}

void SandboxLauncher::launch(const core::SandboxSpec &spec)
{
    m_watcher.setFuture(QtConcurrent::run([spec]() -> Outcome {
        core::SandboxManager manager(spec.rootDir);
        auto r = manager.up(spec);
        Outcome o;
        if (r)
            o.result = std::move(r).value();
        else
            o.error = r.error();
        return o;
    }));
}

} // namespace switchyard::ui
