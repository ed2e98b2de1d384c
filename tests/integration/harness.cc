#include "harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "core/db/database.h"
#include "core/http/request.h"

extern char** environ;

namespace entente::testing {
namespace {

int Connect(std::uint16_t port) {
  int fd = ConnectLoopback(port);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot connect to 127.0.0.1:{}", port));
  return fd;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

int ConnectLoopback(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string Backend() {
  const char* backend = std::getenv("ENTENTE_TEST_BACKEND");
  return backend && *backend ? backend : "sqlite";
}

bool IsPostgres() { return Backend() == "postgres"; }

std::filesystem::path TemporaryDirectory() {
  // Never destroyed, so that the atexit handler below can still read it.
  static const std::filesystem::path* directory = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "entente-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    auto* path = new std::filesystem::path(pattern);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(TemporaryDirectory(), ignored);
    });
    return path;
  }();
  return *directory;
}

std::string FreshDatabaseUrl(const std::string& name) {
  if (!IsPostgres()) return "sqlite://" + (TemporaryDirectory() / (name + ".db")).string();
  const char* base = std::getenv("ENTENTE_TEST_DATABASE_URL");
  if (!base || !*base) {
    throw std::runtime_error(
        "ENTENTE_TEST_BACKEND=postgres needs ENTENTE_TEST_DATABASE_URL: run the suite through scripts/with-postgres "
        "(make test does)");
  }
  // One database per name: create it on the server of ENTENTE_TEST_DATABASE_URL.
  std::string url = base;
  std::string server = url.substr(0, url.rfind('/'));
  std::string database = "entente_" + name;
  soci::session admin(*soci::factory_postgresql(), db::DatabaseUrl::Parse(url)->postgres_conninfo);
  admin << "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)";
  admin << "CREATE DATABASE " + database;
  return server + "/" + database;
}

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::string ReadUntilClosed(int fd, std::chrono::milliseconds timeout) {
  std::string received;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[65536];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd poll_fd{fd, POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) break;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<size_t>(n));
  }
  return received;
}

std::string SendRaw(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout) {
  int fd = Connect(port);
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (413, 431): read what it said
    sent += static_cast<size_t>(n);
  }
  std::string received = ReadUntilClosed(fd, timeout);
  ::close(fd);
  return received;
}

HttpResponse ParseResponse(const std::string& raw) {
  HttpResponse response;
  size_t header_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || header_end == std::string::npos) return response;
  response.status = std::stoi(raw.substr(9, 3));
  size_t line_start = raw.find("\r\n") + 2;
  while (line_start < header_end) {
    size_t line_end = raw.find("\r\n", line_start);
    std::string line = raw.substr(line_start, line_end - line_start);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      std::string name = Lower(line.substr(0, colon));
      if (name == "set-cookie") response.set_cookies.push_back(value);
      response.headers.emplace(std::move(name), value);
    }
    line_start = line_end + 2;
  }
  std::string body = raw.substr(header_end + 4);
  if (response.Header("transfer-encoding") == "chunked") body.clear();
  std::string length = response.Header("content-length");
  if (!length.empty()) body = body.substr(0, std::min(body.size(), std::stoul(length)));
  response.body = std::move(body);
  return response;
}

HttpResponse Request(std::uint16_t port, const std::string& method, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  std::string raw = fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n", method, target, port);
  for (const auto& [name, value] : headers) raw += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST") raw += fmt::format("Content-Length: {}\r\n", body.size());
  raw += "\r\n" + body;
  return ParseResponse(SendRaw(port, raw));
}

namespace {

TestServer* shared_server = nullptr;

// Stops the shared server's threads before static destruction begins.
class SharedServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    delete shared_server;
    shared_server = nullptr;
  }
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new SharedServerEnvironment);

}  // namespace

std::string SetCookieHeader(const HttpResponse& response, const std::string& name) {
  for (const auto& cookie : response.set_cookies) {
    if (cookie.starts_with(name + "=")) return cookie;
  }
  return {};
}

std::string SetCookieValue(const HttpResponse& response, const std::string& name) {
  std::string header = SetCookieHeader(response, name);
  if (header.empty()) return {};
  return header.substr(name.size() + 1, header.find(';') - name.size() - 1);
}

std::string Browser::CookieHeader() const {
  std::string header;
  for (const auto& [name, value] : cookies) header += (header.empty() ? "" : "; ") + name + "=" + value;
  return header;
}

void Browser::Absorb(const HttpResponse& response) {
  for (const auto& cookie : response.set_cookies) {
    size_t eq = cookie.find('=');
    std::string name = cookie.substr(0, eq);
    std::string value = cookie.substr(eq + 1, cookie.find(';') - eq - 1);
    if (cookie.find("Max-Age=0") != std::string::npos) {
      cookies.erase(name);
    } else {
      cookies[name] = value;
    }
  }
  size_t at = response.body.find("name=\"csrf_token\" value=\"");
  if (at != std::string::npos) {
    size_t start = at + std::string("name=\"csrf_token\" value=\"").size();
    csrf_token = response.body.substr(start, response.body.find('"', start) - start);
  }
}

HttpResponse Browser::Get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers) {
  if (!cookies.empty()) headers.emplace_back("Cookie", CookieHeader());
  auto response = Request(port, "GET", target, headers);
  Absorb(response);
  return response;
}

HttpResponse Browser::PostForm(const std::string& target, const std::string& fields) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  if (!cookies.empty()) headers.emplace_back("Cookie", CookieHeader());
  std::string body = "csrf_token=" + csrf_token + (fields.empty() ? "" : "&" + fields);
  auto response = Request(port, "POST", target, headers, body);
  Absorb(response);
  return response;
}

HttpResponse Browser::SendJson(const std::string& method, const std::string& target, const std::string& body) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"},
                                                              {"X-CSRF-Token", csrf_token}};
  if (!cookies.empty()) headers.emplace_back("Cookie", CookieHeader());
  auto response = Request(port, method, target, headers, body);
  Absorb(response);
  return response;
}

Browser AnonymousBrowser(std::uint16_t port) {
  Browser browser;
  browser.port = port;
  browser.Get("/sign-in");
  return browser;
}

Browser SignedInBrowser(std::uint16_t port, const std::string& email, const std::string& password) {
  Browser browser = AnonymousBrowser(port);
  auto signed_in = browser.PostForm("/sign-in", "email=" + http::PercentEncode(email) +
                                                    "&password=" + http::PercentEncode(password) + "&next=/account");
  EXPECT_EQ(signed_in.status, 303) << "sign-in as " << email << ": " << signed_in.body.substr(0, 300);
  browser.Get("/account");  // a page with forms: the session's CSRF token
  return browser;
}

auth::Permit<OrganizationId> SystemPermit(OrganizationId organization) {
  return *auth::Policy::AsSystem(auth::Actor::System("test"), "organization", organization);
}

auth::Actor SignedInActor(const std::string& email, const std::string& password) {
  auto& accounts = TestServer::Shared().app().accounts();
  auto session = accounts.SignIn(email, password, "127.0.0.1", "test");
  if (!session) throw std::runtime_error("cannot sign in as " + email + ": " + session.error().message());
  auto actor = accounts.AuthenticateSession(session->token, "test");
  if (!actor || !*actor) throw std::runtime_error("no session for " + email);
  return **actor;
}

long long AuditCount(const std::string& action, long long entity) {
  auto count = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long total = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE action = :action AND entity_id = :id", soci::use(action),
        soci::use(entity), soci::into(total);
    return total;
  });
  return count.value_or(-1);
}

TestServer& TestServer::Shared() {
  if (!shared_server) shared_server = new TestServer("integration", {});
  return *shared_server;
}

std::unique_ptr<TestServer> TestServer::StartOwn(const std::string& database_name,
                                                 const std::function<void(app::Config&)>& adjust) {
  return std::unique_ptr<TestServer>(new TestServer(database_name, adjust));
}

TestServer::TestServer(const std::string& database_name, const std::function<void(app::Config&)>& adjust) {
  auto config = app::Config::Load(std::nullopt, {});
  if (!config) throw std::runtime_error(config.error().message());
  config_ = *config;
  config_.database_url = FreshDatabaseUrl(database_name);
  config_.listen = "127.0.0.1:0";
  config_.threads = 2;
  config_.access_log = false;
  if (adjust) adjust(config_);
  auto app = app::App::Create(config_);
  if (!app) throw std::runtime_error("cannot create the app: " + app.error().message());
  app_ = std::move(*app);
  if (auto seeded = app_->SeedDemo(); !seeded) throw std::runtime_error("demo: " + seeded.error().message());
  app_->Start();
}

TestServer::~TestServer() {
  app_->Shutdown();
  app_->Wait();
}

ChildProcess::ChildProcess(const std::vector<std::string>& arguments,
                           const std::map<std::string, std::string>& environment, const Streams& streams) {
  std::vector<std::string> arguments_storage = {ENTENTE_BINARY};
  arguments_storage.insert(arguments_storage.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : arguments_storage) argv.push_back(argument.data());
  argv.push_back(nullptr);
  std::vector<std::string> environment_storage;
  for (char** entry = environ; *entry; ++entry) {
    std::string_view text(*entry);
    bool overridden = false;
    for (const auto& [name, value] : environment) {
      if (text.starts_with(name + "=")) overridden = true;
    }
    if (!overridden) environment_storage.emplace_back(text);
  }
  for (const auto& [name, value] : environment) environment_storage.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& entry : environment_storage) envp.push_back(entry.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!streams.input.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, streams.input.c_str(), O_RDONLY, 0);
  }
  if (!streams.output.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, streams.output.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  }
  int spawned = posix_spawn(&pid_, ENTENTE_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " ENTENTE_BINARY);
}

ChildProcess::~ChildProcess() {
  if (!exited_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

void ChildProcess::Signal(int signal) { ::kill(pid_, signal); }

int ChildProcess::WaitForExit(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t result = ::waitpid(pid_, &status, WNOHANG);
    if (result == pid_) {
      exited_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::uint16_t FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool WaitUntilHealthy(std::uint16_t port, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      if (Get(port, "/healthz").status == 200) return true;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace entente::testing
