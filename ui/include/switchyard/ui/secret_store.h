// Where passwords live: the OS keychain through QtKeychain (gnome-keyring/libsecret, KWallet,
// macOS Keychain, Windows Credential Store). Never a file: QtKeychain's plaintext fallback is
// switched off, and when no keychain answers the console asks for the password each time and
// says why.
//
// Thread contract: GUI thread (or any thread with an event loop). Calls are asynchronous; the
// callback runs later on the caller's thread, and not at all if `context` was destroyed first.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <map>

namespace switchyard::ui {

struct SecretResult
{
    enum class Status {
        Ok,           // done; `secret` holds the password for reads
        NotFound,     // nothing stored under that key
        Unavailable,  // no keychain answers (no D-Bus session, locked, no backend)
        Failed,       // the keychain answered with an error
    };
    Status status = Status::Failed;
    QString secret;
    QString message;  // the keychain's own error text, for the user's explanation

    bool ok() const { return status == Status::Ok; }
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void readSecret(const QString &key, QObject *context, Callback done) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) = 0;
    virtual void deleteSecret(const QString &key, QObject *context, Callback done) = 0;

    // The key a profile's password for `user` is stored under.
    static QString keyFor(const QString &profileName, const QString &user);
    // Runs a nested event loop until the answer arrives or `timeoutMs` passes (CLI only; never
    // on the GUI thread).
    SecretResult readBlocking(const QString &key, int timeoutMs = 10000);
};

// The OS keychain. Service name "switchyard" (tests may pass another).
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("switchyard"), QObject *parent = nullptr);

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void deleteSecret(const QString &key, QObject *context, Callback done) override;

private:
    QString m_service;
};

// In memory, for unit tests and for "remember for this session only".
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void deleteSecret(const QString &key, QObject *context, Callback done) override;

private:
    void answer(QObject *context, Callback done, SecretResult result);
    std::map<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace switchyard::ui
