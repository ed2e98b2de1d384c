// entente — the command line: serve, migrate, seed demo, backup.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/config.h"
#include "core/db/backup.h"
#include "core/db/migrations.h"
#include "core/http/pipeline.h"
#include "modules/directory/synthetic.h"

namespace {

using entente::Error;
using entente::Result;

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

using entente::app::App;
using entente::app::Config;

// What the command line was given, filled in by CLI11.
struct Options {
  std::string config_file;
  bool demo_if_new = false;
  size_t synthetic_members = 10000;
  std::string backup_output;
  std::string user_email, user_name, user_language = "en";
  std::string roll_bar, roll_file, export_output;
  bool dry_run = false;
};

// A subcommand and what it does. Commands that need the whole application get it built from
// the configuration; migrate and backup open only the database.
struct Command {
  CLI::App* parsed = nullptr;
  std::function<int(const Config&)> without_app;
  std::function<int(const Config&, App&)> with_app;
};

enum class ProgressShape { kCount, kBar };

// Progress on standard error when it is a terminal: "done/total", or a bar.
std::function<void(size_t, size_t)> Progress(ProgressShape shape) {
  if (!isatty(STDERR_FILENO)) return [](size_t, size_t) {};
  if (shape == ProgressShape::kCount)
    return [](size_t done, size_t total) { std::cerr << "\r" << done << "/" << total << std::flush; };
  return [](size_t done, size_t total) {
    int width = 40;
    int filled = static_cast<int>(width * done / std::max<size_t>(total, 1));
    std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done << "/" << total
              << std::flush;
    if (done == total) std::cerr << "\n";
  };
}

Result<std::unique_ptr<entente::db::Database>> OpenDatabase(const Config& config) {
  auto url = entente::db::DatabaseUrl::Parse(config.database_url);
  if (!url) return entente::Fail(url.error());
  return entente::db::Database::Open(*url, 1);
}

int Migrate(const Config& config) {
  auto database = OpenDatabase(config);
  if (!database) return Report(database.error());
  auto report = entente::db::Migrate(**database);
  if (!report) return Report(report.error());
  spdlog::info("{}: {} migration(s) applied, {} already applied", (*database)->url().Describe(), report->applied,
               report->already_applied);
  if (auto refolded = entente::app::RefreshNameKeys(**database); !refolded) return Report(refolded.error());
  return 0;
}

int Backup(const Config& config, const Options& options) {
  auto database = OpenDatabase(config);
  if (!database) return Report(database.error());
  auto report = entente::db::Backup(**database, options.backup_output);
  if (!report) return Report(report.error());
  spdlog::info("backup written: {} ({} bytes)", report->path.string(), report->bytes);
  return 0;
}

int PrintRoutes(App& app) {
  for (const auto& route : app.router().routes()) {
    std::cout << entente::http::MethodName(route.method) << '\t' << route.pattern << '\t' << route.access.Describe()
              << '\n';
  }
  return 0;
}

int AddUser(App& app, const Options& options) {
  auto password = ReadPassword();
  if (!password) return Report(Error::InvalidArgument("no password given"));
  auto created = app.accounts().CreatePlatformAdmin(
      {options.user_email, options.user_name, options.user_language, *password}, CommandRequestId());
  if (!created) return Report(created.error());
  spdlog::info("platform admin {} created (user {})", options.user_email, created->value());
  return 0;
}

int SetPassword(App& app, const Options& options) {
  auto password = ReadPassword();
  if (!password) return Report(Error::InvalidArgument("no password given"));
  if (auto set = app.accounts().SetPasswordFromTerminal(options.user_email, *password, CommandRequestId()); !set) {
    return Report(set.error());
  }
  spdlog::info("password changed for {}; their sessions are signed out", options.user_email);
  return 0;
}

int ResetTwoFactor(App& app, const Options& options) {
  if (auto reset = app.accounts().ResetTwoFactorFromTerminal(options.user_email, CommandRequestId()); !reset) {
    return Report(reset.error());
  }
  spdlog::info(
      "two-factor sign-in reset for {}: their sessions are signed out; an administrator's roles wait "
      "until they set it up again",
      options.user_email);
  return 0;
}

int ListUsers(App& app) {
  auto users = app.accounts().ListAllUsers();
  if (!users) return Report(users.error());
  for (const auto& listed : *users) {
    std::cout << listed.id.value() << '\t' << listed.email << '\t' << listed.display_name << '\t'
              << listed.preferred_language << (listed.is_demo ? "\tdemo" : "") << '\n';
  }
  return 0;
}

int SeedSynthetic(App& app, const Options& options) {
  auto seeded = entente::directory::SeedSynthetic(app.organizations(), app.roll(), options.synthetic_members,
                                                  Progress(ProgressShape::kCount));
  if (isatty(STDERR_FILENO)) std::cerr << "\n";
  if (!seeded) return Report(seeded.error());
  spdlog::info("synthetic roll loaded: {} lawyers", options.synthetic_members);
  return 0;
}

int ImportRoll(App& app, const Options& options) {
  std::ifstream in(options.roll_file, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  auto report = app.roll().Import(
      entente::auth::Actor::System(CommandRequestId()), options.roll_bar, content.str(),
      options.dry_run ? entente::directory::ImportMode::kCheckOnly : entente::directory::ImportMode::kWrite,
      Progress(ProgressShape::kBar));
  if (!report) return Report(report.error());
  for (const auto& column : report->ignored_columns) std::cerr << "ignored column: " << column << "\n";
  for (const auto& problem : report->problems) {
    std::cerr << options.roll_file << ":" << problem.line << ": "
              << (problem.column.empty() ? "" : problem.column + ": ") << problem.message << "\n";
  }
  if (!report->problems.empty()) {
    std::cerr << report->problems.size() << " problem(s); nothing was imported.\n";
    return 1;
  }
  std::cerr << report->rows << " rows: " << report->created << " new, " << report->updated << " updated"
            << (options.dry_run ? " (dry run: nothing written)" : "") << "\n";
  return 0;
}

int ExportRoll(App& app, const Options& options) {
  auto csv = app.roll().Export(entente::auth::Actor::System(CommandRequestId()), options.roll_bar);
  if (!csv) return Report(csv.error());
  if (options.export_output.empty()) {
    std::cout << *csv;
    return 0;
  }
  std::ofstream out(options.export_output, std::ios::binary);
  out << *csv;
  if (!out) return Report(Error::Internal("cannot write " + options.export_output));
  return 0;
}

int SeedDemo(App& app, const Options& options) {
  if (options.demo_if_new) {
    if (auto seeded = app.SeedDemoIfNew(); !seeded) return Report(seeded.error());
  } else if (auto seeded = app.SeedDemo(); !seeded) {
    return Report(seeded.error());
  }
  return 0;
}

int Serve(const Config& config, App& app) {
  if (auto explained = app.ExplainFirstSteps(); !explained) return Report(explained.error());
  try {
    app.Start();
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return 1;
  }
  app.ShutdownOnSignals();
  spdlog::info("listening on http://{}",
               config.listen.starts_with("0.0.0.0")
                   ? "localhost:" + std::to_string(app.port())
                   : config.listen.substr(0, config.listen.rfind(':')) + ":" + std::to_string(app.port()));
  app.Wait();
  spdlog::info("stopped");
  return 0;
}

std::vector<Command> AddDatabaseCommands(CLI::App& cli, Options& options) {
  std::vector<Command> commands;
  auto* serve = cli.add_subcommand(
      "serve", "Migrate and serve HTTP until SIGINT/SIGTERM (never loads the demo: see `seed demo`)");
  commands.push_back({serve, nullptr, Serve});
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations (idempotent)");
  commands.push_back({migrate, Migrate, nullptr});
  auto* seed = cli.add_subcommand("seed", "Load data sets");
  seed->require_subcommand(1);
  auto* seed_demo = seed->add_subcommand(
      "demo",
      "Load the Paris–Almaty demo (safe to run twice) and mark the database as a demo; refused on a database "
      "holding any account that is not a demo account");
  seed_demo->add_flag("--if-new", options.demo_if_new,
                      "Only into a new database (no organization, no account); any other is left as it is");
  commands.push_back({seed_demo, nullptr, [&options](const Config&, App& app) { return SeedDemo(app, options); }});
  auto* seed_synthetic = seed->add_subcommand(
      "synthetic", "Load a deterministic synthetic roll of N lawyers on two synthetic bars (for tests and benchmarks)");
  seed_synthetic->add_option("--members", options.synthetic_members, "How many lawyers")
      ->capture_default_str()
      ->check(CLI::Range(1, 5'000'000));
  commands.push_back(
      {seed_synthetic, nullptr, [&options](const Config&, App& app) { return SeedSynthetic(app, options); }});
  auto* backup = cli.add_subcommand("backup", "Write an online backup (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc)");
  backup->add_option("-o,--output", options.backup_output, "Backup file to write (replaced atomically)")->required();
  commands.push_back({backup, [&options](const Config& config) { return Backup(config, options); }, nullptr});
  auto* routes = cli.add_subcommand("routes", "Print the route table: method, pattern, who may use it");
  commands.push_back({routes, nullptr, [](const Config&, App& app) { return PrintRoutes(app); }});
  return commands;
}

std::vector<Command> AddUserCommands(CLI::App& cli, Options& options) {
  auto* user = cli.add_subcommand("user", "Manage users from the terminal");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Create a platform admin (password read without echo, or from stdin)");
  add->add_option("--email", options.user_email, "Email address (sign-in name)")->required();
  add->add_option("--name", options.user_name, "Display name")->required();
  add->add_option("--language", options.user_language, "Preferred language: en, fr, ru or kk")->capture_default_str();
  auto* passwd = user->add_subcommand("passwd", "Set a user's password (signs them out everywhere)");
  passwd->add_option("--email", options.user_email, "Email address")->required();
  auto* list = user->add_subcommand("list", "List users");
  auto* reset_two_factor = user->add_subcommand(
      "reset-two-factor", "Turn off a user's two-factor sign-in (a lost device) and sign them out everywhere");
  reset_two_factor->add_option("email", options.user_email, "Email address")->required();
  return {{add, nullptr, [&options](const Config&, App& app) { return AddUser(app, options); }},
          {passwd, nullptr, [&options](const Config&, App& app) { return SetPassword(app, options); }},
          {list, nullptr, [](const Config&, App& app) { return ListUsers(app); }},
          {reset_two_factor, nullptr, [&options](const Config&, App& app) { return ResetTwoFactor(app, options); }}};
}

std::vector<Command> AddRollCommands(CLI::App& cli, Options& options) {
  auto* import = cli.add_subcommand("import", "Import data");
  import->require_subcommand(1);
  auto* import_roll = import->add_subcommand(
      "roll", "Import a bar's roll from CSV (docs/ROLL_CSV.md); nothing is written if any line has a problem");
  import_roll->add_option("--bar", options.roll_bar, "Slug of the bar, e.g. almaty-city-bar")->required();
  import_roll->add_option("file", options.roll_file, "CSV file (UTF-8, header row)")
      ->required()
      ->check(CLI::ExistingFile);
  import_roll->add_flag("--dry-run", options.dry_run, "Check and count, write nothing");
  auto* export_command = cli.add_subcommand("export", "Export data");
  export_command->require_subcommand(1);
  auto* export_roll = export_command->add_subcommand("roll", "Export a bar's roll as CSV, in the import format");
  export_roll->add_option("--bar", options.roll_bar, "Slug of the bar")->required();
  export_roll->add_option("-o,--output", options.export_output, "File to write (default: standard output)");
  return {{import_roll, nullptr, [&options](const Config&, App& app) { return ImportRoll(app, options); }},
          {export_roll, nullptr, [&options](const Config&, App& app) { return ExportRoll(app, options); }}};
}

// The configuration file: --config, else ./entente.toml when it exists; ENTENTE_* override it.
entente::Result<Config> LoadConfig(const Options& options) {
  std::optional<std::filesystem::path> file;
  if (!options.config_file.empty()) {
    file = options.config_file;
  } else if (std::filesystem::exists("entente.toml")) {
    file = "entente.toml";
  }
  return Config::Load(file, entente::app::EntenteEnvironment());
}

void SetUpLog(const Config& config) {
  // The log goes to standard error: standard output carries what commands print (the route
  // table, an exported roll), which a log line would corrupt.
  spdlog::set_default_logger(spdlog::stderr_color_mt("entente"));
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Entente — a cooperation platform for bar associations"};
  cli.require_subcommand(1);
  Options options;
  cli.add_option("-c,--config", options.config_file,
                 "TOML configuration file (default: ./entente.toml when it exists); ENTENTE_* variables override it");
  std::vector<Command> commands = AddDatabaseCommands(cli, options);
  for (auto* add : {AddUserCommands, AddRollCommands}) {
    for (auto& command : add(cli, options)) commands.push_back(std::move(command));
  }
  CLI11_PARSE(cli, argc, argv);

  auto config = LoadConfig(options);
  if (!config) return Report(config.error());
  SetUpLog(*config);
  for (const auto& command : commands) {
    if (!*command.parsed) continue;
    if (command.without_app) return command.without_app(*config);
    auto app = App::Create(*config);
    if (!app) return Report(app.error());
    return command.with_app(*config, **app);
  }
  return 0;
}
