#include "switchyard/ui/main_window.h"

#include "switchyard/core/checksum.h"
#include "switchyard/core/sandbox.h"
#include "switchyard/ui/cluster_monitor.h"
#include "switchyard/ui/checksum_dialog.h"
#include "switchyard/ui/cluster_view.h"
#include "switchyard/ui/credential_resolver.h"
#include "switchyard/ui/monitoring_view.h"
#include "switchyard/ui/node_table_model.h"
#include "switchyard/ui/operation_launcher.h"
#include "switchyard/ui/operation_wizard.h"
#include "switchyard/ui/routing_preview.h"
#include "switchyard/ui/topology_view.h"
#include "switchyard/ui/profile_dialog.h"
#include "switchyard/ui/sandbox_launcher.h"
#include "switchyard/ui/secret_store.h"
#include "switchyard/ui/tr.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace switchyard::ui {

namespace {

enum Page { WelcomePage = 0, ClusterPage = 1 };

QString engineTitle(core::Engine engine)
{
    return engine == core::Engine::PostgreSQL ? Tr::tr("PostgreSQL") : Tr::tr("MySQL / MariaDB");
}

} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options)), m_store(m_options.profileDirectory)
{
    m_secrets = m_options.secretStore ? m_options.secretStore : new KeychainSecretStore(QStringLiteral("switchyard"), this);
    m_launcher = new SandboxLauncher(this);
    buildUi();
    reloadProfiles();

    connect(m_launcher, &SandboxLauncher::launched, this, [this](const core::SandboxUpResult &r) {
        QString error;
        if (!registerSandboxProfile(r.info, m_store, &error)) {
            fail(Tr::tr("The sandbox \"%1\" is running, but its profile could not be saved: %2").arg(qs(r.info.name), error));
            return;
        }
        reloadProfiles();
        statusBar()->showMessage(r.alreadyRunning ? Tr::tr("Sandbox \"%1\" was already running").arg(qs(r.info.name))
                                 : r.restarted    ? Tr::tr("Sandbox \"%1\" restarted").arg(qs(r.info.name))
                                                  : Tr::tr("Sandbox \"%1\" deployed in %2 s")
                                                     .arg(qs(r.info.name))
                                                     .arg(static_cast<double>(r.elapsed.count()) / 1000.0, 0, 'f', 1),
                                 8000);
        openProfile(qs(r.info.name));
    });
    connect(m_launcher, &SandboxLauncher::failed, this, [this](const Error &e) {
        m_mariaButton->setEnabled(true);
        m_pgButton->setEnabled(true);
        fail(Tr::tr("Could not start the sandbox: %1").arg(describeError(e)));
    });
}

MainWindow::~MainWindow()
{
    closeCluster();
}

void MainWindow::buildUi()
{
    setWindowTitle(Tr::tr("Switchyard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchyard")));

    auto *fileMenu = menuBar()->addMenu(Tr::tr("&Cluster"));
    fileMenu->addAction(Tr::tr("&New profile…"), QKeySequence::New, this, &MainWindow::newProfile);
    fileMenu->addAction(Tr::tr("&Import profile…"), this, &MainWindow::importProfile);
    fileMenu->addAction(Tr::tr("&Reload profiles"), QKeySequence::Refresh, this, &MainWindow::reloadProfiles);
    fileMenu->addAction(Tr::tr("Start &MariaDB sandbox"), this, [this] { openSandbox(core::Engine::MySQL); });
    fileMenu->addAction(Tr::tr("Start &PostgreSQL sandbox"), this, [this] { openSandbox(core::Engine::PostgreSQL); });
    fileMenu->addSeparator();
    fileMenu->addAction(Tr::tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    auto *opsMenu = menuBar()->addMenu(Tr::tr("&Operations"));
    opsMenu->addAction(Tr::tr("Planned &switchover…"), this, &MainWindow::openSwitchover);
    opsMenu->addAction(Tr::tr("&Failover (primary down)…"), this, &MainWindow::openFailover);
    opsMenu->addSeparator();
    opsMenu->addAction(Tr::tr("Table &checksum and repair…"), this, &MainWindow::openChecksum);

    // Sidebar: profiles.
    auto *sidebar = new QWidget;
    auto *sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(8, 8, 4, 8);
    auto *sideTitle = new QLabel(Tr::tr("Clusters"));
    QFont titleFont = sideTitle->font();
    titleFont.setBold(true);
    sideTitle->setFont(titleFont);
    m_profileList = new QListWidget;
    m_profileList->setObjectName(QStringLiteral("profileList"));
    m_profileProblems = new QLabel;
    m_profileProblems->setWordWrap(true);
    m_profileProblems->setObjectName(QStringLiteral("profileProblems"));
    m_profileProblems->setStyleSheet(QStringLiteral("color: #b26a00;"));
    m_profileProblems->hide();
    auto *openButton = new QPushButton(Tr::tr("Open"));
    auto *newButton = new QPushButton(Tr::tr("New…"));
    auto *sideButtons = new QHBoxLayout;
    sideButtons->addWidget(openButton);
    sideButtons->addWidget(newButton);
    sideLayout->addWidget(sideTitle);
    sideLayout->addWidget(m_profileList, 1);
    sideLayout->addWidget(m_profileProblems);
    sideLayout->addLayout(sideButtons);
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newProfile);
    m_profileList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_profileList, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QString name = selectedProfileName();
        QMenu menu(this);
        if (!name.isEmpty()) {
            menu.addAction(Tr::tr("Open"), this, [this, name] { openProfile(name); });
            menu.addAction(Tr::tr("Edit…"), this, [this, name] { editProfile(name); });
            menu.addAction(Tr::tr("Duplicate…"), this, [this, name] { duplicateProfile(name); });
            menu.addAction(Tr::tr("Export…"), this, [this, name] { exportProfile(name); });
            menu.addSeparator();
            menu.addAction(Tr::tr("Delete"), this, [this, name] { deleteProfile(name); });
            menu.addSeparator();
        }
        menu.addAction(Tr::tr("New…"), this, &MainWindow::newProfile);
        menu.addAction(Tr::tr("Import…"), this, &MainWindow::importProfile);
        menu.exec(m_profileList->viewport()->mapToGlobal(pos));
    });
    connect(openButton, &QPushButton::clicked, this, [this] {
        if (auto *item = m_profileList->currentItem())
            openProfile(item->data(Qt::UserRole).toString());
    });
    connect(m_profileList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openProfile(item->data(Qt::UserRole).toString()); });

    // Welcome page.
    auto *welcome = new QWidget;
    auto *wl = new QVBoxLayout(welcome);
    wl->addStretch();
    m_welcome = new QLabel(Tr::tr("<h2>Switchyard</h2><p>Open a cluster profile on the left, or start a local "
                                  "sandbox cluster to try the console.</p>"));
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    wl->addWidget(m_welcome);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_mariaButton = new QPushButton(Tr::tr("Start MariaDB sandbox"));
    m_pgButton = new QPushButton(Tr::tr("Start PostgreSQL sandbox"));
    buttons->addWidget(m_mariaButton);
    buttons->addWidget(m_pgButton);
    buttons->addStretch();
    wl->addLayout(buttons);
    wl->addStretch();
    connect(m_mariaButton, &QPushButton::clicked, this, [this] { openSandbox(core::Engine::MySQL); });
    connect(m_pgButton, &QPushButton::clicked, this, [this] { openSandbox(core::Engine::PostgreSQL); });

    // Cluster page.
    auto *cluster = new QWidget;
    auto *cl = new QVBoxLayout(cluster);
    cl->setContentsMargins(8, 8, 8, 8);
    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("clusterHeader"));
    QFont hf = m_header->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.4);
    hf.setBold(true);
    m_header->setFont(hf);
    m_subHeader = new QLabel;
    m_subHeader->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_clusterView = new ClusterView;
    m_clusterView->setObjectName(QStringLiteral("clusterView"));
    m_monitoringView = new MonitoringView;
    m_monitoringView->setObjectName(QStringLiteral("monitoringView"));
    m_clusterTabs = new QTabWidget;
    m_clusterTabs->setDocumentMode(true);
    m_clusterTabs->addTab(m_clusterView, Tr::tr("Topology"));
    m_clusterTabs->addTab(m_monitoringView, Tr::tr("Charts and events"));
    m_routingPreview = new RoutingPreview;
    m_routingPreview->setObjectName(QStringLiteral("routingPreview"));
    m_clusterTabs->addTab(m_routingPreview, Tr::tr("Routing preview"));
    // Where the previewed statement would go is marked on the topology graph too.
    connect(m_routingPreview, &RoutingPreview::targetChanged, m_clusterView->topologyView(),
            &TopologyView::setHighlightedNodes);
    // The notification checkbox is a profile setting: keep it.
    connect(m_monitoringView, &MonitoringView::notificationsToggled, this, [this](bool enabled) {
        if (!m_profile || m_profile->notifyCritical == enabled)
            return;
        m_profile->notifyCritical = enabled;
        QString error;
        if (!m_store.save(*m_profile, &error))
            statusBar()->showMessage(Tr::tr("The notification setting was not saved: %1").arg(error), 10000);
    });
    cl->addWidget(m_header);
    cl->addWidget(m_subHeader);
    cl->addWidget(m_clusterTabs, 1);

    auto *rightSide = new QWidget;
    auto *rl = new QVBoxLayout(rightSide);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->setSpacing(0);
    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->hide();
    m_pages = new QStackedWidget;
    m_pages->addWidget(welcome);
    m_pages->addWidget(cluster);
    rl->addWidget(m_banner);
    rl->addWidget(m_pages, 1);

    auto *split = new QSplitter;
    split->addWidget(sidebar);
    split->addWidget(rightSide);
    split->setStretchFactor(1, 1);
    split->setSizes({200, 800});
    setCentralWidget(split);

    m_statusLabel = new QLabel(Tr::tr("No cluster open"));
    statusBar()->addPermanentWidget(m_statusLabel);
    resize(1280, 760);
}

void MainWindow::reloadProfiles()
{
    QList<ProfileLoadProblem> problems;
    const QList<Profile> profiles = m_store.loadAll(&problems);
    const QString current = m_profileList->currentItem() ? m_profileList->currentItem()->data(Qt::UserRole).toString()
                                                         : QString();
    m_profileList->clear();
    for (const Profile &p : profiles) {
        auto *item = new QListWidgetItem(QIcon(p.engine == core::Engine::PostgreSQL ? QStringLiteral(":/icons/postgres")
                                                                                    : QStringLiteral(":/icons/mariadb")),
                                         p.name);
        item->setData(Qt::UserRole, p.name);
        item->setToolTip(Tr::tr("%1 · %n seed node(s)", nullptr, static_cast<int>(p.seeds.size())).arg(engineTitle(p.engine)));
        m_profileList->addItem(item);
        if (m_profile ? p.name == m_profile->name : p.name == current)
            m_profileList->setCurrentItem(item);
    }
    if (problems.isEmpty()) {
        m_profileProblems->hide();
    } else {
        QStringList lines;
        for (const ProfileLoadProblem &pr : problems)
            lines << Tr::tr("Skipped %1: it %2").arg(QFileInfo(pr.file).fileName(), pr.problem);
        m_profileProblems->setText(lines.join(QLatin1Char('\n')));
        m_profileProblems->setToolTip(problems.first().file);
        m_profileProblems->show();
    }
}

void MainWindow::openProfile(const QString &name)
{
    QString problem;
    auto profile = m_store.load(name, &problem);
    if (!profile) {
        fail(problem);
        return;
    }
    openProfile(*profile);
}

void MainWindow::openProfile(const Profile &profile)
{
    closeCluster();
    clearBanner();
    m_profile = std::make_unique<Profile>(profile);
    m_unfinishedChecked = false;
    for (int i = 0; i < m_profileList->count(); ++i) {
        if (m_profileList->item(i)->data(Qt::UserRole).toString() == profile.name)
            m_profileList->setCurrentRow(i);
    }
    m_header->setText(profile.name);
    m_subHeader->setText(Tr::tr("%1 · monitor user %2 · polling every %3 s")
                             .arg(engineTitle(profile.engine), profile.monitorUser)
                             .arg(profile.pollIntervalMs / 1000.0, 0, 'g', 3));
    m_clusterView->setLagThresholds(profile.lagWarnSeconds, profile.lagCriticalSeconds);
    m_clusterView->setClusterName(profile.name);
    m_monitoringView->setProfile(profile);
    m_routingPreview->setProfile(profile, m_secrets);
    m_pages->setCurrentIndex(ClusterPage);
    m_statusLabel->setText(Tr::tr("Looking up credentials…"));

    CredentialResolver resolver(m_secrets);
    resolver.resolve(profile, profile.monitorUser, this, [this, profile](const CredentialOutcome &o) {
        if (!m_profile || m_profile->name != profile.name)
            return;  // the user opened something else meanwhile
        if (o.found()) {
            startMonitor(profile, o.password);
            return;
        }
        if (profile.isSandbox()) {
            fail(o.problem);
            return;
        }
        askPassword(profile, o.problem, !o.keychainUnavailable);
    });
}

void MainWindow::askPassword(const Profile &profile, const QString &why, bool keychainUsable)
{
    QDialog dialog(this);
    dialog.setWindowTitle(Tr::tr("Password for %1").arg(profile.name));
    auto *layout = new QVBoxLayout(&dialog);
    auto *explain = new QLabel(Tr::tr("%1.\n\nEnter the password of %2 for cluster \"%3\".")
                                   .arg(why, profile.monitorUser, profile.name));
    explain->setWordWrap(true);
    auto *edit = new QLineEdit;
    edit->setEchoMode(QLineEdit::Password);
    auto *remember = new QCheckBox(Tr::tr("Remember in the system keychain"));
    remember->setChecked(keychainUsable);
    remember->setEnabled(keychainUsable);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    layout->addWidget(explain);
    layout->addWidget(edit);
    layout->addWidget(remember);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        fail(Tr::tr("Not connected to \"%1\": no password given").arg(profile.name));
        return;
    }
    const QString password = edit->text();
    if (remember->isChecked()) {
        m_secrets->writeSecret(SecretStore::keyFor(profile.name, profile.monitorUser), password, this,
                               [this](const SecretResult &r) {
                                   if (!r.ok())
                                       statusBar()->showMessage(
                                           Tr::tr("The password could not be saved in the keychain: %1").arg(r.message), 10000);
                               });
    }
    startMonitor(profile, password);
}

void MainWindow::startMonitor(const Profile &profile, const QString &password)
{
    std::vector<MonitorNode> nodes;
    for (const ProfileNode &n : profile.seeds) {
        MonitorNode mn;
        mn.name = n.label().toStdString();
        mn.options = profile.connectionOptions(n, profile.monitorUser);
        mn.options.password = password.toStdString();
        nodes.push_back(std::move(mn));
    }
    m_monitor = new ClusterMonitor(std::move(nodes), std::chrono::milliseconds(profile.pollIntervalMs), this);
    m_monitor->setTopologyOptions({profile.lagWarnSeconds, profile.lagCriticalSeconds});
    connect(m_monitor, &ClusterMonitor::snapshotUpdated, this, &MainWindow::onSnapshot);
    m_monitoringView->attach(m_monitor);
    m_routingPreview->setMonitorPassword(password);
    m_routingPreview->attach(m_monitor);
    m_statusLabel->setText(Tr::tr("Connecting to %n node(s)…", nullptr, static_cast<int>(profile.seeds.size())));
    m_monitor->start();
}

void MainWindow::closeCluster()
{
    if (m_monitor) {
        m_monitoringView->detach();
        m_routingPreview->detach();
        m_monitor->stop();
        m_monitor->deleteLater();
        m_monitor = nullptr;
    }
    m_clusterView->setSnapshot(nullptr);
    m_monitoringView->clear();
    m_routingPreview->clear();
}

void MainWindow::onSnapshot(std::shared_ptr<const core::ClusterSnapshot> snapshot)
{
    m_clusterView->setSnapshot(snapshot);
    const int total = static_cast<int>(snapshot->nodes.size());
    const int up = snapshot->countReachable();
    m_statusLabel->setText(Tr::tr("Round %1 · %2 of %3 nodes answered · %4")
                               .arg(snapshot->generation)
                               .arg(up)
                               .arg(total)
                               .arg(QDateTime::fromMSecsSinceEpoch(snapshot->takenAtMs).toString(QStringLiteral("HH:mm:ss"))));
    QStringList down;
    for (const core::NodeStatus &n : snapshot->nodes) {
        if (n.reachability == core::Reachability::Unreachable || n.reachability == core::Reachability::NoAnswer)
            down << Tr::tr("%1: %2").arg(qs(n.name), NodeTableModel::stateText(n));
    }
    if (down.isEmpty())
        clearBanner();
    else
        showBanner(down.join(QLatin1Char('\n')), true);
    // An operation interrupted by a crash or kill -9 is offered for resume or roll back once
    // the cluster's current state is known.
    if (!m_unfinishedChecked && m_profile && snapshot->countReachable() > 0) {
        m_unfinishedChecked = true;
        checkUnfinishedOperations(this, *m_profile, snapshot, m_secrets);
    }
    emit snapshotShown(snapshot);
}

void MainWindow::openSandbox(core::Engine engine, const QString &name)
{
    if (m_launcher->isBusy())
        return;
    core::SandboxSpec spec;
    spec.engine = engine;
    spec.name = name.toStdString();
    spec.rootDir = m_options.sandboxRoot.toStdString();
    m_mariaButton->setEnabled(false);
    m_pgButton->setEnabled(false);
    showBanner(Tr::tr("Starting the %1 sandbox on 127.0.0.1… (a few seconds the first time)").arg(engineTitle(engine)), false);
    m_statusLabel->setText(Tr::tr("Starting sandbox…"));
    m_launcher->launch(spec);
}

QString MainWindow::selectedProfileName() const
{
    auto *item = m_profileList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void MainWindow::runProfileDialog(const Profile &initial, const QString &previousName, const QString &title)
{
    ProfileDialog dialog(this);
    dialog.setWindowTitle(title);
    dialog.setProfile(initial);
    QStringList taken;
    for (int i = 0; i < m_profileList->count(); ++i)
        taken << m_profileList->item(i)->data(Qt::UserRole).toString();
    dialog.setTakenNames(taken);
    if (dialog.exec() != QDialog::Accepted)
        return;
    storeProfile(dialog.profile(), previousName, dialog.monitorPassword(), dialog.adminPassword());
}

void MainWindow::newProfile()
{
    Profile p;
    p.name = m_store.uniqueName(Tr::tr("New cluster"));
    runProfileDialog(p, QString(), Tr::tr("New cluster profile"));
}

void MainWindow::editProfile(const QString &name)
{
    QString problem;
    auto p = m_store.load(name, &problem);
    if (!p) {
        fail(problem);
        return;
    }
    runProfileDialog(*p, name, Tr::tr("Edit \"%1\"").arg(name));
}

void MainWindow::duplicateProfile(const QString &name)
{
    QString problem;
    auto p = m_store.load(name, &problem);
    if (!p) {
        fail(problem);
        return;
    }
    p->name = m_store.uniqueName(name);
    p->sandboxName.clear();  // a copy is an ordinary profile: its passwords go to the keychain
    p->sandboxRoot.clear();
    runProfileDialog(*p, QString(), Tr::tr("Duplicate \"%1\"").arg(name));
}

bool MainWindow::storeProfile(const Profile &profile, const QString &previousName, const QString &monitorPassword,
                              const QString &adminPassword)
{
    QString error;
    if (!m_store.save(profile, &error)) {
        fail(Tr::tr("The profile \"%1\" was not saved: %2").arg(profile.name, error));
        return false;
    }
    if (!previousName.isEmpty() && previousName != profile.name)
        m_store.remove(previousName);
    auto remember = [this, &profile](const QString &user, const QString &password) {
        if (password.isEmpty() || user.isEmpty() || profile.isSandbox())
            return;
        m_secrets->writeSecret(SecretStore::keyFor(profile.name, user), password, this, [this, user](const SecretResult &r) {
            if (!r.ok())
                showBanner(Tr::tr("The password of %1 could not be stored in the keychain (%2); it will be asked for "
                                  "when the profile is opened")
                               .arg(user, r.message),
                           true);
        });
    };
    remember(profile.monitorUser, monitorPassword);
    remember(profile.adminUser, adminPassword);
    reloadProfiles();
    return true;
}

void MainWindow::deleteProfile(const QString &name)
{
    if (QMessageBox::question(this, Tr::tr("Delete profile"),
                              Tr::tr("Delete the profile \"%1\"? The cluster itself is not touched.").arg(name))
        != QMessageBox::Yes)
        return;
    QString error;
    if (!m_store.remove(name, &error)) {
        fail(error);
        return;
    }
    if (m_profile && m_profile->name == name) {
        closeCluster();
        m_profile.reset();
        m_pages->setCurrentIndex(WelcomePage);
    }
    reloadProfiles();
}

void MainWindow::importProfile()
{
    const QString file = QFileDialog::getOpenFileName(this, Tr::tr("Import profile"), QString(),
                                                      Tr::tr("Switchyard profiles (*.json)"));
    if (file.isEmpty())
        return;
    QString error;
    auto p = m_store.importFrom(file, &error);
    if (!p) {
        fail(error);
        return;
    }
    p->name = m_store.uniqueName(p->name);
    storeProfile(*p, QString(), QString(), QString());
}

void MainWindow::exportProfile(const QString &name)
{
    auto p = m_store.load(name);
    if (!p)
        return;
    const QString file = QFileDialog::getSaveFileName(this, Tr::tr("Export profile"), name + QStringLiteral(".json"),
                                                      Tr::tr("Switchyard profiles (*.json)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!m_store.exportTo(*p, file, &error))
        fail(error);
    else
        statusBar()->showMessage(Tr::tr("Exported \"%1\" to %2 (no passwords)").arg(name, file), 8000);
}

std::shared_ptr<const core::ClusterSnapshot> MainWindow::currentSnapshotOrSay()
{
    auto snapshot = m_monitor ? m_monitor->latest() : nullptr;
    if (!snapshot || snapshot->countReachable() == 0) {
        showBanner(Tr::tr("Open a cluster and wait until its nodes answer before starting an operation."), true);
        return nullptr;
    }
    return snapshot;
}

void MainWindow::withAdminPassword(std::function<void(const QString &)> then)
{
    if (!m_profile)
        return;
    const Profile profile = *m_profile;
    if (profile.adminUser.isEmpty()) {
        showBanner(Tr::tr("The profile \"%1\" has no admin user: edit it and name the account for topology changes.")
                       .arg(profile.name),
                   true);
        return;
    }
    CredentialResolver resolver(m_secrets);
    resolver.resolve(profile, profile.adminUser, this, [this, profile, then = std::move(then)](const CredentialOutcome &o) {
        if (!m_profile || m_profile->name != profile.name)
            return;
        if (o.found()) {
            then(o.password);
            return;
        }
        bool ok = false;
        const QString password = QInputDialog::getText(
            this, Tr::tr("Admin password for %1").arg(profile.name),
            Tr::tr("%1.\n\nPassword of %2 (the admin account):").arg(o.problem, profile.adminUser), QLineEdit::Password,
            QString(), &ok);
        if (ok)
            then(password);
    });
}

core::ConnectionOptions MainWindow::adminOptions(const core::NodeStatus &node, const QString &password) const
{
    ProfileNode pn;
    pn.host = qs(node.host);
    pn.port = node.port;
    pn.displayName = qs(node.name);
    core::ConnectionOptions o = m_profile->connectionOptions(pn, m_profile->adminUser);
    o.password = password.toStdString();
    // Operations wait on replicas catching up (MASTER_GTID_WAIT): minutes, not seconds.
    o.readTimeout = std::chrono::minutes(5);
    return o;
}

void MainWindow::openSwitchover()
{
    openOperation(static_cast<int>(core::OperationKind::Switchover));
}

void MainWindow::openFailover()
{
    openOperation(static_cast<int>(core::OperationKind::Failover));
}

void MainWindow::openOperation(int kind)
{
    auto snapshot = currentSnapshotOrSay();
    if (!snapshot || !m_profile)
        return;
    openOperationWizard(this, static_cast<core::OperationKind>(kind), *m_profile, snapshot, m_secrets,
                        [this](OperationWizard *wizard) {
                            // Show the new topology at once, not a poll interval later.
                            connect(wizard, &OperationWizard::operationFinished, this, [this] {
                                if (m_monitor)
                                    m_monitor->pollNow();
                            });
                        });
}

void MainWindow::openChecksum()
{
    auto snapshot = currentSnapshotOrSay();
    if (!snapshot)
        return;
    withAdminPassword([this, snapshot](const QString &password) {
        const core::checksum::Targets targets = core::checksum::targetsFromSnapshot(*snapshot);
        if (!targets.primary) {
            showBanner(Tr::tr("No single writable primary answers: a checksum compares replicas with their primary."), true);
            return;
        }
        std::vector<core::checksum::ReplicaTarget> replicas;
        for (std::size_t i = 0; i < targets.replicas.size(); ++i)
            replicas.push_back({targets.replicas[i]->name, adminOptions(*targets.replicas[i], password), targets.cascaded[i]});
        auto *dialog = new ChecksumDialog(adminOptions(*targets.primary, password), std::move(replicas),
                                          m_monitoringView->store(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

void MainWindow::showBanner(const QString &text, bool error)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(error ? QStringLiteral("background:#fdecea; color:#8a1c1c; border-bottom:1px solid #f5c2c0;")
                                  : QStringLiteral("background:#e8f0fe; color:#174ea6; border-bottom:1px solid #c6dafc;"));
    m_banner->show();
}

void MainWindow::clearBanner()
{
    m_banner->clear();
    m_banner->hide();
}

NodeTableModel *MainWindow::nodeModel() const
{
    return m_clusterView->nodeModel();
}

QTableView *MainWindow::nodeView() const
{
    return m_clusterView->nodeTable();
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::fail(const QString &message)
{
    showBanner(message, true);
    m_statusLabel->setText(Tr::tr("Not connected"));
    emit openFailed(message);
}

} // namespace switchyard::ui
