#pragma once
// Wires configuration → database → catalogs and templates → services → routes → server.
// The only place that knows every module.

#include <memory>

#include "app/config.h"
#include "core/auth/secrets.h"
#include "core/base/error.h"
#include "core/db/database.h"
#include "core/http/metrics.h"
#include "core/http/pipeline.h"
#include "core/http/router.h"
#include "core/http/server.h"
#include "core/http/static_files.h"
#include "core/i18n/catalogs.h"
#include "core/render/page.h"
#include "core/render/templates.h"
#include "modules/accounts/accounts_service.h"
#include "modules/agreements/agreement_service.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"
#include "modules/directory/roll_imports.h"
#include "modules/directory/roll_service.h"
#include "modules/events/event_service.h"
#include "modules/home/home_service.h"
#include "modules/training/training_service.h"

namespace entente::app {

class App {
 public:
  // Opens the database and migrates it, loads catalogs, templates and static files, and builds
  // the route table. Does not listen yet.
  static Result<std::unique_ptr<App>> Create(const Config& config);

  // Loads the demo data through the services and marks the database as a demo database (where
  // the demo accounts, whose password is published, may sign in). Safe twice. Refuses with
  // kConflict, writing nothing, when the database holds any account that is not a demo account.
  Status SeedDemo();
  // What `make run` calls: seeds the demo into a new database (no organization and no account)
  // and leaves any other database as it is. Returns whether it seeded.
  Result<bool> SeedDemoIfNew();
  // What `serve` calls before it listens: on a database without any account, says in the log
  // how to load the demo or create the first platform admin. Never writes.
  Status ExplainFirstSteps();

  // Starts listening; throws std::runtime_error when the address cannot be bound.
  void Start();
  std::uint16_t port() const { return server_->port(); }
  void ShutdownOnSignals() { server_->ShutdownOnSignals(); }
  void Shutdown() { server_->Shutdown(); }
  void Wait() { server_->Wait(); }

  db::Database& database() { return *database_; }
  accounts::AccountsService& accounts() { return *accounts_; }
  agreements::AgreementService& agreements() { return *agreements_; }
  events::EventService& events() { return *events_; }
  directory::RollService& roll() { return *roll_; }
  directory::OrganizationService& organizations() { return *organizations_; }
  directory::PeopleService& people() { return *people_; }
  const http::Router& router() const { return router_; }
  http::Pipeline& pipeline() { return *pipeline_; }

 private:
  explicit App(Config config) : config_(std::move(config)) {}

  // Create's steps, in order.
  Status OpenDatabase();      // open, migrate, the CSRF key
  Status LoadPresentation();  // catalogs, templates, static files, the navigation
  Status CreateServices();    // each module's services, and what they show of one another
  Status AddAllRoutes();      // the URL tables and the middleware
  Status CreateServer();

  Config config_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<i18n::Catalogs> catalogs_;
  std::unique_ptr<render::Templates> templates_;
  std::unique_ptr<render::PageRenderer> pages_;
  http::StaticFiles static_files_;
  http::Metrics metrics_;
  http::Router router_;
  std::unique_ptr<http::Pipeline> pipeline_;
  std::unique_ptr<http::Server> server_;

  std::unique_ptr<directory::OrganizationService> organizations_;
  std::unique_ptr<directory::PeopleService> people_;
  std::unique_ptr<directory::RollService> roll_;
  // After roll_: destroyed first, it waits for imports still running.
  std::unique_ptr<directory::RollImports> roll_imports_;
  std::unique_ptr<home::HomeService> home_;
  std::unique_ptr<accounts::AccountsService> accounts_;
  std::unique_ptr<agreements::AgreementService> agreements_;
  std::unique_ptr<events::EventService> events_;
  std::unique_ptr<training::TrainingService> training_;
  std::unique_ptr<auth::CsrfTokens> csrf_tokens_;
};

// GET /healthz, GET /metrics (to loopback clients and those `metrics_allow` lists; 404 to
// others) and the static files.
void AddPlatformRoutes(http::Router& router, db::Database& database, const http::Metrics& metrics,
                       const http::StaticFiles& static_files, http::AddressSet metrics_allow);

// Whether a client at `address` may read /metrics: a loopback address (127.0.0.0/8, ::1, or
// either mapped into IPv6), or one that `allowed` holds.
bool MayReadMetrics(std::string_view address, const http::AddressSet& allowed);

// After the schema migrations: folds the stored names again when the folding rules changed since
// they were written (directory::PeopleService::RefreshNameKeys), saying so in the log. Run by
// App::Create and by `entente migrate`.
Status RefreshNameKeys(db::Database& database);

}  // namespace entente::app
