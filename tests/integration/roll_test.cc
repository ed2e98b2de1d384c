// A bar's roll through CSV import and export, on the backend of this run.

#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/csv/csv.h"
#include "harness.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/people_service.h"
#include "modules/directory/people_store.h"
#include "modules/directory/roll_service.h"

namespace entente::testing {
namespace {

directory::RollService& Roll() { return TestServer::Shared().app().roll(); }

// A synthetic roll of `count` lawyers in the export's own order and format.
std::string SyntheticRoll(int count) {
  static const char* kGiven[] = {"Aigerim", "Daniyar", "Madina", "Yerlan", "Camille", "Louis", "Айгерим", "Ерлан"};
  static const char* kFamily[] = {"Sadykova", "Nurlanov", "Dupont", "Moreau", "Омарова", "Сейтказин"};
  std::string csv = csv::FormatRow(directory::kRollColumns);
  for (int i = 1; i <= count; ++i) {
    std::string name = fmt::format("{} {}", kGiven[i % 8], kFamily[i % 6]);
    std::string other = i % 3 == 0 ? "Другое Имя" : "";
    csv +=
        csv::FormatRow({fmt::format("T-{:06d}", i), name, other, i % 2 ? "female" : "male", i % 5 ? "Almaty" : "Astana",
                        i % 4 ? "kk; ru" : "en; fr; ru", i % 7 ? "arbitration; tax" : "",
                        fmt::format("{}-{:02d}", 1990 + i % 30, i % 12 + 1), i % 50 ? "active" : "honorary", ""});
  }
  return csv;
}

TEST(RollTest, TenThousandRowsRoundTripUnchanged) {
  auto actor = auth::Actor::System("test");
  std::string roll = SyntheticRoll(10'000);
  auto dry = Roll().Import(actor, "almaty-city-bar-training-center", roll, directory::ImportMode::kCheckOnly);
  ASSERT_TRUE(dry) << dry.error().message();
  EXPECT_TRUE(dry->problems.empty());
  EXPECT_EQ(dry->created, 10'000u);
  EXPECT_FALSE(dry->written);
  auto started = std::chrono::steady_clock::now();
  size_t last_progress = 0;
  auto imported = Roll().Import(actor, "almaty-city-bar-training-center", roll, directory::ImportMode::kWrite,
                                [&](size_t done, size_t total) { last_progress = done; });
  ASSERT_TRUE(imported) << imported.error().message();
  ASSERT_TRUE(imported->problems.empty()) << imported->problems.front().message;
  EXPECT_TRUE(imported->written);
  EXPECT_EQ(last_progress, 10'000u);
  RecordProperty("import_seconds",
                 std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()));
  auto exported = Roll().Export(actor, "almaty-city-bar-training-center");
  ASSERT_TRUE(exported);
  EXPECT_EQ(*exported, roll);
  // Importing the same file again changes nothing: every row is an update.
  auto again = Roll().Import(actor, "almaty-city-bar-training-center", roll, directory::ImportMode::kCheckOnly);
  EXPECT_EQ(again->updated, 10'000u);
  // The new members are searchable at once.
  directory::PeopleService people(TestServer::Shared().app().database());
  directory::LawyerQuery query;
  query.text = "Sadykova";
  query.bar = "almaty-city-bar-training-center";
  auto found = people.FindLawyers(query, "en");
  ASSERT_TRUE(found);
  EXPECT_GT(found->total, 100);
}

TEST(RollTest, ABadFileWritesNothingAndListsEveryProblem) {
  auto actor = auth::Actor::System("test");
  std::string csv =
      "roll_number,name,status,admitted_on,role\n"
      "B-1,Good Lawyer,active,2001,platform_admin\n"
      "B-2,,active,2001,\n"
      "B-1,Twice,active,2001,\n"
      "B-3,Bad Date,active,2014-02-30,\n"
      "B-4,Bad Status,retired,,\n"
      "B-5,Short line\n";
  auto report = Roll().Import(actor, "paris-bar", csv, directory::ImportMode::kWrite);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->written);
  std::vector<size_t> lines;
  for (const auto& problem : report->problems) lines.push_back(problem.line);
  EXPECT_EQ(lines, (std::vector<size_t>{3, 4, 5, 6, 7}));
  EXPECT_EQ(report->ignored_columns, (std::vector<std::string>{"role"})) << "an undocumented column is ignored";
  auto exported = Roll().Export(actor, "paris-bar");
  EXPECT_EQ(exported->find("Good Lawyer"), std::string::npos) << "nothing was written";

  EXPECT_FALSE(
      Roll()
          .Import(actor, "paris-bar", std::string("roll_number,name\n1,\xff\xfe\n"), directory::ImportMode::kWrite)
          ->problems.empty());
  EXPECT_FALSE(Roll().Import(actor, "paris-bar", "name,city\nX,Y\n", directory::ImportMode::kWrite)->problems.empty())
      << "roll_number missing";
  auto unknown = Roll().Import(actor, "no-such-bar", csv, directory::ImportMode::kWrite);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), ErrorCode::kNotFound);
}

// The slugs Find a lawyer lists for `text`, with a bar and status filter if given.
std::vector<std::string> Found(const std::string& text, const std::string& bar = "", const std::string& status = "") {
  directory::PeopleService people(TestServer::Shared().app().database());
  directory::LawyerQuery query;
  query.text = text;
  query.bar = bar;
  query.status = status;
  auto found = people.FindLawyers(query, "en");
  EXPECT_TRUE(found) << text;
  std::vector<std::string> slugs;
  if (found) {
    for (const auto& hit : found->items) slugs.push_back(hit.slug);
  }
  return slugs;
}

// On the Paris roll, any status.
std::vector<std::string> FoundOnParisRoll(const std::string& text) { return Found(text, "paris-bar", "any"); }

// By default: active members of any bar, as the index entries' `listed` flag records them.
std::vector<std::string> FoundActive(const std::string& text) { return Found(text); }

// A person's names, languages and practice areas, as the store reads them back.
std::string Describe(const std::string& slug) {
  directory::PeopleService people(TestServer::Shared().app().database());
  auto person = people.GetPerson(slug);
  if (!person) return "(none)";
  std::string text;
  for (const auto& name : person->names) text += name.full_name + "; ";
  for (const auto& language : person->languages) text += language + " ";
  for (const auto& area : person->practice_areas) text += area + " ";
  return text;
}

TEST(RollTest, AReimportReplacesWhatThePeopleHadAndKeepsThem) {
  auto actor = auth::Actor::System("test");
  std::string first =
      "roll_number,name,other_names,languages,practice_areas\n"
      "U-1,Ulrich Quenneville,Ульрих Кенвиль,fr; de,tax law\n"
      "U-2,Berenike Ostrowska,,pl,\n";
  auto imported = Roll().Import(actor, "paris-bar", first, directory::ImportMode::kWrite);
  ASSERT_TRUE(imported && imported->written);
  auto found = FoundOnParisRoll("Quenneville");
  ASSERT_EQ(found.size(), 1u);
  std::string ulrich = found.front();
  EXPECT_EQ(FoundOnParisRoll("Кенвиль"), found);
  EXPECT_EQ(FoundOnParisRoll("Ulrich Quenneville"), found) << "two words: the key pairs";

  EXPECT_EQ(FoundActive("Ostrowska").size(), 1u) << "active: listed";
  // The same roll numbers again, with other names: each keeps its person, whose names, search
  // keys, languages and practice areas are those of the new file only.
  std::string second =
      "roll_number,name,other_names,languages,practice_areas,status\n"
      "U-1,Ulrich Vandermolen,,en,,active\n"
      "U-2,Berenike Ostrowska,,pl,,former\n"
      "U-3,Casimir Thibodeaux,,fr,arbitration,active\n";
  auto again = Roll().Import(actor, "paris-bar", second, directory::ImportMode::kWrite);
  ASSERT_TRUE(again && again->written);
  EXPECT_EQ(again->updated, 2u);
  EXPECT_EQ(again->created, 1u);
  EXPECT_EQ(FoundOnParisRoll("Vandermolen"), std::vector<std::string>{ulrich}) << "the same person";
  EXPECT_EQ(FoundOnParisRoll("Ulrich Vandermolen"), std::vector<std::string>{ulrich});
  EXPECT_EQ(FoundOnParisRoll("Vandermolem"), std::vector<std::string>{ulrich}) << "a typo of a new key";
  EXPECT_TRUE(FoundOnParisRoll("Quenneville").empty()) << "the old name's keys are gone";
  EXPECT_TRUE(FoundOnParisRoll("Кенвиль").empty()) << "and its other script";
  EXPECT_TRUE(FoundOnParisRoll("Ulrich Quenneville").empty()) << "and its key pairs";
  EXPECT_EQ(Describe(ulrich), "Ulrich Vandermolen; en ");
  EXPECT_EQ(FoundOnParisRoll("Ostrowska").size(), 1u);
  EXPECT_EQ(FoundOnParisRoll("Thibodeaux").size(), 1u);
  // Find a lawyer's default list (active members) follows the new statuses.
  EXPECT_EQ(FoundActive("Vandermolen"), std::vector<std::string>{ulrich});
  EXPECT_TRUE(FoundActive("Ostrowska").empty()) << "now a former member";
  EXPECT_EQ(FoundActive("Thibodeaux").size(), 1u);
  // A member of another bar too: a former member of this one stays listed.
  directory::PeopleService people(TestServer::Shared().app().database());
  auto person = people.GetPerson(ulrich);
  ASSERT_TRUE(person);
  ASSERT_TRUE(people.SaveMembership(actor, person->id, {"almaty-city-bar", "TEST-U1", "2009-05", "active", ""}));
  auto third =
      Roll().Import(actor, "paris-bar", "roll_number,name,languages,status\nU-1,Ulrich Vandermolen,en,former\n",
                    directory::ImportMode::kWrite);
  ASSERT_TRUE(third && third->written);
  EXPECT_EQ(FoundActive("Vandermolen"), std::vector<std::string>{ulrich}) << "active in Almaty";
  auto exported = Roll().Export(actor, "paris-bar");
  ASSERT_TRUE(exported);
  EXPECT_NE(exported->find("U-1,Ulrich Vandermolen,,,,en,,,former"), std::string::npos) << *exported;
}

// A transaction that fails after the import's writes — its body returns an error, or the
// writes themselves fail in a later chunk — leaves the directory as it was, and the next import
// on the same connections works.
TEST(RollTest, AFailedImportTransactionLeavesTheDirectoryAsItWas) {
  auto actor = auth::Actor::System("test");
  auto kept = Roll().Import(actor, "paris-bar", "roll_number,name,languages\nV-1,Vivienne Ashcombe,fr\n",
                            directory::ImportMode::kWrite);
  ASSERT_TRUE(kept && kept->written);
  auto vivienne = FoundOnParisRoll("Ashcombe");
  ASSERT_EQ(vivienne.size(), 1u);
  std::string before = Describe(vivienne.front());
  auto& database = TestServer::Shared().app().database();
  // 7,000 new people (two chunks), and Vivienne renamed.
  auto entries = [&] {
    std::vector<directory::PeopleStore::RollEntry> entries;
    for (int i = 0; i < 7000; ++i) {
      directory::PeopleStore::RollEntry entry;
      entry.person.slug = fmt::format("test-rollback-{:04d}", i);
      entry.person.names = {{fmt::format("Rollback Wolkenstein{}", i), directory::NameScript::kLatin,
                             directory::NameKind::kAsWritten, "", ""}};
      entry.roll_number = fmt::format("RB-{:04d}", i);
      entries.push_back(std::move(entry));
    }
    directory::PeopleStore::RollEntry renamed;
    renamed.person.slug = vivienne.front();
    renamed.person.names = {
        {"Vivienne Zanzibarova", directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""}};
    renamed.person.languages = {"en"};
    renamed.roll_number = "V-1";
    entries.push_back(std::move(renamed));
    return entries;
  };
  auto paris = [](soci::session& sql) { return *directory::OrganizationStore().FindIdBySlug(sql, "paris-bar"); };
  auto refused = database.Write([&](soci::session& sql) -> Status {
    directory::PeopleStore().BulkUpsert(sql, SystemPermit(paris(sql)), entries());
    return Fail(Error::Internal("refused after the writes"));
  });
  ASSERT_FALSE(refused);
  // The same entries, with the last person of the second chunk written twice: the writes fail.
  auto twice = entries();
  twice.push_back(twice[6500]);
  twice.back().roll_number = "RB-twice";
  auto failed = database.Write([&](soci::session& sql) -> Status {
    directory::PeopleStore().BulkUpsert(sql, SystemPermit(paris(sql)), twice);
    return {};
  });
  ASSERT_FALSE(failed);
  for (const char* text : {"Zanzibarova", "Wolkenstein12", "Wolkenstein6999", "Rollback"}) {
    EXPECT_TRUE(FoundOnParisRoll(text).empty()) << text;
  }
  EXPECT_EQ(FoundOnParisRoll("Ashcombe"), vivienne);
  EXPECT_EQ(Describe(vivienne.front()), before);
  auto exported = Roll().Export(actor, "paris-bar");
  ASSERT_TRUE(exported);
  EXPECT_EQ(exported->find("RB-"), std::string::npos);
  // The connections are usable: an import goes through.
  auto after =
      Roll().Import(actor, "paris-bar", "roll_number,name\nV-2,Valentin Oosterhuis\n", directory::ImportMode::kWrite);
  ASSERT_TRUE(after && after->written);
  EXPECT_EQ(FoundOnParisRoll("Oosterhuis").size(), 1u);
}

TEST(RollTest, OnlyTheBarsAdministratorsImportAndExport) {
  auth::Actor actor = SignedInActor("paris.admin@demo.entente.example");
  auto refused =
      Roll().Import(actor, "almaty-city-bar", "roll_number,name\nX-1,Someone\n", directory::ImportMode::kWrite);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_FALSE(Roll().Export(actor, "almaty-city-bar"));
  auto own = Roll().Import(actor, "paris-bar", "roll_number,name,city\nP-0001,=cmd|' /C calc'!A0,Paris\n",
                           directory::ImportMode::kWrite);
  ASSERT_TRUE(own && own->written);
  auto exported = Roll().Export(actor, "paris-bar");
  ASSERT_TRUE(exported);
  EXPECT_NE(exported->find("'=cmd"), std::string::npos) << "formulas are neutralised on export";
}

}  // namespace
}  // namespace entente::testing

namespace entente::testing {
namespace {

HttpResponse Upload(Browser& browser, const std::string& path, const std::string& file, bool dry_run) {
  std::string boundary = "----entente-test-boundary";
  std::string body =
      "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + browser.csrf_token + "\r\n";
  if (dry_run) body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n";
  body += "--" + boundary +
          "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roll.csv\"\r\n"
          "Content-Type: text/csv\r\n\r\n" +
          file + "\r\n--" + boundary + "--\r\n";
  return Request(browser.port, "POST", path,
                 {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", browser.CookieHeader()}},
                 body);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(RollPageTest, UploadChecksThenImports) {
  Browser admin = SignedInBrowser(TestServer::Shared().port(), "paris.admin@demo.entente.example");
  auto page = admin.Get("/organizations/paris-bar/roll");
  ASSERT_EQ(page.status, 200);
  std::string bad = "roll_number,name,status\nW-1,Web Import,active\nW-1,Again,active\nW-2,,retired\n";
  auto refused = Upload(admin, "/organizations/paris-bar/roll", bad, false);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "<td>3</td>")) << "the duplicate's line";
  EXPECT_TRUE(Contains(refused.body, "<td>4</td>"));
  std::string good = "roll_number,name,city\nW-1,Web Import,Paris\nW-2,Webb Importer,Lyon\n";
  auto dry = Upload(admin, "/organizations/paris-bar/roll", good, true);
  EXPECT_EQ(dry.status, 200);
  auto before = admin.Get("/organizations/paris-bar/roll.csv");
  EXPECT_FALSE(Contains(before.body, "Web Import")) << "a dry run writes nothing";
  // The import is checked at once, then runs in the background: the answer leads to its progress.
  auto imported = Upload(admin, "/organizations/paris-bar/roll", good, false);
  ASSERT_EQ(imported.status, 303);
  std::string progress = imported.Header("location");
  ASSERT_TRUE(progress.starts_with("/organizations/paris-bar/roll/imports/")) << progress;
  auto first = admin.Get(progress);
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(Contains(first.body, "<progress id=\"import-progress\""));
  // The status part, as htmx polls it, until the import has finished (bounded: it stops by itself).
  HttpResponse status;
  for (int attempt = 0; attempt < 300; ++attempt) {
    status = admin.Get(progress + "/status");
    ASSERT_EQ(status.status, 200);
    if (!Contains(status.body, "hx-trigger")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_FALSE(Contains(status.body, "hx-trigger")) << "the import did not finish";
  EXPECT_TRUE(Contains(status.body, "alert-success")) << status.body;
  EXPECT_TRUE(Contains(status.body, "value=\"2\""));
  // Only the user who started it may follow it.
  Browser other = SignedInBrowser(TestServer::Shared().port(), "platform.admin@demo.entente.example");
  EXPECT_EQ(other.Get(progress).status, 404);
  EXPECT_EQ(admin.Get("/organizations/paris-bar/roll/imports/0123456789abcdef/status").status, 404);
  auto after = admin.Get("/organizations/paris-bar/roll.csv");
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(Contains(after.Header("content-disposition"), "attachment"));
  EXPECT_TRUE(Contains(after.body, "W-2,Webb Importer,,,Lyon"));
  // Without the CSRF token, nothing.
  admin.csrf_token = "forged";
  EXPECT_EQ(Upload(admin, "/organizations/paris-bar/roll", good, false).status, 403);
}

}  // namespace
}  // namespace entente::testing
