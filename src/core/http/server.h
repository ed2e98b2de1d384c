#pragma once
// The HTTP/1.1 server: Boost.Beast on Asio, behind our own Request/Response types. Only
// server.cc includes Beast.
//
// Limits and timeouts (docs/SECURITY.md 12, 18, 19): headers over `max_header_bytes` → 431; a body
// over the route's limit → 413; a malformed request → 400 and the connection closed; a header
// not complete within `header_timeout`, a body not complete within `body_timeout`, or a
// keep-alive connection idle for `idle_timeout` → the connection is closed.
//
// Large bodies: a request whose body limit is above kDefaultMaxBodyBytes (the upload and CSV
// routes, for a client with credentials) receives its body into a temporary file in
// `temporary_directory` (body_file.h) rather than memory, and the handler reads it through
// Request::Content(). At most `uploads_per_address` such requests from one client address are
// read at a time: one more is answered 429 with Retry-After from its header, before its body
// is read, and the connection is closed.
//
// Shutdown (docs/SECURITY.md 23): Shutdown() stops accepting, closes idle connections, lets requests
// already being handled finish (their responses say `Connection: close`), and returns once all
// connections are gone or `shutdown_grace` has passed.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/http/client_address.h"
#include "core/http/request.h"

namespace entente::http {

// What the server calls; implemented by the application (router + middleware).
class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  // The largest body accepted for this method and path, known once the header is read.
  virtual size_t MaxBodyBytes(Method method, std::string_view path) const = 0;
  // Handles a complete request. Must not throw. Called concurrently from the worker threads.
  virtual Response Handle(Request& request) = 0;
  // The response for a request the server refused before it reached a route (400, 413, 431).
  // `request` holds whatever was parsed (the header for a 413, possibly nothing).
  virtual Response Reject(int status, Request& request) = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port; see Server::port()
  int threads = 0;            // 0: one per core
  size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds shutdown_grace{25'000};
  int uploads_per_address = 2;
  std::string temporary_directory = "/tmp";
  // Whose X-Forwarded-For names the client for the upload count (as the pipeline does for the
  // rest: ClientAddress).
  AddressSet trusted_proxies;
};

class Server {
 public:
  Server(ServerOptions options, Dispatcher& dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, then starts the worker threads. Throws std::runtime_error when the
  // address cannot be bound.
  void Start();
  // The bound port (useful when options.port was 0). Valid after Start().
  std::uint16_t port() const;
  // Calls Shutdown() on SIGINT or SIGTERM.
  void ShutdownOnSignals();
  // Drains as described above; safe to call from any thread, more than once.
  void Shutdown();
  // Blocks until the server has shut down and its threads have ended.
  void Wait();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Raises the soft RLIMIT_NOFILE to the hard limit, so many slow clients cannot starve accept().
// Returns the new soft limit.
long RaiseOpenFileLimit();

}  // namespace entente::http
