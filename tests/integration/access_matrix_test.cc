// Every route, as every kind of actor, on a record of the actor's own organization, of another
// one, a hidden one and a missing one, against tests/access_matrix.tsv (docs/SECURITY.md 6–7 and
// "Across organizations").
//
// The matrix runs on a server of its own (fresh database, demo loaded), so that the records it
// creates — a third organization with hidden records, agreements, an event and a course per bar —
// and the rows it runs never meet the other tests.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "harness.h"

namespace entente::testing {
namespace {

using json = nlohmann::json;

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

// The kinds of record a row acts on. A route whose pattern names a record needs one row for each
// of kRequiredRecords; `shared` (a record of both bars: the Paris–Almaty agreement) may be added.
const std::set<std::string> kRequiredRecords = {"paris", "almaty", "hidden", "missing"};
const std::set<std::string> kOptionalRecords = {"shared"};

// Route parameters that do not name a record of an organization: a static file's path, a
// language code, and a personal feed's secret file name (a capability URL, not a record).
const std::set<std::string> kNotRecordParameters = {"path", "code", "file"};

constexpr size_t kFixedColumns = 5;  // method, pattern, record, path, body

struct Row {
  int line = 0;
  std::string method, pattern, record, path, body;
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
    EXPECT_EQ(cells.size(), kFixedColumns + kActors.size()) << "access_matrix.tsv line " << number;
    if (cells.size() != kFixedColumns + kActors.size()) continue;
    Row row{number, cells[0], cells[1], cells[2], cells[3], cells[4] == "-" ? "" : cells[4], {}};
    for (size_t i = 0; i < kActors.size(); ++i) {
      try {
        row.expected.push_back(std::stoi(cells[kFixedColumns + i]));
      } catch (const std::exception&) {
        ADD_FAILURE() << "access_matrix.tsv line " << number << ": status '" << cells[kFixedColumns + i] << "'";
        row.expected.push_back(0);
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The names of a pattern's parameters: "/events/{slug:slug}/sessions/{id:id}" → slug, id.
std::vector<std::string> Parameters(const std::string& pattern) {
  std::vector<std::string> names;
  for (size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
    size_t close = pattern.find('}', open);
    std::string inside = pattern.substr(open + 1, close - open - 1);
    names.push_back(inside.substr(0, inside.find(':')));
  }
  return names;
}

bool NamesRecord(const std::string& pattern) {
  for (const auto& name : Parameters(pattern)) {
    if (!kNotRecordParameters.contains(name)) return true;
  }
  return false;
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

// --- Fixtures ---

// Fixtures that could not be made (the rows would then test nothing).
int fixture_failures = 0;

// A POST to the JSON API that must answer 201; its parsed body (null on failure).
json Created(Browser& browser, const std::string& path, const std::string& body) {
  auto response = browser.SendJson("POST", path, body);
  EXPECT_EQ(response.status, 201) << "fixture POST " << path << ": " << response.body.substr(0, 500);
  if (response.status != 201) {
    ++fixture_failures;
    return nullptr;
  }
  auto parsed = json::parse(response.body, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << "fixture POST " << path << " answered no JSON";
  return parsed.is_discarded() ? json(nullptr) : parsed;
}

std::string IdOf(const json& value) {
  if (!value.is_object() || !value.contains("id")) return "0";
  return std::to_string(value["id"].get<long long>());
}

std::string FirstObjectiveOf(const json& agreement) {
  if (!agreement.is_object() || !agreement.contains("objectives") || agreement["objectives"].empty()) return "0";
  return std::to_string(agreement["objectives"][0]["id"].get<long long>());
}

long long Single(TestServer& server, const std::string& select, const std::string& value) {
  auto found = server.app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long id = 0;
    sql << select, soci::use(value), soci::into(id);
    return id;
  });
  EXPECT_TRUE(found && *found != 0) << "fixture lookup found nothing: " << select << " with " << value;
  if (!found || *found == 0) ++fixture_failures;
  return found.value_or(0);
}

struct Fixtures {
  std::map<std::string, std::string> values;  // placeholder → text
  std::vector<long long> grants;              // role grants that rows may revoke, restored after each
};

constexpr const char* kThirdBar = "matrix-third-bar";
constexpr const char* kHiddenOrganization = "matrix-hidden-bar";
constexpr const char* kFixturePassword = "matrix-fixture-password-1";

// Records of the demo the rows refer to, and records made here: a third, top-level bar on
// which no demo account but the platform admin holds a role, with a bar below it of
// `organization` visibility, a person on its roll, a user holding a role there, an agreement of `parties`
// visibility and an event of `organization` visibility; an agreement of the Paris Bar without
// the Almaty City Bar, one of the Almaty City Bar without the Paris Bar, an event organized by
// the Almaty City Bar, an invitation addressed to the Paris Bar, a course of each bar's training
// centre and one of `organization` visibility of the third bar, and API tokens and role grants
// of each side. Made through the JSON API as the platform admin (the API is the documented
// contract), except the users, which only the operator creates.
Fixtures MakeFixtures(TestServer& server) {
  Fixtures fixtures;
  auto& values = fixtures.values;
  Browser platform = SignedInBrowser(server.port(), "platform.admin@demo.entente.example");

  auto third = Created(platform, "/api/v1/organizations",
                       fmt::format(R"({{"slug":"{}","kind":"bar","name":{{"en":"Matrix Third Bar"}},
                                        "original_language":"en","visibility":"public"}})",
                                   kThirdBar));
  auto hidden_organization =
      Created(platform, "/api/v1/organizations",
              fmt::format(R"({{"slug":"{}","kind":"bar","parent":"{}","visibility":"organization",
                               "name":{{"en":"Matrix Hidden Bar"}},"original_language":"en"}})",
                          kHiddenOrganization, kThirdBar));
  values["third_bar"] = IdOf(third);
  values["hidden_org"] = IdOf(hidden_organization);
  values["hidden_org_slug"] = kHiddenOrganization;

  auto hidden_person = Created(platform, "/api/v1/people",
                               fmt::format(R"({{"person":{{"names":[{{"name":"Matrix Thirdbar Person"}}]}},
                                                "membership":{{"bar":"{}","roll_number":"MATRIX-1"}}}})",
                                           kThirdBar));
  values["hidden_person"] = IdOf(hidden_person);
  values["hidden_person_slug"] = hidden_person.is_object() ? hidden_person.value("slug", "") : "";

  auto agreement = [&](const std::string& slug, const std::string& visibility, const std::string& first,
                       const std::string& second) {
    return Created(platform, "/api/v1/agreements",
                   fmt::format(R"({{"slug":"{}","kind":"cooperation_agreement","status":"signed","signed_on":"2016-05",
                                    "visibility":"{}","title":{{"en":"Matrix agreement {}"}},
                                    "parties":[{{"organization":"{}"}},{{"organization":"{}"}}],
                                    "objectives":[{{"text":{{"en":"Matrix objective {}"}},"categories":["exchange"]}}]}})",
                               slug, visibility, slug, first, second, slug));
  };
  auto paris_agreement = agreement("matrix-paris-agreement", "public", "paris-bar", "french-ministry-of-justice");
  auto almaty_agreement =
      agreement("matrix-almaty-agreement", "members", "almaty-city-bar", "republican-collegium-of-advocates-kz");
  auto hidden_agreement = agreement("matrix-hidden-agreement", "parties", kThirdBar, "union-of-lawyers-kz");
  values["paris_agreement"] = IdOf(paris_agreement);
  values["almaty_agreement"] = IdOf(almaty_agreement);
  values["hidden_agreement"] = IdOf(hidden_agreement);
  values["paris_objective"] = FirstObjectiveOf(paris_agreement);
  values["almaty_objective"] = FirstObjectiveOf(almaty_agreement);
  values["hidden_objective"] = FirstObjectiveOf(hidden_agreement);

  auto event = [&](const std::string& slug, const std::string& visibility, const std::string& organizer) {
    return Created(platform, "/api/v1/events",
                   fmt::format(R"({{"slug":"{}","kind":"workshop","visibility":"{}","time_zone":"Asia/Almaty",
                                    "country":"KZ","starts":"2027-05-10","ends":"2027-05-11","registration":"closed",
                                    "title":{{"en":"Matrix event {}"}},"city":{{"en":"Almaty"}},
                                    "organizers":["{}"]}})",
                               slug, visibility, slug, organizer));
  };
  auto almaty_event = event("matrix-almaty-event", "public", "almaty-city-bar");
  auto hidden_event = event("matrix-hidden-event", "organization", kThirdBar);
  values["almaty_event"] = IdOf(almaty_event);
  values["hidden_event"] = IdOf(hidden_event);

  auto paris_invitation =
      Created(platform, "/api/v1/events/" + values["almaty_event"] + "/invitations",
              R"({"from_organization":"almaty-city-bar","to_organization":"paris-bar","invited_count":2,"language":"fr"})");
  auto hidden_invitation = Created(
      platform, "/api/v1/events/" + values["hidden_event"] + "/invitations",
      fmt::format(R"({{"from_organization":"{}","to_organization":"union-of-lawyers-kz","language":"en"}})", kThirdBar));
  values["paris_invitation"] = IdOf(paris_invitation);
  values["hidden_invitation"] = IdOf(hidden_invitation);

  // Courses: one of the Paris Bar's training school (public), one of the Almaty City Bar's
  // training center (`members`), one of the third bar (`organization`).
  auto course = [&](const std::string& slug, const std::string& provider, const std::string& visibility) {
    return Created(platform, "/api/v1/courses",
                   fmt::format(R"({{"slug":"{}","provider":"{}","kind":"seminar","format":"in_person",
                                    "nominal_hours":3,"visibility":"{}","title":{{"en":"Matrix course {}"}}}})",
                               slug, provider, visibility, slug));
  };
  values["paris_course"] = IdOf(course("matrix-paris-course", "paris-bar-training-school", "public"));
  values["almaty_course"] = IdOf(course("matrix-almaty-course", "almaty-city-bar-training-center", "members"));
  values["hidden_course"] = IdOf(course("matrix-hidden-course", kThirdBar, "organization"));

  // Users: one holding a role only on the third bar, and one on each bar whose role grant the
  // revocation rows act on (the demo accounts' own grants stay untouched).
  auto& accounts = server.app().accounts();
  auto user = [&](const std::string& email, const std::string& organization) {
    auto id = accounts.EnsureDemoUser({email, "Matrix fixture " + email, "en", kFixturePassword},
                                      {{auth::Role::kMember, organization}}, "access-matrix");
    EXPECT_TRUE(id) << "fixture user " << email << ": " << (id ? "" : id.error().message());
    if (!id) ++fixture_failures;
    return id ? std::to_string(id->value()) : std::string("0");
  };
  values["hidden_user"] = user("matrix.third@demo.entente.example", kThirdBar);
  std::string paris_grantee = user("matrix.paris@demo.entente.example", "paris-bar");
  std::string almaty_grantee = user("matrix.almaty@demo.entente.example", "almaty-city-bar");
  values["paris_grantee"] = paris_grantee;
  values["almaty_grantee"] = almaty_grantee;
  const std::string grant_of = "SELECT id FROM role_grants WHERE user_id = CAST(:owner AS INTEGER)";
  for (const auto& [name, grantee] :
       {std::pair{"paris_grant", paris_grantee}, {"almaty_grant", almaty_grantee}, {"hidden_grant", values["hidden_user"]}}) {
    long long grant = Single(server, grant_of, grantee);
    values[name] = std::to_string(grant);
    fixtures.grants.push_back(grant);
  }

  // Users of the demo and of the fixtures.
  const std::string user_of = "SELECT id FROM users WHERE email = :email";
  values["paris_member"] = std::to_string(Single(server, user_of, "paris.member@demo.entente.example"));
  values["almaty_member"] = std::to_string(Single(server, user_of, "almaty.member@demo.entente.example"));

  // API tokens: two of the Paris member (one for the page, one for the API, as its owner revokes
  // them), one each of the Almaty member and the third bar's user.
  auto token = [&](const std::string& email, const std::string& password) {
    Browser owner = SignedInBrowser(server.port(), email, password);
    return IdOf(Created(owner, "/api/v1/tokens", R"({"name":"matrix fixture"})"));
  };
  values["paris_token"] = token("paris.member@demo.entente.example", "entente-demo-2014");
  values["paris_api_token"] = token("paris.member@demo.entente.example", "entente-demo-2014");
  values["almaty_token"] = token("almaty.member@demo.entente.example", "entente-demo-2014");
  values["hidden_token"] = token("matrix.third@demo.entente.example", kFixturePassword);

  // Records of the demo.
  const std::string organization_of = "SELECT id FROM organizations WHERE slug = :slug";
  const std::string person_of = "SELECT id FROM people WHERE slug = :slug";
  values["paris_bar"] = std::to_string(Single(server, organization_of, "paris-bar"));
  values["almaty_bar"] = std::to_string(Single(server, organization_of, "almaty-city-bar"));
  values["paris_person"] = std::to_string(Single(server, person_of, "pierre-olivier-sur"));
  values["almaty_person"] = std::to_string(Single(server, person_of, "daniyar-kanafin"));
  values["shared_agreement"] =
      std::to_string(Single(server, "SELECT id FROM agreements WHERE slug = :slug", "paris-almaty-2014"));
  const std::string rentree = "rentree-du-barreau-de-paris-2014";
  values["paris_event"] = std::to_string(Single(server, "SELECT id FROM events WHERE slug = :slug", rentree));
  values["almaty_invitation"] = std::to_string(
      Single(server,
             "SELECT MIN(i.id) FROM event_invitations i JOIN events e ON e.id = i.event_id WHERE e.slug = :slug", rentree));
  values["paris_participant"] = std::to_string(Single(
      server, "SELECT MIN(p.id) FROM event_participants p JOIN events e ON e.id = p.event_id WHERE e.slug = :slug",
      rentree));
  values["paris_session"] = std::to_string(Single(
      server, "SELECT MIN(s.id) FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = :slug",
      rentree));
  return fixtures;
}

// Rows that revoke a role grant may succeed for some actors: the fixture grants are restored
// after each cell, so that every actor meets the same record.
void RestoreGrants(TestServer& server, const std::vector<long long>& grants) {
  auto restored = server.app().database().Write([&](soci::session& sql) -> Status {
    for (long long grant : grants) {
      sql << "UPDATE role_grants SET revoked_at_utc = NULL, revoked_by = NULL WHERE id = :id", soci::use(grant);
    }
    return {};
  });
  EXPECT_TRUE(restored) << "restoring the fixture role grants: " << restored.error().message();
}

TEST(AccessMatrixTest, EveryRouteAsEveryActorOnEveryKindOfRecord) {
  // The matrix signs in with a wrong password for every actor: the per-account wait would answer
  // 429 after five of them, which is the sign-in tests' subject, not this one's.
  auto server = TestServer::StartOwn("access_matrix",
                                     [](app::Config& config) { config.sign_in_failures_before_delay = 1000; });
  auto rows = ReadMatrix();
  ASSERT_FALSE(rows.empty());

  // Every route has its rows — one (record "-") without a record parameter, one per kind of
  // record with one —, every row names a route, and no two rows share method, pattern and record.
  std::set<std::pair<std::string, std::string>> routes;
  for (const auto& route : server->app().router().routes()) {
    routes.emplace(std::string(http::MethodName(route.method)), route.pattern);
  }
  std::map<std::pair<std::string, std::string>, std::set<std::string>> listed;
  for (const auto& row : rows) {
    auto key = std::pair{row.method, row.pattern};
    EXPECT_TRUE(listed[key].insert(row.record).second)
        << "two rows for " << row.method << " " << row.pattern << " [" << row.record << "] (line " << row.line << ")";
    if (NamesRecord(row.pattern)) {
      EXPECT_TRUE(kRequiredRecords.contains(row.record) || kOptionalRecords.contains(row.record))
          << "line " << row.line << ": record '" << row.record << "' for " << row.pattern
          << " (paris, almaty, hidden, missing or shared)";
    } else {
      EXPECT_EQ(row.record, "-") << "line " << row.line << ": " << row.pattern << " names no record";
    }
  }
  for (const auto& route : routes) {
    auto found = listed.find(route);
    if (found == listed.end()) {
      ADD_FAILURE() << "no row in tests/access_matrix.tsv for " << route.first << " " << route.second;
      continue;
    }
    if (!NamesRecord(route.second)) continue;
    for (const auto& record : kRequiredRecords) {
      EXPECT_TRUE(found->second.contains(record))
          << "tests/access_matrix.tsv has no '" << record << "' row for " << route.first << " " << route.second;
    }
  }
  for (const auto& [route, records] : listed) {
    EXPECT_TRUE(routes.contains(route)) << "tests/access_matrix.tsv lists " << route.first << " " << route.second
                                        << ", which is not a route";
  }

  auto fixtures = MakeFixtures(*server);
  ASSERT_EQ(fixture_failures, 0) << "the fixtures could not be made";

  std::map<std::string, Browser> browsers;
  browsers["anonymous"] = AnonymousBrowser(server->port());
  for (const auto& [actor, email] : kAccounts) browsers[actor] = SignedInBrowser(server->port(), email);

  // One line per failing cell, reported together at the end.
  std::vector<std::string> failures;
  size_t cells = 0;
  for (const auto& row : rows) {
    std::string path = Substitute(row.path, fixtures.values);
    std::string body = Substitute(row.body, fixtures.values);
    if (path.find('{') != std::string::npos || body.find("{") != std::string::npos) {
      // A JSON body has braces of its own: only an unknown {placeholder} is a mistake.
      for (const std::string& text : {path, body}) {
        for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
          size_t close = text.find('}', open);
          std::string inside = close == std::string::npos ? "" : text.substr(open + 1, close - open - 1);
          bool placeholder = !inside.empty() && inside.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
          EXPECT_FALSE(placeholder) << "line " << row.line << ": unknown placeholder {" << inside << "}";
        }
      }
    }
    bool api = row.pattern.starts_with("/api/");
    bool revokes = row.pattern.find("/roles/") != std::string::npos && row.method != "GET";
    for (size_t i = 0; i < kActors.size(); ++i) {
      Browser& browser = browsers[kActors[i]];
      HttpResponse response;
      if (row.method == "GET") {
        response = browser.Get(path);
      } else if (api) {
        response = browser.SendJson(row.method, path, body.empty() ? "{}" : body);
      } else {
        response = browser.PostForm(path, body);
      }
      ++cells;
      if (response.status != row.expected[i]) {
        failures.push_back(fmt::format("line {:>3}  {:<6} {:<58} [{:<7}] {:<14} expected {} got {}  {}", row.line,
                                       row.method, row.pattern, row.record, kActors[i], row.expected[i],
                                       response.status, path));
      }
      if (revokes) RestoreGrants(*server, fixtures.grants);
    }
  }

  std::string report;
  for (const auto& failure : failures) report += failure + "\n";
  if (const char* file = std::getenv("ENTENTE_MATRIX_FAILURES"); file && *file) {
    std::ofstream(file) << report;
  }
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << cells
                                << " cells differ from tests/access_matrix.tsv:\n"
                                << report;
}

}  // namespace
}  // namespace entente::testing
