#include "app/app.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/db/migrations.h"
#include "core/db/settings.h"
#include "core/http/pipeline.h"
#include "core/http/session_middleware.h"
#include "modules/accounts/accounts_demo.h"
#include "modules/accounts/accounts_routes.h"
#include "modules/agreements/agreements_demo.h"
#include "modules/agreements/agreements_routes.h"
#include "modules/agreements/organization_agreements.h"
#include "modules/directory/directory_demo.h"
#include "modules/directory/directory_routes.h"
#include "modules/events/agreement_activities.h"
#include "modules/events/events_demo.h"
#include "modules/events/events_routes.h"
#include "modules/events/organization_events.h"
#include "modules/home/home_routes.h"
#include "modules/training/training_demo.h"
#include "modules/training/training_routes.h"

namespace entente::app {

Status RefreshNameKeys(db::Database& database) {
  auto started = std::chrono::steady_clock::now();
  directory::PeopleService people(database);
  size_t logged = 0;
  auto changed = people.RefreshNameKeys([&](size_t done) {
    if (done - logged >= 100'000) {
      spdlog::info("folding stored names again (the folding rules changed): {} people", done);
      logged = done;
    }
  });
  if (!changed) return Fail(changed.error());
  if (*changed > 0) {
    spdlog::info("names folded again: the keys of {} people changed, in {:.1f} s", *changed,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  return {};
}

Result<std::unique_ptr<App>> App::Create(const Config& config) {
  std::unique_ptr<App> app(new App(config));
  if (auto opened = app->OpenDatabase(); !opened) return Fail(opened.error());
  if (auto loaded = app->LoadPresentation(); !loaded) return Fail(loaded.error());
  if (auto created = app->CreateServices(); !created) return Fail(created.error());
  if (auto routed = app->AddAllRoutes(); !routed) return Fail(routed.error());
  if (auto served = app->CreateServer(); !served) return Fail(served.error());
  return app;
}

Status App::OpenDatabase() {
  auto url = db::DatabaseUrl::Parse(config_.database_url);
  if (!url) return Fail(url.error());
  auto database = db::Database::Open(*url, static_cast<size_t>(config_.database_pool_size));
  if (!database) return Fail(database.error());
  database_ = std::move(*database);
  if (auto migrated = db::Migrate(*database_); !migrated) return Fail(migrated.error());
  // The CSRF key lives in the database, so that every server sharing it accepts the same tokens.
  auto secret = database_->Write([](soci::session& sql) -> Result<std::string> {
    if (auto existing = db::GetSetting(sql, "csrf_secret")) return *existing;
    std::string created = auth::NewSecretHex();
    db::SetSetting(sql, "csrf_secret", created);
    return created;
  });
  if (!secret) return Fail(secret.error());
  csrf_tokens_ = std::make_unique<auth::CsrfTokens>(*secret);
  return {};
}

Status App::LoadPresentation() {
  catalogs_ = std::make_unique<i18n::Catalogs>(config_.locale_dir);
  auto templates = render::Templates::Load(config_.web_dir / "templates", *catalogs_);
  if (!templates) return Fail(templates.error());
  templates_ = std::move(*templates);

  static_files_.AddDirectory("/static/", config_.web_dir / "static");
  // htmx comes from npm (web/package.json), installed at build time and never committed.
  static_files_.AddFile("/static/vendor/htmx.min.js", config_.web_dir / "node_modules/htmx.org/dist/htmx.min.js");
  // Noto Sans from Debian's fonts-noto-core covers Latin, Cyrillic and the Kazakh letters.
  for (const char* face : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"}) {
    static_files_.AddFile(std::string("/static/fonts/") + face,
                          std::filesystem::path("/usr/share/fonts/truetype/noto") / face);
  }

  std::vector<render::NavItem> navigation = home::Navigation();
  for (auto& item : agreements::Navigation()) navigation.push_back(std::move(item));
  for (auto& item : events::Navigation()) navigation.push_back(std::move(item));
  for (auto& item : training::Navigation()) navigation.push_back(std::move(item));
  for (auto& item : directory::Navigation()) navigation.push_back(std::move(item));
  pages_ = std::make_unique<render::PageRenderer>(*templates_, *catalogs_, std::move(navigation));
  return {};
}

Status App::CreateServices() {
  organizations_ = std::make_unique<directory::OrganizationService>(*database_);
  people_ = std::make_unique<directory::PeopleService>(*database_);
  // Keys folded by earlier rules are folded again before anyone searches them.
  if (auto refolded = RefreshNameKeys(*database_); !refolded) return Fail(refolded.error());
  roll_ = std::make_unique<directory::RollService>(*database_);
  roll_imports_ = std::make_unique<directory::RollImports>(*roll_);
  agreements_ = std::make_unique<agreements::AgreementService>(*database_);
  events_ = std::make_unique<events::EventService>(*database_);
  training_ = std::make_unique<training::TrainingService>(*database_);
  // The events serving an objective show on the agreement's tracker.
  agreements_->AddActivitySource(events::AgreementActivities(*events_));
  // An organization's page lists its agreements and its events.
  organizations_->AddRelatedSource(agreements::OrganizationAgreements(*agreements_));
  organizations_->AddRelatedSource(events::OrganizationEvents(*events_));
  accounts_ = std::make_unique<accounts::AccountsService>(
      *database_, accounts::SessionPolicy{.idle_minutes = config_.session_idle_minutes,
                                          .absolute_hours = config_.session_absolute_hours,
                                          .failures_before_delay = config_.sign_in_failures_before_delay,
                                          .max_delay_seconds = config_.sign_in_max_delay_seconds,
                                          .attempts_per_address_per_hour = config_.sign_in_attempts_per_address});
  home_ = std::make_unique<home::HomeService>(*database_, *organizations_, *agreements_, *catalogs_);
  return {};
}

Status App::AddAllRoutes() {
  // Config::Load checked both lists.
  auto metrics_allow = http::AddressSet::Parse(config_.metrics_allow);
  auto trusted_proxies = http::AddressSet::Parse(config_.trusted_proxies);
  if (!metrics_allow) return Fail(metrics_allow.error());
  if (!trusted_proxies) return Fail(trusted_proxies.error());
  AddPlatformRoutes(router_, *database_, metrics_, static_files_, std::move(*metrics_allow));
  home::AddRoutes(router_, *pages_, *home_, config_.scheme());
  directory::AddRoutes(router_, *pages_, *organizations_, *people_, *roll_, *roll_imports_);
  agreements::AddRoutes(router_, *pages_, *agreements_, *organizations_);
  events::AddRoutes(router_, *pages_, *events_, *organizations_);
  training::AddRoutes(router_, *pages_, *training_, *organizations_);
  auto cookie = http::SessionCookie::For(config_.scheme(), config_.session_absolute_hours);
  accounts::AddRoutes(router_, {*accounts_, *organizations_, *pages_, cookie});

  pipeline_ = std::make_unique<http::Pipeline>(
      router_, *pages_, metrics_,
      http::PipelineOptions{.access_log = config_.access_log, .trusted_proxies = *trusted_proxies});
  // Outermost first: headers on every response; who is calling; in which language; forms.
  pipeline_->Use(http::SecurityHeaders(config_.scheme()));
  pipeline_->Use(http::Authenticate(*accounts_, cookie, *pages_));
  pipeline_->Use(http::ChooseLanguage());
  pipeline_->Use(http::ProtectForms(*csrf_tokens_, config_.scheme(), *pages_));
  return {};
}

Status App::CreateServer() {
  auto listen = config_.ListenAddress();
  if (!listen) return Fail(listen.error());
  auto trusted_proxies = http::AddressSet::Parse(config_.trusted_proxies);
  if (!trusted_proxies) return Fail(trusted_proxies.error());
  http::ServerOptions options{
      .host = listen->first,
      .port = listen->second,
      .threads = config_.threads,
      .header_timeout = std::chrono::seconds(config_.header_timeout_seconds),
      .body_timeout = std::chrono::seconds(config_.body_timeout_seconds),
      .idle_timeout = std::chrono::seconds(config_.idle_timeout_seconds),
      .shutdown_grace = std::chrono::seconds(config_.shutdown_grace_seconds),
      .uploads_per_address = config_.uploads_per_address,
      .temporary_directory = config_.TemporaryDirectory().string(),
      .trusted_proxies = *trusted_proxies,
  };
  server_ = std::make_unique<http::Server>(options, *pipeline_);
  return {};
}

Status App::SeedDemo() {
  // The demo accounts have a published password: a database where real people have accounts
  // must never become a demo database, in which those accounts may sign in.
  auto users = accounts_->CountUsers();
  if (!users) return Fail(users.error());
  if (users->other > 0) {
    return Fail(Error::Conflict(
        fmt::format("this database holds {} account(s) that are not demo accounts: the demo, whose accounts have a "
                    "published password, is loaded only into a new database or a demo database (use another "
                    "database.url, e.g. ENTENTE_DATABASE_URL=sqlite://var/demo.db)",
                    users->other)));
  }
  std::string request_id = "seed-" + http::NewRequestId();
  auto directory = directory::LoadDemo(*organizations_, *people_, config_.demo_dir, request_id);
  if (!directory) return Fail(directory.error());
  auto accounts = accounts::LoadDemo(*accounts_, config_.demo_dir, request_id);
  if (!accounts) return Fail(accounts.error());
  auto agreements = agreements::LoadDemo(*agreements_, config_.demo_dir, request_id);
  if (!agreements) return Fail(agreements.error());
  auto events = events::LoadDemo(*events_, config_.demo_dir, request_id);
  if (!events) return Fail(events.error());
  auto courses = training::LoadDemo(*training_, config_.demo_dir, request_id);
  if (!courses) return Fail(courses.error());
  auto marked = database_->Write([](soci::session& sql) -> Status {
    db::SetSetting(sql, db::kDemoSetting, "1");
    return {};
  });
  if (!marked) return Fail(marked.error());
  spdlog::info(
      "demo loaded: {} jurisdictions, {} organizations, {} people, {} demo accounts, {} agreements, {} events, {} "
      "courses",
      directory->jurisdictions, directory->organizations, directory->people, *accounts, *agreements, *events, *courses);
  return {};
}

Result<bool> App::SeedDemoIfNew() {
  auto summary = organizations_->Summary();
  if (!summary) return Fail(summary.error());
  auto users = accounts_->CountUsers();
  if (!users) return Fail(users.error());
  if (summary->organizations > 0 || users->demo + users->other > 0) {
    spdlog::info("the database already holds data: the demo is not loaded again, nothing is changed");
    return false;
  }
  if (auto seeded = SeedDemo(); !seeded) return Fail(seeded.error());
  return true;
}

Status App::ExplainFirstSteps() {
  auto users = accounts_->CountUsers();
  if (!users) return Fail(users.error());
  if (users->demo + users->other > 0) return {};
  spdlog::info(
      "the database has no account yet: load the demo with "
      "`entente seed demo`, or create the first platform admin with "
      "`entente user add --email you@example.org --name \"Your Name\"`");
  return {};
}

void App::Start() {
  long files = http::RaiseOpenFileLimit();
  server_->Start();
  spdlog::info("open-files limit {}", files);
}

}  // namespace entente::app
