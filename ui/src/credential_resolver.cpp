#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/tr.h"

#include "switchyard/core/sandbox.h"

namespace switchyard::ui {

std::optional<QString> CredentialResolver::sandboxPassword(const Profile &profile, const QString &user,
                                                           QString *problem)
{
    const core::SandboxManager manager(profile.sandboxRoot.toStdString());
    auto info = manager.status(profile.sandboxName.toStdString());
    if (!info) {
        if (problem)
            *problem = Tr::tr("Cannot read the credentials of sandbox \"%1\": %2")
                           .arg(profile.sandboxName, describeError(info.error()));
        return std::nullopt;
    }
    const std::string u = user.toStdString();
    const core::SandboxCredentials &c = info->credentials;
    for (const core::SandboxAccount *a : {&c.monitor, &c.admin, &c.replication, &c.application}) {
        if (a->user == u)
            return qs(a->password);
    }
    if (problem)
        *problem = Tr::tr("Sandbox \"%1\" has no account named \"%2\"").arg(profile.sandboxName, user);
    return std::nullopt;
}

void CredentialResolver::resolve(const Profile &profile, const QString &user, QObject *context,
                                 std::function<void(const CredentialOutcome &)> done) const
{
    CredentialOutcome outcome;
    if (profile.isSandbox()) {
        if (auto pw = sandboxPassword(profile, user, &outcome.problem)) {
            outcome.source = CredentialOutcome::Source::Sandbox;
            outcome.password = *pw;
        }
        done(outcome);
        return;
    }
    const QString env = qEnvironmentVariable("SWITCHYARD_PASSWORD");
    if (!env.isEmpty()) {
        outcome.source = CredentialOutcome::Source::Environment;
        outcome.password = env;
        done(outcome);
        return;
    }
    if (!m_store) {
        outcome.keychainUnavailable = true;
        outcome.problem = Tr::tr("No keychain is configured");
        done(outcome);
        return;
    }
    m_store->readSecret(SecretStore::keyFor(profile.name, user), context,
                        [done = std::move(done), user, name = profile.name](const SecretResult &r) {
                            CredentialOutcome o;
                            switch (r.status) {
                            case SecretResult::Status::Ok:
                                o.source = CredentialOutcome::Source::Keychain;
                                o.password = r.secret;
                                break;
                            case SecretResult::Status::NotFound:
                                o.problem = Tr::tr("No password for %1 is stored in the keychain for profile \"%2\"")
                                                .arg(user, name);
                                break;
                            case SecretResult::Status::Unavailable:
                                o.keychainUnavailable = true;
                                o.problem = Tr::tr("No keychain is available (%1), so the password cannot be "
                                                   "remembered and is asked for each time")
                                                .arg(r.message);
                                break;
                            case SecretResult::Status::Failed:
                                o.problem = Tr::tr("The keychain failed: %1").arg(r.message);
                                break;
                            }
                            done(o);
                        });
}

} // namespace switchyard::ui
