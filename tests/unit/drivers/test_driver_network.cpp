// The drivers against sockets this test opens itself on 127.0.0.1: a refused port, a listener
// that never answers, a fake MySQL server. No database server is needed.
#include "switchyard/core/connection.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using namespace switchyard;
using namespace switchyard::core;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// A TCP socket bound to 127.0.0.1 on a free port; listening or not.
class LocalSocket
{
public:
    explicit LocalSocket(bool listening)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return;
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        if (listening)
            ::listen(m_fd, 16);   // the kernel completes handshakes; nobody ever accepts
    }
    ~LocalSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    LocalSocket(const LocalSocket &) = delete;
    LocalSocket &operator=(const LocalSocket &) = delete;

    int fd() const { return m_fd; }
    std::uint16_t port() const { return m_port; }

private:
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

ConnectionOptions optionsFor(Engine engine, std::uint16_t port, std::chrono::milliseconds connectTimeout)
{
    ConnectionOptions o;
    o.engine = engine;
    o.host = "127.0.0.1";
    o.port = port;
    o.user = "nobody";
    o.password = "secret-pw-never-shown";
    o.connectTimeout = connectTimeout;
    o.readTimeout = 1000ms;
    o.writeTimeout = 1000ms;
    o.tls.mode = TlsMode::Disabled;
    return o;
}

long long msSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

class Drivers : public ::testing::TestWithParam<Engine>
{
};

std::string engineParamName(const ::testing::TestParamInfo<Engine> &info)
{
    return std::string(engineName(info.param));
}

} // namespace

TEST_P(Drivers, ClosedPortFailsFastWithConnectFailed)
{
    LocalSocket bound(false);   // bound, not listening: connects are refused, and the port stays ours
    ASSERT_NE(bound.port(), 0);
    auto c = createConnection(optionsFor(GetParam(), bound.port(), 3000ms));
    const auto start = Clock::now();
    Status s = c->connect();
    const auto elapsed = msSince(start);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::ConnectFailed) << s.error().describe();
    EXPECT_EQ(s.error().node, "127.0.0.1:" + std::to_string(bound.port()));
    EXPECT_LT(elapsed, 1000);
    EXPECT_EQ(s.error().describe().find("secret-pw-never-shown"), std::string::npos);
    EXPECT_FALSE(c->isOpen());
}

TEST_P(Drivers, SilentListenerTimesOutWithinConnectTimeout)
{
    LocalSocket listener(true);
    ASSERT_NE(listener.port(), 0);
    for (TlsMode mode : {TlsMode::Disabled, TlsMode::Required}) {
        ConnectionOptions o = optionsFor(GetParam(), listener.port(), 700ms);
        o.tls.mode = mode;
        o.nodeName = "silent";
        auto c = createConnection(o);
        const auto start = Clock::now();
        Status s = c->connect();
        const auto elapsed = msSince(start);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().code, ErrorCode::Timeout) << s.error().describe();
        EXPECT_EQ(s.error().node, "silent");
        EXPECT_NE(s.error().message.find("700 ms"), std::string::npos) << s.error().message;
        EXPECT_GE(elapsed, 690) << tlsModeName(mode);
        EXPECT_LE(elapsed, 700 + 300) << tlsModeName(mode);
    }
}

TEST_P(Drivers, ServerHangingUpDuringHandshakeIsConnectFailed)
{
    LocalSocket listener(true);
    std::thread server([&] {
        pollfd p{listener.fd(), POLLIN, 0};
        if (::poll(&p, 1, 3000) == 1) {
            const int fd = ::accept(listener.fd(), nullptr, nullptr);
            if (fd >= 0)
                ::close(fd);
        }
    });
    auto c = createConnection(optionsFor(GetParam(), listener.port(), 3000ms));
    const auto start = Clock::now();
    Status s = c->connect();
    server.join();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::ConnectFailed) << s.error().describe();
    EXPECT_LT(msSince(start), 2000);
}

INSTANTIATE_TEST_SUITE_P(BothEngines, Drivers, ::testing::Values(Engine::MySQL, Engine::PostgreSQL),
                         engineParamName);

// Connector/C 3.3 goes on without TLS when the server does not offer it, even with
// MYSQL_OPT_SSL_ENFORCE; the driver reads the greeting first and stops before logging in.
TEST(MysqlTls, RequiredRefusesAServerWithoutTlsBeforeSendingCredentials)
{
    LocalSocket listener(true);
    std::atomic<long> bytesFromClient{-1};
    std::thread server([&] {
        pollfd p{listener.fd(), POLLIN, 0};
        if (::poll(&p, 1, 3000) != 1)
            return;
        const int fd = ::accept(listener.fd(), nullptr, nullptr);
        if (fd < 0)
            return;
        std::string payload;
        payload += '\x0a';
        payload += "10.11.19-MariaDB";
        payload += '\0';
        payload += std::string("\x05\x00\x00\x00", 4);
        payload += "abcdefgh";
        payload += '\0';
        payload += std::string("\xfe\xf7", 2);   // capabilities without CLIENT_SSL (0x0800)
        payload += '\x2d';
        payload += std::string("\x02\x00\xff\x81\x15", 5);
        payload += std::string(10, '\0');
        payload += "ijklmnopqrst";
        payload += '\0';
        payload += "mysql_native_password";
        payload += '\0';
        std::string packet;
        packet += static_cast<char>(payload.size() & 0xff);
        packet += static_cast<char>((payload.size() >> 8) & 0xff);
        packet += '\0';
        packet += '\0';   // sequence 0
        packet += payload;
        (void)!::send(fd, packet.data(), packet.size(), MSG_NOSIGNAL);
        long total = 0;
        char buffer[512];
        pollfd q{fd, POLLIN, 0};
        while (::poll(&q, 1, 1500) == 1) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            total += n;
        }
        bytesFromClient = total;
        ::close(fd);
    });
    ConnectionOptions o = optionsFor(Engine::MySQL, listener.port(), 3000ms);
    o.tls.mode = TlsMode::Required;
    auto c = createConnection(o);
    Status s = c->connect();
    server.join();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::TlsFailed) << s.error().describe();
    EXPECT_NE(s.error().message.find("does not offer TLS"), std::string::npos) << s.error().message;
    EXPECT_EQ(bytesFromClient.load(), 0);   // not a byte of the login went out
}
