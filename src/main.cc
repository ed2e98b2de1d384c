// entente — the command line: serve, migrate, seed demo, backup.

#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "app/app.h"
#include "app/config.h"
#include "core/db/backup.h"
#include "core/db/migrations.h"
#include "core/http/pipeline.h"

namespace {

using entente::Error;

int Report(const Error& error) {
  spdlog::error("{}", error.message());
  for (const auto& field : error.fields()) spdlog::error("  {}: {}", field.field, field.message);
  return 1;
}

// A password from the terminal without echo (asked twice), or one line of standard input when
// it is not a terminal (for scripts: `printf '%s\n' "$PASSWORD" | entente user add …`).
std::optional<std::string> ReadPassword() {
  auto read_line = [](std::string& line) { return static_cast<bool>(std::getline(std::cin, line)); };
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!read_line(line)) return std::nullopt;
    return line;
  }
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  std::string first, second;
  std::cerr << "Password: " << std::flush;
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  bool ok = read_line(first);
  std::cerr << "\nThe same password again: " << std::flush;
  ok = ok && read_line(second);
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  std::cerr << "\n";
  if (!ok) return std::nullopt;
  if (first != second) {
    std::cerr << "The two passwords differ.\n";
    return std::nullopt;
  }
  return first;
}

std::string CommandRequestId() { return "cli-" + entente::http::NewRequestId(); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Entente — a cooperation platform for bar associations"};
  cli.require_subcommand(1);
  std::string config_file;
  cli.add_option("-c,--config", config_file,
                 "TOML configuration file (default: ./entente.toml when it exists); ENTENTE_* variables override it");

  auto* serve =
      cli.add_subcommand("serve", "Migrate, load the demo into an empty database, and serve HTTP until SIGINT/SIGTERM");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations (idempotent)");
  auto* seed = cli.add_subcommand("seed", "Load data sets");
  seed->require_subcommand(1);
  auto* seed_demo =
      seed->add_subcommand("demo", "Load the Paris–Almaty demo (safe to run twice) and mark the database as a demo");
  auto* backup = cli.add_subcommand("backup", "Write an online backup (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc)");
  std::string backup_output;
  backup->add_option("-o,--output", backup_output, "Backup file to write (replaced atomically)")->required();

  auto* user = cli.add_subcommand("user", "Manage users from the terminal");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create a platform admin (password read without echo, or from stdin)");
  std::string user_email, user_name, user_language = "en";
  user_add->add_option("--email", user_email, "Email address (sign-in name)")->required();
  user_add->add_option("--name", user_name, "Display name")->required();
  user_add->add_option("--language", user_language, "Preferred language: en, fr, ru or kk")->capture_default_str();
  auto* user_passwd = user->add_subcommand("passwd", "Set a user's password (signs them out everywhere)");
  user_passwd->add_option("--email", user_email, "Email address")->required();
  auto* user_list = user->add_subcommand("list", "List users");
  auto* routes = cli.add_subcommand("routes", "Print the route table: method, pattern, who may use it");

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
  if (*routes) {
    for (const auto& route : (*app)->router().routes()) {
      std::cout << entente::http::MethodName(route.method) << '\t' << route.pattern << '\t' << route.access.Describe()
                << '\n';
    }
    return 0;
  }
  if (*user_add) {
    auto password = ReadPassword();
    if (!password) return Report(Error::InvalidArgument("no password given"));
    auto created =
        (*app)->accounts().CreatePlatformAdmin({user_email, user_name, user_language, *password}, CommandRequestId());
    if (!created) return Report(created.error());
    spdlog::info("platform admin {} created (user {})", user_email, created->value());
    return 0;
  }
  if (*user_passwd) {
    auto password = ReadPassword();
    if (!password) return Report(Error::InvalidArgument("no password given"));
    if (auto set = (*app)->accounts().SetPasswordFromTerminal(user_email, *password, CommandRequestId()); !set) {
      return Report(set.error());
    }
    spdlog::info("password changed for {}; their sessions are signed out", user_email);
    return 0;
  }
  if (*user_list) {
    auto users = (*app)->accounts().ListAllUsers();
    if (!users) return Report(users.error());
    for (const auto& listed : *users) {
      std::cout << listed.id.value() << '\t' << listed.email << '\t' << listed.display_name << '\t'
                << listed.preferred_language << (listed.is_demo ? "\tdemo" : "") << '\n';
    }
    return 0;
  }
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
    spdlog::info("listening on http://{}",
                 config->listen.starts_with("0.0.0.0")
                     ? "localhost:" + std::to_string((*app)->port())
                     : config->listen.substr(0, config->listen.rfind(':')) + ":" + std::to_string((*app)->port()));
    (*app)->Wait();
    spdlog::info("stopped");
    return 0;
  }
  return 0;
}
