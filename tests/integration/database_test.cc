// The database layer on the backend of this run (SQLite or PostgreSQL): migrations, the text
// table, transactions, concurrent writers and the organization tree.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/db/migrations.h"
#include "core/db/postgres_statements.h"
#include "core/db/query.h"
#include "core/db/settings.h"
#include "core/db/statement_cache.h"
#include "core/db/text_table.h"
#include "harness.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/organization_store.h"

namespace entente::testing {
namespace {

db::Database& Database() { return TestServer::Shared().app().database(); }

TEST(DatabaseTest, MigrationsAreRecordedAndIdempotent) {
  auto again = db::Migrate(Database());
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(again->applied, 0);
  auto expected = db::CollectMigrations(db::EmbeddedMigrationFiles(), Database().dialect());
  ASSERT_TRUE(expected);
  EXPECT_EQ(again->already_applied, static_cast<int>(expected->size()));
  auto recorded = Database().Read([](soci::session& sql) -> Result<int> {
    int count = 0;
    sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(count);
    return count;
  });
  ASSERT_TRUE(recorded);
  EXPECT_EQ(*recorded, static_cast<int>(expected->size()));
}

TEST(DatabaseTest, ForeignKeysAreEnforced) {
  auto inserted = Database().Write([](soci::session& sql) -> Status {
    sql << "INSERT INTO organization_texts (owner_id, field, language, text, is_original) "
           "VALUES (987654321, 'name', 'en', 'Nobody', 1)";
    return {};
  });
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().code(), ErrorCode::kConflict);
}

TEST(DatabaseTest, AFailedWriteLeavesTheDataAsItWas) {
  auto before = Database().Read([](soci::session& sql) -> Result<int> {
    int count = 0;
    sql << "SELECT COUNT(*) FROM settings", soci::into(count);
    return count;
  });
  ASSERT_TRUE(before);
  auto failed = Database().Write([](soci::session& sql) -> Status {
    db::SetSetting(sql, "half-done", "1");
    return Fail(Error::InvalidArgument("stop here"));
  });
  EXPECT_FALSE(failed);
  auto thrown = Database().Write([](soci::session& sql) -> Status {
    db::SetSetting(sql, "half-done-too", "1");
    sql << "INSERT INTO no_such_table VALUES (1)";
    return {};
  });
  ASSERT_FALSE(thrown);
  EXPECT_EQ(thrown.error().code(), ErrorCode::kInternal);
  auto after = Database().Read(
      [](soci::session& sql) -> Result<std::optional<std::string>> { return db::GetSetting(sql, "half-done"); });
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->has_value());
  auto count = Database().Read([](soci::session& sql) -> Result<int> {
    int count = 0;
    sql << "SELECT COUNT(*) FROM settings", soci::into(count);
    return count;
  });
  EXPECT_EQ(*count, *before);
}

// db::Query reads rows alike on both backends (SQLite's kept statements, SOCI on PostgreSQL):
// integers of either width, text, NULL; a statement run again takes its new values.
TEST(DatabaseTest, QueryRowsReadAlikeAndTakeNewValues) {
  auto rows = Database().Read([](soci::session& sql) -> Result<std::vector<std::string>> {
    std::vector<std::string> seen;
    for (long long value : {41LL, 5'000'000'000LL}) {
      db::Query query("SELECT CAST(");
      query.Bind(value % 100).Append(" AS INTEGER) + 1, CAST(").Bind(value).Append(" AS BIGINT), ");
      query.Bind("é" + std::to_string(value)).Append(", NULL");
      query.ForEachRow(sql, [&](const db::Row& row) {
        seen.push_back(std::to_string(row.Integer(0)) + "|" + std::to_string(row.Get<long long>(1)) + "|" +
                       row.Text(2) + "|" + row.Text(3) + "|" + (row.IsNull(3) ? "null" : "value") + "|" +
                       std::to_string(row.Integer(3)));
      });
    }
    return seen;
  });
  ASSERT_TRUE(rows) << rows.error().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0], "42|41|é41||null|0");  // INTEGER is 32 bits on PostgreSQL, BIGINT 64
  EXPECT_EQ((*rows)[1], "1|5000000000|é5000000000||null|0");
}

TEST(DatabaseTest, TheSameQueryCanRunWhileItsRowsAreRead) {
  auto sums = Database().Read([](soci::session& sql) -> Result<long long> {
    auto numbers_from = [&](long long from) {
      db::Query query("SELECT n FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) t WHERE n >= ");
      query.Bind(from).Append(" ORDER BY n");
      return query;
    };
    long long total = 0;
    numbers_from(2).ForEachRow(sql, [&](const db::Row& row) {
      for (long long n : numbers_from(row.Integer(0)).Column<long long>(sql)) total += n;
    });
    return total;
  });
  ASSERT_TRUE(sums) << sums.error().message();
  EXPECT_EQ(*sums, 5 + 3);
}

// A query is prepared once per connection: run again, it adds no statement; a statement prepared
// in a transaction that fails is still there, and still works, afterwards.
TEST(DatabaseTest, QueriesArePreparedOncePerConnection) {
  auto kept = [](soci::session& sql) {
    return IsPostgres() ? db::KeptPostgresStatementCount(db::PostgresConnection(sql))
                        : db::KeptStatementCount(db::SqliteConnection(sql));
  };
  auto counts = Database().Read([&](soci::session& sql) -> Result<std::vector<size_t>> {
    auto query = [] { return db::Query("SELECT COUNT(*) + 12345 FROM settings WHERE key <> ").Bind("kept-once"); };
    std::vector<size_t> seen{kept(sql)};
    query().Scalar<long long>(sql);
    seen.push_back(kept(sql));
    query().Scalar<long long>(sql);
    seen.push_back(kept(sql));
    return seen;
  });
  ASSERT_TRUE(counts) << counts.error().message();
  if ((*counts)[0] < db::kKeptStatements) EXPECT_EQ((*counts)[1], (*counts)[0] + 1);
  EXPECT_EQ((*counts)[2], (*counts)[1]);

  auto failed = Database().Write([](soci::session& sql) -> Result<long long> {
    long long before =
        db::Query("SELECT COUNT(*) + 54321 FROM settings WHERE key <> ").Bind("x").Scalar<long long>(sql);
    db::Query("SELECT no_such_column FROM settings").Scalar<long long>(sql);
    return before;
  });
  ASSERT_FALSE(failed);
  auto again = Database().Read([](soci::session& sql) -> Result<long long> {
    return db::Query("SELECT COUNT(*) + 54321 FROM settings WHERE key <> ").Bind("x").Scalar<long long>(sql);
  });
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_GE(*again, 54321);
}

// Beyond the statements a connection keeps, the least recently used is released (PostgreSQL:
// DEALLOCATE) and prepared again when needed.
TEST(DatabaseTest, KeptStatementsAreBoundedPerConnection) {
  auto kept = [](soci::session& sql) {
    return IsPostgres() ? db::KeptPostgresStatementCount(db::PostgresConnection(sql))
                        : db::KeptStatementCount(db::SqliteConnection(sql));
  };
  auto result = Database().Read([&](soci::session& sql) -> Result<std::pair<size_t, long long>> {
    auto numbered = [](long long n) {
      // A distinct SQL text per n: the number is part of the text, as a column alias would be.
      // sql-fragment: the alias is made of a number.
      return db::Query("SELECT CAST(").Bind(n).Append(" AS BIGINT) AS kept_" + std::to_string(n));
    };
    long long sum = 0;
    for (long long n = 0; n < static_cast<long long>(db::kKeptStatements) + 20; ++n)
      sum += numbered(n).Scalar<long long>(sql);
    sum += numbered(0).Scalar<long long>(sql);  // released long ago, prepared again
    return std::pair(kept(sql), sum);
  });
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->first, db::kKeptStatements);
  long long n = static_cast<long long>(db::kKeptStatements) + 20;
  EXPECT_EQ(result->second, n * (n - 1) / 2);
}

TEST(DatabaseTest, AConstraintBrokenThroughAQueryIsAConflict) {
  auto inserted = Database().Write([](soci::session& sql) -> Result<long long> {
    return db::Query("INSERT INTO organization_texts (owner_id, field, language, text, is_original) VALUES (")
        .Bind(987654321)
        .Append(", 'name', 'en', 'Nobody', 1) RETURNING owner_id")
        .Scalar<long long>(sql);
  });
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().code(), ErrorCode::kConflict);
}

TEST(DatabaseTest, TextTableRoundTripsWithFallback) {
  directory::OrganizationService service(Database());
  directory::OrganizationInput input;
  input.slug = "text-table-test";
  input.kind = "committee";
  input.name.SetOriginal("ru", "Комитет по этике");
  input.name.SetTranslation("fr", "Commission de déontologie");
  auto id = service.Save(auth::Actor::System("test"), input);
  ASSERT_TRUE(id) << id.error().message();
  constexpr db::TextTable kTexts("organization_texts");
  auto texts = Database().Read([&](soci::session& sql) -> Result<std::map<long long, db::TextTable::Texts>> {
    return kTexts.Load(sql, {id->value()});
  });
  ASSERT_TRUE(texts);
  const auto& name = texts->at(id->value()).at("name");
  EXPECT_EQ(name.Find("ru")->text, "Комитет по этике");
  EXPECT_TRUE(name.Find("ru")->original);
  EXPECT_FALSE(name.Find("fr")->original);
  auto kazakh = name.Pick("kk");
  EXPECT_EQ(kazakh->language, "fr");  // en → fr → ru → kk
  EXPECT_TRUE(kazakh->fallback);

  // Saving again replaces the variants rather than adding to them.
  input.name = {};
  input.name.SetOriginal("en", "Ethics Committee");
  ASSERT_TRUE(service.Save(auth::Actor::System("test"), input));
  auto replaced = Database().Read([&](soci::session& sql) -> Result<std::map<long long, db::TextTable::Texts>> {
    return kTexts.Load(sql, {id->value()});
  });
  EXPECT_EQ(replaced->at(id->value()).at("name").variants().size(), 1u);
}

TEST(DatabaseTest, ValidationErrorsWriteNothing) {
  directory::OrganizationService service(Database());
  directory::OrganizationInput input;
  input.slug = "Bad Slug";
  input.kind = "guild";
  input.country_code = "France";
  auto saved = service.Save(auth::Actor::System("test"), input);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code(), ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& field : saved.error().fields()) fields.push_back(field.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"slug", "kind", "country_code", "name"}));

  directory::OrganizationInput orphan;
  orphan.slug = "orphan";
  orphan.kind = "committee";
  orphan.parent_slug = "no-such-parent";
  orphan.name.SetOriginal("en", "Orphan");
  auto refused = service.Save(auth::Actor::System("test"), orphan);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields().at(0).field, "parent");
  directory::OrganizationStore store;
  auto found = Database().Read(
      [&](soci::session& sql) -> Result<std::optional<OrganizationId>> { return store.FindIdBySlug(sql, "orphan"); });
  EXPECT_FALSE(found->has_value());
}

TEST(DatabaseTest, OrganizationTreeQueries) {
  directory::OrganizationStore store;
  auto ids = Database().Read([&](soci::session& sql) -> Result<std::vector<std::vector<OrganizationId>>> {
    auto bar = *store.FindIdBySlug(sql, "paris-bar");
    auto committee = *store.FindIdBySlug(sql, "paris-bar-international-committee");
    auto school = *store.FindIdBySlug(sql, "paris-bar-training-school");
    return std::vector<std::vector<OrganizationId>>{
        store.SelfAndAncestors(sql, committee), store.SelfAndDescendants(sql, bar), {bar, committee, school}};
  });
  ASSERT_TRUE(ids) << ids.error().message();
  const auto& ancestors = (*ids)[0];
  const auto& descendants = (*ids)[1];
  const auto& known = (*ids)[2];
  EXPECT_EQ(ancestors, (std::vector<OrganizationId>{known[1], known[0]}));
  // The bar first, then (among any the tests add below it) the demo's committee and school.
  ASSERT_GE(descendants.size(), 3u);
  EXPECT_EQ(descendants[0], known[0]);
  for (OrganizationId below : {known[1], known[2]}) {
    EXPECT_NE(std::find(descendants.begin(), descendants.end(), below), descendants.end());
  }
}

TEST(DatabaseTest, ConcurrentWritersNeverSeeLockErrors) {
  directory::OrganizationService service(Database());
  std::atomic<int> failures = 0;
  std::vector<std::thread> writers;
  for (int writer = 0; writer < 6; ++writer) {
    writers.emplace_back([&, writer] {
      for (int i = 0; i < 40; ++i) {
        directory::OrganizationInput input;
        input.slug = "concurrent-" + std::to_string(writer) + "-" + std::to_string(i % 10);
        input.kind = "committee";
        input.name.SetOriginal("en", "Committee " + std::to_string(i));
        auto saved = service.Save(auth::Actor::System("test"), input);
        if (!saved) {
          ++failures;
          ADD_FAILURE() << saved.error().message();
        }
      }
    });
  }
  for (auto& thread : writers) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(DatabaseTest, DemoIsMarkedAndSafeToLoadTwice) {
  auto& app = TestServer::Shared().app();
  auto count = [&] {
    return *app.database().Read([](soci::session& sql) -> Result<int> {
      int count = 0;
      sql << "SELECT COUNT(*) FROM organizations WHERE slug NOT LIKE 'concurrent-%' AND slug <> 'text-table-test'",
          soci::into(count);
      return count;
    });
  };
  int before = count();
  ASSERT_TRUE(app.SeedDemo());
  EXPECT_EQ(count(), before);
  auto demo = app.database().Read(
      [](soci::session& sql) -> Result<std::optional<std::string>> { return db::GetSetting(sql, db::kDemoSetting); });
  EXPECT_EQ(demo->value_or(""), "1");
}

}  // namespace
}  // namespace entente::testing
