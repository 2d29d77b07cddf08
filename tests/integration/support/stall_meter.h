// Measures how long the GUI thread's event loop was ever blocked: a 10 ms timer records the
// longest gap between its ticks. Tests assert the console never stalls while it waits on
// servers. Thread contract: create and read on the GUI thread (needs a Q(Core)Application).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

namespace switchyard::itest {

class StallMeter
{
public:
    StallMeter()
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
        m_timer.start(10);
        m_clock.start();
    }
    qint64 worstGapMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace switchyard::itest
