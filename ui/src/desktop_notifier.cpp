#include "switchyard/ui/desktop_notifier.h"

#include "switchyard/ui/tr.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

#include <utility>

#ifdef SWITCHYARD_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace switchyard::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent) : QObject(parent)
{
#ifdef SWITCHYARD_HAVE_DBUS
    // No session bus address at all: do not even try (a connect attempt would be pointless).
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        useTrayOrNothing();
        return;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        useTrayOrNothing();
        return;
    }
    // Asking for the server information activates a D-Bus-activatable service too.
    const QDBusMessage ask = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("GetServerInformation"));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(ask, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (w->isError())
            useTrayOrNothing();
        else
            setBackend(Backend::FreedesktopDBus);
    });
#else
    useTrayOrNothing();
#endif
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::useTrayOrNothing()
{
    // QSystemTrayIcon needs a QApplication (widgets) and a tray; the CLI and offscreen runs have neither.
    if (qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable()
        && QSystemTrayIcon::supportsMessages()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/switchyard")), this);
        m_tray->setToolTip(QStringLiteral("Switchyard"));
        m_tray->show();
        setBackend(Backend::SystemTray);
    } else {
        setBackend(Backend::None);
    }
}

void DesktopNotifier::setBackend(Backend backend)
{
    m_backend = backend;
    const auto pending = std::exchange(m_pending, {});
    if (available()) {
        for (const auto &[title, body] : pending)
            send(title, body);
    }
    emit backendChanged(backend);
}

QString DesktopNotifier::statusText() const
{
    switch (m_backend) {
    case Backend::Unknown: return Tr::tr("Desktop notifications: looking for the desktop's notification service…");
    case Backend::None: return Tr::tr("Desktop notifications: not available on this desktop (no notification service, no system tray)");
    case Backend::FreedesktopDBus: return Tr::tr("Desktop notifications: through the desktop's notification service");
    case Backend::SystemTray: return Tr::tr("Desktop notifications: through the system tray");
    }
    return {};
}

bool DesktopNotifier::notify(const QString &title, const QString &body, const QString &key)
{
    if (m_backend == Backend::None)
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!key.isEmpty()) {
        const auto it = m_lastByKey.constFind(key);
        if (it != m_lastByKey.constEnd() && it->secsTo(now) < kRepeatSeconds)
            return false;
        m_lastByKey.insert(key, now);
    }
    if (m_backend == Backend::Unknown) {
        if (m_pending.size() < 5)
            m_pending.append({title, body});
        return true;
    }
    send(title, body);
    return true;
}

void DesktopNotifier::send(const QString &title, const QString &body)
{
    ++m_sent;
#ifdef SWITCHYARD_HAVE_DBUS
    if (m_backend == Backend::FreedesktopDBus) {
        QDBusMessage m = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
        QVariantMap hints;
        hints.insert(QStringLiteral("urgency"), QVariant::fromValue(static_cast<uchar>(2)));   // critical
        hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("switchyard"));
        m << QStringLiteral("Switchyard") << 0u << QStringLiteral("switchyard") << title << body << QStringList() << hints
          << -1;
        QDBusConnection::sessionBus().asyncCall(m);   // fire and forget: never wait on the bus
        return;
    }
#endif
    if (m_tray)
        m_tray->showMessage(title, body, QSystemTrayIcon::Critical, 10000);
}

} // namespace switchyard::ui
