// Desktop notifications for critical events, where the desktop offers them: the freedesktop
// notification service over the session D-Bus, else a system tray balloon, else nothing (and
// statusText() says so; never an error, never a crash).
//
// Discovery is asynchronous: the D-Bus service is asked for its server information without
// blocking; until it answers, backend() is Unknown and notifications wait in a short queue.
// Bursts are coalesced: the same node and event type at most once a minute.
//
// Thread contract: GUI thread only.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class QSystemTrayIcon;

namespace switchyard::ui {

class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Unknown, None, FreedesktopDBus, SystemTray };

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    Backend backend() const { return m_backend; }
    bool available() const { return m_backend == Backend::FreedesktopDBus || m_backend == Backend::SystemTray; }
    QString statusText() const;    // for the settings: how notifications reach the user, or why not

    // `key` groups repeats (e.g. node + event type): one notification per key per minute.
    // Returns false when it was suppressed or there is nowhere to show it.
    bool notify(const QString &title, const QString &body, const QString &key = {});
    int sentCount() const { return m_sent; }
    // Tests: pretend the desktop offers `backend` (messages are counted, not shown).
    void setBackendForTesting(Backend backend) { setBackend(backend); }

    static constexpr int kRepeatSeconds = 60;

signals:
    void backendChanged(switchyard::ui::DesktopNotifier::Backend backend);

private:
    void setBackend(Backend backend);
    void send(const QString &title, const QString &body);
    void useTrayOrNothing();

    Backend m_backend = Backend::Unknown;
    QSystemTrayIcon *m_tray = nullptr;
    QHash<QString, QDateTime> m_lastByKey;
    QList<QPair<QString, QString>> m_pending;
    int m_sent = 0;
};

} // namespace switchyard::ui
