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
#include <fstream>
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

// `entente serve` on the database; `serve` never loads the demo (SeedDemo does, as an operator).
Server StartServer(const std::string& database_url, std::map<std::string, std::string> environment = {},
                   const ChildProcess::Streams& streams = {}) {
  std::uint16_t port = FreePort();
  environment.emplace("ENTENTE_DATABASE_URL", database_url);
  environment.emplace("ENTENTE_LISTEN", fmt::format("127.0.0.1:{}", port));
  environment.emplace("ENTENTE_ACCESS_LOG", "false");
  environment.emplace("ENTENTE_LOG_LEVEL", "warn");
  auto process = std::make_unique<ChildProcess>(std::vector<std::string>{"serve"}, environment, streams);
  EXPECT_TRUE(WaitUntilHealthy(port, 30s)) << "the server did not start";
  return {port, std::move(process)};
}

// `entente ARGUMENTS…` on the database; its exit status, its output in `output` when given.
int RunCommand(const std::vector<std::string>& arguments, const std::string& database_url,
               std::string* output = nullptr, const std::filesystem::path& input = {}) {
  static int runs = 0;
  auto log = TemporaryDirectory() / fmt::format("command-{}.log", ++runs);
  ChildProcess command(arguments, {{"ENTENTE_DATABASE_URL", database_url}, {"ENTENTE_LOG_LEVEL", "info"}},
                       {.input = input, .output = log});
  int status = command.WaitForExit(120s);
  if (output) {
    std::ifstream in(log);
    *output = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return status;
}

void SeedDemo(const std::string& database_url) {
  std::string output;
  ASSERT_EQ(RunCommand({"seed", "demo"}, database_url, &output), 0) << output;
}

void Open(soci::session& sql, const std::string& url) {
  if (url.starts_with("sqlite://")) {
    sql.open(*soci::factory_sqlite3(), "db=" + url.substr(9));
  } else {
    sql.open(*soci::factory_postgresql(), db::DatabaseUrl::Parse(url)->postgres_conninfo);
  }
}

long long CountRows(const std::string& url, const std::string& table) {
  soci::session sql;
  Open(sql, url);
  long long count = 0;
  // `table` is one of the names written in the tests below, never input.
  sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

long long CountOrganizations(const std::string& url) { return CountRows(url, "organizations"); }

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
  SeedDemo(url);
  auto server = StartServer(url);
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

// docs/SECURITY.md 21: the server killed with SIGKILL while writers are busy, again and again. Every
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
  SeedDemo(url);
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    auto server = StartServer(url);
    Browser signed_in = SignedInBrowser(server.port, "paris.member@demo.entente.example");
    std::atomic<bool> killed{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&, w, browser = signed_in]() mutable {
        for (int n = 0; n < 100'000 && !killed; ++n) {
          std::string name = fmt::format("kill9-{}-{}-{}", cycle, w, n);
          HttpResponse response;
          try {
            response = browser.SendJson("POST", "/api/v1/tokens", fmt::format(R"({{"name":"{}"}})", name));
          } catch (const std::exception&) {
            break;  // the server is gone: connections are refused until the next cycle starts it
          }
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

// docs/SECURITY.md 21 on PostgreSQL: the database server itself stops with `pg_ctl stop -m immediate`
// (no checkpoint) while writers are busy, and starts again. Every acknowledged write is there
// afterwards, and the application, which kept running, serves writes again on new connections.
TEST(ProcessTest, PostgresCrashDuringWritesLosesNoAcknowledgedWrite) {
  if (!IsPostgres()) GTEST_SKIP() << "a PostgreSQL server crash (the SQLite run has the kill -9 test)";
  const char* crash = std::getenv("ENTENTE_TEST_PG_CRASH");
  ASSERT_TRUE(crash && *crash) << "scripts/with-postgres sets ENTENTE_TEST_PG_CRASH";
  std::string url = FreshDatabaseUrl("pgcrash");
  SeedDemo(url);
  auto server = StartServer(url);
  Browser signed_in = SignedInBrowser(server.port, "paris.member@demo.entente.example");
  std::set<std::string> acknowledged;
  std::mutex mutex;
  for (int cycle = 0; cycle < 3; ++cycle) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 3; ++w) {
      writers.emplace_back([&, w, browser = signed_in]() mutable {
        for (int n = 0; n < 100'000 && !stop; ++n) {
          std::string name = fmt::format("pgcrash-{}-{}-{}", cycle, w, n);
          auto response = browser.SendJson("POST", "/api/v1/tokens", fmt::format(R"({{"name":"{}"}})", name));
          if (response.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged.insert(name);
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300 + 200 * cycle));
    ASSERT_EQ(std::system(crash), 0) << "the crash-and-restart script failed";
    // The writers go on through the outage and after it.
    std::this_thread::sleep_for(500ms);
    stop = true;
    for (auto& writer : writers) writer.join();
    std::set<std::string> stored = TokenNames(url);
    size_t missing = 0;
    for (const auto& name : acknowledged) missing += stored.contains(name) ? 0 : 1;
    EXPECT_EQ(missing, 0u) << "acknowledged writes lost after crash " << cycle + 1;
    // The server healed its connections: a write now succeeds at once.
    auto after = signed_in.SendJson("POST", "/api/v1/tokens", fmt::format(R"({{"name":"after-crash-{}"}})", cycle));
    EXPECT_EQ(after.status, 201) << "no write after crash " << cycle + 1 << ": " << after.body;
  }
  RecordProperty("acknowledged_writes", static_cast<int>(acknowledged.size()));
  EXPECT_GT(acknowledged.size(), 9u);
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

// Issue 11, item 4: the demo only when asked. `serve` on a new database loads nothing (no demo
// account signs in) and says in its log how to begin.
TEST(ProcessTest, ServeOnANewDatabaseStartsEmptyAndSaysHowToBegin) {
  std::string url = FreshDatabaseUrl("empty_serve");
  auto log = TemporaryDirectory() / "empty-serve.log";
  auto server = StartServer(url, {{"ENTENTE_LOG_LEVEL", "info"}}, {.input = {}, .output = log});
  EXPECT_EQ(CountRows(url, "organizations"), 0);
  EXPECT_EQ(CountRows(url, "people"), 0);
  EXPECT_EQ(CountRows(url, "users"), 0);
  Browser anonymous = AnonymousBrowser(server.port);
  auto refused = anonymous.PostForm(
      "/sign-in", "email=paris.member%40demo.entente.example&password=entente-demo-2014&next=/account");
  EXPECT_NE(refused.status, 303) << "a demo account signed in on a database nobody seeded";
  server.process->Signal(SIGTERM);
  EXPECT_EQ(server.process->WaitForExit(10s), 0);
  std::ifstream in(log);
  std::string text(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(text.find("`entente seed demo`"), std::string::npos) << text;
  EXPECT_NE(text.find("`entente user add"), std::string::npos) << text;
  EXPECT_EQ(text.find("demo loaded"), std::string::npos) << text;
}

// A database where a real account exists never becomes a demo database (whose accounts have a
// published password): `seed demo` refuses, writes nothing and exits 1; `--if-new` leaves it.
TEST(ProcessTest, SeedDemoRefusesADatabaseHoldingAnAccountThatIsNotADemoAccount) {
  std::string url = FreshDatabaseUrl("seed_refused");
  auto password = TemporaryDirectory() / "admin-password.txt";
  std::ofstream(password) << "correct-horse-battery-bar-2024\n";
  std::string output;
  ASSERT_EQ(RunCommand({"user", "add", "--email", "first.admin@bar.example", "--name", "First Admin"}, url, &output,
                       password),
            0)
      << output;
  EXPECT_EQ(RunCommand({"seed", "demo"}, url, &output), 1);
  EXPECT_NE(output.find("1 account(s) that are not demo accounts"), std::string::npos) << output;
  EXPECT_EQ(CountRows(url, "organizations"), 0) << "nothing is written";
  EXPECT_EQ(CountRows(url, "users"), 1);
  EXPECT_EQ(RunCommand({"seed", "demo", "--if-new"}, url, &output), 0) << output;
  EXPECT_NE(output.find("the demo is not loaded again"), std::string::npos) << output;
  EXPECT_EQ(CountRows(url, "organizations"), 0);
  EXPECT_EQ(CountRows(url, "users"), 1);
}

// What `make run` does twice: `seed demo --if-new` seeds the new database, and the next run
// keeps what was changed since.
TEST(ProcessTest, SeedDemoIfNewSeedsANewDatabaseOnceAndKeepsItsDataAfterwards) {
  std::string url = FreshDatabaseUrl("seed_if_new");
  std::string output;
  ASSERT_EQ(RunCommand({"migrate"}, url, &output), 0) << output;
  ASSERT_EQ(RunCommand({"seed", "demo", "--if-new"}, url, &output), 0) << output;
  EXPECT_NE(output.find("demo loaded"), std::string::npos) << output;
  long long organizations = CountRows(url, "organizations");
  long long users = CountRows(url, "users");
  EXPECT_GT(organizations, 0);
  EXPECT_GT(users, 0);
  auto website = [&] {
    soci::session sql;
    Open(sql, url);
    std::string value;
    sql << "SELECT website FROM organizations WHERE slug = 'paris-bar'", soci::into(value);
    return value;
  };
  std::string seeded_website = website();
  {
    soci::session sql;
    Open(sql, url);
    sql << "UPDATE organizations SET website = 'https://kept.example' WHERE slug = 'paris-bar'";
  }

  ASSERT_EQ(RunCommand({"migrate"}, url, &output), 0) << output;
  ASSERT_EQ(RunCommand({"seed", "demo", "--if-new"}, url, &output), 0) << output;
  EXPECT_EQ(output.find("demo loaded"), std::string::npos) << output;
  EXPECT_EQ(website(), "https://kept.example") << "a later run keeps the data";
  EXPECT_EQ(CountRows(url, "organizations"), organizations);
  EXPECT_EQ(CountRows(url, "users"), users);

  // A plain `seed demo` on a demo database is allowed, and loads the demo again over the change:
  // what --if-new spared.
  ASSERT_EQ(RunCommand({"seed", "demo"}, url, &output), 0) << output;
  EXPECT_EQ(website(), seeded_website);
  EXPECT_EQ(CountRows(url, "users"), users);
}

}  // namespace
}  // namespace entente::testing
