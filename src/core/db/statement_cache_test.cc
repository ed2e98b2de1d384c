#include "core/db/statement_cache.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <string>

namespace entente::db {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &connection_), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(connection_, "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
  }
  void TearDown() override {
    ForgetStatementsOf(connection_);
    // Fails with SQLITE_BUSY while any statement of the connection is left unfinalized.
    EXPECT_EQ(sqlite3_close(connection_), SQLITE_OK);
  }

  // The rows of "SELECT n FROM t WHERE n >= ?" for `from`, summed.
  long long SumFrom(long long from) {
    CachedStatement statement(connection_, "SELECT n FROM t WHERE n >= ?");
    sqlite3_bind_int64(statement.get(), 1, from);
    long long sum = 0;
    while (statement.Step()) sum += sqlite3_column_int64(statement.get(), 0);
    return sum;
  }

  sqlite3* connection_ = nullptr;
};

TEST_F(StatementCacheTest, AKeptStatementIsReusedWithItsNewBindings) {
  KeepStatementsOf(connection_);
  EXPECT_EQ(SumFrom(1), 6);
  EXPECT_EQ(KeptStatementCount(connection_), 1u);
  EXPECT_EQ(SumFrom(3), 3);
  EXPECT_EQ(SumFrom(2), 5);
  EXPECT_EQ(KeptStatementCount(connection_), 1u);
}

TEST_F(StatementCacheTest, TheSameSqlCanRunInsideItself) {
  KeepStatementsOf(connection_);
  long long total = 0;
  {
    CachedStatement outer(connection_, "SELECT n FROM t WHERE n >= ?");
    sqlite3_bind_int64(outer.get(), 1, 2);
    while (outer.Step()) total += SumFrom(sqlite3_column_int64(outer.get(), 0));  // 5 + 3
  }
  EXPECT_EQ(total, 8);
  EXPECT_EQ(KeptStatementCount(connection_), 1u);
}

TEST_F(StatementCacheTest, AtMostTheBoundIsKeptAndTheLeastRecentGoesFirst) {
  KeepStatementsOf(connection_);
  for (size_t i = 0; i < kKeptStatements + 10; ++i) {
    CachedStatement statement(connection_, "SELECT " + std::to_string(i));
    ASSERT_TRUE(statement.Step());
    EXPECT_EQ(sqlite3_column_int64(statement.get(), 0), static_cast<long long>(i));
  }
  EXPECT_EQ(KeptStatementCount(connection_), kKeptStatements);
}

TEST_F(StatementCacheTest, AConnectionNotRegisteredKeepsNothing) {
  EXPECT_EQ(SumFrom(1), 6);
  EXPECT_EQ(KeptStatementCount(connection_), 0u);
}

TEST_F(StatementCacheTest, AKeptStatementFollowsSchemaChanges) {
  KeepStatementsOf(connection_);
  EXPECT_EQ(SumFrom(1), 6);
  ASSERT_EQ(sqlite3_exec(connection_, "DROP TABLE t; CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (10);", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(SumFrom(1), 10);
}

TEST_F(StatementCacheTest, ErrorsAreThrownAndLeaveNothingBehind) {
  KeepStatementsOf(connection_);
  EXPECT_THROW(CachedStatement(connection_, "SELECT FROM nowhere"), SqliteError);
  ASSERT_EQ(sqlite3_exec(connection_, "CREATE TABLE u (n INTEGER UNIQUE); INSERT INTO u VALUES (1);", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  try {
    CachedStatement insert(connection_, "INSERT INTO u VALUES (1)");
    insert.Step();
    ADD_FAILURE() << "a duplicate was inserted";
  } catch (const SqliteError& error) {
    EXPECT_NE(std::string(error.what()).find("UNIQUE constraint"), std::string::npos) << error.what();
  }
  EXPECT_EQ(KeptStatementCount(connection_), 1u);  // the insert, reset and kept
}

}  // namespace
}  // namespace entente::db
