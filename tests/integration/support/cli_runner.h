// Runs switchyard-cli (SWITCHYARD_CLI) the way a user would, but with HOME and the XDG config
// and data directories inside a private temporary directory: profiles, keychain fallbacks and
// event logs a test creates never touch the real ones, and vanish with the runner.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace switchyard::itest {

class CliRunner
{
public:
    CliRunner() : m_env(QProcessEnvironment::systemEnvironment())
    {
        m_env.insert(QStringLiteral("HOME"), m_home.path());
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    }

    QProcessEnvironment &environment() { return m_env; }
    QString home() const { return m_home.path(); }

    // The exit code; stdout and stderr into `out` and `err` when given. A run that does not
    // finish within `timeoutMs` fails the test (and is killed with the QProcess).
    int operator()(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr,
                   int timeoutMs = 120000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(SWITCHYARD_CLI), args);
        EXPECT_TRUE(p.waitForFinished(timeoutMs)) << "switchyard-cli " << args.join(QLatin1Char(' ')).toStdString();
        if (out)
            *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitCode();
    }

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

} // namespace switchyard::itest
