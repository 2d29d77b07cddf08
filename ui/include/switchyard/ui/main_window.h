// The console's main window: a sidebar of saved cluster profiles and, for the open cluster,
// its nodes (role, version, reachability, lag) as the monitor sees them.
//
// Thread contract: GUI thread only. Nothing here touches the network: sandboxes start on a
// pool thread (SandboxLauncher), nodes are polled by ClusterMonitor's workers, and keychain
// calls are asynchronous.
#pragma once

#include "switchyard/core/snapshot.h"
#include "switchyard/ui/profile.h"
#include "switchyard/ui/profile_store.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QPushButton;

namespace switchyard::ui {

class ClusterMonitor;
class ClusterView;
class MonitoringView;
class RoutingPreview;
class NodeTableModel;
class SandboxLauncher;
class SecretStore;

struct MainWindowOptions
{
    QString profileDirectory;            // empty: ProfileStore::defaultDirectory()
    QString sandboxRoot;                 // empty: SandboxManager::defaultRoot()
    SecretStore *secretStore = nullptr;  // nullptr: the OS keychain
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    using Options = MainWindowOptions;

    explicit MainWindow(Options options = Options(), QWidget *parent = nullptr);
    ~MainWindow() override;

    void reloadProfiles();
    void openProfile(const QString &name);
    void openProfile(const Profile &profile);
    // Deploys (or reuses) the sandbox for `engine`, registers its profile and opens it.
    void openSandbox(core::Engine engine, const QString &name = {});

    // Profile management (sidebar buttons and context menu). The dialogs are interactive;
    // storeProfile() is what they end in, and what tests call.
    void newProfile();
    void editProfile(const QString &name);
    void duplicateProfile(const QString &name);
    void deleteProfile(const QString &name);
    void importProfile();
    void exportProfile(const QString &name);
    bool storeProfile(const Profile &profile, const QString &previousName, const QString &monitorPassword,
                      const QString &adminPassword);

    // Guided operations on the open cluster (they use the profile's admin account).
    void openChecksum();
    void openSwitchover();
    void openFailover();

    ClusterMonitor *monitor() const { return m_monitor; }
    NodeTableModel *nodeModel() const;
    QTableView *nodeView() const;
    ClusterView *clusterView() const { return m_clusterView; }
    MonitoringView *monitoringView() const { return m_monitoringView; }
    RoutingPreview *routingPreview() const { return m_routingPreview; }
    QListWidget *profileList() const { return m_profileList; }
    QString bannerText() const;
    QString statusText() const;
    const Profile *currentProfile() const { return m_profile ? m_profile.get() : nullptr; }

signals:
    void snapshotShown(std::shared_ptr<const switchyard::core::ClusterSnapshot> snapshot);
    void openFailed(const QString &message);

private:
    void buildUi();
    void showBanner(const QString &text, bool error);
    void clearBanner();
    void startMonitor(const Profile &profile, const QString &password);
    void closeCluster();
    void onSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot);
    void askPassword(const Profile &profile, const QString &why, bool keychainUsable);
    void fail(const QString &message);
    void runProfileDialog(const Profile &initial, const QString &previousName, const QString &title);
    // Resolves the admin password of the open profile (sandbox, environment, keychain, else a
    // prompt) and calls `then` with it; says why when there is none.
    void withAdminPassword(std::function<void(const QString &password)> then);
    // Options to reach a discovered node as the admin account.
    core::ConnectionOptions adminOptions(const core::NodeStatus &node, const QString &password) const;
    // The latest snapshot, or a banner saying why there is none yet.
    std::shared_ptr<const core::ClusterSnapshot> currentSnapshotOrSay();
    void openOperation(int kind);
    bool m_unfinishedChecked = false;  // the journal was looked at for the open profile
    QString selectedProfileName() const;

    Options m_options;
    ProfileStore m_store;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<Profile> m_profile;
    ClusterMonitor *m_monitor = nullptr;
    SandboxLauncher *m_launcher = nullptr;

    QListWidget *m_profileList = nullptr;
    QLabel *m_profileProblems = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_welcome = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_subHeader = nullptr;
    QLabel *m_banner = nullptr;
    ClusterView *m_clusterView = nullptr;
    MonitoringView *m_monitoringView = nullptr;
    RoutingPreview *m_routingPreview = nullptr;
    QTabWidget *m_clusterTabs = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_mariaButton = nullptr;
    QPushButton *m_pgButton = nullptr;
};

} // namespace switchyard::ui
