// Renders realistic clusters to PNG (offscreen), for people to look at and for the docs:
// a 3-node MariaDB cluster in trouble, a cascade, a co-primary pair, multi-source, a ring,
// 30 nodes, and the whole cluster view. The files go to $SWITCHYARD_SCREENSHOT_DIR, else to
// the build tree. As a test it only checks that each picture was written and is not blank.
#include "switchyard/ui/cluster_view.h"
#include "switchyard/ui/problems_model.h"
#include "switchyard/ui/topology_view.h"

#include "topology_fixtures.h"

#include <QDir>
#include <QFontMetrics>
#include <QImage>
#include <QSplitter>
#include <QTableView>
#include <QTest>

using namespace switchyard;
using namespace switchyard::ui;
namespace fx = switchyard::fixtures;

class TestTopologyScreenshots : public QObject
{
    Q_OBJECT
private:
    QString m_dir;

    void check(const QString &file)
    {
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(file));
    }

    // The troubled MariaDB cluster in a shown cluster view of the given size.
    static bool showTrouble(ClusterView &view, QSize size)
    {
        view.resize(size);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        view.setSnapshot(fx::mariadbTrouble());
        return true;
    }
    // Saves the view's grab as topology-NAME.png and checks that it shows something.
    void save(ClusterView &view, const QString &name)
    {
        QTest::qWait(50);
        const QString file = m_dir + QStringLiteral("/topology-") + name + QStringLiteral(".png");
        QVERIFY(view.grab().save(file));
        check(file);
    }

private slots:
    void initTestCase()
    {
        m_dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
        if (m_dir.isEmpty())
            m_dir = QStringLiteral(SWITCHYARD_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(m_dir));
    }

    void graphs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mariadb-3") << QStringLiteral("mariadb-3");
        QTest::newRow("cascade") << QStringLiteral("cascade");
        QTest::newRow("co-primary") << QStringLiteral("co-primary");
        QTest::newRow("multi-source") << QStringLiteral("multi-source");
        QTest::newRow("ring") << QStringLiteral("ring");
        QTest::newRow("30-nodes") << QStringLiteral("30-nodes");
    }
    void graphs()
    {
        QFETCH(QString, name);
        std::shared_ptr<core::ClusterSnapshot> s;
        if (name == QLatin1String("mariadb-3"))
            s = fx::mariadbTrouble();
        else if (name == QLatin1String("cascade"))
            s = fx::cascade();
        else if (name == QLatin1String("co-primary"))
            s = fx::coPrimary();
        else if (name == QLatin1String("multi-source"))
            s = fx::multiSource();
        else if (name == QLatin1String("ring"))
            s = fx::ring();
        else
            s = fx::large(30);
        TopologyView view;
        view.setSnapshot(s);
        const QString file = m_dir + QStringLiteral("/topology-") + name + QStringLiteral(".png");
        QVERIFY(view.exportPng(file));
        check(file);
    }

    void clusterView()
    {
        ClusterView view;
        QVERIFY(showTrouble(view, {1400, 820}));
        view.selectNode(QStringLiteral("db3"));
        save(view, QStringLiteral("cluster-view"));
    }

    // The console's default size leaves the problems panel about 400 px: every problem's
    // words must still be whole (wrapped, not cut).
    void clusterViewNarrow()
    {
        ClusterView view;
        QVERIFY(showTrouble(view, {1060, 700}));
        QTest::qWait(50);
        auto *table = view.findChild<QTableView *>(QStringLiteral("problemsView"));
        QVERIFY(table);
        QFont bold = table->font(); // critical problems are bold: the wider of the two
        bold.setBold(true);
        const QFontMetrics fm(bold);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex idx = table->model()->index(row, ProblemsModel::ProblemColumn);
            const QRect cell = table->visualRect(idx);
            const QRect needed = fm.boundingRect(QRect(0, 0, cell.width() - 8, 10000), Qt::TextWordWrap,
                                                 idx.data().toString());
            QVERIFY2(needed.height() <= cell.height(), qPrintable(idx.data().toString()));
        }
        save(view, QStringLiteral("cluster-view-narrow"));
    }
};

QTEST_MAIN(TestTopologyScreenshots)
#include "test_topology_screenshots.moc"
