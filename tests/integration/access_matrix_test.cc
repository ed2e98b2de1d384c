// Every route, as every kind of actor, against tests/access_matrix.tsv (SECURITY.md 6).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "harness.h"

namespace entente::testing {
namespace {

const std::vector<std::string> kActors = {"anonymous",   "member",    "editor",        "coordinator",
                                          "other_admin", "bar_admin", "platform_admin"};

const std::map<std::string, std::string> kAccounts = {
    {"member", "paris.member@demo.entente.example"},
    {"editor", "paris.editor@demo.entente.example"},
    {"coordinator", "paris.coordinator@demo.entente.example"},
    {"other_admin", "almaty.admin@demo.entente.example"},
    {"bar_admin", "paris.admin@demo.entente.example"},
    {"platform_admin", "platform.admin@demo.entente.example"},
};

struct Row {
  int line = 0;
  std::string method, pattern, path, body;
  std::vector<int> expected;  // per actor
};

std::vector<Row> ReadMatrix() {
  std::ifstream in(std::filesystem::path(ENTENTE_DEFAULT_WEB_DIR).parent_path() / "tests" / "access_matrix.tsv");
  EXPECT_TRUE(in) << "tests/access_matrix.tsv is missing";
  std::vector<Row> rows;
  std::string line;
  int number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.starts_with('#')) continue;
    std::vector<std::string> cells;
    std::stringstream stream(line);
    std::string cell;
    while (std::getline(stream, cell, '\t')) cells.push_back(cell);
    if (header) {
      header = false;
      continue;
    }
    EXPECT_EQ(cells.size(), 4 + kActors.size()) << "access_matrix.tsv line " << number;
    if (cells.size() != 4 + kActors.size()) continue;
    Row row{number, cells[0], cells[1], cells[2], cells[3] == "-" ? "" : cells[3], {}};
    for (size_t i = 0; i < kActors.size(); ++i) row.expected.push_back(std::stoi(cells[4 + i]));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    std::string placeholder = "{" + name + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder)) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

TEST(AccessMatrixTest, EveryRouteAsEveryActor) {
  auto& server = TestServer::Shared();
  auto rows = ReadMatrix();
  ASSERT_FALSE(rows.empty());

  // Every route has exactly one row, and every row names a route.
  std::set<std::pair<std::string, std::string>> routes, listed;
  for (const auto& route : server.app().router().routes()) {
    routes.emplace(std::string(http::MethodName(route.method)), route.pattern);
  }
  for (const auto& row : rows) {
    EXPECT_TRUE(listed.emplace(row.method, row.pattern).second) << "two rows for " << row.method << " " << row.pattern;
  }
  for (const auto& route : routes) {
    EXPECT_TRUE(listed.contains(route)) << "no row in tests/access_matrix.tsv for " << route.first << " "
                                        << route.second;
  }
  for (const auto& row : listed) {
    EXPECT_TRUE(routes.contains(row)) << "tests/access_matrix.tsv lists " << row.first << " " << row.second
                                      << ", which is not a route";
  }

  // Demo records the rows refer to.
  auto ids = server.app().database().Read([](soci::session& sql) -> Result<std::map<std::string, std::string>> {
    long long member = 0, bar = 0, kanafin = 0, agreement = 0, rentree = 0, invitation = 0;
    sql << "SELECT id FROM users WHERE email = 'paris.member@demo.entente.example'", soci::into(member);
    sql << "SELECT id FROM organizations WHERE slug = 'paris-bar'", soci::into(bar);
    sql << "SELECT id FROM people WHERE slug = 'daniyar-kanafin'", soci::into(kanafin);
    sql << "SELECT id FROM agreements WHERE slug = 'paris-almaty-2014'", soci::into(agreement);
    sql << "SELECT id FROM events WHERE slug = 'rentree-du-barreau-de-paris-2014'", soci::into(rentree);
    sql << "SELECT i.id FROM event_invitations i JOIN events e ON e.id = i.event_id WHERE e.slug = "
           "'rentree-du-barreau-de-paris-2014'",
        soci::into(invitation);
    return std::map<std::string, std::string>{{"paris_member", std::to_string(member)},
                                              {"paris_bar", std::to_string(bar)},
                                              {"kanafin", std::to_string(kanafin)},
                                              {"paris_almaty", std::to_string(agreement)},
                                              {"rentree", std::to_string(rentree)},
                                              {"rentree_invitation", std::to_string(invitation)}};
  });
  ASSERT_TRUE(ids) << ids.error().message();

  std::map<std::string, Browser> browsers;
  browsers["anonymous"] = AnonymousBrowser(server.port());
  for (const auto& [actor, email] : kAccounts) browsers[actor] = SignedInBrowser(server.port(), email);

  for (const auto& row : rows) {
    std::string path = Substitute(row.path, *ids);
    std::string body = Substitute(row.body, *ids);
    for (size_t i = 0; i < kActors.size(); ++i) {
      Browser& browser = browsers[kActors[i]];
      // Fresh CSRF token for the actor: a signed-in page or the sign-in form.
      HttpResponse response;
      bool api = row.pattern.starts_with("/api/");
      if (row.method == "GET") {
        response = browser.Get(path);
      } else if (api) {
        response = browser.SendJson(row.method, path, body.empty() ? "{}" : body);
      } else {
        response = browser.PostForm(path, body);
      }
      EXPECT_EQ(response.status, row.expected[i])
          << row.method << " " << path << " as " << kActors[i] << " (access_matrix.tsv line " << row.line << ")";
    }
  }
}

}  // namespace
}  // namespace entente::testing
