#include "testing/in_process.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "app/config.h"
#include "core/db/migrations.h"

namespace entente::testing {
namespace {

std::filesystem::path MemoryFolder() {
  std::error_code error;
  std::filesystem::path base = std::filesystem::is_directory("/dev/shm", error) ? std::filesystem::path("/dev/shm")
                                                                                : std::filesystem::temp_directory_path();
  static std::atomic<int> counter = 0;
  std::filesystem::path folder =
      base / ("entente-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
  std::filesystem::create_directories(folder);
  return folder;
}

}  // namespace

MemoryDatabase::MemoryDatabase() {
  folder_ = MemoryFolder().string();
  url_ = "sqlite://" + folder_ + "/entente.db";
  auto url = db::DatabaseUrl::Parse(url_);
  if (!url) throw std::runtime_error(url.error().message());
  auto database = db::Database::Open(*url, 2);
  if (!database) throw std::runtime_error(database.error().message());
  database_ = std::move(*database);
  if (auto migrated = db::Migrate(*database_); !migrated) throw std::runtime_error(migrated.error().message());
}

MemoryDatabase::~MemoryDatabase() {
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

InProcessApp::InProcessApp(bool with_demo) {
  auto config = app::Config::Load(std::nullopt, {});
  if (!config) throw std::runtime_error(config.error().message());
  config->database_url = database_.url();
  config->database_pool_size = 2;
  config->listen = "127.0.0.1:0";
  config->access_log = false;
  auto app = app::App::Create(*config);
  if (!app) throw std::runtime_error("cannot create the app: " + app.error().message());
  app_ = std::move(*app);
  if (with_demo) {
    if (auto seeded = app_->SeedDemo(); !seeded) throw std::runtime_error("demo: " + seeded.error().message());
  }
}

InProcessApp& InProcessApp::Demo() {
  static InProcessApp* app = new InProcessApp(true);  // lives until exit, like the process
  return *app;
}

std::unique_ptr<InProcessApp> InProcessApp::Empty() { return std::unique_ptr<InProcessApp>(new InProcessApp(false)); }

http::Response InProcessApp::Handle(http::Request request) {
  std::string_view target = request.target;
  size_t question = target.find('?');
  request.path = http::PercentDecode(target.substr(0, question), http::Plus::kLiteral);
  request.query = question == std::string_view::npos ? "" : std::string(target.substr(question + 1));
  if (request.remote_address.empty()) request.remote_address = "127.0.0.1";
  return app_->pipeline().Handle(request);
}

http::Response Client::Send(http::Request request) {
  std::string cookie;
  for (const auto& [name, value] : cookies_) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie.empty()) request.headers.emplace_back("cookie", cookie);
  request.headers.emplace_back("host", "localhost");
  http::Response response = app_.Handle(std::move(request));
  Absorb(response);
  return response;
}

void Client::Absorb(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie" && name != "set-cookie") continue;
    size_t eq = value.find('=');
    std::string cookie = value.substr(0, eq);
    std::string content = value.substr(eq + 1, value.find(';') - eq - 1);
    std::erase_if(cookies_, [&](const auto& entry) { return entry.first == cookie; });
    if (value.find("Max-Age=0") == std::string::npos) cookies_.emplace_back(cookie, content);
  }
  const std::string marker = "name=\"csrf_token\" value=\"";
  size_t at = response.body.find(marker);
  if (at != std::string::npos) {
    size_t start = at + marker.size();
    csrf_token_ = response.body.substr(start, response.body.find('"', start) - start);
  }
}

http::Response Client::Get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers) {
  http::Request request;
  request.method = http::Method::kGet;
  request.target = target;
  for (auto& [name, value] : headers) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), std::move(value));
  }
  return Send(std::move(request));
}

http::Response Client::PostForm(const std::string& target, const std::string& fields) {
  http::Request request;
  request.method = http::Method::kPost;
  request.target = target;
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}, {"origin", "http://localhost"}};
  request.body = "csrf_token=" + http::PercentEncode(csrf_token_) + (fields.empty() ? "" : "&" + fields);
  return Send(std::move(request));
}

http::Response Client::SendJson(const std::string& method, const std::string& target, const std::string& body) {
  http::Request request;
  request.method = http::ParseMethod(method);
  request.target = target;
  request.headers = {{"content-type", "application/json"}, {"x-csrf-token", csrf_token_}};
  request.body = body;
  return Send(std::move(request));
}

void Client::SignIn(const std::string& email, const std::string& password) {
  Get("/sign-in");
  http::Response signed_in = PostForm("/sign-in", "email=" + http::PercentEncode(email) +
                                                      "&password=" + http::PercentEncode(password) + "&next=/account");
  if (signed_in.status != 303) {
    throw std::runtime_error("sign-in as " + email + " answered " + std::to_string(signed_in.status));
  }
  Get("/account");  // a page with forms: the session's CSRF token
}

}  // namespace entente::testing
