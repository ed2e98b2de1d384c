#include "core/csv/csv.h"

#include <gtest/gtest.h>

namespace entente::csv {
namespace {

TEST(CsvTest, ParsesQuotesLineBreaksAndLineNumbers) {
  auto document = Parse("\xEF\xBB\xBFroll_number,name,city\r\n"
                        "A-1,\"Kanafin, Daniyar\",Almaty\r\n"
                        "\r\n"
                        "A-2,\"Said \"\"the\"\" lawyer\",\"two\nlines\"\n"
                        "A-3,Сүр,\n");
  ASSERT_TRUE(document.problems.empty());
  EXPECT_EQ(document.header, (std::vector<std::string>{"roll_number", "name", "city"}));
  ASSERT_EQ(document.rows.size(), 3u);
  EXPECT_EQ(document.rows[0].fields[1], "Kanafin, Daniyar");
  EXPECT_EQ(document.rows[0].line, 2u);
  EXPECT_EQ(document.rows[1].fields[1], "Said \"the\" lawyer");
  EXPECT_EQ(document.rows[1].fields[2], "two\nlines");
  EXPECT_EQ(document.rows[1].line, 4u);
  EXPECT_EQ(document.rows[2].line, 6u);
  EXPECT_EQ(document.rows[2].fields, (std::vector<std::string>{"A-3", "Сүр", ""}));
}

TEST(CsvTest, ReportsProblemsWithTheirLines) {
  EXPECT_EQ(Parse(std::string("a,b\n\xff\xfe,x\n")).problems.front().line, 1u);
  auto unclosed = Parse("a,b\n1,\"open\n2,3\n");
  ASSERT_FALSE(unclosed.problems.empty());
  EXPECT_EQ(unclosed.problems.front().line, 2u);
  auto stray = Parse("a,b\n1,x\"y\n");
  ASSERT_FALSE(stray.problems.empty());
  EXPECT_EQ(stray.problems.front().line, 2u);
  EXPECT_FALSE(Parse("").problems.empty());
}

TEST(CsvTest, ExportNeutralisesFormulasAndRoundTrips) {
  EXPECT_EQ(EscapeField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(EscapeField("+7 727 000"), "'+7 727 000");
  EXPECT_EQ(EscapeField("-1"), "'-1");
  EXPECT_EQ(EscapeField("@SUM"), "'@SUM");
  EXPECT_EQ(EscapeField("plain"), "plain");
  std::vector<std::string> fields = {"A, B", "quote \" inside", "line\nbreak", "Данияр"};
  auto parsed = Parse("h1,h2,h3,h4\r\n" + FormatRow(fields));
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].fields, fields);
}

}  // namespace
}  // namespace entente::csv
