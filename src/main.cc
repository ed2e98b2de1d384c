// entente — the command line: serve, migrate, seed demo, backup.

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/app.h"
#include "app/config.h"
#include "core/db/backup.h"
#include "core/db/migrations.h"

namespace {

using entente::Error;

int Report(const Error& error) {
  spdlog::error("{}", error.message());
  for (const auto& field : error.fields()) spdlog::error("  {}: {}", field.field, field.message);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Entente — a cooperation platform for bar associations"};
  cli.require_subcommand(1);
  std::string config_file;
  cli.add_option("-c,--config", config_file,
                 "TOML configuration file (default: ./entente.toml when it exists); ENTENTE_* variables override it");

  auto* serve = cli.add_subcommand("serve", "Migrate, load the demo into an empty database, and serve HTTP until SIGINT/SIGTERM");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations (idempotent)");
  auto* seed = cli.add_subcommand("seed", "Load data sets");
  seed->require_subcommand(1);
  auto* seed_demo = seed->add_subcommand("demo", "Load the Paris–Almaty demo (safe to run twice) and mark the database as a demo");
  auto* backup = cli.add_subcommand("backup", "Write an online backup (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc)");
  std::string backup_output;
  backup->add_option("-o,--output", backup_output, "Backup file to write (replaced atomically)")->required();

  CLI11_PARSE(cli, argc, argv);

  std::optional<std::filesystem::path> file;
  if (!config_file.empty()) {
    file = config_file;
  } else if (std::filesystem::exists("entente.toml")) {
    file = "entente.toml";
  }
  auto config = entente::app::Config::Load(file, entente::app::EntenteEnvironment());
  if (!config) return Report(config.error());
  spdlog::set_level(spdlog::level::from_str(config->log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);

  if (*migrate) {
    auto url = entente::db::DatabaseUrl::Parse(config->database_url);
    if (!url) return Report(url.error());
    auto database = entente::db::Database::Open(*url, 1);
    if (!database) return Report(database.error());
    auto report = entente::db::Migrate(**database);
    if (!report) return Report(report.error());
    spdlog::info("{}: {} migration(s) applied, {} already applied", url->Describe(), report->applied,
                 report->already_applied);
    return 0;
  }
  if (*backup) {
    auto url = entente::db::DatabaseUrl::Parse(config->database_url);
    if (!url) return Report(url.error());
    auto database = entente::db::Database::Open(*url, 1);
    if (!database) return Report(database.error());
    auto report = entente::db::Backup(**database, backup_output);
    if (!report) return Report(report.error());
    spdlog::info("backup written: {} ({} bytes)", report->path.string(), report->bytes);
    return 0;
  }

  auto app = entente::app::App::Create(*config);
  if (!app) return Report(app.error());
  if (*seed_demo) {
    if (auto seeded = (*app)->SeedDemo(); !seeded) return Report(seeded.error());
    return 0;
  }
  if (*serve) {
    if (auto seeded = (*app)->SeedDemoIfEmpty(); !seeded) return Report(seeded.error());
    try {
      (*app)->Start();
    } catch (const std::exception& error) {
      spdlog::error("{}", error.what());
      return 1;
    }
    (*app)->ShutdownOnSignals();
    spdlog::info("listening on http://{}", config->listen.starts_with("0.0.0.0")
                                               ? "localhost:" + std::to_string((*app)->port())
                                               : config->listen.substr(0, config->listen.rfind(':')) + ":" +
                                                     std::to_string((*app)->port()));
    (*app)->Wait();
    spdlog::info("stopped");
    return 0;
  }
  return 0;
}
