#include "core/db/migrations.h"

#include <gtest/gtest.h>

#include <set>

namespace entente::db {
namespace {

TEST(MigrationsTest, SplitsStatementsOutsideQuotesCommentsAndDollarBodies) {
  auto statements = SplitStatements(
      "-- a comment; with a semicolon\n"
      "CREATE TABLE a (x TEXT DEFAULT 'semi;colon');\n"
      "INSERT INTO a VALUES ('it''s; fine');;\n"
      "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;\n"
      "CREATE TABLE \"odd;name\" (y INTEGER)");
  ASSERT_EQ(statements.size(), 4u);
  EXPECT_EQ(statements[0], "CREATE TABLE a (x TEXT DEFAULT 'semi;colon')");
  EXPECT_EQ(statements[1], "INSERT INTO a VALUES ('it''s; fine')");
  EXPECT_EQ(statements[2], "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql");
  EXPECT_EQ(statements[3], "CREATE TABLE \"odd;name\" (y INTEGER)");
}

TEST(MigrationsTest, OrdersByModuleThenNumber) {
  std::vector<EmbeddedFile> files = {
      {"sqlite/directory/0002_b.sql", "B"},
      {"sqlite/core/0001_a.sql", "A"},
      {"sqlite/directory/0001_c.sql", "C"},
      {"postgres/core/0001_a.sql", "PG"},
  };
  auto migrations = CollectMigrations(files, Dialect::kSqlite);
  ASSERT_TRUE(migrations);
  ASSERT_EQ(migrations->size(), 3u);
  EXPECT_EQ((*migrations)[0].sql, "A");
  EXPECT_EQ((*migrations)[1].sql, "C");
  EXPECT_EQ((*migrations)[2].name, "b");
}

TEST(MigrationsTest, RefusesFilesOutsideTheLayout) {
  for (std::string_view path : {"sqlite/core/1_short.sql", "sqlite/core/0001-dash.sql", "sqlite/nomodule.sql",
                                "sqlite/weather/0001_x.sql", "sqlite/core/0000_zero.sql"}) {
    EXPECT_FALSE(CollectMigrations({{path, "x"}}, Dialect::kSqlite)) << path;
  }
  EXPECT_FALSE(CollectMigrations({{"sqlite/core/0001_a.sql", "x"}, {"sqlite/core/0001_b.sql", "y"}}, Dialect::kSqlite));
}

TEST(MigrationsTest, BothDialectsHaveTheSameMigrations) {
  auto sqlite = CollectMigrations(EmbeddedMigrationFiles(), Dialect::kSqlite);
  auto postgres = CollectMigrations(EmbeddedMigrationFiles(), Dialect::kPostgres);
  ASSERT_TRUE(sqlite) << sqlite.error().message();
  ASSERT_TRUE(postgres) << postgres.error().message();
  auto names = [](const std::vector<Migration>& migrations) {
    std::vector<std::string> out;
    for (const auto& migration : migrations)
      out.push_back(migration.module + "/" + std::to_string(migration.version) + "_" + migration.name);
    return out;
  };
  EXPECT_EQ(names(*sqlite), names(*postgres));
  EXPECT_FALSE(sqlite->empty());
}

TEST(DatabaseUrlTest, ParsesBothBackendsAndHidesPasswords) {
  auto sqlite = DatabaseUrl::Parse("sqlite:///var/lib/entente/entente.db");
  ASSERT_TRUE(sqlite);
  EXPECT_EQ(sqlite->sqlite_path, "/var/lib/entente/entente.db");
  EXPECT_EQ(DatabaseUrl::Parse("sqlite://var/entente.db")->sqlite_path, "var/entente.db");
  auto postgres = DatabaseUrl::Parse("postgresql://entente:s3cret@127.0.0.1:5433/entente");
  ASSERT_TRUE(postgres);
  EXPECT_EQ(postgres->dialect, Dialect::kPostgres);
  EXPECT_NE(postgres->postgres_conninfo.find("dbname='entente'"), std::string::npos);
  EXPECT_NE(postgres->postgres_conninfo.find("port='5433'"), std::string::npos);
  EXPECT_EQ(postgres->Describe().find("s3cret"), std::string::npos);
  EXPECT_FALSE(DatabaseUrl::Parse("mysql://x"));
  EXPECT_FALSE(DatabaseUrl::Parse("sqlite://"));
  EXPECT_FALSE(DatabaseUrl::Parse("postgresql://host/x?nosuchoption=1"));
}

}  // namespace
}  // namespace entente::db
