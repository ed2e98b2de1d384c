// The `entente` binary as an operator runs it: shutdown on SIGTERM, slow clients, backups.

#include <arpa/inet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <set>
#include <thread>

#include "core/db/database.h"
#include "harness.h"

namespace entente::testing {
namespace {

using namespace std::chrono_literals;

int OpenConnection(std::uint16_t port) { return ConnectLoopback(port); }

void SendAll(int fd, std::string_view bytes) { ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }

// Reads until the peer closes or `timeout`; returns what arrived.
std::string ReadUntilClosed(int fd, std::chrono::milliseconds timeout, bool* closed = nullptr) {
  std::string received;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[4096];
  if (closed) *closed = false;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{fd, POLLIN, 0};
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (::poll(&poll_fd, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) continue;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      if (closed) *closed = true;
      break;
    }
    received.append(buffer, static_cast<size_t>(n));
  }
  return received;
}

struct Server {
  std::uint16_t port;
  std::unique_ptr<ChildProcess> process;
};

Server StartServer(const std::string& database_url, std::map<std::string, std::string> environment = {}) {
  std::uint16_t port = FreePort();
  environment.emplace("ENTENTE_DATABASE_URL", database_url);
  environment.emplace("ENTENTE_LISTEN", fmt::format("127.0.0.1:{}", port));
  environment.emplace("ENTENTE_ACCESS_LOG", "false");
  environment.emplace("ENTENTE_LOG_LEVEL", "warn");
  auto process = std::make_unique<ChildProcess>(std::vector<std::string>{"serve"}, environment);
  EXPECT_TRUE(WaitUntilHealthy(port, 30s)) << "the server did not start";
  return {port, std::move(process)};
}

long long CountOrganizations(const std::string& url) {
  soci::session sql;
  if (url.starts_with("sqlite://")) {
    sql.open(*soci::factory_sqlite3(), "db=" + url.substr(9));
  } else {
    sql.open(*soci::factory_postgresql(), db::DatabaseUrl::Parse(url)->postgres_conninfo);
  }
  long long count = 0;
  sql << "SELECT COUNT(*) FROM organizations", soci::into(count);
  return count;
}

TEST(ProcessTest, SigtermFinishesInFlightRequestsAndExitsCleanly) {
  auto server = StartServer(FreshDatabaseUrl("sigterm"));
  // A request whose header has arrived and whose body is still coming is in flight.
  int in_flight = OpenConnection(server.port);
  ASSERT_GE(in_flight, 0);
  SendAll(in_flight,
          "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n12345");
  // An idle keep-alive connection is closed at once.
  int idle = OpenConnection(server.port);
  SendAll(idle, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(300ms);
  ASSERT_NE(ReadUntilClosed(idle, 200ms).find("200 OK"), std::string::npos);

  server.process->Signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  bool idle_closed = false;
  ReadUntilClosed(idle, 2s, &idle_closed);
  EXPECT_TRUE(idle_closed);
  EXPECT_EQ(OpenConnection(server.port), -1) << "no new connections after SIGTERM";

  SendAll(in_flight, "67890");
  bool closed = false;
  auto response = ParseResponse(ReadUntilClosed(in_flight, 5s, &closed));
  EXPECT_EQ(response.status, 405) << "the in-flight request got its answer";
  EXPECT_EQ(response.Header("connection"), "close");
  EXPECT_TRUE(closed);
  EXPECT_EQ(server.process->WaitForExit(10s), 0);
  ::close(in_flight);
  ::close(idle);
}

TEST(ProcessTest, SlowClientsAreClosedAndOthersAreServed) {
  auto server = StartServer(FreshDatabaseUrl("slow"), {{"ENTENTE_HEADER_TIMEOUT_SECONDS", "1"}});
  std::vector<int> slow;
  for (int i = 0; i < 50; ++i) {
    int fd = OpenConnection(server.port);
    ASSERT_GE(fd, 0);
    SendAll(fd, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");  // never finishes its header
    slow.push_back(fd);
  }
  EXPECT_EQ(Get(server.port, "/healthz").status, 200) << "others are served meanwhile";
  std::this_thread::sleep_for(1500ms);
  int closed_count = 0;
  for (int fd : slow) {
    bool closed = false;
    ReadUntilClosed(fd, 500ms, &closed);
    closed_count += closed ? 1 : 0;
    ::close(fd);
  }
  EXPECT_EQ(closed_count, 50) << "every slow connection is closed after the header timeout";
  server.process->Signal(SIGTERM);
  EXPECT_EQ(server.process->WaitForExit(10s), 0);
}

TEST(ProcessTest, BackupAndRestoreDrill) {
  std::string url = FreshDatabaseUrl("backup");
  auto server = StartServer(url);  // seeds the demo
  auto backup = TemporaryDirectory() / "drill" / "entente.backup";
  // Online: the server keeps running and serving during the backup.
  ChildProcess backup_process({"backup", "--output", backup.string()}, {{"ENTENTE_DATABASE_URL", url}});
  EXPECT_EQ(Get(server.port, "/").status, 200);
  ASSERT_EQ(backup_process.WaitForExit(60s), 0);
  ASSERT_TRUE(std::filesystem::exists(backup));
  EXPECT_GT(std::filesystem::file_size(backup), 0u);
  for (const auto& entry : std::filesystem::directory_iterator(backup.parent_path())) {
    EXPECT_EQ(entry.path(), backup) << "no temporary file is left behind";
  }
  long long live = CountOrganizations(url);
  EXPECT_GT(live, 0);

  // Restore, check integrity, compare row counts.
  std::string restored;
  if (IsPostgres()) {
    restored = FreshDatabaseUrl("restored");
    std::string command =
        fmt::format("pg_restore --no-owner --exit-on-error --dbname='{}' '{}'", restored, backup.string());
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  } else {
    auto copy = TemporaryDirectory() / "restored.db";
    std::filesystem::copy_file(backup, copy, std::filesystem::copy_options::overwrite_existing);
    restored = "sqlite://" + copy.string();
    soci::session sql(*soci::factory_sqlite3(), "db=" + copy.string());
    std::string integrity;
    sql << "PRAGMA integrity_check", soci::into(integrity);
    EXPECT_EQ(integrity, "ok");
  }
  EXPECT_EQ(CountOrganizations(restored), live);

  // A bad destination is refused with a clear message and leaves nothing behind.
  ChildProcess refused({"backup", "--output", "/proc/entente-cannot-write-here/x.backup"},
                       {{"ENTENTE_DATABASE_URL", url}});
  EXPECT_EQ(refused.WaitForExit(30s), 1);

  server.process->Signal(SIGTERM);
  EXPECT_EQ(server.process->WaitForExit(10s), 0);
}

std::set<std::string> TokenNames(const std::string& url) {
  soci::session sql;
  if (url.starts_with("sqlite://")) {
    sql.open(*soci::factory_sqlite3(), "db=" + url.substr(9));
  } else {
    sql.open(*soci::factory_postgresql(), db::DatabaseUrl::Parse(url)->postgres_conninfo);
  }
  std::set<std::string> names;
  std::string name;
  soci::statement statement = (sql.prepare << "SELECT name FROM api_tokens", soci::into(name));
  statement.execute();
  while (statement.fetch()) names.insert(name);
  return names;
}

// SECURITY.md 21: the server killed with SIGKILL while writers are busy, again and again. Every
// write the server acknowledged (201) is there after each kill, and the SQLite file is sound.
// (This kills the application; stopping PostgreSQL itself with `pg_ctl stop -m immediate` is
// not part of this test.)
TEST(ProcessTest, KillNineDuringWritesLosesNoAcknowledgedWrite) {
  std::string url = FreshDatabaseUrl("kill9");
  std::set<std::string> acknowledged;
  std::mutex mutex;
  size_t refused = 0;
  constexpr int kCycles = 4;
  constexpr int kWriters = 3;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    auto server = StartServer(url);
    Browser signed_in = SignedInBrowser(server.port, "paris.member@demo.entente.example");
    std::atomic<bool> killed{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&, w, browser = signed_in]() mutable {
        for (int n = 0; n < 100'000 && !killed; ++n) {
          std::string name = fmt::format("kill9-{}-{}-{}", cycle, w, n);
          auto response = browser.SendJson("POST", "/api/v1/tokens", fmt::format(R"({{"name":"{}"}})", name));
          std::lock_guard lock(mutex);
          if (response.status == 201) {
            acknowledged.insert(name);
          } else {
            ++refused;  // no answer: the server was killed mid-request (not acknowledged)
          }
        }
      });
    }
    // Kill at a different moment in each cycle, while the writers are busy.
    std::this_thread::sleep_for(std::chrono::milliseconds(300 + 250 * cycle));
    server.process->Signal(SIGKILL);
    killed = true;
    for (auto& writer : writers) writer.join();
    EXPECT_EQ(server.process->WaitForExit(10s), 128 + SIGKILL);

    std::set<std::string> stored = TokenNames(url);
    size_t missing = 0;
    for (const auto& name : acknowledged) missing += stored.contains(name) ? 0 : 1;
    EXPECT_EQ(missing, 0u) << "acknowledged writes lost after kill " << cycle + 1;
    if (!IsPostgres()) {
      soci::session sql(*soci::factory_sqlite3(), "db=" + url.substr(9));
      std::string integrity;
      sql << "PRAGMA integrity_check", soci::into(integrity);
      EXPECT_EQ(integrity, "ok") << "after kill " << cycle + 1;
    }
  }
  RecordProperty("acknowledged_writes", static_cast<int>(acknowledged.size()));
  EXPECT_GT(acknowledged.size(), static_cast<size_t>(kCycles * kWriters)) << "the writers wrote too little to test";
  // The restarted server serves the data written before the last kill.
  auto server = StartServer(url);
  EXPECT_EQ(Get(server.port, "/healthz").status, 200);
  server.process->Signal(SIGTERM);
  EXPECT_EQ(server.process->WaitForExit(10s), 0);
}

TEST(ProcessTest, MigrateIsIdempotentAndCommandsHaveHelp) {
  std::string url = FreshDatabaseUrl("migrate");
  for (int run = 0; run < 2; ++run) {
    ChildProcess migrate({"migrate"}, {{"ENTENTE_DATABASE_URL", url}});
    EXPECT_EQ(migrate.WaitForExit(30s), 0) << "run " << run;
  }
  for (std::vector<std::string> arguments : {std::vector<std::string>{"--help"},
                                             {"serve", "--help"},
                                             {"migrate", "--help"},
                                             {"seed", "demo", "--help"},
                                             {"backup", "--help"}}) {
    ChildProcess help(arguments, {});
    EXPECT_EQ(help.WaitForExit(10s), 0) << arguments.front();
  }
  ChildProcess bad_config({"migrate"}, {{"ENTENTE_DATABASE_URL", "mysql://nowhere"}});
  EXPECT_EQ(bad_config.WaitForExit(10s), 1);
}

}  // namespace
}  // namespace entente::testing
