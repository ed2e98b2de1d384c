// Cooperation agreements on the backend of this run: the demo as the story tells it, the
// lifecycle, bad input that writes nothing, who may change what, visibility in lists and on
// reads, document uploads, and the 12-month flag with fixed dates.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "harness.h"
#include "modules/agreements/agreement_service.h"

namespace entente::testing {
namespace {

using agreements::AgreementId;
using agreements::AgreementInput;
using nlohmann::json;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::uint16_t Port() { return TestServer::Shared().port(); }
agreements::AgreementService& Service() { return TestServer::Shared().app().agreements(); }

i18n::LocalizedText English(std::string text) {
  i18n::LocalizedText result;
  result.SetOriginal("en", std::move(text));
  return result;
}

// An agreement of the Paris Bar with another party, signed by their office holders.
AgreementInput Input(const std::string& slug, const std::string& other = "almaty-city-bar",
                     const std::string& other_signatory = "kenzhegali-karchegenov") {
  AgreementInput input;
  input.slug = slug;
  input.status = "signed";
  input.title = English("Test agreement " + slug);
  input.signed_on = "2020-03-01";
  input.parties = {{"paris-bar", "pierre-olivier-sur"}, {other, other_signatory}};
  input.objectives = {{std::nullopt, English("To exchange."), {"exchange"}},
                      {std::nullopt, English("To train."), {"training", "ethics"}}};
  return input;
}

const char* kCoordinator = "paris.coordinator@demo.entente.example";

long long AuditCount(AgreementId id) {
  auto count = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long value = id.value(), total = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'agreement' AND entity_id = :id", soci::use(value),
        soci::into(total);
    return total;
  });
  return count.value_or(-1);
}

long long Count(const std::string& table) {
  // Fixed statements: no table name is ever put into SQL text.
  static const std::map<std::string, std::string> kCounts = {
      {"agreements", "SELECT COUNT(*) FROM agreements"},
      {"agreement_parties", "SELECT COUNT(*) FROM agreement_parties"},
      {"agreement_objectives", "SELECT COUNT(*) FROM agreement_objectives"},
      {"agreement_documents", "SELECT COUNT(*) FROM agreement_documents"},
      {"audit_log", "SELECT COUNT(*) FROM audit_log"},
  };
  auto count = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long total = 0;
    sql << kCounts.at(table), soci::into(total);
    return total;
  });
  return count.value_or(-1);
}

json Api(Browser& browser, const std::string& path, int expected_status = 200) {
  auto response = browser.Get(path);
  EXPECT_EQ(response.status, expected_status) << path << ": " << response.body;
  return response.status == 200 ? json::parse(response.body) : json();
}

TEST(AgreementsTest, TheDemoReadsAsTheStory) {
  Browser visitor = AnonymousBrowser(Port());
  auto list = Api(visitor, "/api/v1/agreements?party=almaty-city-bar&year=2014");
  ASSERT_GE(list["total"].get<int>(), 1);
  long long id = 0;
  for (const auto& item : list["items"]) {
    if (item["slug"] == "paris-almaty-2014") id = item["id"].get<long long>();
  }
  ASSERT_NE(id, 0);
  auto agreement = Api(visitor, "/api/v1/agreements/" + std::to_string(id) + "?as_of=2015-06-30");
  EXPECT_EQ(agreement["signed_on"], "2014-10-14/2014-10-15");
  EXPECT_EQ(agreement["signing_place"]["en"]["text"], "Astana");
  EXPECT_EQ(agreement["initiated_by"]["slug"], "rule-of-law-platform");
  // What the story does not give stays unknown.
  EXPECT_EQ(agreement["term"], "unknown");
  EXPECT_EQ(agreement["renewal"], "unknown");
  EXPECT_TRUE(agreement["notice_months"].is_null());
  EXPECT_TRUE(agreement["authentic_languages"].is_null());
  EXPECT_TRUE(agreement["supported_by"].is_null());
  EXPECT_TRUE(agreement["coordinators"].empty());
  EXPECT_TRUE(agreement["documents"].empty());
  ASSERT_EQ(agreement["parties"].size(), 2u);
  std::map<std::string, std::string> titles;
  for (const auto& party : agreement["parties"]) {
    titles[party["signatory"]["person"]] = party["signatory"]["title_at_signing"];
  }
  EXPECT_EQ(titles["kenzhegali-karchegenov"], "chairman");
  EXPECT_EQ(titles["pierre-olivier-sur"], "president");
  ASSERT_EQ(agreement["objectives"].size(), 4u);
  std::vector<bool> quiet;
  for (const auto& objective : agreement["objectives"]) quiet.push_back(objective["no_activity_in_12_months"]);
  EXPECT_EQ(quiet, (std::vector<bool>{false, true, false, true})) << "as of 30 June 2015";
  auto later = Api(visitor, "/api/v1/agreements/" + std::to_string(id) + "?as_of=2016-12-31");
  for (const auto& objective : later["objectives"]) EXPECT_TRUE(objective["no_activity_in_12_months"].get<bool>());
  Api(visitor, "/api/v1/agreements/" + std::to_string(id) + "?as_of=31.12.2016", 422);

  // The page, in French: the signing as a range, the titles at the time, the follow-up.
  visitor.cookies["lang"] = "fr";
  auto page = visitor.Get("/agreements/paris-almaty-2014");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "14–15 octobre 2014")) << "signed as a range";
  EXPECT_TRUE(Contains(page.body, "Kenzhegali Karchegenov"));
  EXPECT_TRUE(Contains(page.body, "Pierre-Olivier Sûr"));
  EXPECT_TRUE(Contains(page.body, "Accord de coopération entre les barreaux de Paris et d&#39;Almaty"));
  EXPECT_TRUE(Contains(page.body, "décembre 2015"));
  // In Kazakh the record's text falls back to a language it has, marked as such.
  visitor.cookies["lang"] = "kk";
  auto kazakh = visitor.Get("/agreements/paris-almaty-2014");
  EXPECT_TRUE(Contains(kazakh.body, "<h1 lang=\"en\">Cooperation Agreement between the Paris and Almaty Bars"));
}

TEST(AgreementsTest, LifecycleWithAuditEntries) {
  auto coordinator = SignedInActor(kCoordinator);
  AgreementInput input = Input("test-lifecycle");
  input.status = "draft";
  input.signed_on = "";
  auto id = Service().Create(coordinator, input);
  ASSERT_TRUE(id) << id.error().message();
  EXPECT_EQ(AuditCount(*id), 1);

  struct Step {
    const char* status;
    const char* signed_on;
    const char* in_force_on;
    const char* suspended_on;
    const char* ended_on;
  };
  for (const Step& step : {Step{"signed", "2020-03-01", "", "", ""}, Step{"in_force", "2020-03-01", "2020-04", "", ""},
                           Step{"suspended", "2020-03-01", "2020-04", "2021-01-15", ""},
                           Step{"in_force", "2020-03-01", "2020-04", "2021-01-15", ""},
                           Step{"terminated", "2020-03-01", "2020-04", "2021-01-15", "2022-12-31"}}) {
    auto current = Service().Get(coordinator, *id);
    ASSERT_TRUE(current);
    AgreementInput change = agreements::InputFrom(*current);
    change.status = step.status;
    change.signed_on = step.signed_on;
    change.in_force_on = step.in_force_on;
    change.suspended_on = step.suspended_on;
    change.ended_on = step.ended_on;
    auto saved = Service().Update(coordinator, *id, change);
    ASSERT_TRUE(saved) << step.status << ": " << saved.error().message();
  }
  EXPECT_EQ(AuditCount(*id), 6);
  auto ended = Service().Get(coordinator, *id);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->status, agreements::AgreementStatus::kTerminated);
  EXPECT_EQ(ended->ended_on.ToString(), "2022-12-31");
  // Objectives kept their ids through the edits.
  ASSERT_EQ(ended->objectives.size(), 2u);

  // A terminated agreement does not come back into force.
  AgreementInput back = agreements::InputFrom(*ended);
  back.status = "in_force";
  auto refused = Service().Update(coordinator, *id, back);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);

  // Follow-up and activity through the API, in the audit log too.
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  std::string base = "/api/v1/agreements/" + std::to_string(id->value());
  auto follow_up = browser.SendJson("POST", base + "/follow-ups",
                                    R"({"entry_on":"2021-02","text":{"en":"Board meeting on the suspension."}})");
  EXPECT_EQ(follow_up.status, 201) << follow_up.body;
  std::string activity_body = json({{"kind", "round_table"},
                                    {"happened_on", "2020-06-15"},
                                    {"text", {{"fr", "Table ronde sur la déontologie"}}},
                                    {"objectives", {ended->objectives[1].id.value()}}})
                                  .dump();
  auto activity = browser.SendJson("POST", base + "/activities", activity_body);
  EXPECT_EQ(activity.status, 201) << activity.body;
  EXPECT_EQ(AuditCount(*id), 8);
  auto log = Api(browser, base + "/follow-ups");
  ASSERT_EQ(log["items"].size(), 1u);
  EXPECT_EQ(log["items"][0]["entry_on"], "2021-02");
}

TEST(AgreementsTest, BadInputIsRefusedAndWritesNothing) {
  auto coordinator = SignedInActor(kCoordinator);
  long long agreements_before = Count("agreements"), parties_before = Count("agreement_parties"),
            objectives_before = Count("agreement_objectives"), audit_before = Count("audit_log");
  struct Case {
    const char* name;
    void (*change)(AgreementInput&);
    const char* field;
  };
  const Case cases[] = {
      {"dates out of order", [](AgreementInput& i) { i.in_force_on = "2019-12"; }, "in_force_on"},
      {"a party twice",
       [](AgreementInput& i) {
         i.parties[1] = {"paris-bar", ""};
       },
       "parties"},
      {"a signatory without a position in the party",
       [](AgreementInput& i) { i.parties[0].signatory = "kenzhegali-karchegenov"; }, "signatories"},
      {"an objective with no text", [](AgreementInput& i) { i.objectives[1].text = {}; }, "objectives"},
      {"an unknown organization",
       [](AgreementInput& i) {
         i.parties[1] = {"no-such-bar", ""};
       },
       "parties"},
  };
  for (const auto& bad : cases) {
    AgreementInput input = Input("test-bad-input");
    bad.change(input);
    auto created = Service().Create(coordinator, input);
    ASSERT_FALSE(created) << bad.name;
    EXPECT_EQ(created.error().code(), ErrorCode::kInvalidArgument) << bad.name;
    bool named = false;
    for (const auto& field : created.error().fields()) named = named || field.field == bad.field;
    EXPECT_TRUE(named) << bad.name << " should name " << bad.field;
  }
  EXPECT_EQ(Count("agreements"), agreements_before);
  EXPECT_EQ(Count("agreement_parties"), parties_before);
  EXPECT_EQ(Count("agreement_objectives"), objectives_before);
  EXPECT_EQ(Count("audit_log"), audit_before);

  // An update with bad input leaves the agreement as it was.
  auto id = Service().Create(coordinator, Input("test-unchanged"));
  ASSERT_TRUE(id) << id.error().message();
  auto before = Service().Get(coordinator, *id);
  ASSERT_TRUE(before);
  AgreementInput change = agreements::InputFrom(*before);
  change.title = English("A new title");
  change.parties[0].signatory = "kenzhegali-karchegenov";  // holds no position in the Paris Bar
  auto refused = Service().Update(coordinator, *id, change);
  ASSERT_FALSE(refused);
  auto after = Service().Get(coordinator, *id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->title.Find("en")->text, before->title.Find("en")->text);
  EXPECT_EQ(after->updated_at_utc, before->updated_at_utc);
  EXPECT_EQ(after->parties[0].signatory_slug, "pierre-olivier-sur");

  // The form says so in the user's language, and writes nothing.
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.cookies["lang"] = "fr";
  browser.Get("/agreements/new");
  auto page = browser.PostForm("/agreements",
                               "slug=test-form-bad&kind=cooperation_agreement&status=signed&visibility="
                               "public&text_language=fr&title=Accord&signed_on=2020-05-01&in_force_on="
                               "2020-04-01&term=unknown&renewal=unknown&party_1=paris-bar&party_2=paris-bar");
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(Contains(page.body, "Un accord ne peut pas entrer en vigueur avant d")) << page.body.substr(0, 200);
  EXPECT_FALSE(Service().SlugTaken("test-form-bad").value_or(true));
}

TEST(AgreementsTest, OnlyThePartiesCoordinatorsAndAdminsChangeIt) {
  auto coordinator = SignedInActor(kCoordinator);
  // The Paris Bar with the Union of Lawyers: the Almaty City Bar is no party.
  auto input = Input("test-access", "union-of-lawyers-kz", "anuar-tugel");
  auto id = Service().Create(coordinator, input);
  ASSERT_TRUE(id) << id.error().message();
  auto agreement = Service().Get(coordinator, *id);
  ASSERT_TRUE(agreement);
  AgreementInput change = agreements::InputFrom(*agreement);
  change.title = English("Changed");

  auto other_admin = SignedInActor("almaty.admin@demo.entente.example");
  auto refused = Service().Update(other_admin, *id, change);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  for (const char* email : {"paris.member@demo.entente.example", "paris.editor@demo.entente.example"}) {
    auto actor = SignedInActor(email);
    EXPECT_EQ(Service().Update(actor, *id, change).error().code(), ErrorCode::kPermissionDenied) << email;
    EXPECT_EQ(Service().Create(actor, Input(std::string("test-by-") + email[6])).error().code(),
              ErrorCode::kPermissionDenied)
        << email;
  }
  // Creating an agreement for parties one does not coordinate.
  auto foreign = Input("test-foreign", "union-of-lawyers-kz", "anuar-tugel");
  foreign.parties[0] = {"republican-collegium-of-advocates-kz", "anuar-tugel"};
  EXPECT_EQ(Service().Create(other_admin, foreign).error().code(), ErrorCode::kPermissionDenied);

  // Over HTTP: 403 for the other bar's admin, on the form and the API.
  Browser almaty = SignedInBrowser(Port(), "almaty.admin@demo.entente.example");
  EXPECT_EQ(almaty.Get("/agreements/test-access/edit").status, 403);
  EXPECT_EQ(
      almaty.SendJson("PUT", "/api/v1/agreements/" + std::to_string(id->value()), R"({"title":{"en":"x"}})").status,
      403);
  EXPECT_EQ(almaty.PostForm("/agreements/test-access/follow-ups", "entry_on=2021-01&text=x").status, 403);
  // The Paris Bar's admin may (a bar admin includes the coordinator role).
  auto paris_admin = SignedInActor("paris.admin@demo.entente.example");
  EXPECT_TRUE(Service().Update(paris_admin, *id, change));
  auto platform_admin = SignedInActor("platform.admin@demo.entente.example");
  EXPECT_TRUE(Service().Update(platform_admin, *id, change));
}

TEST(AgreementsTest, VisibilityIsEnforcedInListsAndOnReads) {
  auto coordinator = SignedInActor(kCoordinator);
  auto parties_only = Input("test-parties-only", "union-of-lawyers-kz", "anuar-tugel");
  parties_only.visibility = "parties";
  parties_only.signed_on = "2019-05";
  auto hidden = Service().Create(coordinator, parties_only);
  ASSERT_TRUE(hidden) << hidden.error().message();
  auto members_only = Input("test-members-only", "union-of-lawyers-kz", "anuar-tugel");
  members_only.visibility = "members";
  members_only.signed_on = "2019-06";
  auto members = Service().Create(coordinator, members_only);
  ASSERT_TRUE(members) << members.error().message();

  auto count_2019 = [](Browser& browser) {
    auto list = Api(browser, "/api/v1/agreements?year=2019&party=union-of-lawyers-kz");
    std::set<std::string> slugs;
    for (const auto& item : list["items"]) slugs.insert(item["slug"]);
    EXPECT_EQ(list["total"].get<size_t>(), slugs.size()) << "the total counts visible agreements only";
    return slugs;
  };
  Browser anonymous = AnonymousBrowser(Port());
  Browser almaty_member = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  Browser paris_member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  Browser platform_admin = SignedInBrowser(Port(), "platform.admin@demo.entente.example");
  EXPECT_EQ(count_2019(anonymous), (std::set<std::string>{}));
  EXPECT_EQ(count_2019(almaty_member), (std::set<std::string>{"test-members-only"}));
  EXPECT_EQ(count_2019(paris_member), (std::set<std::string>{"test-members-only", "test-parties-only"}));
  EXPECT_EQ(count_2019(platform_admin), (std::set<std::string>{"test-members-only", "test-parties-only"}));

  std::string hidden_path = "/api/v1/agreements/" + std::to_string(hidden->value());
  EXPECT_EQ(anonymous.Get(hidden_path).status, 404);
  EXPECT_EQ(almaty_member.Get(hidden_path).status, 404);
  EXPECT_EQ(paris_member.Get(hidden_path).status, 200);
  EXPECT_EQ(anonymous.Get("/agreements/test-parties-only").status, 404);
  EXPECT_EQ(almaty_member.Get("/agreements/test-parties-only").status, 404);
  EXPECT_EQ(anonymous.Get("/agreements/test-members-only").status, 404);
  EXPECT_EQ(almaty_member.Get("/agreements/test-members-only").status, 200);
  // Not even a hint through the list page.
  auto page = anonymous.Get("/agreements?year=2019");
  EXPECT_FALSE(Contains(page.body, "test-parties-only"));
  EXPECT_FALSE(Contains(page.body, "test-members-only"));
  // Nor through the page of a party, which lists the agreements each may see.
  auto party_page = [](Browser& browser) { return browser.Get("/organizations/union-of-lawyers-kz").body; };
  EXPECT_FALSE(Contains(party_page(anonymous), "/agreements/test-parties-only"));
  EXPECT_FALSE(Contains(party_page(anonymous), "/agreements/test-members-only"));
  EXPECT_FALSE(Contains(party_page(almaty_member), "/agreements/test-parties-only"));
  EXPECT_TRUE(Contains(party_page(almaty_member), "/agreements/test-members-only"));
  EXPECT_TRUE(Contains(party_page(paris_member), "/agreements/test-parties-only"));
  EXPECT_TRUE(Contains(party_page(paris_member), "/agreements/test-members-only"));
}

HttpResponse Upload(Browser& browser, const std::string& path, const std::string& file_name, const std::string& file,
                    const std::string& language = "fr") {
  std::string boundary = "----entente-agreement-boundary";
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                     browser.csrf_token + "\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\n" + language + "\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
                     "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
  return Request(browser.port, "POST", path,
                 {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", browser.CookieHeader()}},
                 body);
}

TEST(AgreementsTest, DocumentsAreCheckedStoredAndServedToThoseWhoMaySee) {
  auto coordinator = SignedInActor(kCoordinator);
  auto public_input = Input("test-documents");
  ASSERT_TRUE(Service().Create(coordinator, public_input));
  auto private_input = Input("test-documents-hidden", "union-of-lawyers-kz", "anuar-tugel");
  private_input.visibility = "parties";
  auto hidden = Service().Create(coordinator, private_input);
  ASSERT_TRUE(hidden);

  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.Get("/agreements/test-documents");
  long long documents_before = Count("agreement_documents");
  std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  // Content that is not what its name says, or not a document at all: refused, nothing stored.
  for (auto [name, content] : {std::pair<std::string, std::string>{"accord.docx", pdf},
                               {"accord.pdf", "<html><script>alert(1)</script></html>"},
                               {"accord.exe", pdf},
                               {"accord.pdf", ""}}) {
    auto refused = Upload(browser, "/agreements/test-documents/documents", name, content);
    EXPECT_EQ(refused.status, 422) << name;
  }
  auto refused = Upload(browser, "/agreements/test-documents/documents", "accord.docx", pdf);
  EXPECT_TRUE(Contains(refused.body, "field-error")) << "the problem is shown on the form";
  EXPECT_EQ(Count("agreement_documents"), documents_before);

  auto uploaded = Upload(browser, "/agreements/test-documents/documents", "Accord signé.pdf", pdf);
  EXPECT_EQ(uploaded.status, 303) << uploaded.body.substr(0, 300);
  EXPECT_EQ(Count("agreement_documents"), documents_before + 1);
  auto agreement = Service().Get(coordinator, Service().Get(coordinator, std::string("test-documents"))->id);
  ASSERT_TRUE(agreement);
  ASSERT_EQ(agreement->documents.size(), 1u);
  const auto& document = agreement->documents.front();
  EXPECT_EQ(document.sha256_hex, agreements::Sha256Hex(pdf));
  EXPECT_EQ(document.size_bytes, static_cast<long long>(pdf.size()));

  // Anyone may download the public agreement's text, as an attachment.
  std::string download = "/agreements/test-documents/documents/" + std::to_string(document.id.value());
  auto file = Get(Port(), download);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  EXPECT_TRUE(Contains(file.Header("content-disposition"), "attachment"));
  EXPECT_EQ(file.Header("content-security-policy"), "sandbox");
  // The document is not reachable through another agreement.
  EXPECT_EQ(Get(Port(), "/agreements/paris-almaty-2014/documents/" + std::to_string(document.id.value())).status, 404);

  // The parties-only agreement's text is for its parties only.
  browser.Get("/agreements/test-documents-hidden");
  auto hidden_upload = Upload(browser, "/agreements/test-documents-hidden/documents", "accord.pdf", pdf);
  EXPECT_EQ(hidden_upload.status, 303);
  auto hidden_agreement = Service().Get(coordinator, *hidden);
  ASSERT_TRUE(hidden_agreement);
  ASSERT_EQ(hidden_agreement->documents.size(), 1u);
  std::string hidden_download =
      "/agreements/test-documents-hidden/documents/" + std::to_string(hidden_agreement->documents[0].id.value());
  EXPECT_EQ(Get(Port(), hidden_download).status, 404);
  EXPECT_EQ(SignedInBrowser(Port(), "almaty.member@demo.entente.example").Get(hidden_download).status, 404);
  EXPECT_EQ(SignedInBrowser(Port(), "paris.member@demo.entente.example").Get(hidden_download).status, 200);
  // A member of a party may read it but not upload.
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  member.Get("/agreements/test-documents");
  EXPECT_EQ(Upload(member, "/agreements/test-documents/documents", "accord.pdf", pdf).status, 403);
}

TEST(AgreementsTest, TheTwelveMonthFlagWithFixedDates) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-flag"));  // signed 1 March 2020, two objectives
  ASSERT_TRUE(id) << id.error().message();
  auto agreement = Service().Get(coordinator, *id);
  ASSERT_TRUE(agreement);
  agreements::ActivityInput activity;
  activity.kind = "meeting";
  activity.happened_on = "2021-05";
  activity.text = English("Meeting of the coordinators");
  activity.objectives = {agreement->objectives[0].id};
  ASSERT_TRUE(Service().AddActivity(coordinator, *id, activity));

  Browser visitor = AnonymousBrowser(Port());
  auto flags = [&](const std::string& as_of) {
    auto body = Api(visitor, "/api/v1/agreements/" + std::to_string(id->value()) + "?as_of=" + as_of);
    std::vector<bool> quiet;
    for (const auto& objective : body["objectives"]) quiet.push_back(objective["no_activity_in_12_months"]);
    return quiet;
  };
  EXPECT_EQ(flags("2020-02-29"), (std::vector<bool>{false, false})) << "before the signing";
  EXPECT_EQ(flags("2020-12-31"), (std::vector<bool>{true, true})) << "signed, nothing done yet";
  EXPECT_EQ(flags("2021-05-01"), (std::vector<bool>{false, true})) << "May 2021 may include the day";
  // The window of 30 May 2022 begins on 31 May 2021, the last day May 2021 stands for.
  EXPECT_EQ(flags("2022-05-30"), (std::vector<bool>{false, true}));
  EXPECT_EQ(flags("2022-05-31"), (std::vector<bool>{true, true})) << "twelve months after May 2021";

  // The page flags them too.
  auto page = visitor.Get("/agreements/test-flag?as_of=2022-06-01");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "objective-quiet"));
  EXPECT_EQ(visitor.Get("/agreements/test-flag?as_of=2022-13-01").status, 422);
}

TEST(AgreementsTest, YearlyReviewsOnePerYear) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-reviews"));
  ASSERT_TRUE(id) << id.error().message();
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.Get("/agreements/test-reviews");
  auto refused = browser.PostForm("/agreements/test-reviews/reviews", "year=2021&text_language=en");
  EXPECT_EQ(refused.status, 422) << "a review says something";
  auto saved = browser.PostForm("/agreements/test-reviews/reviews",
                                "year=2021&text_language=en&findings=Two+visits.&next_actions=A+round-table.");
  EXPECT_EQ(saved.status, 303);
  browser.Get("/agreements/test-reviews");
  auto again = browser.PostForm("/agreements/test-reviews/reviews",
                                "year=2021&text_language=fr&findings=Deux+visites+et+une+formation.");
  EXPECT_EQ(again.status, 303);
  auto agreement = Service().Get(coordinator, *id);
  ASSERT_TRUE(agreement);
  ASSERT_EQ(agreement->reviews.size(), 1u) << "the second review of 2021 replaces the first";
  EXPECT_EQ(agreement->reviews[0].findings.Find("fr")->text, "Deux visites et une formation.");
  auto page = browser.Get("/agreements/test-reviews");
  EXPECT_TRUE(Contains(page.body, "Deux visites et une formation."));
  browser.cookies["lang"] = "en";
  page = browser.Get("/agreements/test-reviews");
  EXPECT_TRUE(Contains(page.body, "lang=\"fr\">Deux visites")) << "in English, marked with its language";

  // The same through the API: one review per year, saved again replaces it.
  std::string reviews = "/api/v1/agreements/" + std::to_string(id->value()) + "/reviews";
  auto posted = browser.SendJson("POST", reviews, R"({"year": 2022, "findings": {"en": "A training school visit."}})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(json::parse(posted.body)["findings"]["en"]["text"], "A training school visit.");
  EXPECT_EQ(browser.SendJson("POST", reviews, R"({"year": "2022"})").status, 422) << "a year is a number";
  EXPECT_EQ(browser.SendJson("POST", reviews, R"({"year": 2022})").status, 422) << "a review says something";
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(member.SendJson("POST", reviews, R"({"year": 2023, "findings": {"en": "x"}})").status, 403);
  auto listed = json::parse(Get(Port(), reviews).body);
  ASSERT_EQ(listed["items"].size(), 2u);
  EXPECT_EQ(listed["items"][1]["year"], 2022);
}

TEST(AgreementsTest, TheEditFormKeepsWhatItDoesNotShow) {
  auto coordinator = SignedInActor(kCoordinator);
  AgreementInput input = Input("test-edit-form");
  input.title.SetTranslation("fr", "Accord d'essai");
  input.objectives[0].text.SetTranslation("fr", "Échanger.");
  auto id = Service().Create(coordinator, input);
  ASSERT_TRUE(id) << id.error().message();
  auto before = Service().Get(coordinator, *id);
  ASSERT_TRUE(before);
  // The form in English, as a browser would send it back after changing the English title.
  std::string objective_1 = std::to_string(before->objectives[0].id.value());
  std::string objective_2 = std::to_string(before->objectives[1].id.value());
  std::string fields =
      "slug=test-edit-form&kind=cooperation_agreement&status=in_force&visibility=public&text_language=en"
      "&title=Renamed+agreement&signed_on=2020-03-01&in_force_on=2020-04&term=open_ended&renewal=tacit"
      "&notice_months=6&authentic_languages=fr%2C+ru"
      "&party_1=paris-bar&signatory_1=pierre-olivier-sur&party_2=almaty-city-bar&signatory_2=kenzhegali-karchegenov"
      "&party_3=&signatory_3="
      "&objective_1_id=" +
      objective_1 +
      "&objective_1_text=To+exchange.&objective_1_category_exchange=1"
      "&objective_2_id=" +
      objective_2 +
      "&objective_2_text=To+train.&objective_2_category_training=1"
      "&objective_3_text=To+understand+the+legal+systems.&objective_3_category_legal_systems=1"
      "&objective_4_text=&coordinator_1_organization=almaty-city-bar&coordinator_1_person=daniyar-kanafin"
      "&coordinator_1_from=2020-04&coordinator_1_until=";
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  ASSERT_EQ(browser.Get("/agreements/test-edit-form/edit").status, 200);
  auto saved = browser.PostForm("/agreements/test-edit-form/edit", fields);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  auto after = Service().Get(coordinator, *id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->title.Find("en")->text, "Renamed agreement");
  ASSERT_NE(after->title.Find("fr"), nullptr) << "the French title is kept";
  EXPECT_EQ(after->title.Find("fr")->text, "Accord d'essai");
  EXPECT_EQ(after->status, agreements::AgreementStatus::kInForce);
  EXPECT_EQ(after->term, agreements::TermKind::kOpenEnded);
  EXPECT_EQ(after->renewal, agreements::Renewal::kTacit);
  EXPECT_EQ(after->notice_months, 6);
  EXPECT_EQ(after->authentic_languages, (std::vector<std::string>{"fr", "ru"}));
  ASSERT_EQ(after->objectives.size(), 3u);
  EXPECT_EQ(after->objectives[0].id, before->objectives[0].id) << "objectives keep their ids";
  EXPECT_EQ(after->objectives[0].text.Find("fr")->text, "Échanger.");
  EXPECT_EQ(after->objectives[1].categories,
            (std::vector<agreements::ObjectiveCategory>{agreements::ObjectiveCategory::kTraining}));
  ASSERT_EQ(after->coordinators.size(), 1u);
  EXPECT_EQ(after->coordinators[0].person_slug, "daniyar-kanafin");
  // The edit form shows what was saved, in the page's language.
  browser.cookies["lang"] = "en";
  auto form = browser.Get("/agreements/test-edit-form/edit");
  EXPECT_TRUE(Contains(form.body, "value=\"Renamed agreement\""));
  EXPECT_TRUE(Contains(form.body, "value=\"fr, ru\""));
  // The list pages through the agreements, keeping its filters.
  auto list = browser.Get("/agreements?year=2020&per_page=1");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "href=\"/agreements?year=2020&amp;page=2&amp;per_page=1\" rel=\"next\""))
      << "several agreements were signed in 2020 by now";
}

TEST(AgreementsTest, RecordedThroughTheForm) {
  Browser browser = SignedInBrowser(Port(), "almaty.admin@demo.entente.example");
  browser.cookies["lang"] = "ru";
  ASSERT_EQ(browser.Get("/agreements/new").status, 200);
  auto saved = browser.PostForm(
      "/agreements",
      "slug=test-form-memorandum&kind=memorandum_of_understanding&status=signed&visibility=members"
      "&text_language=ru&title=%D0%9C%D0%B5%D0%BC%D0%BE%D1%80%D0%B0%D0%BD%D0%B4%D1%83%D0%BC&signed_on=2019-09"
      "&signing_place=Almaty&term=fixed&term_months=36&renewal=explicit&notice_months=&authentic_languages="
      "&party_1=almaty-city-bar&signatory_1=kenzhegali-karchegenov&party_2=republican-collegium-of-advocates-kz"
      "&signatory_2=&party_3=&signatory_3="
      "&objective_1_text=%D0%9E%D0%B1%D0%BC%D0%B5%D0%BD&objective_1_category_exchange=1"
      "&objective_2_text=&coordinator_1_organization=&coordinator_1_person=");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(saved.Header("location"), "/agreements/test-form-memorandum?saved=1");
  auto actor = SignedInActor("almaty.admin@demo.entente.example");
  auto agreement = Service().Get(actor, std::string("test-form-memorandum"));
  ASSERT_TRUE(agreement) << agreement.error().message();
  EXPECT_EQ(agreement->kind, agreements::AgreementKind::kMemorandumOfUnderstanding);
  EXPECT_EQ(agreement->visibility, auth::Visibility::kMembers);
  EXPECT_EQ(agreement->title.Find("ru")->text, "Меморандум");
  EXPECT_TRUE(agreement->title.Find("ru")->original);
  EXPECT_EQ(agreement->term_months, 36);
  EXPECT_FALSE(agreement->notice_months) << "left empty: unknown";
  EXPECT_FALSE(agreement->authentic_languages) << "left empty: unknown";
  ASSERT_EQ(agreement->parties.size(), 2u);
  EXPECT_EQ(agreement->parties[0].signatory_title, "chairman");
  EXPECT_FALSE(agreement->parties[1].signatory) << "no signatory given: unknown";
  ASSERT_EQ(agreement->objectives.size(), 1u);
  auto page = browser.Get("/agreements/test-form-memorandum");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "неизвестно")) << "unknowns shown as such, in Russian";
}

}  // namespace
}  // namespace entente::testing
