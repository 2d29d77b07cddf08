#include "switchyard/ui/secret_store.h"
#include "switchyard/ui/tr.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#ifdef SWITCHYARD_HAVE_DBUS
#include <QDBusConnection>
#endif

namespace switchyard::ui {

QString SecretStore::keyFor(const QString &profileName, const QString &user)
{
    return QStringLiteral("profile/%1/user/%2").arg(profileName, user);
}

SecretResult SecretStore::readBlocking(const QString &key, int timeoutMs)
{
    SecretResult result;
    result.status = SecretResult::Status::Unavailable;
    result.message = Tr::tr("the keychain did not answer within %1 ms").arg(timeoutMs);
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    readSecret(key, &loop, [&](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

namespace {

SecretResult fromJob(const QKeychain::Job &job)
{
    SecretResult r;
    r.message = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError: r.status = SecretResult::Status::Ok; break;
    case QKeychain::EntryNotFound: r.status = SecretResult::Status::NotFound; break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied: r.status = SecretResult::Status::Unavailable; break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError: r.status = SecretResult::Status::Failed; break;
    }
    // libsecret reports "no keychain" situations (no session bus, a locked or missing
    // collection) as OtherError; treat them as unavailable so the user is asked for the
    // password instead of shown a failure.
    if (r.status == SecretResult::Status::Failed) {
#ifdef SWITCHYARD_HAVE_DBUS
        if (!QDBusConnection::sessionBus().isConnected())
            r.status = SecretResult::Status::Unavailable;
#endif
        if (r.message.contains(QLatin1String("locked"), Qt::CaseInsensitive)
            || r.message.contains(QLatin1String("does not exist at path"), Qt::CaseInsensitive))
            r.status = SecretResult::Status::Unavailable;
    }
    return r;
}

template <typename JobT>
void runJob(JobT *job, QObject *context, SecretStore::Callback done)
{
    QPointer<QObject> guard(context);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never a plaintext file
    QObject::connect(job, &QKeychain::Job::finished, context, [job, guard, done = std::move(done)] {
        if (!guard)
            return;
        SecretResult r = fromJob(*job);
        if constexpr (std::is_same_v<JobT, QKeychain::ReadPasswordJob>) {
            if (r.ok())
                r.secret = job->textData();
        }
        done(r);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent), m_service(std::move(service))
{
}

void KeychainSecretStore::readSecret(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    runJob(job, context, std::move(done));
}

void KeychainSecretStore::writeSecret(const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, context, std::move(done));
}

void KeychainSecretStore::deleteSecret(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    runJob(job, context, std::move(done));
}

void MemorySecretStore::answer(QObject *context, Callback done, SecretResult result)
{
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this, [guard, done = std::move(done), result] {
        if (guard)
            done(result);
    });
}

void MemorySecretStore::readSecret(const QString &key, QObject *context, Callback done)
{
    SecretResult r;
    if (m_unavailable) {
        r.status = SecretResult::Status::Unavailable;
        r.message = QStringLiteral("no keychain (test)");
    } else if (auto it = m_secrets.find(key); it != m_secrets.end()) {
        r.status = SecretResult::Status::Ok;
        r.secret = it->second;
    } else {
        r.status = SecretResult::Status::NotFound;
    }
    answer(context, std::move(done), r);
}

void MemorySecretStore::writeSecret(const QString &key, const QString &secret, QObject *context, Callback done)
{
    SecretResult r;
    r.status = m_unavailable ? SecretResult::Status::Unavailable : SecretResult::Status::Ok;
    if (!m_unavailable)
        m_secrets[key] = secret;
    answer(context, std::move(done), r);
}

void MemorySecretStore::deleteSecret(const QString &key, QObject *context, Callback done)
{
    SecretResult r;
    r.status = m_unavailable ? SecretResult::Status::Unavailable
                             : (m_secrets.erase(key) ? SecretResult::Status::Ok : SecretResult::Status::NotFound);
    answer(context, std::move(done), r);
}

} // namespace switchyard::ui
