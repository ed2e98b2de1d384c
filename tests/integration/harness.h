#pragma once
// The integration suite's fixtures: a real Entente server on a random loopback port over a
// fresh database (SQLite in a temporary folder, or the PostgreSQL server of
// scripts/with-postgres), and a small HTTP/1.1 client that speaks to it over a socket.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/auth/policy.h"

namespace entente::testing {

// "sqlite" or "postgres", from ENTENTE_TEST_BACKEND (default sqlite).
std::string Backend();
bool IsPostgres();

// A fresh, empty database URL for this test run. For PostgreSQL, the database named by
// ENTENTE_TEST_DATABASE_URL with its public schema emptied; the suite fails (never skips) when
// that variable is missing.
std::string FreshDatabaseUrl(const std::string& name);

// A unique temporary folder, removed at exit.
std::filesystem::path TemporaryDirectory();

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names in lower case
  std::vector<std::string> set_cookies;
  std::string body;

  std::string Header(const std::string& lower_case_name) const;
};

// What a connected socket receives until the server closes it or `timeout` passes.
std::string ReadUntilClosed(int fd, std::chrono::milliseconds timeout);
// Sends raw bytes on a new connection and reads until the server closes it or `timeout` passes.
std::string SendRaw(std::uint16_t port, const std::string& bytes,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
// Parses one HTTP/1.1 response (status line, headers, body by Content-Length or to the end).
HttpResponse ParseResponse(const std::string& raw);

// One request on a new connection with `Connection: close`.
HttpResponse Request(std::uint16_t port, const std::string& method, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                     const std::string& body = "");
inline HttpResponse Get(std::uint16_t port, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  return Request(port, "GET", target, headers);
}

// A client that keeps the cookies a browser would, and the CSRF token of its last page.
struct Browser {
  std::uint16_t port = 0;
  std::map<std::string, std::string> cookies;
  std::string csrf_token;

  std::string CookieHeader() const;
  // Takes the response's Set-Cookie headers (a Max-Age=0 cookie is dropped) and the CSRF token
  // of its forms, if any.
  void Absorb(const HttpResponse& response);
  HttpResponse Get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {});
  // A form POST carrying the CSRF token.
  HttpResponse PostForm(const std::string& target, const std::string& fields);
  // A JSON request carrying the CSRF token in X-CSRF-Token.
  HttpResponse SendJson(const std::string& method, const std::string& target, const std::string& body);
};

// An anonymous browser that has opened the sign-in page (and so holds the CSRF cookie).
Browser AnonymousBrowser(std::uint16_t port);
// A browser signed in as `email`; fails the test if the sign-in does not succeed.
Browser SignedInBrowser(std::uint16_t port, const std::string& email,
                        const std::string& password = "entente-demo-2014");

// The actor of a demo account, signed in through the service (for service-level tests).
// The platform's own permit to write for an organization, for tests that write through a store.
auth::Permit<OrganizationId> SystemPermit(OrganizationId organization);

auth::Actor SignedInActor(const std::string& email, const std::string& password = "entente-demo-2014");

// The value of a cookie set by the response, or empty.
std::string SetCookieValue(const HttpResponse& response, const std::string& name);
std::string SetCookieHeader(const HttpResponse& response, const std::string& name);

// The application, started in this process on 127.0.0.1:<random port>, demo loaded.
class TestServer {
 public:
  // One per test binary run (shared by the tests: starting it costs the migrations).
  static TestServer& Shared();
  // A server of its own over a fresh database named `database_name` (demo loaded), for a test
  // whose fixtures must not be seen by the others (the access matrix).
  // `adjust` may change its configuration first (limits, folders).
  static std::unique_ptr<TestServer> StartOwn(const std::string& database_name,
                                              const std::function<void(app::Config&)>& adjust = {});

  std::uint16_t port() const { return app_->port(); }
  app::App& app() { return *app_; }
  const app::Config& config() const { return config_; }

  ~TestServer();

 private:
  explicit TestServer(const std::string& database_name, const std::function<void(app::Config&)>& adjust = {});
  app::Config config_;
  std::unique_ptr<app::App> app_;
};

// Audit entries of `action` on the record `entity` in the shared server's database; -1 when the
// database cannot be read.
long long AuditCount(const std::string& action, long long entity);

// A child process running the real `entente` binary with extra ENTENTE_* variables; killed with
// SIGKILL at destruction if still running.
class ChildProcess {
 public:
  // Where the child's standard streams go: an empty path leaves the stream inherited.
  struct Streams {
    std::filesystem::path input;   // read as standard input
    std::filesystem::path output;  // standard output and standard error, truncated first
  };
  ChildProcess(const std::vector<std::string>& arguments, const std::map<std::string, std::string>& environment,
               const Streams& streams = {});
  ~ChildProcess();
  int pid() const { return pid_; }
  void Signal(int signal);
  // The exit status, or -1 when it has not exited within `timeout`.
  int WaitForExit(std::chrono::milliseconds timeout);

 private:
  int pid_ = -1;
  bool exited_ = false;
};

// A connected socket to 127.0.0.1:port, or -1.
int ConnectLoopback(std::uint16_t port);

// A free loopback port (bound, then released).
std::uint16_t FreePort();
// Polls GET /healthz until it answers 200; false after `timeout`.
bool WaitUntilHealthy(std::uint16_t port, std::chrono::milliseconds timeout);

}  // namespace entente::testing
