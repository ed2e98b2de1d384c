// entente — the command line: serve, migrate, seed demo, backup.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "app/app.h"
#include "app/config.h"
#include "core/db/backup.h"
#include "core/db/migrations.h"
#include "core/http/pipeline.h"
#include "modules/directory/synthetic.h"

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

  auto* serve = cli.add_subcommand(
      "serve", "Migrate and serve HTTP until SIGINT/SIGTERM (never loads the demo: see `seed demo`)");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations (idempotent)");
  auto* seed = cli.add_subcommand("seed", "Load data sets");
  seed->require_subcommand(1);
  auto* seed_demo = seed->add_subcommand(
      "demo",
      "Load the Paris–Almaty demo (safe to run twice) and mark the database as a demo; refused on a database "
      "holding any account that is not a demo account");
  bool demo_if_new = false;
  seed_demo->add_flag("--if-new", demo_if_new,
                      "Only into a new database (no organization, no account); any other is left as it is");
  auto* seed_synthetic = seed->add_subcommand(
      "synthetic", "Load a deterministic synthetic roll of N lawyers on two synthetic bars (for tests and benchmarks)");
  size_t synthetic_members = 10000;
  seed_synthetic->add_option("--members", synthetic_members, "How many lawyers")
      ->capture_default_str()
      ->check(CLI::Range(1, 5'000'000));
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
  auto* user_reset_two_factor = user->add_subcommand(
      "reset-two-factor", "Turn off a user's two-factor sign-in (a lost device) and sign them out everywhere");
  user_reset_two_factor->add_option("email", user_email, "Email address")->required();
  auto* routes = cli.add_subcommand("routes", "Print the route table: method, pattern, who may use it");

  auto* import = cli.add_subcommand("import", "Import data");
  import->require_subcommand(1);
  auto* import_roll = import->add_subcommand(
      "roll", "Import a bar's roll from CSV (docs/ROLL_CSV.md); nothing is written if any line has a problem");
  std::string roll_bar, roll_file;
  bool dry_run = false;
  import_roll->add_option("--bar", roll_bar, "Slug of the bar, e.g. almaty-city-bar")->required();
  import_roll->add_option("file", roll_file, "CSV file (UTF-8, header row)")->required()->check(CLI::ExistingFile);
  import_roll->add_flag("--dry-run", dry_run, "Check and count, write nothing");
  auto* export_command = cli.add_subcommand("export", "Export data");
  export_command->require_subcommand(1);
  auto* export_roll = export_command->add_subcommand("roll", "Export a bar's roll as CSV, in the import format");
  std::string export_output;
  export_roll->add_option("--bar", roll_bar, "Slug of the bar")->required();
  export_roll->add_option("-o,--output", export_output, "File to write (default: standard output)");

  CLI11_PARSE(cli, argc, argv);

  std::optional<std::filesystem::path> file;
  if (!config_file.empty()) {
    file = config_file;
  } else if (std::filesystem::exists("entente.toml")) {
    file = "entente.toml";
  }
  auto config = entente::app::Config::Load(file, entente::app::EntenteEnvironment());
  if (!config) return Report(config.error());
  // The log goes to standard error: standard output carries what commands print (the route
  // table, an exported roll), which a log line would corrupt.
  spdlog::set_default_logger(spdlog::stderr_color_mt("entente"));
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
    if (auto refolded = entente::app::RefreshNameKeys(**database); !refolded) return Report(refolded.error());
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
  if (*user_reset_two_factor) {
    if (auto reset = (*app)->accounts().ResetTwoFactorFromTerminal(user_email, CommandRequestId()); !reset) {
      return Report(reset.error());
    }
    spdlog::info("two-factor sign-in reset for {}: their sessions are signed out; an administrator's roles wait "
                 "until they set it up again",
                 user_email);
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
  if (*seed_synthetic) {
    bool terminal = isatty(STDERR_FILENO);
    auto seeded = entente::directory::SeedSynthetic((*app)->organizations(), (*app)->roll(), synthetic_members,
                                                    [terminal](size_t done, size_t total) {
                                                      if (terminal)
                                                        std::cerr << "\r" << done << "/" << total << std::flush;
                                                    });
    if (terminal) std::cerr << "\n";
    if (!seeded) return Report(seeded.error());
    spdlog::info("synthetic roll loaded: {} lawyers", synthetic_members);
    return 0;
  }
  if (*import_roll) {
    std::ifstream in(roll_file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    bool terminal = isatty(STDERR_FILENO);
    auto report = (*app)->roll().Import(entente::auth::Actor::System(CommandRequestId()), roll_bar, content.str(),
                                        dry_run, [terminal](size_t done, size_t total) {
                                          if (!terminal) return;
                                          int width = 40;
                                          int filled = static_cast<int>(width * done / std::max<size_t>(total, 1));
                                          std::cerr << "\r[" << std::string(filled, '#')
                                                    << std::string(width - filled, ' ') << "] " << done << "/" << total
                                                    << std::flush;
                                          if (done == total) std::cerr << "\n";
                                        });
    if (!report) return Report(report.error());
    for (const auto& column : report->ignored_columns) std::cerr << "ignored column: " << column << "\n";
    for (const auto& problem : report->problems) {
      std::cerr << roll_file << ":" << problem.line << ": " << (problem.column.empty() ? "" : problem.column + ": ")
                << problem.message << "\n";
    }
    if (!report->problems.empty()) {
      std::cerr << report->problems.size() << " problem(s); nothing was imported.\n";
      return 1;
    }
    std::cerr << report->rows << " rows: " << report->created << " new, " << report->updated << " updated"
              << (dry_run ? " (dry run: nothing written)" : "") << "\n";
    return 0;
  }
  if (*export_roll) {
    auto csv = (*app)->roll().Export(entente::auth::Actor::System(CommandRequestId()), roll_bar);
    if (!csv) return Report(csv.error());
    if (export_output.empty()) {
      std::cout << *csv;
    } else {
      std::ofstream out(export_output, std::ios::binary);
      out << *csv;
      if (!out) return Report(Error::Internal("cannot write " + export_output));
    }
    return 0;
  }
  if (*seed_demo) {
    if (demo_if_new) {
      if (auto seeded = (*app)->SeedDemoIfNew(); !seeded) return Report(seeded.error());
    } else if (auto seeded = (*app)->SeedDemo(); !seeded) {
      return Report(seeded.error());
    }
    return 0;
  }
  if (*serve) {
    if (auto explained = (*app)->ExplainFirstSteps(); !explained) return Report(explained.error());
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
