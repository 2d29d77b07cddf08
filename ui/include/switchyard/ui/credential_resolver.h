// Finds the password for a profile's user: from the sandbox directory for sandbox profiles,
// else the SWITCHYARD_PASSWORD environment variable, else the OS keychain. When none has it,
// the outcome says so and why (not stored yet / no keychain answers), and the caller asks the
// user: the GUI with a dialog, the CLI on a terminal only.
//
// Thread contract: GUI thread (or a thread with an event loop); the sandbox lookup reads a
// small local file, the keychain lookup is asynchronous.
#pragma once

#include "switchyard/ui/profile.h"
#include "switchyard/ui/secret_store.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace switchyard::ui {

struct CredentialOutcome
{
    enum class Source { None, Sandbox, Environment, Keychain };
    Source source = Source::None;
    QString password;         // valid when source != None
    bool keychainUnavailable = false;
    QString problem;          // when source == None: why nothing was found (translated)

    bool found() const { return source != Source::None; }
};

class CredentialResolver
{
public:
    explicit CredentialResolver(SecretStore *store) : m_store(store) {}

    // Sandbox profiles only: the password of `user` from the sandbox's credentials file.
    static std::optional<QString> sandboxPassword(const Profile &profile, const QString &user, QString *problem);

    void resolve(const Profile &profile, const QString &user, QObject *context,
                 std::function<void(const CredentialOutcome &)> done) const;

private:
    SecretStore *m_store;
};

} // namespace switchyard::ui
