#include "switchyard/ui/operation_launcher.h"

#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/history_database.h"
#include "switchyard/ui/operation_dialogs.h"
#include "switchyard/ui/operation_wizard.h"
#include "switchyard/ui/secret_store.h"
#include "switchyard/ui/tr.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>
#include <QWidget>

namespace switchyard::ui {

using namespace core;

namespace {

std::optional<QString> askPassword(QWidget *parent, const QString &title, const QString &label)
{
    bool ok = false;
    const QString pw = QInputDialog::getText(parent, title, label, QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return pw;
}

} // namespace

void resolveOperationEnvironment(QWidget *parent, const Profile &profile, std::shared_ptr<const ClusterSnapshot> snapshot,
                                 SecretStore *secrets, std::function<void(const OperationEnvironment &)> ready)
{
    QPointer<QWidget> guard = parent;
    auto resolver = std::make_shared<CredentialResolver>(secrets);
    resolver->resolve(profile, profile.adminUser, parent,
                      [guard, profile, snapshot, secrets, ready, resolver](const CredentialOutcome &admin) {
        if (!guard)
            return;
        QString adminPassword = admin.password;
        if (!admin.found()) {
            auto pw = askPassword(guard, Tr::tr("Admin password"),
                                  Tr::tr("Password of %1 (the account for topology changes) on %2:%3")
                                      .arg(profile.adminUser, profile.name,
                                           admin.problem.isEmpty() ? QString() : QStringLiteral("\n") + admin.problem));
            if (!pw)
                return;
            adminPassword = *pw;
        }
        auto finish = [guard, profile, snapshot, adminPassword, ready](const ReplicationCredentials &replication) {
            if (!guard)
                return;
            ready(environmentFor(profile, snapshot ? *snapshot : ClusterSnapshot(), adminPassword, replication));
        };
        if (auto sandbox = sandboxReplication(profile)) {
            finish(*sandbox);
            return;
        }
        const QString user = snapshot ? replicationUserOf(*snapshot) : QString();
        const QString env = qEnvironmentVariable("SWITCHYARD_REPLICATION_PASSWORD");
        if (!user.isEmpty() && !env.isEmpty()) {
            finish({user.toStdString(), env.toStdString()});
            return;
        }
        auto askRepl = [guard, finish](QString name) {
            if (!guard)
                return;
            if (name.isEmpty()) {
                bool ok = false;
                name = QInputDialog::getText(guard, Tr::tr("Replication account"),
                                             Tr::tr("The replication account the demoted primary will use (leave empty to "
                                                    "keep it out of replication):"),
                                             QLineEdit::Normal, QString(), &ok);
                if (!ok || name.isEmpty()) {
                    finish({});
                    return;
                }
            }
            auto pw = askPassword(guard, Tr::tr("Replication password"), Tr::tr("Password of the replication account %1:").arg(name));
            finish({name.toStdString(), pw ? pw->toStdString() : std::string()});
        };
        if (user.isEmpty() || !secrets) {
            askRepl(user);
            return;
        }
        secrets->readSecret(SecretStore::keyFor(profile.name, user), guard,
                            [user, finish, askRepl](const SecretResult &r) {
                                if (r.ok())
                                    finish({user.toStdString(), r.secret.toStdString()});
                                else
                                    askRepl(user);
                            });
    });
}

void openOperationWizard(QWidget *parent, OperationKind kind, const Profile &profile,
                         std::shared_ptr<const ClusterSnapshot> snapshot, SecretStore *secrets,
                         std::function<void(OperationWizard *)> opened)
{
    QPointer<QWidget> guard = parent;
    resolveOperationEnvironment(parent, profile, std::move(snapshot), secrets, [guard, kind, opened](const OperationEnvironment &env) {
        if (!guard)
            return;
        auto *wizard = new OperationWizard(kind, env, guard);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->setWindowModality(Qt::WindowModal);
        if (opened)
            opened(wizard);
        wizard->show();
    });
}

int checkUnfinishedOperations(QWidget *parent, const Profile &profile, std::shared_ptr<const ClusterSnapshot> snapshot,
                              SecretStore *secrets)
{
    const int count = static_cast<int>(unfinishedOperations(HistoryDatabase::defaultPath(profile.name)).size());
    if (count == 0)
        return 0;
    QPointer<QWidget> guard = parent;
    resolveOperationEnvironment(parent, profile, std::move(snapshot), secrets, [guard](const OperationEnvironment &env) {
        if (guard)
            offerUnfinishedOperations(guard, env);
    });
    return count;
}

} // namespace switchyard::ui
