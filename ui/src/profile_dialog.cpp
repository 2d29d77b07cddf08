#include "switchyard/ui/profile_dialog.h"
#include "switchyard/ui/tr.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace switchyard::ui {

namespace {

enum SeedColumn { HostCol, PortCol, NameCol, DcCol, TagsCol, SeedColumns };

const core::TlsMode kTlsModes[] = {core::TlsMode::Disabled, core::TlsMode::Preferred, core::TlsMode::Required,
                                   core::TlsMode::VerifyCa, core::TlsMode::VerifyIdentity};

QSpinBox *msSpin(int min, int max)
{
    auto *s = new QSpinBox;
    s->setRange(min, max);
    s->setSingleStep(100);
    s->setSuffix(Tr::tr(" ms"));
    return s;
}

QDoubleSpinBox *secondsSpin()
{
    auto *s = new QDoubleSpinBox;
    s->setRange(0, 86400);
    s->setDecimals(1);
    s->setSuffix(Tr::tr(" s"));
    return s;
}

} // namespace

ProfileDialog::ProfileDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(Tr::tr("Cluster profile"));
    auto *layout = new QVBoxLayout(this);

    auto *general = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("profileName"));
    m_engine = new QComboBox;
    m_engine->addItem(Tr::tr("MySQL / MariaDB"), QStringLiteral("mysql"));
    m_engine->addItem(Tr::tr("PostgreSQL"), QStringLiteral("postgres"));
    general->addRow(Tr::tr("&Name:"), m_name);
    general->addRow(Tr::tr("&Engine:"), m_engine);
    layout->addLayout(general);

    auto *seedsBox = new QGroupBox(Tr::tr("Seed nodes (discovery starts here; list nodes it cannot find itself)"));
    auto *seedsLayout = new QVBoxLayout(seedsBox);
    m_seeds = new QTableWidget(0, SeedColumns);
    m_seeds->setObjectName(QStringLiteral("seeds"));
    m_seeds->setHorizontalHeaderLabels(
        {Tr::tr("Host"), Tr::tr("Port"), Tr::tr("Display name"), Tr::tr("Data centre"), Tr::tr("Tags (comma-separated)")});
    m_seeds->horizontalHeader()->setStretchLastSection(true);
    m_seeds->verticalHeader()->hide();
    auto *seedButtons = new QHBoxLayout;
    auto *add = new QPushButton(Tr::tr("Add node"));
    auto *remove = new QPushButton(Tr::tr("Remove node"));
    seedButtons->addWidget(add);
    seedButtons->addWidget(remove);
    seedButtons->addStretch();
    seedsLayout->addWidget(m_seeds);
    seedsLayout->addLayout(seedButtons);
    layout->addWidget(seedsBox);
    connect(add, &QPushButton::clicked, this, [this] {
        ProfileNode n;
        n.host = QStringLiteral("127.0.0.1");
        n.port = m_engine->currentData().toString() == QLatin1String("postgres") ? 5432 : 3306;
        addSeedRow(n);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_seeds->currentRow() >= 0)
            m_seeds->removeRow(m_seeds->currentRow());
    });

    auto *accounts = new QGroupBox(Tr::tr("Accounts (passwords go to the system keychain, never into the profile)"));
    auto *af = new QFormLayout(accounts);
    m_monitorUser = new QLineEdit;
    m_monitorPassword = new QLineEdit;
    m_monitorPassword->setEchoMode(QLineEdit::Password);
    m_monitorPassword->setPlaceholderText(Tr::tr("unchanged"));
    m_adminUser = new QLineEdit;
    m_adminPassword = new QLineEdit;
    m_adminPassword->setEchoMode(QLineEdit::Password);
    m_adminPassword->setPlaceholderText(Tr::tr("unchanged"));
    af->addRow(Tr::tr("&Monitor user (read-only):"), m_monitorUser);
    af->addRow(Tr::tr("Monitor password:"), m_monitorPassword);
    af->addRow(Tr::tr("A&dmin user (topology changes):"), m_adminUser);
    af->addRow(Tr::tr("Admin password:"), m_adminPassword);
    layout->addWidget(accounts);

    auto *tls = new QGroupBox(Tr::tr("TLS"));
    auto *tf = new QFormLayout(tls);
    m_tlsMode = new QComboBox;
    for (core::TlsMode m : kTlsModes)
        m_tlsMode->addItem(qs(core::tlsModeName(m)), static_cast<int>(m));
    m_caFile = new QLineEdit;
    m_certFile = new QLineEdit;
    m_keyFile = new QLineEdit;
    tf->addRow(Tr::tr("Mode:"), m_tlsMode);
    tf->addRow(Tr::tr("CA file:"), m_caFile);
    tf->addRow(Tr::tr("Client certificate:"), m_certFile);
    tf->addRow(Tr::tr("Client key:"), m_keyFile);
    layout->addWidget(tls);
    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateTlsFields);

    auto *polling = new QGroupBox(Tr::tr("Polling and thresholds"));
    auto *pf = new QFormLayout(polling);
    m_pollMs = msSpin(200, 3600 * 1000);
    m_connectMs = msSpin(100, 600 * 1000);
    m_readMs = msSpin(100, 3600 * 1000);
    m_warn = secondsSpin();
    m_critical = secondsSpin();
    pf->addRow(Tr::tr("Poll every:"), m_pollMs);
    pf->addRow(Tr::tr("Connect timeout:"), m_connectMs);
    pf->addRow(Tr::tr("Read timeout:"), m_readMs);
    pf->addRow(Tr::tr("Lag warning at:"), m_warn);
    pf->addRow(Tr::tr("Lag critical at:"), m_critical);
    layout->addWidget(polling);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color:#c62828;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    setProfile(Profile());
    resize(720, 760);
}

void ProfileDialog::addSeedRow(const ProfileNode &node)
{
    const int row = m_seeds->rowCount();
    m_seeds->insertRow(row);
    m_seeds->setItem(row, HostCol, new QTableWidgetItem(node.host));
    m_seeds->setItem(row, PortCol, new QTableWidgetItem(QString::number(node.port)));
    m_seeds->setItem(row, NameCol, new QTableWidgetItem(node.displayName));
    m_seeds->setItem(row, DcCol, new QTableWidgetItem(node.dataCentre));
    m_seeds->setItem(row, TagsCol, new QTableWidgetItem(node.tags.join(QStringLiteral(", "))));
}

void ProfileDialog::setProfile(const Profile &p)
{
    m_base = p;
    m_originalName = p.name;
    m_name->setText(p.name);
    m_engine->setCurrentIndex(p.engine == core::Engine::PostgreSQL ? 1 : 0);
    m_seeds->setRowCount(0);
    for (const ProfileNode &n : p.seeds)
        addSeedRow(n);
    m_monitorUser->setText(p.monitorUser);
    m_adminUser->setText(p.adminUser);
    m_tlsMode->setCurrentIndex(m_tlsMode->findData(static_cast<int>(p.tlsMode)));
    m_caFile->setText(p.tlsCaFile);
    m_certFile->setText(p.tlsCertFile);
    m_keyFile->setText(p.tlsKeyFile);
    m_pollMs->setValue(p.pollIntervalMs);
    m_connectMs->setValue(p.connectTimeoutMs);
    m_readMs->setValue(p.readTimeoutMs);
    m_warn->setValue(p.lagWarnSeconds);
    m_critical->setValue(p.lagCriticalSeconds);
    updateTlsFields();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_base;
    p.name = m_name->text().trimmed();
    p.engine = m_engine->currentData().toString() == QLatin1String("postgres") ? core::Engine::PostgreSQL
                                                                               : core::Engine::MySQL;
    p.seeds.clear();
    for (int row = 0; row < m_seeds->rowCount(); ++row) {
        auto text = [&](int col) { return m_seeds->item(row, col) ? m_seeds->item(row, col)->text().trimmed() : QString(); };
        ProfileNode n;
        n.host = text(HostCol);
        bool ok = false;
        const uint port = text(PortCol).toUInt(&ok);
        n.port = ok && port <= 65535 ? static_cast<quint16>(port) : 0;
        n.displayName = text(NameCol);
        n.dataCentre = text(DcCol);
        for (const QString &t : text(TagsCol).split(QLatin1Char(','), Qt::SkipEmptyParts))
            n.tags << t.trimmed();
        p.seeds << n;
    }
    p.monitorUser = m_monitorUser->text().trimmed();
    p.adminUser = m_adminUser->text().trimmed();
    p.tlsMode = static_cast<core::TlsMode>(m_tlsMode->currentData().toInt());
    p.tlsCaFile = m_caFile->text().trimmed();
    p.tlsCertFile = m_certFile->text().trimmed();
    p.tlsKeyFile = m_keyFile->text().trimmed();
    p.pollIntervalMs = m_pollMs->value();
    p.connectTimeoutMs = m_connectMs->value();
    p.readTimeoutMs = m_readMs->value();
    p.lagWarnSeconds = m_warn->value();
    p.lagCriticalSeconds = m_critical->value();
    return p;
}

QString ProfileDialog::monitorPassword() const
{
    return m_monitorPassword->text();
}

QString ProfileDialog::adminPassword() const
{
    return m_adminPassword->text();
}

std::optional<QString> ProfileDialog::validationProblem() const
{
    const Profile p = profile();
    for (int row = 0; row < m_seeds->rowCount(); ++row) {
        if (p.seeds.at(row).port == 0)
            return Tr::tr("Seed node %1: the port must be a number from 1 to 65535").arg(row + 1);
    }
    if (auto problem = p.validate())
        return *problem;
    if (p.name != m_originalName && m_taken.contains(p.name))
        return Tr::tr("A profile named \"%1\" exists already").arg(p.name);
    return std::nullopt;
}

void ProfileDialog::accept()
{
    if (auto problem = validationProblem()) {
        m_problem->setText(*problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

void ProfileDialog::updateTlsFields()
{
    const auto mode = static_cast<core::TlsMode>(m_tlsMode->currentData().toInt());
    const bool files = mode != core::TlsMode::Disabled;
    m_caFile->setEnabled(files);
    m_certFile->setEnabled(files);
    m_keyFile->setEnabled(files);
}

} // namespace switchyard::ui
