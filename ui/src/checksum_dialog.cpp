// The checksum and repair wizard (see the header).
#include "switchyard/ui/checksum_dialog.h"

#include "switchyard/ui/history_store.h"
#include "switchyard/ui/tr.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaObject>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace switchyard::ui {

namespace cs = core::checksum;

namespace {

std::vector<std::string> splitList(const QString &text)
{
    std::vector<std::string> out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.push_back(p.trimmed().toStdString());
    return out;
}

QString joined(const std::vector<std::string> &v)
{
    QStringList l;
    for (const std::string &s : v)
        l << qs(s);
    return v.empty() ? QStringLiteral("…") : l.join(QLatin1Char(','));
}

} // namespace

ChecksumDialog::ChecksumDialog(core::ConnectionOptions primary, std::vector<cs::ReplicaTarget> replicas,
                               HistoryStore *history, QWidget *parent)
    : QDialog(parent), m_primaryOptions(std::move(primary)), m_replicaTargets(std::move(replicas)), m_history(history)
{
    setWindowTitle(Tr::tr("Table checksum and repair"));
    auto *layout = new QVBoxLayout(this);

    auto *choose = new QGroupBox(Tr::tr("What to compare"));
    auto *form = new QFormLayout(choose);
    m_databases = new QLineEdit;
    m_databases->setPlaceholderText(Tr::tr("all databases (comma-separated list to narrow)"));
    m_tables = new QLineEdit;
    m_tables->setPlaceholderText(Tr::tr("all tables (DB.TABLE, comma-separated)"));
    m_replicaList = new QListWidget;
    m_replicaList->setMaximumHeight(70);
    for (const cs::ReplicaTarget &r : m_replicaTargets) {
        auto *item = new QListWidgetItem(r.cascaded ? Tr::tr("%1 (cascaded: computed on the replica)").arg(qs(r.name))
                                                    : qs(r.name));
        item->setCheckState(Qt::Checked);
        m_replicaList->addItem(item);
    }
    m_hash = new QComboBox;
    m_hash->addItem(Tr::tr("CRC32 (fast, as pt-table-checksum)"), QStringLiteral("crc32"));
    m_hash->addItem(Tr::tr("MD5, 128 bits (stronger, slower)"), QStringLiteral("md5"));
    const bool pg = m_primaryOptions.engine == core::Engine::PostgreSQL;
    if (pg) {
        // Physical standbys are copies of the primary's pages: nothing to compare row by row.
        QStringList standbys;
        for (const cs::ReplicaTarget &r : m_replicaTargets)
            standbys << qs(r.name);
        m_notice = new QLabel(
            (standbys.isEmpty() ? QString() : Tr::tr("Standbys %1: ").arg(standbys.join(QStringLiteral(", ")))) +
            Tr::tr("PostgreSQL physical standbys replay the primary's WAL and are byte-identical by design, so there "
                   "are no rows to compare. If a standby is suspected of corruption, rebuild it from the "
                   "primary with pg_basebackup. To compare the primary %1 with a logical-replication subscriber or a node of another "
                   "cluster, name that node below.")
                .arg(qs(m_primaryOptions.label())));
        m_notice->setWordWrap(true);
        m_notice->setStyleSheet(
            QStringLiteral("QLabel { background:#e8f0fe; color:#174ea6; border:1px solid #c6dafc; padding:6px; }"));
        layout->addWidget(m_notice);
        m_compareWith = new QLineEdit;
        m_compareWith->setPlaceholderText(Tr::tr("host:port of the subscriber or other cluster's node"));
        m_otherPassword = new QLineEdit;
        m_otherPassword->setEchoMode(QLineEdit::Password);
        m_otherPassword->setPlaceholderText(Tr::tr("empty: the same as this profile's admin account (%1)")
                                                .arg(qs(m_primaryOptions.user)));
        m_databases->setPlaceholderText(Tr::tr("the profile's database (comma-separated list for several)"));
        m_tables->setPlaceholderText(Tr::tr("all tables (SCHEMA.TABLE, comma-separated)"));
        m_compareWith->setObjectName(QStringLiteral("compareWith"));
        m_otherPassword->setObjectName(QStringLiteral("otherPassword"));
        m_databases->setObjectName(QStringLiteral("databases"));
        m_tables->setObjectName(QStringLiteral("tables"));
        form->addRow(Tr::tr("Compare with:"), m_compareWith);
        form->addRow(Tr::tr("Its password:"), m_otherPassword);
        form->addRow(Tr::tr("Databases:"), m_databases);
        form->addRow(Tr::tr("Tables:"), m_tables);
        m_replicaList->hide();
        m_hash->hide();
    } else {
        form->addRow(Tr::tr("Databases:"), m_databases);
        form->addRow(Tr::tr("Tables:"), m_tables);
        form->addRow(Tr::tr("Replicas:"), m_replicaList);
        form->addRow(Tr::tr("Row hash:"), m_hash);
    }
    layout->addWidget(choose);

    auto *runRow = new QHBoxLayout;
    m_run = new QPushButton(Tr::tr("Run checksum"));
    m_cancelButton = new QPushButton(Tr::tr("Cancel"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_rate = new QLabel;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress, 1);
    runRow->addWidget(m_rate);
    layout->addLayout(runRow);

    m_skipped = new QLabel;
    m_skipped->setWordWrap(true);
    m_skipped->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    m_skipped->hide();
    layout->addWidget(m_skipped);

    auto *split = new QSplitter(Qt::Vertical);
    m_heat = new QTableWidget;
    m_heat->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_heat->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heat->horizontalHeader()->setDefaultSectionSize(28);
    m_heat->setToolTip(Tr::tr("One cell per chunk: green matches on every replica, red differs on at least one, "
                              "grey skipped. Select a red cell and drill down."));
    split->addWidget(m_heat);
    m_diffs = new QTableWidget;
    m_diffs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    split->addWidget(m_diffs);
    layout->addWidget(split, 1);

    auto *repairRow = new QHBoxLayout;
    m_drill = new QPushButton(Tr::tr("Drill into chunk"));
    m_drill->setEnabled(false);
    m_onPrimary = new QRadioButton(Tr::tr("Repair on the primary (replicates to EVERY replica)"));
    m_onReplica = new QRadioButton(Tr::tr("Repair on this replica only (binary logging off)"));
    m_onPrimary->setChecked(true);
    m_apply = new QPushButton(Tr::tr("Apply and re-verify"));
    m_apply->setEnabled(false);
    repairRow->addWidget(m_drill);
    repairRow->addWidget(m_onPrimary);
    repairRow->addWidget(m_onReplica);
    repairRow->addStretch();
    repairRow->addWidget(m_apply);
    layout->addLayout(repairRow);
    m_preview = new QPlainTextEdit;
    m_preview->setReadOnly(true);
    m_preview->setMaximumHeight(130);
    m_preview->setPlaceholderText(Tr::tr("Repair statements appear here for review before anything runs."));
    layout->addWidget(m_preview);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_run->setObjectName(QStringLiteral("run"));
    layout->addWidget(m_status);
    if (pg) {
        m_run->setText(Tr::tr("Compare"));
        m_run->setEnabled(false);
        connect(m_compareWith, &QLineEdit::textChanged, this,
                [this](const QString &t) { m_run->setEnabled(!t.trimmed().isEmpty() && !m_cancelButton->isEnabled()); });
        m_drill->hide();
        m_onPrimary->hide();
        m_onReplica->hide();
        m_apply->hide();
        m_preview->hide();
        m_heat->setToolTip(Tr::tr("One row per table: rows on each side, chunks compared, chunks that differ."));
    }

    connect(m_run, &QPushButton::clicked, this, pg ? &ChecksumDialog::startPgCompare : &ChecksumDialog::startRun);
    connect(m_cancelButton, &QPushButton::clicked, this, &ChecksumDialog::cancelRun);
    connect(m_drill, &QPushButton::clicked, this, &ChecksumDialog::drillSelected);
    connect(m_apply, &QPushButton::clicked, this, &ChecksumDialog::applyRepair);
    connect(m_onPrimary, &QRadioButton::toggled, this, &ChecksumDialog::updatePreview);
    connect(m_heat, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto sel = m_heat->selectedItems();
        m_drill->setEnabled(!sel.isEmpty() && sel.front()->data(Qt::UserRole).toInt() == 1 && !m_worker.joinable());
    });
    resize(1000, 720);
}

ChecksumDialog::~ChecksumDialog()
{
    cancelRun();
    if (m_worker.joinable())
        m_worker.join();
}

void ChecksumDialog::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
    m_apply->setEnabled(!busy && !m_rowDiffs.empty());
    m_drill->setEnabled(false);
}

void ChecksumDialog::runWorker(std::function<void()> work)
{
    if (m_worker.joinable())
        m_worker.join();  // the previous one has finished: it posted its result
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    setBusy(true);
    m_worker = std::thread(std::move(work));
}

void ChecksumDialog::cancelRun()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_canceller)
        static_cast<void>(m_canceller->cancel());
    if (m_cancellerB)
        static_cast<void>(m_cancellerB->cancel());
}

void ChecksumDialog::startPgCompare()
{
    // host:port (an IPv6 address in brackets: [::1]:5432).
    const QString target = m_compareWith->text().trimmed();
    const auto colon = target.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? target.mid(colon + 1).toInt(&portOk) : 5432;
    if (colon > 0 && (!portOk || port <= 0 || port > 65535)) {
        m_status->setText(Tr::tr("\"%1\" is not host:port.").arg(target));
        return;
    }
    core::ConnectionOptions other = m_primaryOptions;
    QString host = colon > 0 ? target.left(colon) : target;
    other.host = host.remove(QLatin1Char('[')).remove(QLatin1Char(']')).toStdString();
    other.port = static_cast<std::uint16_t>(port);
    other.nodeName.clear();
    if (!m_otherPassword->text().isEmpty())
        other.password = m_otherPassword->text().toStdString();
    cs::PgCompareOptions o;
    o.tables = splitList(m_tables->text());
    std::vector<std::string> databases = splitList(m_databases->text());
    if (databases.empty())
        databases.push_back(m_primaryOptions.database);
    const core::ConnectionOptions self = m_primaryOptions;
    m_status->setText(Tr::tr("Comparing %1 with %2…").arg(qs(self.label()), qs(other.label())));
    for (QTableWidget *t : {m_heat, m_diffs}) {
        t->clear();
        t->setRowCount(0);
        t->setColumnCount(0);
    }
    m_skipped->hide();
    m_progress->setRange(0, 0);
    QPointer<ChecksumDialog> self_(this);
    runWorker([self_, self, other, o, databases, cancel = m_cancel] {
        cs::PgCompareReport all;
        std::optional<Error> error;
        for (const std::string &db : databases) {
            core::ConnectionOptions oa = self, ob = other;
            oa.database = ob.database = db;
            auto a = core::createConnection(oa);
            auto b = core::createConnection(ob);
            if (auto st = a->connect(); !st) {
                error = st.error();
                break;
            }
            if (auto st = b->connect(); !st) {
                error = st.error();
                break;
            }
            QMetaObject::invokeMethod(self_, [self_, ca = a->canceller(), cb = b->canceller()] {
                if (self_) {
                    self_->m_canceller = ca;
                    self_->m_cancellerB = cb;
                }
            }, Qt::QueuedConnection);
            auto r = cs::comparePostgres(*a, *b, o, cancel);
            if (!r) {
                error = r.error();
                break;
            }
            const QString dbName = qs(db.empty() ? std::string("postgres") : db);
            QMetaObject::invokeMethod(self_, [self_, report = *r, dbName] {
                if (self_ && self_->m_history)
                    recordPgCompare(*self_->m_history, report, dbName);
            }, Qt::QueuedConnection);
            all.a = r->a;
            all.b = r->b;
            all.rows += r->rows;
            all.seconds += r->seconds;
            for (cs::PgTableResult &t : r->tables) {
                if (databases.size() > 1)
                    t.schema = db + "." + t.schema;
                all.tables.push_back(std::move(t));
            }
        }
        QMetaObject::invokeMethod(self_, [self_, all, error] {
            if (!self_)
                return;
            self_->m_canceller.reset();
            self_->m_cancellerB.reset();
            self_->setBusy(false);
            self_->m_progress->setRange(0, 1);
            if (error)
                self_->m_progress->reset(); // empty, not "0 %": nothing was compared
            else
                self_->m_progress->setValue(1);
            if (error) {
                // A physical standby named here: its own words (byte-identical, rebuild).
                self_->m_status->setText(
                    error->code == ErrorCode::Unsupported
                        ? Tr::tr("Not compared: %1 is a physical standby of this cluster. It replays the primary's WAL "
                                 "and is byte-identical by design; if it is suspected of corruption, rebuild it "
                                 "from the primary with pg_basebackup.")
                              .arg(qs(error->node))
                        : Tr::tr("Comparison failed: %1").arg(qs(error->describe())));
                if (self_->m_history)
                    recordChecksumFailure(*self_->m_history, *error);
                return;
            }
            self_->showPgReport(all);
        }, Qt::QueuedConnection);
    });
}

void ChecksumDialog::showPgReport(const cs::PgCompareReport &report)
{
    m_heat->clear();
    m_heat->setColumnCount(6);
    m_heat->setHorizontalHeaderLabels({Tr::tr("Table"), Tr::tr("Rows on %1").arg(qs(report.a)),
                                       Tr::tr("Rows on %1").arg(qs(report.b)), Tr::tr("Chunks"),
                                       Tr::tr("Differing chunks"), Tr::tr("Result")});
    m_heat->horizontalHeader()->setDefaultSectionSize(140);
    m_heat->setRowCount(static_cast<int>(report.tables.size()));
    m_diffs->clear();
    m_diffs->setColumnCount(3);
    m_diffs->setHorizontalHeaderLabels({Tr::tr("Table"), Tr::tr("Key"), Tr::tr("Difference")});
    m_diffs->setRowCount(0);
    QStringList skipped;
    int row = 0;
    for (const cs::PgTableResult &t : report.tables) {
        const QString name = qs(t.schema) + QLatin1Char('.') + qs(t.table);
        QString result;
        QColor colour;
        if (!t.skipReason.empty()) {
            result = Tr::tr("skipped: %1").arg(qs(t.skipReason));
            colour = QColor(0xd0, 0xd0, 0xd0);
            skipped << name;
        } else if (t.missingOnA || t.missingOnB) {
            result = Tr::tr("only on %1").arg(qs(t.missingOnA ? report.b : report.a));
            colour = QColor(0xf2, 0x8b, 0x82);
        } else if (t.differs()) {
            result = Tr::tr("differs");
            colour = QColor(0xf2, 0x8b, 0x82);
        } else {
            result = Tr::tr("match");
            colour = QColor(0xa8, 0xda, 0xb5);
        }
        const bool compared = t.skipReason.empty() && !t.missingOnA && !t.missingOnB;
        const QString none = QStringLiteral("—");
        const QStringList cells = {name, compared ? QString::number(t.rowsA) : none,
                                   compared ? QString::number(t.rowsB) : none,
                                   compared ? QString::number(t.chunks) : none,
                                   compared ? QString::number(t.differingChunks.size()) : none, result};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setBackground(colour);
            m_heat->setItem(row, c, item);
        }
        ++row;
        for (const cs::RowDiff &d : t.rowDiffs) {
            const int r = m_diffs->rowCount();
            m_diffs->insertRow(r);
            m_diffs->setItem(r, 0, new QTableWidgetItem(name));
            m_diffs->setItem(r, 1, new QTableWidgetItem(joined(d.key)));
            m_diffs->setItem(r, 2, new QTableWidgetItem(d.kind == cs::RowDiffKind::Missing ? Tr::tr("only on %1").arg(qs(report.a))
                                                        : d.kind == cs::RowDiffKind::Extra ? Tr::tr("only on %1").arg(qs(report.b))
                                                                                            : Tr::tr("row differs")));
        }
    }
    m_heat->resizeColumnsToContents();
    m_diffs->resizeColumnsToContents();
    if (!skipped.isEmpty()) {
        m_skipped->setText(Tr::tr("SKIPPED - NOT CHECKED (no primary key): %1").arg(skipped.join(QStringLiteral(", "))));
        m_skipped->show();
    } else {
        m_skipped->hide();
    }
    m_status->setText(report.anyDifference()
                          ? Tr::tr("%1 and %2 differ: %n differing row(s) listed below.", nullptr, m_diffs->rowCount())
                                .arg(qs(report.a), qs(report.b))
                          : Tr::tr("%1 and %2 match (%3 rows compared in %4 s).")
                                .arg(qs(report.a), qs(report.b))
                                .arg(report.rows)
                                .arg(report.seconds, 0, 'f', 1));
}

void ChecksumDialog::startRun()
{
    cs::ChecksumOptions o;
    o.databases = splitList(m_databases->text());
    o.tables = splitList(m_tables->text());
    o.rowHash.hash = m_hash->currentData().toString() == QLatin1String("md5") ? cs::HashFunction::Md5 : cs::HashFunction::Crc32;
    m_runReplicas.clear();
    for (int i = 0; i < m_replicaList->count(); ++i) {
        if (m_replicaList->item(i)->checkState() == Qt::Checked)
            m_runReplicas.push_back(m_replicaTargets[static_cast<std::size_t>(i)]);
    }
    m_status->setText(Tr::tr("Checksumming…"));
    QPointer<ChecksumDialog> self(this);
    auto primaryOptions = m_primaryOptions;
    auto replicas = m_runReplicas;
    auto conn = core::createConnection(primaryOptions);
    std::shared_ptr<core::Connection> shared(std::move(conn));
    runWorker([self, shared, replicas, o, cancel = m_cancel] {
        if (auto st = shared->connect(); !st) {
            const QString err = qs(st.error().describe());
            QMetaObject::invokeMethod(self, [self, err] {
                if (self) {
                    self->m_status->setText(Tr::tr("Could not connect: %1").arg(err));
                    self->setBusy(false);
                }
            }, Qt::QueuedConnection);
            return;
        }
        auto canceller = shared->canceller();
        QMetaObject::invokeMethod(self, [self, canceller] { if (self) self->m_canceller = canceller; }, Qt::QueuedConnection);
        auto report = cs::runChecksum(*shared, replicas, o, [self](const cs::ChecksumProgress &p) {
            QMetaObject::invokeMethod(self, [self, p] { if (self) self->showProgress(p); }, Qt::QueuedConnection);
        }, cancel);
        QMetaObject::invokeMethod(self, [self, report] {
            if (!self)
                return;
            self->m_canceller.reset();
            self->setBusy(false);
            if (!report) {
                self->m_status->setText(Tr::tr("Checksum failed: %1").arg(qs(report.error().describe())));
                if (self->m_history)
                    recordChecksumFailure(*self->m_history, report.error());
                return;
            }
            self->showReport(*report);
            if (self->m_history)
                recordChecksumRun(*self->m_history, *report);
        }, Qt::QueuedConnection);
    });
}

void ChecksumDialog::showProgress(const cs::ChecksumProgress &p)
{
    const int percent = p.rowsTotal > 0 ? static_cast<int>(std::min<std::uint64_t>(100, p.rowsDone * 100 / p.rowsTotal)) : 0;
    m_progress->setValue(percent);
    const double rate = p.elapsedSeconds > 0 ? static_cast<double>(p.rowsDone) / p.elapsedSeconds : 0;
    const double eta = rate > 0 && p.rowsTotal > p.rowsDone ? static_cast<double>(p.rowsTotal - p.rowsDone) / rate : 0;
    m_rate->setText(Tr::tr("%1 rows/s · ETA %2 s · %3.%4 chunk %5%6")
                        .arg(rate, 0, 'f', 0)
                        .arg(eta, 0, 'f', 0)
                        .arg(qs(p.database), qs(p.table))
                        .arg(p.chunk)
                        .arg(p.phase == "throttle" ? Tr::tr(" (paused: replica lag / load)") : QString()));
}

void ChecksumDialog::showReport(const cs::ChecksumReport &report)
{
    m_report = report;
    int maxChunks = 1;
    for (const cs::TableResult &t : report.tables)
        maxChunks = std::max(maxChunks, static_cast<int>(t.chunks.size()));
    m_heat->clear();
    m_heat->setRowCount(static_cast<int>(report.tables.size()));
    m_heat->setColumnCount(maxChunks);
    QStringList rows, skipped;
    int diffs = 0;
    for (std::size_t r = 0; r < report.tables.size(); ++r) {
        const cs::TableResult &t = report.tables[r];
        rows << qs(t.database + "." + t.table);
        if (!t.skipReason.empty()) {
            skipped << QStringLiteral("%1.%2 — %3").arg(qs(t.database), qs(t.table), qs(t.skipReason));
            auto *item = new QTableWidgetItem(Tr::tr("skipped"));
            item->setBackground(QColor(0xbd, 0xbd, 0xbd));
            item->setToolTip(qs(t.skipReason));
            m_heat->setItem(static_cast<int>(r), 0, item);
            m_heat->setSpan(static_cast<int>(r), 0, 1, maxChunks);
            continue;
        }
        for (std::size_t c = 0; c < t.chunks.size(); ++c) {
            const cs::ChunkResult &ch = t.chunks[c];
            QStringList where;
            bool differs = false;
            for (std::size_t i = 0; i < ch.replicaState.size(); ++i) {
                if (ch.replicaState[i] == cs::ChunkState::Differs) {
                    differs = true;
                    where << Tr::tr("%1: %2 rows (primary %3)").arg(qs(report.replicas[i])).arg(ch.replicaRows[i]).arg(ch.primaryRows);
                }
            }
            diffs += differs ? 1 : 0;
            auto *item = new QTableWidgetItem;
            item->setBackground(differs ? QColor(0xd3, 0x2f, 0x2f) : QColor(0x66, 0xbb, 0x6a));
            item->setData(Qt::UserRole, differs ? 1 : 0);
            item->setData(Qt::UserRole + 1, static_cast<int>(r));
            item->setData(Qt::UserRole + 2, static_cast<int>(c));
            item->setToolTip(Tr::tr("chunk %1: %2 %3 .. %4, %5 rows%6")
                                 .arg(ch.chunk)
                                 .arg(qs(t.keyName), joined(ch.bounds.lower), joined(ch.bounds.upper))
                                 .arg(ch.primaryRows)
                                 .arg(differs ? QStringLiteral("\n") + where.join(QLatin1Char('\n')) : QString()));
            m_heat->setItem(static_cast<int>(r), static_cast<int>(c), item);
        }
    }
    m_heat->setVerticalHeaderLabels(rows);
    m_skipped->setVisible(!skipped.isEmpty());
    m_skipped->setText(Tr::tr("%n table(s) NOT checked:", nullptr, static_cast<int>(skipped.size())) + QStringLiteral("\n") +
                       skipped.join(QLatin1Char('\n')));
    m_progress->setValue(report.cancelled ? m_progress->value() : 100);
    m_status->setText(report.cancelled
                          ? Tr::tr("Cancelled after %1 rows; running again with resume continues.").arg(report.rows)
                          : diffs > 0 ? Tr::tr("%1 chunks differ. Select a red cell and drill down.").arg(diffs)
                                      : Tr::tr("All %1 rows match on every replica (%2 s).").arg(report.rows).arg(report.seconds, 0, 'f', 2));
}

void ChecksumDialog::drillSelected()
{
    const auto sel = m_heat->selectedItems();
    if (sel.isEmpty())
        return;
    const auto &t = m_report.tables[static_cast<std::size_t>(sel.front()->data(Qt::UserRole + 1).toInt())];
    const auto &ch = t.chunks[static_cast<std::size_t>(sel.front()->data(Qt::UserRole + 2).toInt())];
    std::size_t replica = 0;
    for (std::size_t i = 0; i < ch.replicaState.size(); ++i) {
        if (ch.replicaState[i] == cs::ChunkState::Differs) {
            replica = i;
            break;
        }
    }
    m_drillReplica = replica;
    m_drillBounds = ch.bounds;
    const std::string db = t.database, table = t.table;
    const auto primaryOptions = m_primaryOptions;
    const auto replicaOptions = m_runReplicas[replica].options;
    const auto bounds = ch.bounds;
    QPointer<ChecksumDialog> self(this);
    m_status->setText(Tr::tr("Comparing keys and row hashes…"));
    runWorker([self, db, table, primaryOptions, replicaOptions, bounds] {
        auto p = core::createConnection(primaryOptions);
        auto r = core::createConnection(replicaOptions);
        Result<std::vector<cs::RowDiff>> diffs = makeError(ErrorCode::Internal, "");
        Result<cs::TableInfo> info = makeError(ErrorCode::Internal, "");
        if (auto a = p->connect(); !a)
            diffs = a.error();
        else if (auto b = r->connect(); !b)
            diffs = b.error();
        else if (info = cs::loadTable(*p, db, table); !info)
            diffs = info.error();
        else
            diffs = cs::diffChunkRows(*p, *r, *info, bounds);
        QMetaObject::invokeMethod(self, [self, diffs, info] {
            if (!self)
                return;
            self->setBusy(false);
            if (!diffs) {
                self->m_status->setText(Tr::tr("Drill-down failed: %1").arg(qs(diffs.error().describe())));
                return;
            }
            self->showDiffs(*info, *diffs);
        }, Qt::QueuedConnection);
    });
}

void ChecksumDialog::showDiffs(const cs::TableInfo &table, const std::vector<cs::RowDiff> &diffs)
{
    m_drillTable = table;
    m_rowDiffs = diffs;
    QStringList headers{Tr::tr("Difference"), Tr::tr("Key")};
    for (const cs::Column &c : table.columns)
        headers << Tr::tr("%1 (primary | replica)").arg(qs(c.name));
    m_diffs->clear();
    m_diffs->setColumnCount(static_cast<int>(headers.size()));
    m_diffs->setHorizontalHeaderLabels(headers);
    m_diffs->setRowCount(static_cast<int>(diffs.size()));
    for (std::size_t r = 0; r < diffs.size(); ++r) {
        const cs::RowDiff &d = diffs[r];
        const QString kind = d.kind == cs::RowDiffKind::Missing ? Tr::tr("missing on replica")
                             : d.kind == cs::RowDiffKind::Extra ? Tr::tr("extra on replica")
                                                                : Tr::tr("different");
        m_diffs->setItem(static_cast<int>(r), 0, new QTableWidgetItem(kind));
        m_diffs->setItem(static_cast<int>(r), 1, new QTableWidgetItem(joined(d.key)));
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const auto val = [&](const std::vector<std::optional<std::string>> &row) {
                if (row.empty())
                    return QStringLiteral("—");
                return row[c] ? qs(*row[c]) : QStringLiteral("NULL");
            };
            const QString a = val(d.primaryRow), b = val(d.replicaRow);
            auto *item = new QTableWidgetItem(a == b ? a : a + QStringLiteral(" | ") + b);
            if (a != b)
                item->setBackground(QColor(0xff, 0xcd, 0xd2));
            m_diffs->setItem(static_cast<int>(r), static_cast<int>(c) + 2, item);
        }
    }
    m_diffs->resizeColumnsToContents();
    updatePreview();
    m_apply->setEnabled(!diffs.empty());
    m_status->setText(Tr::tr("%n differing row(s). Review the statements, then apply.", nullptr, static_cast<int>(diffs.size())));
}

void ChecksumDialog::updatePreview()
{
    if (m_rowDiffs.empty()) {
        m_preview->clear();
        return;
    }
    const bool onReplica = m_onReplica->isChecked();
    const std::string node = onReplica && m_drillReplica < m_runReplicas.size() ? m_runReplicas[m_drillReplica].name
                                                                                  : m_primaryOptions.label();
    const bool cascaded = m_drillReplica < m_runReplicas.size() && m_runReplicas[m_drillReplica].cascaded;
    const cs::RepairPlan plan = cs::planRepair(m_drillTable, m_rowDiffs, onReplica ? cs::RepairTarget::Replica : cs::RepairTarget::Primary,
                                               node, cascaded);
    QStringList text;
    text << (onReplica ? Tr::tr("-- ON THE REPLICA %1 ONLY, binary logging off:").arg(qs(node))
                       : Tr::tr("-- ON THE PRIMARY %1: every replica receives these statements").arg(qs(node)));
    for (const std::string &w : plan.warnings)
        text << QStringLiteral("-- ") + qs(w);
    for (const std::string &s : plan.sessionSetup)
        text << qs(s) + QLatin1Char(';');
    for (const std::string &s : plan.statements)
        text << qs(s) + QLatin1Char(';');
    m_preview->setPlainText(text.join(QLatin1Char('\n')));
}

void ChecksumDialog::applyRepair()
{
    const bool onReplica = m_onReplica->isChecked();
    const cs::ReplicaTarget target = m_runReplicas[m_drillReplica];
    const auto primaryOptions = m_primaryOptions;
    const cs::RepairPlan plan = cs::planRepair(m_drillTable, m_rowDiffs, onReplica ? cs::RepairTarget::Replica : cs::RepairTarget::Primary,
                                               onReplica ? target.name : primaryOptions.label(), target.cascaded);
    const auto table = m_drillTable;
    const auto bounds = m_drillBounds;
    QPointer<ChecksumDialog> self(this);
    m_status->setText(Tr::tr("Applying the repair…"));
    runWorker([self, plan, target, primaryOptions, table, bounds, onReplica] {
        auto p = core::createConnection(primaryOptions);
        auto r = core::createConnection(target.options);
        QString outcome;
        bool ok = false;
        if (auto a = p->connect(); !a)
            outcome = qs(a.error().describe());
        else if (auto b = r->connect(); !b)
            outcome = qs(b.error().describe());
        else if (auto applied = cs::applyRepair(onReplica ? *r : *p, plan); !applied)
            outcome = qs(applied.error().describe());
        else if (auto v = cs::compareChunkDirect(*p, *r, table, {}, bounds); !v)
            outcome = Tr::tr("applied (%1 rows); re-verify failed: %2").arg(*applied).arg(qs(v.error().describe()));
        else {
            ok = v->match();
            outcome = v->match() ? Tr::tr("applied (%1 rows); chunk re-verified: match").arg(*applied)
                                 : Tr::tr("applied (%1 rows); chunk STILL DIFFERS").arg(*applied);
        }
        QMetaObject::invokeMethod(self, [self, plan, outcome, ok] {
            if (!self)
                return;
            self->setBusy(false);
            self->m_status->setText(outcome);
            if (ok) {
                self->m_rowDiffs.clear();
                self->m_apply->setEnabled(false);
            }
            if (self->m_history)
                recordChecksumRepair(*self->m_history, plan, outcome, ok);
        }, Qt::QueuedConnection);
    });
}

void recordChecksumRun(HistoryStore &store, const cs::ChecksumReport &report)
{
    int diffs = 0;
    for (const cs::TableResult &t : report.tables)
        for (std::size_t i = 0; i < report.replicas.size(); ++i)
            diffs += t.differingChunks(i);
    store.recordAction(qs(report.primary), Tr::tr("Table checksum"),
                       QStringLiteral("checksum via switchyard.checksums (binlog_format=STATEMENT)"),
                       Tr::tr("%1 tables, %2 rows, %3 differing chunks, %4 skipped%5")
                           .arg(report.tables.size())
                           .arg(report.rows)
                           .arg(diffs)
                           .arg(report.skippedTables())
                           .arg(report.cancelled ? Tr::tr(", cancelled") : QString()),
                       diffs > 0 ? core::Severity::Warning : core::Severity::Info);
}

void recordPgCompare(HistoryStore &store, const cs::PgCompareReport &report, const QString &database)
{
    int chunks = 0, missing = 0;
    std::size_t rows = 0;
    for (const cs::PgTableResult &t : report.tables) {
        chunks += static_cast<int>(t.differingChunks.size());
        rows += t.rowDiffs.size();
        missing += t.missingOnA || t.missingOnB ? 1 : 0;
    }
    store.recordAction(qs(report.a), Tr::tr("Table checksum (compare with %1)").arg(qs(report.b)),
                       QStringLiteral("REPEATABLE READ READ ONLY snapshots on both nodes; md5 of the rows per chunk"),
                       Tr::tr("database %1: %2 tables, %3 rows, %4 differing chunks, %5 differing rows, %6 tables on "
                              "one side only, %7 skipped")
                           .arg(database)
                           .arg(report.tables.size())
                           .arg(report.rows)
                           .arg(chunks)
                           .arg(rows)
                           .arg(missing)
                           .arg(report.skippedTables()),
                       report.anyDifference() ? core::Severity::Warning : core::Severity::Info);
}

void recordChecksumFailure(HistoryStore &store, const Error &error)
{
    store.recordAction(qs(error.node), Tr::tr("Table checksum"), QString(), qs(error.describe()), core::Severity::Warning);
}

void recordChecksumRepair(HistoryStore &store, const cs::RepairPlan &plan, const QString &outcome, bool ok)
{
    QStringList sql;
    for (const std::string &s : plan.sessionSetup)
        sql << qs(s) + QLatin1Char(';');
    for (const std::string &s : plan.statements)
        sql << qs(s) + QLatin1Char(';');
    store.recordAction(qs(plan.node), Tr::tr("Checksum repair"), sql.join(QLatin1Char('\n')), outcome,
                       ok ? core::Severity::Info : core::Severity::Warning);
}

} // namespace switchyard::ui
