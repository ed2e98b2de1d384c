#include "modules/agreements/rules.h"
#include "modules/agreements/documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

namespace entente::agreements {
namespace {

i18n::LocalizedText English(std::string text) {
  i18n::LocalizedText result;
  result.SetOriginal("en", std::move(text));
  return result;
}

AgreementInput Valid() {
  AgreementInput input;
  input.slug = "paris-almaty-2014";
  input.status = "signed";
  input.title = English("Cooperation Agreement");
  input.signed_on = "2014-10-14/2014-10-15";
  input.parties = {{"paris-bar", "pierre-olivier-sur"}, {"almaty-city-bar", "kenzhegali-karchegenov"}};
  input.objectives = {{std::nullopt, English("To promote exchanges between the two bars."), {"exchange"}}};
  return input;
}

bool HasError(const std::vector<FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) { return error.field == field; });
}

TEST(ValidateAgreementTest, AcceptsTheStory) { EXPECT_TRUE(ValidateAgreement(Valid()).empty()); }

TEST(ValidateAgreementTest, UnknownsAreAllowed) {
  AgreementInput input = Valid();
  input.signed_on = "";
  input.term = "unknown";
  input.renewal = "unknown";
  input.notice_months = "";
  input.authentic_languages.reset();
  input.parties[0].signatory = "";
  EXPECT_TRUE(ValidateAgreement(input).empty());
}

struct Case {
  const char* name;
  void (*change)(AgreementInput&);
  const char* field;
};

const Case kBadInputs[] = {
    {"slug with capitals", [](AgreementInput& i) { i.slug = "Paris"; }, "slug"},
    {"reserved slug", [](AgreementInput& i) { i.slug = "new"; }, "slug"},
    {"unknown kind", [](AgreementInput& i) { i.kind = "treaty"; }, "kind"},
    {"unknown status", [](AgreementInput& i) { i.status = "maybe"; }, "status"},
    {"private visibility", [](AgreementInput& i) { i.visibility = "private"; }, "visibility"},
    {"no title", [](AgreementInput& i) { i.title = {}; }, "title"},
    {"blank title", [](AgreementInput& i) { i.title = English("   "); }, "title"},
    {"malformed date", [](AgreementInput& i) { i.signed_on = "14/10/2014"; }, "signed_on"},
    {"impossible date", [](AgreementInput& i) { i.signed_on = "2014-02-30"; }, "signed_on"},
    {"in force before signing", [](AgreementInput& i) { i.in_force_on = "2014-09"; }, "in_force_on"},
    {"ended before signing", [](AgreementInput& i) { i.ended_on = "2013"; }, "ended_on"},
    {"suspended before in force",
     [](AgreementInput& i) {
       i.in_force_on = "2015-01-01";
       i.suspended_on = "2014-12-31";
     },
     "suspended_on"},
    {"draft with a signing date", [](AgreementInput& i) { i.status = "draft"; }, "status"},
    {"fixed term without months", [](AgreementInput& i) { i.term = "fixed"; }, "term_months"},
    {"months without a fixed term", [](AgreementInput& i) { i.term_months = "12"; }, "term_months"},
    {"negative notice", [](AgreementInput& i) { i.notice_months = "-3"; }, "notice_months"},
    {"unknown renewal", [](AgreementInput& i) { i.renewal = "sometimes"; }, "renewal"},
    {"language twice",
     [](AgreementInput& i) {
       i.authentic_languages = std::vector<std::string>{"fr", "fr"};
     },
     "authentic_languages"},
    {"one party", [](AgreementInput& i) { i.parties.pop_back(); }, "parties"},
    {"party twice", [](AgreementInput& i) { i.parties[1].organization = "paris-bar"; }, "parties"},
    {"objective without text", [](AgreementInput& i) { i.objectives[0].text = {}; }, "objectives"},
    {"objective without category", [](AgreementInput& i) { i.objectives[0].categories.clear(); }, "objectives"},
    {"unknown category", [](AgreementInput& i) { i.objectives[0].categories = {"sports"}; }, "objectives"},
    {"text in another language", [](AgreementInput& i) { i.title.SetTranslation("de", "Vertrag"); }, "title"},
    {"coordinator of no party",
     [](AgreementInput& i) {
       i.coordinators.push_back({"rule-of-law-platform", "daniyar-kanafin", "", ""});
     },
     "coordinators"},
    {"coordinator dates out of order",
     [](AgreementInput& i) {
       i.coordinators.push_back({"paris-bar", "pierre-olivier-sur", "2015", "2014"});
     },
     "coordinators"},
};

TEST(ValidateAgreementTest, RefusesBadInput) {
  for (const auto& bad : kBadInputs) {
    AgreementInput input = Valid();
    bad.change(input);
    auto errors = ValidateAgreement(input);
    EXPECT_TRUE(HasError(errors, bad.field)) << bad.name;
  }
}

TEST(ValidateAgreementTest, ReportsEachProblemOnce) {
  AgreementInput input = Valid();
  input.parties = {{"paris-bar", ""}, {"paris-bar", ""}, {"paris-bar", ""}};
  auto errors = ValidateAgreement(input);
  EXPECT_EQ(std::count_if(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "parties"; }), 1);
}

TEST(OutOfOrderTest, UsesThePrecisionOfEachDate) {
  auto date = [](const char* text) { return *PartialDate::Parse(text); };
  EXPECT_FALSE(OutOfOrder(date("2014-10-14/2014-10-15"), date("2014-10")));  // may be the same days
  EXPECT_TRUE(OutOfOrder(date("2014-10-14"), date("2014-10-13")));
  EXPECT_FALSE(OutOfOrder(date(""), date("2000")));  // unknown is never out of order
}

TEST(ValidateActivityTest, NeedsTextAndAnObjective) {
  ActivityInput input;
  input.kind = "visit";
  input.happened_on = "2014-12-10/2014-12-13";
  EXPECT_TRUE(HasError(ValidateActivity(input), "text"));
  EXPECT_TRUE(HasError(ValidateActivity(input), "objectives"));
  input.text = English("Visit to the Rentrée");
  input.objectives = {ObjectiveId(1)};
  EXPECT_TRUE(ValidateActivity(input).empty());
  input.kind = "background";  // background needs no objective
  input.objectives.clear();
  EXPECT_TRUE(ValidateActivity(input).empty());
}

TEST(ValidateFollowUpTest, NeedsADateAndText) {
  FollowUpInput input;
  EXPECT_TRUE(HasError(ValidateFollowUp(input), "entry_on"));
  EXPECT_TRUE(HasError(ValidateFollowUp(input), "text"));
  input.entry_on = "2015-12";
  input.text = English("The President of the Paris Bar reiterated his commitment.");
  EXPECT_TRUE(ValidateFollowUp(input).empty());
}

TEST(MayMoveTest, ForwardOnlyExceptSuspension) {
  EXPECT_TRUE(MayMove(AgreementStatus::kDraft, AgreementStatus::kSigned));
  EXPECT_TRUE(MayMove(AgreementStatus::kInForce, AgreementStatus::kSuspended));
  EXPECT_TRUE(MayMove(AgreementStatus::kSuspended, AgreementStatus::kInForce));
  EXPECT_FALSE(MayMove(AgreementStatus::kSigned, AgreementStatus::kDraft));
  EXPECT_FALSE(MayMove(AgreementStatus::kTerminated, AgreementStatus::kInForce));
  EXPECT_TRUE(MayMove(AgreementStatus::kExpired, AgreementStatus::kExpired));
}

// --- Documents ---

void Put16(std::string& out, std::uint16_t value) {
  out.push_back(static_cast<char>(value & 0xff));
  out.push_back(static_cast<char>(value >> 8));
}
void Put32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// A zip of stored entries (no compression); `claimed_size` overrides the uncompressed size
// written in the central directory (a bomb claims far more than it holds).
std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries, std::uint32_t claimed_size = 0) {
  std::string out, directory;
  for (const auto& [name, data] : entries) {
    std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    Put32(out, 0x04034b50);
    Put16(out, 10), Put16(out, 0), Put16(out, 0), Put16(out, 0), Put16(out, 0);
    Put32(out, 0), Put32(out, static_cast<std::uint32_t>(data.size())),
        Put32(out, static_cast<std::uint32_t>(data.size()));
    Put16(out, static_cast<std::uint16_t>(name.size())), Put16(out, 0);
    out += name + data;
    Put32(directory, 0x02014b50);
    Put16(directory, 20), Put16(directory, 10), Put16(directory, 0), Put16(directory, 0), Put16(directory, 0),
        Put16(directory, 0);
    Put32(directory, 0), Put32(directory, static_cast<std::uint32_t>(data.size()));
    Put32(directory, claimed_size ? claimed_size : static_cast<std::uint32_t>(data.size()));
    Put16(directory, static_cast<std::uint16_t>(name.size())), Put16(directory, 0), Put16(directory, 0);
    Put16(directory, 0), Put16(directory, 0), Put32(directory, 0), Put32(directory, offset);
    directory += name;
  }
  std::uint32_t directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  Put32(out, 0x06054b50);
  Put16(out, 0), Put16(out, 0), Put16(out, static_cast<std::uint16_t>(entries.size())),
      Put16(out, static_cast<std::uint16_t>(entries.size()));
  Put32(out, static_cast<std::uint32_t>(directory.size())), Put32(out, directory_offset), Put16(out, 0);
  return out;
}

std::string Docx() { return Zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}); }
std::string Odt() {
  return Zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<office:document/>"}});
}

TEST(RecognizeDocumentTest, KnowsPdfDocxOdtByContent) {
  EXPECT_EQ(RecognizeDocument("agreement.pdf", "%PDF-1.7\n...").value(), DocumentType::kPdf);
  EXPECT_EQ(RecognizeDocument("Agreement.DOCX", Docx()).value(), DocumentType::kDocx);
  EXPECT_EQ(RecognizeDocument("accord.odt", Odt()).value(), DocumentType::kOdt);
}

TEST(RecognizeDocumentTest, RefusesContentThatIsNotWhatItsNameSays) {
  EXPECT_FALSE(RecognizeDocument("agreement.pdf", Docx()));
  EXPECT_FALSE(RecognizeDocument("agreement.docx", "%PDF-1.4"));
  EXPECT_FALSE(RecognizeDocument("agreement.odt", Docx()));
  EXPECT_FALSE(RecognizeDocument("agreement.pdf", "<html><script>alert(1)</script>"));
  EXPECT_FALSE(RecognizeDocument("agreement.docx", Zip({{"a.txt", "hello"}})));
  EXPECT_FALSE(RecognizeDocument("agreement.exe", "%PDF-1.4"));
  EXPECT_FALSE(RecognizeDocument("agreement", "%PDF-1.4"));
  auto error = RecognizeDocument("agreement.pdf", "GIF89a");
  ASSERT_FALSE(error);
  ASSERT_EQ(error.error().fields().size(), 1u);
  EXPECT_EQ(error.error().fields()[0].field, "file");
}

TEST(RecognizeDocumentTest, RefusesEmptyHugeAndExplosiveFiles) {
  EXPECT_FALSE(RecognizeDocument("agreement.pdf", ""));
  EXPECT_FALSE(RecognizeDocument("agreement.pdf", "%PDF-" + std::string(kMaxDocumentBytes, 'x')));
  std::string bomb = Zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}},
                         /*claimed_size=*/0x7fffffff);
  EXPECT_FALSE(RecognizeDocument("agreement.docx", bomb));
  EXPECT_FALSE(RecognizeDocument("agreement.docx", Docx().substr(0, 40)));  // truncated
}

}  // namespace
}  // namespace entente::agreements
