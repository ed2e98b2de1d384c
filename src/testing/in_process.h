#pragma once
// Fixtures for tests beside the code (src/**/*_test.cc): a migrated SQLite database in memory,
// and the whole application in-process over one, whose requests go straight to
// Pipeline::Handle — the same middleware, routes, access rules and error pages as a server, no
// socket. The integration suite (tests/integration) keeps what needs a real listener or
// PostgreSQL.
//
//   auto& app = testing::InProcessApp::Demo();
//   testing::Client paris(app);
//   paris.SignIn("paris.admin@demo.entente.example");
//   http::Response page = paris.Get("/events/moot-court-2014");
//   EXPECT_EQ(page.status, 200);

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "core/db/database.h"
#include "core/http/request.h"

namespace entente::testing {

// A fresh SQLite database file in memory (/dev/shm where it exists, else the temporary folder),
// migrated; removed with the object. Throws std::runtime_error when it cannot be made.
class MemoryDatabase {
 public:
  MemoryDatabase();
  ~MemoryDatabase();
  MemoryDatabase(const MemoryDatabase&) = delete;
  MemoryDatabase& operator=(const MemoryDatabase&) = delete;

  db::Database& database() { return *database_; }
  // "sqlite:///dev/shm/…", for an App over this file.
  const std::string& url() const { return url_; }

 private:
  std::string folder_;
  std::string url_;
  std::unique_ptr<db::Database> database_;
};

// The application over its own MemoryDatabase.
class InProcessApp {
 public:
  // One per test binary with the demo loaded (the Paris–Almaty story): tests read it and may add
  // records of their own with unique slugs, never change the demo's.
  static InProcessApp& Demo();
  // An application of its own over an empty database (migrated, no demo).
  static std::unique_ptr<InProcessApp> Empty();

  app::App& app() { return *app_; }
  // `request.target` is split into path and query as the server does.
  http::Response Handle(http::Request request);

 private:
  explicit InProcessApp(bool with_demo);

  MemoryDatabase database_;
  std::unique_ptr<app::App> app_;
};

// A browser's part of a conversation with an InProcessApp: its cookies and the CSRF token of the
// last page that had forms.
class Client {
 public:
  explicit Client(InProcessApp& app) : app_(app) {}

  http::Response Get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {});
  // A form POST carrying the CSRF token (open a page with a form first, or SignIn()).
  http::Response PostForm(const std::string& target, const std::string& fields);
  // A JSON request with the CSRF token in X-CSRF-Token.
  http::Response SendJson(const std::string& method, const std::string& target, const std::string& body);
  // Signs in through the sign-in form; throws std::runtime_error when it does not succeed.
  void SignIn(const std::string& email, const std::string& password = "entente-demo-2014");

  const std::string& csrf_token() const { return csrf_token_; }

 private:
  http::Response Send(http::Request request);
  void Absorb(const http::Response& response);

  InProcessApp& app_;
  std::vector<std::pair<std::string, std::string>> cookies_;
  std::string csrf_token_;
};

}  // namespace entente::testing
