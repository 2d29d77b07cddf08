// `switchyard-cli sandbox ...` as a user runs it: the built binary, its exit codes, its one-line
// errors on stderr, its --json, and the profile `up` registers. Real servers on both engines.

#include "process.h"
#include "sandbox_fixture.h"

#include "switchyard/core/sandbox.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#ifndef SWITCHYARD_CLI
#error "SWITCHYARD_CLI must name the switchyard-cli binary"
#endif

namespace fs = std::filesystem;
using namespace switchyard;
using namespace switchyard::core;

namespace {

std::string engineKey(Engine engine)
{
    return engine == Engine::PostgreSQL ? "postgres" : "mariadb";
}

// A private HOME and XDG directories (the profile store writes there) and a sandbox root, all
// under the test-sandboxes root; the sandboxes are destroyed when it goes, also on failure.
struct CliWorld
{
    explicit CliWorld(const std::string &tag)
        : base(itest::ScopedSandbox::rootDirectory() + "/.cli-" + tag), root(base + "/sandboxes")
    {
        cleanup();
        fs::create_directories(base + "/home");
        fs::create_directories(base + "/config");
        fs::create_directories(base + "/data");
        fs::create_directories(base + "/runtime");
        fs::permissions(base + "/runtime", fs::perms::owner_all);
    }
    ~CliWorld() { cleanup(); }

    void cleanup()
    {
        std::error_code ec;
        if (fs::exists(root, ec)) {
            SandboxManager manager(root);
            if (auto all = manager.list()) {
                for (const auto &info : *all)
                    (void)manager.destroy(info.name);
            }
        }
        fs::remove_all(base, ec);
    }

    ProcessOutput run(std::vector<std::string> args, std::vector<std::string> env = {}) const
    {
        ProcessSpec spec;
        spec.argv = {SWITCHYARD_CLI};
        spec.argv.insert(spec.argv.end(), args.begin(), args.end());
        spec.env = {"HOME=" + base + "/home",          "XDG_CONFIG_HOME=" + base + "/config",
                    "XDG_DATA_HOME=" + base + "/data", "XDG_RUNTIME_DIR=" + base + "/runtime",
                    "QT_QPA_PLATFORM=offscreen",       "LC_ALL=C.UTF-8"};
        spec.env.insert(spec.env.end(), env.begin(), env.end());
        auto out = runProcess(spec, {}, std::chrono::seconds(120));
        if (!out) {
            ProcessOutput failed;
            failed.err = out.error().describe();
            return failed;
        }
        return *out;
    }

    std::string profileFile(const std::string &name) const
    {
        return base + "/config/switchyard/profiles/" + name + ".json";
    }

    std::string base;
    std::string root;
};

QJsonObject parseJson(const ProcessOutput &out)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out.out), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << "not JSON: " << out.out;
    return doc.object();
}

// The CLI's failure contract: non-zero exit and exactly one line "switchyard-cli: ..." on stderr.
void expectOneLineFailure(const ProcessOutput &out, int code, const std::string &mentions = {})
{
    EXPECT_EQ(out.exitCode, code) << out.describeExit() << "\nstdout: " << out.out << "\nstderr: " << out.err;
    EXPECT_EQ(out.err.rfind("switchyard-cli: ", 0), 0u) << out.err;
    EXPECT_EQ(std::count(out.err.begin(), out.err.end(), '\n'), 1) << out.err;
    if (!mentions.empty()) {
        EXPECT_NE(out.err.find(mentions), std::string::npos)
            << "expected \"" << mentions << "\" in: " << out.err;
    }
}

std::string readAll(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class SandboxCliEngine : public ::testing::TestWithParam<Engine>
{
};

} // namespace

TEST(SandboxCli, HelpOnEverySubcommand)
{
    CliWorld world("help");
    const auto top = world.run({"sandbox", "--help"});
    EXPECT_EQ(top.exitCode, 0) << top.err;
    for (const char *sub : {"up", "status", "list", "down", "destroy"})
        EXPECT_NE(top.out.find(sub), std::string::npos) << top.out;
    const std::map<std::string, std::vector<std::string>> options = {
        {"up", {"--engine", "--name", "--replicas", "--base-port", "--dir", "--json"}},
        {"status", {"--name", "--dir", "--json"}},
        {"list", {"--dir", "--json"}},
        {"down", {"--name", "--dir"}},
        {"destroy", {"--name", "--dir"}},
    };
    for (const auto &[sub, expected] : options) {
        const auto help = world.run({"sandbox", sub, "--help"});
        EXPECT_EQ(help.exitCode, 0) << sub << ": " << help.err;
        EXPECT_NE(help.out.find("switchyard-cli sandbox " + sub), std::string::npos) << help.out;
        for (const auto &option : expected)
            EXPECT_NE(help.out.find(option), std::string::npos) << sub << " --help lacks " << option << ":\n"
                                                                << help.out;
    }
}

TEST(SandboxCli, UsageErrorsExitTwoWithOneLine)
{
    CliWorld world("usage");
    expectOneLineFailure(world.run({"sandbox"}), 2, "subcommand");
    expectOneLineFailure(world.run({"sandbox", "frobnicate"}), 2, "frobnicate");
    expectOneLineFailure(world.run({"sandbox", "up", "--dir", world.root}), 2, "--engine");
    expectOneLineFailure(world.run({"sandbox", "up", "--engine", "oracle", "--dir", world.root}), 2,
                         "oracle");
    expectOneLineFailure(
        world.run({"sandbox", "up", "--engine", "mariadb", "--base-port", "99999", "--dir", world.root}), 2,
        "--base-port");
    expectOneLineFailure(
        world.run({"sandbox", "up", "--engine", "mariadb", "--name", "../x", "--dir", world.root}), 2);
    expectOneLineFailure(world.run({"sandbox", "up", "--engine", "mariadb", "--bogus"}), 2, "bogus");
    expectOneLineFailure(world.run({"sandbox", "status", "--dir", world.root}), 2, "--name");
    expectOneLineFailure(world.run({"sandbox", "down", "--dir", world.root}), 2, "--name");
    expectOneLineFailure(world.run({"sandbox", "status", "--name", "nope", "--dir", world.root}), 1, "nope");
    expectOneLineFailure(world.run({"sandbox", "destroy", "--name", "nope", "--dir", world.root}), 1, "nope");
    const auto empty = world.run({"sandbox", "list", "--dir", world.root, "--json"});
    EXPECT_EQ(empty.exitCode, 0) << empty.err;
    EXPECT_TRUE(parseJson(empty).value(QStringLiteral("sandboxes")).toArray().isEmpty());
}

TEST(SandboxCli, MissingBinaryFailsNamingThePackage)
{
    CliWorld world("nobin");
    itest::PortBlock ports(Engine::MySQL, 3, "cli-nobin");
    ASSERT_NE(ports.base(), 0);
    const auto out = world.run({"sandbox", "up", "--engine", "mariadb", "--base-port",
                                std::to_string(ports.base()), "--dir", world.root},
                               {"SWITCHYARD_SANDBOX_BIN_DIRS=" + world.base + "/home"});
    expectOneLineFailure(out, 1, "mariadb-server");
}

TEST_P(SandboxCliEngine, UpStatusListDownUpDestroy)
{
    const Engine engine = GetParam();
    const bool maria = engine == Engine::MySQL;
    const std::string name = "cli-" + engineKey(engine);
    CliWorld world(engineKey(engine));
    itest::PortBlock ports(engine, 2, "cli-" + engineKey(engine));
    ASSERT_NE(ports.base(), 0);
    const std::string base = std::to_string(ports.base());

    // up: creates, reports JSON, registers the profile (without a password in it).
    auto up = world.run({"sandbox", "up", "--engine", engineKey(engine), "--name", name, "--replicas", "1",
                         "--base-port", base, "--dir", world.root, "--json"});
    ASSERT_EQ(up.exitCode, 0) << up.err;
    QJsonObject json = parseJson(up);
    EXPECT_EQ(json.value(QStringLiteral("name")).toString().toStdString(), name);
    EXPECT_EQ(json.value(QStringLiteral("engine")).toString().toStdString(), engineKey(engine));
    EXPECT_TRUE(json.value(QStringLiteral("running")).toBool());
    EXPECT_FALSE(json.value(QStringLiteral("already_running")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("profile")).toString().toStdString(), name);
    const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
    ASSERT_EQ(nodes.size(), 2);
    std::vector<ProcessIdentity> servers;
    for (int i = 0; i < nodes.size(); ++i) {
        const QJsonObject node = nodes[i].toObject();
        EXPECT_EQ(node.value(QStringLiteral("port")).toInt(), ports.base() + i);
        EXPECT_EQ(node.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
        EXPECT_EQ(node.value(QStringLiteral("role")).toString(),
                  i == 0 ? QStringLiteral("primary") : QStringLiteral("replica"));
        EXPECT_TRUE(node.value(QStringLiteral("running")).toBool());
        EXPECT_FALSE(node.value(QStringLiteral("data_dir")).toString().isEmpty());
        auto id = identifyProcess(node.value(QStringLiteral("pid")).toInt());
        ASSERT_TRUE(id.has_value());
        servers.push_back(*id);
    }
    const std::string adminPassword = json.value(QStringLiteral("credentials"))
                                          .toObject()
                                          .value(QStringLiteral("admin"))
                                          .toObject()
                                          .value(QStringLiteral("password"))
                                          .toString()
                                          .toStdString();
    EXPECT_GE(adminPassword.size(), 16u);
    const std::string profile = readAll(world.profileFile(name));
    EXPECT_NE(profile.find("\"sandbox\""), std::string::npos) << profile;
    EXPECT_NE(profile.find("\"" + world.root + "\""), std::string::npos)
        << "the profile names the sandbox root:\n"
        << profile;
    EXPECT_EQ(profile.find(adminPassword), std::string::npos) << "the profile must not copy a password";

    // up again: already running, nothing changed; and without --engine for an existing one.
    auto again = world.run({"sandbox", "up", "--name", name, "--dir", world.root, "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_TRUE(parseJson(again).value(QStringLiteral("already_running")).toBool());
    auto text =
        world.run({"sandbox", "up", "--engine", engineKey(engine), "--name", name, "--dir", world.root});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("already running"), std::string::npos) << text.out;

    // status and list.
    auto status = world.run({"sandbox", "status", "--name", name, "--dir", world.root, "--json"});
    ASSERT_EQ(status.exitCode, 0) << status.err;
    json = parseJson(status);
    EXPECT_TRUE(json.value(QStringLiteral("running")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("credentials"))
                  .toObject()
                  .value(QStringLiteral("monitor"))
                  .toObject()
                  .value(QStringLiteral("user"))
                  .toString(),
              QStringLiteral("monitor"));
    auto statusText = world.run({"sandbox", "status", "--name", name, "--dir", world.root});
    ASSERT_EQ(statusText.exitCode, 0) << statusText.err;
    EXPECT_NE(statusText.out.find(maria ? "n2" : "pg2"), std::string::npos) << statusText.out;
    EXPECT_NE(statusText.out.find(adminPassword), std::string::npos) << "status shows the credentials";
    auto list = world.run({"sandbox", "list", "--dir", world.root, "--json"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    const QJsonArray listed = parseJson(list).value(QStringLiteral("sandboxes")).toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject().value(QStringLiteral("name")).toString().toStdString(), name);
    EXPECT_FALSE(listed[0].toObject().contains(QStringLiteral("credentials")));

    // A second sandbox on the same ports: refused, naming the port and who holds it.
    auto clash = world.run({"sandbox", "up", "--engine", engineKey(engine), "--name", name + "-clash",
                            "--base-port", base, "--dir", world.root});
    expectOneLineFailure(clash, 1, "port " + base);
    EXPECT_NE(clash.err.find(maria ? "mariadbd" : "postgres"), std::string::npos) << clash.err;

    // down: exit 0 once every server has exited.
    auto down = world.run({"sandbox", "down", "--name", name, "--dir", world.root});
    ASSERT_EQ(down.exitCode, 0) << down.err;
    for (const auto &server : servers)
        EXPECT_FALSE(isAlive(server)) << "pid " << server.pid;
    json = parseJson(world.run({"sandbox", "status", "--name", name, "--dir", world.root, "--json"}));
    EXPECT_FALSE(json.value(QStringLiteral("running")).toBool());
    for (const auto &node : json.value(QStringLiteral("nodes")).toArray())
        EXPECT_EQ(node.toObject().value(QStringLiteral("pid")).toInt(), 0);

    // up again: started again.
    auto restart = world.run({"sandbox", "up", "--name", name, "--dir", world.root, "--json"});
    ASSERT_EQ(restart.exitCode, 0) << restart.err;
    json = parseJson(restart);
    EXPECT_TRUE(json.value(QStringLiteral("restarted")).toBool());
    EXPECT_TRUE(json.value(QStringLiteral("running")).toBool());

    // destroy: gone.
    auto destroy = world.run({"sandbox", "destroy", "--name", name, "--dir", world.root});
    ASSERT_EQ(destroy.exitCode, 0) << destroy.err;
    EXPECT_FALSE(fs::exists(world.root + "/" + name));
    expectOneLineFailure(world.run({"sandbox", "status", "--name", name, "--dir", world.root}), 1, name);
}

std::string cliEngineName(const ::testing::TestParamInfo<Engine> &param)
{
    return engineKey(param.param);
}

INSTANTIATE_TEST_SUITE_P(Engines, SandboxCliEngine, ::testing::Values(Engine::MySQL, Engine::PostgreSQL),
                         cliEngineName);
